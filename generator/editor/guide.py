"""The editor guide: ``CONTRIBUTING.md`` (written by hand) and its field reference (generated from the schema).

The pages are listed by the registry from ``views/guide.py`` and the reference's text is drawn by
``render/guide.py``; this module, on top of both, writes and checks the committed copy.

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

from ..render.guide import GUIDE_LINK, field_reference
from ..views.guide import PAGE, REFERENCE, SOURCE, in_folder, site_body, task_pages, task_site_body

__all__ = ["GUIDE_LINK", "PAGE", "REFERENCE", "SOURCE", "field_reference", "in_folder", "reference_site_body",
           "site_body", "stale", "task_pages", "task_site_body", "update"]


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
