"""``python -m generator new DIR``: a starter site for a new organisation that validates, lints and builds at once.

Open SDG's site starter is the model: an organisation begins from a small repository that already builds, not
from another organisation's site with its words to hunt down. The files come from ``site/`` (package data):
``content/`` in the current content shape with every gap marked ``«CẦN ĐIỀN: …»`` (``content.placeholders``,
which the lint reports), a ``mkdocs.yml`` naming the package's plugin as the repository's does, and a short
README and guide (CONTRIBUTING.md) in Vietnamese saying what to fill in first. The templates are in the current
content shape and say so (``schema_version``): the migrations, which keep a published site's former addresses and
words, never touch a new site. ``migrate`` still runs, and does nothing, as a check of that.

The options are untrusted (quotes, newlines, colons, markup): each is checked with the content model's own type
before anything is written, and every value reaches a YAML file as a double-quoted scalar (``yaml`` filter).
"""

from __future__ import annotations

import typing
from datetime import date
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import TypeAdapter, ValidationError

from ..content import content_files, load_content
from ..content.horizons import HORIZONS_DIR
from ..content.migrations import SCHEMA_VERSION, migrate
from ..content.models import DocDate, Name, Settings, TargetSection, Url, Wording
from ..content.placeholders import MARKER, placeholder
from ..maintainer import PLUGIN

TEMPLATES = Path(__file__).parent / "site"
"""The starter's files, each ``<path>.j2`` written to ``DIR/<path>``."""

PLAN_HEAD = ("cai-dat.yml", "ke-hoach.yml")
"""Files the guide names on their own (settings and the plan's heading); the others are listed from the folder."""
GUIDES = ("README.md.j2", "CONTRIBUTING.md.j2")
"""Written last, after the migrations: the guide lists the content files as the migrated folder has them.
CONTRIBUTING.md is the repository's note for whoever starts the site; the editors' guide on the site itself is
the package's (``views.guide``), filled with this site's content."""


class StarterError(Exception):
    """An option ``new`` cannot use, or a folder it must not write into: the sentence says what to type instead."""


def levels() -> tuple[str, ...]:
    """The levels ``cai-dat.yml`` accepts, read off the settings model (a new level there is a new level here)."""
    return typing.get_args(Settings.model_fields["level"].annotation)


def _shown(value: str) -> str:
    """An option as the error message repeats it: on one line, whatever it holds."""
    return value.replace("\r", "").replace("\n", "↵")


def _checked(option: str, kind: object, value: str, hint: str) -> typing.Any:
    """``value`` validated as ``kind`` (the model's own type), or a StarterError naming the option and the fix."""
    try:
        return TypeAdapter(kind).validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        said = error["msg"] if not error["type"].startswith(("string_", "value_error", "date_")) else ""
        if error["type"] == "string_too_long":
            said = f"dài quá {error.get('ctx', {}).get('max_length')} ký tự"
        reason = f"{said}; " if said and not said.isascii() else ""
        raise StarterError(f"{option} “{_shown(value)}”: {reason}{hint}") from None


def _yaml(value: object) -> str:
    """One value as a double-quoted YAML scalar: quotes, colons, ``#`` and line breaks cannot change the file."""
    return yaml.safe_dump(str(value), allow_unicode=True, default_style='"', width=float("inf")).rstrip("\n")


def _block(text: str) -> str:
    """A placeholder inside a folded block (``>-``): the starter's own words, one line, written as they are."""
    assert "\n" not in text and not text.startswith(("'", '"')), text
    return text


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=False,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["yaml"] = _yaml
    env.globals.update(ph=lambda what: _yaml(placeholder(what)), ph_block=lambda what: _block(placeholder(what)),
                       marker=MARKER, plugin=PLUGIN)
    return env


