"""Content lint: each finding names file:line and a fix; errors fail, style findings only warn."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from generator.content import load_content
from generator.editor.lint import lint, number_pattern

from .conftest import CONTENT, ROOT, fixture_indicators, problems_for, with_scanned_copy

POST = """---
title: Hội nghị quán triệt
date: 2025-03-15
author: Ban biên tập
category: hoat-dong
summary: Tóm tắt.
---
{body}
"""


WAITING = "chờ duyệt:"
"""Items waiting for approval (the fixture's Q&A item ``nguoi-dan-o-dau`` and these tests' posts): tests/test_approval.py."""


def findings_at(content: Path, name: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.severity, f.message) for f in lint(content)
            if f.file.endswith(name) and not f.message.startswith(WAITING)]


def post(content: Path, body: str, name: str = "2025-03-15-x.md") -> str:
    (content / "tin-tuc" / name).write_text(POST.format(body=body), encoding="utf-8")
    return name


def test_the_districts_content_is_clean() -> None:
    """The district's content/ (one of the few tests that read it): clean but for the reminder that the footer's
    publisher details are still empty (they are not in the plan)."""
    findings = [f for f in lint(CONTENT) if not f.message.startswith(("chân trang còn thiếu", WAITING))]
    assert [str(f) for f in findings] == []


def test_planted_ocr_error_in_yaml_is_an_error_with_file_and_line(content_copy: Path) -> None:
    with_scanned_copy(content_copy)
    path = content_copy / "hoc-tap-quan-triet.yml"
    # Planted everywhere: a duty quotes the same sentence, and a quote must still stand in its paragraph.
    right, wrong = "quán triệt Nghị quyết cho cán bộ chủ chốt", "quán chiệt Nghị quyết cho cán bộ chủ chốt"
    text = path.read_text(encoding="utf-8").replace(right, wrong)
    path.write_text(text, encoding="utf-8")
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if "quán chiệt" in line]
    # Where the scanned copy is kept, validate stops first: the plan's wording changed, at the first line, original shown.
    [problem] = problems_for(content_copy)
    assert (problem.file.endswith("content/hoc-tap-quan-triet.yml"), problem.line) == (True, lines[0])
    assert "quán triệt" in problem.message_vi.split("ở đây đang là")[0] and "quán chiệt" in problem.message_vi
    # A locality without a scanned copy still gets lint's known-OCR-error check on every line.
    (content_copy / "source" / "ke-hoach-ocr.txt").unlink()
    found = [f for f in lint(content_copy) if f.severity == "error"]
    assert lines and [(f.file, f.line) for f in found] == [("content/hoc-tap-quan-triet.yml", n) for n in lines]
    assert "quán triệt" in found[0].fix


def test_ocr_error_wrapped_over_two_lines_is_found(content_copy: Path) -> None:
    name = post(content_copy, "Các chi bộ\nquán\nchiệt Nghị quyết.")
    assert findings_at(content_copy, name) == [(9, "error", "“quán chiệt” là lỗi nhận dạng chữ/lỗi gõ đã biết")]


def test_correct_phrases_are_not_flagged(content_copy: Path) -> None:
    name = post(content_copy, "Nâng cao hiệu quả quản trị quốc gia; mở các chuyên trang, chuyên mục.")
    assert findings_at(content_copy, name) == []


def test_cli_exit_code_and_output(content_copy: Path) -> None:
    name = post(content_copy, "Tuyên truyền NQ 57 và quán chiệt.")
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content_copy), "lint"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"content/tin-tuc/{name}:8: LỖI" in result.stdout
    assert "cách sửa: viết “57-NQ/TW”" in result.stdout and "sửa thành “quán triệt”" in result.stdout


def test_warnings_alone_do_not_fail(content_copy: Path) -> None:
    post(content_copy, 'Ngày 5.3.2025  họp, "trích" ')
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content_copy), "lint"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
    reminders = 1 if load_content(content_copy).settings.missing_publisher_details else 0
    waiting = result.stdout.count(f": CẢNH BÁO: {WAITING}")
    assert waiting > 0, "the fixture's unapproved Q&A item and this post wait for approval"
    assert f"0 lỗi, {4 + reminders + waiting} cảnh báo" in result.stdout


def test_style_findings(content_copy: Path) -> None:
    name = post(content_copy, 'Ngày 5.3.2025 và 2025-03-10.\nHai  dấu cách.\nNgoặc "thẳng".\nCuối dòng ')
    found = findings_at(content_copy, name)
    assert {(line, severity) for line, severity, _ in found} == {(8, "warning"), (9, "warning"), (10, "warning"), (11, "warning")}
    assert len([f for f in found if f[0] == 8]) == 2, "both date forms"
    fixes = {f.fix for f in lint(content_copy) if f.file.endswith(name)}
    assert "viết như văn bản Kế hoạch, ngăn cách bằng dấu “/”: 5/3/2025" in fixes and "viết 10/3/2025" in fixes


def test_the_documents_own_date_style_is_not_flagged(content_copy: Path) -> None:
    """The plan writes 5/3/2025 and 10/3/2025: the lint accepts what the document itself does."""
    name = post(content_copy, "Ngày 5/3/2025, ngày 05/03/2025 và ngày 10/3/2025.")
    assert findings_at(content_copy, name) == []


def test_dates_quoted_from_the_districts_document_are_not_flagged() -> None:
    """The district's content/ writes the document's dates as the document does: lint leaves them alone."""
    text = (CONTENT / "hoc-tap-quan-triet.yml").read_text(encoding="utf-8")
    assert "10/3/2025" in text, "the document's own date style is in the content"
    assert not [f for f in lint(CONTENT) if "ngày" in f.message]


def test_code_is_not_linted(content_copy: Path) -> None:
    name = post(content_copy, 'Ví dụ `date: 2025-03-10` và:\n\n```\nx  =  "y"  5/3/2025\n```')
    assert findings_at(content_copy, name) == []


def test_resolution_number_variants() -> None:
    pattern = number_pattern("57-NQ/TW")
    for wrong in ("NQ 57", "NQ57", "NQ-57", "57/NQ-TW", "57-NQ-TW", "57 NQ/TW", "57-nq/tw"):
        assert pattern.search(f"theo {wrong} của"), wrong
    for fine in ("157-NQ/TW", "Nghị quyết số 18-NQ/TW", "57 doanh nghiệp", "NQ 570"):
        assert pattern.search(fine) is None, fine
    assert pattern.search("số 57-NQ/TW").group() == "57-NQ/TW"


def test_links_and_images(content_copy: Path) -> None:
    name = post(content_copy, f"[Đúng](muc-tieu-2030.md#{fixture_indicators()[0]['id']}) [Thư mục](tin-tuc/index.md) [Ngoài](https://example.org)\n"
                              "[Sai](muc-tieu-2031.md)\n![](assets/site.css)\n![Ảnh](assets/khong-co.png)")
    found = [(line, severity) for line, severity, _ in findings_at(content_copy, name)]
    assert found == [(9, "error"), (10, "error"), (11, "error")]
    messages = [f for f in lint(content_copy) if f.file.endswith(name) and not f.message.startswith(WAITING)]
    assert "muc-tieu-2030.md" in messages[0].fix, "suggests the closest page"
    assert "alt" in messages[1].message


def test_decomposed_text_warns_but_still_builds(content_copy: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Tóm tắt có dấu.")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    name = post(content_copy, decomposed)
    body_line = POST.splitlines().index("{body}") + 1
    assert findings_at(content_copy, name) == [
        (body_line, "warning", "chữ có dấu gõ ở dạng tổ hợp (không phải NFC); trang vẫn xây dựng được"),
    ]
    assert [post.source for post in load_content(content_copy).posts if post.source.endswith(name)], "the post still loads"


def test_make_lint_and_build_run_the_content_lint() -> None:
    lint_plan = subprocess.run(["make", "-n", "lint"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    build_plan = subprocess.run(["make", "-n", "build"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    assert "ruff check" in lint_plan and "-m generator lint" in lint_plan
    assert build_plan.index("-m generator lint") < build_plan.index("-m generator build")
