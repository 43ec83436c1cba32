"""The party-cell handout as an A4 PDF, made at build time by Typst (the ``typst`` wheel from PyPI).

The text is the print page's: ``templates/handout.html.j2`` wraps the shared body
``_handout.html.j2``; ``render/blocks.py`` reads that HTML back into plain blocks, and the
static template ``templates/handout.typ`` lays them out from JSON given in
``sys.inputs`` — content is never spliced into Typst markup, so nothing an editor types
can act as a Typst command. Fonts are the packaged Noto subsets (``render/fonts.py``):
Typst is told to use those files only (no system fonts, none of its own), so the PDF
embeds exactly them and looks the same on every machine.

Why Typst and not fpdf2, both installing from PyPI alone (measured on the district's
handout, 2 cores): Typst's wheel is 34 MB (81 MB installed) against fpdf2's 0.3 MB, and
it makes the PDF in about 0.3 s (fpdf2 about 0.2 s). Typst sets the text as a typesetter
does — justified paragraphs with even spacing, hanging list numbers, headings kept with
their text, list items not split across pages, Vietnamese marks placed by the font's own
mark positioning (HarfBuzz-style shaping, built in) — and writes a tagged PDF with
bookmarks; fpdf2 would need this layout written by hand here (list indents, keep-with-next,
page x/y) and justifies by stretching word gaps line by line. The output is of the same
order (Typst ~60 KB). The wheel's size is the price; it is paid once per ``.venv``.

Reproducible: the document date is the build date (``created``), the Typst clock is
pinned to it as well, and Typst writes no random identifiers, so the same commit and
``SOURCE_DATE_EPOCH`` give the same bytes.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from ..views.meeting import MeetingView
from .blocks import TemplateMarkupError, read_document
from .environment import TEMPLATES, environment
from .fonts import FONT_DIR, HANDOUT_FONTS, RendererError, font_file

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
    data = json.dumps(handout_data(view, created, online), ensure_ascii=False)
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
