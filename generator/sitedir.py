"""Replacing the published folder safely: one build at a time, readable files, no moment without a site.

``python -m generator build`` builds into a staging folder beside ``site/`` and
hands it to ``replace_site``. A web server may be reading ``site/`` at that very
moment, and CI may start a second build while the first still runs, so:

- builds take turns: an exclusive lock on ``.site.lock`` beside ``site/`` (a second
  build waits, it never fails half-way or removes the first one's staging folder).
  The lock is ``filelock``'s: ``flock`` on Linux and macOS, ``msvcrt.locking`` on
  Windows, so that editors' commands import on every system (nothing POSIX-only is
  imported here);
- staging folders left by a killed build (``.site-*``) are removed by the next build;
- the staging folder gets the modes a web server needs (folders 0755, files 0644;
  ``mkdtemp`` makes 0700);
- the new folder takes the old one's place in one step: Linux exchanges the two
  (``renameat2`` with ``RENAME_EXCHANGE``, reached through ``ctypes``, which imports
  everywhere), so ``site/`` always exists; elsewhere (macOS, Windows, old kernels)
  two renames leave a gap of microseconds;
- a ``site/`` that cannot be replaced (read-only, immutable) is an error, checked
  before the build starts so nothing is built in vain.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock

STAGING_PREFIX = ".site-"
LOCK_NAME = ".site.lock"
"""For the usual ``site/``; another target folder (``deploy/<id>/`` of ``build-all``) gets its own lock and
staging names from its name (``staging_prefix``, ``lock_name``), so sites built side by side in one folder
neither wait on one lock nor remove each other's staging folders."""
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class SiteDirError(RuntimeError):
    """``site/`` cannot be replaced; the message says why in Vietnamese first."""


def staging_prefix(target: Path) -> str:
    """``.site-`` for ``site/``; ``.<name>.build-`` otherwise (a site id has no dot, so ``a`` never matches ``a-b``)."""
    return STAGING_PREFIX if target.name == "site" else f".{target.name}.build-"


def lock_name(target: Path) -> str:
    return LOCK_NAME if target.name == "site" else f".{target.name}.lock"


@contextlib.contextmanager
def build_lock(target: Path) -> Iterator[None]:
    """Hold the exclusive build lock for ``target`` (waiting for another build to finish)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(target.parent / lock_name(target)):
        yield


def remove_leftovers(target: Path) -> list[Path]:
    """Staging and old folders of builds that were killed (only ever called under the lock)."""
    leftovers = sorted(p for p in target.parent.glob(staging_prefix(target) + "*") if p.is_dir() and not p.is_symlink())
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
    return leftovers


def check_replaceable(target: Path) -> None:
    """Fail early when ``target`` exists but cannot be replaced: read-only, immutable, or not a folder."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise SiteDirError(f"LỖI: {target} không phải thư mục; xóa hoặc đổi tên nó rồi xây dựng lại\n"
                           f"(en) {target} is not a directory")
    mode = target.stat().st_mode
    probe = target / ".nghiquyet-write-test"
    try:
        if not mode & stat.S_IWUSR:
            raise PermissionError("read-only mode bits")
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise SiteDirError(f"LỖI: không thay được {target}: thư mục đang ở chế độ chỉ đọc hoặc bị khóa (chmod u+w, "
                           f"chattr -i); trang cũ giữ nguyên\n(en) {target} is read-only or immutable: {exc}") from None


def make_staging(target: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=staging_prefix(target), dir=target.parent))


def make_readable(folder: Path) -> None:
    """Modes a web server running as another user can read: folders 0755, files 0644."""
    folder.chmod(0o755)
    for top, folders, files in os.walk(folder):
        for name in folders:
            (Path(top) / name).chmod(0o755)
        for name in files:
            (Path(top) / name).chmod(0o644)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def replace_site(staging: Path, target: Path) -> None:
    """Put ``staging`` in ``target``'s place; the previous site ends up in ``staging`` and is removed."""
    make_readable(staging)
    if not target.exists():
        staging.rename(target)
        return
    if not _exchange(staging, target):
        old = target.with_name(f"{staging_prefix(target)}old-{staging.name}")
        target.rename(old)
        staging.rename(target)
        staging = old
    shutil.rmtree(staging, ignore_errors=True)
