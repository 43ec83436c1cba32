"""Links in content, checked before MkDocs sees them: every page, file and anchor the site will have.

MkDocs only warns in English, on the terminal, and never about an anchor on a
generated page; an editor needs the line and what to type. The site's pages and
their anchors are computed from the rendered Markdown (``render_pages``) and the
registry, not from a built site, so the lint stays fast:

- a heading's anchor is ``{ #id }`` when given, else the toc extension's slug of
  its text (``generator.text.toc_slugify``, named in mkdocs.yml), ``_1`` … on repeats;
- any ``{ #id }`` attribute list, and ``id="…"`` / ``<a name="…">`` in raw HTML;
- every anchor a page kind declares in the registry (``PageKind.anchors``).

Where a link is written decides what it is relative to: a post body is written
from the site root (``views/news.rebase_links`` rewrites it per post), a page under
``docs/`` from its own folder, a YAML text from each page that shows it.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .. import theme
from ..content import Content
from ..registry import plan_links
from ..text import toc_slugify

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*$")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}]*?)\s*\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_INLINE_ATTR_ID = re.compile(r"\{:?[^{}\n]*?(?<![\w&])#([A-Za-z][\w-]*)[^{}\n]*\}")
_HTML_ID = re.compile(r"<[a-zA-Z][^<>]*?\s(?:id|name)\s*=\s*[\"']([^\"']+)[\"']")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"<[^<>]*>|[*`]|(?<!\w)_|_(?!\w)")
_HTML_HEADING = re.compile(r"<h[1-6]\b([^>]*)>(.*?)</h[1-6]>", re.I)


def heading_text(raw: str) -> str:
    """What the toc extension slugifies: the heading as rendered, without markup."""
    return _MARKUP.sub("", _MD_LINK.sub(r"\1", raw)).strip()


def _unique(slug: str, used: set[str]) -> str:
    """Python-Markdown's toc: a heading whose slug is taken gets ``_1``, ``_2`` …"""
    candidate, count = slug, 0
    while candidate in used or not candidate:
        count += 1
        candidate = f"{slug}_{count}"
    used.add(candidate)
    return candidate


def markdown_anchors(text: str) -> set[str]:
    """The element ids a page's Markdown will have once MkDocs renders it (see the module docstring).

    Like the toc extension: every explicit id first, then each heading without one gets its slug, made unique.
    """
    used: set[str] = set()
    headings: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        used.update(_HTML_ID.findall(line))
        for attrs, inner in _HTML_HEADING.findall(line):
            if " id=" not in f" {attrs}":
                headings.append(heading_text(inner))
        if heading := _HEADING.match(line):
            body = heading.group(2).rstrip("#").rstrip()
            attrs = _ATTR_LIST.search(body)
            explicit = _ATTR_ID.search(attrs.group(1)) if attrs else None
            if explicit:
                used.add(explicit.group(1))
            else:
                headings.append(heading_text(body[:attrs.start()] if attrs else body))
        else:
            used.update(_INLINE_ATTR_ID.findall(line))
    for heading in headings:
        _unique(toc_slugify(heading), used)
    return used


@dataclass
class SiteMap:
    """Every page (path under docs/ → its anchors) and every other file the built site will have."""

    pages: dict[str, set[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    texts: dict[str, str] = field(default_factory=dict)
    """Each generated page's Markdown: where a YAML text ends up."""
    site_url: str | None = None
    example: str = "index.md"
    """A link of this site's own (the plan's first passage, with its anchor) that messages show as an example:
    it works when copied, whatever the organisation and its page addresses."""

    def resolve(self, path: str) -> str | None:
        """The page or file a site-root path names (``muc-tieu-2030.md``, ``tin-tuc/index.md``, ``assets/site.css``)."""
        if path in self.pages or path in self.files:
            return path
        return None

    def from_url(self, url_path: str) -> str | None:
        """The page behind an address as the browser shows it (``muc-tieu-2030/``, ``""`` for the home page)."""
        path = url_path.strip("/")
        for candidate in ([f"{path}.md", f"{path}/index.md"] if path else ["index.md"]):
            if candidate in self.pages:
                return candidate
        if path.endswith("index.html"):
            return self.from_url(path.removesuffix("index.html"))
        return self.resolve(path)

    def site_address(self, target: str) -> str | None:
        """The URL path inside the site of an address copied from the browser, or None when it is not one.

        ``/muc-tieu-2030/`` (root of the host, or under the site's sub-path) and ``https://<site_url>/muc-tieu-2030/``.
        """
        parts = urlsplit(target)
        base = urlsplit(self.site_url) if self.site_url else None
        if parts.scheme in ("http", "https"):
            if base is None or parts.hostname != base.hostname:
                return None
        elif parts.scheme or not target.startswith("/") or target.startswith("//"):
            return None
        prefix = base.path if base and base.path else "/"
        path = parts.path
        if path.startswith(prefix):
            return path[len(prefix):]
        # Another site on the same host is not ours; "/muc-tieu-2030/" under a sub-path still means our page.
        return None if parts.scheme else path.lstrip("/")

    def close(self, path: str) -> str | None:
        found = difflib.get_close_matches(path, sorted(self.pages) + sorted(self.files), n=1)
        return found[0] if found else None


def build_sitemap(content: Content, rendered: Iterable[tuple[str, str]], docs_dir: Path,
                  extra_files: Iterable[str], site_url: str | None) -> SiteMap:
    """Pages from the rendered Markdown and docs/ (the package's docs/ layer too), their anchors; other files from
    docs/ and ``extra_files``."""
    sitemap = SiteMap(site_url=site_url)
    for path, text in rendered:
        sitemap.pages[path] = markdown_anchors(text)
        sitemap.texts[path] = text
    for link in plan_links(content):
        page, _, anchor = link.target.partition("#")
        if anchor and page in sitemap.pages:
            sitemap.pages[page].add(anchor)
            if sitemap.example == "index.md":
                sitemap.example = link.target
    for folder in (docs_dir, theme.DOCS):  # the site's docs/, then the package's files it did not replace
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            relative = file.relative_to(folder).as_posix()
            if not file.is_file() or relative.startswith("overrides/"):
                continue
            if file.suffix == ".md":
                if folder == docs_dir or relative not in sitemap.pages:
                    sitemap.pages.setdefault(relative, set()).update(markdown_anchors(file.read_text(encoding="utf-8-sig")))
            else:
                sitemap.files.add(relative)
    sitemap.files.update(extra_files)
    return sitemap


def normalise(base: str, path: str) -> tuple[str, bool]:
    """``base``/``path`` with ``.`` and ``..`` resolved; True when ``..`` climbs above the site root."""
    parts: list[str] = []
    outside = False
    for part in "/".join(p for p in (base, path) if p).split("/"):
        if part == "..":
            if parts:
                parts.pop()
            else:
                outside = True
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts) + ("/" if path.endswith("/") and parts else ""), outside


def relative_form(page: str, anchor: str, base: str) -> str:
    """How to write a link to ``page#anchor`` from a file whose links are relative to folder ``base``."""
    written = posixpath.relpath(page, base or ".") if base else page
    return f"{written}#{anchor}" if anchor else written
