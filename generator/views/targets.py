"""The target pages (2030 targets, 2045 vision) and the home page's headline cards.

Which 2045 figure stands beside which 2030 one is decided here (same ``measure``),
and each card carries its progress already computed; templates only present.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..content.models import Indicator, TargetSection
from ..content.posts import LoadedPost
from .progress import Progress, progress
from .site import Site


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
    vision: Indicator | None = None
    vision_year: int | None = None


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
    kind: Literal["targets", "vision"]
    section: TargetSection
    groups: list[IndicatorGroup]

    @property
    def indicator_count(self) -> int:
        return sum(len(group.cards) for group in self.groups)

    @property
    def unmeasured(self) -> bool:
        """Some card has no measurement: the page then says once how progress figures are added."""
        return any(card.progress.latest is None for group in self.groups for card in group.cards)


@dataclass(frozen=True)
class Headline:
    """A headline 2030 indicator and, when the 2045 vision measures the same thing, that figure."""

    indicator: Indicator
    vision: Indicator | None = None


def card(indicator: Indicator, section: TargetSection, page: str, vision: Indicator | None = None,
         vision_year: int | None = None) -> IndicatorCard:
    return IndicatorCard(indicator, section.year, progress(indicator, section.year), page, section.national,
                         vision, vision_year)


def targets_view(site: Site, section: TargetSection, kind: Literal["targets", "vision"], page: str) -> TargetsView:
    groups = [
        IndicatorGroup(
            number, paragraph.title, [card(i, section, page) for i in paragraph.indicators],
            list(paragraph.qualitative), paragraph.text, site.posts_for(i.id for i in paragraph.indicators))
        for number, paragraph in enumerate(section.paragraphs, start=1)
    ]
    return TargetsView(kind, section, groups)


def headlines(targets: TargetSection, vision: TargetSection, targets_page: str, vision_page: str) -> tuple[
        list[IndicatorCard], list[IndicatorCard]]:
    """Headline 2030 cards (paired with 2045 by identical ``measure``) and the 2045 headlines left over."""
    chosen = [i for i in vision.indicators if i.headline]
    by_measure = {i.measure: i for i in chosen}
    pairs = [(i, by_measure.get(i.measure)) for i in targets.indicators if i.headline]
    paired = {id(v) for _, v in pairs if v is not None}
    return (
        [card(i, targets, targets_page, v, vision.year if v else None) for i, v in pairs],
        [card(i, vision, vision_page) for i in chosen if id(i) not in paired],
    )


@dataclass(frozen=True)
class IndicatorPage:
    """One indicator on a page of its own: the address a reader shares (with its own share image)."""

    card: IndicatorCard
    kind: Literal["targets", "vision"]
    posts: list[LoadedPost]
    image: str | None
    """Site path of its share image (only with a known site URL: an image needs an absolute address)."""


def indicator_page_path(indicator_id: str) -> str:
    return f"chi-tieu/{indicator_id}.md"


def indicator_pages(site: Site, targets_page: str, vision_page: str, image: Callable[[str], str]) -> list[
        tuple[str, IndicatorPage]]:
    """A page per indicator of the 2030 targets and the 2045 vision, linking back to the full list."""
    pages = []
    for kind, section, parent in (("targets", site.content.targets_2030, targets_page),
                                  ("vision", site.content.vision_2045, vision_page)):
        for indicator in section.indicators:
            shown = image(indicator.id) if site.settings.site_url else None
            pages.append((indicator_page_path(indicator.id),
                          IndicatorPage(card(indicator, section, parent), kind, site.posts_for([indicator.id]), shown)))
    return pages
