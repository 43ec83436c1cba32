"""Every unit the plan gives work to, with its duties and deadlines gathered on one page.

Section IV lists units with numbered paragraphs; section III.3 gives two more
units ("Ban Thường vụ Huyện ủy", "Các cấp ủy cơ sở") one bullet each. A unit's
head wants everything addressed to it in one place, so this module joins both
without copying any text: the duties are the quoted ``duty`` fields, the plan's
own words are the paragraphs or bullets they come from.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Content
from ..content.models import Assignment
from ..text import slugify
from .deadlines import DueItem


@dataclass(frozen=True)
class UnitView:
    """One unit's page: who, what the plan says, each duty, each deadline."""

    id: str
    name: str
    number: int | None
    """The unit's number in section IV; None for units named only in section III.3."""
    paragraphs: tuple[str, ...]
    """The plan's own words addressed to this unit (paragraphs of IV or bullets of III.3)."""
    assignments: tuple[Assignment, ...]
    deadlines: tuple[DueItem, ...]
    source: str
    """The ``Content`` attribute (content file) an editor changes to alter this page."""
    section: str


def unit_views(content: Content, deadlines: list[DueItem]) -> list[UnitView]:
    """Section IV's units in document order, then the units named only in section III.3."""
    def due_for(unit_id: str) -> tuple[DueItem, ...]:
        return tuple(item for item in deadlines if item.unit_id == unit_id)

    views = [
        UnitView(unit.id, unit.name, unit.number, tuple(unit.paragraphs), tuple(unit.assignments),
                 due_for(unit.id), "organisation", content.organisation.heading)
        for unit in content.organisation.units
    ]
    known = {view.id for view in views}
    plans = content.study.implementation_plans
    extra: dict[str, list[Assignment]] = {}
    names: dict[str, str] = {}
    for assignment in plans.assignments:
        if not assignment.unit:
            continue
        slug = slugify(assignment.unit)
        if slug not in known:
            extra.setdefault(slug, []).append(assignment)
            names.setdefault(slug, assignment.unit)
    for slug, assignments in extra.items():
        bullets = tuple(bullet for bullet in plans.bullets
                        if any(" ".join(a.duty.split()) in " ".join(bullet.replace("*", "").split()) for a in assignments))
        views.append(UnitView(slug, names[slug], None, bullets, tuple(assignments), due_for(slug),
                              "study", plans.heading))
    return views


@dataclass(frozen=True)
class UnitPage:
    """A unit's own page: the unit and the posts that report on it."""

    unit: UnitView
    posts: list


@dataclass(frozen=True)
class ResponsibilitiesView:
    units: list[UnitView]