def options(organisation: str, level: str, resolution: str, resolution_date: str | None = None,
            site_url: str | None = None, today: date | None = None) -> dict[str, typing.Any]:
    """The templates' values from the command's options, each checked; StarterError on the first bad one."""
    organisation = _checked("--organisation", Name, organisation,
                            "ghi tên cơ quan trên một dòng, không có ngoặc kép thẳng, < >, { }, ví dụ "
                            "--organisation \"Đảng ủy xã Tân Lập\"")
    allowed = levels()
    if level not in allowed:
        raise StarterError(f"--level “{_shown(level)}”: cấp này chưa được hỗ trợ; ghi một trong: "
                           + ", ".join(f"“{name}”" for name in allowed))
    resolution = _checked("--resolution", Name, resolution,
                          "ghi số, ký hiệu Nghị quyết trên một dòng, ví dụ --resolution 68-NQ/TW")
    values: dict[str, typing.Any] = {
        "organisation": organisation, "level": level, "resolution": resolution,
        "site_name": _checked("--organisation", Name, f"Nghị quyết {resolution} — {organisation}",
                              "tên cơ quan và số Nghị quyết quá dài cho tên trang; viết gọn hơn"),
        "site_description": _checked("--organisation", Name,
                                     f"Kế hoạch của {organisation} thực hiện Nghị quyết số {resolution}.",
                                     "tên cơ quan và số Nghị quyết quá dài cho dòng mô tả trang; viết gọn hơn"),
        "resolution_date": None, "site_url": None,
        "placeholder_date": (today or date.today()).isoformat(),
        "schema_version": SCHEMA_VERSION,
        # The starter is written in the current shape: the migrations keep a published site's former addresses and
        # words, which a new site must not get.
        "wording": Wording().model_dump(),
        # Written out, so a migration step that keeps a published site's former words (``wording``) leaves a new
        # site with the generic ones: such steps add their key only where the settings lack it.
    }
    if resolution_date is not None:
        values["resolution_date"] = _checked("--resolution-date", DocDate, resolution_date,
                                             "ghi ngày có thật, dạng ngày/tháng/năm, ví dụ --resolution-date 22/12/2024"
                                             ).isoformat()
    if site_url is not None:
        values["site_url"] = _checked("--site-url", Url, site_url,
                                      "ghi địa chỉ đầy đủ bắt đầu bằng https://, ví dụ --site-url https://example.gov.vn/nq/")
    return values


def check_target(target: Path) -> None:
    """``DIR`` is absent or an empty folder: a starter never writes over somebody's files."""
    if target.exists() and not target.is_dir():
        raise StarterError(f"“{target}” đã là một tệp; chọn tên một thư mục mới hoặc thư mục trống")
    if target.is_dir() and any(target.iterdir()):
        raise StarterError(f"thư mục “{target}” đã có tệp; lệnh `new` chỉ viết vào thư mục mới hoặc thư mục trống "
                           "để không ghi đè lên tệp nào. Chọn thư mục khác, hoặc dùng `migrate` để nâng nội dung có sẵn")


def write_starter(target: Path, values: dict[str, typing.Any]) -> list[str]:
    """Write the starter into ``target`` (absent or empty), migrate its content, check that it loads; return the
    migrations' lines (what they changed)."""
    check_target(target)
    env = environment()
    for template in sorted(env.list_templates(filter_func=lambda name: name.endswith(".j2") and name not in GUIDES)):
        path = target / template.removesuffix(".j2")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(values), encoding="utf-8")
    (target / "docs").mkdir(exist_ok=True)  # MkDocs needs the folder; the package's docs/ layer fills it
    (target / "docs" / ".gitkeep").write_text("", encoding="utf-8")
    content = target / "content"
    changes = migrate(content)
    load_content(content)  # the starter must load as written; a ContentError here is reported like any other
    plan_files = [(f"content/{entry.name}", entry.holds) for entry in content_files()
                  if not entry.optional and entry.name not in PLAN_HEAD and (content / entry.name).exists()]
    holds = (TargetSection.__doc__ or "").strip().splitlines()[0].rstrip(".")
    plan_files += [(f"content/{HORIZONS_DIR}/{path.name}", holds) for path in sorted((content / HORIZONS_DIR).glob("*.yml"))]
    for template in GUIDES:
        text = env.get_template(template).render(values | {"plan_files": plan_files})
        (target / template.removesuffix(".j2")).write_text(text, encoding="utf-8")
    return changes


__all__ = ["StarterError", "check_target", "levels", "options", "write_starter"]
