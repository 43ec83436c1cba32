"""The party-cell meeting: one view for the handout (PDF and print page) and the presenter's slides.

What a secretary presents is the plan's core: the viewpoints, the key targets, the
task groups, what grassroots party committees and cells must do and by when, who
presents, and the editors' discussion questions. The handout and the slides show the
same view, so the paper in members' hands and the screen on the wall agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import DocumentRef, TaskGroup, Viewpoint, is_draft
from .deadlines import DueItem
from .site import Site
from .targets import IndicatorCard, headlines

TASKS_PER_SLIDE = 3
"""Task groups on one slide: three of the plan's longest fit a 1280×720 screen in large type."""

PDF_PATH = "tai-lieu/sinh-hoat-chi-bo.pdf"
"""Where the handout PDF is published, under docs/ (and site/)."""


@dataclass(frozen=True)
class Discussion:
    question: str
    passage_title: str | None
    passage_page: str | None
    """The page of the passage the question starts from (docs path with fragment), when it names one."""
    draft: bool = False
    """Not approved yet: shown only in a preview build, with the draft banner."""


@dataclass(frozen=True)
class MeetingView:
    title: str
    issuer: str
    """Who issued the plan, e.g. ``Ban Thường vụ Huyện ủy``."""
    organisation: str
    resolution: DocumentRef
    viewpoints_heading: str
    viewpoints: list[Viewpoint]
    targets_year: int
    targets: list[IndicatorCard]
    """Headline indicators of the first target year, each with its later (vision) value when one exists."""
    vision_year: int
    vision_only: list[IndicatorCard]
    tasks_heading: str
    tasks: list[TaskGroup]
    task_slides: list[tuple[int, list[TaskGroup]]]
    """The task groups in slides of ``TASKS_PER_SLIDE``, each with the number of its first group."""
    grassroots_heading: str
    grassroots: list[str]
    """Section III.2: what grassroots committees do, through the party cells' meetings."""
    deadlines: list[DueItem]
    """Every deadline of the plan, by date (no status: a printed sheet outlives the build date)."""
    reporters_heading: str
    reporters: list[str]
    discussion: list[Discussion]
    """The editors' discussion questions the build publishes (approved ones only in production; may be empty)."""
    pdf_path: str
    pages: dict[str, str]
    """Pages the handout refers readers to (docs paths): ``plan``, ``timeline``, ``quiz``, ``slides``, ``handout``;
    ``quiz`` only when the quiz page is on in this build."""


def meeting_view(site: Site, pages: dict[str, str], targets_page: str, vision_page: str) -> MeetingView:
    content = site.content
    known = content.passages
    cards, vision_only = headlines(content.targets_2030, content.vision_2045, targets_page, vision_page)
    discussion = [Discussion(item.question,
                             known[item.passage].title if item.passage else None,
                             site.links[item.passage].target if item.passage else None, is_draft(item))
                  for item in content.meeting.discussion]
    study = content.study
    return MeetingView(
        title=content.meeting.title, issuer=content.plan.issuer, organisation=content.settings.organisation,
        resolution=content.plan.resolution,
        viewpoints_heading=content.viewpoints.heading, viewpoints=list(content.viewpoints.viewpoints),
        targets_year=content.targets_2030.year, targets=cards,
        vision_year=content.vision_2045.year, vision_only=vision_only,
        tasks_heading=content.tasks.heading, tasks=list(content.tasks.groups),
        task_slides=[(start + 1, list(content.tasks.groups[start:start + TASKS_PER_SLIDE]))
                     for start in range(0, len(content.tasks.groups), TASKS_PER_SLIDE)],
        grassroots_heading=study.grassroots.heading, grassroots=[*study.grassroots.paragraphs, *study.grassroots.bullets],
        deadlines=sorted(site.deadlines, key=lambda item: (item.due, item.unit)),
        reporters_heading=study.reporters.heading, reporters=list(study.reporters.bullets),
        discussion=discussion, pdf_path=PDF_PATH, pages=pages)
