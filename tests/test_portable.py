"""Editors' commands on Windows and macOS: nothing POSIX-only at import time, a build lock that works everywhere.

Windows has no ``fcntl`` (nor ``termios``, ``pwd``, ``grp``, ``resource``): the CLI runs here with those modules
made unimportable (``sys.modules[name] = None`` makes ``import name`` raise ImportError), as it would there.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from generator.sitedir import LOCK_NAME, build_lock

from .conftest import FIXTURE, ROOT

POSIX_ONLY = ("fcntl", "termios", "pwd", "grp", "resource")

WITHOUT_POSIX = f"""
import sys
for name in {POSIX_ONLY!r}:
    sys.modules[name] = None
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _cli_without_posix(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", WITHOUT_POSIX, "--content", str(FIXTURE / "content"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_modules_really_are_unavailable() -> None:
    probe = f"import sys\nfor n in {POSIX_ONLY!r}: sys.modules[n] = None\nimport fcntl"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "import of fcntl halted" in result.stderr


def test_validate_lint_and_render_run_without_fcntl(tmp_path: Path) -> None:
    validate = _cli_without_posix("validate")
    assert validate.returncode == 0, validate.stderr
    assert "Nội dung hợp lệ" in validate.stdout
    lint = _cli_without_posix("lint")
    assert lint.returncode == 0, lint.stderr
    assert "0 lỗi" in lint.stdout
    out = tmp_path / "out"
    render = _cli_without_posix("render", "--out", str(out))
    assert render.returncode == 0, render.stderr
    assert (out / "index.md").is_file() and "Traceback" not in render.stderr


def test_no_module_of_the_generator_imports_a_posix_only_module() -> None:
    """Every module imports with those modules missing (the CLI imports only some of them at start)."""
    program = WITHOUT_POSIX.split("from generator.cli")[0] + (
        "import importlib, pkgutil, generator\n"
        "for info in pkgutil.walk_packages(generator.__path__, 'generator.'):\n"
        "    if info.name != 'generator.__main__':\n"
        "        importlib.import_module(info.name)\n"
        "print('imported')\n")
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "imported" in result.stdout, result.stderr


HOLD_LOCK = """
import sys, time
from pathlib import Path
from generator.sitedir import build_lock
target = Path(sys.argv[1])
with build_lock(target):
    print(f"{time.monotonic()}", flush=True)
"""


def test_a_second_build_waits_for_the_lock(tmp_path: Path) -> None:
    """Builds take turns (``sitedir.build_lock``): another process gets the lock only when this one lets go."""
    target = tmp_path / "site"
    with build_lock(target):
        waiting = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(target)], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert waiting.poll() is None, "the second process must wait while the lock is held"
        released = time.monotonic()
    stdout, stderr = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, stderr
    assert float(stdout) >= released
    assert (tmp_path / LOCK_NAME).exists()
