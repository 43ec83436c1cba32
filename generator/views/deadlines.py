"""Every deadline in the plan, in date order, with a status derived from the build date.

The plan sets deadlines in section III.3 and section IV; readers want them on one
line of time, so this module takes them from the one list of duties (``duties.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from ..content import Content
from ..content.models import Assignment
from ..text import capitalise
from .compilation import OrganisationRow, Tally, organisation_rows, tally
from .duties import Duty, SectionRef, all_duties

Status = Literal["done", "passed", "soon", "upcoming"]
"""``done``: a result (document, date) recorded, or, for a milestone of the grassroots organisations
(``tracks``), every organisation directly under the committee has recorded its plan or report;
``passed``: the date passed with no result recorded (the site knows nothing more, so no badge is shown:
``DueItem.badge`` is None and the date and duty are told as history); ``soon``: within ``SOON_DAYS``; ``upcoming``: later."""

SOON_DAYS = 14
"""A deadline this close counts as 'sắp đến hạn' (due soon)."""

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class DueItem:
    """One duty with a deadline, placed in the plan."""

    duty: Duty
    status: Status
    seq: int = 1
    """1 for the unit's first deadline on this date, 2 for the second …: keeps ``key`` unique."""
    tally: Tally | None = None
    """For a milestone of the grassroots organisations (``tracks``) with a register: how many have recorded it."""

    @property
    def unit(self) -> str:
        return self.duty.unit

    @property
    def unit_id(self) -> str:
        return self.duty.unit_id

    @property
    def assignment(self) -> Assignment:
        return self.duty.assignment

    @property
    def ref(self) -> SectionRef:
        return self.duty.ref

    @property
    def due(self) -> date:
        assert self.assignment.deadline is not None
        return self.assignment.deadline.date

    @property
    def badge(self) -> Status | None:
        """The status a reader sees beside the date, or None for a date passed with no result recorded:
        the site knows only that no result is recorded, so the date and duty are told as history, unmarked."""
        return None if self.status == "passed" else self.status

    @property
    def end(self) -> date:
        """The day after: the exclusive end of an all-day calendar event."""
        return self.due + timedelta(days=1)

    @property
    def heading(self) -> str:
        """The plan's own wording of the date, opening a line: 'Trước ngày 5/3/2025'."""
        assert self.assignment.deadline is not None
        return capitalise(self.assignment.deadline.text)

    @property
    def heading_has_date(self) -> bool:
        """False for 'Hoàn thành trong quý 1/2025': the template then adds the last day the site counts."""
        assert self.assignment.deadline is not None
        return any(date(int(y), int(m), int(d)) == self.due
                   for d, m, y in _DMY.findall(self.assignment.deadline.text) if _valid(d, m, y))

    @property
    def action(self) -> str:
        """What is to be done, as the plan words it (the quoted duty), opening a line."""
        return capitalise(self.assignment.duty)

    @property
    def key(self) -> str:
        """Stable name of this deadline (unit, date, order): the page anchor and the calendar UID."""
        return f"{self.duty.anchor_id}-{self.due:%Y%m%d}-{self.seq}"


def _valid(day: str, month: str, year: str) -> bool:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


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
    """All duties that carry a deadline, earliest first (ties keep document order)."""
    rows = organisation_rows(content)
    items = []
    for duty in all_duties(content):
        if duty.assignment.deadline:
            counted = _tally(duty.assignment, rows)
            items.append(DueItem(duty, status_of(duty.assignment, today, counted), tally=counted))
    seen: dict[tuple[str, date], int] = {}
    numbered = []
    for item in items:
        seq = seen[item.duty.anchor_id, item.due] = seen.get((item.duty.anchor_id, item.due), 0) + 1
        numbered.append(replace(item, seq=seq))
    return sorted(numbered, key=lambda item: item.due)


def upcoming(items: list[DueItem], today: date, count: int = 3) -> list[DueItem]:
    """The next deadlines not yet done; none when every date has passed (a block of upcoming
    deadlines is then left out rather than filled with past dates)."""
    return [item for item in items if item.due >= today and item.status != "done"][:count]


def ahead_and_past(items: list[DueItem], today: date) -> tuple[list[DueItem], list[DueItem]]:
    """The timeline's two groups: dates from today on, and dates before today (each in date order)."""
    return [item for item in items if item.due >= today], [item for item in items if item.due < today]


def badges(items: list[DueItem]) -> list[Status]:
    """The statuses shown beside these deadlines, each once, in a fixed order: what a legend must explain."""
    shown = {item.badge for item in items}
    return [status for status in ("done", "soon", "upcoming") if status in shown]
