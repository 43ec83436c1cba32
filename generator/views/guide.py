"""The editors' guide as pages of the site: generic text (package templates ``guide-*.md.j2``), examples from the
site's own content.

The guide belongs to the engine, not to one organisation: a commune's site shows the commune's name, its own unit,
indicator, news category and approving body in every example, and the counts of its own plan. This module computes
those examples once (``GuideExamples``) from the loaded content; the templates only print them. Each snippet the
guide shows is a real fragment of the site's files (an indicator's ``measurements``, an assignment's ``deadline``),
indented as that file is, so an editor who pastes it where the guide says gets a valid file
(``tests/test_guide_snippets.py`` renders the guide for the fixture and for the district and checks every snippet).

The field reference (``huong-dan-bien-tap/truong-du-lieu.md``) is generated from the models: ``render/guide.py``
draws it, ``editor/guide.py`` writes and checks the committed copy.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..content.horizons import horizon_attribute
from ..content.loader import Content, content_files
from ..content.models import Assignment, Indicator, Scope
from ..content.reader import read_yaml
from .site import Site

SOURCE = "CONTRIBUTING.md"
"""The repository's short contributing file: it says where the guide is (the guide itself is package data)."""
PAGE = "huong-dan-bien-tap.md"
REFERENCE = "huong-dan-bien-tap/truong-du-lieu.md"
"""The field reference: a committed, generated file at this path and a site page at the same path."""
GUIDE_LINK = "../CONTRIBUTING.md"
"""The guide as seen from the committed reference on GitHub (CONTRIBUTING.md says where the guide is)."""

TASKS: tuple[tuple[str, str], ...] = (
    ("dang-bai", "Đăng một tin, bài có ảnh"),
    ("ket-qua-to-chuc", "Ghi kết quả học tập, quán triệt của một tổ chức cơ sở"),
    ("so-lieu-chi-tieu", "Cập nhật số liệu thực tế của một chỉ tiêu"),
    ("viec-hoan-thanh", "Ghi nhận một việc đã hoàn thành"),
    ("hoi-dap", "Thêm câu hỏi – đáp, mục làm rõ, thuật ngữ, câu trắc nghiệm"),
    ("chan-trang", "Sửa chân trang, dòng thông báo"),
    ("github", "Sửa trên GitHub: tài khoản, nhánh, yêu cầu hợp nhất, bản xem trước"),
)
"""The guide's task pages, in the order the guide lists them: name (page and template ``guide-<name>.md.j2``), title."""

SNIPPET_MARK = re.compile(r"^[ \t]*<!-- tệp: .*-->[ \t]*\n", re.M)
"""The line naming a snippet's file above each snippet (``tests/test_guide_snippets.py`` reads it). On the site page
it would sit in the same paragraph as the code block that follows, which is not valid HTML: pages leave it out."""


@dataclass(frozen=True)
class IndicatorExample:
    """A real indicator of the site and the measurement block to paste under it, indented as its file is."""

    id: str
    title: str
    file: str
    indent: int
    """Columns before the indicator's own keys in its file (``measurements:`` goes there)."""
    scope: str


@dataclass(frozen=True)
class DeadlineExample:
    """A real assignment with a deadline: where it is, and its deadline as written (kept when a result is added)."""

    unit_id: str
    unit_name: str
    file: str
    under: str
    """Its list in the field reference's notation (``units[].assignments[]``)."""
    indent: int
    date: date
    text: str
    result_date: date
    """A result's date for the example: the deadline, or today when the deadline is still ahead."""


@dataclass(frozen=True)
class QuestionExample:
    """A question an editor could add: it quotes the first sentence of a real passage and names that passage."""

    passage: str
    title: str
    quote: str
    file: str
    indent: int | None
    """Columns before ``- id:`` of the site's first question, or None when it has none yet (the guide then shows a
    whole file)."""


@dataclass(frozen=True)
class GuideExamples:
    """Everything the guide's text takes from the site: names, counts and one real item of each kind it edits."""

    organisation: str
    content: str
    """The site's content folder as the repository names it (``content``, ``sites/x/content``)."""
    today: date
    viewpoints: int
    task_groups: int
    units: int
    indicators: int
    approving_body: tuple[str, str] | None
    """(id, name) of the first approving body, or None when the settings name none yet."""
    author: str
    category: str | None
    categories: list[str]
    grassroots_example: str | None
    """An organisation of the register (its name, as a result file writes it); None while the register is empty."""
    indicator: IndicatorExample | None
    deadline: DeadlineExample | None
    question: QuestionExample | None
    governing_body: str
    scopes: list[str]
    required_files: list[str]
    """The plan's own text and the settings: a site cannot be built without them."""
    optional_files: list[str]
    """Editorial material and data: absent, their page is off."""
    horizon_files: list[str] = field(default_factory=list)
    """The target horizons' files (``muc-tieu/2030.yml`` …), in year order."""

    @property
    def post_name(self) -> str:
        """The example post's file name: the build's day, then a short name."""
        return f"{self.today.isoformat()}-hoi-nghi-quan-triet.md"

    @property
    def post_file(self) -> str:
        return f"{self.content}/tin-tuc/{self.post_name}"


@dataclass(frozen=True)
class GuidePage:
    """One page of the guide: which template, the examples, and where every other guide page is."""

    name: str
    """``index`` for the guide's first page, else a task (``TASKS``)."""
    title: str
    examples: GuideExamples
    links: dict[str, str] = field(default_factory=dict)
    """Page paths the guide links: ``index``, each task's name, ``reference``, ``admin``."""
    marks: bool = False
    """Print ``<!-- tệp: … -->`` above each snippet (the snippet test reads them; the site page leaves them out)."""

    @property
    def template(self) -> str:
        return f"guide-{self.name}.md.j2"

    @property
    def tasks(self) -> list[tuple[str, str]]:
        return list(TASKS)

    def with_marks(self) -> GuidePage:
        return replace(self, marks=True)


