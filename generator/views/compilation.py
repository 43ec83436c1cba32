"""The board's compilation of the grassroots organisations' results, computed once from the register.

What a propaganda board reports — "378 hội nghị, lớp; 35.599/35.900 đảng viên tham
gia, đạt 99,16%; 5.806 lượt quần chúng" — is a sum over organisations; this module
does the sums (overall, by kind, per organisation) and counts how many organisations
have recorded a plan or a report, which also decides the milestones the plan sets for
"các cấp ủy cơ sở" (``Assignment.tracks``; see ``deadlines.status_of``).

Rules, so that every figure can be checked by hand:

* every organisation's ``members`` counts its own members only, so totals are plain sums;
* a session's ``members`` are members of that organisation; citizens are counted per
  session ("lượt", a person attending twice counts twice), as boards report them;
* the plan's milestones address the organisations directly under the committee (no
  ``parent`` in the register): only they are "expected"; a child organisation's plan or
  report is shown on its row but does not count towards a milestone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..content import Content
from ..content.grassroots import attending
from ..content.models import GrassrootsOrganisation, GrassrootsRecord, Result, Tracks
from ..text import slugify


def percent(part: int, whole: int) -> Decimal | None:
    """part/whole as a percentage with two decimals (half up), None when there is no whole."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class OrganisationRow:
    """One organisation as its row on the page and in the CSV/JSON exports."""

    id: str
    """Slug of the name: the row's anchor on the page."""
    name: str
    kind: str
    parent: str | None
    members: int
    sessions: int
    members_attending: int
    citizens: int
    plan: Result | None
    report: Result | None
    source: str | None
    """The result file it came from (``content/to-chuc-co-so/….yml``), None when nothing is recorded yet."""

    @property
    def expected(self) -> bool:
        """Directly under the committee: the plan's milestones are addressed to it."""
        return self.parent is None

    @property
    def percent(self) -> Decimal | None:
        return percent(self.members_attending, self.members)

    def recorded(self, tracks: Tracks) -> Result | None:
        return self.plan if tracks == "plans" else self.report


@dataclass(frozen=True)
class Figures:
    """Sums over a group of organisations (all, or one kind)."""

    organisations: int
    sessions: int
    members_attending: int
    members_total: int
    citizens: int
    plans: int
    reports: int

    @property
    def percent(self) -> Decimal | None:
        return percent(self.members_attending, self.members_total)


@dataclass(frozen=True)
class Tally:
    """How many expected organisations have recorded a plan (or a report): "x/y tổ chức"."""

    tracks: Tracks
    recorded: int
    total: int

    @property
    def complete(self) -> bool:
        """Every expected organisation has recorded it (and there is at least one)."""
        return self.total > 0 and self.recorded == self.total


def _row(org: GrassrootsOrganisation, record: GrassrootsRecord | None, source: str | None) -> OrganisationRow:
    sessions = record.sessions if record else []
    return OrganisationRow(
        slugify(org.name), org.name, org.kind, org.parent, org.members, len(sessions),
        attending(record) if record else 0, sum(s.citizens for s in sessions),
        record.plan if record else None, record.report if record else None, source)


def organisation_rows(content: Content) -> list[OrganisationRow]:
    """One row per organisation of the register, in register order (validation made names unique)."""
    records = {r.meta.organisation: r for r in content.grassroots_records}
    rows = []
    for org in content.grassroots.organisations:
        record = records.get(org.name)
        rows.append(_row(org, record.meta if record else None, record.source if record else None))
    return rows


def figures(rows: list[OrganisationRow]) -> Figures:
    return Figures(
        len(rows), sum(r.sessions for r in rows), sum(r.members_attending for r in rows),
        sum(r.members for r in rows), sum(r.citizens for r in rows),
        sum(r.plan is not None for r in rows), sum(r.report is not None for r in rows))


def tally(rows: list[OrganisationRow], tracks: Tracks, by: date | None = None) -> Tally:
    """Expected organisations that recorded ``tracks`` (dated on or before ``by``, when given)."""
    expected = [row for row in rows if row.expected]
    done = [row for row in expected if (result := row.recorded(tracks)) and (by is None or result.date <= by)]
    return Tally(tracks, len(done), len(expected))
