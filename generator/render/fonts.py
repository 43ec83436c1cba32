"""The fonts the build draws with, shipped inside the package (``generator/assets/fonts/``).

Vietnamese + Latin subsets of Noto Serif (the handout PDF), Noto Sans (the share
images) and a few arrows and comparison signs from Noto Sans Math (the PDF's
fallback), under the SIL Open Font License (``OFL.txt`` beside them). They are made by
``tools/subset_fonts.py``; the build reads these files only — never the system's font folders
or any font the machine has — so a fresh machine needs nothing from apt, and every
machine draws the same glyphs.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"

HANDOUT_FONTS = ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf",
                 "NotoSansMath-Regular.ttf")
"""The handout's text face in its four styles, then the fallback for → ≥ ≤ −."""
SHARE_FONTS = {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf"}


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
