"""Published versions of editors' photos: resized, WebP plus a JPEG fallback, no metadata.

A phone photo is several MB and carries EXIF (camera, time, often the GPS position:
a privacy fault on a public site) and an ICC colour profile. Readers on metered data
get instead a few small files made here, from the pixels only:

* the widths pages use (``WIDTHS``; never wider than the photo), each as WebP and JPEG;
* EXIF rotation applied, colours converted to sRGB, transparency flattened on white,
  then the pixels copied into a new image: no EXIF, GPS, XMP, ICC or comment survives;
* file names carry a digest of the source, so a replaced photo gets new names (no stale caches);
* the same photo and the same Pillow give the same bytes (reproducible builds);
* memory stays near one decoded copy of the photo: a JPEG is decoded at the smallest DCT scale that
  still covers the largest width (``draft``), any photo is reduced by a whole factor before the colour
  work, so a 48 MP phone photo needs a few hundred MB, not a gigabyte.

``photo_view`` needs only the header (cheap, for view models); ``encode`` does the work
once per photo and process (``mkdocs serve`` rebuilds reuse it).
"""

from __future__ import annotations

import io
import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from ..content.photos import FORMATS, PhotoError, PhotoSource, open_photo
from ..views.photos import WIDTHS, PhotoView, Rendition, _renditions, photo_view, widths  # noqa: F401 (re-exported)

QUALITY_1X = 72
"""Encoder quality of the 360 px files, seen at one device pixel per image pixel."""
QUALITY_DENSE = 45
"""Quality of the wider files, seen on 2× and 3× screens: each artefact covers a quarter of the area or less,
so a low quality looks as clean as 1× at a high one ("compressive images") and a 720 px photo costs
about 20 KB: the post page stays within the 90 KB budget on a 360 px phone at 2× (handbook/pages.md: figures)."""

REDUCING_GAP = 3
"""Keep at least 3× the largest published width before the final Lanczos resize (as ``reducing_gap=3.0``)."""

_TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
              5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}
"""EXIF orientation → the turn that makes the picture upright (what ``ImageOps.exif_transpose`` does)."""

_REDUCIBLE = {"L", "LA", "RGB", "RGBA", "CMYK"}


def _decoded(opened: Image.Image, photo: PhotoSource) -> Image.Image:
    """The pixels at no more than ``REDUCING_GAP`` times the largest published size: bounded memory."""
    scale = widths(photo.width)[-1] * REDUCING_GAP / photo.width
    needed = (max(1, math.ceil(opened.width * scale)), max(1, math.ceil(opened.height * scale)))
    if opened.format == "JPEG" and scale < 1:
        opened.draft(None, needed)  # the decoder itself skips the detail: 1/2, 1/4 or 1/8 of the pixels
    opened.load()
    factor = min(opened.width // needed[0], opened.height // needed[1])
    if factor > 1 and opened.mode in _REDUCIBLE:
        return opened.reduce(factor)
    return opened


def _pixels(photo: PhotoSource) -> Image.Image:
    """The photo's pixels, upright, in sRGB, opaque, in a new image that carries no metadata at all."""
    with Image.open(photo.path, formats=FORMATS) as opened:
        orientation = opened.getexif().get(0x0112, 1)
        image = _decoded(opened, photo)
        if (turn := _TRANSPOSE.get(orientation)) is not None:
            image = image.transpose(turn)
        profile = opened.info.get("icc_profile")
        if profile and image.mode in {"RGB", "RGBA"}:
            try:
                source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
                image = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode)
            except (ImageCms.PyCMSError, OSError):
                pass  # an unusable profile: the pixels as they are
        if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            image = flat
        rgb = image.convert("RGB")
    return Image.frombytes("RGB", rgb.size, rgb.tobytes())


@cache
def _encode(photo: PhotoSource) -> tuple[tuple[str, bytes], ...]:
    pixels = _pixels(photo)
    files = []
    for webp, jpeg in zip(_renditions(photo, "webp"), _renditions(photo, "jpg"), strict=True):
        resized = pixels.resize((webp.width, webp.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        clean = Image.frombytes("RGB", resized.size, resized.tobytes())
        quality = QUALITY_1X if webp.width <= WIDTHS[0] else QUALITY_DENSE
        out = io.BytesIO()
        clean.save(out, "WEBP", quality=quality, method=6)
        files.append((webp.path, out.getvalue()))
        out = io.BytesIO()
        clean.save(out, "JPEG", quality=quality + 5, optimize=True, progressive=True, subsampling="4:2:0")
        files.append((jpeg.path, out.getvalue()))
    return tuple(files)


def encode(photo: PhotoSource) -> list[tuple[str, bytes]]:
    """(site path, bytes) of every published file of ``photo``; computed once per photo and process."""
    return list(_encode(photo))


_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}


def clean_image(path: Path) -> bytes:
    """An image of ``docs/`` decoded and encoded again in its own format, upright, without any metadata
    (EXIF, GPS position, XMP, comments, colour profile): what a phone put in the file is not published.

    Checked first as editors' photos are (``open_photo``: size, pixels, readable); a GIF keeps its first frame.
    Raises ``PhotoError`` with a Vietnamese message.
    """
    photo = open_photo(path)
    kind = _FORMATS[path.suffix.lower()]
    with Image.open(photo.path, formats=FORMATS) as opened:
        if opened.format != kind and not (kind == "JPEG" and opened.format == "MPO"):
            raise PhotoError(f"tệp {path.name} không phải ảnh {kind} như đuôi tên tệp nói ({opened.format}); "
                             "lưu lại ảnh đúng định dạng rồi tải lên")
        image = ImageOps.exif_transpose(opened)
        mode = image.mode if image.mode in {"RGB", "RGBA", "L", "LA"} else ("RGBA" if kind != "JPEG" else "RGB")
        if kind == "JPEG":
            mode = "L" if image.mode == "L" else "RGB"
        pixels = image.convert(mode)
    clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    if kind == "JPEG":
        clean.save(out, kind, quality=90, optimize=True, progressive=True)
    elif kind == "WEBP":
        clean.save(out, kind, quality=90, method=6)
    elif kind == "GIF":
        clean.save(out, kind)
    else:
        clean.save(out, kind, optimize=True)
    return out.getvalue()
