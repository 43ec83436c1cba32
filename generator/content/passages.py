"""The passages of the plan a question may point at, each with its exact text.

A quiz question (and a discussion question of the handout) names the passage it
tests by id: a viewpoint, an indicator, a task group, a unit of section IV, or one
of the sections below. Its quotation must stand word for word in that passage's
text, so a question can neither cite a sentence the plan does not contain nor link
to a part of the plan that does not say it. Where each passage is shown on the site
is the registry's business (``generator/registry.py``); this module knows only text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import without_number
from .models import Part

if TYPE_CHECKING:  # the loader checks quotations with this module
    from .loader import Content

# Sections of the plan that are not a viewpoint, indicator, task group or unit.
# Their ids are the anchors of the study page (views/plan.py), one name for each.
BASIS = "can-cu"
PURPOSE = "muc-dich"
REQUIREMENTS = "yeu-cau"
DISTRICT = "cap-huyen"
GRASSROOTS = "cap-co-so"
PLANS = "xay-dung-ke-hoach"
REPORTERS = "bao-cao-vien"
SECTIONS = (BASIS, PURPOSE, REQUIREMENTS, DISTRICT, GRASSROOTS, PLANS, REPORTERS)


@dataclass(frozen=True)
class Passage:
    """A part of the plan: a short name (for a link) and its full text as the document says it."""

    id: str
    title: str
    text: str


def _part(part: Part) -> str:
    return " ".join([*part.paragraphs, *part.bullets])


def section_passages(content: Content) -> list[Passage]:
    """The named sections, in document order; titles are the document's own headings without their numbers."""
    study, purpose = content.study, content.purpose
    return [
        Passage(BASIS, "Căn cứ ban hành Kế hoạch", content.plan.intro),
        Passage(PURPOSE, without_number(purpose.purpose.heading), _part(purpose.purpose)),
        Passage(REQUIREMENTS, without_number(purpose.requirements.heading), _part(purpose.requirements)),
        Passage(DISTRICT, without_number(study.district.heading), _part(study.district)),
        Passage(GRASSROOTS, without_number(study.grassroots.heading), _part(study.grassroots)),
        Passage(PLANS, without_number(study.implementation_plans.heading), " ".join(study.implementation_plans.bullets)),
        Passage(REPORTERS, without_number(study.reporters.heading), _part(study.reporters)),
    ]


def passages(content: Content) -> dict[str, Passage]:
    """Every passage a question may name: id → passage. An indicator's text is its whole paragraph."""
    found: dict[str, Passage] = {}
    for viewpoint in content.viewpoints.viewpoints:
        found[viewpoint.id] = Passage(viewpoint.id, viewpoint.title, viewpoint.text)
    for section in content.target_sections:
        for paragraph in section.paragraphs:
            for indicator in paragraph.indicators:
                found[indicator.id] = Passage(indicator.id, indicator.title, paragraph.text)
    for group in content.tasks.groups:
        found[group.id] = Passage(group.id, group.title, group.text)
    for unit in content.organisation.units:
        found[unit.id] = Passage(unit.id, unit.name, " ".join(unit.paragraphs))
    for passage in section_passages(content):
        found[passage.id] = passage
    return found
