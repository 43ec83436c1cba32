"""What belongs to the whole deploy: the landing page, the province roll-up, the sitemap index, hosting, dist.

The landing page (``deploy/index.html``) lists every organisation: name, level, resolution (the site's title,
which names it), last update, and marks a site whose last build failed. It is static HTML that reads without
JavaScript; the accent-free filter is the sites' own ``org-filter.js`` (package theme), an external file under
the same Content-Security-Policy, put first in each page's head by ``publish.csp`` and checked by the publish
gate (``publish.verify``) before any file reaches the deploy folder.

The roll-up (``deploy/tong-hop/``) sums what each site already computed and published in its own
``ket-qua-thuc-hien.json`` (``views.implementation``): content is never loaded again here, so a roll-up figure
is always the sum of figures a reader can see on the communes' own pages.

Every link on both pages is relative, so the deploy folder works at any address; absolute addresses appear only
in the sitemaps, which need them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .. import hosting, theme
from ..content import Content
from ..dist import make_dist
from ..publish import csp
from ..publish.verify import report, verify_site
from ..registry import ADMIN, IMPLEMENTATION, page_url
from ..render.encoding import csv_cell
from ..text import fold, vn_date, vn_number
from ..views.compilation import percent
from ..views.implementation import JSON_PATH
from .sites import SETTINGS, SiteSource

TEMPLATES = Path(__file__).parent / "templates"
ROLLUP = "tong-hop"
PLAN_FILE = next(f.metadata["file"] for f in fields(Content) if f.name == "plan")
"""The plan's file in a content folder (the loader's name for it), read as plain YAML: a site that failed to build
is still listed with what can be read."""
FAVICON = "assets/favicon.png"
STAGING = ".trang-chu.build-"
SERVER_ROOT = "/var/www/html"
"""The server folder the deploy is copied to in the hosting files (``--site-dir`` of the single site's command)."""
FIGURES = ("organisations", "sessions", "members_attending", "members_total", "citizens", "plans", "reports")


class LandingError(RuntimeError):
    """The landing pages failed the publish gate; nothing was written into the deploy folder."""


@dataclass
class Totals:
    """Sums of the figures of ``ket-qua-thuc-hien.json`` (``FIGURES``)."""

    values: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIGURES, 0))

    def add(self, figures: Mapping[str, Any]) -> None:
        for name in FIGURES:
            value = figures.get(name)
            self.values[name] += int(value) if isinstance(value, int) and not isinstance(value, bool) else 0

    @property
    def percent(self) -> str | None:
        share = percent(self.values["members_attending"], self.values["members_total"])
        return vn_number(share, 2) if share is not None else None


@dataclass
class SiteEntry:
    id: str
    name: str
    organisation: str
    level: str
    resolution: str
    updated: str | None
    status: str
    """``built``, ``failed`` (the folder, if any, is the last good build) or ``missing`` (never built)."""
    has_folder: bool
    progress: dict[str, Any] | None = None
    totals: Totals | None = None


