"""The plan's own words: one searchable text, the full-text page's anchors, and the passages editors may cite.

Answers, rebuttals and other editor-written material must quote the document
word for word: ``DocumentText.find`` asks the one rule, ``quotation.stands_in``, paragraph by paragraph.

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

from ..text import slugify, without_number
from . import models
from .horizons import horizon_attribute
from .quotation import normalise, stands_in


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
        return next((index for index, paragraph in enumerate(self.paragraphs) if stands_in(quote, paragraph)), None)

    def __contains__(self, quote: object) -> bool:
        return isinstance(quote, str) and self.find(quote) is not None


def _part(part: models.Part) -> Iterator[str]:
    yield part.heading
    yield from part.paragraphs
    yield from part.bullets


def document_paragraphs(
    plan: models.Plan, purpose: models.PurposeSection, viewpoints: models.ViewpointSection,
    horizons: list[models.TargetSection], tasks: models.TaskSection,
    study: models.StudySection, organisation: models.OrganisationSection,
) -> Iterator[str]:
    """Every piece of the document's text, in the document's order (as ``full-text.md.j2`` shows it)."""
    yield from (plan.kind, plan.title, plan.intro, purpose.heading)
    yield from _part(purpose.purpose)
    yield from _part(purpose.requirements)
    yield from (viewpoints.section_heading, viewpoints.content_lead, viewpoints.heading)
    yield from (v.text for v in viewpoints.viewpoints)
    for section in horizons:
        if section.heading:
            yield section.heading
        yield section.subheading
        yield from (p.text for p in section.paragraphs)
    yield from (tasks.heading, tasks.lead)
    yield from (g.text for g in tasks.groups)
    yield study.heading
    for part in study.parts:
        yield from _part(part)
    yield organisation.heading
    for unit in organisation.units:
        yield unit.name
        yield from unit.paragraphs
    yield plan.closing
    yield from (recipient.name for recipient in plan.recipients)
    yield from (plan.signature.on_behalf, plan.signature.title, plan.signature.name)


DOCUMENT_PARTS = ("plan", "purpose", "viewpoints", "horizons", "tasks", "study", "organisation")
"""The ``Content`` fields the document is made of, i.e. the arguments of ``document_paragraphs``."""


def document_text(**parts: object) -> DocumentText:
    """The searchable document from the models named in ``DOCUMENT_PARTS``."""
    return DocumentText(tuple(normalise(text) for text in document_paragraphs(**parts)))  # type: ignore[arg-type]


def section_headings(*, purpose: models.PurposeSection, viewpoints: models.ViewpointSection,
                     horizons: list[models.TargetSection], tasks: models.TaskSection,
                     study: models.StudySection, organisation: models.OrganisationSection, **_: object) -> list[str]:
    """Every heading of the full-text page, in page order: each has an anchor there (``section_anchor``)."""
    headings = [purpose.heading, purpose.purpose.heading, purpose.requirements.heading,
                viewpoints.section_heading, viewpoints.heading]
    for section in horizons:
        headings += [section.heading] if section.heading else []
        headings.append(section.subheading)
    headings += [tasks.heading, study.heading, *(part.heading for part in study.parts), organisation.heading]
    headings += [unit_heading(unit) for unit in organisation.units if not unit.inline]
    return headings


OPENING_ANCHOR = "mo-dau"
"""The anchor of the document's opening (title and introduction) on the full-text page."""


# Sections of the plan that are not a viewpoint, indicator, task group or unit: the opening and section I,
# with fixed ids, then section III's parts with the ids their content gives. All are anchors of the study page.
BASIS = "can-cu"
PURPOSE = "muc-dich"
REQUIREMENTS = "yeu-cau"
SECTIONS = (BASIS, PURPOSE, REQUIREMENTS)


@dataclass(frozen=True)
class Passage:
    """A part of the plan an editor's text may point at: its id (an anchor), a short name for a link, its words.

    ``text`` is what a quotation from this part must stand in; a heading of the
    full-text page has no text of its own here (it can be linked, not quoted from).
    """

    id: str
    title: str
    text: str


def _joined(part: models.Part) -> str:
    return " ".join([*part.paragraphs, *part.bullets])


