"""The plan's own words as one searchable text, and the full-text page's section anchors.

Answers, rebuttals and other editor-written material must quote the document
word for word. The one check for that lives here: ``DocumentText.find``.

The text is built from the validated models' text fields (the same fields the
full-text page shows), not from ``content/source/ke-hoach-ocr.txt``: every
locality's content has the models, while an OCR copy is optional (the fixture
commune has none), and ``tests/test_fidelity.py`` already proves that the
full-text page made from these fields equals the corrected OCR word for word.
So a quotation found here is a quotation of the corrected document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..text import slugify
from . import models

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def normalise(text: str) -> str:
    """What a reader sees, compared fairly: NFC, no Markdown emphasis, one kind of quote mark, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("*", "").replace("\\", "").translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class DocumentText:
    """The document as a list of paragraphs (headings, paragraphs, bullets, recipients), normalised."""

    paragraphs: tuple[str, ...]

    def find(self, quote: str) -> int | None:
        """The index of the paragraph that holds ``quote`` word for word, or None.

        A quotation must stand inside one paragraph: joining the end of one
        paragraph to the start of the next would quote a sentence the document
        never wrote.
        """
        wanted = normalise(quote)
        if not wanted:
            return None
        return next((index for index, paragraph in enumerate(self.paragraphs) if wanted in paragraph), None)

    def __contains__(self, quote: object) -> bool:
        return isinstance(quote, str) and self.find(quote) is not None


def _part(part: models.Part) -> Iterator[str]:
    yield part.heading
    yield from part.paragraphs
    yield from part.bullets


def document_paragraphs(
    plan: models.Plan, purpose: models.PurposeSection, viewpoints: models.ViewpointSection,
    targets_2030: models.TargetSection, vision_2045: models.TargetSection, tasks: models.TaskSection,
    study: models.StudySection, organisation: models.OrganisationSection,
) -> Iterator[str]:
    """Every piece of the document's text, in the document's order (as ``full-text.md.j2`` shows it)."""
    yield from (plan.kind, plan.title, plan.intro, purpose.heading)
    yield from _part(purpose.purpose)
    yield from _part(purpose.requirements)
    yield from (viewpoints.section_heading, viewpoints.content_lead, viewpoints.heading)
    yield from (v.text for v in viewpoints.viewpoints)
    for section in (targets_2030, vision_2045):
        if section.heading:
            yield section.heading
        yield section.subheading
        yield from (p.text for p in section.paragraphs)
    yield from (tasks.heading, tasks.lead)
    yield from (g.text for g in tasks.groups)
    yield study.heading
    yield from _part(study.district)
    yield from _part(study.grassroots)
    yield study.implementation_plans.heading
    yield from study.implementation_plans.bullets
    yield from _part(study.reporters)
    yield organisation.heading
    for unit in organisation.units:
        yield unit.name
        yield from unit.paragraphs
    yield plan.closing
    yield from (recipient.name for recipient in plan.recipients)
    yield from (plan.signature.on_behalf, plan.signature.title, plan.signature.name)


DOCUMENT_PARTS = ("plan", "purpose", "viewpoints", "targets_2030", "vision_2045", "tasks", "study", "organisation")
"""The ``Content`` fields the document is made of, i.e. the arguments of ``document_paragraphs``."""


def document_text(**parts: object) -> DocumentText:
    """The searchable document from the models named in ``DOCUMENT_PARTS``."""
    return DocumentText(tuple(normalise(text) for text in document_paragraphs(**parts)))  # type: ignore[arg-type]


def section_headings(*, purpose: models.PurposeSection, viewpoints: models.ViewpointSection,
                     targets_2030: models.TargetSection, vision_2045: models.TargetSection, tasks: models.TaskSection,
                     study: models.StudySection, organisation: models.OrganisationSection, **_: object) -> list[str]:
    """Every heading of the full-text page, in page order: each has an anchor there (``section_anchor``)."""
    headings = [purpose.heading, purpose.purpose.heading, purpose.requirements.heading,
                viewpoints.section_heading, viewpoints.heading]
    for section in (targets_2030, vision_2045):
        headings += [section.heading] if section.heading else []
        headings.append(section.subheading)
    headings += [tasks.heading, study.heading, study.district.heading, study.grassroots.heading,
                 study.implementation_plans.heading, study.reporters.heading, organisation.heading]
    headings += [unit_heading(unit) for unit in organisation.units if not unit.inline]
    return headings


OPENING_ANCHOR = "mo-dau"
"""The anchor of the document's opening (title and introduction) on the full-text page."""


def passage_ids(**parts: object) -> dict[str, str]:
    """Every passage an answer may link to (``source``): id → what it is (for messages and link titles).

    The parts of the plan with their own anchor on a structured page (viewpoints,
    indicators, task groups, units), then the headings of the full-text page.
    """
    viewpoints: models.ViewpointSection = parts["viewpoints"]  # type: ignore[assignment]
    tasks: models.TaskSection = parts["tasks"]  # type: ignore[assignment]
    organisation: models.OrganisationSection = parts["organisation"]  # type: ignore[assignment]
    found = {v.id: v.title for v in viewpoints.viewpoints}
    for name in ("targets_2030", "vision_2045"):
        section: models.TargetSection = parts[name]  # type: ignore[assignment]
        found.update({i.id: i.title for i in section.indicators})
    found.update({g.id: g.title for g in tasks.groups})
    found.update({u.id: u.name for u in organisation.units})
    plan: models.Plan = parts["plan"]  # type: ignore[assignment]
    found.setdefault(OPENING_ANCHOR, f"{plan.kind} {plan.title}")
    for heading in section_headings(**parts):  # type: ignore[arg-type]
        found.setdefault(section_anchor(heading), normalise(heading))
    return found


def unit_heading(unit: models.Unit) -> str:
    """A unit's heading as the document numbers it: ``2. Ủy ban nhân dân huyện``."""
    return f"{unit.number}. {unit.name}"


def section_anchor(heading: str) -> str:
    """The anchor of a full-text heading: ``4. Báo cáo viên và tài liệu`` → ``4-bao-cao-vien-va-tai-lieu``."""
    return slugify(heading)
