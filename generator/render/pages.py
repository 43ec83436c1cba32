"""Render every page of the registry into Markdown: a plain function, no MkDocs needed.

``render_pages`` feeds ``outputs.site_outputs``, which both the MkDocs plugin and
``python -m generator render --out DIR`` use, so the generated Markdown can be
reviewed, diffed, or built by another tool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .. import registry
from ..build import Build, as_build, make_build, pages_by_kind  # noqa: F401 (pages_by_kind: re-exported)
from ..content import Content
from ..content.levels import scope_words
from ..settings import BuildSettings
from ..views.news import category_path, list_path, tag_path
from ..views.site import Site
from ..views.targets import indicator_page_path
from .environment import environment
from .guide import reference_text


@dataclass(frozen=True)
class RenderedPage:
    """One generated Markdown page and the repository file an editor changes to alter it."""

    path: str
    markdown: str
    source: str


def site_view(content: Content, settings: BuildSettings) -> Site:
    """The shared site view of ``content`` (a whole ``Build`` when more than the site is needed)."""
    return make_build(content, settings).site


def render_pages(build: Build | Content, settings: BuildSettings | None = None) -> Iterator[RenderedPage]:
    """Every generated page of the build, in a stable order."""
    build = as_build(build, settings)
    site, settings = build.site, build.settings
    env = environment()
    env.globals.update(site=site, c=site.content, today=settings.today, kinds_on=build.kinds_on, list_path=list_path,
                       category_path=category_path, tag_path=tag_path, unit_path=registry.unit_path,
                       indicator_page_path=indicator_page_path, absolute_url=absolute_url(settings),
                       guide_page=registry.GUIDE, reference_text=reference_text,
                       P=registry.addresses(site.content.settings), titles=registry.page_titles(site.content.settings),
                       SCOPE_WORDS=scope_words(site.content.settings.level))
    templates = {kind.name: kind.template for kind in registry.PAGE_KINDS}
    for name, pages in build.pages.items():
        template = env.get_template(templates[name])
        for page in pages:
            yield RenderedPage(page.path, template.render(view=page.view, page=page.path), page.source)


def absolute_url(settings: BuildSettings) -> Callable[[str], str | None]:
    """The published address of a page (``chi-tieu/x.md`` → ``https://…/chi-tieu/x/``), None without a site URL."""
    return lambda path: settings.site_url + registry.page_url(path) if settings.site_url else None


def nav(content: Content, settings: BuildSettings) -> list[str]:
    """The site menu as page paths (``Build.menu`` of the build of ``content``)."""
    return make_build(content, settings).menu


def offline_pages(content: Content, settings: BuildSettings) -> list[str]:
    """Pages the service worker pre-caches (``Build.offline`` of the build of ``content``)."""
    return make_build(content, settings).offline
