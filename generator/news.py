"""The news section's pages: paginated list, category and tag pages, one page per post.

Python decides which posts go on which page and where links point; the
``news-*.md.j2`` templates decide how they look. Every page names the content
file an editor changes to alter it (a post's ``.md``, else ``tin-tuc.yml``).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from .content import Content
from .posts import NEWS_DIR, LoadedPost

SOURCE = f"content/{NEWS_DIR}.yml"
"""Edit link target of the list, category and tag pages."""

_LOCAL_LINK = re.compile(r"(\]\()(?!https?:|mailto:|tel:|#|/)([^)\s]+)")


@dataclass(frozen=True)
class NewsPage:
    """One generated page of the news section."""

    path: str
    template: str
    source: str
    context: dict[str, Any]


@dataclass(frozen=True)
class PlanLink:
    """A part of the plan a post reports on, as a link target."""

    id: str
    title: str
    page: str


def list_path(number: int) -> str:
    return f"{NEWS_DIR}/index.md" if number == 1 else f"{NEWS_DIR}/trang-{number}.md"


def category_path(category_id: str) -> str:
    return f"{NEWS_DIR}/chuyen-muc/{category_id}.md"


def tag_path(tag: str) -> str:
    return f"{NEWS_DIR}/the/{tag}.md"


def relative(target: str, page: str) -> str:
    """A link from generated page ``page`` to page ``target`` (both paths under docs/), as MkDocs expects."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def rebase_links(body: str, page: str) -> str:
    """Editors write links from the site root (``muc-tieu-2030.md#kinh-te-so``); make them relative to the post."""
    return _LOCAL_LINK.sub(lambda match: match.group(1) + relative(match.group(2), page), body)


def plan_links(content: Content, pages: dict[str, str]) -> dict[str, PlanLink]:
    """id → link for every part of the plan a post may name; ``pages`` maps content file → page."""
    return {ident: PlanLink(ident, title, f"{pages[source]}#{ident}") for ident, (source, title) in content.anchors().items()}


def posts_about(content: Content) -> dict[str, list[LoadedPost]]:
    """The other direction: for each part of the plan, the posts that report on it (newest first)."""
    found: dict[str, list[LoadedPost]] = {}
    for post in content.posts:
        for ident in post.meta.related:
            found.setdefault(ident, []).append(post)
    return found


def posts_for(ids: Iterable[str], about: dict[str, list[LoadedPost]]) -> list[LoadedPost]:
    """Posts about any of ``ids``, each once, newest first: back-links for a group of indicators."""
    chosen = {post.source: post for ident in ids for post in about.get(ident, [])}
    return sorted(chosen.values(), key=lambda post: (post.meta.date, post.slug), reverse=True)


def news_pages(content: Content, plan_pages: dict[str, str], feeds: bool) -> Iterator[NewsPage]:
    """Every page of the news section, in a stable order."""
    news, posts = content.news, content.posts
    categories = {category.id: category for category in news.categories}
    chunks = [posts[start:start + news.per_page] for start in range(0, len(posts), news.per_page)] or [[]]
    shared = {"news": news, "categories": categories, "feeds": feeds}
    for number, chunk in enumerate(chunks, start=1):
        yield NewsPage(list_path(number), "news-list.md.j2", SOURCE, {
            **shared, "title": news.title if number == 1 else f"{news.title} — trang {number}", "posts": chunk,
            "number": number, "previous": list_path(number - 1) if number > 1 else None,
            "next": list_path(number + 1) if number < len(chunks) else None, "pages": len(chunks),
        })
    for category in news.categories:
        chosen = [post for post in posts if post.meta.category == category.id]
        yield NewsPage(category_path(category.id), "news-list.md.j2", SOURCE, {
            **shared, "title": f"Chuyên mục: {category.name}", "category": category, "posts": chosen,
            "number": 1, "previous": None, "next": None, "pages": 1,
        })
    for tag in sorted({tag for post in posts for tag in post.meta.tags}):
        chosen = [post for post in posts if tag in post.meta.tags]
        yield NewsPage(tag_path(tag), "news-list.md.j2", SOURCE, {
            **shared, "title": f"Thẻ: {tag}", "tag": tag, "posts": chosen,
            "number": 1, "previous": None, "next": None, "pages": 1,
        })
    links = plan_links(content, plan_pages)
    for post in posts:
        yield NewsPage(post.path, "news-post.md.j2", f"content/{NEWS_DIR}/{posixpath.basename(post.source)}", {
            **shared, "post": post, "body": rebase_links(post.body, post.path),
            "category": categories[post.meta.category], "related": [links[ident] for ident in post.meta.related],
        })


def register(env: Environment) -> None:
    """Link helpers the news templates (and the plan pages' back-links) use."""
    env.filters.update(relative=relative, posts_for=posts_for, yaml_string=lambda text: json.dumps(text, ensure_ascii=False))
    env.globals.update(list_path=list_path, category_path=category_path, tag_path=tag_path)
