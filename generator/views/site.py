"""What every page's view model may need, computed once per build: ``Site``.

The deadlines, the unit list, the links from an id to the page that shows it
and the posts that name each id are shared by several pages; computing them
here keeps each page's view small and every page consistent with the others.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from ..content import Content
from ..content.approval import edition
from ..content.posts import LoadedPost
from ..settings import BuildSettings
from .deadlines import DueItem, due_items
from .units import UnitView, unit_views


@dataclass(frozen=True)
class PlanLink:
    """A part of the plan (viewpoint, indicator, task group, unit) as a link target."""

    id: str
    title: str
    target: str
    """The page that shows it, with a fragment where it is one part of a page: ``muc-tieu-2030.md#kinh-te-so``."""


@dataclass(frozen=True)
class Site:
    """Content, settings and what several pages share."""

    content: Content
    settings: BuildSettings
    deadlines: list[DueItem]
    units: list[UnitView]
    links: dict[str, PlanLink]
    """Every id a post may name in ``related`` → where that part of the plan is shown."""
    posts_about: dict[str, list[LoadedPost]]
    """The other direction: id → posts that report on it, newest first."""

    @property
    def feeds(self) -> bool:
        """Feeds need absolute links, hence a site URL: pages link to them only then."""
        return self.settings.site_url is not None

    def posts_for(self, ids: Iterable[str]) -> list[LoadedPost]:
        """Posts about any of ``ids``, each once, newest first: back-links for a group of indicators."""
        chosen = {post.source: post for ident in ids for post in self.posts_about.get(ident, [])}
        return sorted(chosen.values(), key=lambda post: (post.meta.date, post.slug), reverse=True)


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a page: ``muc-tieu-2030.md`` → ``muc-tieu-2030/``, ``index.md`` → ``""``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def relative(target: str, page: str) -> str:
    """A link from generated page ``page`` to page ``target`` (both paths under docs/), as MkDocs expects."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def url_relative(target: str, page: str) -> str:
    """A URL from the built page of ``page`` to the site file ``target``, for raw HTML (``<picture>``),
    which MkDocs does not rewrite: ``tin-tuc/2025/bai.md`` is served as ``tin-tuc/2025/bai/``."""
    stem = page.removesuffix(".md")
    folder = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
    return posixpath.relpath(target, folder or ".")


def build_site(content: Content, settings: BuildSettings, links: list[PlanLink]) -> Site:
    """What every page shares; ``content`` becomes the build's edition first (approved items only in production),
    so no page of a production build can show an item nobody approved."""
    content = edition(content, settings.preview)
    deadlines = due_items(content, settings.today)
    about: dict[str, list[LoadedPost]] = {}
    for post in content.posts:
        for ident in post.meta.related:
            about.setdefault(ident, []).append(post)
    return Site(content, settings, deadlines, unit_views(content, deadlines),
                {link.id: link for link in links}, about)