def section_passages(*, plan: models.Plan, purpose: models.PurposeSection, study: models.StudySection,
                     **_: object) -> list[Passage]:
    """The named sections, in document order; titles are the document's own headings without their numbers."""
    return [
        Passage(BASIS, "Căn cứ ban hành Kế hoạch", plan.intro),
        Passage(PURPOSE, without_number(purpose.purpose.heading), _joined(purpose.purpose)),
        Passage(REQUIREMENTS, without_number(purpose.requirements.heading), _joined(purpose.requirements)),
        *(Passage(part.id, without_number(part.heading), _joined(part)) for part in study.parts),
    ]


def passages(**parts: object) -> dict[str, Passage]:
    """Every passage editors' text may name (a quiz ``passage``, an answer's ``source``, a summary line): id → passage.

    The parts of the plan with their own anchor on a structured page (viewpoints,
    indicators — whose text is their whole paragraph —, task groups, units), the
    named sections, then the opening and the headings of the full-text page.
    """
    viewpoints: models.ViewpointSection = parts["viewpoints"]  # type: ignore[assignment]
    tasks: models.TaskSection = parts["tasks"]  # type: ignore[assignment]
    organisation: models.OrganisationSection = parts["organisation"]  # type: ignore[assignment]
    plan: models.Plan = parts["plan"]  # type: ignore[assignment]
    found = {v.id: Passage(v.id, v.title, v.text) for v in viewpoints.viewpoints}
    horizons: list[models.TargetSection] = parts["horizons"]  # type: ignore[assignment]
    for section in horizons:
        for paragraph in section.paragraphs:
            found.update({i.id: Passage(i.id, i.title, paragraph.text) for i in paragraph.indicators})
    found.update({g.id: Passage(g.id, g.title, g.text) for g in tasks.groups})
    found.update({u.id: Passage(u.id, u.name, " ".join(u.paragraphs)) for u in organisation.units})
    found.update({p.id: p for p in section_passages(**parts)})  # type: ignore[arg-type]
    found.setdefault(OPENING_ANCHOR, Passage(OPENING_ANCHOR, f"{plan.kind} {plan.title}", plan.intro))
    for heading in section_headings(**parts):  # type: ignore[arg-type]
        anchor = section_anchor(heading)
        found.setdefault(anchor, Passage(anchor, normalise(heading), ""))
    return found


def unit_heading(unit: models.Unit) -> str:
    """A unit's heading as the document numbers it: ``2. Ủy ban nhân dân xã``."""
    return f"{unit.number}. {unit.name}"


def section_anchor(heading: str) -> str:
    """The anchor of a full-text heading: ``4. Báo cáo viên và tài liệu`` → ``4-bao-cao-vien-va-tai-lieu``."""
    return slugify(heading)


# ---------------------------------------------------------------- the plan's own wording, checked by validate
#
# ``content/source/ke-hoach-ocr.txt`` is the document as received (OCR) and ``ocr-corrections.yml`` the documented
# corrections; applied, they give the plan's exact words. The full-text page is made of the YAML fields below, in
# this order (``full-text.md.j2``), so comparing the two word lists finds a heading or sentence an editor changed —
# in ``validate``, before anything is published, at the YAML line of the changed words.

SOURCE_TEXT = "source/ke-hoach-ocr.txt"
CORRECTIONS = "ocr-corrections.yml"
CONTEXT_WORDS = 6
"""Words shown either side of a change, so an editor recognises the sentence."""


@dataclass(frozen=True)
class Piece:
    """One field's text as the full-text page shows it, and where it comes from (a ``Content`` field and YAML path)."""

    attribute: str | None
    """None for the page's own words (“Nơi nhận:”)."""
    path: tuple[str | int, ...]
    text: str


def _part_pieces(attribute: str, path: tuple[str | int, ...], part: models.Part) -> Iterator[Piece]:
    yield Piece(attribute, (*path, "heading"), part.heading)
    yield from (Piece(attribute, (*path, "paragraphs", i), text) for i, text in enumerate(part.paragraphs))
    yield from (Piece(attribute, (*path, "bullets", i), text) for i, text in enumerate(part.bullets))


