"""Translations for editors: which texts of each edition are missing or stale, and recording what was translated.

A translation is stale when the Vietnamese text it translates changed after it was written: the overlay's
``translation.source`` holds a short hash of each original (``content.overlay.text_hash``), written by
``python -m generator translations --stamp`` once the translator has checked the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..content import Content
from ..content.errors import ContentError
from ..content.overlay import META, FileTranslation, overlay_content, source_block

SHOWN = 5
"""Untranslated fields named per file in a finding; the rest are counted."""


@dataclass(frozen=True)
class TranslationNote:
    """One finding about one overlay (``lint`` turns it into a ``Finding``)."""

    file: str
    line: int
    severity: str
    message: str
    fix: str


def editions(content: Content, display_root: str) -> Iterator[tuple[str, dict[str, FileTranslation]]]:
    """Each other edition's records (``overlay_content``); raises ``ContentError`` for an overlay that cannot apply."""
    for language in content.settings.languages[1:]:
        yield language, overlay_content(content, language, display_root)[1]


def notes(content: Content, display_root: str) -> list[TranslationNote]:
    """Overlays that cannot apply (errors), stale translations and untranslated fields (warnings), per edition."""
    found: list[TranslationNote] = []
    for language in content.settings.languages[1:]:
        try:
            records = overlay_content(content, language, display_root)[1]
        except ContentError as exc:
            found += [TranslationNote(p.file, p.line or 1, "error", p.message_vi, "sửa tệp bản dịch như lỗi nói")
                      for p in exc.problems]
            continue
        known = {record.file for record in records.values()}
        folder = Path(content.root) / language
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and path.relative_to(folder).as_posix() not in known:
                found.append(TranslationNote(
                    f"{display_root}/{language}/{path.relative_to(folder).as_posix()}", 1, "warning",
                    "tệp này không được đọc: bản dịch phải trùng tên một tệp nội dung (stray translation file)",
                    f"đổi tên cho đúng một trong: {', '.join(sorted(known))}; hoặc xóa tệp"))
        for record in records.values():
            if record.overlay is None:
                continue
            if stale := record.stale():
                found.append(TranslationNote(
                    record.overlay, _meta_line(Path(content.root) / language / record.file), "warning",
                    f"bản gốc {record.file} đã đổi sau khi dịch, hoặc chưa ghi mã bản gốc, ở: {', '.join(stale)} "
                    f"(the original changed since it was translated)",
                    "xem lại bản dịch các chỗ đó theo bản gốc, rồi chạy `python -m generator translations --stamp` "
                    "để ghi lại mã bản gốc"))
            if record.untranslated:
                shown = ", ".join(record.untranslated[:SHOWN])
                more = f" và {len(record.untranslated) - SHOWN} chỗ khác" if len(record.untranslated) > SHOWN else ""
                found.append(TranslationNote(
                    record.overlay, 1, "warning",
                    f"chưa dịch sang “{language}”: {shown}{more}; trang hiện phần đó bằng tiếng Việt, có ghi chú "
                    f"“bản dịch chưa đầy đủ” (untranslated fields)",
                    "thêm bản dịch các trường đó vào tệp này (cùng cấu trúc với tệp gốc), hoặc để vậy"))
    return found


def _meta_line(path: Path) -> int:
    if not path.is_file():
        return 1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{META}:"):
            return number
    return 1


BLOCK = re.compile(rf"^{META}:.*?(?=^\S|\Z)", re.MULTILINE | re.DOTALL)


def stamp(content: Content, content_dir: Path) -> list[Path]:
    """Write each overlay's ``translation:`` block with the hashes of the originals it now translates."""
    written = []
    for language in content.settings.languages[1:]:
        for record in overlay_content(content, language, str(content_dir))[1].values():
            if record.overlay is None:
                continue
            path = Path(content_dir) / language / record.file
            text = path.read_text(encoding="utf-8")
            block = source_block(record) + "\n"
            new = BLOCK.sub(lambda _m, block=block: block, text, count=1) if BLOCK.search(text) else block + text
            if new != text:
                path.write_text(new, encoding="utf-8")
                written.append(path)
    return written
