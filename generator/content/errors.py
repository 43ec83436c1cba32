"""Errors an editor can act on: Vietnamese first, then file:line:column, field, found, expected.

Pydantic reports a path and an English message; this module turns each into a
sentence in Vietnamese and attaches the position the YAML reader recorded. The
project's own rules raise ``PydanticCustomError`` with their Vietnamese message
beside the rule (``models.py``), so they pass through unchanged.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

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
            text += f"\n    chỗ: {describe(self.field)}"
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


def describe(field: str) -> str:
    """A field path in words: ``groups.0.questions.0.source`` → trường “source”, trong mục thứ 1 của “questions”, …"""
    parts = field.split(".")
    said: list[str] = []
    index = 0
    while index < len(parts):
        name = parts[index]
        if index + 1 < len(parts) and parts[index + 1].isdigit():
            said.append(f"mục thứ {int(parts[index + 1]) + 1} của “{name}”")
            index += 2
        elif name.isdigit():
            said.append(f"mục thứ {int(name) + 1}")
            index += 1
        else:
            said.append(f"trường “{name}”")
            index += 1
    return ", trong ".join(reversed(said))


# Pydantic's own error kinds in the editor's words; the project's rules carry their message themselves.
_MESSAGES = {
    "missing": "thiếu trường bắt buộc “{name}”",
    "extra_forbidden": "ở chỗ này không có trường “{name}”",
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
    "literal_error": "giá trị không hợp lệ; chỉ được chọn một trong: {expected}",
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


THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")
"""``1.200``: a Vietnamese thousands separator, which YAML reads as a decimal point."""


def _field_at(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model holding the last field of ``loc`` and that field's info (None where the path leaves the models)."""
    current: Any = model
    holder: type[BaseModel] | None = None
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        current = _model_of(current)
        if current is None or part not in current.model_fields:
            return None, None
        holder, info = current, current.model_fields[part]
        current = info.annotation
    return holder, info


def _model_at(model: type[BaseModel], path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model of the mapping at ``path`` (the file's own model at the top)."""
    if not path:
        return model
    info = _field_at(model, path)[1]
    return _model_of(info.annotation) if info is not None else None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``X``, ``list[X]``, ``X | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in {list, typing.Union, types.UnionType, tuple}:
        for argument in typing.get_args(annotation):
            if (found := _model_of(argument)) is not None:
                return found
    return None


def _choices(error: Any, info: FieldInfo | None) -> str:
    """The allowed values with their meaning from the field's description: `national` (cả nước), …"""
    values = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
    meanings = dict(re.findall(r"`([^`]+)` \(([^)]+)\)", (info.description or "") if info else ""))
    return ", ".join(f"`{value}` ({meanings[value]})" if value in meanings else f"`{value}`" for value in values)


def _walk(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _misplaced(name: str, loc: tuple[Any, ...], located: Any, model: type[BaseModel]) -> str | None:
    """A known field at the wrong indentation: where it belongs (the mapping above that accepts it) and by how much."""
    here = located.position(loc)
    if here is None or not isinstance(located.data, dict):
        return None
    best: tuple[int, int, str] | None = None
    for path in located.positions:
        if "<key>" in path or path == loc[:-1]:
            continue
        try:
            value = _walk(located.data, path)
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(value, dict) or not value:
            continue
        holder = _model_at(model, path)
        if holder is None or name not in holder.model_fields:
            continue
        keys = [(located.positions[(*path, key)], key) for key in value if (*path, key) in located.positions]
        if not keys:
            continue
        (line, column), first = min(keys)
        if line < here[0] and (best is None or line > best[0]):
            best = (line, column, first)
    if best is None:
        return None
    line, column, first = best
    wanted, now = column - 1, here[1] - 1
    move = f"thụt vào thêm {wanted - now}" if wanted > now else f"bớt {now - wanted}"
    return (f"trường “{name}” bị thụt lề sai: đầu dòng đang có {now} dấu cách, phải có {wanted} dấu cách, thẳng "
            f"cột với chữ “{first}” ở dòng {line}; {move} dấu cách ở dòng “{name}:” và mọi dòng bên dưới thuộc nó")


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
        raw = getattr(located, "raw", {}).get(loc)
        shown = True
        if kind == "extra_forbidden" and len(loc) == 1 and name in moved:
            text = (f"trường “{name}” đã chuyển khỏi tệp nội dung: {moved[name]}, vì đây là cài đặt an toàn chỉ người "
                    "duy trì kho mã được đổi (SECURITY.md). Xóa dòng này (và các dòng thụt vào bên dưới nó) khỏi tệp này")
        elif kind == "extra_forbidden" and name in vocabulary and (where := _misplaced(name, loc, located, model)):
            text = where
        elif kind == "extra_forbidden" and name in vocabulary:
            text += " (trường này thuộc một nhóm khác trong tệp: kiểm tra thụt lề của dòng này so với các dòng trên)"
        elif kind == "extra_forbidden" and (close := difflib.get_close_matches(name, vocabulary, n=1)):
            text += f"; có phải ý bạn là “{close[0]}”?"
        elif kind == "literal_error":
            text = f"giá trị không hợp lệ; chỉ được chọn một trong: {_choices(error, _field_at(model, loc)[1])}"
            text += f" (đang ghi “{str(error.get('input'))[:80]}”)"
            shown = False
        elif raw is not None and THOUSANDS.match(raw) and kind.startswith(("int_", "float_", "greater", "less")):
            read = f"{float(raw):g}".replace(".", ",")
            text = (f"số “{raw}” có dấu chấm ngăn cách hàng nghìn, nhưng dấu chấm trong số là dấu thập phân (đọc thành "
                    f"{read}); viết liền, không dấu chấm: {raw.replace('.', '')}")
            shown = False
        if shown and kind not in {"missing", "extra_forbidden"} and "input" in error and error["input"] is not None:
            text += f" ({shown_value(error['input'])})"
        line, column = located.position(loc) or (None, None)
        english = f"{kind}: {error['msg']}" if kind in _MESSAGES else kind
        problems.append(Problem(file, line, column, text, english, ".".join(map(str, loc))))
    return problems
