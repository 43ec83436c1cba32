"""The party-cell handout PDF: 2–6 A4 pages, fonts embedded, the Vietnamese phrases exact, same bytes twice."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.views.meeting import PDF_PATH

from .conftest import ROOT

A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def pdf(built_site: Path) -> bytes:
    return (built_site / PDF_PATH).read_bytes()


def test_two_to_six_a4_pages(pdf: bytes) -> None:
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert 2 <= len(pages) <= 6, len(pages)
    for page in pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 1 and abs(float(page.mediabox.height) - A4[1]) < 1


def test_every_font_is_embedded(pdf: bytes) -> None:
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert all("Noto-Serif" in name for name in fonts), fonts  # no system font filled in a missing glyph


def test_extracted_text_holds_the_phrases_exactly(pdf: bytes) -> None:
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    for phrase in ("chuyển đổi số", "57-NQ/TW", "sinh hoạt chi bộ", "Đồng chí bí thư cấp ủy trực tiếp truyền đạt"):
        assert phrase in text, phrase


def _render(out: Path) -> bytes:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764288000"}
    subprocess.run([sys.executable, "-m", "generator", "render", "--out", str(out)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return (out / PDF_PATH).read_bytes()


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = _render(tmp_path / "a"), _render(tmp_path / "b")
    assert first == second
    metadata = PdfReader(io.BytesIO(first)).metadata
    assert metadata["/CreationDate"] == metadata["/ModDate"] == "D:20251128"  # SOURCE_DATE_EPOCH's day, not the clock
