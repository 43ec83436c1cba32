"""Render validated content into Markdown pages: a plain function, no MkDocs needed.

``render_pages`` feeds ``outputs.site_outputs``, which both the MkDocs plugin and
``python -m generator render`` use, so the generated Markdown can be reviewed,
diffed, or fed to another static-site tool (Zensical reads the same
``mkdocs.yml`` but runs no plugins).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import filters, news
from .content import Content
from .deadlines import SOON_DAYS, due_items, upcoming
from .progress import progress
from .targets import headlines
from .units import unit_views

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Page:
    """One generated Markdown page and the content file an editor changes to alter it."""

    path: str
    markdown: str
    source: str


@dataclass(frozen=True)
class PageSpec:
    """Which template makes which page from which content file."""

    path: str
    template: str
    source: str
    context: Callable[[Content], dict[str, Any]] = field(default=lambda content: {})


PAGES: list[PageSpec] = [
    PageSpec("index.md", "home.md.j2", "ke-hoach.yml",
             lambda content: dict(zip(("headlines", "vision_only"), headlines(content), strict=True))),
    PageSpec("quan-diem-chi-dao.md", "viewpoints.md.j2", "quan-diem.yml"),
    PageSpec("muc-tieu-2030.md", "targets.md.j2", "muc-tieu-2030.yml",
             lambda content: {"section": content.targets_2030}),
    PageSpec("tam-nhin-2045.md", "targets.md.j2", "tam-nhin-2045.yml",
             lambda content: {"section": content.vision_2045}),
    PageSpec("nhiem-vu-giai-phap.md", "tasks.md.j2", "nhiem-vu.yml"),
    PageSpec("ke-hoach-huyen.md", "plan.md.j2", "hoc-tap-quan-triet.yml"),
    PageSpec("phan-cong.md", "responsibilities.md.j2", "to-chuc-thuc-hien.yml"),
    PageSpec("lich-thuc-hien.md", "timeline.md.j2", "to-chuc-thuc-hien.yml", lambda content: {"soon_days": SOON_DAYS}),
    PageSpec("toan-van.md", "full-text.md.j2", "ke-hoach.yml"),
]


UNIT_TEMPLATE = "unit.md.j2"
"""One page per unit (``don-vi/<id>.md``), made from ``units.unit_views``."""


def environment(templates: Path = TEMPLATES) -> Environment:
    """A Jinja environment for Markdown output: strict, no HTML autoescape (content has no HTML)."""
    env = Environment(
        loader=FileSystemLoader(templates),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    filters.register(env)
    news.register(env)
    env.globals["progress"] = progress
    return env


def render_pages(content: Content, today: date, *, feeds: bool = False) -> Iterator[Page]:
    """Every generated page, in a stable order; ``today`` decides deadline statuses.

    ``feeds`` says whether RSS/JSON Feed files exist (they need a base URL), so pages link to them only then.
    """
    env = environment()
    deadlines = due_items(content, today)
    units = unit_views(content, deadlines)
    shared = {"c": content, "today": today, "deadlines": deadlines, "upcoming": upcoming(deadlines, today),
              "units": units, "posts_about": news.posts_about(content)}
    for spec in PAGES:
        template = env.get_template(spec.template)
        markdown = template.render(**shared, page=spec.path, **spec.context(content))
        yield Page(spec.path, markdown, f"content/{spec.source}")
    unit_template = env.get_template(UNIT_TEMPLATE)
    for unit in units:
        yield Page(unit.path, unit_template.render(**shared, page=unit.path, unit=unit), f"content/{unit.source}")
    plan_pages = {spec.source: spec.path for spec in reversed(PAGES)}
    for page in news.news_pages(content, plan_pages, feeds):
        markdown = env.get_template(page.template).render(**shared, page=page.path, **page.context)
        yield Page(page.path, markdown, page.source)
