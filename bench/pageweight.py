"""Page weight of a built site: gzip -6 of every file a page loads on first view.

Shared by the budget tests (``tests/test_budget.py``) and ``make bench``; what a page
loads is read from the built HTML and CSS (``generator.firstview``), never listed by hand.
Run alone: ``python -m bench.pageweight site`` prints the heaviest pages.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.publish.firstview import first_view

SEARCH_BUNDLE = "pagefind/"
"""Pagefind's scripts and index: referenced only by the search page, so they load when the
reader opens search, which the budget does not count (they are reported as ``search``)."""

KINDS = {".html": "html", ".css": "css", ".js": "js", ".json": "data", ".woff2": "font", ".woff": "font", ".ttf": "font"}


@cache
def gzip_size(path: Path) -> int:
    """Bytes on the wire when the server compresses at gzip level 6 (mtime 0: reproducible)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


@dataclass
class PageWeight:
    """One page's first view: requests, gzip bytes in total and by kind."""

    page: str
    requests: int
    total: int
    by_kind: dict[str, int]
    missing: list[str]
    search: int = 0


def page_weight(site: Path, page: str) -> PageWeight:
    """Gzip bytes of the page and everything it references on first view."""
    view = first_view(site, page)
    by_kind: dict[str, int] = {}
    missing = []
    search = 0
    for path in view.files:
        target = site / path
        if not target.is_file():
            missing.append(path)
        elif path.startswith(SEARCH_BUNDLE):
            search += gzip_size(target)
        else:
            kind = KINDS.get(target.suffix.lower(), "image")
            by_kind[kind] = by_kind.get(kind, 0) + gzip_size(target)
    return PageWeight(page, len(view.files) + len(view.external), sum(by_kind.values()), by_kind, missing, search)


ADMIN_PREFIX = "bien-tap/quan-tri/"
"""The browser editor (Decap CMS, ~1.9 MB gzip): a tool for editors on a desktop, not a page readers open.
Outside the readers' budgets on purpose; tests/test_budget.py checks no other page loads it."""


def html_pages(site: Path) -> list[str]:
    """Every built HTML page readers open, as a site path, home first (not the editor under ``ADMIN_PREFIX``)."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if not p.relative_to(site).as_posix().startswith(ADMIN_PREFIX))
    return sorted(pages, key=lambda p: p != "index.html")


def custom_assets(site: Path, docs: Path, generated: tuple[str, ...] = ("sw.js",)) -> dict[str, int]:
    """Gzip bytes of the CSS and JS the project itself adds: its own files in ``docs`` (the package's docs layer,
    generator/theme/docs/) plus generated scripts."""
    own = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.suffix in {".css", ".js"} and "overrides" not in p.parts]
    return {path: gzip_size(site / path) for path in [*own, *generated] if (site / path).is_file()}


SEARCH_PAGE = "tim-kiem/index.html"
SEARCH_LATE = ("pagefind/pagefind-ui.css",)
"""Files the search page's script adds as it opens (generator/theme/docs/assets/search.js), before the first query."""


def search_page_weight(site: Path) -> int:
    """Gzip bytes of the search page before the first query: its first view, search bundle included."""
    weight = page_weight(site, SEARCH_PAGE)
    late = [site / path for path in SEARCH_LATE]
    missing = [str(path) for path in late if not path.is_file()] + weight.missing
    if missing:
        raise FileNotFoundError(missing)
    return weight.total + weight.search + sum(gzip_size(path) for path in late)


def summary(site: Path) -> dict[str, object]:
    """The figures ``make bench`` prints: home, heaviest other page, search page before a query; KB gzip, requests."""
    weights = [page_weight(site, page) for page in html_pages(site)]
    home = weights[0]
    heaviest = max(weights[1:], key=lambda w: w.total)
    return {
        "home_kb": round(home.total / 1024, 1), "home_requests": home.requests,
        "home_by_kind_kb": {k: round(v / 1024, 1) for k, v in sorted(home.by_kind.items())},
        "max_other_kb": round(heaviest.total / 1024, 1), "max_other_page": heaviest.page,
        "max_other_requests": heaviest.requests,
        "search_page_kb": round(search_page_weight(site) / 1024, 1),
    }


if __name__ == "__main__":
    print(json.dumps(summary(Path(sys.argv[1] if len(sys.argv) > 1 else "site")), ensure_ascii=False))
