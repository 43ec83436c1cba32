"""Every class of bad input gets a Vietnamese message naming file, line and field."""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest
import yaml

from generator.content import load_content

from .conftest import problems_for, replace_once


def only_problem(content: Path):
    problems = problems_for(content)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def first_key_line(text: str) -> int:
    """The line of a file's first key: where its top-level mapping starts (comments come before)."""
    return next(number for number, line in enumerate(text.splitlines(), start=1) if line and not line.startswith("#"))


def test_unknown_key_suggests_the_right_one(content_copy: Path) -> None:
    line = replace_once(content_copy / "muc-tieu/2030.yml", "    indicators:", "    indicator:")
    problem = only_problem(content_copy)
    assert problem.file.endswith("muc-tieu/2030.yml")
    assert problem.line == line
    assert problem.message_vi == "ở chỗ này không có trường “indicator”; có phải ý bạn là “indicators”?"
    assert problem.field.endswith("indicator")


def test_number_written_as_words_is_an_error(content_copy: Path) -> None:
    path = content_copy / "muc-tieu/2030.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.strip().startswith("value: 80"))
    line = replace_once(path, old, old.replace("80", "ba mươi"))
    problem = only_problem(content_copy)
    assert problem.line == line
    assert "phải là số" in problem.message_vi
    assert "ba mươi" in problem.message_vi
    assert problem.field.endswith(".value")


@pytest.mark.parametrize(("bad", "expected"), [
    # ISO form: YAML reads it as a date and fails first, so the reader names the value.
    ("2025-02-31", "giá trị “2025-02-31” không hợp lệ (ngày không tồn tại?)"),
    # Vietnamese form: a string, refused by the schema's date parser with the value shown.
    ("31/02/2025", "ngày này không tồn tại trên lịch (giá trị hiện có: “31/02/2025”)"),
])
def test_date_that_does_not_exist(content_copy: Path, bad: str, expected: str) -> None:
    line = replace_once(content_copy / "to-chuc-thuc-hien.yml", "2025-03-20", bad)
    problem = only_problem(content_copy)
    assert problem.file.endswith("to-chuc-thuc-hien.yml")
    assert problem.line == line
    assert problem.message_vi == expected
    assert problem.field.endswith(".deadline.date")


def test_vietnamese_date_form_is_accepted(content_copy: Path) -> None:
    replace_once(content_copy / "to-chuc-thuc-hien.yml", "2025-03-20", "20/3/2025")
    content = load_content(content_copy)
    dates = [a.deadline.date.isoformat() for u in content.organisation.units for a in u.assignments if a.deadline]
    assert "2025-03-20" in dates


def test_missing_required_field(content_copy: Path) -> None:
    path = content_copy / "ke-hoach.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("issuer:"))
    replace_once(path, old + "\n", "")
    problem = only_problem(content_copy)
    assert problem.message_vi == "thiếu trường bắt buộc “issuer”"
    assert problem.field == "issuer"
    # A missing key has no line of its own: the error points at the mapping that lacks it (the file's first key).
    assert problem.line == first_key_line(text)


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
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    path.write_text(text + 'phone: "0216 \n', encoding="utf-8")
    problem = only_problem(content_copy)
    assert problem.message_vi.startswith("dấu ngoặc kép mở ở dòng này chưa được đóng")
    assert problem.file.endswith("cai-dat.yml")
    # Reported where the quote opens (the appended line), not where PyYAML gave up: the end of the file.
    assert problem.line == len(text.splitlines()) + 1


def test_empty_file(content_copy: Path) -> None:
    (content_copy / "nhiem-vu.yml").write_text("# chỉ có chú thích\n", encoding="utf-8")
    problem = only_problem(content_copy)
    assert problem.file.endswith("nhiem-vu.yml") and problem.line == 1
    assert "tệp rỗng" in problem.message_vi


