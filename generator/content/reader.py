"""Read one YAML file the way an editor expects, remembering where every value stood.

PyYAML alone keeps the last of two duplicate keys, expands aliases without
limit and forgets line numbers once a document is built. This reader composes
the node graph, refuses duplicates and aliases, normalises text to NFC and
keeps a map from each value's path (the same path pydantic reports) to its
line and column, so a schema error can point at the line an editor must fix.
"""

from __future__ import annotations

import math
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .characters import RAW_ALLOWED, find_hidden
from .errors import ContentError
from .syntax import diagnose

MAX_BYTES = 1_000_000
"""Far above any real content file; stops a runaway file before it eats memory."""

MAX_DEPTH = 12
"""Deeper than any content file nests (the deepest, a measurement, is at depth 6)."""

MAX_KEY = 100
"""Characters in a key: every field name is far shorter; a longer one is a mistake (or an attack on messages)."""

_CORE = "tag:yaml.org,2002:"
SCALAR_TAGS = frozenset(_CORE + kind for kind in ("null", "bool", "int", "float", "str", "timestamp"))
"""The YAML core schema's scalars (and dates): ``!!binary``, ``!!python/…``, ``!!set``, ``!!omap``, ``!tên``
and the rest are refused, so no value reaches a model as bytes, a set or an object it does not expect."""

Path_ = tuple[str | int, ...]


@dataclass
class Located:
    """A parsed file: its data and where each value came from (1-based line, column)."""

    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    """A plain (unquoted) scalar's text as typed: ``1.200`` where the data holds 1.2."""

    def position(self, path: Path_) -> tuple[int, int] | None:
        """The closest known position: the value itself, else its nearest parent."""
        for end in range(len(path), -1, -1):
            if (found := self.positions.get(tuple(path[:end]))) is not None:
                return found
        return None


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases (no 'billion laughs')."""

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ContentError.at(
                self.name, event.start_mark.line + 1, event.start_mark.column + 1,
                "không dùng được bí danh YAML (*tên)",
                "YAML aliases are not allowed; write the value out in full",
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise ContentError.at(
                self.name, event.start_mark.line + 1, event.start_mark.column + 1,
                "không dùng được neo YAML (&tên)",
                "YAML anchors are not allowed",
            )
        return super().compose_node(parent, index)


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 with or without a byte-order mark (Windows Notepad adds one)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if exc.reason == "unexpected end of data":
            raise ContentError.at(path, line, None, "tệp kết thúc giữa chừng (bị cắt cụt giữa một chữ)",
                                  "file is truncated in the middle of a character") from None
        raise ContentError.at(
            path, line, None,
            "tệp không phải mã UTF-8; hãy mở tệp và lưu lại với mã hóa UTF-8 (Save as → Encoding: UTF-8)",
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
        ) from None


_SPACE_LOOKALIKES = {
    "\u00a0": "dấu cách không ngắt", "\u202f": "dấu cách hẹp không ngắt", "\u2007": "dấu cách chữ số",
    "\u3000": "dấu cách toàn khổ", "\u200b": "ký tự rộng bằng không", "\ufeff": "ký tự BOM",
    **{chr(code): "dấu cách đặc biệt" for code in range(0x2000, 0x200B)},
}
"""Characters that look like a space (or nothing) but are not YAML indentation, by name."""


def _check_tabs(path: Path, text: str) -> None:
    """A tab in indentation is the classic invisible YAML error: name its line."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise ContentError.at(
                path, number, len(line) - len(stripped) + 1,
                "dòng thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách",
                "indentation uses a tab; use spaces",
            )
        if stripped and (name := _SPACE_LOOKALIKES.get(stripped[0])):
            raise ContentError.at(
                path, number, len(line) - len(stripped) + 1,
                f"dòng thụt lề bằng {name} (U+{ord(stripped[0]):04X}), trông như dấu cách nhưng YAML không nhận "
                "(thường do dán từ Word, Zalo hay trang web); xóa khoảng trắng đầu dòng rồi gõ lại bằng phím cách",
                "indentation uses a space look-alike; use spaces",
            )


