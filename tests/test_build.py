"""The real build of the fixture commune: every fact reaches the site, builds repeat byte for byte, failures publish nothing."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from generator.content import load_content
from generator.text import number

from .conftest import CI_REPO_URL, FIXTURE_CONTENT, build_site, replace_once

PAGES = ["index.html", "quan-diem-chi-dao/index.html", "muc-tieu-2030/index.html", "muc-tieu-2045/index.html",
         "nhiem-vu-giai-phap/index.html", "ke-hoach/index.html", "phan-cong/index.html", "toan-van/index.html"]


INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|mark|small|span|strong|time)\b[^>]*>")
"""Tags inside a sentence (a glossary link, emphasis): they vanish without a space, as a reader sees the text."""


def page_text(site: Path, page: str) -> str:
    raw = (site / page).read_text(encoding="utf-8")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", INLINE_TAG.sub("", raw))).split())


def test_every_page_is_built_in_vietnamese(built_site: Path) -> None:
    for page in PAGES:
        raw = (built_site / page).read_text(encoding="utf-8")
        assert '<html lang="vi"' in raw, page


def test_every_indicator_is_on_its_targets_page(built_site: Path) -> None:
    content = load_content(FIXTURE_CONTENT)
    for section, page in ((content.horizons[0], "muc-tieu-2030/index.html"), (content.horizons[1], "muc-tieu-2045/index.html")):
        raw = (built_site / page).read_text(encoding="utf-8")
        text = page_text(built_site, page)
        assert section.indicators, "no indicators in content"
        for indicator in section.indicators:
            assert f'id="{indicator.id}"' in raw, indicator.id
            assert indicator.title in text, indicator.title
            assert number(indicator.value) in text, (indicator.id, indicator.value)
            assert " ".join(indicator.quote.replace("*", "").split()) in text, indicator.quote


def test_every_viewpoint_task_and_deadline_is_on_the_site(built_site: Path) -> None:
    content = load_content(FIXTURE_CONTENT)
    viewpoints = page_text(built_site, "quan-diem-chi-dao/index.html")
    assert all(v.text in viewpoints for v in content.viewpoints.viewpoints)
    tasks = page_text(built_site, "nhiem-vu-giai-phap/index.html")
    assert all(g.text in tasks for g in content.tasks.groups)
    duties = page_text(built_site, "phan-cong/index.html")
    for unit in content.organisation.units:
        assert unit.name in duties
        for assignment in unit.assignments:
            if assignment.deadline:  # the plan's own wording of the date, opening the line
                text = assignment.deadline.text
                assert text[:1].upper() + text[1:] in duties


EXTERNAL_ATTRIBUTE = re.compile(
    r'<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?\s(?:src|href|srcset|poster|data|action)\s*=\s*["\']?((?:https?:)?//[^"\'\s>]+)', re.I)
"""A tag attribute pointing at another host: (tag name, URL)."""
EXTERNAL_CSS = re.compile(r'(?:url\(\s*["\']?|@import\s+["\']?)((?:https?:)?//[^"\')\s]+)', re.I)


def test_no_request_to_other_hosts(built_site: Path) -> None:
    """Only links a reader clicks (<a href>) may leave the site; nothing is loaded from another host. The site's own
    absolute address (``base_url``: the canonical link, the feeds) is not another host."""
    own = str(load_content(FIXTURE_CONTENT).settings.base_url or "")
    assert own, "the fixture has an address, so its own absolute URLs are on its pages"
    for path in built_site.rglob("*.html"):
        raw = path.read_text(encoding="utf-8")
        loaded = [(tag, url) for tag, url in EXTERNAL_ATTRIBUTE.findall(raw) if tag.lower() != "a" and not url.startswith(own)]
        assert loaded == [], path
        assert EXTERNAL_CSS.findall(raw) == [], path
        assert "fonts.googleapis" not in raw and "fonts.gstatic" not in raw, path
    for path in built_site.rglob("*.css"):
        assert EXTERNAL_CSS.findall(path.read_text(encoding="utf-8")) == [], path


def test_external_request_pattern_catches_stylesheets_scripts_and_images() -> None:
    """The patterns above must see what they guard against, and leave ordinary links alone."""
    page = ('<link rel="stylesheet" href="https://cdn.example/x.css"><script src="//cdn.example/x.js"></script>'
            '<img alt="" src=https://cdn.example/x.png><a href="https://example.org/">link</a>'
            '<div style="background:url(\'https://cdn.example/bg.png\')"></div>')
    assert EXTERNAL_ATTRIBUTE.findall(page) == [
        ("link", "https://cdn.example/x.css"), ("script", "//cdn.example/x.js"),
        ("img", "https://cdn.example/x.png"), ("a", "https://example.org/"),
    ]
    assert EXTERNAL_CSS.findall(page) == ["https://cdn.example/bg.png"]
    assert EXTERNAL_CSS.findall('@import "https://fonts.example/a.css";') == ["https://fonts.example/a.css"]


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    second = tmp_path / "again"
    result = build_site(second, env={"REPO_URL": CI_REPO_URL, "SITE_MODE": "preview"})  # as built_site
    assert result.returncode == 0, result.stderr
    assert tree_digest(built_site) == tree_digest(second)


def test_failed_build_leaves_previous_site_untouched(project_copy: Path) -> None:
    site = project_copy / "site"
    assert build_site(site, config=project_copy / "mkdocs.yml").returncode == 0
    before = tree_digest(site)
    line = replace_once(project_copy / "content" / "to-chuc-thuc-hien.yml", "2025-03-20", "2025-02-31")
    result = build_site(site, config=project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert f"to-chuc-thuc-hien.yml:{line}" in result.stderr
    assert "LỖI" in result.stderr
    assert tree_digest(site) == before
    assert not [p for p in project_copy.iterdir() if p.name.startswith(".site-")], "staging folder left behind"


def test_footer_names_the_publisher_and_no_page_says_made_with(built_site: Path) -> None:
    settings = load_content(FIXTURE_CONTENT).settings
    for page in PAGES:
        text = page_text(built_site, page)
        assert settings.organisation in text and settings.contact.unit in text, page
        assert "Made with" not in text, page


def test_not_found_page_is_vietnamese_with_a_way_back(built_site: Path) -> None:
    raw = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Không tìm thấy trang</h1>" in raw
    assert "Not found" not in raw
    assert "Về trang chủ" in raw and "tim-kiem/" in raw
