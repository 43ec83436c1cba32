"""Render every page of the registry into Markdown: a plain function, no MkDocs needed.

``render_pages`` feeds ``outputs.site_outputs``, which both the MkDocs plugin and
``python -m generator render --out DIR`` use, so the generated Markdown can be
reviewed, diffed, or built by another tool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .. import registry
from ..content import Content
from ..settings import BuildSettings
from ..views.news import category_path, list_path, tag_path
from ..views.site import Site, build_site
from ..views.targets import indicator_page_path
from .environment import environment


@dataclass(frozen=True)
class RenderedPage:
    """One generated Markdown page and the repository file an editor changes to alter it."""

    path: str
    markdown: str
    source: str


def site_view(content: Content, settings: BuildSettings) -> Site:
    return build_site(content, settings, registry.plan_links(content))


def pages_by_kind(site: Site) -> dict[str, list[registry.Page]]:
    """Every page of every kind that is on for this build (``PageKind.enabled``), in registry order."""
    return {kind.name: list(kind.pages(site)) if kind.on(site.content, site.settings) else []
            for kind in registry.PAGE_KINDS}


def render_pages(content: Content, settings: BuildSettings) -> Iterator[RenderedPage]:
    """Every generated page, in a stable order."""
    site = site_view(content, settings)
    kinds = pages_by_kind(site)
    env = environment()
    env.globals.update(site=site, c=site.content, today=settings.today, kinds_on=registry.kinds_on(kinds), list_path=list_path,
                       category_path=category_path, tag_path=tag_path, unit_path=registry.unit_path,
                       indicator_page_path=indicator_page_path, absolute_url=absolute_url(settings),
                       guide_page=registry.GUIDE)
    templates = {kind.name: kind.template for kind in registry.PAGE_KINDS}
    for name, pages in kinds.items():
        template = env.get_template(templates[name])
        for page in pages:
            yield RenderedPage(page.path, template.render(view=page.view, page=page.path), page.source)


def absolute_url(settings: BuildSettings) -> Callable[[str], str | None]:
    """The published address of a page (``chi-tieu/x.md`` → ``https://…/chi-tieu/x/``), None without a site URL."""
    return lambda path: settings.site_url + registry.page_url(path) if settings.site_url else None


def nav(content: Content, settings: BuildSettings) -> list[str]:
    """The site menu as page paths (MkDocs takes each page's own title)."""
    return registry.nav(pages_by_kind(site_view(content, settings)))


def offline_pages(content: Content, settings: BuildSettings) -> list[str]:
    """Pages the service worker pre-caches (the menu and the pages marked ``offline``), as page paths."""
    return registry.offline(pages_by_kind(site_view(content, settings)))
