"""Two hash-locked dependency sets: ``make build`` installs the site's (requirements.lock) and nothing for tests.

requirements-test.lock is the runtime pins plus the test extra; ``make lock`` makes both from pyproject.toml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

from .conftest import ROOT

RUNTIME, TEST = ROOT / "requirements.lock", ROOT / "requirements-test.lock"
TEST_ONLY = {"playwright", "pytest", "zensical", "pypdf", "zxing-cpp", "feedparser", "icalendar", "ruff",
             "check-jsonschema", "time-machine", "greenlet", "pluggy", "iniconfig"}
"""Test tools and what only they pull in (greenlet: Playwright; pluggy, iniconfig: pytest)."""

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", re.M)


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> dict[str, str]:
    return {_name(name): version for name, version in _PIN.findall(lock.read_text(encoding="utf-8"))}


def _requirement_names(requirements: list[str]) -> set[str]:
    return {_name(re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0]) for requirement in requirements}


def test_every_pin_has_its_hashes() -> None:
    for lock in (RUNTIME, TEST):
        blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text(encoding="utf-8"))
        pinned = [block for block in blocks if _PIN.match(block)]
        assert pinned, lock
        for block in pinned:
            assert "--hash=sha256:" in block, f"{lock.name}: {block.splitlines()[0]} has no hash"


def test_the_runtime_lock_holds_no_test_tool() -> None:
    runtime, test = pins(RUNTIME), pins(TEST)
    assert set(test) >= TEST_ONLY, "the test lock names the test tools"
    assert sorted(TEST_ONLY & set(runtime)) == []


def test_packages_in_both_locks_have_one_version() -> None:
    runtime, test = pins(RUNTIME), pins(TEST)
    assert set(runtime) <= set(test), "the test set is the runtime set plus the test extra"
    assert {name: (version, test[name]) for name, version in runtime.items() if test[name] != version} == {}


def test_the_locks_follow_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, test = set(pins(RUNTIME)), set(pins(TEST))
    assert _requirement_names(project["dependencies"]) <= runtime
    assert _requirement_names(project["optional-dependencies"]["test"]) <= test


def _plan(target: str, folder: Path) -> list[str]:
    """What ``make -n TARGET`` would run on a fresh clone (no .venv yet), one command a line."""
    result = subprocess.run(["make", "-n", target], cwd=folder, capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.splitlines()


def test_make_build_installs_the_runtime_lock_only(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml", RUNTIME.name, TEST.name):
        shutil.copy(ROOT / name, tmp_path / name)
    build = [line for line in _plan("build", tmp_path) if "pip install" in line]
    assert build, "a fresh build installs its dependencies"
    assert any("--require-hashes -r requirements.lock" in line for line in build)
    for line in build:
        assert TEST.name not in line and "[test]" not in line, line
        assert "-r requirements.lock" in line or "--no-deps -e ." in line or "--upgrade pip" in line, line
    test = [line for line in _plan("test", tmp_path) if "pip install" in line]
    assert any("--require-hashes -r requirements-test.lock" in line for line in test)
