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
from .content.document import section_passages
from .editor import guide
from .render.printref import qr_path
from .render.share import indicator_image
from .views import implementation, news, plan, widgets
from .views.admin import admin_view
from .views.home import home_view
from .views.meeting import meeting_view
from .views.poster import poster_view
from .views.quiz import quiz_view
from .views.site import PlanLink, Site
from .views.sources import sources_view
from .views.study_aids import false_claims_view, glossary_view, questions_view
from .views.targets import indicator_pages, targets_view
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
    """Parts of the plan its pages show, which posts may name in ``related`` and questions in ``passage``."""
    offline: bool = False
    """Pre-cached by the service worker although not in the menu: opened once, it works with no network."""


def _source(site: Site, attribute: str) -> str:
    """The repository path of a content file, e.g. ``content/quan-diem.yml``."""
    return f"{site.settings.content_prefix}/{site.content.source(attribute)}"


def single(path: str, attribute: str, view: Callable[[Site], Any]) -> Pages:
    """A kind with one page, made from one content file."""
    return lambda site: [Page(path, view(site), _source(site, attribute))]


# Paths of the pages other pages link to by name.
HOME, VIEWPOINTS, TASKS = "index.md", "quan-diem-chi-dao.md", "nhiem-vu-giai-phap.md"
TARGETS, VISION = "muc-tieu-2030.md", "tam-nhin-2045.md"
FULL_TEXT, QUESTIONS, FALSE_CLAIMS, GLOSSARY = "toan-van.md", "hoi-dap.md", "phan-bac.md", "thuat-ngu.md"
STUDY, TIMELINE, SOURCES = "ke-hoach-huyen.md", "lich-thuc-hien.md", "van-ban-goc.md"
QUIZ, QUIZ_BANK = "trac-nghiem.md", "trac-nghiem/cau-hoi.json"
HANDOUT, SLIDES = "tai-lieu-sinh-hoat-chi-bo.md", "trinh-chieu.md"
MEETING_PAGES = {"plan": STUDY, "timeline": TIMELINE, "quiz": QUIZ, "slides": SLIDES, "handout": HANDOUT}


