"""MkDocs adapter: load the content, add the generated pages in memory, watch the sources.

Everything the site says comes from ``render_pages``; this module only hands the
result to MkDocs (and points each page's edit link at the YAML it came from), so
a move to another static-site tool replaces this file and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .builddate import build_date
from .content import Content, load_content
from .errors import ContentError
from .ics import CALENDAR_PATH, render_calendar
from .render import TEMPLATES, render_pages


class ContentPluginConfig(Config):
    content_dir = config_options.Type(str, default="content")
    """Folder of the YAML content, relative to mkdocs.yml."""


class ContentPlugin(BasePlugin[ContentPluginConfig]):
    """Generates the plan's pages from ``content/`` at build time."""

    def __init__(self) -> None:
        self.content: Content | None = None
        self.sources: dict[str, str] = {}

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
        config.site_url = os.environ.get("SITE_URL") or settings.base_url or config.site_url
        if settings.repo_url:
            config.repo_url = settings.repo_url
            config.edit_uri = f"edit/{settings.edit_branch}/docs/"
        return config

    def on_files(self, files: Files, *, config) -> Files:
        assert self.content is not None
        for page in render_pages(self.content, build_date()):
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, page.path, content=page.markdown))
            self.sources[page.path] = page.source
        calendar = render_calendar(self.content, build_date(), config.site_url)
        files.append(File.generated(config, CALENDAR_PATH, content=calendar.encode("utf-8")))
        return files

    def on_page_context(self, context, *, page, config, nav):
        """Edit links of generated pages open the YAML file, which exists, not a phantom .md."""
        source = self.sources.get(page.file.src_uri)
        if source and self.content and self.content.settings.repo_url:
            settings = self.content.settings
            page.edit_url = f"{settings.repo_url.rstrip('/')}/edit/{settings.edit_branch}/{source}"
        return context

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` rebuilds when content or templates change, not only docs/."""
        server.watch(str(self.content_dir))
        server.watch(str(TEMPLATES))
        return server
