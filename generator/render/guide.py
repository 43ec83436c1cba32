"""The field reference's text, drawn from the models (``content.fields``) with ``field-reference.md.j2``.

One text, two places: the committed ``huong-dan-bien-tap/truong-du-lieu.md`` (``editor/guide.py`` writes and
checks it) and the site page (``views/guide.ReferencePage``, printed by ``field-reference-page.md.j2``).
"""

from __future__ import annotations

from pydantic import BaseModel

from ..content.fields import fields
from ..content.horizons import HORIZON_SCHEMA, HORIZONS_DIR
from ..content.loader import EXTRA_SCHEMAS, content_files
from ..views.guide import GUIDE_LINK, ReferencePage, in_folder
from .environment import environment

_WHERE = {"tin-tuc-bai.yml": "content/tin-tuc/*.md (phần đầu, giữa hai dòng ---)",
          "to-chuc-co-so-ket-qua.yml": "content/to-chuc-co-so/*.yml (mỗi tổ chức một tệp)",
          HORIZON_SCHEMA: f"content/{HORIZONS_DIR}/*.yml (mỗi năm mục tiêu một tệp, tên tệp là năm, ví dụ 2030.yml)"}



def field_reference(guide_link: str = GUIDE_LINK, content_prefix: str = "content") -> str:
    """The whole reference page in Markdown: one list per kind of content file (lists, not tables: no sideways scroll).
    Files are named where they are in the repository: ``content/…`` becomes ``sites/x/content/…`` for a site whose
    content folder is there (``content_prefix``)."""
    groups: dict[type[BaseModel], list[str]] = {}
    schemas = {entry.name: entry.model for entry in content_files()} | EXTRA_SCHEMAS
    required = {entry.model for entry in content_files() if not entry.optional}
    for name, model in schemas.items():
        groups.setdefault(model, []).append(_WHERE.get(name, f"content/{name}"))
    files = [{"paths": paths, "doc": (model.__doc__ or "").strip(), "rows": fields(model), "required": model in required}
             for model, paths in groups.items()]
    text = environment().get_template("field-reference.md.j2").render(files=files, guide_link=guide_link).strip() + "\n"
    return in_folder(text, content_prefix)


def reference_text(page: ReferencePage) -> str:
    """The site page's text (the template ``field-reference-page.md.j2`` prints it)."""
    return field_reference(page.guide_link, page.content_prefix)
