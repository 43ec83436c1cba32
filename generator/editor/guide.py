"""The editor guide: ``CONTRIBUTING.md`` with a field reference generated from the schema.

The reference sits between two marker comments and is rewritten by
``python -m generator contributing``; a test fails when it differs from the
models, so the guide never drifts from the code. The same file becomes the
site page ``huong-dan-bien-tap/``, whose edit link opens ``CONTRIBUTING.md``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from ..content.fields import fields
from ..content.loader import EXTRA_SCHEMAS, content_files
from ..render.environment import environment

SOURCE = "CONTRIBUTING.md"
PAGE = "huong-dan-bien-tap.md"
BEGIN = "<!-- BẮT ĐẦU: tham chiếu trường, sinh bằng `python -m generator contributing`; đừng sửa tay -->"
END = "<!-- KẾT THÚC: tham chiếu trường -->"

_WHERE = {"tin-tuc-bai.yml": "content/tin-tuc/*.md (phần đầu, giữa hai dòng ---)",
          "to-chuc-co-so-ket-qua.yml": "content/to-chuc-co-so/*.yml (mỗi tổ chức một tệp)"}


def field_reference() -> str:
    """The Markdown block between the markers: one list per kind of content file."""
    groups: dict[type[BaseModel], list[str]] = {}
    schemas = {entry.name: entry.model for entry in content_files()} | EXTRA_SCHEMAS
    for name, model in schemas.items():
        groups.setdefault(model, []).append(_WHERE.get(name, f"content/{name}"))
    files = [{"paths": paths, "doc": (model.__doc__ or "").strip(), "rows": fields(model)} for model, paths in groups.items()]
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


def site_body(root: Path) -> str | None:
    """The guide's Markdown for its site page (None when the project has no CONTRIBUTING.md)."""
    path = root / SOURCE
    if not path.is_file():
        return None
    return with_reference(path.read_text(encoding="utf-8"))
