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

MAX_PIXELS = 60_000_000
"""60 megapixels: larger is a scan or a panorama, not a photo for a news post (and a memory risk)."""

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
    """Check one photo (exists, at most ``MAX_MB``, readable, not too many pixels) from its header only."""
    if path.is_symlink() or not path.is_file():
        raise PhotoError(f"không có tệp ảnh {PHOTO_DIR}/{path.name}; tải ảnh lên thư mục content/{PHOTO_DIR}/ "
                         "(Add file → Upload files) rồi ghi đúng tên tệp, kể cả chữ hoa, chữ thường, ví dụ `src: hoi-nghi.jpg`")
    size = path.stat().st_size
    if size > MAX_MB * 1024 * 1024:
        raise PhotoError(f"ảnh {path.name} quá lớn ({size / 1024 / 1024:.0f} MB, tối đa {MAX_MB} MB); "
                         "chụp lại ở cỡ thường hoặc gửi ảnh qua Zalo/thư điện tử rồi tải bản nhận được")
    data = path.read_bytes()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                orientation = image.getexif().get(0x0112, 1)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError):
        raise PhotoError(f"không đọc được ảnh {path.name}: tệp hỏng hoặc không phải ảnh JPEG, PNG, WebP, HEIC; "
                         "mở ảnh trên máy xem có hiện không, rồi tải lên lại") from None
    if width * height > MAX_PIXELS:
        raise PhotoError(f"ảnh {path.name} quá nhiều điểm ảnh ({width}×{height}); "
                         "dùng ảnh chụp bằng điện thoại thường, không dùng ảnh quét hay ảnh toàn cảnh")
    if orientation in _ROTATED:
        width, height = height, width
    return PhotoSource(path, width, height, hashlib.sha256(data).hexdigest()[:10])


def photo_path(content_root: Path, src: str) -> Path:
    """The file an ``image.src`` names: a file name in ``content/anh/`` (``anh/`` in front is accepted)."""
    return content_root / PHOTO_DIR / src.removeprefix(f"{PHOTO_DIR}/")
