"""The target pages (one per horizon: a 2030 target, a 2045 vision, as many as the plan sets) and the headline cards.

Which later figure stands beside which first-horizon one is decided here (same ``measure``),
and each card carries its progress already computed; templates only present.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..content.models import HorizonKind, Indicator, TargetSection
from ..content.posts import LoadedPost
from .progress import Progress, progress
from .site import Site


@dataclass(frozen=True)
class Horizon:
    """One target horizon as the pages see it: its section, its page (from the registry), its content file."""

    section: TargetSection
    page: str
    """Its page under docs/ (``muc-tieu-2030.md``): the registry names it."""
    source: str
    """Its ``Content.source`` attribute (``horizons.2030``)."""

    @property
    def kind(self) -> HorizonKind:
        return self.section.kind

    @property
    def year(self) -> int:
        return self.section.year

    @property
    def title(self) -> str:
        """The page's and the menu's title: the editor's ``title``, else “Mục tiêu/Tầm nhìn [của cả nước] đến năm …”."""
        if self.section.title:
            return self.section.title
        noun = "Tầm nhìn" if self.kind == "vision" else "Mục tiêu"
        return f"{noun}{' của cả nước' if self.section.national else ''} đến năm {self.year}"


@dataclass(frozen=True)
class Later:
    """The same measure's figure in a later horizon, shown beside a first-horizon card."""

    indicator: Indicator
    year: int


@dataclass(frozen=True)
class IndicatorCard:
    """One indicator as a card: the target, its year, and (on its own page) its progress."""

    indicator: Indicator
    year: int
    progress: Progress
    page: str
    """The page that holds the full card (``muc-tieu-2030.md``): the home page's summary links there."""
    national: bool = False
    """The country's target, set by the resolution (the plan repeats it)."""
    later: tuple[Later, ...] = ()
    """Headline figures of later horizons measuring the same thing, in year order."""
@dataclass(frozen=True)
class IndicatorGroup:
    """One paragraph of the target section: its cards, qualitative aims, the paragraph itself, related posts."""

    number: int
    title: str | None
    """The editor's title (``title`` in content); without one the template numbers the group."""
    cards: list[IndicatorCard]
    qualitative: list[str]
    text: str
    posts: list[LoadedPost]


@dataclass(frozen=True)
class TargetsView:
    horizon: Horizon
    groups: list[IndicatorGroup]

    @property
    def section(self) -> TargetSection:
        return self.horizon.section

    @property
    def indicator_count(self) -> int:
        return sum(len(group.cards) for group in self.groups)

    @property
    def unmeasured(self) -> bool:
        """Some card has no measurement: the page then says once how progress figures are added."""
        return any(card.progress.latest is None for group in self.groups for card in group.cards)


def card(indicator: Indicator, section: TargetSection, page: str, later: tuple[Later, ...] = ()) -> IndicatorCard:
    return IndicatorCard(indicator, section.year, progress(indicator, section.year), page, section.national, later)


def targets_view(site: Site, horizon: Horizon) -> TargetsView:
    section, page = horizon.section, horizon.page
    groups = [
        IndicatorGroup(
            number, paragraph.title, [card(i, section, page) for i in paragraph.indicators],
            list(paragraph.qualitative), paragraph.text, site.posts_for(i.id for i in paragraph.indicators))
        for number, paragraph in enumerate(section.paragraphs, start=1)
    ]
    return TargetsView(horizon, groups)


@dataclass(frozen=True)
class LaterHeadlines:
    """A later horizon and its headline cards that no first-horizon card already shows."""

    horizon: Horizon
    cards: list[IndicatorCard]


def headlines(horizons: list[Horizon]) -> tuple[list[IndicatorCard], list[LaterHeadlines]]:
    """Headline cards of the first horizon, each with the later horizons' headline figures of the same
    ``measure``, and for each later horizon its headlines left over (a 2030 card shows “Đến năm 2045: …”;
    a 2045 headline with no 2030 counterpart stands on its own)."""
    if not horizons:
        return [], []
    first, rest = horizons[0], horizons[1:]
    chosen = [[i for i in h.section.indicators if i.headline] for h in rest]
    paired: set[int] = set()
    cards = []
    for indicator in (i for i in first.section.indicators if i.headline):
        later = []
        for horizon, candidates in zip(rest, chosen, strict=True):
            match = next((i for i in candidates if i.measure == indicator.measure), None)
            if match is not None:
                later.append(Later(match, horizon.year))
                paired.add(id(match))
        cards.append(card(indicator, first.section, first.page, tuple(later)))
    left = [LaterHeadlines(horizon, [card(i, horizon.section, horizon.page) for i in candidates if id(i) not in paired])
            for horizon, candidates in zip(rest, chosen, strict=True)]
    return cards, left


@dataclass(frozen=True)
class IndicatorPage:
    """One indicator on a page of its own: the address a reader shares (with its own share image)."""

    card: IndicatorCard
    kind: HorizonKind
    posts: list[LoadedPost]
    image: str | None
    """Site path of its share image (only with a known site URL: an image needs an absolute address)."""


def indicator_page_path(indicator_id: str) -> str:
    return f"chi-tieu/{indicator_id}.md"


def indicator_pages(site: Site, horizons: list[Horizon], image: Callable[[str], str]) -> list[
        tuple[str, IndicatorPage, Horizon]]:
    """A page per indicator of every horizon, in year order, linking back to its horizon's full list."""
    pages = []
    for horizon in horizons:
        for indicator in horizon.section.indicators:
            shown = image(indicator.id) if site.settings.site_url else None
            view = IndicatorPage(card(indicator, horizon.section, horizon.page), horizon.kind,
                                 site.posts_for([indicator.id]), shown)
            pages.append((indicator_page_path(indicator.id), view, horizon))
    return pages
