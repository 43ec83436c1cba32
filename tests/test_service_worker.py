"""The generated service worker: core pages from the nav, versioned by the built content."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .conftest import ROOT, build_site


def _version(site: Path) -> str:
    match = re.search(r'var CACHE = PREFIX \+ "([0-9a-f]+)"', (site / "sw.js").read_text(encoding="utf-8"))
    assert match, "no version in sw.js"
    return match.group(1)


def test_worker_precaches_every_top_level_nav_page(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    for entry in config["nav"]:
        target = next(iter(entry.values()))
        if isinstance(target, str):
            url = "./" if target == "index.md" else target.removesuffix(".md").removesuffix("/index") + "/"
            assert f'"{url}"' in worker, url
    assert "assets/site.js" in worker


def test_same_build_same_worker_changed_site_new_version(built_site: Path, project_copy: Path, tmp_path: Path) -> None:
    again = build_site(tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / "sw.js").read_bytes() == (built_site / "sw.js").read_bytes()
    css = project_copy / "docs" / "assets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.nq-thu { color: #000; }\n", encoding="utf-8")
    changed = build_site(tmp_path / "changed", config=project_copy / "mkdocs.yml")
    assert changed.returncode == 0, changed.stderr
    assert _version(tmp_path / "changed") != _version(built_site)
