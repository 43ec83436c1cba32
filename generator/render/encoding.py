"""Each output format encodes its values for itself: iCalendar, CSV, JSON, XML and YAML front matter.

The content reader already refuses control, direction and line-separator characters
(``content.characters``), NaN and infinity. These encoders are the second layer: they
hold even for a value that reached them another way (an environment variable, a
future field), so no value can add a property to the ``.ics``, a row to the CSV, a
formula to the spreadsheet, ``NaN`` to a JSON file or an ill-formed character to the feed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from ..content.characters import BLOCK_ALLOWED, strip_hidden

# --------------------------------------------------------------------------
# iCalendar (RFC 5545)
# --------------------------------------------------------------------------

ICS_MAX_OCTETS = 75
"""RFC 5545 §3.1: a content line is at most 75 octets before its line break."""

_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Every character ``str.splitlines`` (and some calendar parser) takes for a line end, CRLF as one."""


def ics_text(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT: every line end becomes ``\\n``; backslash, semicolon and comma are escaped.

    Any other control or direction character is dropped: a TEXT value is one content line.
    """
    value = strip_hidden(_BREAKS.sub("\n", value), "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def ics_fold(line: str) -> str:
    """RFC 5545 §3.1: lines over 75 octets continue on CRLF + space, cut between characters (never inside UTF-8)."""
    parts: list[str] = []
    current, size, limit = "", 0, ICS_MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size, limit = "", 0, ICS_MAX_OCTETS - 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n ".join(parts)


def ics_lines(text: str) -> str:
    """A rendered calendar as RFC 5545 bytes: one content line per template line, folded, CRLF after each.

    Only LF separates the template's lines (values are escaped by ``ics_text``); any other
    control character left in a line, from a value that skipped the filter, is dropped.
    """
    lines = (strip_hidden(line, "") for line in text.split("\n"))
    return "".join(ics_fold(line) + "\r\n" for line in lines if line.strip())


# --------------------------------------------------------------------------
# CSV (RFC 4180) for a spreadsheet
# --------------------------------------------------------------------------

FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")
"""A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets (OWASP "CSV injection"),
including the full-width forms some spreadsheets fold to ASCII."""

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
"""A plain number, signed, with thousands or decimal separators: a spreadsheet reads it as a number, never a formula."""


def csv_cell(value: object) -> object:
    """A value as a CSV cell: numbers as they are; text without hidden characters, a formula turned into text.

    The leading apostrophe is what a spreadsheet user types to enter text that starts with ``=``; it is
    added whenever the first visible character could start a formula, and never to a plain number.
    """
    if not isinstance(value, str):
        return value
    value = strip_hidden(_BREAKS.sub("\n", value), BLOCK_ALLOWED)
    start = value.lstrip()[:1]  # a spreadsheet may trim spaces (any Unicode space) before reading a formula
    if (start in FORMULA_STARTS or value[:1] in FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


# --------------------------------------------------------------------------
# JSON (RFC 8259) and YAML front matter
# --------------------------------------------------------------------------


def json_text(value: Any, **options: Any) -> str:
    """Strict JSON: a NaN or an infinity is an error here, never ``NaN``/``Infinity`` in a file (invalid JSON)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, **options)


_YAML_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def yaml_string(value: object) -> str:
    """A double-quoted YAML scalar (JSON's syntax), with the characters YAML reads as line ends escaped."""
    text = json_text(value)
    for char, escape in _YAML_BREAKS.items():
        text = text.replace(char, escape)
    return text


# --------------------------------------------------------------------------
# XML 1.0 (the RSS feed)
# --------------------------------------------------------------------------

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 forbids even as references (§2.2): C0 controls, lone surrogates, U+FFFE, U+FFFF."""


def xml_text(value: Any) -> Any:
    """A value printed into XML: characters XML forbids and hidden characters dropped (escaping is autoescape's)."""
    if isinstance(value, str):
        clean = strip_hidden(_NOT_XML.sub("", value), BLOCK_ALLOWED)
        return Markup(clean) if isinstance(value, Markup) else clean
    return value