def _check_invisible(name: str, text: str) -> None:
    """A control or direction-override character is invisible in an editor: name its line, column and code."""
    if found := find_hidden(text, RAW_ALLOWED):
        line = text.count("\n", 0, found.offset) + 1
        column = found.offset - (text.rfind("\n", 0, found.offset) + 1) + 1
        raise ContentError.at(name, line, column, found.message(), f"invisible control or bidi character {found.code}")


def symlinks(folder: Path) -> list[Path]:
    """Every symbolic link below ``folder`` (files and folders), without following any."""
    found = []
    for top, folders, files in os.walk(folder, followlinks=False):
        found.extend(Path(top) / name for name in [*folders, *files] if (Path(top) / name).is_symlink())
    return sorted(found)


def refuse_symlink(path: Path, name: str) -> None:
    """A content file that is a link to elsewhere could publish a file from outside the repository."""
    if path.is_symlink():
        raise ContentError.at(name, None, None,
                              "là liên kết tượng trưng (symlink) tới tệp khác; hãy thay bằng một tệp thật",
                              "symbolic links are not read")


def read_text(path: Path, name: str) -> str:
    """A content file's text: a real file, size-checked, UTF-8 (BOM allowed), no invisible characters."""
    refuse_symlink(path, name)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise ContentError.at(name, None, None,
                              f"tệp quá lớn ({len(raw):,} byte, tối đa {MAX_BYTES:,})",
                              "file too large")
    text = _decode(Path(name), raw)
    _check_invisible(name, text)
    return text


