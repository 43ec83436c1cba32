"""Silent traps: content that validates, but the page would then say something the editor did not mean.

Run on a copy of the fixture commune; titles, years and lines expected here come from its YAML.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

from generator.content import ContentError, load_content, patterns
from generator.content.models import DocDate
from generator.editor.lint import Linter, lint
from generator.text import vn_date

from .conftest import FIXTURE, replace_once

SOURCE = Path(__file__).resolve().parent.parent / "content" / "source" / "ke-hoach-ocr.txt"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return shutil.copytree(FIXTURE / "content", tmp_path / "content")


def _at(content: Path, file: str, line: int) -> list[tuple[str, str, str]]:
    return [(f.severity, f.message, f.fix) for f in lint(content) if f.file == f"content/{file}" and f.line == line]


def _first_indicator() -> dict:
    data = yaml.safe_load((FIXTURE / "content" / "muc-tieu/2030.yml").read_text(encoding="utf-8"))
    return data["paragraphs"][0]["indicators"][0]


RESULT = "          result:\n            document: Báo cáo số 1-BC/ĐU\n            date: {date}\n"
DEADLINE_TEXT = "          text: trước ngày 20/3/2025\n"


def test_a_result_dated_after_the_build_is_an_error(content: Path) -> None:
    path = content / "to-chuc-thuc-hien.yml"
    line = replace_once(path, DEADLINE_TEXT, DEADLINE_TEXT + RESULT.format(date="2099-01-05")) + 3
    today = Linter(load_content(content), content.parent / "docs").today
    [(severity, message, fix)] = _at(content, "to-chuc-thuc-hien.yml", line)
    assert severity == "error"
    assert message == (f"kết quả ghi ngày 05/01/2099, sau ngày xây dựng trang ({vn_date(today)}): "
                       "trang sẽ ghi “Đã hoàn thành” cho việc chưa xong")
    assert fix.startswith("chỉ ghi `result` khi văn bản đã ban hành hoặc đã gửi")


def test_a_result_dated_before_the_build_is_fine(content: Path) -> None:
    path = content / "to-chuc-thuc-hien.yml"
    replace_once(path, DEADLINE_TEXT, DEADLINE_TEXT + RESULT.format(date="2025-03-18"))
    assert not [f for f in lint(content) if "kết quả ghi ngày" in f.message]


def test_a_completion_without_its_date_is_refused(content: Path) -> None:
    """The models do not allow a result without a date: a 'done' with nothing behind it cannot be written."""
    path = content / "to-chuc-thuc-hien.yml"
    replace_once(path, DEADLINE_TEXT, DEADLINE_TEXT + "          result:\n            document: Báo cáo số 1-BC/ĐU\n")
    with pytest.raises(ContentError) as caught:
        load_content(content)
    assert "thiếu trường bắt buộc “date”" in caught.value.report()


def test_measurements_of_another_scope_warn_naming_the_indicator_and_both_scopes(content: Path) -> None:
    indicator = _first_indicator()
    kept = indicator["measurements"][-1]
    assert kept["scope"] == "province", "the fixture's latest value is a province figure"
    old = "          - value: 52\n"
    line = replace_once(content / "muc-tieu/2030.yml", old,
                        "          - value: 40\n            year: 2023\n            scope: local\n"
                        "            source: Báo cáo mẫu của xã\n" + old) + 2
    [(severity, message, fix)] = _at(content, "muc-tieu/2030.yml", line)
    assert severity == "warning"
    assert message == (f"chỉ tiêu “{indicator['title']}” có số liệu phạm vi tỉnh (mới nhất, năm {kept['year']}) và phạm vi "
                       "xã (năm 2023): đường xu hướng chỉ nối số liệu phạm vi tỉnh, "
                       "số liệu phạm vi xã không hiện ở đâu trên trang")  # the fixture's level: xã
    assert fix == ("ghi mọi số liệu của chỉ tiêu này cùng một phạm vi; bỏ số liệu phạm vi xã "
                   "hoặc tìm số liệu phạm vi tỉnh cho năm 2023")


def test_two_values_for_one_year_warn(content: Path) -> None:
    indicator = _first_indicator()
    first = indicator["measurements"][0]
    old = f"          - value: {first['value']}\n"
    line = replace_once(content / "muc-tieu/2030.yml", old,
                        f"          - value: 1\n            year: {first['year']}\n            scope: {first['scope']}\n"
                        "            source: Báo cáo mẫu\n" + old) + 1
    [(severity, message, _)] = _at(content, "muc-tieu/2030.yml", line)
    assert (severity, message) == ("warning", f"chỉ tiêu “{indicator['title']}” có hai số liệu phạm vi tỉnh cùng năm "
                                              f"{first['year']}: trang chỉ hiện số ghi sau, số này không hiện")


def test_the_fixtures_own_measurements_are_clean(content: Path) -> None:
    assert not [f for f in lint(content) if "chỉ tiêu “" in f.message]


def test_every_date_form_the_plan_uses_passes_the_date_rule(content: Path) -> None:
    """The lint must never call a date format wrong that the document itself writes (5/3/2025, 26/01/2025, quý 1/2025)."""
    linter = Linter(load_content(content), content.parent / "docs")
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    for needle in ("5/3/2025", "26/01/2025", "quý 1/2025"):
        assert any(needle in line for line in lines), needle
    for number, line in enumerate(lines, start=1):
        linter.style("ke-hoach-ocr.txt", number, line)
    assert [f for f in linter.findings if "ngày" in f.message] == []


def test_a_measurement_of_a_later_year_than_the_build_is_an_error(content: Path) -> None:
    indicator = _first_indicator()
    first = indicator["measurements"][0]
    today = Linter(load_content(content), content.parent / "docs").today
    year = today.year + 1
    line = replace_once(content / "muc-tieu/2030.yml", f"            year: {first['year']}\n", f"            year: {year}\n")
    [(_, message, fix)] = [found for found in _at(content, "muc-tieu/2030.yml", line) if found[0] == "error"]
    assert message == (f"số liệu của chỉ tiêu “{indicator['title']}” ghi năm {year}, sau năm xây dựng trang ({today.year}): "
                       "trang sẽ lấy số này làm số mới nhất để so với mục tiêu")
    assert fix == f"ghi năm của số liệu (năm được đo, không sau năm {today.year}); kiểm tra lại năm (gõ nhầm?)"


def test_a_measurement_of_the_build_year_is_fine(content: Path) -> None:
    today = Linter(load_content(content), content.parent / "docs").today
    first = _first_indicator()["measurements"][0]
    replace_once(content / "muc-tieu/2030.yml", f"            year: {first['year']}\n", f"            year: {today.year}\n")
    assert not [f for f in lint(content) if "sau năm xây dựng trang" in f.message]


@pytest.mark.parametrize(("written", "meant"), [("5/3/2025", "2025-03-05"), ("26/01/2025", "2025-01-26")])
def test_a_date_field_accepts_the_forms_the_plan_writes(written: str, meant: str) -> None:
    """Date fields take a date as the plan writes it (zero or not), in the model and in the schema VS Code uses."""
    assert written in SOURCE.read_text(encoding="utf-8")
    assert TypeAdapter(DocDate).validate_python(written).isoformat() == meant
    assert re.match(patterns.DATE, written)
