"""One render-blocking request: the stylesheets a page links in <head> become one file.

Material links its main and palette CSS, then every ``extra_css``; on a slow mobile
connection each is a round trip before the first paint. After MkDocs writes a page,
its stylesheet links are replaced by one link to their concatenation, named by a
hash of its bytes (so it caches forever and a changed build gets a new name).
Whatever stylesheets later features add are folded in the same way, by order.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from .firstview import css_references, is_local, resolve

LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"\s*/?>')
BUNDLE_DIR = "assets/stylesheets"


def _relative(target: str, base: str) -> str:
    """The URL of site path ``target`` as written in the file at site path ``base``."""
    return posixpath.relpath(target, posixpath.dirname(base) or ".")


def _rebase(css: str, source: str, bundle: str) -> str:
    """Keep relative url()s in ``source`` pointing at the same files from ``bundle``'s folder."""
    for url in sorted(set(css_references(css)), key=len, reverse=True):
        if is_local(url) and not url.startswith("/"):
            css = css.replace(url, _relative(resolve(url, source), bundle))
    return css


class StylesheetBundler:
    """Rewrites built pages so each links a single stylesheet; writes the bundles into the site."""

    def __init__(self, site_dir: Path, root: str = "/") -> None:
        self.site_dir = site_dir
        self.root = root if root.endswith("/") else root + "/"
        self.bundles: dict[tuple[str, ...], str] = {}

    def bundle(self, sources: tuple[str, ...]) -> str:
        """Site path of the concatenation of ``sources`` (site paths), writing it on first use."""
        if sources not in self.bundles:
            placeholder = f"{BUNDLE_DIR}/bundle.css"
            parts = [_rebase((self.site_dir / s).read_text(encoding="utf-8"), s, placeholder) for s in sources]
            text = "\n".join(part.strip() for part in parts) + "\n"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
            path = f"{BUNDLE_DIR}/site.{digest}.css"
            (self.site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (self.site_dir / path).write_text(text, encoding="utf-8")
            self.bundles[sources] = path
        return self.bundles[sources]

    def rewrite(self, html: str, page: str) -> str:
        """``html`` of the page written at site path ``page`` with its <head> stylesheets merged."""
        end = html.find("</head>")
        head, rest = html[:end], html[end:]
        links = [m for m in LINK.finditer(head) if is_local(m.group(1))]
        hrefs = [m.group(1) for m in links]
        absolute = bool(hrefs) and all(h.startswith(self.root) for h in hrefs)
        sources = tuple(h[len(self.root):] if absolute else resolve(h, page) for h in hrefs)
        if len(sources) < 2 or not all((self.site_dir / s).is_file() for s in sources):
            return html
        bundle = self.bundle(sources)
        # The 404 page links from the site root: it is served at any depth.
        href = self.root + bundle if absolute else _relative(bundle, page)
        tag = f'<link rel="stylesheet" href="{href}">'
        for index, match in enumerate(reversed(links)):
            replacement = tag if index == len(links) - 1 else ""
            head = head[: match.start()] + replacement + head[match.end():]
        return head + rest


def bundle_stylesheets(site_dir: Path, site_path: str = "/") -> int:
    """Rewrite every built page so that it links one stylesheet; returns the number of pages changed.

    ``site_path`` is the URL path the site is served under: pages that link their stylesheets
    from the site root (the 404 page, served at any depth) keep doing so.
    """
    bundler = StylesheetBundler(site_dir, site_path)
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        name = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        if (rewritten := bundler.rewrite(html, name)) != html:
            page.write_text(rewritten, encoding="utf-8")
            changed += 1
    return changed
