"""RSS 2.0 and JSON Feed 1.1 of the posts, so the organisation's portal and readers can follow the news.

Feeds need absolute URLs, hence a site URL (``BuildSettings.site_url``).
Without one the site still builds but has no feeds, and the
news page does not link to them: a feed full of wrong addresses is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from ..content import Content
from ..registry import page_url
from ..views.news import list_path
from .encoding import json_text, xml_text
from .environment import environment
from .photos import photo_view

FEED_ITEMS = 20
"""Newest posts in each feed; readers only poll for what is new."""

RSS_PATH = "feed.xml"
JSON_PATH = "feed.json"


@dataclass(frozen=True)
class FeedItem:
    """One post as both feeds describe it."""

    url: str
    title: str
    summary: str
    published: datetime
    author: str
    category: str
    tags: list[str]
    image: str | None

    @property
    def rfc822(self) -> str:
        return format_datetime(self.published)


def items(content: Content, base: str) -> list[FeedItem]:
    categories = {category.id: category.name for category in content.news.categories}
    return [
        FeedItem(
            url=base + post.url, title=post.meta.title, summary=post.meta.summary,
            published=datetime(post.meta.date.year, post.meta.date.month, post.meta.date.day, tzinfo=UTC),
            author=post.meta.author, category=categories[post.meta.category], tags=list(post.meta.tags),
            image=base + photo_view(post.photo, post.meta.image).largest.path if post.photo and post.meta.image else None,
        )
        for post in content.posts[:FEED_ITEMS]
    ]


def rss(content: Content, base: str) -> str:
    """RSS 2.0, rendered from ``feed.xml.j2`` with XML escaping on and no character XML 1.0 forbids."""
    entries = items(content, base)
    return environment(autoescape=True, finalize=xml_text).get_template("feed.xml.j2").render(
        settings=content.settings, news=content.news, base=base, self_url=base + RSS_PATH,
        home=news_home(base), items=entries, updated=entries[0].rfc822 if entries else None)


def news_home(base: str) -> str:
    """The absolute URL of the news list page."""
    return base + page_url(list_path(1))


def json_feed(content: Content, base: str) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): a data format, so built as data."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{content.news.title} — {content.settings.site_name}",
        "home_page_url": news_home(base),
        "feed_url": base + JSON_PATH,
        "description": content.news.intro or content.settings.site_description,
        "language": "vi",
        "items": [
            {
                "id": item.url, "url": item.url, "title": item.title,
                "content_text": item.summary, "summary": item.summary,
                "date_published": item.published.isoformat(),
                "authors": [{"name": item.author}],
                "tags": [item.category, *item.tags],
                **({"image": item.image} if item.image else {}),
            }
            for item in items(content, base)
        ],
    }
    return json_text(feed, indent=2) + "\n"
