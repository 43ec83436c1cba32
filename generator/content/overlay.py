"""Translated content as an overlay, never a copy: ``content/<code>/<file>.yml`` over ``content/<file>.yml``.

An overlay holds only text, in the original's shape: a mapping's keys, a list's items by ``id`` (or by position
when the items have none). Numbers, dates, statuses, codes and addresses come from the original alone: an
overlay that gives anything but text for a text field, or a key the original lacks, is an error. The original
is loaded and checked first (quotations are checked against the Vietnamese document, never a translation); the
overlay then replaces text on the validated models (``model_copy``), so no translation reaches a check.

Each overlay starts with a ``translation:`` mapping:

- ``source``: for each translated field (``title``, ``items.y-te.answer``, ``points.0``), a short hash of the
  Vietnamese text it translates (``text_hash``); ``lint`` warns when the original changed since (stale);
- ``unofficial: true``: required when the overlay translates the document's own text (the plan's parts) or a
  quotation: such a page says it is an unofficial translation and links to the Vietnamese original.

A field with no translation keeps the Vietnamese text; the page is then marked as not fully translated.
Records are keyed by the file's path in the content folder (``tom-tat.yml``, ``muc-tieu/2030.yml``).
"""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from .errors import ContentError, Problem
from .reader import Located, read_yaml

META = "translation"
"""The overlay's own mapping: ``source`` (hashes of the originals) and ``unofficial``."""
NOT_TEXT = frozenset({"id", "schema_version", "languages", "number", "approved", "correct"})
"""Field names whose strings are never translated, beyond the rule of ``_is_code`` (a code, an address, a
document's number and symbol ``<n>-NQ/TW``)."""
QUOTE_FIELDS = frozenset({"quote", "quotes", "quotation"})


def text_hash(text: str) -> str:
    """The first 8 hex digits of the SHA-256 of the Vietnamese text: enough to notice a change."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:8]


@dataclass
class FileTranslation:
    """One content file in one language: what the overlay translated, what it left in Vietnamese."""

    file: str
    overlay: str | None = None
    """The overlay's path as shown to editors (``content/en/tom-tat.yml``), None when there is none."""
    translated: dict[str, str] = field(default_factory=dict)
    """Field path → the Vietnamese text it replaced."""
    untranslated: list[str] = field(default_factory=list)
    unofficial: bool = False
    quotes: bool = False
    """The overlay translates the document's text or a quotation."""
    recorded: dict[str, str] = field(default_factory=dict)
    """``translation.source``: field path → hash of the original when it was translated."""

    @property
    def complete(self) -> bool:
        return not self.untranslated

    def stale(self) -> list[str]:
        """Translated fields whose original changed since the translation (or has no recorded hash)."""
        return [path for path, original in self.translated.items()
                if self.recorded.get(path) != text_hash(original)]


def _constrained(annotation: Any, metadata: list[Any]) -> bool:
    """A string with a pattern (an id, a web or e-mail address, a phone number, a time zone, a photo's file name)
    or one of a fixed set of words (``Literal``: statuses, comparators): a code, never text to translate."""
    if any(getattr(item, "pattern", None) for item in metadata):
        return True
    if typing.get_origin(annotation) is Literal:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        inner = [m for item in extra for m in getattr(item, "metadata", [item])]
        return _constrained(base, [*inner, *extra])
    return any(_constrained(arg, []) for arg in typing.get_args(annotation) if arg is not type(None))


def _is_code(model: type[BaseModel], name: str) -> bool:
    if name in NOT_TEXT:
        return True
    info = model.model_fields.get(name)
    return info is not None and _constrained(info.annotation, list(info.metadata))


def _key(item: Any, index: int) -> str:
    return str(getattr(item, "id", None) or index) if isinstance(item, BaseModel) else str(index)


