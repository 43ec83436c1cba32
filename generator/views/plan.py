"""Views of the plan's own sections: viewpoints, task groups, the study plan, the full text, the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from ..content.document import DOCUMENT_PARTS, OPENING_ANCHOR, section_anchor, section_headings, unit_heading
from ..content.models import Part, TaskGroup, Viewpoint
from ..content.posts import LoadedPost
from ..text import heading_number, without_number
from .deadlines import SOON_DAYS, DueItem, Status, ahead_and_past, badges
from .site import Site

T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    """One viewpoint or task group with the posts that report on it."""

    item: T
    posts: list[LoadedPost]


@dataclass(frozen=True)
class ViewpointsView:
    section_number: str
    """The point of the plan the viewpoints stand in, e.g. ``1.1``."""
    entries: list[Entry[Viewpoint]]


@dataclass(frozen=True)
class TasksView:
    lead: str
    entries: list[Entry[TaskGroup]]


@dataclass(frozen=True)
class StudyPart:
    """A part of sections I and III with its heading as a page heading (no document numbering)."""

    title: str
    paragraphs: list[str]
    bullets: list[str]
    anchor: str
    """Its id on the page: a passage id (``content/document.py``) that questions link to."""


@dataclass(frozen=True)
class StudyView:
    basis: str
    """The plan's opening paragraph: which document it implements."""
    purpose: list[str]
    requirements: list[str]
    parts: list[StudyPart]


@dataclass(frozen=True)
class FullTextView:
    content_lead: str
    """The lead ``1. Nội dung: …`` with its number escaped, so Markdown does not start a list."""
    anchors: dict[str, str]
    """Each heading → its anchor (``content.document.section_anchor``): answers link to these."""
    unit_headings: dict[str, str]
    """Unit id → its heading as the document numbers it, ``2. Ủy ban nhân dân xã``."""
    opening_anchor: str


@dataclass(frozen=True)
class TimelineView:
    deadlines: list[DueItem]
    ahead: list[DueItem]
    """Dates from the build day on ("Sắp tới"); the calendar file is offered only when there are some."""
    past: list[DueItem]
    """Dates before the build day ("Đã qua"): history, with a badge only where a result is recorded."""
    badges: list[Status]
    """Statuses shown on the page, each once: the legend explains these and no others."""
    soon_days: int


def viewpoints_view(site: Site) -> ViewpointsView:
    section = site.content.viewpoints
    return ViewpointsView(heading_number(section.heading),
                          [Entry(v, site.posts_about.get(v.id, [])) for v in section.viewpoints])


def tasks_view(site: Site) -> TasksView:
    tasks = site.content.tasks
    return TasksView(tasks.lead, [Entry(g, site.posts_about.get(g.id, [])) for g in tasks.groups])


def _part(part: Part, anchor: str) -> StudyPart:
    return StudyPart(without_number(part.heading), list(part.paragraphs), list(part.bullets), anchor)


def study_view(site: Site) -> StudyView:
    """Sections I and III: section III's parts in document order, each under its own id (``StudyPart.id``)."""
    purpose, study = site.content.purpose, site.content.study
    return StudyView(
        site.content.plan.intro, list(purpose.purpose.paragraphs), list(purpose.requirements.paragraphs),
        [_part(part, part.id) for part in study.parts])


def full_text_view(site: Site) -> FullTextView:
    content = site.content
    lead = content.viewpoints.content_lead
    parts = {name: getattr(content, name) for name in DOCUMENT_PARTS}
    return FullTextView(
        lead.replace(". ", "\\. ", 1) if heading_number(lead) else lead,
        {heading: section_anchor(heading) for heading in section_headings(**parts)},
        {u.id: unit_heading(u) for u in content.organisation.units}, OPENING_ANCHOR)


def timeline_view(site: Site) -> TimelineView:
    ahead, past = ahead_and_past(site.deadlines, site.settings.today)
    return TimelineView(site.deadlines, ahead, past, badges(site.deadlines), SOON_DAYS)
