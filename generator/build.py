"""One ``Build``: the content, the settings, the shared site view and every page by kind, made once per build.

Every output (pages, feeds, the portal's JSON, share images, QR codes, the calendar, the exports, the quiz
bank, the handout, the browser editor's configuration) and the adapters (MkDocs plugin, command line) read this
one object, so the shared ``Site`` and the pages' view models are computed once, and every output of a build
agrees with every other. It sits on the registry (addresses, page kinds) and below ``render``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from . import registry
from .content import Content, ContentError
from .content.approval import edition
from .settings import BuildSettings
from .views.site import Site, build_site


@dataclass(frozen=True)
class Build:
    """Content → site view → pages by kind (with their addresses from the registry), once."""

    content: Content
    """The build's edition: approved editorial items only, unless a preview."""
    settings: BuildSettings
    site: Site
    pages: dict[str, list[registry.Page]]
    """Every page of every kind that is on for this build, in registry order (``registry.PAGE_KINDS``)."""

    @cached_property
    def menu(self) -> list[str]:
        """The site menu as page paths (MkDocs takes each page's own title)."""
        return registry.nav(self.pages)

    @cached_property
    def offline(self) -> list[str]:
        """Pages the service worker pre-caches (the menu and the pages marked ``offline``), as page paths."""
        return registry.offline(self.pages)

    @cached_property
    def kinds_on(self) -> frozenset[str]:
        return registry.kinds_on(self.pages)


def pages_by_kind(site: Site) -> dict[str, list[registry.Page]]:
    """Every page of every kind that is on for this build (``PageKind.enabled``), in registry order."""
    return {kind.name: list(kind.pages(site)) if kind.on(site.content, site.settings) else []
            for kind in registry.PAGE_KINDS}


def make_build(content: Content, settings: BuildSettings) -> Build:
    """The one ``Build`` of ``content`` (made the build's edition first) under ``settings``."""
    content = edition(content, settings.preview)
    site = build_site(content, settings, registry.plan_links(content))
    pages = pages_by_kind(site)
    if problems := registry.address_problems(content, pages):
        raise ContentError(problems)
    return Build(content, settings, site, pages)


def as_build(build: Build | Content, settings: BuildSettings | None = None) -> Build:
    """``build`` itself, or the build of content and settings (outputs still accept ``(content, settings)``:
    tests and other tools call them that way)."""
    if isinstance(build, Build):
        return build
    assert settings is not None, "content without settings"
    return make_build(build, settings)
