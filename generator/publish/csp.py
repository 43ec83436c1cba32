"""The site's Content-Security-Policy, written once, as data.

Everything the site loads comes from itself: no inline script (``scripts.py``
moves Material's into files), no ``style=""`` attribute or ``<style>`` element,
no other host. The search page alone also allows ``'wasm-unsafe-eval'``:
Pagefind compiles its WebAssembly there.

Two ways to apply it, the same policy both times:

- as an HTTP header, from a host that can send one (``header_value(path)``);
- as ``<meta http-equiv="Content-Security-Policy">``, first in every page's
  ``<head>`` (``add_csp_meta``), so the policy holds even on a host that sends
  no header (GitHub Pages). Browsers ignore ``frame-ancestors`` (and
  ``report-uri``, ``sandbox``) in a meta policy, so the meta version leaves them out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

SELF = "'self'"

POLICY: dict[str, tuple[str, ...]] = {
    "default-src": (SELF,),
    "script-src": (SELF,),
    "style-src": (SELF,),
    "img-src": (SELF, "data:"),
    "font-src": (SELF,),
    "connect-src": (SELF,),
    "worker-src": (SELF,),
    "manifest-src": (SELF,),
    "object-src": ("'none'",),
    "base-uri": (SELF,),
    "form-action": (SELF,),
    "frame-ancestors": (SELF,),
}
"""Every page's policy."""

SEARCH_EXTRA: dict[str, tuple[str, ...]] = {"script-src": ("'wasm-unsafe-eval'",)}
"""Added on the search page: Pagefind instantiates WebAssembly."""

SEARCH_PAGE = "tim-kiem/index.html"

ADMIN_PREFIX = "bien-tap/quan-tri/"
"""The browser editor (Decap CMS, ``registry.ADMIN``): editors only, never linked for readers."""

ADMIN_EXTRA: dict[str, tuple[str, ...]] = {
    # Decap validates config.yml with ajv, which compiles the schema with new Function(): refused without it
    # ("Error loading the CMS configuration … EvalError"). Only this page, which shows no content from readers.
    "script-src": ("'unsafe-eval'",),
    # Decap styles its interface with emotion (CSS-in-JS), which inserts <style> elements at run time.
    "style-src": ("'unsafe-inline'",),
    # Previews of a photo just chosen (blob:) and GitHub avatars of the logged-in editor.
    "img-src": ("blob:", "https://avatars.githubusercontent.com"),
    # The github backend talks to GitHub's REST and GraphQL API from the browser; a photo just uploaded is read
    # back from its blob: URL with fetch() before it is saved (measured: refused, and saving the post failed).
    "connect-src": ("blob:", "https://api.github.com"),
}
"""Added under ``bien-tap/quan-tri/`` only, each for a violation measured in Chromium (tests/browser/test_cms.py)."""

SEARCH_BUNDLE = "pagefind/"
"""Pagefind's files. A dedicated worker is governed by the policy sent with its own script,
not the page's, and ``pagefind/pagefind-worker.js`` compiles the WebAssembly: a host that
sends the header must send the search variant for this folder too (only one policy per
response: two headers would both be enforced, and the stricter blocks WebAssembly)."""

WIDGET_PREFIX = "nhung/"
"""Widgets made for an iframe on the organisation's portal (``registry.WIDGETS``): their ``frame-ancestors``
add the portal origins of ``embed_origins`` in mkdocs.yml; every other page may be framed only by the site itself."""

SVG_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "style-src": ("'unsafe-inline'",),
    "sandbox": (),
}
"""Sent with any ``.svg`` file a host serves: opened on its own, an SVG is a document that could run
script; this policy lets it draw (its own inline styles) and nothing else."""

META_IGNORED = frozenset({"frame-ancestors", "report-uri", "sandbox"})
"""Directives a <meta> policy may not carry (CSP Level 3, §3.3)."""


