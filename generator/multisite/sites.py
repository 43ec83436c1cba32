"""The sites of a multi-site repository: every ``sites/<id>/`` folder that holds ``content/``.

A site is a content folder plus settings, nothing new: ``sites/<id>/content/`` (with its ``cai-dat.yml``: name,
level, organisation) and, only when the site needs its own, ``sites/<id>/mkdocs.yml`` with ``templates/``,
``overrides/`` and ``docs/`` beside it, as a single site has. Without one, the repository's ``mkdocs.yml``
(and its templates, overrides and docs) serves every site. We chose the existing files over a new settings
file so that a site moved into or out of ``sites/`` keeps working unchanged.

The site's address is derived here, never taken from its own ``base_url``: the deploy's root address
(``--site-url`` or ``SITE_URL``) plus ``<id>/``, so the folder ``deploy/<id>/`` and the address always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..settings import CONFIG_FILE, SettingsError

SITES_DIR = "sites"
CONTENT = "content"
SETTINGS = "cai-dat.yml"
ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
"""A site's id is its folder name and its address path: lower-case ASCII letters, digits and hyphens."""
RESERVED = frozenset({"site", "assets", "tong-hop"})
"""Names the deploy's own files use (the landing page's assets, the roll-up) or the build's folder name."""


@dataclass(frozen=True)
class SiteSource:
    """One organisation's site in the repository."""

    id: str
    folder: Path
    config_file: Path
    """``sites/<id>/mkdocs.yml`` when the site has its own, else the repository's."""

    @property
    def content(self) -> Path:
        return self.folder / CONTENT


def check_id(site_id: str) -> None:
    if not ID.match(site_id) or site_id in RESERVED:
        raise SettingsError(
            f"tên thư mục {SITES_DIR}/{site_id}/ không dùng được làm địa chỉ trang; đặt tên chỉ gồm chữ thường không dấu, "
            f"chữ số và dấu gạch nối, ví dụ `xa-minh-hoa` (không dùng {', '.join(sorted(RESERVED))}) "
            f"(the folder name must be a lower-case ASCII slug)")


def discover(root: Path) -> list[SiteSource]:
    """Every ``sites/<id>/`` holding a ``content/`` folder, sorted by id. A folder without one is not a site."""
    folder = root / SITES_DIR
    if not folder.is_dir():
        raise SettingsError(f"không có thư mục {folder}: mỗi tổ chức là một thư mục {SITES_DIR}/<tên>/content/ "
                            f"(no {SITES_DIR}/ folder; a single site builds with `python -m generator build`)")
    shared = root / CONFIG_FILE
    found = []
    for site in sorted(p for p in folder.iterdir() if p.is_dir() and (p / CONTENT).is_dir()):
        own = site / CONFIG_FILE
        found.append(SiteSource(site.name, site, own if own.is_file() else shared))
    if not found:
        raise SettingsError(f"{folder} chưa có trang nào (thêm {SITES_DIR}/<tên>/content/cai-dat.yml) (no site found)")
    return found


def select(sites: list[SiteSource], only: list[str] | None) -> list[SiteSource]:
    """The sites ``--only`` names (all when it names none); an unknown id is an error naming the known ones."""
    if not only:
        return sites
    known = {site.id: site for site in sites}
    if unknown := [name for name in only if name not in known]:
        raise SettingsError(f"không có trang {', '.join(unknown)} trong {SITES_DIR}/; các trang có: {', '.join(known)} "
                            f"(unknown site id)")
    return [known[name] for name in dict.fromkeys(only)]


def root_url(given: str | None) -> str:
    """The deploy's root address, absolute with one trailing slash: every site's address is built on it."""
    if not given:
        raise SettingsError("build-all cần địa chỉ gốc của nơi đăng: đặt --site-url https://ten-mien/duong-dan/ hoặc biến "
                            "SITE_URL; mỗi trang nằm ở địa chỉ đó cộng <tên>/ (the deploy's root address is required)")
    if urlsplit(given).scheme not in ("http", "https") or not urlsplit(given).hostname:
        raise SettingsError(f"địa chỉ gốc “{given}” phải bắt đầu bằng https:// (or http://), ví dụ https://tinh.gov.vn/nghi-quyet/")
    return given.rstrip("/") + "/"


def site_url(root: str, site_id: str) -> str:
    """``https://tinh.gov.vn/nghi-quyet/`` + ``xa-a`` → ``https://tinh.gov.vn/nghi-quyet/xa-a/``."""
    return f"{root}{site_id}/"


def shard(sites: list[SiteSource], spec: str | None) -> list[SiteSource]:
    """``--shard K/N``: the sites whose place in id order is K modulo N (K from 1): CI's matrix builds each part on its
    own machine, and a site always falls in the same shard while the list does not change."""
    if not spec:
        return sites
    try:
        number, total = (int(part) for part in spec.split("/"))
    except ValueError:
        number, total = 0, 0
    if not 1 <= number <= total:
        raise SettingsError(f"--shard “{spec}” không hợp lệ; viết K/N với 1 ≤ K ≤ N, ví dụ 2/4 (phần thứ 2 trong 4 phần)")
    return [site for index, site in enumerate(sites) if index % total == number - 1]
