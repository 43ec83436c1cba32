"""Command line: ``validate``, ``render --out DIR``, ``publish DIR``, an atomic ``build``, and the editor tools.

The stages in order: ``validate`` reads and checks the content; ``render``
writes the generated Markdown (and calendar, feeds) for any builder;
``build`` runs MkDocs, whose plugin renders in memory and publishes;
``publish`` finishes a folder another builder made. ``build`` writes into a
fresh folder beside ``site/`` and swaps it in only when everything succeeded,
so a failed build never leaves half a site behind.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path

from . import __version__, theme
from .build import make_build
from .content import Content, ContentError, load_content
from .content.approval import edition, omissions
from .publish import PublishError, PublishPlan, publish
from .publish.glossary import glossary_links
from .registry import GLOSSARY, kind_on, page_url
from .render.environment import use_site_templates
from .render.fonts import RendererError
from .render.outputs import site_outputs, write_outputs
from .settings import CONFIG_FILE, BuildSettings, SettingsError, content_folder
from .sitedir import SiteDirError, build_lock, check_replaceable, make_staging, remove_leftovers, replace_site


def _locate(args: argparse.Namespace) -> None:
    """Set ``args.content`` (the content folder) and ``args.config_file`` (its mkdocs.yml) for every command.

    The content folder: ``--content``, else ``CONTENT_DIR``, else ``content_dir`` in mkdocs.yml
    (``settings.content_folder``). The settings file: ``build --config-file``, else the nearest mkdocs.yml above
    the content folder (``sites/x/content`` takes the repository's), else ``mkdocs.yml`` here."""
    from .maintainer import plugin_options
    from .settings import config_file_for

    given = getattr(args, "config_file", None)
    if given is None and args.content is None and not os.environ.get("CONTENT_DIR"):
        given = Path(CONFIG_FILE)
    if given is not None:
        config_file = Path(given)
        args.content = content_folder(args.content, plugin_options(config_file).get("content_dir"), config_file.parent)
    else:
        args.content = content_folder(args.content, None, Path("."))
        config_file = config_file_for(args.content) or args.content.resolve().parent / CONFIG_FILE
    args.config_file = config_file
    args.root = config_file.resolve().parent


def _settings(args: argparse.Namespace, content: Content) -> BuildSettings:
    """Content settings, the maintainer's options in the site's mkdocs.yml, then the environment."""
    from .maintainer import MaintainerConfig, check_editor_login, plugin_options
    from .views.admin import github_repo

    config = MaintainerConfig.from_options(plugin_options(args.config_file), args.config_file.name)
    build = BuildSettings.resolve(args.content, base_url=content.settings.base_url, repo_url=config.repo_url,
                                  edit_branch=config.edit_branch, editor_auth_url=config.editor_auth_url,
                                  editor_login=config.login, embed_origins=config.embed_origins,
                                  time_zone=content.settings.time_zone, root=args.root)
    check_editor_login(config, github_repo(build.repo_url))
    return build


def _validate(args: argparse.Namespace) -> int:
    load_content(args.content)
    print(f"Nội dung hợp lệ (content is valid): {args.content}")
    return 0


def _edition(args: argparse.Namespace) -> tuple[Content, BuildSettings]:
    """The content this build publishes (approved items only unless ``SITE_MODE=preview``) and its settings;
    a production build prints, per file, which unapproved items it left out."""
    content = load_content(args.content)
    settings = _settings(args, content)
    if not settings.preview:
        for omission in omissions(content):
            print(f"BẢN CHÍNH THỨC: {omission}", file=sys.stderr)
    return edition(content, settings.preview), settings


def _render(args: argparse.Namespace) -> int:
    content, settings = _edition(args)
    # The site's templates/ beside its mkdocs.yml (or its content folder), as the plugin's default templates_dir.
    use_site_templates(settings.project_dir / "templates")
    written = write_outputs(site_outputs(content, settings), args.out)
    written += theme.write_docs(args.out)  # the package's scripts, stylesheets and pages, as the plugin adds them
    print(f"Đã ghi {len(written)} tệp (trang Markdown, lịch, feed, hướng dẫn) vào {args.out}")
    return 0


def _publish(args: argparse.Namespace) -> int:
    """The post-build steps on a folder any builder made (``publish`` module docstring gives the order)."""
    content = load_content(args.content)
    settings = _settings(args, content)
    content = edition(content, settings.preview)
    menu = tuple(page_url(path) for path in make_build(content, settings).offline)
    try:
        glossary = glossary_links(content.glossary, page_url(GLOSSARY)) if kind_on("glossary", content, settings) else None
        publish(args.site, PublishPlan(settings.site_path, menu, glossary))
    except PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã hoàn thiện trang trong {args.site} (stylesheet, tìm kiếm, đọc ngoại tuyến)")
    return 0


def _hosting(args: argparse.Namespace) -> int:
    """nginx, Apache and IIS configurations for this site (``generator.hosting``), the CSP from ``publish.csp``."""
    from . import hosting

    content = load_content(args.content)
    settings = _settings(args, content)
    site_dir = args.site_dir or ("/var/www/html" if settings.site_path == "/" else "/var/www" + settings.site_path)
    try:
        rules = hosting.rules(settings.site_path, site_dir, settings.embed_origins)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    written = hosting.write(rules, args.out)
    print(f"Đã ghi {', '.join(p.name for p in written)} vào {args.out} (trang tại {settings.site_path}, tệp ở {rules.site_dir})")
    return 0


def _dist(args: argparse.Namespace) -> int:
    """A dated, reproducible zip of the built site and the hosting configurations, with its SHA-256."""
    from . import hosting
    from .dist import make_dist

    content = load_content(args.content)
    settings = _settings(args, content)
    site_dir = "/var/www/html" if settings.site_path == "/" else "/var/www" + settings.site_path
    configs = hosting.render(hosting.rules(settings.site_path, site_dir, settings.embed_origins))
    archive, checksum = make_dist(args.site, args.out, settings.today, configs)
    print(f"Đã tạo {archive} và {checksum}")
    return 0


def _lint(args: argparse.Namespace) -> int:
    """Content lint: errors fail (exit 1), warnings only print."""
    from .editor.lint import lint, report

    findings = lint(args.content, args.root / "docs", args.root)
    if getattr(args, "format", "text") == "github":
        from .editor.annotations import finding_annotations

        for line in finding_annotations(findings):
            print(line)
    for line in report(findings):
        print(line)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _review(args: argparse.Namespace) -> int:
    """A pull request's changed files: maintainer-only files flagged, the pages that show the change listed. Run from the
    repository root: the changed paths and .github/CODEOWNERS are relative to it."""
    from .editor.review import read_changed, write_review

    content = load_content(args.content)
    settings = _settings(args, content)
    changed = read_changed(args.changed)
    for line in write_review(Path.cwd(), content, settings, changed, args.pages_out, args.format == "github"):
        print(line)
    return 0


def _schema(args: argparse.Namespace) -> int:
    """Write schema/*.json from the models, or (--check) fail when they are out of date."""
    from .editor.schema_export import stale, write

    root = args.root
    if args.check:
        if outdated := stale(root):
            print(f"LỖI: lược đồ JSON đã cũ, chạy `make schema`: {', '.join(outdated)}", file=sys.stderr)
            return 1
        print("Lược đồ JSON khớp với mã (JSON Schema is up to date).")
        return 0
    written = write(root)
    print(f"Đã ghi {len(written)} lược đồ JSON vào {root / 'schema'}")
    return 0


def _contributing(args: argparse.Namespace) -> int:
    """Regenerate the guide's field reference (huong-dan-bien-tap/truong-du-lieu.md), or (--check) fail when it is stale."""
    from .editor import guide

    root = args.root
    if args.check:
        if guide.stale(root):
            print(f"LỖI: tham chiếu trường {guide.REFERENCE} đã cũ, chạy `make docs`", file=sys.stderr)
            return 1
        return 0
    changed = guide.update(root)
    print(f"{guide.REFERENCE}: {'đã cập nhật' if changed else 'không đổi'}")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    """Upgrade the content folder to the shape this generator reads (content/migrations)."""
    from .content.migrations import SCHEMA_VERSION, content_version, migrate

    before = content_version(args.content)
    changes = migrate(args.content)
    for change in changes:
        print(f"  {change}")
    if changes:
        print(f"Đã nâng nội dung từ phiên bản {before} lên {SCHEMA_VERSION} (content migrated): {args.content}")
    else:
        print(f"Nội dung đã ở phiên bản {SCHEMA_VERSION}, không cần nâng (content is up to date): {args.content}")
    return 0


def _new(args: argparse.Namespace) -> int:
    """Write a starter site into a new (or empty) folder: content with marked gaps, mkdocs.yml, a
    README and a guide."""
    from .content.placeholders import MARKER
    from .starter import StarterError, options, write_starter

    try:
        values = options(args.organisation, args.level, args.resolution, args.resolution_date, args.site_url)
        changes = write_starter(args.dir, values)
    except StarterError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    for change in changes:
        print(f"  {change}")
    print(f"Đã tạo trang khởi đầu cho {values['organisation']} trong {args.dir}. Đọc {args.dir / 'CONTRIBUTING.md'}: "
          f"điền các chỗ «{MARKER}», rồi chạy `python -m generator lint` và `python -m generator build` trong thư mục đó.")
    return 0


def _build(args: argparse.Namespace) -> int:
    """Build into a staging folder beside ``site/``; replace ``site/`` only on success (``sitedir``)."""
    target = args.site_dir.resolve()
    with build_lock(target):
        remove_leftovers(target)
        try:
            check_replaceable(target)
        except SiteDirError as exc:
            print(exc, file=sys.stderr)
            return 1
        staging = make_staging(target)
        try:
            built = _run_mkdocs(args.config_file, staging, args.content)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if not built:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"LỖI: xây dựng thất bại, giữ nguyên {target} (build failed, site left as it was)", file=sys.stderr)
            return 1
        replace_site(staging, target)
    print(f"Đã xây dựng trang vào {target}")
    return 0


