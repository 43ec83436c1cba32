"""The progress page's data as files: CSV for the board's spreadsheet, JSON for the provincial portal.

Both are made from the same ``ImplementationView`` as the page, so the three can
never disagree. CSV choices, for Excel on Windows set to Vietnamese:

* UTF-8 **with** a byte-order mark: without it Excel reads the file as the ANSI code
  page (Windows-1258) and "Đồng Tâm" turns into mojibake;
* ``;`` between fields: Excel splits a CSV on the *list separator* of the regional
  settings, which is ``;`` wherever the decimal symbol is ``,`` (vi-VN), and the
  percentages are written with a decimal comma (99,16) as the board writes them; a ``,``
  separator would put each row in one cell there. No ``sep=;`` line: with it Excel
  ignores the byte-order mark and the accents break again;
* CRLF line ends (RFC 4180), every field quoted only when needed (``csv`` module): a field
  with a line break, a quote or a ``;`` stays one field of one record;
* text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` …) starts with an
  apostrophe (``encoding.csv_cell``); numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..views.compilation import Figures, OrganisationRow
from ..views.implementation import ImplementationView
from .encoding import csv_cell, json_text
from .environment import environment

CSV_TEMPLATE = "ket-qua-thuc-hien.csv.j2"
DELIMITER = ";"
BOM = "\ufeff"


def csv_row(fields: Iterable[object]) -> str:
    """One CSV record with its CRLF; each field encoded by ``csv_cell`` and quoted when it needs to be.

    The record ends itself: the template prints records one after the other and never splits
    the text on line ends, so a line break inside a quoted field stays inside its field.
    """
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n").writerow(csv_cell(field) for field in fields)
    return buffer.getvalue()


def csv_export(view: ImplementationView) -> bytes:
    """The CSV file's bytes: BOM, header, one record per organisation, CRLF."""
    env = environment()
    env.filters["csv_row"] = csv_row
    return (BOM + env.get_template(CSV_TEMPLATE).render(view=view)).encode("utf-8")


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _figures(f: Figures) -> dict[str, Any]:
    return {"organisations": f.organisations, "sessions": f.sessions, "members_attending": f.members_attending,
            "members_total": f.members_total, "percent": _number(f.percent), "citizens": f.citizens,
            "plans": f.plans, "reports": f.reports}


def _result(result: Any) -> dict[str, Any] | None:
    if result is None:
        return None
    return {"document": result.document, "date": result.date.isoformat(), "url": result.url}


def _row(row: OrganisationRow) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "kind": row.kind, "parent": row.parent, "members": row.members,
            "sessions": row.sessions, "members_attending": row.members_attending, "percent": _number(row.percent),
            "citizens": row.citizens, "plan": _result(row.plan), "report": _result(row.report)}


def json_export(view: ImplementationView) -> str:
    """Machine-readable: codes and numbers (dates ISO 8601), keys in English like the portal's other feeds."""
    data = {
        "date": view.today.isoformat(),
        "totals": _figures(view.totals),
        "by_kind": [{"kind": group.kind, **_figures(group.figures)} for group in view.by_kind],
        "milestones": [{
            "due": m.deadline.due.isoformat(), "deadline": m.deadline.assignment.deadline.text,  # type: ignore[union-attr]
            "tracks": m.tracks, "recorded_by_due": m.by_date.recorded, "expected": m.by_date.total,
            "recorded_later": [r.id for r in m.later], "not_recorded": [r.id for r in m.missing],
        } for m in view.milestones],
        "organisations": [_row(row) for row in view.rows],
    }
    return json_text(data, indent=1) + "\n"
