"""The news section's pages: paginated list, category and tag pages, one page per post.

Python decides which posts go on which page and where links point; the
``news-*.md.j2`` templates decide how they look and what the titles say.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.models import Category
from ..content.posts import NEWS_DIR, LoadedPost
from .photos import PhotoView, photo_view
from .site import PlanLink, Site, relative

_LOCAL_LINK = re.compile(r"(\]\()(?!#|/)([^)\s]+)")
_LOCAL_DEFINITION = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*<?)(?!#|/)([^\s>]+)", re.M)
"""A reference-style link's definition line, ``[mt]: muc-tieu-2030.md``: written from the site root too."""


@dataclass(frozen=True)
class TagLink:
    """A tag as readers see it: its name from ``tin-tuc.yml`` (the id itself only while no name is given)."""

    id: str
    name: str


def tag_links(site: Site, ids: list[str]) -> list[TagLink]:
    names = {tag.id: tag.name for tag in site.content.news.tags}
    return [TagLink(ident, names.get(ident, ident)) for ident in ids]


@dataclass(frozen=True)
class NewsListView:
    """A list of posts: page ``number`` of all posts, or every post of one category or tag."""

    posts: list[LoadedPost]
    categories: list[Category]
    number: int = 1
    pages: int = 1
    previous: str | None = None
    next: str | None = None
    category: Category | None = None
    tag: TagLink | None = None

    @property
    def filtered(self) -> bool:
        """A category, tag or later page: it links back to the full list."""
        return self.number > 1 or self.category is not None or self.tag is not None


@dataclass(frozen=True)
class PostView:
    post: LoadedPost
    body: str
    """The post's Markdown with editors' site-root links made relative to the post's page."""
    category: Category
    related: list[PlanLink]
    tags: list[TagLink]
    photo: PhotoView | None = None
    """The post's photo as published (widths, formats, alt text), or None."""


def list_path(number: int) -> str:
    return f"{NEWS_DIR}/index.md" if number == 1 else f"{NEWS_DIR}/trang-{number}.md"


def category_path(category_id: str) -> str:
    return f"{NEWS_DIR}/chuyen-muc/{category_id}.md"


def tag_path(tag: str) -> str:
    return f"{NEWS_DIR}/the/{tag}.md"


def rebase_links(body: str, page: str) -> str:
    """Editors write links from the site root (``muc-tieu-2030.md#kinh-te-so``, also in a ``[mt]: …`` definition
    line); make them relative to the post."""
    def rebase(match: re.Match[str]) -> str:
        target = match.group(2)
        if ":" in target or "&" in target:  # any scheme (https:, mailto:, an entity-encoded one): not a page
            return match.group(0)
        return match.group(1) + relative(target, page)

    return _LOCAL_DEFINITION.sub(rebase, _LOCAL_LINK.sub(rebase, body))


def list_pages(site: Site) -> Iterator[tuple[str, NewsListView]]:
    """The paginated list, then one page per category and per tag, in a stable order."""
    news, posts = site.content.news, site.content.posts
    used = {post.meta.category for post in posts}
    categories = [category for category in news.categories if category.id in used]
    """Empty categories are hidden: a heading over nothing reads as a section left undone."""
    chunks = [posts[start:start + news.per_page] for start in range(0, len(posts), news.per_page)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        yield list_path(number), NewsListView(
            chunk, categories, number, len(chunks),
            list_path(number - 1) if number > 1 else None, list_path(number + 1) if number < len(chunks) else None)
    for category in categories:
        yield category_path(category.id), NewsListView(
            [post for post in posts if post.meta.category == category.id], categories, category=category)
    for tag in tag_links(site, sorted({tag for post in posts for tag in post.meta.tags})):
        yield tag_path(tag.id), NewsListView([post for post in posts if tag.id in post.meta.tags], categories, tag=tag)


def post_pages(site: Site) -> Iterator[tuple[str, PostView, str]]:
    """(page, view, source file) for every post."""
    categories = {category.id: category for category in site.content.news.categories}
    prefix = f"{site.settings.content_prefix}/{NEWS_DIR}"
    for post in site.content.posts:
        photo = photo_view(post.photo, post.meta.image) if post.photo and post.meta.image else None
        view = PostView(post, rebase_links(post.body, post.path), categories[post.meta.category],
                        [site.links[ident] for ident in post.meta.related], tag_links(site, post.meta.tags), photo)
        yield post.path, view, f"{prefix}/{posixpath.basename(post.source)}"
