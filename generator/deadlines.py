"""Every deadline in the plan, in date order, with a status derived from the build date.

The plan sets deadlines in two places (section III.3 and section IV); readers
want them on one line of time, so this module gathers them without copying.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .content import Content
from .schema import Assignment

Status = Literal["hoàn thành", "quá hạn", "sắp đến hạn", "chưa đến hạn"]

SOON_DAYS = 14
"""A deadline this close counts as 'sắp đến hạn' (due soon)."""


@dataclass(frozen=True)
class DueItem:
    """One assignment with a deadline, placed in the plan."""

    unit: str
    unit_id: str | None
    assignment: Assignment
    status: Status
    section: str

    @property
    def due(self) -> date:
        assert self.assignment.deadline is not None
        return self.assignment.deadline.date


def status_of(assignment: Assignment, today: date) -> Status:
    """Done when the YAML says so; otherwise the calendar decides."""
    deadline = assignment.deadline
    assert deadline is not None
    if deadline.status == "hoàn thành":
        return "hoàn thành"
    days = (deadline.date - today).days
    if days < 0:
        return "quá hạn"
    if days <= SOON_DAYS:
        return "sắp đến hạn"
    return "chưa đến hạn"


def due_items(content: Content, today: date) -> list[DueItem]:
    """All assignments that carry a deadline, earliest first (ties keep document order)."""
    items: list[DueItem] = []
    plans = content.study.implementation_plans
    for assignment in plans.assignments:
        if assignment.deadline:
            items.append(DueItem(assignment.unit or "", None, assignment, status_of(assignment, today), plans.heading))
    for unit in content.organisation.units:
        for assignment in unit.assignments:
            if assignment.deadline:
                items.append(DueItem(assignment.unit or unit.name, unit.id, assignment,
                                     status_of(assignment, today), content.organisation.heading))
    return sorted(items, key=lambda item: item.due)


def upcoming(items: list[DueItem], today: date, count: int = 3) -> list[DueItem]:
    """The next deadlines not yet done; if all have passed, the most recent ones."""
    ahead = [item for item in items if item.due >= today and item.status != "hoàn thành"]
    return ahead[:count] if ahead else items[-count:]