def document_pieces(
    plan: models.Plan, purpose: models.PurposeSection, viewpoints: models.ViewpointSection,
    horizons: list[models.TargetSection], tasks: models.TaskSection,
    study: models.StudySection, organisation: models.OrganisationSection,
) -> Iterator[Piece]:
    """Every text of the full-text page in page order, with its file and field (mirrors ``full-text.md.j2``)."""
    yield Piece("plan", ("kind",), plan.kind.upper())
    yield Piece("plan", ("title",), plan.title)
    yield Piece("plan", ("intro",), plan.intro)
    yield Piece("purpose", ("heading",), purpose.heading)
    yield from _part_pieces("purpose", ("purpose",), purpose.purpose)
    yield from _part_pieces("purpose", ("requirements",), purpose.requirements)
    yield Piece("viewpoints", ("section_heading",), viewpoints.section_heading)
    yield Piece("viewpoints", ("content_lead",), viewpoints.content_lead)
    yield Piece("viewpoints", ("heading",), viewpoints.heading)
    for i, viewpoint in enumerate(viewpoints.viewpoints):
        yield Piece("viewpoints", ("viewpoints", i, "text"), f"({i + 1}) {viewpoint.text}")
    for section in horizons:
        name = horizon_attribute(section.year)
        if section.heading:
            yield Piece(name, ("heading",), section.heading)
        yield Piece(name, ("subheading",), section.subheading)
        yield from (Piece(name, ("paragraphs", i, "text"), p.text) for i, p in enumerate(section.paragraphs))
    yield Piece("tasks", ("heading",), tasks.heading)
    yield Piece("tasks", ("lead",), tasks.lead)
    yield from (Piece("tasks", ("groups", i, "text"), f"({i + 1}) {g.text}") for i, g in enumerate(tasks.groups))
    yield Piece("study", ("heading",), study.heading)
    for i, part in enumerate(study.parts):
        yield from _part_pieces("study", ("parts", i), part)
    yield Piece("organisation", ("heading",), organisation.heading)
    for i, unit in enumerate(organisation.units):
        if unit.inline:
            yield Piece("organisation", ("units", i, "name"), f"{unit.number}. {unit.name}:")
        else:
            yield Piece("organisation", ("units", i, "name"), unit_heading(unit))
        yield from (Piece("organisation", ("units", i, "paragraphs", j), text) for j, text in enumerate(unit.paragraphs))
    yield Piece("plan", ("closing",), plan.closing)
    yield Piece(None, (), "Nơi nhận:")
    for i, recipient in enumerate(plan.recipients):
        purpose_text = f" ({recipient.purpose})" if recipient.purpose else ""
        end = "." if i == len(plan.recipients) - 1 else ","
        yield Piece("plan", ("recipients", i, "name"), f"{recipient.name}{purpose_text}{end}")
    yield Piece("plan", ("signature", "on_behalf"), plan.signature.on_behalf)
    yield Piece("plan", ("signature", "title"), plan.signature.title)
    yield Piece("plan", ("signature", "name"), plan.signature.name)


def words(text: str) -> list[str]:
    """Reader-visible words: markup, bullets and quote styles folded away (the same on both sides of the check)."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{ #[^}]*\}", " ", text)  # heading anchors (attr_list), not words
    text = text.replace("\\.", ".").replace("*", " ").replace("“", '"').replace("”", '"')
    text = re.sub(r"^\s*#+\s", " ", text, flags=re.M)
    text = re.sub(r"^\s*-\s", " ", text, flags=re.M)
    return unicodedata.normalize("NFC", text).split()


def corrected_source(source: str, corrections: list[models.Correction]) -> str | None:
    """The OCR text with every correction applied; None when a correction no longer matches (the message says which)."""
    for correction in corrections:
        if correction.wrong not in source:
            return None
        source = source.replace(correction.wrong, correction.right)
    return source


@dataclass(frozen=True)
class Changed:
    """One place where the site's words differ from the plan's: the piece, the plan's words, the site's words."""

    piece: Piece
    source_line: int
    original: str
    written: str


def differences(source: str, pieces: list[Piece], limit: int = 10) -> list[Changed]:
    """Where the pieces' words differ from ``source``'s (the corrected plan), at most ``limit`` places."""
    import difflib

    expected: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(source.splitlines(), start=1):
        found = words(line)
        expected += found
        lines += [number] * len(found)
    actual: list[str] = []
    owner: list[int] = []
    for index, piece in enumerate(pieces):
        found = words(piece.text)
        actual += found
        owner += [index] * len(found)
    if expected == actual:
        return []
    changes = []
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        at = min(j1, len(owner) - 1)
        original = " ".join(expected[max(0, i1 - CONTEXT_WORDS):i2 + CONTEXT_WORDS])
        written = " ".join(actual[max(0, j1 - CONTEXT_WORDS):j2 + CONTEXT_WORDS])
        changes.append(Changed(pieces[owner[at]], lines[min(i1, len(lines) - 1)], original, written))
        if len(changes) == limit:
            break
    return changes
