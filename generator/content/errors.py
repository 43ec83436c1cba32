"""Errors an editor can act on: Vietnamese first, then file:line:column, field, found, expected.

Pydantic reports a path and an English message; this module turns each into a
sentence in Vietnamese and attaches the position the YAML reader recorded. The
project's own rules raise ``PydanticCustomError`` with their Vietnamese message
beside the rule (``models.py``), so they pass through unchanged.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..text import vn_number
from .fields import field_names
from .patterns import hint


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place."""

    file: str
    line: int | None
    column: int | None
    message_vi: str
    message_en: str = ""
    field: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: LỖI: {self.message_vi}"
        if self.field:
            text += f"\n    trường (field): {self.field}"
        if self.message_en:
            text += f"\n    (en) {self.message_en}"
        return text


class ContentError(Exception):
    """One or more problems in the content; the build must stop and say them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def at(cls, file: str | Path, line: int | None, column: int | None,
           message_vi: str, message_en: str = "", field: str = "") -> ContentError:
        return cls([Problem(str(file), line, column, message_vi, message_en, field)])

    def report(self) -> str:
        """The text printed to an editor: a count, then every problem."""
        count = len(self.problems)
        header = f"Nội dung có {count} lỗi, chưa xây dựng trang (content has {count} error(s); nothing was built):"
        return header + "\n\n" + "\n\n".join(str(p) for p in self.problems)


# Pydantic's own error kinds in the editor's words; the project's rules carry their message themselves.
_MESSAGES = {
    "missing": "thiếu trường bắt buộc “{name}”",
    "extra_forbidden": "trường “{name}” không có trong lược đồ",
    "string_type": "phải là chữ (văn bản)",
    "string_unicode": "có ký tự không hợp lệ (không phải chữ Unicode); xóa ký tự đó rồi gõ lại",
    "string_too_short": "không được để trống",
    "string_too_long": "quá dài (tối đa {max_length} ký tự)",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_type": "phải là số (dùng dấu chấm thập phân, ví dụ 0.7)",
    "float_parsing": "phải là số (dùng dấu chấm thập phân, ví dụ 0.7)",
    "finite_number": "phải là một số cụ thể (không dùng .nan, .inf), ví dụ 0.7",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "date_type": "phải là ngày (ví dụ 2025-03-10 hoặc 10/3/2025)",
    "date_parsing": "phải là ngày có thật (ví dụ 2025-03-10 hoặc 10/3/2025)",
    "date_from_datetime_parsing": "phải là ngày có thật (ví dụ 2025-03-10 hoặc 10/3/2025)",
    "literal_error": "giá trị không hợp lệ; chỉ được chọn: {expected}",
    "list_type": "phải là danh sách (mỗi mục một dòng bắt đầu bằng “- ”)",
    "model_type": "phải là một nhóm trường (dạng khóa: giá trị)",
    "dict_type": "phải là một nhóm trường (dạng khóa: giá trị)",
    "too_short": "danh sách không được rỗng",
    "too_long": "danh sách quá dài (tối đa {max_length} mục)",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
}


def _message(error: Any, name: str) -> str:
    kind = error["type"]
    if kind not in _MESSAGES and kind != "string_pattern_mismatch":
        return error["msg"]  # a PydanticCustomError: already the editor's sentence
    context = {k: v for k, v in (error.get("ctx") or {}).items() if k != "name"}
    if error.get("input", "") is None and kind.endswith("_type"):
        return "chưa điền: viết giá trị ngay sau dấu hai chấm (hoặc xóa cả dòng nếu trường không bắt buộc)"
    if kind == "string_pattern_mismatch":
        return hint(str(context.get("pattern", "")))
    if kind == "string_too_long" and isinstance(error.get("input"), str):
        return (f"quá dài: tối đa {vn_number(context['max_length'])} ký tự, hiện có {vn_number(len(error['input']))}; "
                "rút gọn lại (đoạn dài thì tách thành nhiều đoạn)")
    if kind == "string_type" and isinstance(error.get("input"), list | dict):
        return ("phải là chữ viết ngay sau dấu hai chấm, trên cùng dòng; ở đây đang là các dòng “- …” hoặc “khóa: giá trị” "
                "thụt vào bên dưới (với đoạn dài, viết `>-` sau dấu hai chấm rồi xuống dòng)")
    return _MESSAGES[kind].format(name=name, **context)


def shown_value(value: Any) -> str:
    """The value an editor typed, in the editor's words: never Python's ``None``, ``[...]`` or ``{...}``."""
    if value is None or value == "":
        return "đang để trống"
    if isinstance(value, list):
        return f"đang là danh sách {len(value)} mục"
    if isinstance(value, dict):
        return "đang là một nhóm trường"
    if isinstance(value, bool):
        return f"giá trị hiện có: {'true' if value else 'false'}"
    return f"giá trị hiện có: “{str(value)[:80]}”"


def translate(exc: ValidationError, file: str, located: Any, model: type[BaseModel]) -> list[Problem]:
    """One Problem per pydantic error, positioned by the YAML reader's map."""
    vocabulary = field_names(model)
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        kind = error["type"]
        name = str(loc[-1]) if loc else ""
        text = _message(error, name)
        moved = getattr(model, "MOVED", {})
        if kind == "extra_forbidden" and len(loc) == 1 and name in moved:
            text = (f"trường “{name}” đã chuyển khỏi tệp nội dung: {moved[name]}, vì đây là cài đặt an toàn chỉ người "
                    "duy trì kho mã được đổi (SECURITY.md). Xóa dòng này (và các dòng thụt vào bên dưới nó) khỏi tệp này")
        elif kind == "extra_forbidden" and (close := difflib.get_close_matches(name, vocabulary, n=1)):
            text += f"; có phải ý bạn là “{close[0]}”?"
        if kind not in {"missing", "extra_forbidden"} and "input" in error and error["input"] is not None:
            text += f" ({shown_value(error['input'])})"
        line, column = located.position(loc) or (None, None)
        english = f"{kind}: {error['msg']}" if kind in _MESSAGES else kind
        problems.append(Problem(file, line, column, text, english, ".".join(map(str, loc))))
    return problems
