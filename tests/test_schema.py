"""The schema's own rules, on small inputs: what an editor may and may not write."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from generator.content import content_files, load_content
from generator.content import models as schema
from generator.text import fold, number, slugify, toc_slugify

from .conftest import CONTENT

INDICATOR = {"id": "kinh-te-so", "title": "Kinh tế số", "measure": "Quy mô kinh tế số", "comparator": "at_least",
             "value": 30, "unit": "% GDP", "quote": "Quy mô kinh tế số đạt tối thiểu 30% GDP"}


def test_default_content_is_valid_and_complete() -> None:
    """Fidelity: the district's plan has 5 viewpoints, 7 task groups and 5 units in section IV."""
    content = load_content(CONTENT)
    assert len(content.viewpoints.viewpoints) == 5
    assert len(content.tasks.groups) == 7
    assert len(content.organisation.units) == 5
    assert len(content.horizons[0].indicators) >= 20
    assert {i.id for i in content.horizons[0].indicators}.isdisjoint({i.id for i in content.horizons[1].indicators})


def test_every_content_file_has_a_model() -> None:
    names = {p.name for p in CONTENT.glob("*.yml")} - {"ocr-corrections.yml"}
    assert names == {entry.name for entry in content_files()}


def test_range_needs_an_upper_bound() -> None:
    with pytest.raises(ValidationError, match="value_max_only_with_range"):
        schema.Indicator.model_validate({**INDICATOR, "comparator": "range"})
    assert schema.Indicator.model_validate({**INDICATOR, "comparator": "range", "value_max": 40}).value_max == 40


def test_unknown_comparator_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        schema.Indicator.model_validate({**INDICATOR, "comparator": "about"})
    assert caught.value.errors()[0]["type"] == "literal_error"


def test_slug_must_be_plain_ascii() -> None:
    with pytest.raises(ValidationError):
        schema.Indicator.model_validate({**INDICATOR, "id": "kinh-tế-số"})


def test_quote_is_checked_against_the_paragraph() -> None:
    paragraph = {"text": "Quy mô kinh tế số đạt tối thiểu 30% GDP.", "indicators": [INDICATOR]}
    assert schema.TargetParagraph.model_validate(paragraph).indicators[0].value == 30
    wrong = {**paragraph, "indicators": [{**INDICATOR, "quote": "Quy mô kinh tế số đạt 40% GDP"}]}
    with pytest.raises(ValidationError, match="quote_not_in_text"):
        schema.TargetParagraph.model_validate(wrong)


@pytest.mark.parametrize("written", ["2025-03-10", "10/3/2025", "10/03/2025", date(2025, 3, 10)])
def test_dates_in_either_form(written: object) -> None:
    assert schema.Deadline.model_validate({"date": written, "text": "trước ngày 10/3/2025"}).date == date(2025, 3, 10)


def test_measurement_needs_a_source() -> None:
    with pytest.raises(ValidationError) as caught:
        schema.Measurement.model_validate({"value": 20, "year": 2024, "scope": "national"})
    assert caught.value.errors()[0]["loc"] == ("source",)


def test_vietnamese_number_and_slug_formatting() -> None:
    assert number(0.7) == "0,7" and number(30.0) == "30"
    assert fold("Chuyển đổi số ĐẢNG") == "chuyen doi so dang"
    assert slugify("Ủy ban nhân dân huyện") == "uy-ban-nhan-dan-huyen"
    assert toc_slugify("1.2. Về mục tiêu") == "1-2-ve-muc-tieu"
