"""The browser editor's configuration (Decap CMS, page ``bien-tap/quan-tri/``), generated from the content models.

Decap reads ``bien-tap/quan-tri/config.yml``: one collection per routine task (``TASKS``: posts with photos, an
organisation's results and the register, target measurements, Q&A, glossary and quiz items, the footer's
contact), which form field edits which key, where uploaded photos go. One walker (``model_fields``) turns a
pydantic model into form fields: the Vietnamese ``title`` (or the description's first clause) as label, the
``description`` as hint, required or not, lengths, number bounds, patterns with their Vietnamese sentence
(``patterns.hint``), ``Literal`` choices as selects labelled from the description. A field added to a model
appears in the form without editing this file. (``content/fields.py`` walks the JSON Schema for the guide;
Decap needs the Python types — dates, ``Literal`` labels, nested models — so this walker reads the models.)

Why Decap CMS and not Sveltia CMS (``@sveltia/cms`` 0.221.1 unpacked and read, December 2026; not run here):
Sveltia is smaller (2.3 MB of JavaScript against the 5.8 MB of Decap's files copied into ``quan-tri/``), its
bundle contains no ``eval(`` or ``new Function`` (so likely no ``'unsafe-eval'``, which Decap needs for ajv), it
ships a fuller Vietnamese locale (880 of 991 strings; Decap 171 of 248), supports the editorial workflow on
GitHub and signs in with a personal access token, without a login server. But it ignores ``local_backend``:
its local mode writes a folder picked with the File System Access API, straight into the working tree, with no
branch — nothing a headless test can drive, and no way to show here that a save becomes a branch and never
touches ``main``. Decap's editorial workflow against ``decap-server`` does exactly that on a real git repository
(tests/browser/test_cms.py). The missing Vietnamese strings are supplied (``render/cms_locale.py``), and login goes
through an OAuth server (``maintainer.check_editor_login``).

Nothing reaches ``main`` without review: ``publish_mode: editorial_workflow`` (every save is a branch
``cms/<collection>/<entry>`` and a pull request), ``delete: false`` on every collection, and the page's
guard script (``locale.script``) refuses to replace or delete a photo already published (Decap would
commit that to ``main`` directly); the page's stylesheet hides the global media library's button.

Files that quote the plan (the target sections' files) and the settings file are edited
through a form that shows only what an editor may change (``RESTRICTED``): the measurements of each
indicator, the footer's contact and publisher. Decap keeps the other keys' values when it saves (tested) but
rewrites the whole file: comments are lost and quoting may change, never the values, which is what
``test_fidelity.py`` and the loader check. Lists of plan items cannot be added to, removed or reordered there.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..content import Content, grassroots, models, patterns
from ..content.horizons import horizon_attribute, horizon_file, horizon_year
from ..content.photos import PHOTO_DIR
from ..content.posts import NEWS_DIR
from ..registry import ADMIN_CONFIG, horizon_path
from ..views.guide import in_folder

CONFIG_PATH = ADMIN_CONFIG
"""Under the editors' area (``registry.EDITORS``) beside the editor's page ``registry.ADMIN``."""
"""Where the built site carries the configuration; the page's ``<link rel="cms-config-url">`` names it."""

DATE_FORMAT = "YYYY-MM-DD"
"""What Decap writes in the file: the ISO form ``models.DocDate`` reads."""
DATE_DISPLAY = "DD/MM/YYYY"
"""Day first, the Vietnamese order (Chromium's date box follows the browser's language)."""

MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                    "bulleted-list", "numbered-list"]
"""Only what a post body may contain: no code blocks, no raw HTML (``load_post`` refuses HTML)."""

PICKER_DATES = {"Post.date"}
"""Dates entered with the browser's date picker: a post's, which names its file (``YYYY-MM-DD``) and defaults to
today. The picker shows the browser's own order (mm/dd/yyyy in an English browser), so every other date is typed
as text, ngày/tháng/năm, the way ``models.DocDate`` reads it (``patterns.DATE``), whatever the browser's language."""

LONG_TEXT = 200
"""Strings whose limit is above this get a multi-line box."""

_CHOICE = re.compile(r"`([^`]+)`\s*\(([^)]+)\)")
"""``national`` (cả nước) in a description: the label an editor reads for a code."""


@dataclass(frozen=True)
class Option:
    """One choice of a select field: the code written to the file and the name the editor reads."""

    value: str
    label: str


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the annotation without ``| None``, whether None was allowed)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), len(args) < len(typing.get_args(annotation))
    return annotation, False


