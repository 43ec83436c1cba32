"""The progress page (``ket-qua-thuc-hien/``) and its CSV/JSON exports: one view model for all three.

The page, the spreadsheet and the portal's JSON read the same ``ImplementationView``,
so a figure can never differ between them. Sums and counts come from
``compilation``; this module adds the groupings the board reports by (kind,
milestone) and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content.models import Tracks
from .compilation import Figures, OrganisationRow, Tally, figures, organisation_rows, tally
from .deadlines import DueItem
from .site import Site

PAGE = "ket-qua-thuc-hien.md"
CSV_PATH = "ket-qua-thuc-hien.csv"
JSON_PATH = "ket-qua-thuc-hien.json"


@dataclass(frozen=True)
class KindFigures:
    """The sums for one kind of organisation (``kinds`` in the register), in the register's order."""

    kind: str
    figures: Figures


@dataclass(frozen=True)
class LateRecord:
    """An organisation that recorded its plan or report after the milestone's date: name and the date recorded."""

    name: str
    id: str
    date: date


@dataclass(frozen=True)
class Milestone:
    """A deadline the plan sets for the grassroots organisations, and who has recorded it by that date."""

    deadline: DueItem
    tracks: Tracks
    by_date: Tally
    """Recorded with a date on or before the deadline."""
    later: list[LateRecord]
    """Recorded, dated after the deadline."""
    missing: list[OrganisationRow]
    """Nothing recorded yet ("chưa ghi nhận")."""


@dataclass(frozen=True)
class ImplementationView:
    has_data: bool
    """False while the register holds no organisation: the page says "chưa có dữ liệu"."""
    totals: Figures
    by_kind: list[KindFigures]
    milestones: list[Milestone]
    rows: list[OrganisationRow]
    today: date
    register: str
    """The register file an editor opens (``content/to-chuc-co-so.yml``)."""
    csv_path: str = CSV_PATH
    json_path: str = JSON_PATH


def _milestone(item: DueItem, rows: list[OrganisationRow]) -> Milestone:
    tracks = item.assignment.tracks
    assert tracks is not None
    expected = [row for row in rows if row.expected]
    later, missing = [], []
    for row in expected:
        result = row.recorded(tracks)
        if result is None:
            missing.append(row)
        elif result.date > item.due:
            later.append(LateRecord(row.name, row.id, result.date))
    return Milestone(item, tracks, tally(rows, tracks, by=item.due), later, missing)


def implementation_view(site: Site) -> ImplementationView:
    content = site.content
    rows = organisation_rows(content)
    by_kind = [KindFigures(kind, figures([row for row in rows if row.kind == kind])) for kind in content.grassroots.kinds]
    milestones = [_milestone(item, rows) for item in site.deadlines if item.assignment.tracks and rows]
    register = f"{site.settings.content_prefix}/{content.source('grassroots')}"
    return ImplementationView(bool(rows), figures(rows), by_kind, milestones, rows, site.settings.today, register)