def test_file_cut_inside_a_letter(content_copy: Path) -> None:
    path = content_copy / "ke-hoach.yml"
    data = path.read_bytes()
    cut = next(i for i in range(len(data) // 2, len(data)) if data[i] >= 0xC0) + 1  # after a letter's first byte
    path.write_bytes(data[:cut])
    problem = only_problem(content_copy)
    assert problem.file.endswith("ke-hoach.yml")
    assert problem.line == data[:cut].count(b"\n") + 1, "the last, cut line"
    assert problem.message_vi == "tệp kết thúc giữa chừng (bị cắt cụt giữa một chữ)"


def test_file_cut_at_a_line_names_each_lost_field(content_copy: Path) -> None:
    path = content_copy / "ke-hoach.yml"
    data = path.read_bytes()
    # At the first top-level key after the middle: the fields from there on are lost whole.
    cut = next(m.start() for m in re.finditer(rb"^[a-z_]+:", data, re.M) if m.start() >= len(data) // 2)
    path.write_bytes(data[:cut])
    lost = re.findall(r"^([a-z_]+):", data[cut:].decode("utf-8"), re.M)
    assert lost, "the cut must drop at least one top-level field"
    problems = problems_for(content_copy)
    assert sorted(p.message_vi for p in problems) == sorted(f"thiếu trường bắt buộc “{name}”" for name in lost)
    assert {(Path(p.file).name, p.line) for p in problems} == {("ke-hoach.yml", first_key_line(data.decode("utf-8")))}


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
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))["site_name"]
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_content(content_copy).settings.site_name == expected


def test_decomposed_text_is_normalised_to_nfc(content_copy: Path) -> None:
    path = content_copy / "cai-dat.yml"
    text = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(text)["site_name"]
    assert expected == unicodedata.normalize("NFC", expected) != unicodedata.normalize("NFD", expected)
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert load_content(content_copy).settings.site_name == expected


def test_alias_bomb_is_refused_quickly(content_copy: Path) -> None:
    bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 12):
        bomb.append(f"{chr(97 + level)}: &{chr(97 + level)} [" + ",".join([f"*{chr(96 + level)}"] * 9) + "]")
    (content_copy / "nhiem-vu.yml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    started = time.monotonic()
    problem = only_problem(content_copy)
    assert time.monotonic() - started < 5
    assert problem.message_vi == "không dùng được neo YAML (&tên)"
    assert problem.file.endswith("nhiem-vu.yml") and problem.line == 1


def test_huge_file_is_refused(content_copy: Path) -> None:
    (content_copy / "nhiem-vu.yml").write_text("# x\n" + "a: b\n" * 400_000, encoding="utf-8")
    problem = only_problem(content_copy)
    assert problem.file.endswith("nhiem-vu.yml")
    assert problem.message_vi.startswith("tệp quá lớn (2,000,004 byte") and "tối đa 1,000,000" in problem.message_vi


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
    path = content_copy / "muc-tieu/2030.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    quote = next(line for line in lines if line.strip().startswith("quote:") and "tối thiểu 80%" in line)
    quote = quote.split("quote:", 1)[1].strip()
    line = replace_once(path, "tối thiểu 80%", "tối thiểu 85%")
    assert "quote:" not in lines[line - 1], "the paragraph's text changed, not the quote"
    paragraph = max(number for number in range(1, line + 1) if lines[number - 1].startswith("  - "))
    problem = only_problem(content_copy)
    assert problem.file.endswith("muc-tieu/2030.yml")
    assert problem.line == paragraph, "the paragraph whose text no longer holds the quote"
    assert problem.message_vi.startswith(f"câu trích ở “quote” không có trong đoạn văn gốc: “{quote}”. Trích đúng từng chữ")


def test_all_errors_are_reported_in_one_run(content_copy: Path) -> None:
    replace_once(content_copy / "cai-dat.yml", "site_name:", "site_nam:")
    replace_once(content_copy / "to-chuc-thuc-hien.yml", "2025-03-20", "2025-02-30")
    files = {Path(p.file).name for p in problems_for(content_copy)}
    assert files == {"cai-dat.yml", "to-chuc-thuc-hien.yml"}


def test_html_in_indicator_unit_is_rejected(content_copy: Path) -> None:
    line = replace_once(content_copy / "muc-tieu/2030.yml", 'unit: "%"', 'unit: "<img src=x onerror=alert(1)>"')
    problem = only_problem(content_copy)
    assert problem.line == line and "HTML" in problem.message_vi