def _run_mkdocs(config_file: Path, site_dir: Path, content_dir: Path | None = None) -> bool:
    """A strict MkDocs build into ``site_dir`` of ``content_dir`` (None: the plugin's own choice); False (with the
    reason printed) when it fails."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .maintainer import PLUGIN_NAMES

    _show_mkdocs_warnings()
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        plugin = next((config.plugins[name] for name in PLUGIN_NAMES if name in config.plugins), None)
        if content_dir is not None and plugin is not None:
            plugin.content_override = content_dir.resolve()  # --content and CONTENT_DIR win over mkdocs.yml
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as exc:
        print(exc, file=sys.stderr)
        return False
    return True


def _show_mkdocs_warnings() -> None:
    """MkDocs logs its errors (and our content errors) instead of raising them: print them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    main_parser.add_argument("--content", type=Path, default=None,
                             help="thư mục nội dung (mặc định: biến CONTENT_DIR, rồi content_dir trong mkdocs.yml, "
                                  "rồi content)")
    main_parser.add_argument("--version", action="version", version=f"nghiquyet {__version__}",
                             help="phiên bản của trình tạo trang (generator version)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kiểm tra nội dung")
    validate.set_defaults(run=_validate)
    render = commands.add_parser("render", help="ghi Markdown đã sinh ra thư mục")
    render.add_argument("--out", type=Path, required=True)
    render.set_defaults(run=_render)
    publish_command = commands.add_parser("publish", help="hoàn thiện thư mục trang đã xây dựng (MkDocs hay công cụ khác)")
    publish_command.add_argument("site", type=Path, help="thư mục trang đã xây dựng")
    publish_command.set_defaults(run=_publish)
    hosting_command = commands.add_parser("hosting", help="ghi cấu hình nginx, Apache, IIS (CSP từ publish/csp.py)")
    hosting_command.add_argument("--out", type=Path, required=True)
    hosting_command.add_argument("--site-dir", help="thư mục chứa trang trên máy chủ, kết thúc bằng đường dẫn của trang "
                                 "(mặc định /var/www/<đường dẫn>)")
    hosting_command.set_defaults(run=_hosting)
    dist = commands.add_parser("dist", help="gói site/ thành tệp zip có ngày và mã SHA-256")
    dist.add_argument("site", type=Path, nargs="?", default=Path("site"))
    dist.add_argument("--out", type=Path, default=Path("dist"))
    dist.set_defaults(run=_dist)
    lint = commands.add_parser("lint", help="kiểm tra chính tả, số hiệu, ngày, liên kết, ảnh")
    lint.set_defaults(run=_lint)
    review = commands.add_parser("review", help="tệp của người duy trì bị sửa, các trang có thay đổi (cho bản xem trước)")
    review.add_argument("--changed", type=Path, required=True, help="danh sách tệp đã đổi, mỗi dòng một đường dẫn "
                        "(git diff --name-only)")
    review.add_argument("--pages-out", type=Path, help="ghi danh sách trang có thay đổi (JSON) vào tệp này")
    review.set_defaults(run=_review)
    for command in (validate, lint, review):
        command.add_argument("--format", choices=["text", "github"], default="text",
                             help="github: thêm chú thích ::error file=…,line=…:: để GitHub hiện lỗi ngay tại dòng")
    for name, run, text in (("schema", _schema, "xuất lược đồ JSON vào schema/"),
                            ("contributing", _contributing, "cập nhật tham chiếu trường (huong-dan-bien-tap/truong-du-lieu.md)")):
        command = commands.add_parser(name, help=text)
        command.add_argument("--check", action="store_true", help="chỉ kiểm tra, không ghi")
        command.set_defaults(run=run)
    migrate = commands.add_parser("migrate", help="nâng nội dung lên cấu trúc mà phiên bản này đọc")
    migrate.set_defaults(run=_migrate)
    new = commands.add_parser("new", help="tạo trang khởi đầu cho một tổ chức mới vào thư mục DIR (mới hoặc trống)")
    new.add_argument("dir", type=Path, metavar="DIR", help="thư mục sẽ chứa trang mới")
    new.add_argument("--organisation", required=True, help="tên cơ quan ban hành Kế hoạch, ví dụ “Đảng ủy xã Tân Lập”")
    new.add_argument("--level", required=True, help="cấp của cơ quan, ví dụ xã, tỉnh")
    new.add_argument("--resolution", required=True, help="số, ký hiệu Nghị quyết, ví dụ 68-NQ/TW")
    new.add_argument("--resolution-date", help="ngày ban hành Nghị quyết, ví dụ 22/12/2024")
    new.add_argument("--site-url", help="địa chỉ sẽ xuất bản trang, ví dụ https://example.gov.vn/nghi-quyet/")
    new.set_defaults(run=_new, locate=False)
    build = commands.add_parser("build", help="xây dựng trang vào site/ (nguyên tử)")
    build.add_argument("--config-file", type=Path, default=None, help="tệp cài đặt (mặc định mkdocs.yml)")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.set_defaults(run=_build)
    from .multisite.buildall import add_command  # build-all: every sites/<id>/ into deploy/<id>/ (generator/multisite/)

    add_command(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if getattr(args, "locate", True):  # `new` writes a folder, build-all finds its sites: neither reads one content
            _locate(args)
        return args.run(args)
    except ContentError as exc:
        if getattr(args, "format", "text") == "github":
            from .editor.annotations import problem_annotations

            for line in problem_annotations(exc.problems):
                print(line)
        print(exc.report(), file=sys.stderr)
        return 1
    except SettingsError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    except RendererError as exc:  # the PDF or an image cannot be drawn here: what to do, no traceback
        print(exc, file=sys.stderr)
        return 1
