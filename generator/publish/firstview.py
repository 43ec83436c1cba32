"""What a built page makes the browser fetch on first view, read from its HTML and CSS.

The service worker pre-caches exactly this for the core pages, and the page-weight
budget (``tests/test_budget.py``, ``bench/``) adds it up, so both follow whatever
any template or stylesheet adds without naming files.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# <link rel=…> values that make the browser fetch the target when the page opens.
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


PHONE_PIXELS = 720
"""The reader's screen for first-view weight: a 360 CSS px phone at device pixel ratio 2."""

PHONE_IMAGE_TYPES = {"", "image/webp", "image/jpeg", "image/png"}
"""``<source type>`` every phone browser we serve decodes: the first such source is the one fetched."""


def pick_candidate(srcset: str, pixels: int = PHONE_PIXELS) -> str | None:
    """The ``srcset`` candidate a browser fetches for ``pixels`` device pixels of width: the
    narrowest ``w`` candidate at least that wide (else the widest); ``x`` or bare candidates: the first."""
    candidates = []
    for candidate in srcset.split(","):
        parts = candidate.split()
        if parts:
            descriptor = parts[1] if len(parts) > 1 else ""
            width = int(descriptor[:-1]) if descriptor.endswith("w") and descriptor[:-1].isdigit() else None
            candidates.append((parts[0], width))
    if not candidates:
        return None
    sized = sorted((width, url) for url, width in candidates if width is not None)
    if not sized:
        return candidates[0][0]
    return next((url for width, url in sized if width >= pixels), sized[-1][1])


class _References(HTMLParser):
    """Collects the URLs a page fetches while it loads (not links the reader may follow)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.blocking: list[str] = []
        self._in_head = False
        self._picture = False
        self._picked = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
        if tag == "link":
            rels = set(attr.get("rel", "").lower().split())
            if rels & FETCHED_LINKS and attr.get("href"):
                kind = "stylesheet" if "stylesheet" in rels else "link"
                self.urls.append((kind, attr["href"]))
                media = attr.get("media", "all").lower()
                if self._in_head and kind == "stylesheet" and media in {"", "all", "screen"}:
                    self.blocking.append(attr["href"])
        elif tag == "script" and attr.get("src"):
            self.urls.append(("script", attr["src"]))
            if self._in_head and "async" not in attr and "defer" not in attr and attr.get("type") != "module":
                self.blocking.append(attr["src"])
        elif tag == "iframe" and attr.get("src"):
            self.urls.append(("frame", attr["src"]))
        elif tag == "picture":
            self._picture, self._picked = True, False
        elif tag in {"img", "source"} and (attr.get("srcset") or tag == "img"):
            if self._picture and self._picked:
                return  # an earlier <source> of this <picture> already gave the browser its file
            if tag == "source" and attr.get("type", "") not in PHONE_IMAGE_TYPES:
                return
            url = pick_candidate(attr.get("srcset", "")) or attr.get("src", "")
            if url:
                self.urls.append(("image", url))
                self._picked = True
        elif tag in {"video", "audio", "embed"}:
            for name in ("src", "poster"):
                if attr.get(name):
                    self.urls.append(("image", attr[name]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag == "picture":
            self._picture = False


def is_local(url: str) -> bool:
    """A URL on the same site (relative or root-relative), not data: or another host."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("#")


def resolve(url: str, base: str) -> str:
    """``url`` as found in the file at site path ``base`` → a site path like ``assets/x.css``."""
    path = unquote(urlsplit(url).path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(base), path)
    resolved = posixpath.normpath(joined)
    return "" if resolved == "." else resolved


def html_references(html: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(kind, url) of everything the page fetches on load, and the render-blocking URLs."""
    parser = _References()
    parser.feed(html)
    return parser.urls, parser.blocking


def css_references(css: str) -> list[str]:
    """URLs a stylesheet pulls in: fonts, images, imports (data: URIs excluded)."""
    found = [m.group(2) or m.group(4) for m in CSS_URL.finditer(css)]
    return [url.strip() for url in found if not url.strip().startswith("data:")]


def index_file(path: str) -> str:
    """The file a directory URL serves: ``muc-tieu-2030/`` → ``muc-tieu-2030/index.html``."""
    return posixpath.join(path, "index.html") if not path or path.endswith("/") or "." not in posixpath.basename(path) else path


def first_view(site: Path, page: str) -> FirstView:
    """Every file the built page ``page`` (site path of an .html file) loads when it opens."""
    html = (site / page).read_text(encoding="utf-8")
    refs, blocking = html_references(html)
    view = FirstView(page=page, files=[page], blocking=[resolve(u, page) if is_local(u) else u for u in blocking])
    queue = [(kind, url, page) for kind, url in refs]
    while queue:
        kind, url, base = queue.pop(0)
        if not is_local(url):
            view.external.append(url)
            continue
        path = resolve(url, base)
        if kind == "frame":
            path = index_file(path)
        if path in view.files:
            continue
        view.files.append(path)
        if kind == "frame" and (site / path).is_file():  # a framed page loads its own files too
            queue.extend((k, u, path) for k, u in html_references((site / path).read_text(encoding="utf-8"))[0])
        if kind == "stylesheet" or path.endswith(".css"):
            target = site / path
            if target.is_file():
                css = target.read_text(encoding="utf-8")
                queue.extend(("stylesheet" if ref.endswith(".css") else "asset", ref, path) for ref in css_references(css))
    return view


@dataclass
class FirstView:
    """A page's first-view requests: local site paths (the page first), other hosts, blocking ones."""

    page: str
    files: list[str]
    blocking: list[str]
    external: list[str] = field(default_factory=list)
