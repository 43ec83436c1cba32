"""The party-cell handout as an A4 PDF, made at build time by Typst (the ``typst`` wheel from PyPI).

The text is the print page's: ``templates/handout.html.j2`` wraps the shared body
``_handout.html.j2``; ``render/blocks.py`` reads that HTML back into plain blocks, and the
static template ``templates/handout.typ`` lays them out from JSON given in
``sys.inputs`` — content is never spliced into Typst markup, so nothing an editor types
can act as a Typst command. Fonts are the packaged Noto subsets (``render/fonts.py``):
Typst is told to use those files only (no system fonts, none of its own), so the PDF
embeds exactly them and looks the same on every machine.

Why Typst and not fpdf2, both installing from PyPI alone (measured on the district's 3-page
handout, typst 0.15.2, fpdf2 2.8.9, 2 shared cores): Typst's wheel is 34 MB (81 MB installed)
against fpdf2's 0.34 MB (3 MB installed, plus fontTools); Typst makes the PDF in 0.3 s from a
cold start (0.1–0.2 s warm), fpdf2 in 0.4–0.5 s (its font subsetting is pure Python); Typst's
PDF is 63 KB (tagged, with bookmarks), fpdf2's 38 KB. What decides is the page: Typst sets
text as a typesetter does — justified paragraphs with even spacing, hanging list numbers,
headings kept with what follows, list items not split across pages, tone marks typed as
separate characters placed by the font's mark positioning (its shaper is built in), a page
"x/y" counter — from a short static template, and writes a tagged PDF with bookmarks. With
fpdf2 this module would lay out lists, indents, keep-with-next and page breaks by hand, and
marks typed separately would need uharfbuzz besides. The wheel's size is the price, paid
once per ``.venv``.

Reproducible: the document date is the build date (``created``), the Typst clock is
pinned to it as well, and Typst writes no random identifiers, so the same commit and
build date (``settings.build_date``) give the same bytes.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from ..views.meeting import MeetingView
from .blocks import TemplateMarkupError, read_document
from .environment import TEMPLATES, environment
from .fonts import FONT_DIR, HANDOUT_FONTS, MATH_FALLBACK, RendererError, check_glyphs, font_file

TEMPLATE = TEMPLATES / "handout.typ"


class HandoutError(RendererError):
    """The PDF cannot be made on this machine; the message says what to do, in Vietnamese first."""


def handout_html(view: MeetingView, created: str, online: str | None) -> str:
    return environment(autoescape=True).get_template("handout.html.j2").render(view=view, created=created, online=online)


def handout_data(view: MeetingView, created: str, online: str | None = None) -> dict:
    """What the PDF template reads: the handout's title, metadata and text blocks."""
    try:
        return read_document(handout_html(view, created, online)).as_data()
    except TemplateMarkupError as exc:
        raise HandoutError(f"LỖI: mẫu tài liệu sinh hoạt chi bộ (templates/_handout.html.j2): {exc}") from None


SERIF = {(False, False): "NotoSerif-Regular.ttf", (True, False): "NotoSerif-Bold.ttf",
         (False, True): "NotoSerif-Italic.ttf", (True, True): "NotoSerif-BoldItalic.ttf"}
"""The face each run is set in (bold, italic), as handout.typ asks for it; Noto Sans Math fills in → ≥ ≤ −."""


def _runs(data: dict) -> list[tuple[str, tuple[str, str]]]:
    """Every run of text with the fonts that may draw it; headings and titles are bold."""
    found = [(data["title"], (SERIF[False, False], MATH_FALLBACK))]
    for block in data["blocks"]:
        bold = block["kind"] == "heading" or block["role"] in {"org", "title"}
        italic = block["role"] in {"subject", "note"}
        for run in [*block["runs"], *(run for item in block["items"] for run in item)]:
            found.append((run["text"], (SERIF[bold or run["bold"], italic or run["italic"]], MATH_FALLBACK)))
    return found


def handout_pdf(view: MeetingView, created: str, online: str | None = None) -> bytes:
    """The PDF bytes. ``created`` is a W3C date (``2025-11-28``): the build date, never the clock."""
    try:
        import typst
    except ImportError as exc:
        raise HandoutError(
            f"LỖI: thiếu gói Python typst để làm tệp PDF tài liệu sinh hoạt chi bộ ({exc}); chạy lại `make build` "
            "(cài theo requirements.lock) hoặc: .venv/bin/pip install typst\n"
            "(en) the typst package is missing: run `make build` again, or pip install typst") from None
    for name in HANDOUT_FONTS:
        font_file(name)  # each one there, or say which is missing
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONT_DIR)])
    blocks = handout_data(view, created, online)
    check_glyphs(_runs(blocks), "tài liệu sinh hoạt chi bộ (PDF)")
    data = json.dumps(blocks, ensure_ascii=False)
    midnight = datetime.combine(date.fromisoformat(created), datetime.min.time(), UTC)
    try:
        pdf, warnings = typst.compile_with_warnings(str(TEMPLATE), root=str(TEMPLATES), font_paths=fonts,
                                                    ignore_system_fonts=True, sys_inputs={"data": data},
                                                    timestamp=midnight, format="pdf")
    except typst.TypstError as exc:
        raise HandoutError(
            f"LỖI: Typst không làm được tệp PDF tài liệu sinh hoạt chi bộ từ {TEMPLATE.name}: {exc.message}\n"
            f"(en) Typst failed on the handout template: {exc.diagnostic or exc.message}") from None
    if warnings:  # e.g. a font family Typst cannot find: the PDF would lack text, so stop rather than publish it
        said = "; ".join(w.message for w in warnings)
        raise HandoutError(f"LỖI: Typst cảnh báo khi làm tệp PDF tài liệu sinh hoạt chi bộ: {said}\n"
                           f"(en) Typst warned on the handout template: {said}")
    assert isinstance(pdf, bytes)
    return pdf