def text_fields(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every translatable text of a model: (field path, Vietnamese text)."""
    for name in type(model).model_fields:
        if _is_code(type(model), name):
            continue
        value = getattr(model, name)
        path = f"{prefix}{name}"
        yield from _texts(value, path)


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if value.strip():
            yield path, value
    elif isinstance(value, BaseModel):
        yield from text_fields(value, path + ".")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}.{_key(item, index)}")


class _Merge:
    """Apply one overlay's data to one validated model, collecting problems with their lines."""

    def __init__(self, located: Located, display: str, record: FileTranslation):
        self.located, self.display, self.record = located, display, record
        self.problems: list[Problem] = []

    def problem(self, where: tuple[Any, ...], vi: str, en: str) -> None:
        position = self.located.position(where)
        self.problems.append(Problem(self.display, position[0] if position else None, None, vi, en))

    def model(self, model: BaseModel, data: Any, where: tuple[Any, ...], path: str) -> BaseModel:
        if not isinstance(data, dict):
            self.problem(where, "bản dịch phải giữ đúng cấu trúc của tệp gốc: ở đây cần các trường (key: value)",
                         "the translation must follow the original's shape: a mapping here")
            return model
        updates: dict[str, Any] = {}
        for name, value in data.items():
            here = (*where, name)
            if name not in type(model).model_fields:
                self.problem(here, f"tệp gốc không có trường `{name}` ở chỗ này; bản dịch chỉ dịch chữ có sẵn trong tệp gốc",
                             f"the original has no field `{name}` here")
                continue
            if _is_code(type(model), name) and name != "id":
                self.problem(here, f"`{name}` là mã, số, ngày hay địa chỉ, lấy từ tệp gốc; xóa dòng này khỏi bản dịch",
                             f"`{name}` is not text to translate: it comes from the original; delete it")
                continue
            if name == "id":
                continue
            if name in QUOTE_FIELDS:
                self.record.quotes = True
            updates[name] = self.value(getattr(model, name), value, here, f"{path}{name}")
        return model.model_copy(update=updates)

    def value(self, current: Any, data: Any, where: tuple[Any, ...], path: str) -> Any:
        if data is None:
            return current
        if isinstance(current, str):
            if not isinstance(data, str) or not data.strip():
                self.problem(where, "bản dịch của một đoạn chữ phải là chữ (không để trống, không phải số hay danh sách)",
                             "a translation of a text must be text")
                return current
            self.record.translated[path] = current
            return data.strip() if "\n" not in current else data
        if isinstance(current, BaseModel):
            return self.model(current, data, where, path + ".")
        if isinstance(current, list):
            return self.items(current, data, where, path)
        self.problem(where, f"`{path}` không phải chữ để dịch: số, ngày, trạng thái lấy từ tệp gốc; xóa dòng này khỏi "
                     "bản dịch", f"`{path}`: only text is translated; numbers, dates and statuses come from the original")
        return current

    def items(self, current: list[Any], data: Any, where: tuple[Any, ...], path: str) -> list[Any]:
        if not isinstance(data, list):
            self.problem(where, "ở đây tệp gốc là một danh sách (các dòng bắt đầu bằng “- ”); bản dịch cũng vậy",
                         "the original is a list here; so must the translation be")
            return current
        result = list(current)
        by_id = {getattr(item, "id", None): index for index, item in enumerate(current) if isinstance(item, BaseModel)}
        for position, entry in enumerate(data):
            index = position
            if isinstance(entry, dict) and "id" in entry:
                if entry["id"] not in by_id:
                    self.problem((*where, position), f"tệp gốc không có mục nào mã `{entry['id']}`",
                                 f"no item with id `{entry['id']}` in the original")
                    continue
                index = by_id[entry["id"]]
            elif position >= len(current):
                self.problem((*where, position), "bản dịch có nhiều mục hơn tệp gốc; xóa mục thừa",
                             "the translation has more items than the original")
                continue
            result[index] = self.value(current[index], entry, (*where, position),
                                       f"{path}.{_key(current[index], index)}")
        return result


def apply_overlay(model: BaseModel, overlay: Path, display: str, file: str, document: bool) -> tuple[BaseModel, FileTranslation]:
    """``model`` with the overlay's text in place, and the record of what was (not) translated."""
    located = read_yaml(overlay, display)
    data = located.data if isinstance(located.data, dict) else {}
    meta = data.get(META) or {}
    record = FileTranslation(file, display)
    problems: list[Problem] = []
    if not isinstance(meta, dict):
        meta = {}
    record.unofficial = meta.get("unofficial") is True
    sources = meta.get("source") or {}
    record.recorded = {str(k): str(v) for k, v in sources.items()} if isinstance(sources, dict) else {}
    merge = _Merge(located, display, record)
    merged = merge.model(model, {k: v for k, v in data.items() if k != META}, (), "")
    problems += merge.problems
    record.quotes = record.quotes or (document and bool(record.translated))
    if record.quotes and not record.unofficial:
        position = located.position((META,))
        problems.append(Problem(
            display, position[0] if position else 1, None,
            "tệp này dịch lời văn của Kế hoạch hoặc câu trích dẫn: ghi `translation: {unofficial: true}` ở đầu tệp để "
            "trang nói rõ đây là bản dịch không chính thức (bản tiếng Việt là bản gốc)",
            "a translation of the document's text or of a quotation must say `translation: {unofficial: true}`"))
    if problems:
        raise ContentError(problems)
    translated = set(record.translated)
    record.untranslated = [path for path, _text in text_fields(merged) if path not in translated]
    return merged, record


def overlay_content(content: Any, language: str, display_root: str) -> tuple[Any, dict[str, FileTranslation]]:
    """The edition of ``content`` (a validated ``Content``) in ``language``: each file's overlay applied, and per file
    what stays in Vietnamese. A file with no overlay is wholly untranslated (its pages are marked)."""
    from .document import DOCUMENT_PARTS
    from .horizons import horizon_file
    from .loader import content_files

    folder = Path(content.root) / language
    updates: dict[str, Any] = {}
    records: dict[str, FileTranslation] = {}
    problems: list[Problem] = []

    def overlaid(model: BaseModel, name: str, document: bool) -> BaseModel:
        path = folder / name
        if not path.is_file():
            records[name] = FileTranslation(name, untranslated=[p for p, _t in text_fields(model)])
            return model
        try:
            model, records[name] = apply_overlay(model, path, f"{display_root}/{language}/{name}", name, document)
        except ContentError as exc:
            problems.extend(exc.problems)
        return model

    for entry in content_files():
        updates[entry.attribute] = overlaid(getattr(content, entry.attribute), entry.name, entry.attribute in DOCUMENT_PARTS)
    horizons = getattr(content, "horizons", None)
    if horizons is not None:  # one file per horizon, content/muc-tieu/<year>.yml: its overlay <code>/muc-tieu/<year>.yml
        updates["horizons"] = [overlaid(section, horizon_file(section.year), "horizons" in DOCUMENT_PARTS)
                               for section in horizons]
    if problems:
        raise ContentError(problems)
    edition = replace(content, **updates)
    return replace(edition, anchors=heading_anchors(content, edition)), records


def heading_anchors(original: Any, edition: Any) -> dict[str, str]:
    """Each translated text an anchor or an address is made from → the anchor of the Vietnamese text it translates:
    the full-text headings (answers, quiz questions and summary lines name passages by their anchors) and the units
    section III names (each has a page, ``don-vi/<anchor>/``), so both are the same in every edition."""
    from .document import section_anchor, section_headings

    pairs = list(zip(section_headings(**original.parts), section_headings(**edition.parts), strict=True))
    pairs += [(a.unit, b.unit) for part, translated in zip(original.study.parts, edition.study.parts, strict=True)
              for a, b in zip(part.assignments, translated.assignments, strict=True) if a.unit and b.unit]
    return {translated: section_anchor(vietnamese) for vietnamese, translated in pairs if translated != vietnamese}


def source_block(record: FileTranslation) -> str:
    """The ``translation.source`` lines an editor pastes to record what a translation translates (``lint`` prints it)."""
    lines = [f"    {path}: \"{text_hash(text)}\"" for path, text in record.translated.items()]
    return "translation:\n" + ("  unofficial: true\n" if record.unofficial else "") + "  source:\n" + "\n".join(lines)
