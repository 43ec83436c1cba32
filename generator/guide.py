"""The editor guide: ``CONTRIBUTING.md`` with a field reference generated from the schema.

The reference sits between two marker comments and is rewritten by
``python -m generator contributing``; a test fails when it differs from the
models, so the guide never drifts from the code. The same file becomes the
site page ``huong-dan-bien-tap/``, whose edit link opens ``CONTRIBUTING.md``.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

from .content import FILES
from .render import environment
from .schema_export import EXTRA

SOURCE = "CONTRIBUTING.md"
PAGE = "huong-dan-bien-tap.md"
BEGIN = "<!-- BẮT ĐẦU: tham chiếu trường, sinh bằng `python -m generator contributing`; đừng sửa tay -->"
END = "<!-- KẾT THÚC: tham chiếu trường -->"

_WHERE = {"tin-tuc-bai.yml": "content/tin-tuc/*.md (phần đầu, giữa hai dòng ---)"}


@dataclass(frozen=True)
class Row:
    """One line of the reference: a field, its kind, whether it is required, what it means."""

    name: str
    kind: str
    required: bool
    description: str


def _strip(annotation: Any) -> tuple[Any, bool]:
    """Unwrap Annotated and ``X | None``; the flag says whether None was allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _kind(annotation: Any) -> str:
    annotation, _ = _strip(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return "danh sách: " + _kind(typing.get_args(annotation)[0])
    if origin is Literal:
        return "một trong: " + ", ".join(f"`{value}`" for value in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "nhóm trường"
    return {str: "chữ", int: "số nguyên", float: "số", bool: "`true`/`false`", date: "ngày"}.get(annotation, str(annotation))


def rows(model: type[BaseModel], prefix: str = "") -> list[Row]:
    """Every field reachable from ``model``, nested ones as ``parent.child`` or ``list[].child``."""
    found = []
    for name, info in model.model_fields.items():
        annotation, _ = _strip(info.annotation)
        inner, suffix = annotation, ""
        if typing.get_origin(annotation) is list:
            inner, suffix = _strip(typing.get_args(annotation)[0])[0], "[]"
        nested = isinstance(inner, type) and issubclass(inner, BaseModel)
        description = info.description or (inner.__doc__ or "").strip().splitlines()[0] if nested else info.description or ""
        found.append(Row(prefix + name, _kind(info.annotation), info.is_required(), description.replace("|", "\\|")))
        if nested:
            found.extend(rows(inner, f"{prefix}{name}{suffix}."))
    return found


def field_reference() -> str:
    """The Markdown block between the markers: one table per kind of content file."""
    groups: dict[type[BaseModel], list[str]] = {}
    for name, model in {**FILES, **EXTRA}.items():
        groups.setdefault(model, []).append(_WHERE.get(name, f"content/{name}"))
    files = [{"paths": paths, "doc": (model.__doc__ or "").strip(), "rows": rows(model)} for model, paths in groups.items()]
    return environment().get_template("field-reference.md.j2").render(files=files).strip()


def with_reference(text: str) -> str:
    """``text`` with the block between the markers replaced by the current reference."""
    if BEGIN not in text or END not in text:
        raise ValueError(f"{SOURCE} thiếu dòng đánh dấu tham chiếu trường ({BEGIN!r} … {END!r})")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n\n{field_reference()}\n\n{END}{tail}"


def update(root: Path) -> bool:
    """Rewrite the reference in ``root/CONTRIBUTING.md``; True when the file changed."""
    path = root / SOURCE
    text = path.read_text(encoding="utf-8")
    new = with_reference(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def site_page(root: Path) -> str | None:
    """The guide as a site page (None when the project has no CONTRIBUTING.md)."""
    path = root / SOURCE
    if not path.is_file():
        return None
    body = with_reference(path.read_text(encoding="utf-8"))
    return environment().get_template("guide-page.md.j2").render(body=body)
