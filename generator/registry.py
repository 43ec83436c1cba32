"""The one registry of generated pages: for each kind, its template, view model, content file, nav place and anchors.

A page kind is one ``PageKind`` entry here, a view model in ``views/`` and a
template in ``render/templates/``. The renderer, the nav, the edit links,
the links from posts to parts of the plan and the service worker's core pages
all read this list; nothing else names a generated page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .content import Content
from .editor import guide
from .views import news, plan
from .views.home import home_view
from .views.site import PlanLink, Site
from .views.targets import targets_view
from .views.units import ResponsibilitiesView, UnitPage


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes (under docs/), what its template reads, the file an editor changes."""

    path: str
    view: Any
    source: str


Pages = Callable[[Site], Iterable[Page]]
Anchors = Callable[[Content], Iterable[PlanLink]]


@dataclass(frozen=True)
class PageKind:
    """A kind of generated page."""

    name: str
    template: str
    pages: Pages
    nav: bool = False
    """Its first page is an entry of the site's menu (title from the page itself), in registry order."""
    anchors: Anchors | None = None
    """Parts of the plan its pages show, which posts may name in ``related``."""


def _source(site: Site, attribute: str) -> str:
    """The repository path of a content file, e.g. ``content/quan-diem.yml``."""
    return f"{site.settings.content_prefix}/{site.content.source(attribute)}"


def single(path: str, attribute: str, view: Callable[[Site], Any]) -> Pages:
    """A kind with one page, made from one content file."""
    return lambda site: [Page(path, view(site), _source(site, attribute))]


# Paths of the pages other pages link to by name.
HOME, VIEWPOINTS, TASKS = "index.md", "quan-diem-chi-dao.md", "nhiem-vu-giai-phap.md"
TARGETS, VISION = "muc-tieu-2030.md", "tam-nhin-2045.md"


def unit_path(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


def _unit_pages(site: Site) -> Iterator[Page]:
    for unit in site.units:
        yield Page(unit_path(unit.id), UnitPage(unit, site.posts_about.get(unit.id, [])), _source(site, unit.source))


def _news_lists(site: Site) -> Iterator[Page]:
    return (Page(path, view, _source(site, "news")) for path, view in news.list_pages(site))


def _posts(site: Site) -> Iterator[Page]:
    return (Page(path, view, source) for path, view, source in news.post_pages(site))


def _guide(site: Site) -> Iterable[Page]:
    body = guide.site_body(site.settings.project_dir)
    return [Page(guide.PAGE, body, guide.SOURCE)] if body is not None else []


PAGE_KINDS: list[PageKind] = [
    PageKind("home", "home.md.j2", single(HOME, "plan", lambda site: home_view(site, TARGETS, VISION)), nav=True),
    PageKind("viewpoints", "viewpoints.md.j2", single(VIEWPOINTS, "viewpoints", plan.viewpoints_view), nav=True,
             anchors=lambda c: (PlanLink(v.id, v.title, f"{VIEWPOINTS}#{v.id}") for v in c.viewpoints.viewpoints)),
    PageKind("targets", "targets.md.j2",
             single(TARGETS, "targets_2030", lambda site: targets_view(site, site.content.targets_2030, "targets", TARGETS)),
             nav=True, anchors=lambda c: (PlanLink(i.id, i.title, f"{TARGETS}#{i.id}") for i in c.targets_2030.indicators)),
    PageKind("vision", "targets.md.j2",
             single(VISION, "vision_2045", lambda site: targets_view(site, site.content.vision_2045, "vision", VISION)),
             nav=True, anchors=lambda c: (PlanLink(i.id, i.title, f"{VISION}#{i.id}") for i in c.vision_2045.indicators)),
    PageKind("tasks", "tasks.md.j2", single(TASKS, "tasks", plan.tasks_view), nav=True,
             anchors=lambda c: (PlanLink(g.id, g.title, f"{TASKS}#{g.id}") for g in c.tasks.groups)),
    PageKind("study", "plan.md.j2", single("ke-hoach-huyen.md", "study", plan.study_view), nav=True),
    PageKind("responsibilities", "responsibilities.md.j2",
             single("phan-cong.md", "organisation", lambda site: ResponsibilitiesView(site.units)), nav=True),
    PageKind("timeline", "timeline.md.j2", single("lich-thuc-hien.md", "organisation", plan.timeline_view), nav=True),
    PageKind("full-text", "full-text.md.j2", single("toan-van.md", "plan", plan.full_text_view), nav=True),
    PageKind("news", "news-list.md.j2", _news_lists, nav=True),
    PageKind("post", "news-post.md.j2", _posts),
    PageKind("unit", "unit.md.j2", _unit_pages,
             anchors=lambda c: (PlanLink(u.id, u.name, unit_path(u.id)) for u in c.organisation.units)),
    PageKind("guide", "guide-page.md.j2", _guide),  # editors' page: linked from the footer and README, not the menu
]


def plan_links(content: Content) -> list[PlanLink]:
    """Every anchor any page kind declares, in registry order."""
    return [link for kind in PAGE_KINDS if kind.anchors for link in kind.anchors(content)]


def nav(pages_by_kind: dict[str, list[Page]]) -> list[str]:
    """The menu: the first page of each kind marked ``nav``, in registry order (titles come from the pages)."""
    return [pages_by_kind[kind.name][0].path for kind in PAGE_KINDS if kind.nav and pages_by_kind.get(kind.name)]


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a page: ``muc-tieu-2030.md`` → ``muc-tieu-2030/``, ``index.md`` → ``""``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""
