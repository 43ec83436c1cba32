"""The one registry of generated pages: for each kind, its template, view model, content file, nav place and anchors.

A page kind is one ``PageKind`` entry here, a view model in ``views/`` and a
template in ``render/templates/``. The renderer, the nav, the edit links,
the links from posts to parts of the plan and the service worker's core pages
all read this list; nothing else names a generated page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .content import Content
from .content.document import section_passages
from .content.errors import Problem
from .content.horizons import horizon_attribute
from .content.models import Settings, TargetSection
from .settings import BuildSettings
from .views import guide, implementation, news, plan, widgets
from .views.admin import admin_view
from .views.home import home_view
from .views.meeting import meeting_entry_view, meeting_view
from .views.poster import poster_view
from .views.quiz import quiz_view
from .views.site import PlanLink, Site, page_url
from .views.sources import sources_view
from .views.study_aids import clarifications_view, glossary_view, questions_view
from .views.targets import Horizon, indicator_pages, targets_view
from .views.units import UnitPage, responsibilities_view


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes (under docs/), what its template reads, the file an editor changes."""

    path: str
    view: Any
    source: str
    """Empty for a page the package writes whole (the editors' guide): there is no file of the site to edit."""


Pages = Callable[[Site], Iterable[Page]]
Anchors = Callable[[Content], Iterable[PlanLink]]
Enabled = Callable[[Content, BuildSettings], bool]


@dataclass(frozen=True)
class PageKind:
    """A kind of generated page."""

    name: str
    template: str
    pages: Pages
    nav: bool = False
    """Its first page is an entry of the site's menu (title from the page itself), in registry order."""
    nav_every: bool = False
    """With ``nav``: every page of the kind is a menu entry, in order (one per target horizon)."""
    anchors: Anchors | None = None
    """Parts of the plan its pages show, which posts may name in ``related`` and questions in ``passage``."""
    offline: bool = False
    """Pre-cached by the service worker although not in the menu: opened once, it works with no network."""
    enabled: Enabled | None = None
    """Whether the kind is on for this build's content (already the build's edition: approved items only in
    production). Off: no page, no menu entry, no link to it. None: always on."""

    def on(self, content: Content, settings: BuildSettings) -> bool:
        return self.enabled is None or self.enabled(content, settings)


def has_register(content: Content, settings: BuildSettings) -> bool:
    """"Kết quả thực hiện" is on once the register of grassroots organisations names one."""
    return bool(content.grassroots.organisations)


def _source(site: Site, attribute: str) -> str:
    """The repository path of a content file, e.g. ``content/quan-diem.yml``."""
    return f"{site.settings.content_prefix}/{site.content.source(attribute)}"


def single(path: str | Callable[[Site], str], attribute: str, view: Callable[[Site], Any]) -> Pages:
    """A kind with one page, made from one content file; ``path`` fixed, or the site's (``page_path``)."""
    return lambda site: [Page(path if isinstance(path, str) else path(site), view(site), _source(site, attribute))]


# Paths of the pages other pages link to by name.
HOME, VIEWPOINTS, TASKS = "index.md", "quan-diem-chi-dao.md", "nhiem-vu-giai-phap.md"
FULL_TEXT, QUESTIONS, CLARIFICATIONS, GLOSSARY = "toan-van.md", "hoi-dap.md", "lam-ro.md", "thuat-ngu.md"
STUDY, TIMELINE, SOURCES = "ke-hoach.md", "lich-thuc-hien.md", "van-ban-goc.md"
QUIZ, QUIZ_BANK = "trac-nghiem.md", "trac-nghiem/cau-hoi.json"
HANDOUT, SLIDES, MEETING = "tai-lieu-sinh-hoat-chi-bo.md", "trinh-chieu.md", "sinh-hoat-chi-bo.md"
RESPONSIBILITIES, IMPLEMENTATION, NEWS = "phan-cong.md", implementation.PAGE, news.list_path(1)
MEETING_PAGES = {"plan": STUDY, "timeline": TIMELINE, "quiz": QUIZ, "slides": SLIDES, "handout": HANDOUT,
                 "full_text": FULL_TEXT}

