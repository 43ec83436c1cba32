"""Share images (1200×630 PNG) for the home page and each indicator, drawn at build time.

When a reader shares a page on Zalo or Facebook, the app shows the page's
``og:image``. Material's social plugin fetches its fonts from the internet
(and fails offline), so the images are drawn here with Pillow and Noto Sans,
the Vietnamese subset shipped in the package (``render/fonts.py``): it covers
every Vietnamese letter with its tone marks. Nothing is downloaded at build time,
and no font of the machine is read.

The words come from ``templates/_share.txt.j2``; this module only measures,
wraps and draws them. Same commit, same Pillow: same bytes (no timestamp, no
metadata in the PNG).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..content import Content
from ..registry import HOME_IMAGE, SHARE_DIR, indicator_image  # noqa: F401 (re-exported)
from ..settings import BuildSettings
from ..views.targets import IndicatorCard, card
from .environment import environment
from .fonts import SHARE_FONTS, check_glyphs, font_file

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND, INK, MUTED, ACCENT, BAND = "#ffffff", "#1a1a1a", "#4a4a4a", "#b71c1c", "#b71c1c"
BAND_HEIGHT = 18


@dataclass(frozen=True)
class Line:
    """A block of text on the image: its words, font, largest and smallest size, most lines, colour."""

    text: str
    font: str
    size: int
    min_size: int
    max_lines: int
    colour: str
    gap: int = 20
    """Space below the block."""


def font_path(name: str) -> Path:
    """The packaged font of a block (``regular`` or ``bold``); ``RendererError`` if the file is missing."""
    return font_file(SHARE_FONTS[name])


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(name)), size)


CHARS_PER_LINE = 200
"""More characters than any line of the image can show: the narrowest glyph of Noto Sans at the smallest size
used (26 px) is about 6 px wide, and a line is 1056 px. Text beyond ``max_lines`` lines of this is never laid
out, so a name of 100 KB costs what a normal one does (the models' length limits stop it earlier anyway)."""

ELLIPSIS = "…"


def _fitting(text: str, font: ImageFont.FreeTypeFont, width: int, suffix: str = "") -> int:
    """The most leading characters of ``text`` (at least one) that fit ``width`` with ``suffix``: binary search."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle] + suffix) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int | None = None) -> list[str]:
    """Words into lines no wider than ``width`` pixels; a word wider than a line is cut where it fits.

    With ``max_lines``, stops at the first line past it: the caller only needs to know it does not fit.
    """
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
            continue
        while len(word) > 1 and font.getlength(word) > width:
            cut = _fitting(word, font, width)
            lines.append(word[:cut])
            word = word[cut:]
            if max_lines is not None and len(lines) > max_lines:
                return lines
        lines.append(word)
        if max_lines is not None and len(lines) > max_lines:
            return lines
    return lines


def ellipsised(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``text`` shortened to end in "…" within ``width``: whole words where possible, else characters."""
    text = text.rstrip(ELLIPSIS)
    while " " in text and font.getlength(text + ELLIPSIS) > width:
        text = text.rsplit(" ", 1)[0]
    if font.getlength(text + ELLIPSIS) > width:
        text = text[:_fitting(text, font, width, ELLIPSIS)]
    return text.rstrip() + ELLIPSIS


def cut(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """One line no wider than ``width``: ``text`` itself when it fits, else shortened with "…"."""
    text = text[:CHARS_PER_LINE + 1]
    return text if font.getlength(text) <= width else ellipsised(text, font, width)


def fit(block: Line, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the block fits its line count; at the smallest, cut with "…".

    Only the first ``max_lines`` lines' worth of characters is ever measured (``CHARS_PER_LINE``).
    """
    text = block.text[: block.max_lines * CHARS_PER_LINE]
    if text == block.text:
        for size in range(block.size, block.min_size - 1, -2):
            font = _font(block.font, size)
            lines = wrap(text, font, width, block.max_lines)
            if len(lines) <= block.max_lines:
                return font, lines
    font = _font(block.font, block.min_size)
    lines = wrap(text, font, width, block.max_lines)[: block.max_lines] or [""]
    lines[-1] = ellipsised(lines[-1], font, width)
    return font, lines


FOOTER_TOP = HEIGHT - MARGIN - 24
"""The rule above the footer: the blocks must end above it."""


def layout(blocks: Iterable[Line], width: int) -> list[tuple[ImageFont.FreeTypeFont, list[str], Line]]:
    """Each block's font and lines; all blocks shrink together (to their smallest) until they fit above the footer."""
    blocks = list(blocks)
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        scaled = [replace(b, size=max(b.min_size, round(b.size * scale))) for b in blocks]
        placed = [(*fit(block, width), block) for block in scaled]
        if _height(placed) <= FOOTER_TOP - MARGIN - 16:
            return placed
    return placed


def _height(placed: list[tuple[ImageFont.FreeTypeFont, list[str], Line]]) -> int:
    return sum(_line_height(font) * len(lines) + block.gap for font, lines, block in placed)


def _line_height(font: ImageFont.FreeTypeFont) -> int:
    ascent, descent = font.getmetrics()
    return round((ascent + descent) * 1.05)


def draw(blocks: Iterable[Line], footer: str) -> bytes:
    """A 1200×630 PNG: a coloured band on top, the blocks from the top, the footer at the bottom."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, BAND_HEIGHT), fill=BAND)
    width = WIDTH - 2 * MARGIN
    y = MARGIN
    for font, lines, block in layout(blocks, width):
        for text in lines:
            pen.text((MARGIN, y), text, font=font, fill=block.colour)
            y += _line_height(font)
        y += block.gap
    pen.line((MARGIN, FOOTER_TOP, WIDTH - MARGIN, FOOTER_TOP), fill="#d0d0d0", width=2)
    footer_font = _font("regular", 28)
    pen.text((MARGIN, HEIGHT - MARGIN), cut(footer, footer_font, width), font=footer_font, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)
    return out.getvalue()


@dataclass(frozen=True)
class ShareImage:
    """One share image: where it goes, and every block of text on it (the test checks their glyphs)."""

    path: str
    blocks: tuple[Line, ...]
    footer: str

    @property
    def texts(self) -> list[str]:
        return [block.text for block in self.blocks] + [self.footer]

    def png(self) -> bytes:
        texts = [(block.text, (SHARE_FONTS[block.font],)) for block in self.blocks]
        check_glyphs([*texts, (self.footer, (SHARE_FONTS["regular"],))], f"ảnh chia sẻ {self.path}")
        return draw(self.blocks, self.footer)


def indicator_cards(content: Content) -> list[IndicatorCard]:
    """Every indicator of every target horizon, in year order, as the cards show it."""
    return [card(i, section, "") for section in content.horizons for i in section.indicators]


def share_images(content: Content, settings: BuildSettings) -> list[ShareImage]:
    """The home page's image, then one per indicator, with the words from ``_share.txt.j2``."""
    words = environment().get_template("_share.txt.j2").make_module({"c": content})
    site = content.settings
    footer = str(words.footer(site, settings.site_host)).strip()
    kicker = Line(str(words.kicker(site)).strip(), "regular", 34, 26, 1, MUTED, gap=16)
    home = ShareImage(HOME_IMAGE, (
        kicker,
        Line(str(words.home_title(site)).strip(), "bold", 68, 44, 3, INK, gap=24),
        Line(str(words.home_lines(content)).strip(), "regular", 38, 28, 2, ACCENT),
    ), footer)
    images = [home]
    for each in indicator_cards(content):
        images.append(ShareImage(indicator_image(each.indicator.id), (
            kicker,
            Line(str(words.indicator_title(each)).strip(), "bold", 60, 40, 3, INK, gap=24),
            Line(str(words.indicator_value(each)).strip(), "bold", 64, 40, 2, ACCENT, gap=8),
            Line(str(words.indicator_year(each)).strip(), "regular", 34, 28, 1, MUTED),
        ), footer))
    return images
