"""Stage 6: the web server's half of the site, generated: nginx, Apache and IIS configurations.

A portal admin hosts the built folder on nginx, Apache or IIS. What the server must send
is decided here once, as data (``HostingRules``), and three templates write it in each
server's language, so the Content-Security-Policy is never copied by hand: its values come
from ``publish.csp.header_value`` for each zone of the site (every page; the search page and
Pagefind's files; the widgets under ``nhung/`` that the portal origins of ``embed_origins`` in
``mkdocs.yml`` may frame). Every response carries exactly one policy.

``python -m generator hosting --out DIR`` writes ``nginx.conf``, ``apache.conf`` and
``web.config``; ``make dist`` puts them beside the site in the zip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..publish import csp

TEMPLATES = Path(__file__).parent / "templates"
FILES = ("nginx.conf", "apache.conf", "web.config")

LONG_CACHE = "public, max-age=31536000, immutable"
"""Fingerprinted files: a new build gives them a new name, so a browser keeps them a year."""
REVALIDATE = "no-cache"
"""Everything else (HTML, sw.js, feeds, the calendar, unfingerprinted scripts): the browser asks each
time and gets a 304 when nothing changed, so a new build is seen at once."""

FINGERPRINTED = r"assets/(stylesheets|javascripts)/[^/]+\.[0-9a-f]{8,}(\.min)?\.(css|js)"
"""Site-relative regular expression: the stylesheet bundle (``site.<hash>.css``), Material's
bundle and the externalised inline scripts (``inline.<hash>.js``)."""
FINGERPRINTED_DIRS = ("assets/stylesheets", "assets/javascripts")
"""Folders that hold only fingerprinted files (a test checks it): IIS caches by folder."""
PAGEFIND_HASHED = r"\.(pf_fragment|pf_index|pf_meta)"
"""Pagefind's index files are named by their content's hash."""

MIME_TYPES: dict[str, str] = {
    "html": "text/html", "css": "text/css", "js": "application/javascript", "json": "application/json",
    "xml": "application/xml", "txt": "text/plain", "ics": "text/calendar", "webmanifest": "application/manifest+json",
    "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
    "gif": "image/gif", "ico": "image/x-icon", "woff2": "font/woff2", "pdf": "application/pdf",
    "wasm": "application/wasm", "pagefind": "application/octet-stream", "pf_fragment": "application/octet-stream",
    "pf_index": "application/octet-stream", "pf_meta": "application/octet-stream", "gz": "application/gzip",
}
"""Every extension the build writes. Text types are sent with ``charset=utf-8`` (``TEXT_TYPES``)."""

TEXT_TYPES = ("text/html", "text/css", "application/javascript", "application/json", "application/xml", "text/plain",
              "text/calendar", "application/manifest+json", "image/svg+xml")
COMPRESSED_TYPES = (*TEXT_TYPES[1:], "application/wasm")
"""Compressed on the fly (text/html always is, on every server). Pagefind's fragments are gzip already."""

SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


@dataclass(frozen=True)
class Zone:
    """A part of the site whose responses get their own policy: ``prefix`` is site-relative (``nhung/``)."""

    name: str
    prefix: str
    csp: str


@dataclass(frozen=True)
class HostingRules:
    """What the server sends, for a site served at ``site_path`` from the folder ``site_dir``."""

    site_path: str
    """``/`` or ``/nghi-quyet/``."""
    site_dir: str
    """Where the built site's files are on the server (ends with ``site_path`` for nginx's ``root``)."""
    csp: str
    zones: list[Zone]
    svg_csp: str
    headers: dict[str, str] = field(default_factory=lambda: dict(SECURITY_HEADERS))
    mime: dict[str, str] = field(default_factory=lambda: dict(MIME_TYPES))
    text_types: tuple[str, ...] = TEXT_TYPES
    compressed: tuple[str, ...] = COMPRESSED_TYPES
    long_cache: str = LONG_CACHE
    revalidate: str = REVALIDATE
    fingerprinted: str = FINGERPRINTED
    fingerprinted_dirs: tuple[str, ...] = FINGERPRINTED_DIRS
    pagefind_hashed: str = PAGEFIND_HASHED

    @property
    def document_root(self) -> str:
        """The folder served as ``/``: ``site_dir`` without the trailing ``site_path`` (nginx ``root``)."""
        site = PurePosixPath(self.site_dir)
        depth = len([p for p in self.site_path.split("/") if p])
        return str(site.parents[depth - 1]) if depth else str(site)

    @property
    def service_worker(self) -> str:
        return "sw.js"


def rules(site_path: str, site_dir: str, embed_origins: list[str] | tuple[str, ...] = ()) -> HostingRules:
    """The rules for one site: each zone's policy comes from ``csp.header_value`` for a path inside it."""
    if not site_dir.rstrip("/").endswith(site_path.rstrip("/")):
        raise ValueError(f"LỖI: thư mục {site_dir} phải kết thúc bằng đường dẫn của trang {site_path} "
                         f"(the site folder must end with the site's path)")
    search_dir = csp.SEARCH_PAGE.removesuffix("index.html")
    zones = [
        Zone("search", search_dir, csp.header_value(search_dir)),
        Zone("pagefind", csp.SEARCH_BUNDLE, csp.header_value(csp.SEARCH_BUNDLE + "pagefind.js")),
        Zone("widgets", csp.WIDGET_PREFIX, csp.header_value(csp.WIDGET_PREFIX, embed_origins=embed_origins)),
        # The browser editor's relaxed policy (csp.ADMIN_EXTRA): a header stricter than its meta would block Decap.
        Zone("editor", csp.ADMIN_PREFIX, csp.header_value(csp.ADMIN_PREFIX)),
    ]
    return HostingRules(site_path, site_dir.rstrip("/") + "/", csp.header_value(""), zones, csp.svg_header_value())


def render(hosting: HostingRules) -> dict[str, str]:
    """File name → text of each configuration."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=lambda name: bool(name) and name.startswith("web.config"),
                      trim_blocks=True, lstrip_blocks=True)
    return {name: env.get_template(f"{name}.j2").render(h=hosting) for name in FILES}


def write(hosting: HostingRules, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render(hosting).items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written