def _indent(path: Path, keys: tuple[str | int, ...]) -> int | None:
    """Columns before the keys of the mapping at ``keys`` in a content file (its first key's column - 1)."""
    if not path.is_file():
        return None
    position = read_yaml(path, path.name).position(keys)
    return position[1] - 1 if position else None


def _indicator(site: Site) -> IndicatorExample | None:
    content = site.content
    for section in content.horizons:  # every target horizon, in year order
        attribute = horizon_attribute(section.year)
        found = [(p, i, indicator) for p, paragraph in enumerate(section.paragraphs)
                 for i, indicator in enumerate(paragraph.indicators)]
        if not found:
            continue
        p, i, indicator = next(((p, i, x) for p, i, x in found if x.headline), found[0])
        name = content.source(attribute)
        indent = _indent(content.root / name, ("paragraphs", p, "indicators", i, "id"))
        if indent is None:
            continue
        return IndicatorExample(indicator.id, indicator.title, f"{site.settings.content_prefix}/{name}", indent,
                                _scope(content, indicator))
    return None


def _scope(content: Content, indicator: Indicator) -> str:
    """The scope the site's measurements already use (the trend line compares like with like), else the first."""
    used = [m.scope for section in content.target_sections for i in section.indicators for m in i.measurements]
    return (indicator.measurements[-1].scope if indicator.measurements else used[0] if used
            else typing.get_args(Scope)[0])


def _deadline(site: Site) -> DeadlineExample | None:
    """The first assignment still without a result whose deadline has passed (else the first still ahead)."""
    content, today = site.content, site.settings.today
    name = content.source("organisation")
    found = [(u, a, unit, assignment) for u, unit in enumerate(content.organisation.units)
             for a, assignment in enumerate(unit.assignments) if _open(assignment)]
    if not found:
        return None
    u, a, unit, assignment = next((f for f in found if f[3].deadline and f[3].deadline.date <= today), found[0])
    indent = _indent(content.root / name, ("units", u, "assignments", a, "duty"))
    if indent is None or assignment.deadline is None:
        return None
    deadline = assignment.deadline
    return DeadlineExample(unit.id, unit.name, f"{site.settings.content_prefix}/{name}", "units[].assignments[]",
                           indent, deadline.date, deadline.text, min(deadline.date, today))


def _open(assignment: Assignment) -> bool:
    """An assignment with a deadline and no result yet: the one an editor would record a result for."""
    return assignment.deadline is not None and assignment.deadline.result is None and assignment.unit is None


def _question(site: Site) -> QuestionExample | None:
    """The first viewpoint's first sentence, quoted: a question any plan's site could answer from its own text."""
    content = site.content
    name = content.source("questions")
    groups = content.questions.groups
    first = next(((g, group) for g, group in enumerate(groups) if group.questions), None)
    indent = _indent(content.root / name, ("groups", first[0], "questions", 0, "id")) if first else None
    for viewpoint in content.viewpoints.viewpoints:
        sentence = re.split(r"(?<=[.;:])\s", " ".join(viewpoint.text.split()), maxsplit=1)[0].rstrip(".;:")
        if sentence:
            return QuestionExample(viewpoint.id, viewpoint.title, sentence, f"{site.settings.content_prefix}/{name}",
                                   None if indent is None else indent - 2)
    return None


def guide_examples(site: Site) -> GuideExamples:
    """The guide's examples for this site, from its own content."""
    content, settings = site.content, site.settings
    register = content.grassroots.organisations
    bodies = content.settings.approving_bodies
    categories = [category.id for category in content.news.categories]
    return GuideExamples(
        organisation=content.settings.organisation,
        content=settings.content_prefix, today=settings.today,
        viewpoints=len(content.viewpoints.viewpoints), task_groups=len(content.tasks.groups),
        units=len(content.organisation.units),
        indicators=sum(len(section.indicators) for section in content.target_sections),
        approving_body=(bodies[0].id, bodies[0].name) if bodies else None,
        author=content.settings.contact.unit, category=categories[0] if categories else None, categories=categories,
        grassroots_example=register[0].name if register else None,
        indicator=_indicator(site), deadline=_deadline(site), question=_question(site),
        governing_body=content.settings.governing_body or content.settings.organisation,
        scopes=list(typing.get_args(Scope)),
        required_files=[entry.name for entry in content_files() if not entry.optional],
        horizon_files=[content.source(horizon_attribute(section.year)) for section in content.horizons],
        optional_files=[entry.name for entry in content_files() if entry.optional])


def guide_pages(site: Site, paths: dict[str, str]) -> list[tuple[str, GuidePage]]:
    """(path, view) of every guide page: ``paths`` holds the registry's address of each (``index``, tasks,
    ``reference``, ``admin``)."""
    examples = guide_examples(site)
    pages = [("index", "Hướng dẫn biên tập"), *TASKS]
    return [(paths[name], GuidePage(name, title, examples, paths)) for name, title in pages]


@dataclass(frozen=True)
class ReferencePage:
    """The field reference as a site page: it links the guide's page (not CONTRIBUTING.md) and names the site's
    own content folder (``content``, ``sites/x/content``)."""

    guide_link: str
    content_prefix: str


def reference_page(content_prefix: str) -> ReferencePage:
    return ReferencePage(f"../{PAGE}", content_prefix)


def in_folder(text: str, content_prefix: str) -> str:
    """``text`` (a guide page, a field's hint) with every `` `content/…` `` path moved into ``content_prefix``."""
    return text if content_prefix == "content" else text.replace("`content/", f"`{content_prefix}/")
