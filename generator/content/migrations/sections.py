"""Schema 2 steps of the ``sections`` change: section III as a list of parts, the level-neutral scope ``local``,
the full text's ``source``, and the page addresses and titles version-1 sites were published under.

Each step edits the YAML text in place (comments and quoted words stay as they are) and does nothing on a folder
that already has the new shape.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import SETTINGS_FILE, STEPS, add_key

STUDY_FILE = "hoc-tap-quan-triet.yml"
PLAN_FILE = "ke-hoach.yml"

OLD_PARTS = {"district": ("cap-huyen", False), "grassroots": ("cap-co-so", True),
             "implementation_plans": ("xay-dung-ke-hoach", False), "reporters": ("bao-cao-vien", True)}
"""Version 1's four fixed fields of section III → the part's id (the anchor the study page gave it, which quiz
``passage`` values and links name) and whether the handout printed it (section III.2 and III.4 did)."""

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):")


def _blocks(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """The file cut at its top-level keys: (key, lines from the key's line to the next key); comments stay with
    the lines they follow, so a comment above a key travels with the block before it, as YAML reads it."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in lines:
        found = _TOP_KEY.match(line)
        if found:
            blocks.append((found.group(1), [line]))
        else:
            blocks[-1][1].append(line)
    return blocks


def study_parts(content_dir: Path) -> list[str]:
    """``hoc-tap-quan-triet.yml``: ``district``, ``grassroots``, ``implementation_plans``, ``reporters`` become the
    list ``parts``, each with its old anchor as ``id``; the two parts the handout printed get ``handout: true``."""
    path = content_dir / STUDY_FILE
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    blocks = _blocks(text.splitlines(keepends=True))
    if not any(key in OLD_PARTS for key, _ in blocks):
        return []
    out: list[str] = []
    opened = False
    for key, body in blocks:
        if key not in OLD_PARTS:
            out += body
            continue
        if not opened:
            out.append("parts:\n")
            opened = True
        part_id, handout = OLD_PARTS[key]
        out.append(f"  - id: {part_id}\n")
        tail = body[1:]
        # Trailing comment lines belong to what follows: keep them at the top level, unindented.
        end = len(tail)
        while end and tail[end - 1].lstrip().startswith("#"):
            end -= 1
        out += [("  " + line) if line.strip() else line for line in tail[:end]]
        if handout:
            out.append("    handout: true\n")
        out += tail[end:]
    path.write_text("".join(out), encoding="utf-8")
    return [f"{STUDY_FILE}: bốn mục cố định của phần III (district, grassroots, implementation_plans, reporters) "
            "thành danh sách `parts`, mỗi mục giữ mã neo cũ (cap-huyen, cap-co-so, xay-dung-ke-hoach, bao-cao-vien); "
            "mục 2 và mục 4 ghi `handout: true` (in trong tài liệu sinh hoạt chi bộ như trước)"]


_DISTRICT_SCOPE = re.compile(r"^(\s*(?:-\s+)?scope:\s*)district(\s*(?:#.*)?)$", re.MULTILINE)


def local_scope(content_dir: Path) -> list[str]:
    """``scope: district`` of a measured figure becomes ``scope: local`` (the organisation's own area, whatever its
    level) in every content file."""
    changed = []
    for path in sorted(content_dir.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        new, count = _DISTRICT_SCOPE.subn(r"\1local\2", text)
        if count:
            path.write_text(new, encoding="utf-8")
            changed.append(f"{path.relative_to(content_dir).as_posix()}: `scope: district` thành `scope: local` "
                           f"({count} số liệu)")
    return changed


def scan_source(content_dir: Path) -> list[str]:
    """``ke-hoach.yml`` gets ``source: scan``: a version-1 site's full text was copied from a scan and its page said
    so; the new default (``typed``) would change that note. Beside the document's kind and issuer, at the top."""
    line = "source: scan  # toàn văn chép từ bản chụp, lỗi nhận dạng chữ đã sửa; `typed` nếu gõ lại\n"
    if not add_key(content_dir / PLAN_FILE, "source", line, first=True):
        return []
    return [f"{PLAN_FILE}: `source: scan` (trang Toàn văn ghi chú bản chép từ bản chụp, như trước)"]


OLD_PAGES = {"study": "ke-hoach-huyen"}
"""Pages whose default address changed in schema 2, with the address version-1 sites published them at (their
titles are pinned by the ``words`` step, ``wording.study_title``)."""

def pinned_pages(content_dir: Path) -> list[str]:
    """``cai-dat.yml`` gets ``pages:`` with the address each page had before its default changed, so a published
    site keeps its links (``/ke-hoach-huyen/``)."""
    block = "".join(["# Địa chỉ trang đã xuất bản trước phiên bản cấu trúc 2 (giữ để liên kết cũ vẫn mở được).\n",
                     "pages:\n", *(f"  {kind}:\n    address: {address}\n" for kind, address in OLD_PAGES.items())])
    if not add_key(content_dir / SETTINGS_FILE, "pages", block):
        return []
    return [f"{SETTINGS_FILE}: `pages:` giữ địa chỉ cũ của trang "
            + ", ".join(f"{kind} (/{address}/)" for kind, address in OLD_PAGES.items())]


STEPS[2] += [study_parts, local_scope, scan_source, pinned_pages]
