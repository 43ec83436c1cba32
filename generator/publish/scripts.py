"""No inline script: every *known* executable inline <script> of a built site becomes a file.

Known means: its text, byte for byte, is an inline script of the theme's templates as installed
(``known_scripts()`` reads Material's, and Zensical's when it is there, at build time: nothing
is listed by hand), where a script that prints the page's address may hold a relative path there.
Any other inline script stops publishing (``UnknownScriptError``) naming the page: moved into a
same-origin file, a script that a pull request slipped into a page (an ``.html`` file under
``docs/``, a template) would be allowed by ``script-src 'self'``.

The site's Content-Security-Policy (``csp.py``) says ``script-src 'self'``, which
blocks inline scripts. This step runs on any built folder (MkDocs or not): each
executable inline script is written once to ``assets/javascripts/inline.<hash>.js``
(the first 12 hex digits of the SHA-256 of its text, so every page with the same
script shares one cached file) and its tag becomes
``<script src="…"></script>`` at the same place, with the same attributes.

Behaviour is unchanged: a synchronous external script blocks the parser at the same
point, so scripts still run in document order and see the same DOM above them;
``location`` and ``document`` are the page's wherever the code lives. Two
attributes change meaning when a classic script gets a ``src``: ``async`` and
``defer`` (ignored on inline classic scripts) would start to apply, so they are
dropped. Modules (``type="module"``) are deferred inline and external alike.
Code that reads ``document.currentScript.textContent`` or a script's position in
``document.scripts`` would differ; none of Material's inline scripts does.

Data blocks (``type="application/json"``, ``application/ld+json``, templates) are
not scripts and stay. A second run finds nothing left to move. The script files are
always written, over any file of that name already in the folder (one a pull request
placed under ``docs/assets/javascripts/`` in advance is replaced, never served).
"""

from __future__ import annotations

import hashlib
import importlib.util
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..theme import OVERRIDES

SCRIPT_DIR = "assets/javascripts"
PREFIX = "inline."

# Comments first, so a <script> inside an HTML comment is left alone.
_TOKENS = re.compile(r"<!--.*?-->|<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_JS_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
    "application/x-javascript", "application/x-ecmascript", "text/x-javascript", "text/x-ecmascript",
    "text/jscript", "text/livescript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
}
# The scripts and stylesheets a page loads tell how it addresses the site: relative URLs,
# or (the 404 page, served at any depth) URLs from the site's root, maybe under a sub-path.
_LOCAL_REFS = re.compile(r"""<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"'?#]*)""", re.I)


THEME_PACKAGES = ("material", "zensical")
"""Packages whose ``templates/`` folder holds the theme the site is built with (Zensical: another builder)."""


class UnknownScriptError(ValueError):
    """A page holds an inline script that is not one of the theme's; the message names each page."""


def digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


_VALUE = re.compile(r"\{\{(?P<expr>.*?)\}\}", re.S)
_ADDRESS_VALUE = r"[A-Za-z0-9._~/-]*"
"""What a page address printed inside a theme script may be: a relative path (no scheme, no quote, no escape)."""


@dataclass(frozen=True)
class KnownScripts:
    """The theme's inline scripts: digests of the fixed ones, patterns of those that print the page's address."""

    digests: frozenset[str]
    patterns: tuple[re.Pattern[str], ...] = ()

    def __contains__(self, body: object) -> bool:
        return isinstance(body, str) and (digest(body) in self.digests or any(p.fullmatch(body) for p in self.patterns))


def template_scripts(text: str) -> tuple[set[str], set[str]]:
    """The inline scripts of one theme template: (fixed scripts, regular expressions of scripts with an address).

    A script whose only Jinja values are ``base_url`` expressions (Zensical's and Material's ``__md_scope``,
    ``outdated.html``) becomes a pattern in which each value may only be a relative path; any other Jinja
    inside (``redirect.html``'s ``page.meta.location``, a ``{% … %}`` block) leaves the script unknown.
    """
    fixed, patterns = set(), set()
    for match in _TOKENS.finditer(text):
        body = match.group("body")
        if match.group("attrs") is None or not _executable(_attributes(match.group("attrs"))) or not body.strip():
            continue
        if "{%" in body or "{#" in body:
            continue
        values = list(_VALUE.finditer(body))
        if not values:
            fixed.add(body)
        elif all("base_url" in value["expr"] for value in values):
            pieces, last = [], 0
            for value in values:
                pieces += [re.escape(body[last:value.start()]), _ADDRESS_VALUE]
                last = value.end()
            patterns.add("".join(pieces) + re.escape(body[last:]))
    return fixed, patterns


def theme_folders() -> list[Path]:
    """The trusted template folders: the installed theme packages' (``THEME_PACKAGES``) and this package's
    overrides (``generator/theme/overrides``). Not a site's own ``overrides/``: a file of its repository, so
    an inline script there is refused as one in a page would be (move it into a file listed in ``docs_allow``)."""
    folders = []
    for package in THEME_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            folders += [Path(folder) for folder in spec.submodule_search_locations]
    return [*folders, OVERRIDES]


