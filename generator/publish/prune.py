"""Remove what no page uses from a built folder: source maps, Material's search worker and lunr.

The site searches with Pagefind, so Material's lunr worker (``assets/javascripts/workers/``)
and its language files (``assets/javascripts/lunr/``) are never loaded; source maps are for the
theme's developers. Shipping them costs a portal admin disk and upload time and hands a reader's
browser nothing. The ``sourceMappingURL`` comments that name the removed maps go too, so that a
browser's developer tools do not request files that no longer exist.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

UNUSED_DIRS = ("assets/javascripts/workers", "assets/javascripts/lunr")
"""Material's lunr search: replaced by Pagefind (handbook/publish.md, “Tìm kiếm”)."""

UNUSED_SUFFIXES = (".map",)

_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*$")


def prune_site(site_dir: Path) -> list[str]:
    """Delete unused files under ``site_dir``; returns their site paths (sorted), for the log and tests."""
    removed: list[str] = []
    for folder in UNUSED_DIRS:
        if (site_dir / folder).is_dir():
            removed += sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / folder).rglob("*") if p.is_file())
            shutil.rmtree(site_dir / folder)
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in UNUSED_SUFFIXES:
            removed.append(path.relative_to(site_dir).as_posix())
            path.unlink()
    for path in sorted([*site_dir.rglob("*.js"), *site_dir.rglob("*.css")]):
        data = path.read_bytes()
        stripped = _MAP_COMMENT.sub(b"\n", data)
        if stripped != data:
            path.write_bytes(stripped)
    return sorted(removed)
