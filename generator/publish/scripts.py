"""No inline script: every executable inline <script> of a built site becomes a file.

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
not scripts and stay. A second run finds nothing left to move.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

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


def _tag(attrs: list[tuple[str, str | None]], src: str) -> str:
    module = any(n.lower() == "type" and (v or "").strip().lower() == "module" for n, v in attrs)
    kept = [(n, v) for n, v in attrs if n.lower() not in {"src", "integrity"} | (set() if module else {"async", "defer"})]
    rendered = "".join(f" {n}" if v is None else f' {n}="{v.replace(chr(34), "&quot;")}"' for n, v in kept)
    return f'<script src="{src}"{rendered}></script>'


def externalise_inline_scripts(site_dir: Path) -> list[str]:
    """Move every executable inline script of every HTML file under ``site_dir`` into a file.

    Returns the site paths of the script files the pages now load in their place
    (each once, sorted); empty when there was nothing inline.
    """
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
            target = site_dir / name
            if not target.is_file():
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
