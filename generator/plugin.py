"""MkDocs adapter: load the content, add the generated files in memory, then publish the built folder.

Everything the site says comes from ``render.outputs.site_outputs`` (the same
files ``python -m generator render --out DIR`` writes); this module hands them
to MkDocs, sets the menu from the registry, points each page's edit link at the
file it came from, and after the build runs ``publish`` — the same steps
``python -m generator publish DIR`` runs on a folder another tool built. A move
to another static-site tool replaces this file only.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from . import theme
from .build import Build, make_build
from .content import Content, ContentError, docsfiles, load_content
from .content.approval import edition, omissions
from .content.errors import Problem
from .content.loader import display_path, symlink_problem
from .content.overlay import FileTranslation, overlay_content
from .content.photos import PhotoError
from .content.reader import symlinks
from .editor import guide
from .maintainer import MaintainerConfig, check_editor_login
from .publish import PublishError, PublishPlan, publish
from .publish.glossary import GlossaryLinks, glossary_links
from .publish.sanitize import sanitize_fragment
from .registry import EDITORS, GLOSSARY, SOURCES, kind_on, page_url
from .render.environment import TEMPLATES, site_templates, use_site_templates
from .render.error_page import error_fragment, error_page
from .render.fonts import RendererError
from .render.outputs import Output, site_outputs
from .render.photos import clean_image
from .render.printref import qr_svg
from .render.share import HOME_IMAGE
from .settings import BuildSettings, SettingsError, content_folder
from .theme import i18n
from .views.admin import decap_dist, github_repo

log = logging.getLogger("nghiquyet")
"""Outside MkDocs' logger on purpose: a reminder must not fail a ``--strict`` build (the issue asks to warn, not fail)."""


def log_edition(content: Content, settings: BuildSettings) -> None:
    """Say which build this is and, in production, what it left out: one line per file, with counts and items."""
    if settings.preview:
        log.warning("BẢN XEM TRƯỚC (SITE_MODE=preview): mục chưa duyệt được hiện kèm dòng “Bản nháp — chưa duyệt”")
        return
    for omission in omissions(content):
        log.warning("BẢN CHÍNH THỨC: %s", omission)


class ContentPluginConfig(Config):
    content_dir = config_options.Type(str, default="content")
    """Folder of the YAML content, relative to mkdocs.yml; ``CONTENT_DIR`` and ``--content`` win over it."""
    templates_dir = config_options.Type(str, default="templates")
    """The site's page templates, relative to mkdocs.yml: each one takes the place of the package's of the
    same name (``render/templates/``); the folder may be absent."""
    docs_allow = config_options.ListOfItems(config_options.Type(str), default=[])
    """Files under ``docs/`` published although not Markdown, CSS or a raster image (``content.docsfiles``):
    paths relative to ``docs/``, listed by a maintainer (mkdocs.yml is not content: CODEOWNERS). The package's
    own files (``generator/theme/docs/``) need no entry; a site's copy that replaces one of them does."""
    docs_templates = config_options.DictOfItems(config_options.Type(str), default={})
    """``docs/`` page → the theme template its front matter may name (``tim-kiem.md: tim-kiem.html``)."""
    # Security settings only maintainers change (generator/maintainer.py, SECURITY.md), checked there.
    repo_url = config_options.Optional(config_options.Type(str))
    edit_branch = config_options.Type(str, default="main")
    editor_auth_url = config_options.Optional(config_options.Type(str))
    editor_login = config_options.Optional(config_options.Type(str))
    embed_origins = config_options.Type(list, default=[])


