"""``make dist``: the built site as one dated zip, with its SHA-256, for an admin who cannot run Python.

The zip is reproducible: the same ``site/`` and date give the same bytes (entries in sorted
order, every timestamp the build's date at noon, fixed permissions, no extra fields), so its
checksum can be compared with one published elsewhere. It holds ``site/`` (what to copy to the
server) and ``hosting/`` (the nginx, Apache and IIS configurations generated for this site).
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

NAME = "nghiquyet-site"


def archive_name(day: date) -> str:
    return f"{NAME}-{day:%Y%m%d}.zip"


def _entry(name: str, day: date, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(max(day.year, 1980), day.month, day.day, 12, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (mode & 0xFFFF) << 16
    info.create_system = 3  # Unix: the permissions above are read as such
    return info


def make_dist(site: Path, out: Path, day: date, extra: Mapping[str, str] = {}) -> tuple[Path, Path]:
    """Write ``out/nghiquyet-site-YYYYMMDD.zip`` and ``….zip.sha256`` (``sha256sum -c`` format); return both paths."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"LỖI: {site} chưa có trang đã xây dựng (chạy `make build` trước)")
    out.mkdir(parents=True, exist_ok=True)
    archive = out / archive_name(day)
    files = sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in files:
            name = "site/" + path.relative_to(site).as_posix()
            bundle.writestr(_entry(name, day, 0o100644), path.read_bytes(), compresslevel=9)
        for name in sorted(extra):
            bundle.writestr(_entry(f"hosting/{name}", day, 0o100644), extra[name].encode("utf-8"), compresslevel=9)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive, checksum
