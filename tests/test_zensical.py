"""Builder independence: the rendered Markdown built by Zensical, then ``python -m generator publish`` on its output.

Material for MkDocs announces its end of life; its successor Zensical runs no MkDocs
plugins. What this project adds must then come from ``render --out`` (pages) and
``publish`` (stylesheet bundle, search index, service worker), which this test runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, fixture_indicators
from .test_links import Site, root_address


def rendered_pages(site: Path) -> list[str]:
    """Every page ``render --out`` wrote, as the built file it must become (index.md → index.html, x.md → x/index.html)."""
    docs = site.parent / "docs"
    pages = []
    for markdown in sorted(docs.rglob("*.md")):
        stem = markdown.relative_to(docs).with_suffix("").as_posix()
        pages.append("index.html" if stem == "index" else stem.removesuffix("/index") + "/index.html")
    return pages


def test_every_rendered_page_is_built(zensical_site: Path) -> None:
    pages = rendered_pages(zensical_site)
    assert len(pages) > 10 and "muc-tieu-2030/index.html" in pages
    missing = [page for page in pages if not (zensical_site / page).is_file()]
    assert missing == []


def test_publish_ran_on_the_zensical_output(zensical_site: Path) -> None:
    assert (zensical_site / "sw.js").is_file(), "service worker"
    assert list((zensical_site / "pagefind").glob("pagefind-entry.json")), "search index"
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert home.count('rel="stylesheet"') == 1, "one stylesheet bundle"
    headline = next(i["id"] for i in fixture_indicators() if i.get("headline"))
    assert f'muc-tieu-2030/#{headline}' in home, "home page cards link to the built target page"


KNOWN_DEFECTS = ("tin-tuc/2025/", "trinh-chieu/")
"""Pages whose raw-HTML links Zensical rewrites one folder too high (``../../../../anh/…`` for a post's photo,
``../../trac-nghiem/`` on the slides), as if they were relative to the Markdown file: found when these tests moved
to the fixture commune (the district's content has no photo and no approved quiz). Reported; the test below still
fails on any other broken link, and says when this defect is gone."""


def test_internal_links_resolve(zensical_site: Path) -> None:
    site = Site.read(zensical_site, root_address())
    broken = site.broken_links()
    known = [link for link in broken if link.startswith(KNOWN_DEFECTS) and "outside the site's path" in link]
    assert known, "Zensical no longer rewrites raw-HTML links: remove KNOWN_DEFECTS"
    if other := [link for link in broken if link not in known]:
        pytest.fail(f"{len(other)} broken link(s) in the Zensical build:\n" + "\n".join(other), pytrace=False)


def test_the_default_builder_is_still_mkdocs() -> None:
    assert "nghiquyet:" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
