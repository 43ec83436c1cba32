"""The editors' guide as pages: ``CONTRIBUTING.md`` (written by hand) and its field reference (from the models).

The guide is two files that read on GitHub as they read on the site: ``CONTRIBUTING.md`` becomes the page
``huong-dan-bien-tap/`` and the committed field reference ``huong-dan-bien-tap/truong-du-lieu.md`` (written by
``python -m generator contributing``, ``editor/guide.py``) becomes ``huong-dan-bien-tap/truong-du-lieu/``. The
reference's text is drawn by ``render/guide.py``; this module holds what the registry needs to list the pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SOURCE = "CONTRIBUTING.md"
PAGE = "huong-dan-bien-tap.md"
REFERENCE = "huong-dan-bien-tap/truong-du-lieu.md"
"""The field reference: a committed, generated file at this path and a site page at the same path."""
GUIDE_LINK = "../CONTRIBUTING.md"
"""The guide as a file in the repository, from the reference and the task pages; site pages link its page instead."""


@dataclass(frozen=True)
class ReferencePage:
    """The field reference as a site page: it links the guide's page (not CONTRIBUTING.md) and names the site's
    own content folder (``content``, ``sites/x/content``)."""

    guide_link: str
    content_prefix: str


def site_body(root: Path) -> str | None:
    """The guide's Markdown for its site page (None when the project has no CONTRIBUTING.md)."""
    path = root / SOURCE
    return path.read_text(encoding="utf-8") if path.is_file() else None


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


SNIPPET_MARK = re.compile(r"^[ \t]*<!-- tệp: .*-->[ \t]*\n", re.M)
"""The line naming a snippet's file above each snippet (``tests/test_guide_snippets.py`` reads it on GitHub's copy).
On the site page it would sit in the same paragraph as the code block that follows, which is not valid HTML."""


def task_site_body(root: Path, name: str) -> str:
    """A task page as a site page: links to the guide file point at the guide's page, snippet marks left out."""
    text = (root / name).read_text(encoding="utf-8").replace(f"]({GUIDE_LINK})", f"](../{PAGE})")
    return SNIPPET_MARK.sub("", text)


def reference_page(content_prefix: str) -> ReferencePage:
    return ReferencePage(f"../{PAGE}", content_prefix)


def in_folder(text: str, content_prefix: str) -> str:
    """``text`` (a guide page, a field's hint) with every `` `content/…` `` path moved into ``content_prefix``."""
    return text if content_prefix == "content" else text.replace("`content/", f"`{content_prefix}/")
