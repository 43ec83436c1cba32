"""Every deadline in the plan, in date order, with a status derived from the build date.

The plan sets deadlines in two places (section III.3 and section IV); readers
want them on one line of time, so this module gathers them without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from ..content import Content
from ..content.models import Assignment
from ..text import heading_number, slugify, without_number
from .compilation import OrganisationRow, Tally, organisation_rows, tally

Status = Literal["done", "passed", "soon", "upcoming"]
"""``done``: a result (document, date) recorded, or, for a milestone of the grassroots organisations
(``tracks``), every organisation directly under the committee has recorded its plan or report;
``passed``: the date passed with no completion recorded (the site knows nothing more);
``soon``: within ``SOON_DAYS``; ``upcoming``: later. Templates say these in words."""

SOON_DAYS = 14
"""A deadline this close counts as 'sắp đến hạn' (due soon)."""


@dataclass(frozen=True)
class DueItem:
    """One assignment with a deadline, placed in the plan."""

    unit: str
    unit_id: str
    """The unit's page slug: its ``id`` in section IV, the slugified name in section III.3."""
    assignment: Assignment
    status: Status
    section: str
    """The heading of the plan's section that sets this deadline, as the document writes it."""
    seq: int = 1
    """1 for the unit's first deadline on this date, 2 for the second …: keeps ``key`` unique."""
    tally: Tally | None = None
    """For a milestone of the grassroots organisations (``tracks``) with a register: how many have recorded it."""

    @property
    def due(self) -> date:
        assert self.assignment.deadline is not None
        return self.assignment.deadline.date

    @property
    def end(self) -> date:
        """The day after: the exclusive end of an all-day calendar event."""
        return self.due + timedelta(days=1)

    @property
    def section_number(self) -> str:
        """'3' for '3. Xây dựng Kế hoạch …': the point of the plan this deadline stands in."""
        return heading_number(self.section)

    @property
    def section_title(self) -> str:
        return without_number(self.section)

    @property
    def key(self) -> str:
        """Stable name of this deadline (unit, date, order): the page anchor and the calendar UID."""
        return f"{self.unit_id}-{self.due:%Y%m%d}-{self.seq}"


def status_of(assignment: Assignment, today: date, counted: Tally | None = None) -> Status:
    """Done when a result is recorded, or when every organisation has recorded its part; otherwise the calendar decides."""
    deadline = assignment.deadline
    assert deadline is not None
    if deadline.result is not None or (counted is not None and counted.complete):
        return "done"
    days = (deadline.date - today).days
    if days < 0:
        return "passed"
    if days <= SOON_DAYS:
        return "soon"
    return "upcoming"


def _tally(assignment: Assignment, rows: list[OrganisationRow]) -> Tally | None:
    """The count behind a grassroots milestone; None without ``tracks`` or without a register to count."""
    if assignment.tracks is None or not rows:
        return None
    return tally(rows, assignment.tracks)


def due_items(content: Content, today: date) -> list[DueItem]:
    """All assignments that carry a deadline, earliest first (ties keep document order)."""
    items: list[DueItem] = []
    rows = organisation_rows(content)
    plans = content.study.implementation_plans
    for assignment in plans.assignments:
        if assignment.deadline:
            unit = assignment.unit or ""
            counted = _tally(assignment, rows)
            items.append(DueItem(unit, slugify(unit), assignment, status_of(assignment, today, counted),
                                 plans.heading, tally=counted))
    for unit in content.organisation.units:
        for assignment in unit.assignments:
            if assignment.deadline:
                counted = _tally(assignment, rows)
                items.append(DueItem(assignment.unit or unit.name, unit.id, assignment,
                                     status_of(assignment, today, counted), content.organisation.heading,
                                     tally=counted))
    seen: dict[tuple[str, date], int] = {}
    numbered = []
    for item in items:
        seq = seen[item.unit_id, item.due] = seen.get((item.unit_id, item.due), 0) + 1
        numbered.append(replace(item, seq=seq))
    return sorted(numbered, key=lambda item: item.due)


def upcoming(items: list[DueItem], today: date, count: int = 3) -> list[DueItem]:
    """The next deadlines not yet done; if all have passed, the most recent ones."""
    ahead = [item for item in items if item.due >= today and item.status != "done"]
    return ahead[:count] if ahead else items[-count:]