# Pages a site may move or retitle (``pages:`` in cai-dat.yml, ``models.PageName``): the default address and title
# of each. A site made before schema 2 has its old addresses pinned there by ``migrate`` (``/ke-hoach-huyen/``).
DEFAULT_PAGES: dict[str, tuple[str, str]] = {
    "study": (STUDY, ""),  # its title is the site's ``wording.study_title`` unless ``pages:`` gives one
    "viewpoints": (VIEWPOINTS, "Quan điểm chỉ đạo"),
    "tasks": (TASKS, "Nhiệm vụ, giải pháp"),
    "responsibilities": (RESPONSIBILITIES, "Phân công thực hiện"),
    "meeting": (MEETING, "Sinh hoạt chi bộ"),
    "slides": (SLIDES, "Trình chiếu"),
}


def page_path(settings: Settings, name: str) -> str:
    """The docs path of page ``name`` on this site: its ``pages:`` address, else the default."""
    page = settings.pages.get(name)  # type: ignore[call-overload]
    return f"{page.address}.md" if page and page.address else DEFAULT_PAGES[name][0]


def page_titles(settings: Settings) -> dict[str, str]:
    """Each movable page's title on this site: its ``pages:`` title, else the default (templates read ``titles``)."""
    found = {}
    for name, (_, title) in DEFAULT_PAGES.items():
        page = settings.pages.get(name)  # type: ignore[call-overload]
        found[name] = page.title if page and page.title else title or settings.wording.study_title
    return found


def _path(name: str) -> Callable[[Site], str]:
    return lambda site: page_path(site.content.settings, name)


# Files beside the pages: QR codes of the menu pages (print), share images (link previews).
QR_DIR = "assets/qr"


def horizon_path(section: TargetSection) -> str:
    """A target horizon's page: its ``address`` (a published site keeps its former one), else ``muc-tieu-<year>``."""
    return f"{section.address or f'muc-tieu-{section.year}'}.md"


def horizons(content: Content) -> list[Horizon]:
    """The plan's target horizons in year order, each with its page and content file."""
    return [Horizon(section, horizon_path(section), horizon_attribute(section.year)) for section in content.horizons]


def qr_path(page_url: str) -> str:
    """Site path of a page's QR file: ``muc-tieu-2030/`` → ``assets/qr/muc-tieu-2030.svg``, home → ``trang-chu.svg``."""
    return f"{QR_DIR}/{page_url.strip('/').replace('/', '-') or 'trang-chu'}.svg"


SHARE_DIR = "assets/share"
HOME_IMAGE = f"{SHARE_DIR}/trang-chu.png"


def indicator_image(indicator_id: str) -> str:
    """Site path of an indicator's share image."""
    return f"{SHARE_DIR}/{indicator_id}.png"


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
    for path, view, horizon in indicator_pages(site, horizons(site.content), indicator_image):
        yield Page(path, view, _source(site, horizon.source))


POSTER = "ap-phich.md"

EDITORS = "bien-tap"
"""The editors' area: every page for the people who update, deploy or embed the site (the editors' guide and
its field reference, the browser editor, the embed codes, the hand-written deployment page docs/bien-tap/…).
Nothing under it is in the reader's menu, footer, search index or sitemap; its pages say ``noindex``
(generator/theme/overrides/main.html reads this prefix from the plugin)."""
ADMIN = f"{EDITORS}/quan-tri.md"
ADMIN_CONFIG = f"{EDITORS}/quan-tri/config.yml"
"""The browser editor's configuration, beside its page (``render/cms.py`` writes it)."""
GUIDE, FIELD_REFERENCE = f"{EDITORS}/{guide.PAGE}", f"{EDITORS}/{guide.REFERENCE}"
"""The guide's first page and its field reference; the guide's task pages sit in the folder of the first page."""


def _poster(site: Site) -> list[Page]:
    found = horizons(site.content)
    view = poster_view(site, found, qr_path(page_url(HOME)))
    return [Page(POSTER, view, _source(site, found[0].source))] if view else []


def _meeting_pages(site: Site) -> dict[str, str]:
    """The pages a cell meeting uses, the quiz only when it is on."""
    moved = {"plan": page_path(site.content.settings, "study"), "slides": page_path(site.content.settings, "slides")}
    return {name: moved.get(name, target) for name, target in MEETING_PAGES.items()
            if name != "quiz" or has_quiz(site.content, site.settings)}


def _meeting(path: str | Callable[[Site], str]) -> Pages:
    """The handout page and the slides: one view, two templates."""
    return single(path, "meeting", lambda site: meeting_view(site, _meeting_pages(site), horizons(site.content)))


