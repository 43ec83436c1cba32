"""Every body the plan gives work to, with all its duties and deadlines gathered on one page.

Section IV lists units with numbered paragraphs; section III gives duties to
bodies by name (the standing committee, "Các cấp ủy cơ sở", the secretary who
presents). A unit's head wants everything addressed to it in one place, so this
module groups the one list of duties (``duties.py``) by body. A section IV unit
whose ``also_named`` lists a section III name gathers those duties too, and the
page shows both names as the document writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content import Content
from ..content.models import Assignment
from ..text import roman_part, without_number
from .deadlines import DueItem
from .duties import Duty, SectionRef, all_duties

if TYPE_CHECKING:
    from .site import Site


@dataclass(frozen=True)
class UnitPlace:
    """One place of the plan that gives this body work: the reference, the plan's words there, the duties."""

    ref: SectionRef
    name: str
    """The name the document uses at this place."""
    words: tuple[str, ...]
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class UnitView:
    """One body's page: who, each place of the plan that gives it work, each deadline."""

    id: str
    name: str
    number: int | None
    """The unit's number in section IV; None for bodies named only in section III."""
    other_names: tuple[str, ...]
    """Other names the document gives the same body elsewhere (``also_named``)."""
    places: tuple[UnitPlace, ...]
    deadlines: tuple[DueItem, ...]
    source: str
    """The ``Content`` attribute (content file) an editor changes to alter this page."""

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        return tuple(duty.assignment for place in self.places for duty in place.duties)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(text for place in self.places for text in place.words)


def _places(duties: list[Duty]) -> tuple[UnitPlace, ...]:
    """Duties grouped by the place (reference and name) that gives them, in order of first appearance."""
    grouped: dict[tuple[SectionRef, str], list[Duty]] = {}
    for duty in duties:
        grouped.setdefault((duty.ref, duty.unit), []).append(duty)
    places = []
    for (ref, name), group in grouped.items():
        words: list[str] = []
        for duty in group:
            words += [text for text in duty.words if text not in words]
        places.append(UnitPlace(ref, name, tuple(words), tuple(group)))
    return tuple(places)


def unit_views(content: Content, deadlines: list[DueItem]) -> list[UnitView]:
    """Section IV's units in document order (with any section III duties under their other names),
    then the bodies named only in section III, in order of first mention."""
    duties = all_duties(content)
    by_unit: dict[str, list[Duty]] = {}
    for duty in duties:
        by_unit.setdefault(duty.unit_id, []).append(duty)

    def view(unit_id: str, name: str, number: int | None, other: tuple[str, ...], source: str) -> UnitView:
        own = by_unit.get(unit_id, [])
        # Section IV first on its unit's page: that is where the unit is named as such.
        own = sorted(own, key=lambda duty: duty.source != "organisation")
        return UnitView(unit_id, name, number, other, _places(own),
                        tuple(item for item in deadlines if item.unit_id == unit_id), source)

    views = [view(unit.id, unit.name, unit.number, tuple(unit.also_named), "organisation")
             for unit in content.organisation.units]
    known = {v.id for v in views}
    for duty in duties:
        if duty.unit_id not in known:
            known.add(duty.unit_id)
            views.append(view(duty.unit_id, duty.unit, None, (), duty.source))
    return views


@dataclass(frozen=True)
class UnitPage:
    """A unit's own page: the unit and the posts that report on it."""

    unit: UnitView
    posts: list


@dataclass(frozen=True)
class PlanSection:
    """A section (mục) of the plan as a sentence cites it: ``III`` and its title in lower case."""

    number: str
    title: str


def cited_section(heading: str) -> PlanSection:
    """'IV. TỔ CHỨC THỰC HIỆN' → IV, 'tổ chức thực hiện': the heading's own words, cited inside a sentence."""
    title = without_number(heading)
    return PlanSection(roman_part(heading), title.lower() if title.isupper() else title)


@dataclass(frozen=True)
class ResponsibilitiesView:
    units: list[UnitView]
    study: PlanSection
    """The section that sets the forms and times of study (its points give duties by name)."""
    organisation: PlanSection
    """The section that gives each unit its duties."""


def responsibilities_view(site: Site) -> ResponsibilitiesView:
    """Every body with duties, and the two sections that give them, numbered and named by their headings."""
    content = site.content
    return ResponsibilitiesView(site.units, cited_section(content.study.heading),
                                cited_section(content.organisation.heading))
