"""Editors' photos in ``content/anh/``: found, opened and checked before anything is built.

Editors upload photos as a phone makes them (JPEG, PNG, WebP, HEIC; several MB).
Here we only read the header (size, orientation) and a digest of the bytes, so a
missing, unreadable or far too large photo is an editor error with file:line at
``validate``/``lint`` time. The published versions are made later, by
``generator.render.photos``.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

try:  # HEIC/HEIF (iPhones' default) when pillow-heif is installed; it registers itself with Pillow.
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is in the lock file
    pass

PHOTO_DIR = "anh"
"""Folder of the photos inside ``content/`` (``content/anh/``), next to the posts."""

MAX_MB = 20
"""A photo larger than this is refused: no phone makes one, and the build would crawl."""

MAX_PIXELS = 50_000_000
"""50 megapixels: a 48 MP phone photo passes; larger is a scan or a panorama, not a photo for a news post,
and decoding it would take over a gigabyte of memory."""

MAX_SIDE = 12_000
"""Pixels on the longer side: a 400×20000 strip has few pixels but no published size could hold it
(WebP stops at 16383 px a side); a phone's longest side is about 8000 px."""

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
"""Pillow's own guard at the same figure: it warns above it and refuses twice as many (a decompression bomb)
when any code opens an image; ``open_photo`` reads the warning as the editor's error, never a traceback."""

_TOO_MANY = ("dùng ảnh chụp bằng điện thoại thường (tối đa {side} điểm ảnh mỗi cạnh, {mp} triệu điểm ảnh), "
             "không dùng ảnh quét, ảnh ghép hay ảnh toàn cảnh; hoặc thu nhỏ ảnh rồi tải lên lại")

FORMATS = ("JPEG", "PNG", "WEBP", "HEIF", "GIF")
"""The only decoders Pillow may use on an editor's file, whatever its name says (GIF for images of ``docs/``;
a phone's MPO is read by the JPEG decoder): a file named ``.jpg`` that is really EPS (Ghostscript), PSD, TIFF
or one of Pillow's many other formats is "not a photo", never decoded."""

_ROTATED = {5, 6, 7, 8}
"""EXIF orientations that turn the picture a quarter: width and height swap when it is shown."""


class PhotoError(ValueError):
    """A photo that cannot be published; the message is Vietnamese and says what to do."""


@dataclass(frozen=True)
class PhotoSource:
    """An editor's photo as found: where, its displayed size (after EXIF rotation) and a digest of its bytes."""

    path: Path
    width: int
    height: int
    digest: str
    """First 10 hex digits of the file's SHA-256: published names change when the photo does."""


def open_photo(path: Path) -> PhotoSource:
    """Check one photo (exists, at most ``MAX_MB``, readable, ``MAX_SIDE`` and ``MAX_PIXELS``) from its header only."""
    if path.is_symlink() or not path.is_file():
        if other := _other_case(path):
            raise PhotoError(f"không có tệp ảnh {PHOTO_DIR}/{path.name}, nhưng có “{other}”: hai tên khác nhau ở chữ hoa, "
                             f"chữ thường. Tên ảnh phải viết thường: đổi tên tệp trong content/{PHOTO_DIR}/ thành "
                             f"“{other.lower()}” và ghi `src: {other.lower()}`")
        raise PhotoError(f"không có tệp ảnh {PHOTO_DIR}/{path.name}; tải ảnh lên thư mục content/{PHOTO_DIR}/ "
                         "(Add file → Upload files) rồi ghi đúng tên tệp, kể cả chữ hoa, chữ thường, ví dụ `src: hoi-nghi.jpg`")
    size = path.stat().st_size
    if size > MAX_MB * 1024 * 1024:
        raise PhotoError(f"ảnh {path.name} quá lớn ({size / 1024 / 1024:.0f} MB, tối đa {MAX_MB} MB); "
                         "chụp lại ở cỡ thường hoặc gửi ảnh qua Zalo/thư điện tử rồi tải bản nhận được")
    data = path.read_bytes()
    advice = _TOO_MANY.format(side=f"{MAX_SIDE:,}".replace(",", "."), mp=MAX_PIXELS // 1_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is checked below
            with Image.open(path, formats=FORMATS) as image:  # reads the header only: no pixel is decoded here
                width, height = image.size
                too_big = max(width, height) > MAX_SIDE or width * height > MAX_PIXELS
                orientation = 1 if too_big else image.getexif().get(0x0112, 1)
    except Image.DecompressionBombError:
        raise PhotoError(f"ảnh {path.name} quá nhiều điểm ảnh (hơn {2 * MAX_PIXELS // 1_000_000} triệu); "
                         + advice) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise PhotoError(f"không đọc được ảnh {path.name}: tệp hỏng hoặc không phải ảnh JPEG, PNG, WebP, HEIC; "
                         "mở ảnh trên máy xem có hiện không, rồi tải lên lại") from None
    if max(width, height) > MAX_SIDE:
        raise PhotoError(f"ảnh {path.name} quá dài hoặc quá rộng ({width}×{height} điểm ảnh); " + advice)
    if too_big:
        megapixels = f"{width * height / 1_000_000:.1f}".replace(".", ",")
        raise PhotoError(f"ảnh {path.name} quá nhiều điểm ảnh ({width}×{height}, {megapixels} triệu điểm ảnh); "
                         + advice)
    if orientation in _ROTATED:
        width, height = height, width
    return PhotoSource(path, width, height, hashlib.sha256(data).hexdigest()[:10])


PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif"})
"""Photo files an editor may upload somewhere else than ``content/anh/`` by mistake."""


def _other_case(path: Path) -> str | None:
    """A file in the same folder whose name differs only in capitals (``IMG_0001.JPG`` for ``img_0001.jpg``)."""
    if not path.parent.is_dir():
        return None
    wanted = path.name.lower()
    return next((other.name for other in sorted(path.parent.iterdir()) if other.name.lower() == wanted), None)


def misplaced_photos(content_root: Path, display: str) -> list[tuple[str, str]]:
    """(shown path, file name) of each photo under ``content/`` but outside ``content/anh/``: never published."""
    found = []
    for path in sorted(content_root.rglob("*")):
        relative = path.relative_to(content_root)
        if path.is_file() and path.suffix.lower() in PHOTO_SUFFIXES and relative.parts[0] != PHOTO_DIR \
                and relative.parts[0] != "source":
            found.append((f"{display}/{relative.as_posix()}", path.name))
    return found


def photo_path(content_root: Path, src: str) -> Path:
    """The file an ``image.src`` names: a file name in ``content/anh/`` (``anh/`` in front is accepted)."""
    return content_root / PHOTO_DIR / src.removeprefix(f"{PHOTO_DIR}/")