def _guide(site: Site) -> Iterable[Page]:
    """The editors' guide: package templates, the site's own examples (views/guide.py). No edit link: it is code."""
    paths = {"index": GUIDE, "reference": FIELD_REFERENCE, "admin": ADMIN,
             **{name: f"{EDITORS}/{guide.PAGE.removesuffix('.md')}/{name}.md" for name, _ in guide.TASKS}}
    return [Page(path, view, "") for path, view in guide.guide_pages(site, paths)]


def _field_reference(site: Site) -> Iterable[Page]:
    """The guide's field reference, generated from the models (no edit link: ``make docs`` writes it)."""
    return [Page(FIELD_REFERENCE, guide.reference_page(site.settings.content_prefix), "")]


# Widgets for the portal's iframes (views/widgets.py): under nhung/, which the CSP lets the portal frame.
WIDGET_TARGETS = f"{widgets.PREFIX}/chi-tieu/index.md"
WIDGET_MILESTONES = f"{widgets.PREFIX}/moc-thoi-gian/index.md"
WIDGET_NEWS = f"{widgets.PREFIX}/tin-moi/index.md"
WIDGETS_GUIDE = f"{EDITORS}/huong-dan-nhung.md"
DEPLOY_GUIDE = f"{EDITORS}/trien-khai.md"
"""Hand-written (``docs/bien-tap/trien-khai.md``); the widgets' guide links to it."""


def widget_indicator_path(indicator_id: str) -> str:
    return f"{widgets.PREFIX}/chi-tieu/{indicator_id}.md"


def _indicator_widgets(site: Site) -> Iterator[Page]:
    for horizon, card in widgets.indicator_widgets(site, horizons(site.content)):
        full = f"{page_url(horizon.page)}#{card.indicator.id}"
        yield Page(widget_indicator_path(card.indicator.id), widgets.IndicatorWidget(card, full),
                   _source(site, horizon.source))


def _targets_widget(site: Site) -> list[Page]:
    """The first horizon's headline figures, linking to its page."""
    first = horizons(site.content)[0]
    view = widgets.targets_widget(site, horizons(site.content), page_url(first.page))
    return [Page(WIDGET_TARGETS, view, _source(site, first.source))]


def _widget_entries(site: Site) -> list[widgets.WidgetEntry]:
    """Every widget, as the portal admins' page lists it: the three summaries, then each indicator."""
    summaries = [("targets", WIDGET_TARGETS)] if has_indicators(site.content, site.settings) else []
    summaries += [("milestones", WIDGET_MILESTONES)]
    summaries += [("news", WIDGET_NEWS)] if has_posts(site.content, site.settings) else []
    entries = [widgets.WidgetEntry(kind, page_url(path)) for kind, path in summaries]
    entries += [widgets.WidgetEntry("indicator", page_url(page.path), page.view.card.indicator.title, live=number == 0)
                for number, page in enumerate(_indicator_widgets(site))]
    return entries


def _widgets_guide(site: Site) -> widgets.WidgetsGuideView:
    return widgets.WidgetsGuideView(_widget_entries(site), site.settings.site_url,
                                    list(site.settings.embed_origins))


# Page kinds whose items are editorial text (content.approval): on only when the build's edition has one.
def has_questions(content: Content, settings: BuildSettings) -> bool:
    return bool(content.questions.questions)


def has_clarifications(content: Content, settings: BuildSettings) -> bool:
    return bool(content.clarifications.items)


def has_glossary(content: Content, settings: BuildSettings) -> bool:
    return bool(content.glossary.terms)


def has_quiz(content: Content, settings: BuildSettings) -> bool:
    return bool(content.quiz.questions)


def has_posts(content: Content, settings: BuildSettings) -> bool:
    return bool(content.posts)


def has_indicators(content: Content, settings: BuildSettings) -> bool:
    """A plan with no numeric target (a party cell's) has no target cards for the portal's widget."""
    return any(section.indicators for section in content.target_sections)


def _horizon_pages(site: Site) -> list[Page]:
    """One page per target horizon, in year order (a 2030 target, a 2045 vision, …)."""
    return [Page(h.page, targets_view(site, h), _source(site, h.source)) for h in horizons(site.content)]


def _questions(site: Site) -> Any:
    other = CLARIFICATIONS if has_clarifications(site.content, site.settings) else None
    return questions_view(site, FULL_TEXT, other)


