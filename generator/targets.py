"""Which indicators the home page shows, and which 2045 figure stands beside which 2030 one."""

from __future__ import annotations

from dataclasses import dataclass

from .content import Content
from .schema import Indicator


@dataclass(frozen=True)
class Headline:
    """A headline 2030 indicator and, when the 2045 vision measures the same thing, that figure."""

    indicator: Indicator
    vision: Indicator | None = None


def headlines(content: Content) -> tuple[list[Headline], list[Indicator]]:
    """Headline 2030 cards (paired with 2045 by identical ``measure``) and the 2045 headlines left over."""
    vision = [i for i in content.vision_2045.indicators if i.headline]
    by_measure = {i.measure: i for i in vision}
    pairs = [Headline(i, by_measure.get(i.measure)) for i in content.targets_2030.indicators if i.headline]
    paired = {id(h.vision) for h in pairs if h.vision is not None}
    return pairs, [i for i in vision if id(i) not in paired]
