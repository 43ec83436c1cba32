"""The editor guide: ``CONTRIBUTING.md`` (written by hand) and its field reference (generated from the schema).

The guide is two files that read on GitHub as they read on the site:
``CONTRIBUTING.md`` becomes the page ``huong-dan-bien-tap/``, and the field
reference, generated from the models into ``huong-dan-bien-tap/truong-du-lieu.md``
by ``python -m generator contributing``, becomes ``huong-dan-bien-tap/truong-du-lieu/``.
The relative link ``huong-dan-bien-tap/truong-du-lieu.md`` from CONTRIBUTING.md
therefore resolves in both places. A test fails when the committed reference
differs from the models, so the guide never drifts from the code.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from ..content.fields import fields
from ..content.loader import EXTRA_SCHEMAS, content_files
from ..render.environment import environment

SOURCE = "CONTRIBUTING.md"
PAGE = "huong-dan-bien-tap.md"
REFERENCE = "huong-dan-bien-tap/truong-du-lieu.md"
"""The field reference: a committed, generated file at this path and a site page at the same path."""

_WHERE = {"tin-tuc-bai.yml": "content/tin-tuc/*.md (phần đầu, giữa hai dòng ---)",
          "to-chuc-co-so-ket-qua.yml": "content/to-chuc-co-so/*.yml (mỗi tổ chức một tệp)"}


GUIDE_LINK = "../CONTRIBUTING.md"
"""The reference's link back to the guide as a file in the repository; the site page links the page instead."""


def field_reference(guide_link: str = GUIDE_LINK) -> str:
    """The whole reference page in Markdown: one list per kind of content file (lists, not tables: no sideways scroll)."""
    groups: dict[type[BaseModel], list[str]] = {}
    schemas = {entry.name: entry.model for entry in content_files()} | EXTRA_SCHEMAS
    required = {entry.model for entry in content_files() if not entry.optional}
    for name, model in schemas.items():
        groups.setdefault(model, []).append(_WHERE.get(name, f"content/{name}"))
    files = [{"paths": paths, "doc": (model.__doc__ or "").strip(), "rows": fields(model), "required": model in required}
             for model, paths in groups.items()]
    return environment().get_template("field-reference.md.j2").render(files=files, guide_link=guide_link).strip() + "\n"


def stale(root: Path) -> bool:
    """True when ``root``'s committed field reference differs from the models (``make docs`` fixes it)."""
    path = root / REFERENCE
    return not path.is_file() or path.read_text(encoding="utf-8") != field_reference()


def update(root: Path) -> bool:
    """Rewrite ``root``'s field reference; True when the file changed."""
    if not stale(root):
        return False
    path = root / REFERENCE
    path.parent.mkdir(exist_ok=True)
    path.write_text(field_reference(), encoding="utf-8")
    return True


def task_pages(root: Path) -> list[str]:
    """The guide's task pages (``huong-dan-bien-tap/*.md`` but the generated reference), one per editing task.

    Each is a file in the repository (linked from CONTRIBUTING.md, read on GitHub) and a page of the site at the
    same path; its link back to the guide names CONTRIBUTING.md, which the site page names by its page instead.
    """
    folder = root / Path(REFERENCE).parent
    if not folder.is_dir():
        return []
    return [path.relative_to(root).as_posix() for path in sorted(folder.glob("*.md"))
            if path.relative_to(root).as_posix() != REFERENCE]


def task_site_body(root: Path, name: str) -> str:
    """A task page as a site page: links to the guide file point at the guide's page."""
    return (root / name).read_text(encoding="utf-8").replace(f"]({GUIDE_LINK})", f"](../{PAGE})")


def site_body(root: Path) -> str | None:
    """The guide's Markdown for its site page (None when the project has no CONTRIBUTING.md)."""
    path = root / SOURCE
    return path.read_text(encoding="utf-8") if path.is_file() else None


def reference_site_body() -> str:
    """The reference as a site page: the same text, linking the guide's page rather than CONTRIBUTING.md."""
    return field_reference(f"../{PAGE}")