def _clarifications(site: Site) -> Any:
    other = QUESTIONS if has_questions(site.content, site.settings) else None
    return clarifications_view(site, FULL_TEXT, other)


PAGE_KINDS: list[PageKind] = [
    PageKind("home", "home.md.j2", single(HOME, "plan", lambda site: home_view(site, horizons(site.content))), nav=True),
    # Second in the menu and on the home page's first screen: what a cell secretary needs, two taps away.
    PageKind("meeting", "meeting.md.j2",
             single(_path("meeting"), "meeting", lambda site: meeting_entry_view(site, _meeting_pages(site))), nav=True),
    PageKind("viewpoints", "viewpoints.md.j2", single(_path("viewpoints"), "viewpoints", plan.viewpoints_view), nav=True,
             anchors=lambda c: (PlanLink(v.id, v.title, f"{page_path(c.settings, 'viewpoints')}#{v.id}")
                                for v in c.viewpoints.viewpoints)),
    PageKind("targets", "targets.md.j2", _horizon_pages, nav=True, nav_every=True,
             anchors=lambda c: (PlanLink(i.id, i.title, f"{h.page}#{i.id}") for h in horizons(c)
                                for i in h.section.indicators)),
    PageKind("tasks", "tasks.md.j2", single(_path("tasks"), "tasks", plan.tasks_view), nav=True,
             anchors=lambda c: (PlanLink(g.id, g.title, f"{page_path(c.settings, 'tasks')}#{g.id}") for g in c.tasks.groups)),
    PageKind("study", "plan.md.j2", single(_path("study"), "study", plan.study_view), nav=True,
             anchors=lambda c: (PlanLink(p.id, p.title, f"{page_path(c.settings, 'study')}#{p.id}")
                                for p in section_passages(**c.parts))),
    PageKind("responsibilities", "responsibilities.md.j2",
             single(_path("responsibilities"), "organisation", responsibilities_view), nav=True),
    PageKind("timeline", "timeline.md.j2", single(TIMELINE, "organisation", plan.timeline_view), nav=True),
    PageKind("implementation", "implementation.md.j2",
             single(implementation.PAGE, "grassroots", implementation.implementation_view), nav=True,
             enabled=has_register),
    PageKind("full-text", "full-text.md.j2", single(FULL_TEXT, "plan", plan.full_text_view), nav=True),
    PageKind("sources", "sources.md.j2", single(SOURCES, "plan", lambda site: sources_view(site, FULL_TEXT))),
    PageKind("questions", "questions.md.j2", single(QUESTIONS, "questions", _questions), nav=True,
             enabled=has_questions),
    PageKind("clarifications", "clarifications.md.j2", single(CLARIFICATIONS, "clarifications", _clarifications),
             nav=True, enabled=has_clarifications),
    PageKind("glossary", "glossary.md.j2", single(GLOSSARY, "glossary", glossary_view), nav=True, enabled=has_glossary),
    PageKind("news", "news-list.md.j2", _news_lists, nav=True, enabled=has_posts),
    PageKind("post", "news-post.md.j2", _posts),
    PageKind("indicator", "indicator.md.j2", _indicators),
    PageKind("poster", "poster.md.j2", _poster),
    PageKind("unit", "unit.md.j2", _unit_pages,
             anchors=lambda c: (PlanLink(u.id, u.name, unit_path(u.id)) for u in c.organisation.units)),
    PageKind("guide", "guide-page.md.j2", _guide),  # editors' area: not linked from readers' pages
    PageKind("field-reference", "field-reference-page.md.j2", _field_reference),  # linked from the guide
    PageKind("widget-targets", "widget-targets.md.j2", _targets_widget, enabled=has_indicators),
    PageKind("widget-milestones", "widget-milestones.md.j2", single(
        WIDGET_MILESTONES, "organisation", lambda site: widgets.milestones_widget(site, page_url(TIMELINE)))),
    PageKind("widget-news", "widget-news.md.j2", single(
        WIDGET_NEWS, "news", lambda site: widgets.news_widget(site, page_url(news.list_path(1)))), enabled=has_posts),
    PageKind("widget-indicator", "widget-indicator.md.j2", _indicator_widgets),
    PageKind("widgets-guide", "widgets-guide.md.j2", single(WIDGETS_GUIDE, "settings", _widgets_guide)),
    PageKind("handout", "handout.md.j2", _meeting(HANDOUT)),
    PageKind("slides", "slides.md.j2", _meeting(_path("slides")), offline=True),
    PageKind("quiz", "quiz.md.j2", single(QUIZ, "quiz", lambda site: quiz_view(site, QUIZ, QUIZ_BANK)), enabled=has_quiz),
    # The browser editor (Decap CMS): for editors, not readers: not in the menu, not indexed, not pre-cached.
    PageKind("quan-tri", "admin.md.j2", single(ADMIN, "news", admin_view)),
]