def unit_path(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


def _unit_pages(site: Site) -> Iterator[Page]:
    for unit in site.units:
        yield Page(unit_path(unit.id), UnitPage(unit, site.posts_about.get(unit.id, [])), _source(site, unit.source))


def _news_lists(site: Site) -> Iterator[Page]:
    return (Page(path, view, _source(site, "news")) for path, view in news.list_pages(site))


def _posts(site: Site) -> Iterator[Page]:
    return (Page(path, view, source) for path, view, source in news.post_pages(site))


def _indicators(site: Site) -> Iterator[Page]:
    for path, view in indicator_pages(site, TARGETS, VISION, indicator_image):
        yield Page(path, view, _source(site, "targets_2030" if view.kind == "targets" else "vision_2045"))


POSTER = "ap-phich.md"
ADMIN = "quan-tri.md"


def _poster(site: Site) -> list[Page]:
    view = poster_view(site, TARGETS, VISION, qr_path(page_url(HOME)))
    return [Page(POSTER, view, _source(site, "targets_2030"))] if view else []


def _meeting(path: str) -> Pages:
    """The handout page and the slides: one view, two templates."""
    return single(path, "meeting", lambda site: meeting_view(site, MEETING_PAGES, TARGETS, VISION))


def _guide(site: Site) -> Iterable[Page]:
    body = guide.site_body(site.settings.project_dir)
    return [Page(guide.PAGE, body, guide.SOURCE)] if body is not None else []


def _field_reference(site: Site) -> Iterable[Page]:
    """The guide's field reference, generated from the models (its edit link opens the committed copy)."""
    if guide.site_body(site.settings.project_dir) is None:
        return []
    return [Page(guide.REFERENCE, guide.reference_site_body(), guide.REFERENCE)]


# Widgets for the portal's iframes (views/widgets.py): under nhung/, which the CSP lets the portal frame.
WIDGET_TARGETS = f"{widgets.PREFIX}/chi-tieu/index.md"
WIDGET_MILESTONES = f"{widgets.PREFIX}/moc-thoi-gian/index.md"
WIDGET_NEWS = f"{widgets.PREFIX}/tin-moi/index.md"
WIDGETS_GUIDE = "huong-dan-nhung.md"


def widget_indicator_path(indicator_id: str) -> str:
    return f"{widgets.PREFIX}/chi-tieu/{indicator_id}.md"


def _indicator_widgets(site: Site) -> Iterator[Page]:
    for full_page, card in widgets.indicator_widgets(site, {"targets": TARGETS, "vision": VISION}):
        source = _source(site, "targets_2030" if full_page == TARGETS else "vision_2045")
        full = f"{page_url(full_page)}#{card.indicator.id}"
        yield Page(widget_indicator_path(card.indicator.id), widgets.IndicatorWidget(card, full), source)


def _widget_entries(site: Site) -> list[widgets.WidgetEntry]:
    """Every widget, as the portal admins' page lists it: the three summaries, then each indicator."""
    entries = [widgets.WidgetEntry(kind, page_url(path)) for kind, path in
               (("targets", WIDGET_TARGETS), ("milestones", WIDGET_MILESTONES), ("news", WIDGET_NEWS))]
    entries += [widgets.WidgetEntry("indicator", page_url(page.path), page.view.card.indicator.title, live=number == 0)
                for number, page in enumerate(_indicator_widgets(site))]
    return entries


def _widgets_guide(site: Site) -> widgets.WidgetsGuideView:
    return widgets.WidgetsGuideView(_widget_entries(site), site.settings.site_url,
                                    list(site.settings.embed_origins))



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
    PageKind("study", "plan.md.j2", single(STUDY, "study", plan.study_view), nav=True,
             anchors=lambda c: (PlanLink(p.id, p.title, f"{STUDY}#{p.id}") for p in section_passages(**c.parts))),
    PageKind("responsibilities", "responsibilities.md.j2",
             single("phan-cong.md", "organisation", lambda site: ResponsibilitiesView(site.units)), nav=True),
    PageKind("timeline", "timeline.md.j2", single(TIMELINE, "organisation", plan.timeline_view), nav=True),
    PageKind("implementation", "implementation.md.j2",
             single(implementation.PAGE, "grassroots", implementation.implementation_view), nav=True),
    PageKind("full-text", "full-text.md.j2", single(FULL_TEXT, "plan", plan.full_text_view), nav=True),
    PageKind("sources", "sources.md.j2", single(SOURCES, "plan", lambda site: sources_view(site, FULL_TEXT))),
    PageKind("questions", "questions.md.j2",
             single(QUESTIONS, "questions", lambda site: questions_view(site, FULL_TEXT, FALSE_CLAIMS)), nav=True),
    PageKind("false-claims", "false-claims.md.j2",
             single(FALSE_CLAIMS, "false_claims", lambda site: false_claims_view(site, FULL_TEXT, QUESTIONS)), nav=True),
    PageKind("glossary", "glossary.md.j2", single(GLOSSARY, "glossary", glossary_view), nav=True),
    PageKind("news", "news-list.md.j2", _news_lists, nav=True),
    PageKind("post", "news-post.md.j2", _posts),
    PageKind("indicator", "indicator.md.j2", _indicators),
    PageKind("poster", "poster.md.j2", _poster),
    PageKind("unit", "unit.md.j2", _unit_pages,
             anchors=lambda c: (PlanLink(u.id, u.name, unit_path(u.id)) for u in c.organisation.units)),
    PageKind("guide", "guide-page.md.j2", _guide),  # editors' page: linked from the footer and README, not the menu
    PageKind("field-reference", "field-reference-page.md.j2", _field_reference),  # linked from the guide
    PageKind("widget-targets", "widget-targets.md.j2", single(
        WIDGET_TARGETS, "targets_2030", lambda site: widgets.targets_widget(site, TARGETS, VISION, page_url(TARGETS)))),
    PageKind("widget-milestones", "widget-milestones.md.j2", single(
        WIDGET_MILESTONES, "organisation", lambda site: widgets.milestones_widget(site, page_url(TIMELINE)))),
    PageKind("widget-news", "widget-news.md.j2", single(
        WIDGET_NEWS, "news", lambda site: widgets.news_widget(site, page_url(news.list_path(1))))),
    PageKind("widget-indicator", "widget-indicator.md.j2", _indicator_widgets),
    PageKind("widgets-guide", "widgets-guide.md.j2", single(WIDGETS_GUIDE, "settings", _widgets_guide)),
    PageKind("handout", "handout.md.j2", _meeting(HANDOUT)),
    PageKind("slides", "slides.md.j2", _meeting(SLIDES), offline=True),
    PageKind("quiz", "quiz.md.j2", single(QUIZ, "quiz", lambda site: quiz_view(site, QUIZ, QUIZ_BANK))),
    # The browser editor (Decap CMS): for editors, not readers: not in the menu, not indexed, not pre-cached.
    PageKind("quan-tri", "admin.md.j2", single(ADMIN, "news", admin_view)),
]


def plan_links(content: Content) -> list[PlanLink]:
    """Every anchor any page kind declares, in registry order."""
    return [link for kind in PAGE_KINDS if kind.anchors for link in kind.anchors(content)]


def nav(pages_by_kind: dict[str, list[Page]]) -> list[str]:
    """The menu: the first page of each kind marked ``nav``, in registry order (titles come from the pages)."""
    return [pages_by_kind[kind.name][0].path for kind in PAGE_KINDS if kind.nav and pages_by_kind.get(kind.name)]


def offline(pages_by_kind: dict[str, list[Page]]) -> list[str]:
    """Pages the service worker pre-caches: the menu, then the first page of each ``offline`` kind."""
    extra = [pages_by_kind[kind.name][0].path for kind in PAGE_KINDS if kind.offline and pages_by_kind.get(kind.name)]
    return nav(pages_by_kind) + extra


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a page: ``muc-tieu-2030.md`` → ``muc-tieu-2030/``, ``index.md`` → ``""``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""
