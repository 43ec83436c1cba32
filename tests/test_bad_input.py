"""Every class of bad input gets a Vietnamese message naming file, line and field."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from generator.content import load_content
from generator.content.errors import ContentError

from .conftest import replace_once


def problems_for(content: Path) -> list:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return caught.value.problems


def only_problem(content: Path):
    problems = problems_for(content)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_unknown_key_suggests_the_right_one(content_copy: Path) -> None:
    line = replace_once(content_copy / "muc-tieu-2030.yml", "    indicators:", "    indicator:")
    problem = only_problem(content_copy)
    assert problem.file.endswith("muc-tieu-2030.yml")
    assert problem.line == line
    assert "không có trong lược đồ" in problem.message_vi
    assert "có phải ý bạn là “indicators”" in problem.message_vi
    assert problem.field.endswith("indicator")


def test_number_written_as_words_is_an_error(content_copy: Path) -> None:
    path = content_copy / "muc-tieu-2030.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.strip().startswith("value: 30"))
    line = replace_once(path, old, old.replace("30", "ba mươi"))
    problem = only_problem(content_copy)
    assert problem.line == line
    assert "phải là số" in problem.message_vi
    assert "ba mươi" in problem.message_vi
    assert problem.field.endswith(".value")


@pytest.mark.parametrize("bad", ["2025-02-31", "31/02/2025"])
def test_date_that_does_not_exist(content_copy: Path, bad: str) -> None:
    line = replace_once(content_copy / "to-chuc-thuc-hien.yml", "2025-03-25", bad)
    problem = only_problem(content_copy)
    assert problem.file.endswith("to-chuc-thuc-hien.yml")
    assert problem.line == line
    assert "không tồn tại" in problem.message_vi or "ngày có thật" in problem.message_vi


def test_vietnamese_date_form_is_accepted(content_copy: Path) -> None:
    replace_once(content_copy / "to-chuc-thuc-hien.yml", "2025-03-25", "25/3/2025")
    content = load_content(content_copy)
    dates = [a.deadline.date.isoformat() for u in content.organisation.units for a in u.assignments if a.deadline]
    assert "2025-03-25" in dates


def test_missing_required_field(content_copy: Path) -> None:
    path = content_copy / "ke-hoach.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("issuer:"))
    replace_once(path, old + "\n", "")
    problem = only_problem(content_copy)
    assert "thiếu trường bắt buộc “issuer”" in problem.message_vi
    assert problem.line == 1 or problem.line is not None


def test_duplicate_key_is_an_error(content_copy: Path) -> None:
    path = content_copy / "cai-dat.yml"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("site_name:"))
    path.write_text(text + "\nsite_name: Tên khác\n", encoding="utf-8")
    problem = only_problem(content_copy)
    assert "bị lặp lại" in problem.message_vi
    assert problem.line == len((text + "\n").splitlines()) + 1
    assert f"dòng {text.splitlines().index(first) + 1}" in problem.message_vi


def test_tab_indentation(content_copy: Path) -> None:
    line = replace_once(content_copy / "cai-dat.yml", "  unit:", "\tunit:")
    problem = only_problem(content_copy)
    assert problem.line == line
    assert "Tab" in problem.message_vi


def test_unclosed_quote(content_copy: Path) -> None:
    path = content_copy / "cai-dat.yml"
    path.write_text(path.read_text(encoding="utf-8") + 'phone: "0216 \n', encoding="utf-8")
    problem = only_problem(content_copy)
    assert "ngoặc kép" in problem.message_vi
    assert problem.file.endswith("cai-dat.yml") and problem.line is not None


def test_empty_file(content_copy: Path) -> None:
    (content_copy / "nhiem-vu.yml").write_text("# chỉ có chú thích\n", encoding="utf-8")
    problem = only_problem(content_copy)
    assert problem.file.endswith("nhiem-vu.yml") and problem.line == 1
    assert "tệp rỗng" in problem.message_vi


def test_truncated_file(content_copy: Path) -> None:
    path = content_copy / "ke-hoach.yml"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    problems = problems_for(content_copy)
    assert all(p.file.endswith("ke-hoach.yml") and p.line is not None for p in problems)
    assert any("thiếu trường bắt buộc" in p.message_vi or "giữa chừng" in p.message_vi for p in problems)


def test_file_not_utf8_says_save_as_utf8(content_copy: Path) -> None:
    path = content_copy / "cai-dat.yml"
    text = path.read_text(encoding="utf-8")
    windows_1258 = "\ncontact_note: Yên Bái\n".encode("cp1258", errors="replace")
    path.write_bytes(text.encode("utf-8") + windows_1258.replace(b"\xea", b"\xea\xff"))
    problem = only_problem(content_copy)
    assert "UTF-8" in problem.message_vi
    assert problem.line == len(text.splitlines()) + 2


def test_byte_order_mark_is_accepted(content_copy: Path) -> None:
    path = content_copy / "cai-dat.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_content(content_copy).settings.site_name


def test_decomposed_text_is_normalised_to_nfc(content_copy: Path) -> None:
    path = content_copy / "cai-dat.yml"
    nfd = unicodedata.normalize("NFD", path.read_text(encoding="utf-8"))
    path.write_text(nfd, encoding="utf-8")
    name = load_content(content_copy).settings.site_name
    assert name == unicodedata.normalize("NFC", name)
    assert "Bình" in name


def test_alias_bomb_is_refused_quickly(content_copy: Path) -> None:
    bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 12):
        bomb.append(f"{chr(97 + level)}: &{chr(97 + level)} [" + ",".join([f"*{chr(96 + level)}"] * 9) + "]")
    (content_copy / "nhiem-vu.yml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    started = time.monotonic()
    problem = only_problem(content_copy)
    assert time.monotonic() - started < 5
    assert "neo YAML" in problem.message_vi or "bí danh" in problem.message_vi
    assert problem.line == 1


def test_huge_file_is_refused(content_copy: Path) -> None:
    (content_copy / "nhiem-vu.yml").write_text("# x\n" + "a: b\n" * 400_000, encoding="utf-8")
    problem = only_problem(content_copy)
    assert "quá lớn" in problem.message_vi


@pytest.mark.parametrize(("injected", "named"), [
    ("<script>alert(1)</script>", "HTML"),
    ("[bấm vào đây](JavaScript:alert(1))", "javascript"),
])
def test_script_in_text_is_rejected(content_copy: Path, injected: str, named: str) -> None:
    path = content_copy / "nhiem-vu.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    line = replace_once(path, old, old.split(":")[0] + f': "{injected}"')
    problem = only_problem(content_copy)
    assert problem.line == line
    assert named in problem.message_vi


def test_quote_must_stand_in_the_paragraph(content_copy: Path) -> None:
    replace_once(content_copy / "muc-tieu-2030.yml", "tối thiểu 30% GDP", "tối thiểu 35% GDP")
    problems = problems_for(content_copy)
    assert any("không có trong đoạn văn gốc" in p.message_vi for p in problems)
    assert all(p.file.endswith("muc-tieu-2030.yml") and p.line for p in problems)


def test_all_errors_are_reported_in_one_run(content_copy: Path) -> None:
    replace_once(content_copy / "cai-dat.yml", "site_name:", "site_nam:")
    replace_once(content_copy / "to-chuc-thuc-hien.yml", "2025-03-25", "2025-02-30")
    files = {Path(p.file).name for p in problems_for(content_copy)}
    assert files == {"cai-dat.yml", "to-chuc-thuc-hien.yml"}


def test_html_in_indicator_unit_is_rejected(content_copy: Path) -> None:
    line = replace_once(content_copy / "muc-tieu-2030.yml", 'unit: "% GDP"', 'unit: "<img src=x onerror=alert(1)>"')
    problem = only_problem(content_copy)
    assert problem.line == line and "HTML" in problem.message_vi