def kind_on(name: str, content: Content, settings: BuildSettings) -> bool:
    """Whether the page kind ``name`` is on for this edition: what files other than pages (feeds, exports) ask."""
    return next(kind for kind in PAGE_KINDS if kind.name == name).on(content, settings)


def kinds_on(pages_by_kind: dict[str, list[Page]]) -> frozenset[str]:
    """The kinds that have a page in this build: templates link to a page of another kind only when it is on."""
    return frozenset(name for name, pages in pages_by_kind.items() if pages)


def addresses(settings: Settings | None = None) -> dict[str, str]:
    """The named pages, for templates: ``[Nhiệm vụ]({{ P.TASKS|relative(page) }})`` (a target horizon's page comes
    with its view: ``h.page``). No template writes a page's
    file name itself (``tests/test_template_links.py``), so a page moves by changing this module only, or, for the
    pages in ``DEFAULT_PAGES``, by the site's ``pages:`` setting (``settings``; None: the defaults)."""
    moved = {name.upper(): page_path(settings, name) for name in DEFAULT_PAGES} if settings else {}
    return {"HOME": HOME, "VIEWPOINTS": VIEWPOINTS, "TASKS": TASKS,
            "FULL_TEXT": FULL_TEXT, "QUESTIONS": QUESTIONS, "CLARIFICATIONS": CLARIFICATIONS, "GLOSSARY": GLOSSARY,
            "STUDY": STUDY, "TIMELINE": TIMELINE, "SOURCES": SOURCES, "QUIZ": QUIZ, "HANDOUT": HANDOUT,
            "SLIDES": SLIDES, "MEETING": MEETING, "RESPONSIBILITIES": RESPONSIBILITIES,
            "IMPLEMENTATION": IMPLEMENTATION, "NEWS": NEWS, "POSTER": POSTER, "DEPLOY_GUIDE": DEPLOY_GUIDE} | moved


def plan_links(content: Content) -> list[PlanLink]:
    """Every anchor any page kind declares, in registry order."""
    return [link for kind in PAGE_KINDS if kind.anchors for link in kind.anchors(content)]


def nav(pages_by_kind: dict[str, list[Page]]) -> list[str]:
    """The menu: the first page of each kind marked ``nav``, in registry order (titles come from the pages)."""
    return [page.path for kind in PAGE_KINDS if kind.nav
            for page in pages_by_kind.get(kind.name, [])[:None if kind.nav_every else 1]]


def offline(pages_by_kind: dict[str, list[Page]]) -> list[str]:
    """Pages the service worker pre-caches: the menu, then the first page of each ``offline`` kind."""
    extra = [pages_by_kind[kind.name][0].path for kind in PAGE_KINDS if kind.offline and pages_by_kind.get(kind.name)]
    return nav(pages_by_kind) + extra



def address_problems(content: Content, pages_by_kind: dict[str, list[Page]]) -> list[Problem]:
    """A page moved by ``pages:`` onto another page's address: the line in cai-dat.yml that says so.

    The settings model already refuses a non-slug, a reserved folder and two moved pages on one address; only the
    registry knows every other page's address."""
    from .content.loader import display_path
    from .content.reader import read_yaml

    problems = []
    for name, setting in content.settings.pages.items():
        if not setting.address:
            continue
        url = page_url(page_path(content.settings, name))
        taken = next((kind for kind, pages in pages_by_kind.items() if kind != name
                      for page in pages if page_url(page.path) == url), None)
        if taken is None:
            continue
        source = content.root / content.source("settings")
        position = read_yaml(source, display_path(source)).position(("pages", name, "address"))
        problems.append(Problem(display_path(source), position[0] if position else None, None,
                                f"địa chỉ “{setting.address}” của trang `{name}` trùng địa chỉ của trang `{taken}` "
                                f"(/{url}); chọn địa chỉ khác, ví dụ “{setting.address}-{name}”",
                                f"page address /{url} of `{name}` is taken by `{taken}`", f"pages.{name}.address"))
    return problems
