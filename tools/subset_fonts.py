"""Make the Vietnamese + Latin font subsets the project ships in ``generator/assets/fonts/``.

Run it only to change which characters the fonts cover: the subsets are committed, and
nothing at build time reads system fonts. The source is Debian's ``fonts-noto-core``
(version in ``SOURCE_PACKAGE``), installed only on the machine that makes the subsets:

    apt-get install fonts-noto-core          # 20201225-1 (Noto Sans/Serif 2.004)
    .venv/bin/python tools/subset_fonts.py   # fontTools' subsetter, version printed

The same source files and the same fontTools version give the same bytes (the subsetter
keeps the source's timestamps). Hinting is dropped: the PDF is printed and the share
images are drawn at 26 px and larger, where FreeType's auto-hinter does as well, and the
files are about a third of the size. ``tests/test_fonts.py`` checks that every character of
``content/`` and of the fixtures has a glyph in the shipped fonts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fontTools import version as fonttools_version
from fontTools.subset import main as subset
from fontTools.ttLib import TTFont

SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
SOURCE_PACKAGE = "fonts-noto-core 20201225-1"
TARGET = Path(__file__).resolve().parent.parent / "generator" / "assets" / "fonts"

TEXT = ",".join((
    "U+0020-007E",  # Basic Latin
    "U+00A0-00FF",  # Latin-1 Supplement (« » ° ± × é …)
    "U+0100-017F",  # Latin Extended-A (Ă ă Đ đ Ĩ ĩ Ũ ũ)
    "U+01A0-01B0",  # Latin Extended-B: Ơ ơ Ư ư
    "U+0300-036F",  # combining marks: text typed with separate tone marks (NFD)
    "U+1E00-1EFF",  # Latin Extended Additional: ạ ả ấ … ỹ
    "U+2010-2027",  # general punctuation: ‐ – — ‘ ’ “ ” • … ·
    "U+2030,U+2032-2033,U+2039-203A,U+2044",  # ‰ ′ ″ ‹ › ⁄
    "U+20AB-20AC",  # ₫ €
    "U+2116,U+2122",  # № ™
))
"""Characters of the text fonts (Noto Sans for the share images, Noto Serif for the handout PDF)."""

SYMBOLS = "U+2190-2193,U+2212,U+2248,U+2260,U+2264-2265"
"""Arrows and comparison signs Noto Sans/Serif 2.004 lack (→ ≥ ≤ −): from Noto Sans Math, the PDF's fallback."""

FONTS = {
    "NotoSerif-Regular": TEXT, "NotoSerif-Bold": TEXT, "NotoSerif-Italic": TEXT, "NotoSerif-BoldItalic": TEXT,
    "NotoSans-Regular": TEXT, "NotoSans-Bold": TEXT,
    "NotoSansMath-Regular": SYMBOLS,
}

OPTIONS = ["--no-hinting", "--desubroutinize", "--name-IDs=*", "--name-languages=*", "--notdef-outline"]


def main() -> int:
    if not SOURCE_DIR.is_dir():
        print(f"LỖI: không có {SOURCE_DIR}: cài gói Debian fonts-noto-core trước khi làm lại phông chữ\n"
              f"(en) {SOURCE_DIR} missing: install the Debian package fonts-noto-core first", file=sys.stderr)
        return 1
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "fonts-noto-core"], capture_output=True, text=True,
                             check=False).stdout
    print(f"fonts-noto-core {version or '?'} (expected {SOURCE_PACKAGE}); fontTools {fonttools_version}")
    coverage = {}
    for name, unicodes in FONTS.items():
        target = TARGET / f"{name}.ttf"
        subset([str(SOURCE_DIR / f"{name}.ttf"), f"--unicodes={unicodes}", f"--output-file={target}", *OPTIONS])
        print(f"{target.name}: {target.stat().st_size} bytes")
        coverage[target.name] = ranges(sorted(TTFont(target).getBestCmap()))
    lines = ",\n".join(f"  {json.dumps(name)}: {json.dumps(coverage[name])}" for name in sorted(coverage))
    (TARGET / COVERAGE).write_text("{\n" + lines + "\n}\n", encoding="utf-8")
    return 0


COVERAGE = "coverage.json"
"""Which characters each font has, as [first, last] code point ranges: the build checks text against it without
reading the fonts (``generator/render/fonts.py``)."""


def ranges(points: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for point in points:
        if out and out[-1][1] == point - 1:
            out[-1][1] = point
        else:
            out.append([point, point])
    return out


if __name__ == "__main__":
    sys.exit(main())