class ContentPlugin(BasePlugin[ContentPluginConfig]):
    """Generates the plan's pages from the content folder at build time."""

    def __init__(self) -> None:
        self.content_override: Path | None = None
        """``python -m generator --content DIR build``: the content folder the command line names."""
        self.content: Content | None = None
        self.build: Build | None = None
        self.settings: BuildSettings | None = None
        self.outputs: list[Output] = []
        self.menu: list[str] = []
        self.offline: list[str] = []
        self.sources: dict[str, str] = {}
        self.docs_prefix = "docs"
        self.site_theme: Path | None = None
        """The site's own theme folder (``theme.custom_dir`` or ``overrides/``), searched before the package's."""
        self.package_pages: set[str] = set()
        """Pages the package's ``docs/`` layer added: no file of the site to open in an edit link."""
        self.serving = False
        """``mkdocs serve``: content errors are shown on the page (``error_page``) instead of stopping."""
        self.problems: list[Problem] = []
        self.watched: list[Path] = []
        self.pages: set[str] = {"index.md"}
        """Every page of the last good build: the addresses an editor may have open when an error appears."""
        self.language: str | None = None
        """The edition this build makes (``python -m generator build`` builds each of ``languages`` in turn);
        None: the default edition."""
        self.translations: dict[str, FileTranslation] = {}
        """Per content file, what this edition translated (empty for the default edition)."""

    def on_startup(self, *, command, dirty) -> None:
        """MkDocs 1.6 keeps a plugin with ``on_startup`` across the rebuilds of ``serve``."""
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        """MkDocs caches this instance for the process: a later build in it must fail on errors again."""
        self.serving = False
        self.content_override = None
        self.language = None

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        content_dir = content_folder(self.content_override, self.config.content_dir, root)
        self.problems, self.content, self.settings, self.build = [], None, None, None
        config.extra.pop("content_error", None)
        use_site_templates(root / self.config.templates_dir)
        self.site_theme = theme.site_overrides(root, config.theme.custom_dir)
        theme.layer_theme(config.theme.dirs, self.site_theme)
        self.watched = [content_dir, TEMPLATES, theme.ROOT, root / guide.SOURCE,
                        *(path for path in (site_templates(), self.site_theme) if path is not None)]
        try:
            if links := symlinks(Path(config.docs_dir)):
                raise ContentError([symlink_problem(display_path(link)) for link in links])
            self.content = load_content(content_dir)
            site = self.content.settings
            try:
                maintainer = MaintainerConfig.from_options(dict(self.config))
            except SettingsError as exc:
                raise ContentError([Problem("mkdocs.yml", None, None, str(exc))]) from None
            try:
                self.settings = BuildSettings.resolve(content_dir, base_url=site.base_url, repo_url=maintainer.repo_url,
                                                      edit_branch=maintainer.edit_branch,
                                                      editor_auth_url=maintainer.editor_auth_url,
                                                      editor_login=maintainer.login,
                                                      embed_origins=maintainer.embed_origins,
                                                      time_zone=site.time_zone, root=root,
                                                      languages=tuple(site.languages))
                if self.language is not None and self.language != self.settings.language:
                    self.settings = self.settings.for_language(self.language)
            except SettingsError as exc:
                raise ContentError([Problem(self.content.source("settings"), None, None, str(exc))]) from None
            try:
                check_editor_login(maintainer, github_repo(self.settings.repo_url))
            except SettingsError as exc:
                raise ContentError([Problem("mkdocs.yml", None, None, str(exc))]) from None
            self.translations = {}
            if self.settings.language != self.settings.languages[0]:
                self.content, self.translations = overlay_content(self.content, self.settings.language,
                                                                  display_path(content_dir))
                site = self.content.settings
        except ContentError as exc:
            if not self.serving:
                raise PluginError(exc.report()) from None
            self.problems = exc.problems
            log.error("%s", exc.report())
            config.nav = ["index.md"]
            config.extra["content_error"] = Markup(error_fragment(self.problems))  # 404.html shows it too
            return config
        config.site_name = site.site_name
        config.site_description = site.site_description
        config.site_url = self.settings.site_url or config.site_url
        config.extra["site_settings"] = site  # the footer partial shows organisation and contact
        config.extra["plan_kind"] = self.content.plan.kind  # 404.html names the document as it calls itself
        if self.settings.site_url:  # drawn only then (render/share.py): an og:image must be an absolute URL
            config.extra["share_image"] = HOME_IMAGE
        config.extra["editors_prefix"] = page_url(EDITORS)  # main.html: noindex, not in the search index
        config.extra["sources_url"] = page_url(SOURCES)  # and the official texts ("Văn bản gốc")
        self.use_language(config)
        if missing := site.missing_publisher_details:
            log.warning("CẢNH BÁO (WARNING): cai-dat.yml: chân trang còn thiếu %s (cơ quan chủ quản, người chịu trách nhiệm, "
                        "địa chỉ, điện thoại, thư điện tử)", ", ".join(missing))
        # A warning, not a failure: the reading site does not need the editor.
        if decap_dist(root, self.settings.repository) is None:
            log.warning("CẢNH BÁO (WARNING): chưa có node_modules/decap-cms: trang bien-tap/quan-tri/ sẽ không có "
                        "trình soạn thảo trên trình duyệt; chạy `npm ci` rồi dựng lại (Decap CMS not packaged)")
        log_edition(self.content, self.settings)
        self.content = edition(self.content, self.settings.preview)  # production: approved editorial items only
        # repo_url is not given to MkDocs: Material would then fetch star counts from the forge's API on every visit.
        self.build = make_build(self.content, self.settings)  # the one Build every output of this build reads
        self.menu, self.offline = self.build.menu, self.build.offline
        config.nav = self.menu + list(config.nav or [])  # then hand-written pages, if any
        self.docs_prefix = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        return config

    def use_language(self, config) -> None:
        """Material's own labels follow ``theme.language``: the edition's language when Material (or the package's
        overrides) has its partial, else Vietnamese with a warning; ``<html lang>`` is the edition's code either way
        (``partials/language.html``)."""
        assert self.settings is not None
        languages, edition = self.settings.languages, self.settings.language
        config.extra["editions"] = list(languages)
        wanted = edition if edition != languages[0] else config.theme["language"]  # default: mkdocs.yml's, as before
        known = any((Path(folder) / "partials" / "languages" / f"{wanted}.html").is_file() for folder in config.theme.dirs)
        if len(languages) > 1 or not known:
            config.extra["edition_language"] = wanted
        if not known:
            config.theme["language"] = i18n.SOURCE_LANGUAGE
            log.warning("CẢNH BÁO: giao diện Material chưa có ngôn ngữ “%s”; nhãn của giao diện (tìm kiếm, menu…) "
                        "dùng tiếng Việt (WARNING: Material has no “%s” labels, Vietnamese used)", wanted, wanted)
        else:
            config.theme["language"] = wanted
        if edition != languages[0] and (warning := i18n.missing_catalogue_warning(edition)):
            log.warning("%s", warning)

    def on_files(self, files: Files, *, config) -> Files:
        if self.problems:
            return self.error_files(files, config)
        assert self.content is not None and self.settings is not None
        try:
            assert self.build is not None
            self.outputs = site_outputs(self.build)
        except RendererError as exc:  # the handout PDF or a share image cannot be drawn here: say what to do
            raise PluginError(str(exc)) from None
        self.package_pages = set()
        for path in theme.docs_files():  # the package's docs/ layer: a site file at the same path wins
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, abs_src_path=str(theme.DOCS / path)))
                if path.endswith(".md"):
                    self.package_pages.add(path)
        for output in self.outputs:
            if (existing := files.get_file_from_path(output.path)) is not None:
                files.remove(existing)
            files.append(File.generated(config, output.path, content=output.content))
            if output.source:
                self.sources[output.path] = output.source
            elif output.path.endswith(".md"):
                self.package_pages.add(output.path)  # written whole by the package (the guide): nothing to edit
        self.pages = {file.src_uri for file in files.documentation_pages()}
        return self.checked_docs(files, config)

    def checked_docs(self, files: Files, config) -> Files:
        """Files from ``docs/`` and the site's theme folder only as ``content.docsfiles`` allows; raster images
        cleaned. The package's files (``generator/theme``) and the installed theme are code, not checked here."""
        docs_dir = Path(config.docs_dir).resolve()
        root = Path(config.config_file_path).parent.resolve()
        site_folders = [docs_dir, *([self.site_theme] if self.site_theme is not None else [])]
        problems: list[Problem] = []
        for file in list(files):
            if file.generated_by or not file.abs_src_path or file.inclusion.is_excluded():
                continue
            source = Path(file.abs_src_path).resolve()
            folder = next((folder for folder in site_folders if source.is_relative_to(folder)), None)
            if folder is None:
                continue  # the installed theme or the package's, not something a pull request adds
            path = source.relative_to(folder).as_posix()
            display = source.relative_to(root).as_posix() if source.is_relative_to(root) else source.as_posix()
            found = [p for p in (docsfiles.name_problem(display, path),
                                 docsfiles.file_problem(display, path, self.config.docs_allow)) if p]
            suffix = source.suffix.lower()
            if not found and suffix in docsfiles.PAGE_SUFFIXES:
                text = source.read_text(encoding="utf-8-sig", errors="replace")
                found = docsfiles.front_matter_problems(display, path, text, get_data(text)[1],
                                                        self.config.docs_templates)
            elif not found and suffix in docsfiles.IMAGE_SUFFIXES and path not in self.config.docs_allow:
                try:
                    cleaned = clean_image(source)
                except PhotoError as exc:
                    found = [Problem(display, None, None, str(exc), "image refused")]
                else:
                    files.remove(file)
                    files.append(File.generated(config, file.src_uri, content=cleaned))
            if found:
                problems += found
                files.remove(file)
        if problems:
            error = ContentError(problems)
            if not self.serving:
                raise PluginError(error.report())
            log.error("%s", error.report())  # `mkdocs serve`: shown, and the refused files are left out
        return files

    def error_files(self, files: Files, config) -> Files:
        """While serving with content errors: the error page at every address the site had, assets kept."""
        page = error_page(self.problems)
        kept = Files([file for file in files if not file.is_documentation_page()])
        for path in sorted(self.pages | {file.src_uri for file in files.documentation_pages()}):
            kept.append(File.generated(config, path, content=page))
        return kept

    def on_pre_page(self, page, *, config, files):
        """The sitemap's ``lastmod`` is the build date (``settings.build_date``), not MkDocs' clock in UTC.

        MkDocs dates pages from ``SOURCE_DATE_EPOCH`` or the clock; the Makefile no longer exports that
        variable, so without this a rebuild of the same commit on another day would change ``sitemap.xml``.
        """
        if self.settings is not None and not self.problems:
            page.update_date = self.settings.today.isoformat()
        return page

    def on_env(self, env, *, config, files):
        """Every theme template escapes what it prints (Material's do not: ``page.edit_url`` in
        ``partials/actions.html``, ``page.meta.description`` in ``base.html``, nav titles …). The HTML the
        site means to print is marked safe where it is made: the page body (``on_page_context``), the error
        list, the print QR code; the built pages are otherwise byte for byte the same (tests/test_security_files.py)."""
        env.autoescape = True
        words = i18n.translator(self.settings.language if self.settings is not None else i18n.SOURCE_LANGUAGE)
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)
        return env

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """Every page body MkDocs renders from Markdown (content, posts, docs/) goes through the allowlist."""
        return sanitize_fragment(html)

    def on_page_context(self, context, *, page, config, nav):
        """Edit links of generated pages open the file they came from (YAML, post, guide), never a phantom .md."""
        page.content = Markup(page.content or "")  # sanitised in on_page_content: the one value printed as HTML
        if self.problems:
            return context
        assert self.settings is not None and self.content is not None
        source = self.sources.get(page.file.src_uri) or f"{self.docs_prefix}/{page.file.src_uri}"
        original = source
        prefix = f"{self.settings.content_prefix}/"
        if source.startswith(prefix) and source.removeprefix(prefix) in self.translations:
            source = f"{prefix}{self.settings.language}/{source.removeprefix(prefix)}"  # edit (or start) the translation
        if page.file.src_uri in self.package_pages:
            page.edit_url = None  # the package's page: no file in the site's repository to edit
        elif self.settings.repo_url:
            branch = quote(self.settings.edit_branch, safe="")
            absent = source.startswith(f"{self.settings.content_prefix}/") and not (self.settings.project_dir / source).exists()
            if not absent:
                page.edit_url = f"{self.settings.repo_url}/edit/{branch}/{quote(source, safe='/')}"
            else:  # an optional file not written yet (sinh-hoat-chi-bo.yml for the handout): GitHub's "new file"
                folder, _, name = source.rpartition("/")
                page.edit_url = f"{self.settings.repo_url}/new/{branch}/{quote(folder, safe='/')}?filename={quote(name)}"
        if self.settings.site_url and page.canonical_url:
            context["print_qr"] = Markup(qr_svg(page.canonical_url))
        context["alternates"] = self.alternates(page.url)
        context["translation"] = self.translation_status(page.file.src_uri, original)
        context["vietnamese_headings"] = vietnamese_headings(page.content or "", self.settings)
        if page.file.src_uri in self.package_pages and self.settings.language != self.settings.languages[0]:
            title = i18n.translator(self.settings.language).gettext(str(page.title or ""))  # the package's own page
            page.title, page.meta["title"] = title, title
        return context

    def translation_status(self, src_uri: str, source: str) -> dict[str, bool] | None:
        """On another edition's page: ``complete`` (every text of its content file translated) and ``unofficial``
        (it translates the document or a quotation); None on the default edition and on the package's pages."""
        assert self.settings is not None
        if self.settings.language == self.settings.languages[0] or src_uri in self.package_pages:
            return None
        prefix = f"{self.settings.content_prefix}/"
        name = source.removeprefix(prefix) if source.startswith(prefix) else None
        record = self.translations.get(name) if name else None
        if record is None:  # a post, a docs/ page: no overlay, the Vietnamese text
            return {"complete": False, "unofficial": False}
        return {"complete": record.complete, "unofficial": record.unofficial and bool(record.translated)}

    def alternates(self, url: str) -> list[dict[str, str]]:
        """The page in every edition: ``href`` its published address (``hreflang``), ``link`` the same as a relative
        link (the switcher, which then works on any host and in a preview). Every edition has every page: an
        overlay translates text, it never adds or removes one."""
        assert self.settings is not None
        settings = self.settings
        base = settings.root_url if settings.root_url is not None else settings.site_url
        up = "../" * (settings.edition_prefix(settings.language) + url).count("/")
        found = []
        for language in settings.languages:
            path = settings.edition_prefix(language) + url
            href = base + path if base else settings.edition_path(language) + url
            found.append({"lang": language, "href": href, "link": up + path or "./", "current": language == settings.language,
                          "name": i18n.language_name(language)})
        return found

    def on_post_build(self, *, config) -> None:
        """Publish the built folder (still the staging folder during ``python -m generator build``)."""
        if self.problems:
            return  # the error page of `mkdocs serve`: nothing to publish
        assert self.settings is not None
        menu = tuple(page_url(path) for path in self.offline)
        try:
            publish(Path(config.site_dir), PublishPlan(self.settings.site_path, menu, self.glossary()))
        except PublishError as exc:
            raise PluginError(str(exc)) from None

    def glossary(self) -> GlossaryLinks | None:
        """The terms to link to the glossary page; None when the glossary is off (no page to link to)."""
        assert self.content is not None and self.settings is not None
        if not kind_on("glossary", self.content, self.settings):
            return None
        return glossary_links(self.content.glossary, page_url(GLOSSARY))

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` rebuilds when content or templates change, not only docs/ (also after a first build
        with errors: fixing the file brings the site back)."""
        for path in self.watched:
            if path.exists():
                server.watch(str(path))
        return server


VIETNAMESE_HEADING = re.compile(r'<h[1-6][^>]*\bid="([^"]+)"[^>]*>\s*(?:<a [^>]*>\s*)?<span lang="vi">')


def vietnamese_headings(html: str, settings: BuildSettings) -> list[str]:
    """On another edition's page, the ids of headings whose text stays Vietnamese (``<span lang="vi">``, the
    ``vietnamese`` filter): the table of contents marks their entries ``lang="vi"`` too (partials/toc-item.html)."""
    if settings.language == settings.languages[0]:
        return []
    return VIETNAMESE_HEADING.findall(html)

