"""The home page: the editors' summary (each line tied to the plan), what the Resolution means for citizens,
headline targets, the next (or latest) deadlines, the newest posts, the way into each part."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import is_draft
from ..content.posts import LoadedPost
from .deadlines import DueItem, upcoming
from .site import PlanLink, Site
from .targets import Horizon, IndicatorCard, LaterHeadlines, headlines

LATEST_POSTS = 3
UPCOMING_DEADLINES = 3


@dataclass(frozen=True)
class SummaryLine:
    """One line of the editors' plain-language summary and the part of the plan it is drawn from."""

    text: str
    quote: str
    passage: PlanLink
    draft: bool = False
    """Not approved yet: only a preview build shows it, with the draft banner."""


@dataclass(frozen=True)
class HomeView:
    horizons: list[Horizon]
    """Every horizon, in year order: the home page's way into each."""
    headlines: list[IndicatorCard]
    """The first horizon's headline indicators."""
    later: list[LaterHeadlines]
    """Each later horizon with its headline indicators that no first-horizon card measures."""
    deadlines: list[DueItem]
    """The next deadlines still to come; empty when every date has passed (the block is then left out)."""
    latest_posts: list[LoadedPost]
    summary_title: str
    summary: list[SummaryLine]
    """Empty when the editors wrote none: the home page then has no summary block."""
    citizens_title: str
    citizens: list[SummaryLine]
    """"Nghị quyết và người dân": each line tied to a quoted target or task. Empty (no block) when none is approved."""


def home_view(site: Site, horizons: list[Horizon]) -> HomeView:
    content, today = site.content, site.settings.today
    cards, later = headlines(horizons)
    shown = upcoming(site.deadlines, today, UPCOMING_DEADLINES)
    summary = [SummaryLine(item.text, item.quote, site.links[item.passage], is_draft(item))
                for item in content.summary.items]
    citizens = [SummaryLine(line.text, line.quote, site.links[line.passage], is_draft(line))
                for line in content.citizens.items]
    return HomeView(horizons, cards, later, shown, content.posts[:LATEST_POSTS],
                    content.summary.title, summary, content.citizens.title, citizens)
