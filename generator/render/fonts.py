"""The fonts the build draws with, shipped inside the package (``generator/assets/fonts/``).

Vietnamese + Latin subsets of Noto Serif (the handout PDF), Noto Sans (the share
images) and a few arrows and comparison signs from Noto Sans Math (the PDF's
fallback), under the SIL Open Font License (``OFL.txt`` beside them). They are made by
``tools/subset_fonts.py``; the build reads these files only — never the system's font folders
or any font the machine has — so a fresh machine needs nothing from apt, and every
machine draws the same glyphs.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"

HANDOUT_FONTS = ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf",
                 "NotoSansMath-Regular.ttf")
"""The handout's text face in its four styles, then the fallback for → ≥ ≤ −."""
SHARE_FONTS = {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf"}
MATH_FALLBACK = "NotoSansMath-Regular.ttf"
COVERAGE = "coverage.json"
"""Each font's characters as code point ranges, written by ``tools/subset_fonts.py`` (checked against the fonts by
``tests/test_fonts.py``): text is checked without reading a font."""


class RendererError(RuntimeError):
    """A file the build draws (the handout PDF, a share image) cannot be made here: the message says why and
    what to do, Vietnamese first. The CLI and the MkDocs plugin print it; no traceback."""


def font_file(name: str) -> Path:
    """The path of a shipped font, or ``RendererError`` naming the missing file and how to get it back."""
    path = FONT_DIR / name
    if not path.is_file():
        raise RendererError(
            f"LỖI: thiếu tệp phông chữ {path} (phông chữ đi kèm mã nguồn, trong generator/assets/fonts/); lấy lại thư mục "
            f"đó từ kho mã (git checkout -- generator/assets/fonts) hoặc cài lại gói: pip install -e .\n"
            f"(en) missing packaged font {path}: restore generator/assets/fonts from the repository or reinstall the package")
    return path


@cache
def _coverage() -> dict[str, tuple[tuple[int, int], ...]]:
    ranges = json.loads(font_file(COVERAGE).read_text(encoding="utf-8"))
    return {name: tuple((first, last) for first, last in spans) for name, spans in ranges.items()}


def has_glyph(char: str, fonts: Iterable[str]) -> bool:
    point = ord(char)
    return any(first <= point <= last for name in fonts for first, last in _coverage().get(name, ()))


def _drawn(char: str) -> bool:
    """Spaces, line breaks and invisible format characters need no glyph."""
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zl", "Zp"}


def check_glyphs(texts: Iterable[tuple[str, Iterable[str]]], what: str) -> None:
    """Each text against the fonts that will draw it: ``RendererError`` naming the first character none has (it would
    print as an empty box), with the words around it so an editor can find it in the content."""
    for text, fonts in texts:
        fonts = tuple(fonts)
        for char in dict.fromkeys(text):
            if _drawn(char) and not has_glyph(char, fonts):
                at = text.index(char)
                words = text[max(0, at - 40):at + 40].strip()
                raise RendererError(
                    f"LỖI: {what} có ký tự “{char}” (U+{ord(char):04X}) mà phông chữ đi kèm không có, sẽ in thành ô trống; "
                    f"chỗ đó: “{words}”. Sửa chữ này trong nội dung (thường là ký tự gõ nhầm, biểu tượng cảm xúc) hoặc "
                    f"thêm ký tự vào phông chữ (tools/subset_fonts.py)\n"
                    f"(en) {what}: character U+{ord(char):04X} has no glyph in the packaged fonts, near {words!r}")
