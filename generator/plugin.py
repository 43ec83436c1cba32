"""MkDocs adapter: load the content, add the generated files in memory, finish the built site.

Everything the site says comes from ``outputs.site_outputs`` (the same files
``python -m generator render --out DIR`` writes); this module hands them to
MkDocs, points each page's edit link at the file it came from, and after the
build runs the finishing steps that work on built HTML: one stylesheet per page
(``stylesheet``), the search index (``search``) and the service worker
(``offline``). A move to another static-site tool replaces this file only.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import feeds, guide
from .builddate import build_date
from .content import Content, load_content
from .errors import ContentError
from .offline import core_pages, write_service_worker
from .outputs import site_outputs
from .printref import qr_svg
from .publish.sanitize import sanitize_fragment
from .publish.verify import report, verify_site
from .render import TEMPLATES
from .search import SearchIndexError, index_site
from .stylesheet import StylesheetBundler


class ContentPluginConfig(Config):
    content_dir = config_options.Type(str, default="content")
    """Folder of the YAML content, relative to mkdocs.yml."""


class ContentPlugin(BasePlugin[ContentPluginConfig]):
    """Generates the plan's pages from ``content/`` at build time."""

    def __init__(self) -> None:
        self.content: Content | None = None
        self.sources: dict[str, str] = {}
        self.base_url: str | None = None
        self.repo_url: str | None = None
        self.docs_prefix = "docs"
        self.core: list[tuple[str, str]] = []
        self.bundler: StylesheetBundler | None = None

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.content_dir = root / self.config.content_dir
        try:
            self.content = load_content(self.content_dir)
        except ContentError as exc:
            raise PluginError(exc.report()) from None
        settings = self.content.settings
        config.site_name = settings.site_name
        config.site_description = settings.site_description
        config.extra["site_settings"] = settings  # the footer partial shows organisation and contact
        self.base_url = feeds.base_url(settings.base_url)
        config.site_url = self.base_url or config.site_url
        # REPO_URL (set by the forge's CI from the repository itself) wins, like SITE_URL. It is not given
        # to MkDocs as repo_url: Material would then fetch star counts from the forge's API on every visit.
        self.repo_url = os.environ.get("REPO_URL") or settings.repo_url
        self.docs_prefix = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        return config

    def on_files(self, files: Files, *, config) -> Files:
        assert self.content is not None
        for output in site_outputs(self.content, self.content_dir.parent, build_date(), self.base_url):
            if (existing := files.get_file_from_path(output.path)) is not None:
                files.remove(existing)
            files.append(File.generated(config, output.path, content=output.content))
            if output.source:
                self.sources[output.path] = output.source
        return files

    def on_nav(self, nav, *, config, files):
        self.core = core_pages(nav.items)
        self.bundler = StylesheetBundler(Path(config.site_dir), urlsplit(config.site_url or "/").path)
        return nav

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """Page bodies rendered from editors' Markdown go through the allowlist (generator/publish/sanitize.py)."""
        return sanitize_fragment(html)

    def on_post_page(self, output: str, *, page, config) -> str:
        """One render-blocking stylesheet per page instead of Material's two plus ours."""
        assert self.bundler is not None
        return self.bundler.rewrite(output, page.file.dest_uri)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        """The 404 page is a theme template, not a page: same single stylesheet."""
        if template_name.endswith(".html") and self.bundler is not None:
            return self.bundler.rewrite(output_content, template_name)
        return output_content

    def on_page_context(self, context, *, page, config, nav):
        """Edit links of generated pages open the file they came from (YAML, post, guide), never a phantom .md."""
        source = self.sources.get(page.file.src_uri) or f"{self.docs_prefix}/{page.file.src_uri}"
        if self.repo_url and self.content:
            page.edit_url = f"{self.repo_url.rstrip('/')}/edit/{self.content.settings.edit_branch}/{source}"
        if self.base_url and page.canonical_url:
            context["print_qr"] = qr_svg(page.canonical_url)
        return context

    def on_post_build(self, *, config) -> None:
        """Index the finished site for search, then write the service worker, which hashes
        the whole site (index included); both still inside the build, before the atomic swap."""
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        write_service_worker(Path(config.site_dir), self.core)
        # The theme's inline scripts are still reported as "inline-script"; not enforced until they move to files.
        if findings := [f for f in verify_site(Path(config.site_dir)) if f.kind != "inline-script"]:
            raise PluginError(report(findings))

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` rebuilds when content or templates change, not only docs/."""
        server.watch(str(self.content_dir))
        server.watch(str(TEMPLATES))
        if (contributing := self.content_dir.parent / guide.SOURCE).is_file():
            server.watch(str(contributing))
        return server
