"""The generated service worker: core pages from the nav, versioned by the built content."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.publish.offline import write_service_worker

from .conftest import CI_REPO_URL, ROOT, build_site


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
    (project_copy / "docs" / "thu.md").write_text("# Trang thử\n\nMột trang mới của trang.\n", encoding="utf-8")
    changed = build_site(tmp_path / "changed", config=project_copy / "mkdocs.yml",
                         env={"REPO_URL": CI_REPO_URL, "SITE_MODE": "preview"})
    assert changed.returncode == 0, changed.stderr
    assert _version(tmp_path / "changed") != _version(built_site)


# --------------------------------------------------------------------------
# Cache isolation: the worker answers only from its own named cache
# --------------------------------------------------------------------------

SCOPE = "https://example.org/nq57/"
HARNESS = ROOT / "tests" / "sw_harness.cjs"


def _worker(tmp_path: Path) -> Path:
    """A real sw.js from the template (an empty site: no core pages, so only planted or fetched entries exist)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    return write_service_worker(site, [])


def _run(worker: Path, **scenario: object) -> dict:
    """The worker run by tests/sw_harness.cjs against fake caches: which cache answered each request."""
    node = shutil.which("node")
    if not node:
        if os.environ.get("CI"):
            pytest.fail("the service worker harness needs Node")
        pytest.skip("the service worker harness needs Node")
    result = subprocess.run([node, str(HARNESS), str(worker), json.dumps({"scope": SCOPE, **scenario})],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _own_cache(worker: Path) -> str:
    return f"nghiquyet:{SCOPE}:{_version(worker.parent)}"


def test_template_reads_no_cache_but_its_own(tmp_path: Path) -> None:
    text = _worker(tmp_path).read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    assert "caches.match" not in code, "a lookup across every cache of the origin"
    assert re.findall(r"caches\.(\w+)\(", code) and set(re.findall(r"caches\.(\w+)\(", code)) <= {"open", "delete", "keys"}
    assert "caches.delete(CACHE)" in code, "install empties its own cache before filling it"


def test_a_response_planted_in_another_cache_is_not_served(tmp_path: Path) -> None:
    worker = _worker(tmp_path)
    planted = {"evil": {"x/script.js": "alert('planted')", "assets/site.js": "alert('planted')"}}
    report = _run(worker, planted=planted, requests=[{"url": "x/script.js"}, {"url": "assets/site.js"}])
    assert [a["body"] for a in report["answers"]] == [f"network:{SCOPE}x/script.js", f"network:{SCOPE}assets/site.js"]
    assert report["calls"]["globalMatch"] == 0
    assert "evil" in report["cacheNames"], "a cache outside its prefix is not the worker's to delete"


def test_offline_the_worker_still_ignores_another_cache(tmp_path: Path) -> None:
    worker = _worker(tmp_path)
    report = _run(worker, network=False, planted={"evil": {"muc-tieu-2030/": "<script>planted</script>"}},
                  requests=[{"url": "muc-tieu-2030/", "mode": "navigate"}])
    assert report["answers"] == [{"url": f"{SCOPE}muc-tieu-2030/", "body": None}]


def test_control_the_harness_serves_what_the_worker_itself_cached(tmp_path: Path) -> None:
    """The worker does answer from its own cache offline: the tests above could fail."""
    worker = _worker(tmp_path)
    report = _run(worker, network=False, requests=[{"url": "./", "mode": "navigate"}])
    assert report["answers"] == [{"url": SCOPE, "body": None}]  # nothing cached yet: no answer
    site = worker.parent
    again = write_service_worker(site, [("", "index.html")])  # now the home page is a core page
    report = _run(again, network=False, requests=[{"url": "./", "mode": "navigate"}, {"url": "x/", "mode": "navigate"}])
    assert [a["body"] for a in report["answers"]] == [f"network:{SCOPE}", f"network:{SCOPE}"], "offline page served"


def test_install_empties_its_own_cache_and_activate_drops_its_other_caches(tmp_path: Path) -> None:
    worker = _worker(tmp_path)
    own = _own_cache(worker)
    stale, foreign = f"nghiquyet:{SCOPE}:0123456789abcdef", "other-app"
    legacy = f"nq57:{SCOPE}:0123456789abcdef"  # left by a worker of 0.2.0 or earlier (the plugin's former name)
    elsewhere = [f"{prefix}:https://example.org/other/:{_version(worker.parent)}" for prefix in ("nghiquyet", "nq57")]
    planted = {own: {"x/planted.js": "alert('planted before install')"}, stale: {"a": "old"}, foreign: {"b": "x"},
               legacy: {"d": "old"}, **{name: {"c": "x"} for name in elsewhere}}
    report = _run(worker, planted=planted, requests=[{"url": "x/planted.js"}])
    assert report["answers"] == [{"url": f"{SCOPE}x/planted.js", "body": f"network:{SCOPE}x/planted.js"}]
    assert sorted(report["cacheNames"]) == sorted([own, foreign, *elsewhere])
