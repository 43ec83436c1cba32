"""Content upgrades: ``python -m generator migrate`` brings a content folder to ``SCHEMA_VERSION``.

A content folder records the shape it is written in as ``schema_version`` in ``cai-dat.yml`` (absent: 1). When a
release changes the shape, it adds steps here under the version they lead to; each step is a function of the
content folder that rewrites its files in place and returns, in Vietnamese, what it changed (nothing when the
folder already has that shape, so running ``migrate`` twice changes nothing the second time). Steps change the
shape only, never a quoted word: the site renders the same before and after (Material's ``Deprecated(moved_to=…)``
is the model: the old key still means what it meant, in its new place).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

SCHEMA_VERSION = 2
"""The shape this generator reads. The loader refuses older content with a message naming ``migrate``."""

SETTINGS_FILE = "cai-dat.yml"

Step = Callable[[Path], list[str]]

STEPS: dict[int, list[Step]] = {
    2: [],
}
"""Steps that bring content from ``version - 1`` to ``version``, in order. Modules in this package add theirs."""

_VERSION_LINE = re.compile(r"^schema_version:\s*(\d+)\s*(?:#.*)?$", re.MULTILINE)


def content_version(content_dir: Path) -> int:
    """The schema version a content folder says it is written in (1 when ``cai-dat.yml`` says nothing)."""
    settings = content_dir / SETTINGS_FILE
    if not settings.is_file():
        return SCHEMA_VERSION
    found = _VERSION_LINE.search(settings.read_text(encoding="utf-8"))
    return int(found.group(1)) if found else 1


def after_comments(text: str, block: str) -> str:
    """``text`` with ``block`` inserted after its leading comment lines, before its first field."""
    lines = text.splitlines(keepends=True)
    head = 0
    while head < len(lines) and lines[head].startswith("#"):
        head += 1
    return "".join([*lines[:head], block, *lines[head:]])


def add_key(path: Path, key: str, block: str, *, first: bool = False) -> bool:
    """Add ``block`` (YAML lines, each ending in a newline) that defines the top-level ``key`` to the file, unless
    the file is absent or already has the key (so a step stays idempotent): after the leading comments when
    ``first``, else at the end. Whether the file changed."""
    if not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^{re.escape(key)}:", text, re.MULTILINE):
        return False
    if first:
        text = after_comments(text, block)
    else:
        text += ("" if text.endswith("\n") or not text else "\n") + block
    path.write_text(text, encoding="utf-8")
    return True


def _write_version(content_dir: Path, version: int) -> None:
    """Record ``version`` in ``cai-dat.yml``: replace the line, or add it after the leading comments."""
    settings = content_dir / SETTINGS_FILE
    text = settings.read_text(encoding="utf-8")
    line = f"schema_version: {version}"
    if _VERSION_LINE.search(text):
        text = _VERSION_LINE.sub(line, text, count=1)
    else:
        text = after_comments(text, line + "  # phiên bản cấu trúc nội dung; nâng bằng `python -m generator migrate`\n")
    settings.write_text(text, encoding="utf-8")


def migrate(content_dir: Path) -> list[str]:
    """Run every step the folder still needs, in version order; return what changed."""
    changes: list[str] = []
    for version in sorted(STEPS):
        if content_version(content_dir) >= version:
            continue
        for step in STEPS[version]:
            changes.extend(step(content_dir))
        _write_version(content_dir, version)
        changes.append(f"{SETTINGS_FILE}: schema_version: {version}")
    return changes


# Each branch's steps register themselves in STEPS when imported (after STEPS exists).
from . import horizons, sections, words  # noqa: E402, F401

STEPS[2].append(horizons.move_horizons)
"""Last: the steps above edit the version-1 target files where version 1 kept them (``sections.local_scope``)."""
