"""The party-cell handout PDF (Typst, packaged fonts): A4, fonts embedded, Vietnamese exact, same bytes twice.

Made from the fixture commune's content (generator behaviour); the district's built site is checked only for the
file being there and readable.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import cli
from generator.render import fonts
from generator.render.blocks import Block, Run, TemplateMarkupError, read_document
from generator.render.fonts import RendererError
from generator.render.handout import HandoutError, handout_data, handout_pdf
from generator.render.pages import pages_by_kind, site_view
from generator.views.meeting import PDF_PATH, Discussion

from .conftest import FIXTURE, ROOT, settings

A4 = (595.28, 841.89)  # points
BUILD_DAY = "2025-11-28"
MARKS = "Chi bộ nắm chắc, đặt mục tiêu gì cho những người dân lớn tuổi? Sẵn sàng hỗ trợ, kỹ năng số, dự án, mỗi người."
"""A question with the marks a Vietnamese page is full of: ắ ặ ờ ữ đ ẵ ỗ ỹ ự ỗ (not all are in the fixture)."""


@pytest.fixture(scope="module")
def view(fixture_content):
    built = settings(date(2025, 11, 28), FIXTURE / "content", site_url="https://example.org/xa-mau/")
    return pages_by_kind(site_view(fixture_content, built))["handout"][0].view


@pytest.fixture(scope="module")
def marked_view(view):
    """The fixture's handout with one more discussion question, typed once composed (NFC) and once with separate
    tone marks (NFD), as a phone keyboard may send it."""
    extra = [Discussion(MARKS, None, None, None), Discussion(unicodedata.normalize("NFD", MARKS), None, None, None)]
    return replace(view, discussion=[*view.discussion, *extra])


@pytest.fixture(scope="module")
def pdf(marked_view) -> bytes:
    return handout_pdf(marked_view, BUILD_DAY, "https://example.org/xa-mau/tai-lieu/sinh-hoat-chi-bo/")


def _text(pdf: bytes) -> str:
    words = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    return unicodedata.normalize("NFC", words)


def test_a4_pages(pdf: bytes) -> None:
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert 1 <= len(pages) <= 6, len(pages)
    for page in pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 1 and abs(float(page.mediabox.height) - A4[1]) < 1


def _fonts(pdf: bytes) -> dict[str, bool]:
    """Every font the pages use: its name, and whether the PDF carries its glyphs."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"]
            found[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_every_font_is_embedded_and_one_of_the_packaged_ones(pdf: bytes) -> None:
    found = _fonts(pdf)
    assert found and all(found.values()), found
    names = {name.split("+", 1)[-1] for name in found}  # "/ABCDEF+NotoSerif-Bold": a subset of NotoSerif-Bold
    assert names <= {"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic",
                     "NotoSansMath-Regular"}, names
    assert {"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic"} <= names, "body, bold titles, italic notes"


def test_extracted_text_holds_the_fixture_sentences_and_every_mark(pdf: bytes, view, fixture_content) -> None:
    text = _text(pdf)
    expected = [v.text for v in fixture_content.viewpoints.viewpoints]
    expected += [d.question for d in view.discussion]  # those the handout keeps (none about a body whose dates passed)
    assert view.discussion
    expected += [fixture_content.meeting.title.upper(), MARKS]
    for sentence in expected:
        assert " ".join(sentence.split()) in text, sentence
    assert text.count(MARKS) == 2, "the question typed with separate tone marks reads the same"
    assert all(char in "".join(expected) for char in "ắặờữđẵỗỹự"), "the sentences carry the marks checked"


def test_the_pdf_is_dated_by_the_build_and_titled_by_the_handout(pdf: bytes, view) -> None:
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata["/CreationDate"].startswith("D:20251128") and metadata["/ModDate"] == metadata["/CreationDate"]
    assert metadata["/Title"].startswith(view.title) and metadata["/Author"] == view.organisation


def test_the_same_view_gives_the_same_bytes(marked_view, pdf: bytes) -> None:
    assert handout_pdf(marked_view, BUILD_DAY, "https://example.org/xa-mau/tai-lieu/sinh-hoat-chi-bo/") == pdf
    assert handout_pdf(marked_view, "2025-11-29", None) != pdf


def test_content_is_text_never_typst_markup(view) -> None:
    """Whatever an editor types (Typst's own syntax included) is printed as typed."""
    typed = ['#panic("x") *đậm* _nghiêng_ $x^2$ #read("/etc/passwd") ] [ \\ } { // <nhãn> @nhãn = tiêu đề', "#let a = 1"]
    view_ = replace(view, discussion=[Discussion(text, None, None, None) for text in typed])
    text = _text(handout_pdf(view_, BUILD_DAY))
    for typed_text in typed:
        assert " ".join(typed_text.split()) in text, typed_text
    assert "root:" not in text


def test_a_character_no_font_has_stops_the_pdf_with_the_words_around_it(view) -> None:
    """A character the shipped fonts lack would print as an empty box: the build says which, and where."""
    odd = replace(view, discussion=[Discussion("Chi bộ có dùng ứng dụng 中 không?", None, None, None)])
    with pytest.raises(RendererError, match=r"^LỖI: tài liệu sinh hoạt chi bộ \(PDF\) có ký tự “中” \(U\+4E2D\)"
                                            r".*“Chi bộ có dùng ứng dụng 中 không\?”"):
        handout_pdf(odd, BUILD_DAY)
    arrows = replace(view, discussion=[Discussion("Bước 1 → bước 2, tỉ lệ ≥ 80%", None, None, None)])
    assert "Bước 1 → bước 2, tỉ lệ ≥ 80%" in _text(handout_pdf(arrows, BUILD_DAY)), "Noto Sans Math fills in"


def test_blocks_follow_the_html_body() -> None:
    html = ('<title>T — N</title><meta name="author" content="Đảng ủy"><div><p class="x nq-handout__note">Ghi '
            '<strong>đậm</strong>\n  <em>nghiêng</em> &amp; hết</p><h2 id="a">1. Mục</h2>'
            '<ol class="nq-handout__list"><li><strong>Một.</strong> Hai</li><li>Ba <span>(Xem: Bốn.)</span></li></ol></div>')
    document = read_document(html)
    assert document.title == "T — N" and document.meta == {"author": "Đảng ủy"}
    assert document.blocks == [
        Block("paragraph", "note", runs=[Run("Ghi "), Run("đậm", bold=True), Run(" "), Run("nghiêng", italic=True),
                                         Run(" & hết")]),
        Block("heading", "", level=2, runs=[Run("1. Mục")]),
        Block("list", "list", ordered=True, items=[[Run("Một.", bold=True), Run(" Hai")], [Run("Ba (Xem: Bốn.)")]]),
    ]


def test_a_tag_the_pdf_cannot_show_stops_with_its_name() -> None:
    with pytest.raises(TemplateMarkupError, match="<table>"):
        read_document("<p>a</p><table><tr><td>b</td></tr></table>")


def test_the_data_the_template_reads_is_the_print_pages_text(view) -> None:
    data = handout_data(view, BUILD_DAY)
    assert data["meta"]["dcterms.created"] == BUILD_DAY
    headings = [b["runs"][0]["text"] for b in data["blocks"] if b["kind"] == "heading"]
    assert headings[0] == "1. Quan điểm chỉ đạo" and len(headings) >= 4
    questions = next(b for b in data["blocks"] if b["kind"] == "list" and any(
        view.discussion[0].question in run["text"] for item in b["items"] for run in item))
    assert len(questions["items"]) == len(view.discussion)


def test_without_typst_the_cli_says_what_to_install(view, monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # import typst → ImportError, as on a machine without it
    with pytest.raises(HandoutError, match="pip install typst"):
        handout_pdf(view, BUILD_DAY)
    code = cli.main(["--content", str(FIXTURE / "content"), "render", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "\nLỖI: thiếu gói Python typst" in "\n" + err and "Traceback" not in err, err


def test_without_a_packaged_font_the_cli_names_the_file(monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setattr(fonts, "FONT_DIR", tmp_path)
    code = cli.main(["--content", str(FIXTURE / "content"), "render", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "LỖI: thiếu tệp phông chữ" in err and "NotoSerif-Regular.ttf" in err, err
    assert "Traceback" not in err


def _render(out: Path) -> bytes:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764288000"}
    subprocess.run([sys.executable, "-m", "generator", "--content", str(FIXTURE / "content"), "render", "--out", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return (out / PDF_PATH).read_bytes()


def test_two_renders_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = _render(tmp_path / "a"), _render(tmp_path / "b")
    assert first == second
    metadata = PdfReader(io.BytesIO(first)).metadata
    assert metadata["/CreationDate"].startswith("D:20251128")  # SOURCE_DATE_EPOCH's day, not the clock


def test_the_built_site_has_its_handout(built_site: Path) -> None:
    reader = PdfReader(built_site / PDF_PATH)
    assert 2 <= len(reader.pages) <= 6
    assert "57-NQ/TW" in _text((built_site / PDF_PATH).read_bytes())
