"""Full-text search: index the built site with Pagefind, đ folded like a tone mark.

Why Pagefind and not Material's lunr search: lunr does not fold Vietnamese tone
marks ("chuyen doi so" finds nothing), and Material's search worker downloads
the whole index on every page view (≈26 KB gzip, a third of the home page's
budget). Pagefind ≥ 1.5 folds tones and đ/d, and loads its scripts and only the
index chunks a query needs when the reader opens the search page.

Pagefind folds only marks that Unicode decomposes (ế → e), and đ does not
decompose, so "dang vien" would miss "đảng viên". Pagefind therefore indexes a
copy of the pages in which đ is written as d + U+0335 (combining short stroke):
Pagefind strips that mark like any tone, so the index holds "dang" and finds
it from "dang" or "đảng". The served pages are untouched; the search page turns
d + U+0335 back into đ in what it shows (generator/theme/docs/assets/search.js).

The binary ships inside the ``pagefind-bin`` wheel, so indexing needs no
network. It runs on the freshly built folder (the staging folder during
``python -m generator build``) before the atomic swap, and its output is
byte-identical for identical input.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from pagefind_bin import get_executable

BUNDLE = "pagefind"
"""Folder inside the site that holds the index and Pagefind's scripts."""

STROKE = "\u0335"
"""Combining short stroke overlay: đ in the index is d + STROKE (search.js reverses it)."""


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message says so in Vietnamese first."""


def stroke_as_mark(text: str) -> str:
    """'Đảng đổi' → 'D̵ảng d̵ổi': đ as d plus a combining mark, which Pagefind folds away."""
    return text.replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


def index_site(site_dir: Path) -> None:
    """Write the search index into ``site_dir/pagefind`` from pages marked ``data-pagefind-body``."""
    with tempfile.TemporaryDirectory(prefix="nghiquyet-search-") as scratch:
        for page in site_dir.rglob("*.html"):
            copy = Path(scratch) / page.relative_to(site_dir)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(stroke_as_mark(page.read_text(encoding="utf-8")), encoding="utf-8")
        bundle = site_dir / BUNDLE
        shutil.rmtree(bundle, ignore_errors=True)
        command = [str(get_executable()), "--site", scratch, "--output-path", str(bundle), "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"LỖI: không tạo được chỉ mục tìm kiếm (Pagefind) cho {site_dir}\n"
            f"(en) search indexing failed\n{result.stdout}{result.stderr}"
        )