def policy(search: bool = False, admin: bool = False) -> dict[str, tuple[str, ...]]:
    """The directives of a page: the search page's adds ``SEARCH_EXTRA``, the editor's ``ADMIN_EXTRA``."""
    directives = dict(POLICY)
    for extra in (SEARCH_EXTRA if search else {}, ADMIN_EXTRA if admin else {}):
        for name, sources in extra.items():
            directives[name] = directives.get(name, ()) + tuple(s for s in sources if s not in directives.get(name, ()))
    return directives


def format_policy(directives: Mapping[str, Sequence[str]], *, meta: bool = False) -> str:
    """``{"default-src": ("'self'",)}`` → ``"default-src 'self'"``; ``meta`` drops what a meta tag ignores."""
    return "; ".join(
        " ".join([name, *sources]) for name, sources in directives.items() if not (meta and name in META_IGNORED)
    )


def header_value(path: str = "", *, search_page: str = SEARCH_PAGE, meta: bool = False,
                 embed_origins: Sequence[str] = ()) -> str:
    """The policy for the file at URL or site path ``path`` (``tim-kiem/``, ``/tim-kiem/index.html`` …),
    relative to the site's root: the search variant for the search page and Pagefind's files; under
    ``nhung/``, ``frame-ancestors`` also names ``embed_origins`` (the portals allowed to embed widgets)."""
    def page(value: str) -> str:
        value = value.split("?")[0].split("#")[0].lstrip("/")
        return value + "index.html" if value == "" or value.endswith("/") else value

    search = page(path) == page(search_page) or page(path).startswith(SEARCH_BUNDLE)
    directives = policy(search=search, admin=page(path).startswith(ADMIN_PREFIX))
    if page(path).startswith(WIDGET_PREFIX):
        directives["frame-ancestors"] = (SELF, *(o for o in embed_origins if o != SELF))
    return format_policy(directives, meta=meta)


def svg_header_value() -> str:
    """The policy sent with ``.svg`` files (``SVG_POLICY``)."""
    return format_policy(SVG_POLICY).replace("sandbox ", "sandbox").strip()


_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_HTML = re.compile(r"<html\b[^>]*>", re.I)
_DOCTYPE = re.compile(r"\A(?:\ufeff)?\s*<!doctype\b[^>]*>", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<!-->|<!--->", re.S)
_META = re.compile(r"""\s*<meta http-equiv=["']?Content-Security-Policy["']?[^>]*>""", re.I)


def _outside_comments(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` that is not inside an HTML comment (comments blanked, offsets kept)."""
    return pattern.search(_COMMENT.sub(lambda m: " " * len(m[0]), text))


def add_csp_meta(site_dir: Path, search_page: str = SEARCH_PAGE) -> None:
    """Put the policy as ``<meta http-equiv>`` first in the <head> of every HTML file under ``site_dir``.

    A page that has one already gets it replaced, so running twice changes nothing. A page
    without ``<head>`` gets one, after ``<html>`` or the doctype (where a parser opens it):
    the final check (``verify.py``) then reads the page as a browser does and fails the build
    if the policy is not the first element of the head.
    """
    for page in sorted(site_dir.rglob("*.htm*")):
        if page.suffix.lower() not in (".html", ".htm"):
            continue
        text = page.read_text(encoding="utf-8")
        site_path = page.relative_to(site_dir).as_posix()
        value = header_value(site_path, search_page=search_page, meta=True)
        content = html.escape(value, quote=False).replace('"', "&quot;")
        tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
        head = _outside_comments(_HEAD, text)
        if head is None:
            opening = _outside_comments(_HTML, text) or _DOCTYPE.match(text)
            at = opening.end() if opening else 0
            page.write_text(f"{text[:at]}<head>{tag}</head>{text[at:]}", encoding="utf-8")
            continue
        rest = text[head.end():]
        if existing := _META.match(rest):  # from an earlier run: replaced, not repeated
            rest = rest[existing.end():]
        updated = text[: head.end()] + "\n    " + tag + rest
        if updated != text:
            page.write_text(updated, encoding="utf-8")
