"""Widgets: small pages under ``nhung/`` made to sit in an iframe on the organisation's portal.

Each widget shows a slice of a full page (headline targets, the next deadlines, the
latest posts, one indicator) and links back to it. The slices are taken from the same
view models as the full pages (``targets.headlines``, ``deadlines.upcoming``, the posts
list), so a widget never says something its full page does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..content.posts import LoadedPost
from .deadlines import DueItem, upcoming
from .site import Site
from .targets import Horizon, IndicatorCard, card, headlines

PREFIX = "nhung"
"""The widgets' folder: the Content-Security-Policy lets the portal frame only what is under it
(``publish.csp.WIDGET_PREFIX``)."""

MILESTONES = 5
NEWS = 5

WidgetKind = Literal["targets", "milestones", "news", "indicator"]


@dataclass(frozen=True)
class TargetsWidget:
    year: int
    cards: list[IndicatorCard]
    full: str
    """Site-relative URL of the full page (``muc-tieu-2030/``): the widget's “Xem đầy đủ” link."""


@dataclass(frozen=True)
class IndicatorWidget:
    card: IndicatorCard
    full: str


@dataclass(frozen=True)
class MilestonesWidget:
    items: list[DueItem]
    """The next deadlines still to come; empty when every date has passed (the widget then says so
    and links to the timeline, instead of listing past dates)."""
    full: str


@dataclass(frozen=True)
class NewsWidget:
    posts: list[LoadedPost]
    full: str


@dataclass(frozen=True)
class WidgetEntry:
    """One widget on the portal admins' page: its kind, its page, and for an indicator, which one."""

    kind: WidgetKind
    url: str
    """Site-relative URL (``nhung/chi-tieu/``)."""
    indicator: str | None = None
    """The indicator's title, for an indicator widget."""
    live: bool = True
    """Shown live in an iframe on the admins' page: the three summaries and the first indicator (one
    indicator widget is like another; 24 live frames would weigh on an admin's phone). The others: code and link."""


@dataclass(frozen=True)
class WidgetsGuideView:
    """The portal admins' page: every widget, live, beside its embed code."""

    widgets: list[WidgetEntry]
    site_url: str | None
    """The published address the embed code names; None: the page shows a placeholder to replace."""
    embed_origins: list[str]


def targets_widget(site: Site, horizons: list[Horizon], full: str) -> TargetsWidget:
    """The first horizon's headline cards (``full``: its page's URL)."""
    cards, _ = headlines(horizons)
    return TargetsWidget(horizons[0].year, cards, full)


def indicator_widgets(site: Site, horizons: list[Horizon]) -> list[tuple[Horizon, IndicatorCard]]:
    """(horizon, card) for every indicator, horizon by horizon in year order."""
    return [(horizon, card(indicator, horizon.section, horizon.page))
            for horizon in horizons for indicator in horizon.section.indicators]


def milestones_widget(site: Site, full: str) -> MilestonesWidget:
    shown = upcoming(site.deadlines, site.settings.today, MILESTONES)
    return MilestonesWidget(shown, full)


def news_widget(site: Site, full: str) -> NewsWidget:
    return NewsWidget(site.content.posts[:NEWS], full)
