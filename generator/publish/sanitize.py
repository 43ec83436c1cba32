"""Allowlist sanitiser for the HTML body of a page, as MkDocs renders it from Markdown.

Editors write Markdown, and Markdown lets them write more than text: ``attr_list``
turns ``{ onfocus=… }`` into an attribute, raw HTML passes through, and entity-encoded
``&#106;avascript:`` URLs survive every pattern check on the source. Checking the
source can always be bypassed; checking the *output* cannot. So every page body goes
through this allowlist (Ammonia, via ``nh3``) before the theme wraps it.

The allowlist is what our templates (``generator/templates``) and the Markdown
extensions in ``mkdocs.yml`` produce, and nothing else:

* no ``on*`` attribute, no ``style`` attribute (the site runs under a CSP without
  ``'unsafe-inline'``), no ``script``/``style``/``iframe``/``object``/``embed``/``form``/``input``;
* inline SVG limited to the shapes of the trend chart (``svg title line polyline circle
  text rect``) and their geometry: no ``foreignObject``, no ``use``, no ``href`` inside SVG;
* URLs in ``href``/``src`` only ``http``, ``https``, ``mailto``, ``tel`` or relative;
  Ammonia decodes entities before it looks at the scheme, so ``&#106;avascript:`` and
  ``java&#x09;script:`` are dropped too;
* ``id`` values the theme's own scripts look up (``__config`` …) cannot be taken by content.
"""

from __future__ import annotations

import re

import nh3

_TEXT = {
    "p", "br", "hr", "span", "div", "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark",
    "small", "sub", "sup", "code", "pre", "kbd", "samp", "var", "abbr", "cite", "q", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
}
_STRUCTURE = {"article", "section", "aside", "nav", "figure", "figcaption", "details", "summary", "time", "noscript"}
_TABLES = {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"}
_MEDIA = {"img", "picture", "source"}
"""``picture``/``source``: the post template's responsive photo (``generator/render/photos.py``)."""
_SVG = {"svg", "title", "line", "polyline", "circle", "text", "rect"}

TAGS = frozenset(_TEXT | _STRUCTURE | _TABLES | _MEDIA | _SVG)
"""Elements kept. Anything else loses its tags but keeps its text, except ``script`` and ``style``, dropped whole."""

DROPPED_WITH_CONTENT = frozenset({"script", "style"})

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "role", "title", "lang", "dir"})
"""On every element; ``aria-*`` too (see ``ARIA_PREFIX``)."""

ARIA_PREFIX = "aria-"

ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "hreflang"}),
    "img": frozenset({"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"}),
    # Inside <picture> only; a <source> elsewhere (audio, video) is not allowed as those are not.
    "source": frozenset({"srcset", "sizes", "type", "media", "width", "height"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    # Python-Markdown's tables write alignment as style= unless `use_align_attribute: true`.
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "svg": frozenset({"viewBox", "width", "height", "preserveAspectRatio"}),
    "line": frozenset({"x1", "y1", "x2", "y2"}),
    "polyline": frozenset({"points"}),
    "circle": frozenset({"cx", "cy", "r"}),
    "rect": frozenset({"x", "y", "width", "height", "rx", "ry"}),
    "text": frozenset({"x", "y", "dx", "dy", "text-anchor"}),
}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Relative URLs (``../x/``, ``#id``, ``//host/``) are always kept; any other scheme loses the attribute."""

RESERVED_IDS = frozenset({"nq-search"})
"""Ids that the theme's or our scripts look up with ``getElementById``; Material's all start with ``__``."""


_SRCSET_URL = re.compile(r"^(?![A-Za-z][A-Za-z0-9+.-]*:|//)[^\s,]+$")
"""A ``srcset`` candidate URL kept: relative to the site only (Ammonia checks no scheme in ``srcset``)."""


def _srcset_is_local(value: str) -> bool:
    candidates = [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]
    return bool(candidates) and all(_SRCSET_URL.match(url) for url in candidates)


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Content must not take an id the page's scripts look up (DOM clobbering of ``#__config``);
    ``srcset`` URLs stay on the site (no ``data:``, no other host: the first view stays countable)."""
    if attribute == "id" and (value.startswith("__") or value in RESERVED_IDS):
        return None
    if attribute == "srcset" and not _srcset_is_local(value):
        return None
    return value


def _cleaner(tags: frozenset[str]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={"*": set(GLOBAL_ATTRIBUTES)} | {tag: set(names) for tag, names in ATTRIBUTES.items()},
        generic_attribute_prefixes={ARIA_PREFIX},
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,  # internal links stay as written; a rel the source had is kept
        strip_comments=True,
    )


_CLEANER = _cleaner(TAGS)
_NOSCRIPT_INNER = _cleaner(TAGS - {"noscript"})

# Ammonia parses like a browser with scripting on: a <noscript>'s content is raw text, passed
# through unchecked. A browser with scripting off parses that text as HTML, so it is cleaned too.
# Raw text ends at the first "</noscript", hence the lazy match; cleaned output never contains one.
_NOSCRIPT = re.compile(r"(<noscript\b[^>]*>)(.*?)(</noscript>)", re.IGNORECASE | re.DOTALL)


def sanitize_fragment(html: str) -> str:
    """The page body with every element, attribute and URL outside the allowlist removed.

    Idempotent: ``sanitize_fragment(sanitize_fragment(x)) == sanitize_fragment(x)``.
    """
    return _NOSCRIPT.sub(lambda m: m[1] + _NOSCRIPT_INNER.clean(m[2]) + m[3], _CLEANER.clean(html))