def read_yaml(path: Path, display: str | None = None) -> Located:
    """Parse ``path`` into plain Python values with positions, or raise ContentError."""
    name = display or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, name: str) -> Located:
    """Parse YAML text (a file, or a post's front matter padded so line numbers match the file)."""
    _check_tabs(Path(name), text)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise ContentError.at(name, 1, None, "tệp rỗng: không có nội dung nào", "file is empty")
    loader = _NoAliasLoader(text)
    loader.name = name
    try:
        node = loader.get_single_node()
    except RecursionError:
        line = _too_deep_line(text)
        raise ContentError.at(name, line, None, f"các mục lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)",
                              "nesting too deep") from None
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote is found where the file ends; the editor needs the line where it opened.
        quoted = "quoted scalar" in (exc.context or "")
        mark = (exc.context_mark if quoted else None) or exc.problem_mark or exc.context_mark
        failed_at = max((m.line + 1 for m in (exc.problem_mark, exc.context_mark) if m), default=None)
        if found := diagnose(text, failed_at):
            raise ContentError.at(name, found.line, None, found.message, found.english) from None
        raise ContentError.at(
            name, mark.line + 1 if mark else None, mark.column + 1 if mark else None,
            _explain_syntax(exc), str(exc.problem or exc),
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise ContentError.at(name, 1, None, "tệp rỗng: không có nội dung nào", "file is empty")
    located = Located(None)
    located.data = _build(node, (), located, name, SafeConstructor())
    return located


def _too_deep_line(text: str) -> int | None:
    """The line where brackets first nest deeper than any content file: PyYAML recursed out there."""
    depth = 0
    for offset, char in enumerate(text):
        depth += (char in "[{") - (char in "]}")
        if depth > MAX_DEPTH:
            return text.count("\n", 0, offset) + 1
    return None


def _explain_syntax(exc: yaml.MarkedYAMLError) -> str:
    """Translate PyYAML's commonest complaints into words an editor can act on."""
    problem = (exc.problem or "") + " " + (exc.context or "")
    if "quoted scalar" in problem:
        return ("dấu ngoặc kép mở ở dòng này chưa được đóng: thêm dấu \" (hoặc ') ở cuối giá trị, "
                "hoặc bỏ dấu ở đầu; trong câu dùng ngoặc kép cong “…”")
    if "found unexpected end of stream" in problem:
        return "tệp kết thúc giữa chừng (có thể bị cắt cụt)"
    if "mapping values are not allowed" in problem:
        return "dấu hai chấm không đúng chỗ; nếu văn bản có dấu “:”, hãy đặt cả câu trong ngoặc kép"
    if "tab" in problem:
        return "có ký tự Tab; YAML chỉ chấp nhận dấu cách"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "thụt lề không đúng hoặc thiếu dấu “-”/“:”; kiểm tra dòng này và dòng trước"
    return "lỗi cú pháp YAML"


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _check_tag(node: Node, name: str) -> None:
    """Only the core schema: a mapping, a list, or a plain scalar (text, number, true/false, date, empty)."""
    expected = {MappingNode: _CORE + "map", SequenceNode: _CORE + "seq"}.get(type(node))
    if node.tag == expected or (expected is None and node.tag in SCALAR_TAGS):
        return
    tag = _tag_name(node.tag)
    raise ContentError.at(
        name, node.start_mark.line + 1, node.start_mark.column + 1,
        f"không dùng được thẻ kiểu YAML “{tag}”; viết giá trị bình thường (chữ, số, ngày); nếu chữ bắt đầu "
        "bằng dấu “!” thì đặt cả giá trị trong ngoặc kép",
        f"YAML tag {tag} is not allowed: only the core schema is read",
    )


def _check_scalar(node: ScalarNode, value: Any, path: Path_, name: str) -> None:
    """A decoded value as the model will see it: no hidden character from an escape, no NaN or infinity."""
    where = (name, node.start_mark.line + 1, node.start_mark.column + 1)
    field = ".".join(str(p) for p in path)
    if isinstance(value, str) and (found := find_hidden(value)):
        raise ContentError.at(*where, found.message(), f"hidden character {found.code} in a decoded value",
                              field=field)
    if isinstance(value, float) and not math.isfinite(value):
        raise ContentError.at(*where, f"giá trị “{node.value[:80]}” không phải là một số hữu hạn; ghi một số cụ thể, "
                              "ví dụ 0.7 (không dùng .nan, .inf)", "NaN and infinity are not numbers here",
                              field=field)


def _build(node: Node, path: Path_, located: Located, name: str, constructor: SafeConstructor) -> Any:
    """Turn a node into Python values, recording each position and refusing duplicates."""
    located.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if len(path) > MAX_DEPTH * 2:  # a path counts each key and each list index
        raise ContentError.at(name, node.start_mark.line + 1, node.start_mark.column + 1,
                              f"các mục lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)", "nesting too deep")
    _check_tag(node, name)
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise ContentError.at(
                    name, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    "tên trường phải là một chữ viết trước dấu hai chấm, không được là danh sách hay nhóm trường "
                    "(bỏ dấu “?” hoặc ngoặc [ ] { } ở đầu dòng)",
                    "a mapping key must be a scalar, not a sequence or mapping",
                    field=".".join(str(p) for p in path),
                )
            if len(key_node.value) > MAX_KEY:
                raise ContentError.at(
                    name, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    f"tên trường quá dài ({len(key_node.value)} ký tự, tối đa {MAX_KEY}); tên trường là một từ như "
                    "`title`, viết trước dấu hai chấm", "mapping key too long")
            key = _build(key_node, (*path, "<key>"), located, name, constructor)
            if isinstance(key, bool) and key_node.style is None and key_node.value.lower() not in ("true", "false"):
                key = key_node.value  # YAML 1.2 reads `on:` (approved.on), `yes:`, `no:` as words; PyYAML's 1.1 as booleans
            if not isinstance(key, str):
                raise ContentError.at(
                    name, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    f"tên trường “{key_node.value[:80]}” được đọc thành số, ngày, true/false hay ô trống, không phải "
                    "chữ; tên trường là một từ như `title`", "a mapping key must be text",
                    field=".".join(str(p) for p in path),
                )
            key = unicodedata.normalize("NFC", key)
            if key in result:
                raise ContentError.at(
                    name, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    f"khóa “{key}” bị lặp lại (đã có ở dòng {located.positions[(*path, key)][0]}); xóa một trong hai",
                    f"duplicate key '{key}'",
                    field=".".join(str(p) for p in (*path, key)),
                )
            located.positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, (*path, key), located, name, constructor)
            located.positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        located.positions.pop((*path, "<key>"), None)
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, index), located, name, constructor) for index, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    try:
        value = constructor.construct_object(node, deep=True)
    except (ValueError, ConstructorError) as exc:
        raise ContentError.at(
            name, node.start_mark.line + 1, node.start_mark.column + 1,
            f"giá trị “{node.value[:80]}” không hợp lệ (ngày không tồn tại?)", str(exc)[:300],
            field=".".join(str(p) for p in path),
        ) from None
    _check_scalar(node, value, path, name)
    if node.style is None:
        located.raw[path] = node.value
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value)
    return value
