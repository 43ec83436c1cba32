"""A post's photo as its page shows it: the published files in every width and format, alt text, caption.

The view model only names files (``render/photos.py`` encodes their pixels), so pages and feeds know every
rendition without decoding a pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import PostImage
from ..content.photos import PHOTO_DIR, PhotoSource
from ..text import slugify

WIDTHS = (360, 720, 1080)
"""Pixel widths published: a 360 px phone at 1× and 2×, a 1080 px screen (or 360 px at 3×)."""

SIZES = "(min-width: 45em) 720px, 100vw"
"""The ``sizes`` attribute: the photo spans the phone's width; on wide screens the text column (≤ 720 px)."""


@dataclass(frozen=True)
class Rendition:
    """One published file of a photo."""

    path: str
    """Site path, e.g. ``anh/hoi-nghi-3f2a9c01de-720.webp``."""
    width: int
    height: int


@dataclass(frozen=True)
class PhotoView:
    """What the post template needs for ``<picture>``: both formats in every width, alt text, caption."""

    webp: list[Rendition]
    jpeg: list[Rendition]
    alt: str
    caption: str | None
    sizes: str = SIZES

    @property
    def fallback(self) -> Rendition:
        """The ``<img src>`` (browsers without ``srcset``) and the size the page reserves: the middle width."""
        return self.jpeg[min(1, len(self.jpeg) - 1)]

    @property
    def largest(self) -> Rendition:
        """The largest JPEG: what feeds and link previews point to."""
        return self.jpeg[-1]


def widths(source_width: int) -> list[int]:
    """The published widths for a photo ``source_width`` pixels wide: never enlarged."""
    chosen = [width for width in WIDTHS if width < source_width]
    top = min(source_width, WIDTHS[-1])
    return chosen if top in chosen else [*chosen, top]


def _renditions(photo: PhotoSource, extension: str) -> list[Rendition]:
    stem = f"{PHOTO_DIR}/{slugify(photo.path.stem) or 'anh'}-{photo.digest}"
    return [Rendition(f"{stem}-{width}.{extension}", width, max(1, round(photo.height * width / photo.width)))
            for width in widths(photo.width)]


def photo_view(photo: PhotoSource, image: PostImage) -> PhotoView:
    """The published files of ``photo`` and its alt text and caption (no pixel is decoded here)."""
    return PhotoView(_renditions(photo, "webp"), _renditions(photo, "jpg"), image.alt, image.caption)
