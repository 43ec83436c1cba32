"""A phone photo for tests: 12 megapixels, several MB, EXIF with camera, time and a GPS position."""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (21.0, 1.0, 30.0),
    ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (105.0, 51.0, 12.0),
}


def phone_photo(path: Path, size: tuple[int, int] = (4000, 3000), quality: int = 90) -> Path:
    """Write a JPEG as a phone makes it: smooth light, detail that survives resizing (a crowd, leaves:
    noise at 1/25 of the resolution, enlarged), sensor noise that makes the MB; EXIF incl. GPSInfo.

    Noise alone would shrink to almost nothing (a meaningless budget test); detail at every pixel
    is a worst case no photo of a meeting has (handbook/pages.md: figures for both)."""
    width, height = size
    light = Image.linear_gradient("L").resize(size)
    detail = Image.effect_noise((width // 25, height // 25), 60).resize(size, Image.Resampling.BICUBIC)
    noise = Image.blend(Image.effect_noise(size, 40), detail, 0.75)
    red = Image.blend(noise, light, 0.6)
    green = Image.blend(noise, light.transpose(Image.Transpose.ROTATE_90).resize(size), 0.7)
    blue = light.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone X"
    exif[ExifTags.Base.DateTime] = "2025:03:15 08:30:00"
    exif[ExifTags.IFD.GPSInfo] = GPS
    Image.merge("RGB", (red, green, blue)).save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path