def _settings(site: SiteSource, name: str = SETTINGS) -> dict[str, Any]:
    """A content file of the site as plain data (a broken file gives nothing: the site shows by its id)."""
    try:
        data = yaml.safe_load((site.content / name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("number") or ""
    return str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""


def resolution(site: SiteSource) -> str:
    """``Nghị quyết <số>-NQ/TW``: kind and number of the resolution the plan implements (``resolution`` in the plan's
    file, ``PLAN_FILE``); empty when the file cannot be read."""
    ref = _settings(site, PLAN_FILE).get("resolution")
    if not isinstance(ref, dict):
        return ""
    return " ".join(part for part in (_text(ref.get("kind")), _text(ref.get("number"))) if part)


def last_change(root: Path, site: SiteSource) -> str | None:
    """The day of the last commit that touched ``sites/<id>/`` (ISO), None outside git."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        result = subprocess.run([git, "log", "-1", "--format=%cs", "--", str(site.folder.resolve())], cwd=root,
                                capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None if result.returncode == 0 else None


def _progress(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / JSON_PATH).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("totals"), dict) else None


def entries(root: Path, out: Path, sites: list[SiteSource], manifest: Mapping[str, Any]) -> list[SiteEntry]:
    found = []
    for site in sites:
        settings = _settings(site)
        state = manifest.get(site.id) if isinstance(manifest.get(site.id), dict) else {}
        folder = out / site.id
        has_folder = (folder / "index.html").is_file()
        status = "failed" if state.get("status") == "failed" else ("built" if has_folder else "missing")
        updated = last_change(root, site) or (str(state.get("built", ""))[:10] or None)
        entry = SiteEntry(site.id, _text(settings.get("site_name")) or site.id,
                          _text(settings.get("organisation")) or site.id, _text(settings.get("level")),
                          resolution(site) or _text(settings.get("site_name")), updated, status,
                          has_folder)
        if has_folder and (progress := _progress(folder)) is not None:
            entry.progress = progress
            entry.totals = Totals()
            entry.totals.add(progress["totals"])
        found.append(entry)
    return sorted(found, key=lambda e: (fold(e.organisation), e.id))


def rollup(found: list[SiteEntry]) -> dict[str, Any]:
    """Province sums: all sites, and per kind of grassroots organisation (``by_kind`` of each site's JSON)."""
    total, kinds = Totals(), {}
    for entry in found:
        if entry.totals is None or entry.progress is None:
            continue
        total.add(entry.progress["totals"])
        for group in entry.progress.get("by_kind", []):
            if isinstance(group, dict) and isinstance(group.get("kind"), str):
                kinds.setdefault(group["kind"], Totals()).add(group)
    return {"total": total, "kinds": kinds}


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(vn_number=vn_number, vn_date=lambda iso: vn_date(date.fromisoformat(iso)) if iso else "")
    return env


def _rollup_json(found: list[SiteEntry], sums: dict[str, Any], today: str) -> str:
    data = {
        "date": today,
        "totals": sums["total"].values,
        "by_kind": [{"kind": kind, **totals.values} for kind, totals in sums["kinds"].items()],
        "sites": [{"id": e.id, "organisation": e.organisation, "status": e.status,
                   "date": e.progress.get("date") if e.progress else None,
                   "totals": e.totals.values if e.totals else None} for e in found],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _rollup_csv(found: list[SiteEntry]) -> str:
    """One row per site, headers in the board's words; cells through ``csv_cell`` (no formula, no hidden character)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Mã trang", "Tổ chức", "Số tổ chức cơ sở", "Số hội nghị, lớp", "Đảng viên tham gia",
                     "Tổng số đảng viên", "Lượt quần chúng", "Đã ban hành kế hoạch", "Đã gửi báo cáo"])
    for e in found:
        if e.totals is not None:
            writer.writerow([csv_cell(cell) for cell in [e.id, e.organisation, *(e.totals.values[n] for n in FIGURES)]])
    return "\ufeff" + buffer.getvalue()


def _sitemaps(base: str, found: list[SiteEntry], today: str) -> dict[str, str]:
    base = xml_escape(base)
    pages = "".join(f"<url><loc>{base}{path}</loc><lastmod>{today}</lastmod></url>" for path in ("", f"{ROLLUP}/"))
    maps = [f"{base}sitemap-trang-chu.xml"] + [f"{base}{e.id}/sitemap.xml" for e in found if e.has_folder]
    index = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in maps)
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    return {"sitemap-trang-chu.xml": f"{head}<urlset {namespace}>{pages}</urlset>\n",
            "sitemap.xml": f"{head}<sitemapindex {namespace}>{index}</sitemapindex>\n"}


def render_files(base: str, found: list[SiteEntry], today: str) -> dict[str, str]:
    """Every file of the landing part of the deploy, path → text (before the CSP is added)."""
    env = _environment()
    sums = rollup(found)
    context = {"sites": found, "sums": sums, "today": today, "rollup": ROLLUP,
               "progress_page": page_url(IMPLEMENTATION), "admin_page": page_url(ADMIN),
               "failed": [e for e in found if e.status == "failed"]}
    files = {"index.html": env.get_template("trang-chu.html.j2").render(**context, prefix=""),
             f"{ROLLUP}/index.html": env.get_template("tong-hop.html.j2").render(**context, prefix="../"),
             "404.html": env.get_template("404.html.j2").render(**context, prefix=urlsplit(base).path or "/"),
             f"{ROLLUP}.json": _rollup_json(found, sums, today), f"{ROLLUP}.csv": _rollup_csv(found),
             "assets/trang-chu.css": (TEMPLATES / "trang-chu.css").read_text(encoding="utf-8"),
             "assets/org-filter.js": (theme.DOCS / "assets" / "org-filter.js").read_text(encoding="utf-8")}
    files.update(_sitemaps(base, found, today))
    return files


def _favicon() -> bytes:
    """The sites' own icon (MkDocs Material's, which the sites show), so a browser does not ask the host's root."""
    import material

    return (Path(material.__file__).parent / "templates" / "assets" / "images" / "favicon.png").read_bytes()


def write_deploy(root: Path, out: Path, base: str, sites: list[SiteSource], manifest: Mapping[str, Any], *,
                 today: str) -> list[SiteEntry]:
    """Render into a staging folder, add the CSP, pass the publish gate, then move each file into ``out``."""
    found = entries(root, out, sites, manifest)
    staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=out))
    try:
        for name, text in render_files(base, found, today).items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(text, encoding="utf-8")
        (staging / FAVICON).write_bytes(_favicon())
        csp.add_csp_meta(staging)
        if findings := verify_site(staging):
            raise LandingError(report(findings))
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = out / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.chmod(0o644)
            os.replace(path, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return found


def combined_hosting(base: str, sites: list[SiteSource], root_dir: str = SERVER_ROOT) -> dict[str, str]:
    """One nginx and one Apache file for the landing page and every site (each site's own rules at its path,
    from ``generator.hosting``); IIS reads a ``web.config`` per folder, so each site's goes to ``<id>/web.config``."""
    path = urlsplit(base).path or "/"
    root_dir = root_dir.rstrip("/") + path.rstrip("/")
    landing = hosting.render(hosting.rules(path, root_dir + "/"))
    files = {name: landing[name] for name in ("nginx.conf", "apache.conf")}
    files["web.config"] = landing["web.config"]
    for site in sites:
        rendered = hosting.render(hosting.rules(f"{path}{site.id}/", f"{root_dir}/{site.id}/"))
        for name in ("nginx.conf", "apache.conf"):
            files[name] += f"\n# ---- {site.id} ----\n" + rendered[name]
        # The root's headers are inherited by IIS: the site's file clears them before adding its own (one policy).
        files[f"{site.id}/web.config"] = rendered["web.config"].replace('<remove name="X-Powered-By" />', "<clear />", 1)
    return files


def write_hosting(out: Path, base: str, sites: list[SiteSource], *, root_dir: str = SERVER_ROOT) -> list[Path]:
    written = []
    for name, text in combined_hosting(base, sites, root_dir).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written


def write_dist(deploy: Path, hosting_dir: Path, out: Path, today: str) -> Path:
    """One reproducible zip of the whole deploy (its logs and manifest left out) and the combined hosting files."""
    configs = {p.relative_to(hosting_dir).as_posix(): p.read_text(encoding="utf-8")
               for p in sorted(hosting_dir.rglob("*")) if p.is_file()}
    with tempfile.TemporaryDirectory(prefix=".dist-", dir=deploy.parent) as folder:
        copy = Path(folder) / "site"
        shutil.copytree(deploy, copy, ignore=shutil.ignore_patterns(".*"))
        archive, _ = make_dist(copy, out, date.fromisoformat(today), configs)
    return archive
