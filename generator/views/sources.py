"""The "Văn bản gốc" page: the official texts behind the plan, as the plan names them.

Every number, date and issuer comes from ``ke-hoach.yml``, where validation has
checked that each cited number stands in the plan's own text. A link to an
original is shown only where an editor recorded its official address: the site
never guesses where a party document is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..content.document import DocumentText
from ..content.models import DocumentRef
from ..text import doc_date, vn_date
from .site import Site

Role = Literal["resolution", "implements", "cited"]


@dataclass(frozen=True)
class SourceText:
    """One official text: what the plan calls it, and where to read the original when that is known."""

    role: Role
    ref: DocumentRef
    date_text: str | None
    """The date as the plan writes it (``26/01/2025`` or ``28/9/2021``), or None when the plan gives none."""


@dataclass(frozen=True)
class SourcesView:
    texts: list[SourceText]
    plan_kind: str
    plan_issuer: str
    plan_title: str
    plan_number: str | None
    plan_date: str | None
    plan_url: str | None
    full_text_page: str


def as_written(value: date | None, document: DocumentText) -> str | None:
    """The plan writes some dates with leading zeros (26/01/2025) and some without (5/3/2025): use its own form."""
    if value is None:
        return None
    forms = (vn_date(value), doc_date(value))
    return next((form for form in forms if f"ngày {form}" in document), doc_date(value))


def sources_view(site: Site, full_text_page: str) -> SourcesView:
    plan, document = site.content.plan, site.content.document
    refs: list[tuple[Role, DocumentRef]] = [("resolution", plan.resolution), ("implements", plan.implements)]
    refs += [("cited", cited) for cited in plan.cited]
    texts = [SourceText(role, ref, as_written(ref.date, document)) for role, ref in refs]
    return SourcesView(texts, plan.kind, plan.issuer, plan.title, plan.number, as_written(plan.date, document),
                       plan.url, full_text_page)
