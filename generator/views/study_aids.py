"""Views of the study aids: questions and answers, clarifications ("Làm rõ"), the glossary.

Every answer links to the passage it is drawn from: a part of the plan with its
own anchor on a structured page (``Site.links``: viewpoint, indicator, task group,
unit) or a heading of the full-text page. Validation has already checked that the
``source`` exists and every quotation stands in the document; here it becomes a link.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import Clarification, Question, Term
from ..text import vietnamese_key
from .site import PlanLink, Site


@dataclass(frozen=True)
class Answered:
    """A question or a clarification, with the passage its answer links to."""

    item: Question | Clarification
    passage: PlanLink


@dataclass(frozen=True)
class QuestionGroupView:
    title: str
    entries: list[Answered]


@dataclass(frozen=True)
class QuestionsView:
    title: str
    intro: str | None
    groups: list[QuestionGroupView]
    clarifications_page: str | None
    """The "Làm rõ" page, linked from the top of this one; None when that page is off in this build."""

    @property
    def count(self) -> int:
        return sum(len(group.entries) for group in self.groups)


@dataclass(frozen=True)
class ClarificationsView:
    title: str
    intro: str | None
    entries: list[Answered]
    questions_page: str | None
    """The Q&A page, linked from the top of this one; None when that page is off in this build."""


@dataclass(frozen=True)
class GlossaryView:
    title: str
    intro: str | None
    terms: list[Term]
    """In Vietnamese alphabetical order (ă, â after a, đ after d; tones secondary), so a reader can scan for a term."""


def passage(site: Site, source: str, full_text_page: str) -> PlanLink:
    """Where the passage ``source`` is shown: its own card or section, else a heading of the full text."""
    if source in site.links:
        return site.links[source]
    return PlanLink(source, site.content.passages[source].title, f"{full_text_page}#{source}")


def questions_view(site: Site, full_text_page: str, clarifications_page: str | None) -> QuestionsView:
    section = site.content.questions
    groups = [QuestionGroupView(group.title, [Answered(q, passage(site, q.source, full_text_page)) for q in group.questions])
              for group in section.groups if group.questions]  # a group with no question yet has no heading
    return QuestionsView(section.title, section.intro, groups, clarifications_page)


def clarifications_view(site: Site, full_text_page: str, questions_page: str | None) -> ClarificationsView:
    section = site.content.clarifications
    return ClarificationsView(section.title, section.intro,
                              [Answered(c, passage(site, c.source, full_text_page)) for c in section.items],
                              questions_page)


def glossary_view(site: Site) -> GlossaryView:
    section = site.content.glossary
    return GlossaryView(section.title, section.intro, sorted(section.terms, key=lambda t: vietnamese_key(t.term)))
