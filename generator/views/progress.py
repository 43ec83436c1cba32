"""How far an indicator has come: the latest measured value against its target, in words.

The plan states targets; measured values are optional and come only from YAML
with a named source. This module decides what to say about them (a status word,
how full the bar is, which values make the trend line); the templates decide how
it looks. Without a measured value the status is ``no_data`` and the card shows none (a card saying "no data" reads as neglect):
nothing is estimated or filled in.

How each comparator counts as met (the plan is silent, so this is the rule):

- ``at_least`` (tối thiểu): value ≥ target; ``reach`` (đạt): value ≥ target;
  ``above`` (trên): value > target.
- ``range`` (từ a đến b): met from the lower bound a; a value above b still
  counts as met, because every range in the plan is a floor with an ambition
  ("có từ 40 - 50 tổ chức"), not a band to stay inside. The bar fills to a.
- ``top`` (nhóm N dẫn đầu): the measured value is a rank (1 = first); met when
  rank ≤ N. The bar fills as N / rank, so rank N or better is a full bar.

A value that misses the target is ``in_progress`` (đang thực hiện) while the
target year is still ahead of the measurement and ``not_met`` (chưa đạt) once
the measurement is from the target year or later. Statuses are codes; the
templates say them in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..content.models import Indicator, Measurement

Status = Literal["met", "in_progress", "not_met", "no_data"]

NO_DATA: Status = "no_data"

SCOPE_NARROWNESS = {"local": 0, "province": 1, "national": 2}
"""On the same year, the organisation's own figure says more to its readers than the nation's."""


@dataclass(frozen=True)
class Progress:
    """What the site says about one indicator's progress."""

    indicator: Indicator
    target_year: int
    status: Status
    latest: Measurement | None = None
    series: tuple[Measurement, ...] = ()
    """Values of the latest value's scope, oldest first, one per year: the trend line."""
    share: float = 0.0
    """How full the bar is, 0 to 1 (1 = target reached)."""

    @property
    def has_trend(self) -> bool:
        return len(self.series) >= 2

    @property
    def percent(self) -> int:
        """The bar's fill as a whole percentage, as the card prints it."""
        return round(self.share * 100)

    @property
    def chart(self) -> TrendChart | None:
        """The trend line's geometry, once there are two values to draw."""
        return trend_chart(self) if self.has_trend else None

    @property
    def lower_is_better(self) -> bool:
        """Ranks: a smaller number is a better place, so a chart draws them upside down."""
        return self.indicator.comparator == "top"


def is_met(indicator: Indicator, value: float) -> bool:
    """Whether one measured value meets the indicator's target (rules in the module docstring)."""
    target = indicator.value
    match indicator.comparator:
        case "above":
            return value > target
        case "top":
            return 0 < value <= target
        case _:  # at_least, reach, range (lower bound)
            return value >= target


def share_of_target(indicator: Indicator, value: float) -> float:
    """The bar's fill, 0 to 1: value / target, or N / rank for a ranking."""
    target = indicator.value
    if indicator.comparator == "top":
        ratio = target / value if value > 0 else 0.0
    elif target > 0:
        ratio = value / target
    else:
        ratio = 1.0 if is_met(indicator, value) else 0.0
    return max(0.0, min(1.0, ratio))


def latest_measurement(measurements: list[Measurement]) -> Measurement | None:
    """The most recent value; on the same year the narrowest scope (district first)."""
    if not measurements:
        return None
    return max(measurements, key=lambda m: (m.year, -SCOPE_NARROWNESS[m.scope]))


def trend_series(measurements: list[Measurement], scope: str) -> tuple[Measurement, ...]:
    """One value per year for one scope, oldest first; a repeated year keeps the later entry."""
    by_year = {m.year: m for m in measurements if m.scope == scope}
    return tuple(by_year[year] for year in sorted(by_year))


def progress(indicator: Indicator, target_year: int) -> Progress:
    """Status, bar and trend for one indicator of the section whose target year is ``target_year``."""
    latest = latest_measurement(indicator.measurements)
    if latest is None:
        return Progress(indicator, target_year, NO_DATA)
    if is_met(indicator, latest.value):
        status: Status = "met"
    elif latest.year >= target_year:
        status = "not_met"
    else:
        status = "in_progress"
    return Progress(indicator, target_year, status, latest,
                    trend_series(indicator.measurements, latest.scope),
                    share_of_target(indicator, latest.value))


# A small line chart in a 200 × 66 viewBox: years along x (10 → 190), values along y (48 → 8).
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 10, 190, 8, 48


@dataclass(frozen=True)
class ChartPoint:
    year: int
    value: float
    x: float
    y: float


@dataclass(frozen=True)
class TrendChart:
    """Where the template draws each point, the dashed target line and its label (SVG user units)."""

    points: tuple[ChartPoint, ...]
    target_y: float
    label_y: float
    first_year: int
    last_year: int


def trend_chart(p: Progress) -> TrendChart:
    """Scale the series and the target into the chart box; ranks are drawn upside down (1 at the top)."""
    values = [m.value for m in p.series] + [p.indicator.value]
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    first, last = p.series[0].year, p.series[-1].year
    span = max(last - first, 1)

    def x(year: int) -> float:
        return round(CHART_LEFT + (year - first) / span * (CHART_RIGHT - CHART_LEFT), 1)

    def y(value: float) -> float:
        share = (value - low) / (high - low)
        if p.lower_is_better:
            return round(CHART_TOP + share * (CHART_BOTTOM - CHART_TOP), 1)
        return round(CHART_BOTTOM - share * (CHART_BOTTOM - CHART_TOP), 1)

    target_y = y(p.indicator.value)
    return TrendChart(
        points=tuple(ChartPoint(m.year, m.value, x(m.year), y(m.value)) for m in p.series),
        target_y=target_y,
        label_y=round(target_y + 11 if target_y < 20 else target_y - 3, 1),
        first_year=first, last_year=last,
    )
