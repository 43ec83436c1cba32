"""The quiz bank: every question validates (one correct option, 3–4 options, a passage that exists, a quotation
found word for word in that passage), bad questions get Vietnamese errors with file:line, and the bank the
page's script reads says what the YAML says."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import yaml

from generator.render.pages import pages_by_kind, site_view

from .conftest import FIXTURE, problems_for, replace_once, settings


def bank_yaml(root: Path) -> dict:
    return yaml.safe_load((root / "trac-nghiem.yml").read_text(encoding="utf-8"))


def test_two_correct_options_is_an_error_at_the_question(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "trac-nghiem.yml", "      - text: 50%\n", "      - text: 50%\n        correct: true\n")
    [problem] = problems_for(fixture_copy)
    assert problem.file.endswith("trac-nghiem.yml")
    assert "đúng một phương án" in problem.message_vi and "đang có 2" in problem.message_vi
    assert problem.line is not None and problem.line <= line


def test_two_options_are_too_few(fixture_copy: Path) -> None:
    replace_once(fixture_copy / "trac-nghiem.yml", "      - text: 100%\n", "")
    [problem] = problems_for(fixture_copy)
    assert problem.file.endswith("trac-nghiem.yml") and "options" in problem.field


def test_unknown_passage_names_file_line_and_suggests(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "trac-nghiem.yml", "passage: ho-so-truc-tuyen", "passage: ho-so-truc-tuyn")
    [problem] = problems_for(fixture_copy)
    assert (problem.file.endswith("trac-nghiem.yml"), problem.line) == (True, line)
    assert "ho-so-truc-tuyn" in problem.message_vi and "ho-so-truc-tuyen" in problem.message_vi


def test_quote_not_in_the_plan_is_an_error(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "trac-nghiem.yml", "quote: Người dân và doanh nghiệp là trung tâm, là chủ thể",
                        "quote: Người dân là trung tâm, là chủ thể")
    [problem] = problems_for(fixture_copy)
    assert (problem.file.endswith("trac-nghiem.yml"), problem.line) == (True, line)
    assert "không có nguyên văn trong Kế hoạch" in problem.message_vi


def test_quote_from_another_passage_is_an_error(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "trac-nghiem.yml", "passage: nguoi-dan-la-trung-tam", "passage: dot-pha-hang-dau")
    [problem] = problems_for(fixture_copy)
    assert problem.line == line + 1  # the quote, on the line after the passage
    assert "không ở phần" in problem.message_vi


def test_discussion_question_naming_no_passage_is_an_error(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "sinh-hoat-chi-bo.yml", "passage: chi-bo-truc-thuoc", "passage: chi-bo")
    [problem] = problems_for(fixture_copy)
    assert (problem.file.endswith("sinh-hoat-chi-bo.yml"), problem.line) == (True, line)


def test_bank_json_is_the_yaml_with_links_to_each_passage(fixture_content) -> None:
    site = site_view(fixture_content, settings(date(2025, 6, 1), FIXTURE / "content"))
    page = pages_by_kind(site)["quiz"][0]
    bank = json.loads(page.view.bank_json())
    raw = bank_yaml(FIXTURE / "content")
    assert bank["draw"] == raw["draw"]
    assert [q["id"] for q in bank["questions"]] == [q["id"] for q in raw["questions"]]
    for got, want in zip(bank["questions"], raw["questions"], strict=True):
        assert got["options"] == [o["text"] for o in want["options"]]
        assert want["options"][got["answer"]].get("correct") is True
        assert got["quote"] == want["quote"] and got["explanation"] == want["explanation"]
    urls = {q["id"]: q["passage"]["url"] for q in bank["questions"]}
    assert urls["ho-so-truc-tuyen"] == "../muc-tieu-2030/#ho-so-truc-tuyen"
    assert urls["bao-cao-vien"] == "../ke-hoach/#bao-cao-vien"
    assert urls["nhiem-vu-chinh-quyen-so"] == "../nhiem-vu-giai-phap/#chinh-quyen-so"