@cache
def known_scripts() -> KnownScripts:
    """Every inline script of the trusted theme templates (``theme_folders``), read at build time."""
    digests: set[str] = set()
    patterns: set[str] = set()
    for folder in theme_folders():
        for template in sorted(folder.rglob("*.html")):
            fixed, found = template_scripts(template.read_text(encoding="utf-8"))
            digests |= {digest(body) for body in fixed}
            patterns |= found
    return KnownScripts(frozenset(digests), tuple(re.compile(p, re.S) for p in sorted(patterns)))


def _attributes(text: str) -> list[tuple[str, str | None]]:
    return [(m.group(1), next((g for g in m.groups()[1:] if g is not None), None)) for m in _ATTR.finditer(text)]


def _executable(attrs: list[tuple[str, str | None]]) -> bool:
    names = {name.lower(): value for name, value in attrs}
    if "src" in names:
        return False
    kind = names.get("type")
    if kind is None:
        language = (names.get("language") or "").strip()
        kind = "text/" + language if language else ""
    return kind.strip().lower() in _JS_TYPES


def _root(site_dir: Path, html: str) -> str | None:
    """The site root as the page writes absolute URLs ("/" or "/sub/path/"), or None: relative URLs.

    Relative unless every local script and stylesheet of the page is root-absolute, so pages
    opened from a folder (file://) keep working.
    """
    urls = [url for url in _LOCAL_REFS.findall(html) if url and ":" not in url.split("/")[0] and not url.startswith("//")]
    if not urls or any(not url.startswith("/") for url in urls):
        return None
    for url in urls:
        parts = url.lstrip("/").split("/")
        for start in range(len(parts)):
            if (site_dir / "/".join(parts[start:])).is_file():
                return "/" + "".join(part + "/" for part in parts[:start])
    return None


def _inline_scripts(html: str) -> list[str]:
    """The non-empty executable inline scripts of a page, as the step below finds them."""
    return [match.group("body") for match in _TOKENS.finditer(html)
            if match.group("attrs") is not None and _executable(_attributes(match.group("attrs")))
            and match.group("body").strip()]


def _tag(attrs: list[tuple[str, str | None]], src: str) -> str:
    module = any(n.lower() == "type" and (v or "").strip().lower() == "module" for n, v in attrs)
    kept = [(n, v) for n, v in attrs if n.lower() not in {"src", "integrity"} | (set() if module else {"async", "defer"})]
    rendered = "".join(f" {n}" if v is None else f' {n}="{v.replace(chr(34), "&quot;")}"' for n, v in kept)
    return f'<script src="{src}"{rendered}></script>'


def externalise_inline_scripts(site_dir: Path, known: KnownScripts | Collection[str] | None = None) -> list[str]:
    """Move every known executable inline script of every HTML file under ``site_dir`` into a file.

    ``known``: the scripts that may move, or their SHA-256 digests (default: ``known_scripts()``).
    Returns the site paths of the script files the pages now load in their place
    (each once, sorted); empty when there was nothing inline. Raises ``UnknownScriptError``,
    before any file is changed, when a page holds an inline script that is not known.
    """
    if not isinstance(known, KnownScripts):
        known = known_scripts() if known is None else KnownScripts(frozenset(known))
    unknown = [
        f"  - {page.relative_to(site_dir).as_posix()}: “{' '.join(body.split())[:60]}”"
        for page in sorted(site_dir.rglob("*.htm*")) if page.suffix.lower() in (".html", ".htm")
        for body in _inline_scripts(page.read_text(encoding="utf-8", errors="replace")) if body not in known
    ]
    if unknown:
        raise UnknownScriptError(
            "LỖI: trang có mã JavaScript viết thẳng trong trang, không phải mã của giao diện (theme); "
            "chuyển mã vào một tệp .js do người quản trị duyệt hoặc xóa đi:\n" + "\n".join(unknown)
            + "\n(en) inline scripts that are not the theme's: refused")
    written: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        site_path = page.relative_to(site_dir).as_posix()
        root: str | None = None
        root_known = False
        pieces: list[str] = []
        last = 0
        for match in _TOKENS.finditer(html):
            if match.group("attrs") is None:
                continue  # a comment
            attrs = _attributes(match.group("attrs"))
            if not _executable(attrs):
                continue
            body = match.group("body")
            pieces.append(html[last:match.start()])
            last = match.end()
            if not body.strip():
                continue  # an empty script does nothing
            name = f"{SCRIPT_DIR}/{PREFIX}{hashlib.sha256(body.encode('utf-8')).hexdigest()[:12]}.js"
            if name not in written:  # always written: a file placed there in advance is replaced
                target = site_dir / name
                if target.is_symlink() or target.is_dir():
                    raise UnknownScriptError(f"LỖI: {name} đã có trong thư mục trang và không phải tệp; xóa khỏi docs/\n"
                                             f"(en) {name} exists and is not a regular file")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
            written.add(name)
            if not root_known:
                root, root_known = _root(site_dir, html), True
            src = root + name if root else posixpath.relpath(name, posixpath.dirname(site_path) or ".")
            pieces.append(_tag(attrs, src))
        if pieces:
            page.write_text("".join(pieces) + html[last:], encoding="utf-8")
    return sorted(written)
