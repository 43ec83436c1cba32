"""The party-cell handout as an A4 PDF, made at build time with WeasyPrint.

The HTML is ``templates/handout.html.j2`` (the same body as the print page,
``_handout.html.j2``) with its own print stylesheet ``templates/handout.css``.
Fonts are Noto Serif from Debian's ``fonts-noto-core``, read from local files and
embedded; nothing is fetched from the network. Noto Serif lacks “≥”, so the handout
states targets in words (“tối thiểu 30% GDP”, as the plan does), never with a symbol a
system font would have to supply. WeasyPrint writes no document id
and takes its dates from the HTML, which says the build date: the same commit and
``SOURCE_DATE_EPOCH`` give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..views.meeting import MeetingView
from .environment import TEMPLATES, environment

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONT_FILES = {
    ("400", "normal"): "NotoSerif-Regular.ttf",
    ("700", "normal"): "NotoSerif-Bold.ttf",
    ("400", "italic"): "NotoSerif-Italic.ttf",
    ("700", "italic"): "NotoSerif-BoldItalic.ttf",
}

DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 fonts-noto-core"


class HandoutError(RuntimeError):
    """The PDF cannot be made on this machine; the message says what to install, in Vietnamese first."""


@dataclass(frozen=True)
class FontFace:
    family: str
    weight: str
    style: str
    url: str


def font_faces(font_dir: Path = FONT_DIR) -> list[FontFace]:
    missing = [name for name in FONT_FILES.values() if not (font_dir / name).is_file()]
    if missing:
        raise HandoutError(
            f"LỖI: thiếu phông chữ {', '.join(missing)} trong {font_dir} để làm tệp PDF tài liệu sinh hoạt chi bộ; "
            f"cài gói Debian fonts-noto-core (bash .ci/run tự cài)\n(en) missing fonts for the handout PDF: {missing}")
    return [FontFace("Handout Serif", weight, style, (font_dir / name).as_uri()) for (weight, style), name in FONT_FILES.items()]


def handout_html(view: MeetingView, created: str, online: str | None) -> str:
    return environment(autoescape=True).get_template("handout.html.j2").render(view=view, created=created, online=online)


def handout_pdf(view: MeetingView, created: str, online: str | None = None) -> bytes:
    """The PDF bytes. ``created`` is a W3C date (``2025-11-28``): the build date, never the clock."""
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as exc:
        raise HandoutError(
            f"LỖI: không chạy được WeasyPrint để làm tệp PDF tài liệu sinh hoạt chi bộ ({exc}); "
            f"cài các gói Debian {DEBIAN_PACKAGES}\n(en) WeasyPrint cannot run: install {DEBIAN_PACKAGES}") from None
    fonts = environment().get_template("handout-fonts.css.j2").render(faces=font_faces())
    stylesheets = [CSS(string=fonts), CSS(filename=str(TEMPLATES / "handout.css"))]
    document = HTML(string=handout_html(view, created, online), base_url=str(TEMPLATES))
    pdf = document.write_pdf(stylesheets=stylesheets)
    assert pdf is not None
    return pdf
