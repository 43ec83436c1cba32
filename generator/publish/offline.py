"""Offline reading: a service worker generated per build from the nav and the built pages.

It is written after MkDocs has finished, because what it pre-caches (the core pages
and every file they load on first view) and its version (a hash of the built site)
are only known then. Same content, same bytes: no timestamps.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..render.environment import environment
from .firstview import first_view, index_file

SERVICE_WORKER = "sw.js"


def core_pages(urls: list[str]) -> list[tuple[str, str]]:
    """(url, built file) of the menu's pages, given as directory URLs (``""``, ``muc-tieu-2030/``).

    The menu only, so a news section of a thousand posts adds one page, not a thousand.
    """
    return [(url, index_file(url)) for url in urls]


def site_version(site: Path) -> str:
    """A hash of every built file except the service worker itself."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.name != SERVICE_WORKER):
        digest.update(path.relative_to(site).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(site: Path, pages: list[tuple[str, str]]) -> Path:
    """Render ``sw.js`` at the site root (its scope is then the whole site, under any sub-path)."""
    urls: list[str] = []
    for url, built in pages:
        for item in [url or "./", *first_view(site, built).files[1:]]:
            if item not in urls:
                urls.append(item)
    template = environment().get_template("sw.js.j2")
    text = template.render(version=site_version(site), urls=urls, offline_page=pages[0][0] or "./" if pages else "./")
    target = site / SERVICE_WORKER
    target.write_text(text, encoding="utf-8")
    return target
