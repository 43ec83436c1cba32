"""The generated service worker: core pages from the nav, versioned by the built content."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import CI_REPO_URL, build_site


def _version(site: Path) -> str:
    match = re.search(r'var CACHE = PREFIX \+ "([0-9a-f]+)"', (site / "sw.js").read_text(encoding="utf-8"))
    assert match, "no version in sw.js"
    return match.group(1)


def test_worker_precaches_every_top_level_nav_page(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    urls = set(re.findall(r'<a href="([^"#]*)" class="md-nav__link', home))  # the menu; its TOC links have a #
    assert len(urls) >= 5, urls
    for url in urls:
        assert f'"{"./" if url == "." else url}"' in worker, url
    assert "assets/site.js" in worker


def test_same_build_same_worker_changed_site_new_version(built_site: Path, project_copy: Path, tmp_path: Path) -> None:
    again = build_site(tmp_path / "again", env={"REPO_URL": CI_REPO_URL, "SITE_MODE": "preview"})  # as the session's
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / "sw.js").read_bytes() == (built_site / "sw.js").read_bytes()
    css = project_copy / "docs" / "assets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.nq-thu { color: #000; }\n", encoding="utf-8")
    changed = build_site(tmp_path / "changed", config=project_copy / "mkdocs.yml",
                         env={"REPO_URL": CI_REPO_URL, "SITE_MODE": "preview"})
    assert changed.returncode == 0, changed.stderr
    assert _version(tmp_path / "changed") != _version(built_site)
