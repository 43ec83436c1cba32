"""The presenter's slides as data: one idea per slide, every list item its own bullet, each slide short enough
to read at 28 px on a 1280×720 projector (tests/browser/test_slides.py measures it).

The plan's paragraphs are quoted, so a slide never rewords them: a long paragraph is cut only between its
sentences (and, for a sentence too long for one slide, between the clauses its semicolons mark), each piece a
bullet; pieces that do not fit one slide continue on the next, headed "(tiếp)" by the template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from math import ceil
from typing import Any, Literal

LINE_CHARS = 72
"""Characters of body text on one line of a slide at 28–29 px in 1280 px (about 80 measured; kept lower)."""
SLIDE_LINES = 11
"""Lines of body text under a one-line heading that fit a 720 px slide with its controls (about 13 measured)."""

SlideKind = Literal["text", "targets", "deadlines", "discussion", "titles"]


@dataclass(frozen=True)
class Slide:
    """One slide: its anchor, heading, and the items it lists (their kind says how the template shows them)."""

    id: str
    heading: str
    kind: SlideKind
    items: list[Any]
    ordered: bool = False
    start: int = 1
    """The number of the first item, for an ordered list continued from the slide before."""
    part: int = 1
    """1 for the first slide of a heading, 2 for its continuation …"""


def lines(text: str) -> int:
    """Lines a piece of body text takes on a slide (a bullet's own spacing counts as a fraction of a line)."""
    return ceil(len(text) / LINE_CHARS)


def sentences(text: str) -> list[str]:
    """A quoted paragraph cut between sentences (a full stop then a capital letter), words unchanged;
    a sentence too long for one slide is cut again after its semicolons."""
    pieces, start = [], 0
    for index, char in enumerate(text):
        if char == "." and text[index + 1:index + 2] == " " and text[index + 2:index + 3].isupper():
            pieces.append(text[start:index + 1])
            start = index + 2
    pieces.append(text[start:])
    return [clause for piece in pieces for clause in _clauses(piece.strip()) if clause]


def _clauses(sentence: str) -> list[str]:
    if lines(sentence) <= SLIDE_LINES:
        return [sentence]
    parts = sentence.split("; ")
    return [part + (";" if number < len(parts) - 1 else "") for number, part in enumerate(parts)]


def pack(id: str, heading: str, kind: SlideKind, items: Sequence[Any], size: Callable[[Any], int],
         ordered: bool = False) -> list[Slide]:
    """Items in order, as many to a slide as fit ``SLIDE_LINES``; at least one item on each slide."""
    slides: list[Slide] = []
    current: list[Any] = []
    used = 0
    first = 1
    for number, item in enumerate(items, start=1):
        need = size(item)
        if current and used + need > SLIDE_LINES:
            slides.append(Slide(f"{id}-{len(slides) + 1}", heading, kind, current, ordered, first, len(slides) + 1))
            current, used, first = [], 0, number
        current.append(item)
        used += need
    if current:
        slides.append(Slide(f"{id}-{len(slides) + 1}", heading, kind, current, ordered, first, len(slides) + 1))
    if len(slides) == 1:
        slides[0] = Slide(id, heading, kind, slides[0].items, ordered, 1, 1)
    return slides


def text_slides(id: str, heading: str, paragraphs: Iterable[str]) -> list[Slide]:
    """Quoted paragraphs as bullets, one sentence each."""
    return pack(id, heading, "text", [s for text in paragraphs for s in sentences(text)], lines)
