"""Characters no content value may hold, however they were written: one list for raw files and decoded values.

An editor cannot see a control character, a direction override or a line
separator, yet each changes what a reader sees or what a file format means:
U+202E shows "kpa.cod" as "doc.apk" in pages, search and feeds, a NUL makes
``feed.xml`` ill-formed, a CR or U+2028 starts a new line in an ``.ics`` or a
CSV. The YAML reader looks for them twice, with this one list: in the raw file
(what was typed or pasted) and in every decoded string (what YAML escapes such
as ``"\\u202E"``, ``"\\0"`` or ``"\\r"`` produce), and a character reference such
as ``&#x202E;`` counts as the character it names, because the browser decodes it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

_KINDS = (
    ("\x00-\x1f\x7f-\x9f", "ký tự điều khiển"),
    ("\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069", "ký tự đảo chiều văn bản"),
    ("\u2028\u2029", "ký tự xuống dòng đặc biệt"),
    ("\ud800-\udfff\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f", "ký tự không hợp lệ"),
)
"""Each range with its name in the editor's words: C0/C1 controls (NUL, CR, VT, FF, NEL …); the marks,
embeddings, overrides and isolates that reorder text (ALM, LRM, RLM, U+202A…U+202E, U+2066…U+2069); the
Unicode line and paragraph separators; lone surrogates, noncharacters, interlinear annotations and tag
characters (invisible text)."""

_HIDDEN = re.compile("[" + "".join(chars for chars, _ in _KINDS) + "]")


@cache
def _hidden_except(allowed: str) -> re.Pattern[str]:
    """The list without ``allowed`` (a lookahead: ``re`` has no set difference)."""
    return re.compile(f"(?![{re.escape(allowed)}]){_HIDDEN.pattern}") if allowed else _HIDDEN
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{1,31});?")
"""An HTML character reference: Markdown passes it through and the browser decodes it."""

RAW_ALLOWED = "\t\n\r"
"""In a file as typed: Tab (inside text), line ends (LF or CRLF)."""
BLOCK_ALLOWED = "\t\n"
"""In a decoded paragraph: newline and Tab; a CR only comes from an escape (YAML turns CRLF into LF)."""
LINE_ALLOWED = ""
"""In a decoded name, title or address: nothing (``models.Name`` refuses newline and Tab)."""


@dataclass(frozen=True)
class Hidden:
    """A forbidden character found: where (offset in the text), which, and what it is called."""

    offset: int
    char: str
    written: str
    """How it stands in the text: the character itself, or the reference (``&#x202E;``) that names it."""

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def kind(self) -> str:
        return next(name for chars, name in _KINDS if re.fullmatch(f"[{chars}]", self.char))

    def message(self) -> str:
        """The editor's sentence: what it is, that it is invisible, what to do."""
        how = f" (viết dưới dạng “{self.written}”)" if self.written != self.char else ""
        return (f"có {self.kind} ẩn ({self.code}){how}, thường do dán từ nơi khác hoặc gõ mã thoát; "
                "xóa ký tự này rồi gõ lại chữ ở chỗ đó")


def find_hidden(text: str, allowed: str = BLOCK_ALLOWED) -> Hidden | None:
    """The first forbidden character of ``text`` (``allowed`` excepted), written or as a character reference."""
    match = _hidden_except(allowed).search(text)
    found = Hidden(match.start(), match.group(), match.group()) if match else None
    if "&" in text:
        for match in _REFERENCE.finditer(text, 0, found.offset if found else len(text)):
            decoded = html.unescape(match.group())
            if decoded != match.group() and (inner := _hidden_except(allowed).search(decoded)):
                return Hidden(match.start(), inner.group(), match.group())
    return found


def strip_hidden(text: str, allowed: str = BLOCK_ALLOWED) -> str:
    """``text`` without any forbidden character: an encoder's second layer behind the reader's refusal."""
    return _hidden_except(allowed).sub("", text)
