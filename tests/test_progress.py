"""Indicator status against its target: the words readers see must follow the stated rules."""

from __future__ import annotations

import pytest

from generator.content.models import Indicator, Measurement
from generator.views.progress import is_met, latest_measurement, progress, share_of_target


def indicator(comparator: str = "at_least", value: float = 30, value_max: float | None = None, measurements=()) -> Indicator:
    return Indicator(id="thu", title="Thử", measure="Thử", comparator=comparator, value=value, value_max=value_max,
                     unit="%", quote="thử", measurements=list(measurements))


def m(value: float, year: int, scope: str = "national") -> Measurement:
    return Measurement(value=value, year=year, scope=scope, source="Nguồn thử")


def test_without_measurements_there_is_no_status_but_no_data() -> None:
    result = progress(indicator(), 2030)
    assert result.status == "no_data"
    assert result.latest is None and result.series == () and result.share == 0


@pytest.mark.parametrize(("comparator", "target", "value", "met"), [
    ("at_least", 30, 30, True), ("at_least", 30, 29.9, False),
    ("above", 80, 80, False), ("above", 80, 80.1, True),
    ("reach", 80, 80, True), ("reach", 80, 79, False),
    ("range", 40, 39, False), ("range", 40, 40, True), ("range", 40, 55, True),
    ("top", 3, 3, True), ("top", 3, 1, True), ("top", 3, 4, False), ("top", 3, 0, False),
])
def test_each_comparator_decides_met(comparator: str, target: float, value: float, met: bool) -> None:
    i = indicator(comparator, target, 50 if comparator == "range" else None)
    assert is_met(i, value) is met


def test_missing_target_is_in_progress_before_target_year_and_missed_after() -> None:
    assert progress(indicator(measurements=[m(20, 2024)]), 2030).status == "in_progress"
    assert progress(indicator(measurements=[m(20, 2030)]), 2030).status == "not_met"
    assert progress(indicator(measurements=[m(31, 2026)]), 2030).status == "met"


def test_bar_is_share_of_target_and_ranks_fill_as_n_over_rank() -> None:
    assert share_of_target(indicator(value=30), 15) == pytest.approx(0.5)
    assert share_of_target(indicator(value=30), 45) == 1.0
    assert share_of_target(indicator("top", 3), 6) == pytest.approx(0.5)
    assert share_of_target(indicator("top", 3), 2) == 1.0
    assert share_of_target(indicator("range", 40, 50), 20) == pytest.approx(0.5)


def test_latest_is_newest_year_then_narrowest_scope() -> None:
    values = [m(10, 2023, "local"), m(18, 2024, "national"), m(12, 2024, "local"), m(15, 2024, "province")]
    latest = latest_measurement(values)
    assert latest is not None and (latest.year, latest.scope) == (2024, "local")


def test_trend_uses_the_latest_scope_one_value_per_year_oldest_first() -> None:
    values = [m(14, 2024), m(9, 2022, "local"), m(10, 2022), m(12, 2023), m(13, 2023)]
    result = progress(indicator(measurements=values), 2030)
    assert [(x.year, x.value) for x in result.series] == [(2022, 10), (2023, 13), (2024, 14)]
    assert result.has_trend
    assert not progress(indicator(measurements=[m(14, 2024)]), 2030).has_trend
