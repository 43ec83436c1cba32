"""The party-cell meeting: its entry page, the handout (PDF and print page) and the presenter's slides.

What a secretary presents is the plan's core: the viewpoints, the key targets, the
task groups, the parts of section III the content marks for the handout (``handout: true``: for the
district, what grassroots committees and cells must do, then who presents) with the deadlines ahead, and
the discussion questions. The handout and the slides show the
same view, so the paper in members' hands and the screen on the wall agree.

A printed sheet outlives its build day, so it lists only the deadlines still ahead,
refers to its own numbered sections instead of web pages, and names who compiled it
only when the content says so (``compiled_by``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..content.models import DocumentRef, TaskGroup, Viewpoint, is_draft
from ..text import N_, without_number
from ..theme.i18n import SOURCE_LANGUAGE, translator
from .deadlines import DueItem
from .site import Site
from .slides import Slide, lines, pack, text_slides
from .targets import Horizon, IndicatorCard, headlines

PDF_PATH = "tai-lieu/sinh-hoat-chi-bo.pdf"
"""Where the handout PDF is published, under docs/ (and site/)."""

SECTIONS = {"viewpoints": 1, "targets": 2, "tasks": 3}
"""The handout's first numbered sections; section III's parts follow, then the discussion. A discussion question
refers to the section that holds its passage."""

DEADLINES_TITLE = N_("Thời hạn sắp tới")
"""The title of the deadlines' own section, printed only when no part of section III is marked for the handout
(otherwise the deadlines follow the first marked part)."""


@dataclass(frozen=True)
class HandoutPart:
    """A part of section III in the handout and the slides: its number there, its id, its title (the document's
    heading without the document's number), its paragraphs and bullets, and whether the deadlines follow it."""

    number: int
    id: str
    title: str
    paragraphs: list[str]
    bullets: list[str]
    deadlines: bool = False


@dataclass(frozen=True)
class Discussion:
    question: str
    section: int | None
    """The handout section (``SECTIONS``) that holds the passage the question starts from, when it names one
    the handout prints: printed as "(mục 3)", a reference that works on paper."""
    passage_title: str | None
    passage_page: str | None
    """The page of the passage the question starts from (docs path with fragment), when it names one."""
    draft: bool = False
    """Not approved yet: shown only in a preview build, with the draft banner."""


@dataclass(frozen=True)
class MeetingView:
    title: str
    issuer: str
    """Who issued the plan, e.g. ``Ban Thường vụ Đảng ủy``."""
    plan_kind: str
    """What the document is, as it calls itself (``Kế hoạch``, ``Chương trình hành động``): the handout names it so."""
    organisation: str
    compiled_by: str | None
    """The body that compiled the handout (content ``compiled_by``); None: the handout credits nobody."""
    compiled_on: date | None
    resolution: DocumentRef
    activity: str
    """What the plan does with the resolution (``settings.wording.activity``): the handout's subject opens with it."""
    unbroken: list[str]
    """Strings a line must not break inside (the Resolution's number, ``<n>-NQ/TW``): the print page wraps them
    in a no-wrap span, a PDF engine keeps them together from this list."""
    viewpoints_heading: str
    viewpoints: list[Viewpoint]
    targets_year: int
    targets: list[IndicatorCard]
    """Headline indicators of the first target year, each with its later (vision) values when they exist."""
    later_horizons: list[Horizon]
    """The horizons after the first, for the heading “Mục tiêu chính đến năm 2030 và tầm nhìn đến năm 2045”."""
    later_only: list[IndicatorCard]
    """Later horizons' headline indicators that no first-year card measures."""
    tasks_heading: str
    tasks: list[TaskGroup]
    parts: list[HandoutPart]
    """The parts of section III marked ``handout`` (for the district: what grassroots committees do, then who
    presents and with what documents), numbered after the task groups."""
    deadlines: list[DueItem]
    """The deadlines still ahead on the build day, by date (a passed date is history, not a task to hand out)."""
    discussion_number: int
    """The discussion's section number: after the last part."""
    discussion: list[Discussion]
    """The discussion questions the build publishes (approved ones only in production; may be empty), less those
    about a body whose every deadline has passed (a question on reporting in time would then ask about a date gone by)."""
    slides: list[Slide]
    pdf_path: str
    pages: dict[str, str]
    """Pages the handout refers readers to (docs paths): ``plan``, ``timeline``, ``quiz``, ``slides``, ``handout``;
    ``quiz`` only when the quiz page is on in this build."""


def handout_parts(site: Site, deadlines: bool) -> list[HandoutPart]:
    """Section III's parts marked ``handout``, numbered after the task groups; the deadlines follow the first one,
    or have a section of their own when none is marked and ``deadlines`` (some are still ahead)."""
    marked = [part for part in site.content.study.parts if part.handout]
    first = SECTIONS["tasks"] + 1
    parts = [HandoutPart(number, part.id, without_number(part.heading), list(part.paragraphs), list(part.bullets),
                         deadlines=number == first)
             for number, part in enumerate(marked, start=first)]
    if not parts and deadlines:
        parts = [HandoutPart(first, "thoi-han", translator(site.settings.language).gettext(DEADLINES_TITLE), [], [],
                             deadlines=True)]
    return parts


def _sections(site: Site, parts: list[HandoutPart]) -> dict[str, int]:
    """Passage id → handout section, for every passage the handout prints."""
    content = site.content
    found = {v.id: SECTIONS["viewpoints"] for v in content.viewpoints.viewpoints}
    found |= {i.id: SECTIONS["targets"] for section in content.horizons for i in section.indicators}
    found |= {g.id: SECTIONS["tasks"] for g in content.tasks.groups}
    with_deadlines = next((part.number for part in parts if part.deadlines), None)
    if with_deadlines is not None:
        found |= {unit.id: with_deadlines for unit in site.units if unit.deadlines}
    return found | {part.id: part.number for part in parts}


def _all_passed(site: Site, passage: str | None) -> bool:
    """True when ``passage`` names a body with deadlines, all of them before the build day."""
    unit = next((u for u in site.units if u.id == passage), None)
    return bool(unit and unit.deadlines) and all(item.due < site.settings.today for item in unit.deadlines)


def meeting_view(site: Site, pages: dict[str, str], horizons: list[Horizon]) -> MeetingView:
    content, today = site.content, site.settings.today
    known = content.passages
    cards, later = headlines(horizons)
    ahead = sorted((item for item in site.deadlines if item.due >= today), key=lambda item: (item.due, item.unit))
    parts = handout_parts(site, bool(ahead))
    sections = _sections(site, parts)
    discussion = [Discussion(item.question, sections.get(item.passage) if item.passage else None,
                             known[item.passage].title if item.passage else None,
                             site.links[item.passage].target if item.passage else None, is_draft(item))
                  for item in content.meeting.discussion if not _all_passed(site, item.passage)]
    view = MeetingView(
        title=content.meeting.title, issuer=content.plan.issuer, plan_kind=content.plan.kind,
        organisation=content.settings.organisation,
        compiled_by=content.meeting.compiled_by, compiled_on=content.meeting.compiled_on,
        resolution=content.plan.resolution, activity=content.settings.wording.activity,
        unbroken=[content.plan.resolution.number],
        viewpoints_heading=content.viewpoints.heading, viewpoints=list(content.viewpoints.viewpoints),
        targets_year=horizons[0].year if horizons else 0, targets=cards,
        later_horizons=horizons[1:], later_only=[card for group in later for card in group.cards],
        tasks_heading=content.tasks.heading, tasks=list(content.tasks.groups),
        parts=parts, deadlines=ahead, discussion_number=SECTIONS["tasks"] + len(parts) + 1,
        discussion=discussion, slides=[], pdf_path=PDF_PATH, pages=pages)
    return replace(view, slides=deck(view, site.settings.language))


def deck(view: MeetingView, language: str = SOURCE_LANGUAGE) -> list[Slide]:
    """The slides, in the order a secretary presents: one idea per slide, one bullet per item or sentence; their
    titles in the edition's ``language`` (the interface catalogue)."""
    _ = translator(language).gettext
    slides = [Slide("quan-diem", _(N_("%(n)s quan điểm chỉ đạo")) % {"n": len(view.viewpoints)}, "titles",
                    [v.title for v in view.viewpoints], ordered=True)]
    for number, v in enumerate(view.viewpoints, start=1):
        slides += text_slides(f"quan-diem-{number}", _(N_("Quan điểm %(n)s: %(title)s")) % {"n": number, "title": v.title},
                              [v.text])
    slides += pack("muc-tieu", _(N_("Mục tiêu chính đến năm %(year)s")) % {"year": view.targets_year}, "targets",
                   [*view.targets, *view.later_only], _target_lines)
    for number, group in enumerate(view.tasks, start=1):
        title = _(N_("Nhóm nhiệm vụ %(n)s/%(total)s: %(title)s")) % {"n": number, "total": len(view.tasks),
                                                                     "title": group.title}
        slides += text_slides(f"nhiem-vu-{number}", title, [group.text])
    for part in view.parts:
        if part.paragraphs or part.bullets:
            slides += text_slides(part.id, part.title, [*part.paragraphs, *part.bullets])
        if part.deadlines and view.deadlines:
            slides += pack("thoi-han", _(DEADLINES_TITLE), "deadlines", view.deadlines,
                           lambda item: lines(f"{item.assignment.deadline.text}: {item.unit}: "
                                              f"{item.assignment.deliverable or item.assignment.duty}"))
    slides += pack("thao-luan", _(N_("Thảo luận")), "discussion", view.discussion, lambda d: lines(d.question),
                   ordered=True)
    return slides


TARGET_CHARS = 40
"""What a target's level adds to its title on a slide: ": tối thiểu 30% GDP (năm 2045: tối thiểu 50% GDP)"."""


def _target_lines(card: IndicatorCard) -> int:
    return lines(card.indicator.title + "x" * TARGET_CHARS)


@dataclass(frozen=True)
class MeetingLink:
    """One thing a cell secretary opens for the meeting."""

    kind: str
    """``handout``, ``pdf``, ``slides``, ``quiz``, ``full_text``, ``resolution``: the template words each."""
    target: str
    """A docs path (linked relatively) or, for the Resolution's official text, an absolute URL."""


@dataclass(frozen=True)
class MeetingEntryView:
    """The "Sinh hoạt chi bộ" page: everything for a cell meeting, two taps from the home page."""

    title: str
    resolution: DocumentRef
    links: list[MeetingLink]


def meeting_entry_view(site: Site, pages: dict[str, str]) -> MeetingEntryView:
    """The handout (print page and PDF), slides, quiz, the plan's full text, and the Resolution's official
    text when the content gives its address (``ke-hoach.yml`` ``resolution.url``; never guessed)."""
    resolution = site.content.plan.resolution
    links = [MeetingLink("handout", pages["handout"]), MeetingLink("pdf", PDF_PATH), MeetingLink("slides", pages["slides"]),
             *([MeetingLink("quiz", pages["quiz"])] if "quiz" in pages else []), MeetingLink("full_text", pages["full_text"])]
    if resolution.url:
        links.append(MeetingLink("resolution", resolution.url))
    return MeetingEntryView(site.content.meeting.title, resolution, links)
