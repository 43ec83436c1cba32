"""The search index: built with the site, content pages only (no search page, no 404), đ folded, no lunr left behind."""

from __future__ import annotations

import json
from pathlib import Path

from generator.publish.search import BUNDLE, stroke_as_mark

from .test_build import PAGES


def test_d_with_stroke_becomes_d_plus_a_foldable_mark() -> None:
    assert stroke_as_mark("Đảng viên đổi mới") == "D\u0335ảng viên d\u0335ổi mới"
    assert stroke_as_mark("chuyển số") == "chuyển số"


def test_index_holds_the_content_pages_and_no_chrome(built_site: Path) -> None:
    entry = json.loads((built_site / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [p for p in built_site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["vi"]["page_count"] == len(marked)
    for page in PAGES:
        assert "data-pagefind-body" in (built_site / page).read_text(encoding="utf-8"), page
    for page in ("404.html", "tim-kiem/index.html"):
        assert "data-pagefind-body" not in (built_site / page).read_text(encoding="utf-8"), page


def test_no_lunr_index_or_worker_and_no_theme_sources_published(built_site: Path) -> None:
    assert not (built_site / "search" / "search_index.json").exists()
    assert not (built_site / "overrides").exists()
    for page in PAGES:
        raw = (built_site / page).read_text(encoding="utf-8")
        assert "pagefind-ui.js" not in raw and "search_index.json" not in raw, page
