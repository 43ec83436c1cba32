"""Every file the generator adds to a site, as plain data: pages, calendar, feeds.

The MkDocs plugin hands these to MkDocs in memory; ``python -m generator render
--out DIR`` writes the same files to a folder, so another static-site tool (or a
reviewer) gets exactly what MkDocs gets.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import registry
from ..build import Build, as_build
from ..content import Content
from ..registry import page_url
from ..settings import BuildSettings
from ..views.admin import decap_dist, github_repo
from ..views.implementation import CSV_PATH, JSON_PATH, implementation_view
from . import api, feeds
from . import cms_locale as locale
from .calendar import CALENDAR_PATH, render_calendar
from .cms import CONFIG_PATH, cms_config
from .exports import csv_export, json_export
from .handout import handout_pdf
from .pages import render_pages
from .photos import encode
from .printref import qr_file, qr_path
from .share import share_images


@dataclass(frozen=True)
class Output:
    """One generated file and the repository file an editor changes to alter it (None: derived)."""

    path: str
    content: str | bytes
    source: str | None


def site_outputs(build: Build | Content, settings: BuildSettings | None = None) -> list[Output]:
    """Pages, the deadline calendar, the progress exports (CSV, JSON), the quiz bank, the handout PDF, and — only
    with a site URL, since they need absolute links — feeds, the portal's JSON, share images and QR codes.
    The feeds and the progress exports go with their page kind: off, they are not written.

    All from one ``Build`` (content → site view → pages by kind), made here from ``(content, settings)`` when
    not given: its content is the build's edition (a production build writes approved editorial items only)."""
    build = as_build(build, settings)
    content, settings = build.content, build.settings
    outputs = [Output(page.path, page.markdown, page.source) for page in render_pages(build)]
    outputs.extend(study_outputs(build))
    if settings.site_url:
        if "news" in build.kinds_on:  # a feed's channel links to the news list, so it exists
            outputs.append(Output(feeds.RSS_PATH, feeds.rss(content, settings.site_url), None))
            outputs.append(Output(feeds.JSON_PATH, feeds.json_feed(content, settings.site_url), None))
        outputs += [Output(path, text, None) for path, text in api.api_files(build)]
        outputs.extend(Output(image.path, image.png(), None) for image in share_images(content, settings))
        outputs.extend(Output(qr_path(url), qr_file(settings.site_url + url), None)
                       for url in map(page_url, build.menu))
    outputs.append(Output(CALENDAR_PATH, render_calendar(build).encode("utf-8"), None))
    if "implementation" in build.kinds_on:  # the exports of "Kết quả thực hiện", with its page
        progress = implementation_view(build.site)
        outputs.append(Output(CSV_PATH, csv_export(progress), None))
        outputs.append(Output(JSON_PATH, json_export(progress), None))
    outputs.extend(photo_outputs(content))
    outputs.extend(cms_outputs(content, settings))
    return outputs


ADMIN_DIR = posixpath.dirname(CONFIG_PATH)
"""``bien-tap/quan-tri/``: the browser editor's page, its configuration and Decap's files."""


def cms_outputs(content: Content, settings: BuildSettings) -> list[Output]:
    """The browser editor's ``config.yml`` (from the models, ``render/cms.py``) and Decap's files, copied from
    ``node_modules/decap-cms/dist``: the bundle, the chunks it loads on demand, its WebAssembly, its licence.
    Source maps are left out. Without npm's files only the configuration is written; the page says why."""
    plan_parts = [(link.id, link.title) for link in registry.plan_links(content)]
    config = cms_config(content, content_prefix=settings.content_prefix, repo=github_repo(settings.repo_url),
                        branch=settings.edit_branch, plan_parts=plan_parts, site_url=settings.site_url,
                        auth_url=settings.editor_auth_url)
    text = "# Tạo tự động từ generator/editor/cms.py (lược đồ bài trong generator/content/models.py); đừng sửa tay.\n"
    outputs = [Output(CONFIG_PATH, text + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), None),
               Output(locale.SCRIPT_PATH, locale.script(), None), Output(locale.STYLE_PATH, locale.STYLE, None)]
    if (dist := decap_dist(settings.project_dir, settings.repository)) is not None:
        files = sorted(p for p in dist.iterdir() if p.is_file() and _vendored(p.name))
        outputs += [Output(f"{ADMIN_DIR}/{p.name}", p.read_bytes(), None) for p in files]
    return outputs


def _vendored(name: str) -> bool:
    """``decap-cms.js``, its numbered chunks ``123.decap-cms.js``, ``*.wasm`` and the licence (not the
    duplicate ``cms.js`` build of the same code, not source maps)."""
    return name.endswith((".decap-cms.js", ".wasm")) or name in {"decap-cms.js", "decap-cms.js.LICENSE.txt"}


def photo_outputs(content: Content) -> list[Output]:
    """The published files of every post's photo (once per photo, even if several posts use it)."""
    seen: dict[str, Output] = {}
    for post in content.posts:
        if post.photo is not None:
            for path, data in encode(post.photo):
                seen.setdefault(path, Output(path, data, None))
    return list(seen.values())


def study_outputs(build: Build | Content, settings: BuildSettings | None = None) -> list[Output]:
    """The quiz bank as JSON and the handout as PDF, from the very view models their pages show."""
    build = as_build(build, settings)
    kinds, settings = build.pages, build.settings
    meeting = kinds["handout"][0]
    online = settings.site_url + registry.page_url(meeting.path) if settings.site_url else None
    outputs = [Output(quiz.view.bank_path, quiz.view.bank_json(), quiz.source) for quiz in kinds["quiz"][:1]]
    outputs.append(
        Output(meeting.view.pdf_path, handout_pdf(meeting.view, settings.today.isoformat(), online), meeting.source))
    return outputs


def write_outputs(outputs: list[Output], out: Path) -> list[Path]:
    """Write the outputs under ``out`` (text as UTF-8, bytes as they are); returns the files written."""
    written = []
    for output in outputs:
        target = out / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
        target.write_bytes(data)
        written.append(target)
    return written
