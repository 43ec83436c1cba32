"""Every duty the plan gives anyone, wherever it stands (section III's points and section IV's units).

The who-does-what pages, the timeline and the calendar all start from this one
list, so a duty quoted in section III can no more be missed on a unit's page
than one from section IV. Each duty carries its place in the plan as Vietnamese
administrative style cites it ("điểm 3, mục III (Xây dựng Kế hoạch …)") — the
parts of that reference are computed here from the headings; the words
"điểm" and "mục" are the templates'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..content import Content
from ..content.models import Assignment
from ..content.quotation import stands_in
from ..text import fold, heading_number, roman_part, sentence_case, slugify, without_number


@dataclass(frozen=True)
class SectionRef:
    """A place in the plan: point ``point`` of section ``part``, and the title cited in brackets."""

    part: str
    """Roman numeral of the section (mục): ``III``."""
    point: str
    """The point (điểm) inside it: ``3``."""
    title: str
    """The point's own heading without its number, or for a unit of section IV the section's title."""


@dataclass(frozen=True)
class Duty:
    """One assignment, who it is given to, and where the plan gives it."""

    unit: str
    """The name the document uses at this place (``Các cấp ủy cơ sở``)."""
    unit_id: str
    """The page that gathers this body's duties (a section IV unit's ``id``, or the slug of the name)."""
    anchor_id: str
    """Stable name used in deadline anchors and calendar UIDs: the unit id in section IV, the name's slug in
    section III (unchanged when an editor later merges a name into a unit, so phones do not duplicate events)."""
    assignment: Assignment
    ref: SectionRef
    words: tuple[str, ...]
    """The plan's own paragraphs or bullets this duty is quoted from."""
    source: str
    """The ``Content`` attribute (content file) an editor changes to alter it."""

    @property
    def product(self) -> str | None:
        """The deliverable, unless it only repeats the duty's words (then saying it twice adds nothing)."""
        deliverable = self.assignment.deliverable
        if deliverable and _plain(deliverable).lower() != _plain(self.assignment.duty).lower():
            return deliverable
        return None


def _plain(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _words_for(assignment: Assignment, texts: list[str]) -> tuple[str, ...]:
    """The texts that carry the duty's words (the quotation rule: ``content.quotation.stands_in``)."""
    return tuple(text for text in texts if stands_in(assignment.duty, text))


def _part_ref(section_heading: str, heading: str) -> SectionRef:
    return SectionRef(roman_part(section_heading), heading_number(heading), sentence_case(without_number(heading)))


def unit_ids(content: Content) -> dict[str, str]:
    """Folded name → section IV unit id, for every name and ``also_named`` of a unit."""
    ids: dict[str, str] = {}
    for unit in content.organisation.units:
        for name in (unit.name, *unit.also_named):
            ids[fold(name)] = unit.id
    return ids


def all_duties(content: Content) -> list[Duty]:
    """Every assignment in document order: section III part by part, then section IV unit by unit."""
    ids = unit_ids(content)
    return list(_study_duties(content, ids)) + list(_organisation_duties(content))


def _study_duties(content: Content, ids: dict[str, str]) -> Iterator[Duty]:
    study = content.study
    parts: list[tuple[str, list[Assignment], list[str]]] = [
        (p.heading, p.assignments, [*p.paragraphs, *p.bullets]) for p in study.parts]
    for heading, assignments, texts in parts:
        ref = _part_ref(study.heading, heading)
        for assignment in assignments:
            if not assignment.unit:
                continue
            anchor = slugify(assignment.unit)
            yield Duty(assignment.unit, ids.get(fold(assignment.unit), anchor), anchor, assignment, ref,
                       _words_for(assignment, texts), "study")


def _organisation_duties(content: Content) -> Iterator[Duty]:
    section = content.organisation
    for unit in section.units:
        ref = SectionRef(roman_part(section.heading), str(unit.number), sentence_case(without_number(section.heading)))
        for assignment in unit.assignments:
            yield Duty(assignment.unit or unit.name, unit.id, unit.id, assignment, ref, tuple(unit.paragraphs),
                       "organisation")

