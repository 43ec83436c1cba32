"""Stage 5: finish a built site folder, whichever tool built it (MkDocs, Zensical, …).

``publish`` runs the steps below in this order, on any folder of built HTML;
the MkDocs plugin calls it after the build and ``python -m generator publish
DIR`` runs it on a folder another tool made. The order matters:

0. ``prune``: files no page uses go (source maps, Material's lunr search worker);
1. ``stylesheet``: one render-blocking stylesheet per page (rewrites the pages' <head>);
2. ``scripts``: every inline script of the theme *known by its hash* moves into a file (any other
   inline script stops the build), so that
3. ``csp``: the Content-Security-Policy (no inline scripts) can stand first in every page's <head>;
   then ``glossary``: the first use of each glossary term on a page links to its entry (page bodies only),
   before the checks, the search index and the service worker's hash see the pages;
4. ``search``: the Pagefind index, from the pages as they will be served;
5. ``offline``: the service worker, because its version is a hash of every other file;
6. ``verify``, last, over every file of the folder: no page, XML or SVG file can run a script
   (event handlers, ``javascript:`` URLs, inline or foreign scripts, meta refresh), every page
   carries the policy, no type a server may run is there: whatever builder made the folder,
   publishing fails here if one can.

Page bodies are also sanitised while MkDocs renders them (``sanitize.py``, called by the plugin);
step 4 is the guarantee that holds for any builder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .csp import add_csp_meta
from .glossary import GlossaryLinks, link_glossary_terms
from .offline import core_pages, write_service_worker
from .prune import prune_site
from .scripts import UnknownScriptError, externalise_inline_scripts
from .search import SearchIndexError, index_site
from .stylesheet import bundle_stylesheets
from .verify import report, verify_site

__all__ = ["PublishError", "PublishPlan", "publish"]


class PublishError(RuntimeError):
    """A publish step failed; the message says so in Vietnamese first."""


@dataclass(frozen=True)
class PublishPlan:
    """What the steps need to know about the site beyond its files."""

    site_path: str = "/"
    """The URL path the site is served under (``/`` or ``/nghi-quyet/``)."""
    menu: tuple[str, ...] = ("",)
    """Directory URLs of the pages pre-cached for offline reading: the menu, then pages marked ``offline`` in the registry."""
    glossary: GlossaryLinks | None = None
    """Terms to link to the glossary page; None: no glossary links."""


def publish(site_dir: Path, plan: PublishPlan) -> None:
    """Run every publish step on ``site_dir``, in the order the module docstring gives."""
    if not (site_dir / "index.html").is_file():
        raise PublishError(f"LỖI: {site_dir} không phải thư mục trang đã xây dựng (không có index.html)\n"
                           f"(en) {site_dir} is not a built site: no index.html")
    prune_site(site_dir)
    bundle_stylesheets(site_dir, plan.site_path)
    try:
        externalise_inline_scripts(site_dir)
    except UnknownScriptError as exc:
        raise PublishError(str(exc)) from None
    add_csp_meta(site_dir)
    if plan.glossary is not None:
        link_glossary_terms(site_dir, plan.glossary)
    try:
        index_site(site_dir)
    except SearchIndexError as exc:
        raise PublishError(str(exc)) from None
    write_service_worker(site_dir, core_pages(list(plan.menu)))
    if findings := verify_site(site_dir):
        raise PublishError(report(findings))
