"""The fonts ship with the package and cover the content; nothing reads the machine's fonts or needs Pango."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from generator.render.fonts import FONT_DIR, HANDOUT_FONTS, SHARE_FONTS

from .conftest import CONTENT, FIXTURE, ROOT

TEXT_FILES = ("*.yml", "*.yaml", "*.md", "*.txt")
SERIF = [name for name in HANDOUT_FONTS if name.startswith("NotoSerif-")]
FALLBACK = "NotoSansMath-Regular.ttf"


@cache
def _cmap(name: str) -> frozenset[int]:
    return frozenset(TTFont(FONT_DIR / name).getBestCmap())


def _characters(folder: Path) -> dict[str, Path]:
    """Every character the text files under ``folder`` hold (first file it appears in), as typed and as NFC/NFD."""
    found: dict[str, Path] = {}
    for pattern in TEXT_FILES:
        for path in sorted(folder.rglob(pattern)):
            text = path.read_text(encoding="utf-8")
            for form in (text, unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)):
                for char in form:
                    if not char.isspace() and unicodedata.category(char) != "Cc":
                        found.setdefault(char, path)
    return found


@pytest.mark.parametrize("folder", [CONTENT, FIXTURE], ids=["content", "fixtures"])
def test_every_character_of_the_content_has_a_glyph_in_the_pdf_fonts(folder: Path) -> None:
    characters = _characters(folder)
    assert "ữ" in characters and "Đ" in characters and "“" in characters, "the check reads Vietnamese text"
    for font in SERIF:
        missing = {c: str(p.relative_to(ROOT)) for c, p in characters.items()
                   if ord(c) not in _cmap(font) | _cmap(FALLBACK)}
        assert not missing, (font, missing)


@pytest.mark.parametrize("folder", [CONTENT, FIXTURE], ids=["content", "fixtures"])
def test_every_letter_of_the_content_has_a_glyph_in_the_share_image_fonts(folder: Path) -> None:
    """Share images (Noto Sans, no fallback) show titles and targets: letters, digits, punctuation. Only the
    symbols the text fonts lack (→ ≥ …, from Noto Sans Math in the PDF) may be missing, and the templates avoid them."""
    characters = _characters(folder)
    for font in SHARE_FONTS.values():
        missing = {c for c in characters if ord(c) not in _cmap(font)}
        assert missing <= {chr(cp) for cp in _cmap(FALLBACK)}, (font, missing)


def test_the_check_can_fail() -> None:
    assert ord("≥") not in _cmap("NotoSerif-Regular.ttf") and ord("≥") in _cmap(FALLBACK)
    assert ord("中") not in _cmap("NotoSerif-Regular.ttf") | _cmap(FALLBACK)


def test_the_fonts_are_small_subsets_with_their_licence() -> None:
    files = sorted(FONT_DIR.glob("*.ttf"))
    assert {p.name for p in files} == {*HANDOUT_FONTS, *SHARE_FONTS.values()}
    assert sum(p.stat().st_size for p in files) < 600_000
    for path in files:
        names = TTFont(path)["name"]
        assert "Open Font License" in str(names.getDebugName(13)), path.name
        assert "Google" in str(names.getDebugName(0)), path.name
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    assert "fonts-noto-core" in (FONT_DIR / "README.md").read_text(encoding="utf-8")


def test_the_coverage_file_lists_each_fonts_characters() -> None:
    """The build checks text against coverage.json instead of the fonts: it must say what the fonts hold."""
    coverage = json.loads((FONT_DIR / "coverage.json").read_text(encoding="utf-8"))
    assert set(coverage) == {p.name for p in FONT_DIR.glob("*.ttf")}
    for name, spans in coverage.items():
        assert {point for first, last in spans for point in range(first, last + 1)} == _cmap(name), name


def test_the_fonts_are_package_data() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = project["tool"]["setuptools"]["package-data"]["generator"]
    assert "assets/fonts/*" in data and "render/templates/*" in data
    dependencies = " ".join(project["project"]["dependencies"]).lower()
    assert "typst" in dependencies and "weasyprint" not in dependencies


def test_no_module_reads_system_fonts_or_names_pango() -> None:
    sources = {p: p.read_text(encoding="utf-8") for p in (ROOT / "generator").rglob("*.py")}
    for path, text in sources.items():
        assert "/usr/share/fonts" not in text and "fonts-noto-core" not in text, path
        assert not re.search(r"^\s*(from|import)\s+(weasyprint|cairo|pango)", text, re.M), path


def test_building_outputs_imports_no_weasyprint() -> None:
    """The generator's modules (CLI, plugin, renderers), loaded and used, never load WeasyPrint or Pango bindings."""
    code = ("import sys, generator.cli, generator.plugin, generator.render.handout, generator.render.share\n"
            "from generator.render.fonts import font_file\n"
            "from PIL import ImageFont\n"
            "ImageFont.truetype(str(font_file('NotoSans-Bold.ttf')), 30).getbbox('Ữ')\n"
            "banned = {'weasyprint', 'cairocffi', 'pangocffi', 'pangocairocffi'}\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in banned))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout
