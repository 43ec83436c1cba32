"""News and articles: a Markdown file becomes a post in the list, on the home page and in both feeds."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import feedparser
import yaml

from generator.content import load_content
from generator.text import slugify, vn_date

from .conftest import FIXTURE_CONTENT, build_site, fixture_yaml, problems_for, replace_once, settings
from .test_build import page_text

SITE_URL = "https://example.gov.vn/nq57/"

NEWEST = load_content(FIXTURE_CONTENT).posts[0]
"""The fixture's newest post: test posts are dated after it, so they lead the fixture's own."""
LATER = NEWEST.meta.date + timedelta(days=1)

NEW_POST = f"""---
title: Đoàn thanh niên học tập Nghị quyết
date: {vn_date(LATER)}
author: Văn phòng Đảng ủy xã Minh Hòa
category: hoat-dong
summary: Bài thử nghiệm của bộ kiểm thử.
tags: [kiem-thu]
related: [nhiem-vu-moi]
---
Nội dung bài thử nghiệm.
"""
PLAIN = NEW_POST.replace("related: [nhiem-vu-moi]\n", "")
"""The same post without the unknown related id: valid."""


def write_post(content: Path, name: str, text: str = NEW_POST) -> Path:
    path = content / "tin-tuc" / name
    path.write_text(text, encoding="utf-8")
    return path



def test_slug_folds_vietnamese() -> None:
    assert slugify("Đoàn thanh niên học tập Nghị quyết") == "doan-thanh-nien-hoc-tap-nghi-quyet"
    assert slugify("Ban hành Kế hoạch") == "ban-hanh-ke-hoach"


def test_posts_are_newest_first_and_keep_their_slugs() -> None:
    posts = load_content(FIXTURE_CONTENT).posts
    files = sorted((FIXTURE_CONTENT / "tin-tuc").glob("*.md"))
    assert len(posts) == len(files) >= 2
    assert [p.meta.date for p in posts] == sorted((p.meta.date for p in posts), reverse=True)
    for path in files:
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        slug = front.get("slug") or slugify(front["title"])
        [post] = [p for p in posts if Path(p.source).name == path.name]
        assert post.url == f"tin-tuc/{front['date'].year}/{slug}/", path.name


def test_new_post_reaches_list_home_and_both_feeds(project_copy: Path) -> None:
    indicator = fixture_yaml("muc-tieu/2030.yml")["paragraphs"][0]["indicators"][0]["id"]
    write_post(project_copy / "content", "2025-03-15-doan-thanh-nien.md", NEW_POST.replace("nhiem-vu-moi", indicator))
    site = project_copy / "site"
    # A preview (a pull request's): this post waits for approval, a production build leaves it out
    # (tests/test_approval.py); here the news pages and feeds are what is tested.
    result = build_site(site, config=project_copy / "mkdocs.yml", env={"SITE_URL": SITE_URL, "SITE_MODE": "preview"})
    assert result.returncode == 0, result.stderr
    title = "Đoàn thanh niên học tập Nghị quyết"
    post_page = site / f"tin-tuc/{LATER.year}/doan-thanh-nien-hoc-tap-nghi-quyet/index.html"
    assert title in page_text(site, f"tin-tuc/{LATER.year}/doan-thanh-nien-hoc-tap-nghi-quyet/index.html")
    shown = f"{LATER.day}/{LATER.month}/{LATER.year}"  # as the plan writes dates: no leading zero
    assert shown in post_page.read_text(encoding="utf-8") and "phút đọc" in post_page.read_text(encoding="utf-8")
    listing = page_text(site, "tin-tuc/index.html")
    assert listing.index(title) < listing.index(NEWEST.meta.title), "newest first"
    assert title in page_text(site, "index.html")
    assert title in page_text(site, "tin-tuc/chuyen-muc/hoat-dong/index.html")
    assert title in page_text(site, "tin-tuc/the/kiem-thu/index.html")
    assert title in page_text(site, "muc-tieu-2030/index.html"), "the indicator's page links back to the post"

    rss = feedparser.parse((site / "feed.xml").read_bytes())
    assert not rss.bozo, rss.get("bozo_exception")
    assert rss.version == "rss20"
    assert rss.entries[0].title == title
    assert rss.entries[0].link == SITE_URL + f"tin-tuc/{LATER.year}/doan-thanh-nien-hoc-tap-nghi-quyet/"
    assert all(entry.link.startswith(SITE_URL) for entry in rss.entries)

    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SITE_URL + "feed.json"
    assert feed["items"][0]["title"] == title
    assert feed["items"][0]["date_published"].startswith(LATER.isoformat())
    assert all(item["url"].startswith(SITE_URL) and item["id"] and "content_text" in item for item in feed["items"])
    assert "feed.xml" in (site / "tin-tuc/index.html").read_text(encoding="utf-8")


def test_without_a_base_url_there_are_no_feeds_and_no_links_to_them(unaddressed_site: Path) -> None:
    assert (unaddressed_site / "tin-tuc/index.html").is_file(), "the fixture's approved posts are published"
    assert not (unaddressed_site / "feed.xml").exists() and not (unaddressed_site / "feed.json").exists()
    assert "feed.xml" not in (unaddressed_site / "tin-tuc/index.html").read_text(encoding="utf-8")


def test_home_page_shows_the_latest_three_posts(content_copy: Path) -> None:
    for day in range(1, 5):
        write_post(content_copy, f"2025-03-{day:02d}-bai-{day}.md",
                   NEW_POST.replace(vn_date(LATER), vn_date(LATER + timedelta(days=day)))
                   .replace("related: [nhiem-vu-moi]", f"slug: bai-{day}"))
    from generator.render.pages import render_pages

    content = load_content(content_copy)
    home = next(p for p in render_pages(content, settings(content.posts[0].meta.date, content_copy, preview=True))
                if p.path == "index.md")
    assert [f"bai-{day}.md" in home.markdown for day in range(1, 5)] == [False, True, True, True]


def test_pagination(content_copy: Path) -> None:
    replace_once(content_copy / "tin-tuc.yml", "per_page: 5", "per_page: 1")
    from generator.render.pages import render_pages

    content = load_content(content_copy)
    pages = {p.path: p.markdown
             for p in render_pages(content, settings(content.posts[0].meta.date, content_copy, preview=True))}
    assert "tin-tuc/trang-2.md" in pages and "tin-tuc/trang-3.md" not in pages
    assert "(trang-2.md)" in pages["tin-tuc/index.md"] and "(index.md)" in pages["tin-tuc/trang-2.md"]


def test_bad_date_names_file_and_line(content_copy: Path) -> None:
    path = write_post(content_copy, "2025-03-15-bad.md", PLAIN.replace(vn_date(LATER), "31/02/2025"))
    problems = problems_for(content_copy)
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].file.endswith(path.name)
    assert problems[0].line == 3, "line numbers count the opening '---'"
    assert problems[0].field == "date"


def test_duplicate_slug_names_both_files(content_copy: Path) -> None:
    text = PLAIN
    write_post(content_copy, "2025-03-15-a.md", text)
    slug = "doan-thanh-nien-hoc-tap-nghi-quyet"
    renamed = text.replace("title: Đoàn thanh niên học tập Nghị quyết", f"title: Bài khác\nslug: {slug}")
    second = write_post(content_copy, "2025-03-16-b.md", renamed)
    problems = problems_for(content_copy)
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].file.endswith(second.name) and problems[0].line == 3
    assert "2025-03-15-a.md" in problems[0].message_vi and "trùng" in problems[0].message_vi


def test_duplicate_slug_fails_the_build_with_file_and_line(project_copy: Path) -> None:
    text = PLAIN
    write_post(project_copy / "content", "2025-03-15-a.md", text)
    write_post(project_copy / "content", "2025-03-16-b.md", text)
    result = build_site(project_copy / "site", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "2025-03-16-b.md:2" in result.stderr and "trùng" in result.stderr
    assert not (project_copy / "site").exists()


def test_unknown_category_and_related_id(content_copy: Path) -> None:
    write_post(content_copy, "2025-03-15-x.md", NEW_POST.replace("category: hoat-dong", "category: the-thao"))
    problems = {p.field: p for p in problems_for(content_copy)}
    assert problems["category"].line == 5 and "the-thao" in problems["category"].message_vi
    assert problems["related.0"].line == 8 and "nhiem-vu-moi" in problems["related.0"].message_vi


def test_html_in_body_is_rejected_at_its_line(content_copy: Path) -> None:
    write_post(content_copy, "2025-03-15-x.md", PLAIN + "\n<script>alert(1)</script>\n")
    problems = problems_for(content_copy)
    assert [(p.line, "HTML" in p.message_vi) for p in problems] == [(11, True)]


def test_missing_front_matter_is_explained(content_copy: Path) -> None:
    write_post(content_copy, "2025-03-15-x.md", "# Chỉ có nội dung\n")
    problem = problems_for(content_copy)[0]
    assert problem.line == 1 and "---" in problem.message_vi
