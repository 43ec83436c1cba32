"""Name the real mistake behind a YAML syntax error, at the line where the editor made it.

PyYAML reports where it gave up, which is often far from the mistake: an
unclosed quote is reported where the next quote closes it, ``title:Hội nghị``
on the following line, a wrapped summary as "could not find expected ':'".
When the parser fails, ``diagnose`` reads the lines up to the failure for the
mistakes editors actually make (pasting from Word, wrapping a long line,
forgetting a space) and returns the first one found, with what to type. It
runs only after a failure, so a heuristic can never refuse a valid file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_ENTRY = re.compile(rf"^(?P<indent> *)(?P<dash>- +)?(?P<key>{_KEY}):(?P<rest>.*)$")
"""A ``key: value`` line, possibly a list item's first line (``- key: value``)."""
_NO_SPACE = re.compile(rf"^(?P<indent> *)(?P<dash>- +)?(?P<key>{_KEY}):(?P<value>[^\s/:#][^\n]*)$")
"""``title:Hội nghị``: a field name, a colon, then text with no space (``https://`` excluded)."""
_LOOKALIKE = "\u00a0\u202f\u2007\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"


@dataclass(frozen=True)
class Diagnosis:
    """The line (1-based) of the mistake and the sentence that says what to type."""

    line: int
    message: str
    english: str


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _unclosed(value: str) -> bool:
    """A value that opens a quote (``"…`` or ``'…``) and does not close it on the same line."""
    value = value.strip()
    if not value or value[0] not in "\"'":
        return False
    mark, body = value[0], value[1:]
    if mark == '"':
        body = re.sub(r"\\.", "", body)
        return '"' not in body
    return "'" not in body.replace("''", "")


def _value(line: str) -> tuple[str, int] | None:
    """The value after ``key:`` or ``- `` on a line, and the line's key indentation."""
    if match := _ENTRY.match(line):
        return match["rest"], len(match["indent"]) + len(match["dash"] or "")
    stripped = line.lstrip(" ")
    if stripped.startswith("- "):
        return stripped[2:], _indent(line)
    return None


def _nearest_above(lines: list[str], index: int) -> int | None:
    """The index of the closest line above ``index`` with content (not blank, not a comment)."""
    return next((i for i in range(index - 1, -1, -1) if _content(lines[i])), None)


def diagnose(text: str, failed_at: int | None) -> Diagnosis | None:
    """The first known mistake at or before the failure line (1-based), or None when none is recognised."""
    lines = text.splitlines()
    last = len(lines) if failed_at is None else min(len(lines), failed_at)
    for index in range(last):
        line, number = lines[index], index + 1
        if not _content(line):
            continue
        if found := _lookalike_after_colon(line, number):
            return found
        if match := _NO_SPACE.match(line):
            typed = f"{match['key']}: {match['value'].strip()}"
            return Diagnosis(number, f"thiếu dấu cách sau dấu hai chấm của “{match['key']}”: thêm dấu cách sau dấu "
                             f"hai chấm, viết `{typed[:80]}`", "missing space after the colon")
        entry = _value(line)
        if entry and _unclosed(entry[0]) and _quote_runs_on(lines, index, entry[1]):
            mark = entry[0].strip()[0]
            kind = "kép" if mark == '"' else "đơn"
            return Diagnosis(number, f"dấu ngoặc {kind} mở ở dòng này chưa được "
                             f"đóng: thêm dấu {mark} ở cuối giá trị, hoặc bỏ dấu ở đầu; trong câu hãy dùng ngoặc kép "
                             "cong “…”", "unclosed quote opened on this line")
        if entry and entry[0].strip() in {"[]", "{}"} and _has_children(lines, index, entry[1]):
            empty = entry[0].strip()
            key = _ENTRY.match(line)
            name = key["key"] if key else ""
            return Diagnosis(number, f"“{empty}” nghĩa là {'danh sách' if empty == '[]' else 'nhóm trường'} rỗng, "
                             f"nhưng bên dưới có các mục: xóa “{empty}”, chỉ để `{name}:`",
                             f"'{empty}' marks an empty value but entries follow: remove it")
        if found := _wrapped(lines, index):
            return found
    return None


def _lookalike_after_colon(line: str, number: int) -> Diagnosis | None:
    """A Word or Zalo non-breaking space after ``key:`` makes YAML read the whole line as text."""
    match = re.match(rf"^ *(?:- +)?({_KEY}):([{_LOOKALIKE}]+)", line)
    if not match:
        return None
    code = ord(match[2][0])
    rest = line[match.end():].strip()
    return Diagnosis(number, f"sau dấu hai chấm của “{match[1]}” là dấu cách không ngắt (U+{code:04X}), thường do dán "
                     "từ Word, Zalo hay trang web; YAML không nhận: xóa khoảng trắng sau dấu hai chấm rồi gõ lại bằng "
                     f"phím cách, viết `{match[1]}: {rest[:60]}`", "a non-breaking space follows the colon")


def _quote_runs_on(lines: list[str], index: int, indent: int) -> bool:
    """The next content line looks like a new field or item, not the quoted text continued."""
    following = next((line for line in lines[index + 1:] if _content(line)), None)
    return following is None or (_indent(following) <= indent and _value(following) is not None)


def _has_children(lines: list[str], index: int, indent: int) -> bool:
    following = next((line for line in lines[index + 1:] if _content(line)), None)
    if following is None:
        return False
    return _indent(following) > indent or (_indent(following) == indent and following.lstrip().startswith("- "))


def _wrapped(lines: list[str], index: int) -> Diagnosis | None:
    """A line of plain text under ``key: value`` at the key's indentation: a long value wrapped by hand."""
    line = lines[index]
    if _value(line) is not None or line.lstrip().startswith(("-", "[", "{", "\"", "'", "|", ">")):
        return None
    above = _nearest_above(lines, index)
    if above is None or not (match := _ENTRY.match(lines[above])) or not match["rest"].strip():
        return None
    indent = len(match["indent"]) + len(match["dash"] or "")
    if _indent(line) > indent:
        return None
    return Diagnosis(index + 1, f"dòng này không có dấu hai chấm: có vẻ là phần tiếp theo của “{match['key']}” ở dòng "
                     f"{above + 1} bị xuống dòng; nối dòng này vào cuối dòng {above + 1}, hoặc thụt dòng này vào "
                     f"{indent + 2} dấu cách", "a wrapped value line: join it to the line above or indent it")
