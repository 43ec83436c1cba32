"""The editors' guide's field reference, generated from the schema: the committed copy.

The guide's pages are package templates filled with the site's own examples (``views/guide.py``, listed by the
registry); the reference's text is drawn by ``render/guide.py``. This module, on top of both, writes and checks
the committed ``huong-dan-bien-tap/truong-du-lieu.md`` (``python -m generator contributing``, ``make docs``), which
reads on GitHub as the site page ``bien-tap/huong-dan-bien-tap/truong-du-lieu/`` reads. A test fails when the
committed reference differs from the models, so the reference never drifts from the code.
"""

from __future__ import annotations

from pathlib import Path

from ..render.guide import GUIDE_LINK, field_reference
from ..views.guide import PAGE, REFERENCE, SNIPPET_MARK, SOURCE, TASKS, in_folder

__all__ = ["GUIDE_LINK", "PAGE", "REFERENCE", "SNIPPET_MARK", "SOURCE", "TASKS", "field_reference", "in_folder",
           "reference_site_body", "stale", "update"]


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


def reference_site_body(content_prefix: str = "content") -> str:
    """The reference as a site page: the same text, linking the guide's page rather than CONTRIBUTING.md, and naming
    the site's own content folder."""
    return field_reference(f"../{PAGE}", content_prefix)
