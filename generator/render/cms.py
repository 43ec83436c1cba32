"""The browser editor's configuration (Decap CMS, page ``bien-tap/quan-tri/``), generated from the content models.

Decap reads ``bien-tap/quan-tri/config.yml``: which folder holds posts, which form field edits
which front-matter key, where uploaded photos go. Everything here is derived from
``models.Post`` (field names, required or not, Vietnamese ``title`` as label and
``description`` as hint, length limits, patterns with their Vietnamese sentence) and
from the content (categories, tags, parts of the plan as select options), so a field
added to the model appears in the form and a new category in the list without editing
this file.

Only posts are editable here. Decap rewrites a whole YAML file when it saves one entry
of a ``files`` collection: the comments, the ``# yaml-language-server`` line and the
quoting of plan text would be lost, and those files are checked sentence by sentence
against the plan (``test_fidelity.py``). Posts are Markdown files of their own, with
front matter only an editor writes, so a rewrite loses nothing.
"""

from __future__ import annotations

import datetime
import re
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..content import Content, models, patterns
from ..content.photos import PHOTO_DIR
from ..content.posts import NEWS_DIR
from ..registry import ADMIN_CONFIG
from ..views.guide import in_folder

CONFIG_PATH = ADMIN_CONFIG
"""Under the editors' area (``registry.EDITORS``) beside the editor's page ``registry.ADMIN``."""
"""Where the built site carries the configuration; the page's ``<link rel="cms-config-url">`` names it."""

DATE_FORMAT = "YYYY-MM-DD"
"""What Decap writes in the file: the ISO form ``models.DocDate`` reads."""
DATE_DISPLAY = "DD/MM/YYYY"
"""What the editor sees in the date picker: the Vietnamese order."""

MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                    "bulleted-list", "numbered-list"]
"""Only what a post body may contain: no code blocks, no raw HTML (``load_post`` refuses HTML)."""



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
    """A field's constraint ``name`` (``pattern``, ``max_length``), or None."""
    return next((value for item in _metadata(info) if (value := getattr(item, name, None)) is not None), None)


def _pattern(info: FieldInfo) -> str | None:
    return _constraint(info, "pattern")


def _max_length(info: FieldInfo) -> int | None:
    return _constraint(info, "max_length")


def _label(name: str, info: FieldInfo) -> str:
    """The model's Vietnamese ``title``; failing that the description's first clause, never the key alone."""
    if info.title:
        return info.title
    description = info.description or name
    return re.split(r"[,;.(]", description, maxsplit=1)[0].strip() or name


def _base_field(name: str, info: FieldInfo) -> dict[str, Any]:
    """Name, label, hint and ``required`` of any form field."""
    field: dict[str, Any] = {"name": name, "label": _label(name, info)}
    if info.description:
        field["hint"] = info.description
    if not info.is_required():
        field["required"] = False
    return field


def _scalar_widget(annotation: Any, info: FieldInfo) -> dict[str, Any]:
    """Widget keys for a value that is not a nested model or a list."""
    if annotation is datetime.date:
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_DISPLAY, "time_format": False,
                "picker_utc": True}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        return {"widget": "number", "value_type": "int"}
    if annotation is float:
        return {"widget": "number", "value_type": "float"}
    limit = _max_length(info)
    keys: dict[str, Any] = {"widget": "text" if limit and limit > models.MAX_LINE else "string"}
    if (pattern := _pattern(info)) is not None:
        keys["pattern"] = [pattern, patterns.hint(pattern)]
    return keys


def _list_item_info(annotation: Any) -> FieldInfo:
    """The FieldInfo of a ``list[Slug]`` item (its pattern), built from the item's Annotated metadata."""
    return FieldInfo.from_annotation(typing.get_args(annotation)[0]) if typing.get_args(annotation) else FieldInfo()


def model_fields(model: type[BaseModel], options: dict[str, Sequence[Option]]) -> list[dict[str, Any]]:
    """Decap fields for every field of ``model``, in the model's order.

    ``options`` turns a field into a select (one value, or several for a list) with those choices.
    """
    fields = []
    for name, info in model.model_fields.items():
        annotation, _ = _unwrap(info.annotation)
        field = _base_field(name, info)
        if options.get(name):  # no choices known (e.g. no tag named yet): a plain field below
            field.update(widget="select", options=[{"label": o.label, "value": o.value} for o in options[name]])
            if typing.get_origin(annotation) is list:
                field["multiple"] = True
                if (limit := _max_length(info)) is not None:
                    field["max"] = limit
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            children = model_fields(annotation, {})
            if not info.is_required():
                # Decap checks a child's `required` even when the optional object is left empty, and refuses to save
                # a post without a photo. So the children are optional in the form; the loader still requires
                # `alt` once `src` is given, with its Vietnamese message (their hints say "bắt buộc").
                for child in children:
                    child["required"] = False
            field.update(widget="object", fields=children)
        elif typing.get_origin(annotation) is list:
            item = _list_item_info(annotation)
            field.update(widget="list")
            if (pattern := _pattern(item)) is not None:
                field["pattern"] = [pattern, patterns.hint(pattern)]
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
    ``auth_url`` is the portal team's GitHub OAuth server (Decap's ``base_url``); without it Decap
    falls back to Netlify's, which only serves sites hosted there.
    """
    fields = model_fields(models.Post, post_options(content, plan_parts))
    _image_field(fields)
    _hints_in_folder(fields, content_prefix)
    fields.append({"name": "body", "label": "Nội dung bài", "widget": "markdown", "buttons": MARKDOWN_BUTTONS,
                   "editor_components": [], "modes": ["rich_text", "raw"],
                   "hint": "Viết bằng Markdown; không dùng mã HTML."})
    backend: dict[str, Any] = {"name": "github", "branch": branch,
                               "commit_messages": {"create": "Thêm bài “{{slug}}” (soạn trên trang quản trị)",
                                                   "update": "Sửa bài “{{slug}}” (soạn trên trang quản trị)",
                                                   "delete": "Xóa bài “{{slug}}” (soạn trên trang quản trị)",
                                                   "uploadMedia": "Tải ảnh “{{path}}” lên",
                                                   "deleteMedia": "Xóa ảnh “{{path}}”"}}
    if repo:
        backend["repo"] = repo
    if auth_url:
        backend["base_url"] = auth_url.rstrip("/")
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "locale": "vi",
        "media_folder": f"{content_prefix}/{PHOTO_DIR}",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [{
            "name": "tin-tuc",
            "label": "Tin, bài",
            "label_singular": "bài",
            "folder": f"{content_prefix}/{NEWS_DIR}",
            "extension": "md",
            "format": "frontmatter",
            "create": True,
            "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
            "summary": "{{title}} ({{date}})",
            "sortable_fields": ["date", "title"],
            "fields": fields,
        }],
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config