def _metadata(info: FieldInfo) -> list[Any]:
    """Constraints of a field, including those of the type inside ``X | None`` (pydantic keeps them there)."""
    inner, optional = _unwrap(info.annotation)
    return [*info.metadata, *(FieldInfo.from_annotation(inner).metadata if optional else [])]


def _constraint(info: FieldInfo, name: str) -> Any:
    """A field's constraint ``name`` (``pattern``, ``max_length``, ``ge``), or None."""
    return next((value for item in _metadata(info) if (value := getattr(item, name, None)) is not None), None)


def _pattern(info: FieldInfo) -> str | None:
    return _constraint(info, "pattern")


def _max_length(info: FieldInfo) -> int | None:
    return _constraint(info, "max_length")


def _label(name: str, info: FieldInfo, model: type[BaseModel] | None = None) -> str:
    """The model's Vietnamese ``title``; failing that the description's first clause, never the key alone."""
    if info.title:
        return info.title
    if model is not None and (own := FIELD_LABELS.get(f"{model.__name__}.{name}")):
        return own
    description = re.split(r", (?:ví dụ|một trong|dùng|hiện|để|khi|theo)\b|[;.(:]", (info.description or "").replace("`", ""),
                           maxsplit=1)[0].strip()
    if len(description) > MAX_LABEL:
        description = description.split(",", 1)[0].strip()
    return description or LABELS.get(name, name)


MAX_LABEL = 60
"""A label longer than this is cut at its first comma; the whole description stays as the hint."""


LABELS = {"paragraphs": "Các đoạn", "questions": "Các câu hỏi", "groups": "Các nhóm câu hỏi", "terms": "Các thuật ngữ",
          "claims": "Các thông tin sai lệch", "quotes": "Câu trích nguyên văn", "source": "Phần văn bản làm căn cứ"}
"""Labels of fields whose model gives neither title nor description (lists of nested items)."""
FIELD_LABELS = {"QuizOption.correct": "Phương án đúng", "Term.link": "Tự động liên kết thuật ngữ trong các trang",
                "Term.aliases": "Cách viết khác", "QuizQuestion.options": "Các phương án (3 đến 4)"}
"""Labels where the description starts with a code (`true` cho …), not with what the field is."""


def _base_field(name: str, info: FieldInfo, model: type[BaseModel] | None = None) -> dict[str, Any]:
    """Name, label, hint and ``required`` of any form field."""
    field: dict[str, Any] = {"name": name, "label": _label(name, info, model)}
    if info.description:
        field["hint"] = info.description
    if not info.is_required():
        field["required"] = False
    return field


def _choices(annotation: Any, description: str | None) -> list[Option]:
    """A ``Literal``'s values, each labelled as its description explains it (`national` (cả nước) → cả nước)."""
    labels = dict(_CHOICE.findall(description or ""))
    return [Option(str(value), labels.get(str(value), str(value))) for value in typing.get_args(annotation)]


def _length_pattern(info: FieldInfo) -> list[str] | None:
    """A string's length limits as a pattern with a Vietnamese message (Decap's text widgets have no min/max)."""
    low, high = _constraint(info, "min_length"), _max_length(info)
    if high is None:
        return None
    return [f"^[\\s\\S]{{{low or 0},{high}}}$", f"tối đa {high} ký tự"]


def _scalar_widget(annotation: Any, info: FieldInfo) -> dict[str, Any]:
    """Widget keys for a value that is not a nested model or a list."""
    if annotation is datetime.date:
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_DISPLAY, "time_format": False,
                "picker_utc": False}  # the browser's day: an editor in Vietnam, the site's zone (Asia/Ho_Chi_Minh)
    if annotation is bool:
        return {"widget": "boolean", "default": info.default if isinstance(info.default, bool) else False}
    if annotation in (int, float):
        keys: dict[str, Any] = {"widget": "number", "value_type": "int" if annotation is int else "float"}
        for bound, key in (("ge", "min"), ("le", "max")):
            if (value := _constraint(info, bound)) is not None:
                keys[key] = value
        return keys
    if typing.get_origin(annotation) is typing.Literal:
        keys = {"widget": "select",
                "options": [{"label": o.label, "value": o.value} for o in _choices(annotation, info.description)]}
        if info.description and _CHOICE.search(info.description):  # the editor picks a name: no codes in the hint
            keys["hint"] = _CHOICE.sub(r"\2", info.description)
        return keys
    limit = _max_length(info)
    short = _is_name(info) or _pattern(info) is not None or (limit is not None and limit <= LONG_TEXT)
    keys = {"widget": "string" if short else "text"}
    if (pattern := _pattern(info)) is not None:
        keys["pattern"] = [pattern, patterns.hint(pattern)]
    elif (length := _length_pattern(info)) is not None:
        keys["pattern"] = length
    return keys


