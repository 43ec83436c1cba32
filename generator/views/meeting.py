"""The party-cell meeting: its entry page, the handout (PDF and print page) and the presenter's slides.

What a secretary presents is the plan's core: the viewpoints, the key targets, the
task groups, what grassroots party committees and cells must do and by when, who
presents, and the discussion questions. The handout and the slides show the
same view, so the paper in members' hands and the screen on the wall agree.

A printed sheet outlives its build day, so it lists only the deadlines still ahead,
refers to its own numbered sections instead of web pages, and names who compiled it
only when the content says so (``compiled_by``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..content.document import GRASSROOTS, REPORTERS
from ..content.models import DocumentRef, TaskGroup, Viewpoint, is_draft
from .deadlines import DueItem
from .site import Site
from .slides import Slide, lines, pack, sentences, text_slides
from .targets import IndicatorCard, headlines

PDF_PATH = "tai-lieu/sinh-hoat-chi-bo.pdf"
"""Where the handout PDF is published, under docs/ (and site/)."""

SECTIONS = {"viewpoints": 1, "targets": 2, "tasks": 3, "grassroots": 4, "reporters": 5, "discussion": 6}
"""The handout's numbered sections: a discussion question refers to the section that holds its passage."""


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
    """Headline indicators of the first target year, each with its later (vision) value when one exists."""
    vision_year: int
    vision_only: list[IndicatorCard]
    tasks_heading: str
    tasks: list[TaskGroup]
    grassroots_heading: str
    grassroots: list[str]
    """Section III.2: what grassroots committees do, through the party cells' meetings."""
    deadlines: list[DueItem]
    """The deadlines still ahead on the build day, by date (a passed date is history, not a task to hand out)."""
    reporters_heading: str
    reporters: list[str]
    discussion: list[Discussion]
    """The discussion questions the build publishes (approved ones only in production; may be empty), less those
    about a body whose every deadline has passed (a question on reporting in time would then ask about a date gone by)."""
    slides: list[Slide]
    pdf_path: str
    pages: dict[str, str]
    """Pages the handout refers readers to (docs paths): ``plan``, ``timeline``, ``quiz``, ``slides``, ``handout``;
    ``quiz`` only when the quiz page is on in this build."""


def _sections(site: Site) -> dict[str, int]:
    """Passage id → handout section, for every passage the handout prints."""
    content = site.content
    found = {v.id: SECTIONS["viewpoints"] for v in content.viewpoints.viewpoints}
    found |= {i.id: SECTIONS["targets"] for section in (content.targets_2030, content.vision_2045)
              for i in section.indicators}
    found |= {g.id: SECTIONS["tasks"] for g in content.tasks.groups}
    found |= {unit.id: SECTIONS["grassroots"] for unit in site.units if unit.deadlines}
    return found | {GRASSROOTS: SECTIONS["grassroots"], REPORTERS: SECTIONS["reporters"]}


def _all_passed(site: Site, passage: str | None) -> bool:
    """True when ``passage`` names a body with deadlines, all of them before the build day."""
    unit = next((u for u in site.units if u.id == passage), None)
    return bool(unit and unit.deadlines) and all(item.due < site.settings.today for item in unit.deadlines)


def meeting_view(site: Site, pages: dict[str, str], targets_page: str, vision_page: str) -> MeetingView:
    content, today = site.content, site.settings.today
    known = content.passages
    cards, vision_only = headlines(content.targets_2030, content.vision_2045, targets_page, vision_page)
    sections = _sections(site)
    discussion = [Discussion(item.question, sections.get(item.passage) if item.passage else None,
                             known[item.passage].title if item.passage else None,
                             site.links[item.passage].target if item.passage else None, is_draft(item))
                  for item in content.meeting.discussion if not _all_passed(site, item.passage)]
    study = content.study
    grassroots = [*study.grassroots.paragraphs, *study.grassroots.bullets]
    ahead = sorted((item for item in site.deadlines if item.due >= today), key=lambda item: (item.due, item.unit))
    view = MeetingView(
        title=content.meeting.title, issuer=content.plan.issuer, organisation=content.settings.organisation,
        compiled_by=content.meeting.compiled_by, compiled_on=content.meeting.compiled_on,
        resolution=content.plan.resolution, activity=content.settings.wording.activity,
        unbroken=[content.plan.resolution.number],
        viewpoints_heading=content.viewpoints.heading, viewpoints=list(content.viewpoints.viewpoints),
        targets_year=content.targets_2030.year, targets=cards,
        vision_year=content.vision_2045.year, vision_only=vision_only,
        tasks_heading=content.tasks.heading, tasks=list(content.tasks.groups),
        grassroots_heading=study.grassroots.heading, grassroots=grassroots,
        deadlines=ahead,
        reporters_heading=study.reporters.heading, reporters=list(study.reporters.bullets),
        discussion=discussion, slides=[], pdf_path=PDF_PATH, pages=pages)
    return replace(view, slides=deck(view))


def deck(view: MeetingView) -> list[Slide]:
    """The slides, in the order a secretary presents: one idea per slide, one bullet per item or sentence."""
    slides = [Slide("quan-diem", f"{len(view.viewpoints)} quan điểm chỉ đạo", "titles",
                    [v.title for v in view.viewpoints], ordered=True)]
    for number, v in enumerate(view.viewpoints, start=1):
        slides += text_slides(f"quan-diem-{number}", f"Quan điểm {number}: {v.title}", [v.text])
    slides += pack("muc-tieu", f"Mục tiêu chính đến năm {view.targets_year}", "targets",
                   [*view.targets, *view.vision_only], _target_lines)
    for number, group in enumerate(view.tasks, start=1):
        slides += text_slides(f"nhiem-vu-{number}", f"Nhóm nhiệm vụ {number}/{len(view.tasks)}: {group.title}",
                              [group.text])
    slides += text_slides("chi-bo", "Cấp ủy cơ sở, chi bộ làm gì", view.grassroots)
    if view.deadlines:
        slides += pack("thoi-han", "Thời hạn sắp tới", "deadlines", view.deadlines,
                       lambda item: lines(f"{item.assignment.deadline.text}: {item.unit}: "
                                          f"{item.assignment.deliverable or item.assignment.duty}"))
    slides += pack("bao-cao-vien", "Báo cáo viên và tài liệu", "text",
                   [s for text in view.reporters for s in sentences(text)], lines)
    slides += pack("thao-luan", "Thảo luận", "discussion", view.discussion, lambda d: lines(d.question),
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
