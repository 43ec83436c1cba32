"""The home page's summary lines and the "Văn bản gốc" page: editor-written, so checked against the plan.

A summary line quotes the passage it links to word for word; a cited text is one
the plan names. Errors name the file and the line, in Vietnamese.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.content.document import DocumentText
from generator.views.sources import as_written

from .conftest import problems_for, replace_once


def test_summary_quote_not_in_the_plan_is_an_error_at_its_line(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "tom-tat.yml", "quote: Người dân và doanh nghiệp là trung tâm, là chủ thể",
                        "quote: Người dân là trung tâm")
    [problem] = problems_for(fixture_copy)
    assert (problem.file.endswith("tom-tat.yml"), problem.line) == (True, line)
    assert "không có nguyên văn trong Kế hoạch" in problem.message_vi


def test_summary_line_linked_to_another_passage_is_an_error(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "tom-tat.yml", "passage: nguoi-dan-la-trung-tam", "passage: dot-pha-hang-dau")
    [problem] = problems_for(fixture_copy)
    assert problem.line == line + 1 and "không ở phần" in problem.message_vi


def test_a_cited_text_the_plan_does_not_name_is_refused(fixture_copy: Path) -> None:
    plan = fixture_copy / "ke-hoach.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + "cited:\n  - kind: Nghị quyết\n    number: 99-NQ/TW\n",
                    encoding="utf-8")
    [problem] = problems_for(fixture_copy)
    assert problem.file.endswith("ke-hoach.yml") and "99-NQ/TW" in problem.message_vi
    assert "không được nhắc tới trong Kế hoạch" in problem.message_vi


def test_a_source_url_must_be_a_web_address(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "ke-hoach.yml", "url: https://van-ban.example.net/57-nq-tw", "url: javascript:alert(1)")
    [problem] = problems_for(fixture_copy)
    assert (problem.file.endswith("ke-hoach.yml"), problem.line) == (True, line)


def test_dates_are_shown_as_the_plan_writes_them() -> None:
    document = DocumentText(("Thực hiện Kế hoạch số 1-KH/TU ngày 26/01/2025 của Tỉnh ủy", "báo cáo trước ngày 5/3/2025"))
    assert as_written(date(2025, 1, 26), document) == "26/01/2025"
    assert as_written(date(2025, 3, 5), document) == "5/3/2025"
    assert as_written(date(2021, 7, 2), document) == "2/7/2021"  # not in the text: the plan's usual form
    assert as_written(None, document) is None
