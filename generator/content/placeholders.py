"""The marker a starter site (``python -m generator new``) leaves where the editor still has to write something.

``«CẦN ĐIỀN: …»`` is ordinary text to the models, so a starter validates and builds and the editor can look at
the pages at once; the lint reports every line that still carries one (a warning, not an error: a site may go
online in stages), with what the marker says is missing. One constant, so the starter's files and the lint agree.
"""

from __future__ import annotations

import re

MARKER = "CẦN ĐIỀN"
"""The words an editor searches for: "needs filling in"."""

_PLACEHOLDER = re.compile(r"«\s*" + MARKER + r"\s*:?\s*([^»\n]*)»?")
"""``«CẦN ĐIỀN: tên địa phương»`` (the closing « may be missing on a line that wraps), and a bare ``CẦN ĐIỀN``
in a comment."""


def placeholder(what: str) -> str:
    """The marked text the starter writes where ``what`` is to be filled in."""
    return f"«{MARKER}: {what}»"


def find_placeholders(line: str) -> list[str]:
    """What each placeholder on ``line`` asks for (``""`` for a bare marker); empty when the line has none."""
    found = [match.group(1).strip() for match in _PLACEHOLDER.finditer(line)]
    if not found and MARKER in line:
        found = [line.split(MARKER, 1)[1].lstrip(" :").strip()]
    return found