def _is_name(info: FieldInfo) -> bool:
    """A ``models.Name`` (one line: a title, a unit's name) rather than ``models.Text`` (a paragraph)."""
    return any(getattr(getattr(item, "func", None), "__name__", "") == "_plain_name" for item in _metadata(info))


def _list_item_info(annotation: Any) -> FieldInfo:
    """The FieldInfo of a list's item (its pattern, its model), built from the item's Annotated metadata."""
    return FieldInfo.from_annotation(typing.get_args(annotation)[0]) if typing.get_args(annotation) else FieldInfo()


SUMMARY_FIELDS = ("title", "name", "question", "term", "claim", "organisation", "text", "date", "source")
"""What a collapsed list item shows, first found among its required fields: its name, question or date."""


def _summary(model: type[BaseModel]) -> str | None:
    required = [name for name, info in model.model_fields.items() if info.is_required()]
    return next(("{{fields." + name + "}}" for name in SUMMARY_FIELDS if name in required), None)


def model_fields(model: type[BaseModel], options: Mapping[str, Sequence[Option]],
                 only: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Decap fields for every field of ``model``, in the model's order.

    ``options`` turns a field into a select (one value, or several for a list) with those choices.
    ``only`` restricts the form to some fields (``RESTRICTED``): ``{"paragraphs": {"indicators": {"measurements":
    True}}}`` shows those lists without letting the editor add, remove or reorder their items; the keys not
    shown are kept as they are when Decap saves.
    """
    fields = []
    for name, info in model.model_fields.items():
        if only is not None and name not in only:
            continue
        below = only.get(name) if only is not None else None
        nested = below if isinstance(below, Mapping) else None
        annotation, _ = _unwrap(info.annotation)
        field = _base_field(name, info, model)
        if options.get(name):  # no choices known (e.g. no tag named yet): a plain field below
            field.update(widget="select", options=[{"label": o.label, "value": o.value} for o in options[name]])
            if typing.get_origin(annotation) is list:
                field["multiple"] = True
                if (limit := _max_length(info)) is not None:
                    field["max"] = limit
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            children = model_fields(annotation, options, nested)
            if not info.is_required():
                # Decap checks a child's `required` even when the optional object is left empty, and refuses to save
                # without it. So the children are optional in the form; the loader still requires them once the
                # object is given, with its Vietnamese message (their hints say what is needed).
                for child in children:
                    child["required"] = False
            field.update(widget="object", fields=children, collapsed=False)
        elif typing.get_origin(annotation) is list:
            item_info = _list_item_info(annotation)
            item, _ = _unwrap(item_info.annotation)
            field.update(widget="list", collapsed=True)
            # "2 đoạn", "Thêm tổ chức": Decap puts the count and "Thêm" before the label, so no "Các …" here.
            label = field["label"].removeprefix("Các ")
            field["label"] = label[:1].upper() + label[1:]
            if isinstance(item, type) and issubclass(item, BaseModel):
                field["fields"] = model_fields(item, options, nested)
                field["label_singular"] = label[:1].lower() + label[1:]
                if (summary := _summary(item)) is not None:
                    field["summary"] = summary
            else:
                field["collapsed"] = False  # one line each: shown as they are, not as a label to click
                single = {"name": "item", "label": field["label"]}
                single.update(_scalar_widget(item, item_info))
                field["field"] = single
            if (low := _constraint(info, "min_length")) is not None:
                field["min"] = low
            if (high := _max_length(info)) is not None:
                field["max"] = high
            if nested is not None:  # plan items: their measurements only
                field.update(allow_add=False, allow_remove=False, allow_reorder=False)
        elif annotation is datetime.date and f"{model.__name__}.{name}" not in PICKER_DATES:
            field.update(widget="string", pattern=[patterns.DATE, patterns.hint(patterns.DATE)])
            field["hint"] = f"{info.description or ''} Viết ngày/tháng/năm, ví dụ 20/3/2025.".strip()
        else:
            field.update(_scalar_widget(annotation, info))
        fields.append(field)
    return fields


def _image_field(fields: list[dict[str, Any]]) -> None:
    """``image.src`` is an upload: the file goes into ``content/anh/`` and the post keeps its bare name."""
    for field in fields:
        if field["name"] == "image":
            for sub in field["fields"]:
                if sub["name"] == "src":
                    sub["widget"] = "image"
                    sub.pop("pattern", None)  # Decap fills it; the loader checks the name (patterns.PHOTO_NAME)
                    sub["choose_url"] = False


def post_options(content: Content, plan_parts: Iterable[tuple[str, str]]) -> dict[str, list[Option]]:
    """Choices of the post's select fields: categories and tags of ``tin-tuc.yml``, parts of the plan
    (``registry.plan_links``: id, title) for ``related``."""
    seen: dict[str, Option] = {}
    for value, label in plan_parts:
        seen.setdefault(value, Option(value, f"{label} ({value})"))
    return {
        "category": [Option(c.id, c.name) for c in content.news.categories],
        "tags": [Option(t.id, t.name) for t in content.news.tags],
        "related": list(seen.values()),
    }


def _content_files() -> dict[str, tuple[str, type[BaseModel]]]:
    """``Content`` attribute → (file name, model), from the loader's own declaration."""
    found = {}
    for item in dataclasses.fields(Content):
        if "file" in item.metadata:
            found[item.name] = (item.metadata["file"], typing.get_type_hints(Content)[item.name])
    return found


@dataclass(frozen=True)
class FileTask:
    """One content file an editor may change in the form, as a ``files`` collection entry."""

    attribute: str
    """The ``Content`` field (its file and model come from the loader)."""
    label: str
    only: Mapping[str, Any] | None = None
    """The fields shown (``model_fields``' ``only``); None: the whole model."""
    name: str | None = None
    """The entry's name in the editor's address (default: the file's name without ``.yml``)."""


RESTRICTED_TARGETS = {"paragraphs": {"indicators": {"measurements": True}}}
"""Target files quote the plan: only each indicator's measurements are editable."""
RESTRICTED_SETTINGS = {"contact": True, "governing_body": True, "responsible_person": True, "notice": True}
"""The footer's contact and publisher, and the notice on every page: what the media centre changes. The site's
name, level, address (``base_url``) and the calendar domain are left to maintainers (changing them breaks
links and calendars already shared)."""

HORIZON_TASK = "so-lieu-chi-tieu"
TASKS: dict[str, tuple[str, str, list[FileTask]]] = {
    HORIZON_TASK: ("Số liệu chỉ tiêu", "tệp chỉ tiêu", []),
    "so-to-chuc-co-so": ("Sổ tổ chức cơ sở", "sổ", [FileTask("grassroots", "Sổ các tổ chức cơ sở")]),
    "hoi-dap-thuat-ngu": ("Hỏi – đáp, làm rõ, thuật ngữ, trắc nghiệm", "trang", [
        FileTask("questions", "Hỏi – đáp"),
        FileTask("clarifications", "Làm rõ một số nhận thức chưa đúng"),
        FileTask("glossary", "Thuật ngữ"),
        FileTask("quiz", "Câu hỏi trắc nghiệm")]),
    "lien-he": ("Liên hệ, chân trang", "cài đặt", [FileTask("settings", "Liên hệ và chân trang", RESTRICTED_SETTINGS)]),
}
"""The ``files`` collections: name → (label, singular label, files). ``HORIZON_TASK``'s files are the site's
target horizons, one per file of ``muc-tieu/`` (``horizon_tasks``)."""


def horizon_tasks(content: Content) -> list[FileTask]:
    """One entry per target horizon, in year order: only each indicator's measurements are editable."""
    return [FileTask(horizon_attribute(section.year),
                     f"{'Tầm nhìn' if section.kind == 'vision' else 'Chỉ tiêu'} đến năm {section.year}", RESTRICTED_TARGETS,
                     horizon_path(section).removesuffix(".md"))
            for section in content.horizons]

POST_COLLECTION = "tin-tuc"
RECORD_COLLECTION = "ket-qua-to-chuc"


def _files_collection(name: str, label: str, singular: str, tasks: list[FileTask], prefix: str,
                      options: Mapping[str, Sequence[Option]]) -> dict[str, Any]:
    files = _content_files()
    entries = []
    for task in tasks:
        if (year := horizon_year(task.attribute)) is not None:
            file_name, model = horizon_file(year), models.TargetSection
        else:
            file_name, model = files[task.attribute]
        entries.append({"name": task.name or file_name.removesuffix(".yml"), "label": task.label, "file": f"{prefix}/{file_name}",
                        "fields": model_fields(model, options, task.only)})
    return {"name": name, "label": label, "label_singular": singular, "delete": False, "editor": {"preview": False},
            "files": entries}


def _commit(what: str) -> dict[str, str]:
    """Decap's commit messages, in Vietnamese."""
    return {"create": f"Thêm {what} “{{{{slug}}}}” (soạn trên trang quản trị)",
            "update": f"Sửa {what} “{{{{slug}}}}” (soạn trên trang quản trị)",
            "delete": f"Xóa {what} “{{{{slug}}}}” (soạn trên trang quản trị)",
            "uploadMedia": "Tải ảnh “{{path}}” lên",
            "deleteMedia": "Xóa ảnh “{{path}}”"}


def _hints_in_folder(fields: list[dict[str, Any]], content_prefix: str) -> None:
    """Hints name the site's own content folder (`` `sites/x/content/anh/` ``), as the guide does."""
    for field in fields:
        if "hint" in field:
            field["hint"] = in_folder(field["hint"], content_prefix)
        _hints_in_folder(field.get("fields", []), content_prefix)


def cms_config(content: Content, *, content_prefix: str, repo: str | None, branch: str,
               plan_parts: Iterable[tuple[str, str]], site_url: str | None = None,
               auth_url: str | None = None) -> dict[str, Any]:
    """The whole Decap configuration as a dict (``config.yml`` is its YAML dump).

    ``repo`` is ``owner/name`` on GitHub (None: the page tells what to set; the backend still names
    GitHub so a local test can override it). Changes are saved as pull requests (editorial workflow).
    ``auth_url`` is the GitHub OAuth login server (Decap's ``base_url``; ``maintainer.check_editor_login``
    refuses a build whose editor loads without one).
    """
    fields = model_fields(models.Post, post_options(content, plan_parts))
    _image_field(fields)
    for field in fields:
        if field["name"] == "date":
            field["default"] = "{{now}}"  # today in the browser's zone (picker_utc false), written YYYY-MM-DD
    fields.append({"name": "body", "label": "Nội dung bài", "widget": "markdown", "buttons": MARKDOWN_BUTTONS,
                   "editor_components": [], "modes": ["rich_text", "raw"],
                   "hint": "Viết bằng Markdown; không dùng mã HTML."})
    backend: dict[str, Any] = {"name": "github", "branch": branch, "commit_messages": _commit("nội dung")}
    if repo:
        backend["repo"] = repo
    if auth_url:
        backend["base_url"] = auth_url.rstrip("/")
    organisations = [Option(o.name, o.name) for o in content.grassroots.organisations]
    record_fields = model_fields(models.GrassrootsRecord, {"organisation": organisations})
    collections: list[dict[str, Any]] = [{
        "name": POST_COLLECTION,
        "label": "Tin, bài",
        "label_singular": "bài",
        "folder": f"{content_prefix}/{NEWS_DIR}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "delete": False,
        # The post's own date, as written (YYYY-MM-DD): {{year}}-{{month}}-{{day}} would read it as a UTC
        # instant and give the day before for anyone east of Greenwich (Decap's stringTemplate).
        "slug": "{{fields.date}}-{{slug}}",
        "summary": "{{title}} ({{fields.date | date('D/M/YYYY')}})",
        "sortable_fields": ["date", "title"],
        # Decap's preview is not the site (it shows codes such as `hoat-dong`) and takes half a phone's width;
        # the pull request's preview shows the real page.
        "editor": {"preview": False},
        "fields": fields,
    }, {
        "name": RECORD_COLLECTION,
        "label": "Kết quả tổ chức cơ sở",
        "label_singular": "tệp kết quả",
        "description": "Mỗi tổ chức một tệp: các buổi học tập, quán triệt; kế hoạch thực hiện; báo cáo kết quả. "
                       "Tên tổ chức chọn trong sổ tổ chức cơ sở.",
        "folder": f"{content_prefix}/{grassroots.RECORDS_DIR}",
        "extension": "yml",
        "format": "yml",
        "create": True,
        "delete": False,
        "identifier_field": "organisation",
        "slug": "{{organisation}}",
        "summary": "{{organisation}}",
        "editor": {"preview": False},
        "fields": record_fields,
    }]
    for name, (label, singular, tasks) in TASKS.items():
        tasks = horizon_tasks(content) if name == HORIZON_TASK else tasks
        if tasks:
            collections.append(_files_collection(name, label, singular, tasks, content_prefix, {}))
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "locale": "vi",
        "media_folder": f"{content_prefix}/{PHOTO_DIR}",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    for collection in collections:
        for entry in [collection, *collection.get("files", [])]:
            _hints_in_folder(entry.get("fields", []), content_prefix)
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config
