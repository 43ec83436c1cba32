"""Version 2: the two fixed target files become a folder of horizons, one file per year.

Version 1 read ``muc-tieu-2030.yml`` (page ``/muc-tieu-2030/``, “Mục tiêu …”) and ``tam-nhin-2045.yml`` (page
``/tam-nhin-2045/``, “Tầm nhìn …”). Version 2 reads every file of ``muc-tieu/``, named for its year, and takes
what the old code decided by file name from each file: ``kind: vision`` for “Tầm nhìn …”, ``address`` where the
old address differs from the new default ``muc-tieu-<year>``. The file moves with its comments and words intact;
the pinned keys go after its ``year:`` line, so the site keeps its addresses and titles.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..horizons import HORIZON_SCHEMA, HORIZONS_DIR, horizon_file

OLD_FILES = {
    "muc-tieu-2030.yml": {"address": "muc-tieu-2030"},
    "tam-nhin-2045.yml": {"kind": "vision", "address": "tam-nhin-2045"},
}
"""Version 1's target files → what version 1 showed for them (its page address, its noun when not “Mục tiêu”)."""

_YEAR = re.compile(r"^year:\s*(\d{4})\s*(?:#.*)?$", re.MULTILINE)
_SCHEMA = re.compile(r"\$schema=((?:\.\./)*)schema/[a-z0-9-]+\.json")


def _pinned(text: str, old: dict[str, str], year: int) -> list[str]:
    """The lines to add: ``kind`` when not the default, ``address`` when the new default would differ."""
    lines = []
    if old.get("kind", "targets") != "targets" and not re.search(r"^kind:", text, re.MULTILINE):
        lines.append(f"kind: {old['kind']}")
    if old["address"] != f"muc-tieu-{year}" and not re.search(r"^address:", text, re.MULTILINE):
        lines.append(f"address: {old['address']}  # địa chỉ trang đã đăng: giữ nguyên để liên kết cũ không hỏng")
    return lines


def move_horizons(content_dir: Path) -> list[str]:
    """``muc-tieu-2030.yml`` → ``muc-tieu/2030.yml``, ``tam-nhin-2045.yml`` → ``muc-tieu/2045.yml`` (with
    ``kind: vision``, ``address: tam-nhin-2045``). Nothing to do when neither old file is there."""
    changes = []
    for name, old in OLD_FILES.items():
        source = content_dir / name
        if not source.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        found = _YEAR.search(text)
        if found is None:
            changes.append(f"{name}: không thấy dòng `year:`, chưa chuyển; ghi năm rồi chạy lại migrate")
            continue
        year = int(found.group(1))
        target = content_dir / horizon_file(year)
        if target.exists():
            changes.append(f"{name}: đã có {horizon_file(year)}, chưa chuyển; so sánh hai tệp, giữ một")
            continue
        lines = _pinned(text, old, year)
        if lines:
            text = text[:found.end()] + "".join(f"\n{line}" for line in lines) + text[found.end():]
        text = _SCHEMA.sub(lambda m: f"$schema=../{m.group(1)}schema/{Path(HORIZON_SCHEMA).stem}.json", text)
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
        source.unlink()
        pinned = f" (ghi thêm {', '.join(line.split('  #')[0] for line in lines)})" if lines else ""
        changes.append(f"{name} → {HORIZONS_DIR}/{year}.yml{pinned}")
    return changes
