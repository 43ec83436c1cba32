"""Editors' phone photos: checked when a post loads, published small, in two formats, without metadata."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from bench.pageweight import page_weight
from generator.content import ContentError
from generator.content.photos import MAX_MB, open_photo
from generator.content.posts import load_post
from generator.render import photos

from .conftest import build_site
from .photo_factory import phone_photo
from .test_budget import PAGE_BUDGET

POST = """---
title: Hội nghị quán triệt
date: 2025-03-15
author: Ban biên tập
category: van-ban-chi-dao
summary: Hội nghị quán triệt Nghị quyết.
image:
  src: {src}
  alt: Quang cảnh hội nghị
---
Nội dung.
"""


def _no_metadata(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert len(image.getexif()) == 0, dict(image.getexif())
    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"):
        assert key not in image.info, (key, image.info.keys())
    assert b"Exif" not in data[:4096] and b"PhoneMaker" not in data and b"GPS" not in data
    return image


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = phone_photo(tmp_path_factory.mktemp("anh") / "img-2025.jpg", quality=94)
    assert path.stat().st_size >= 3_000_000, path.stat().st_size
    assert Image.open(path).getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test photo must carry a GPS position"
    return path


def test_published_files_have_no_metadata_and_the_promised_sizes(phone: Path) -> None:
    source = open_photo(phone)
    files = dict(photos.encode(source))
    view = photos.photo_view(source, type("Image", (), {"alt": "Mô tả", "caption": None})())
    assert [r.width for r in view.webp] == list(photos.WIDTHS) == [r.width for r in view.jpeg]
    for rendition in [*view.webp, *view.jpeg]:
        image = _no_metadata(files[rendition.path])
        assert image.size == (rendition.width, rendition.height)
        assert image.format == ("WEBP" if rendition.path.endswith(".webp") else "JPEG")
        assert rendition.height == round(rendition.width * 3000 / 4000)
    assert set(files) == {r.path for r in [*view.webp, *view.jpeg]}


def test_published_bytes_are_reproducible(phone: Path) -> None:
    first = photos.encode(open_photo(phone))
    photos._encode.cache_clear()
    assert photos.encode(open_photo(phone)) == first


def test_a_small_photo_is_never_enlarged() -> None:
    assert photos.widths(500) == [360, 500]
    assert photos.widths(300) == [300]
    assert photos.widths(720) == [360, 720]
    assert photos.widths(6000) == [360, 720, 1080]


def test_rotation_from_exif_is_applied(tmp_path: Path) -> None:
    """A phone held upright stores a landscape picture and EXIF orientation 6: published upright."""
    path = tmp_path / "doc.jpg"
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    Image.new("RGB", (800, 600), (200, 30, 30)).save(path, "JPEG", exif=exif.tobytes())
    source = open_photo(path)
    assert (source.width, source.height) == (600, 800)
    for name, data in photos.encode(source):
        assert _no_metadata(data).height > _no_metadata(data).width, name


def _post(tmp_path: Path, src: str) -> Path:
    (tmp_path / "tin-tuc").mkdir(exist_ok=True)
    (tmp_path / "anh").mkdir(exist_ok=True)
    post = tmp_path / "tin-tuc" / "2025-03-15-hoi-nghi.md"
    post.write_text(POST.format(src=src), encoding="utf-8")
    return post


def _message(post: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_post(post, "content/tin-tuc/2025-03-15-hoi-nghi.md")
    [problem] = caught.value.problems
    assert problem.line == 8 and problem.field == "image.src", problem
    return problem.message_vi


def test_missing_photo_says_where_to_upload(tmp_path: Path) -> None:
    message = _message(_post(tmp_path, "khong-co.jpg"))
    assert message.startswith("không có tệp ảnh anh/khong-co.jpg; tải ảnh lên thư mục content/anh/"), message


def test_unreadable_photo_is_named(tmp_path: Path) -> None:
    post = _post(tmp_path, "hong.jpg")
    (tmp_path / "anh" / "hong.jpg").write_bytes(b"<html>not a photo</html>")
    assert _message(post).startswith("không đọc được ảnh hong.jpg: tệp hỏng hoặc không phải ảnh JPEG, PNG, WebP, HEIC")


def test_far_too_large_photo_is_refused_before_it_is_read(tmp_path: Path) -> None:
    post = _post(tmp_path, "lon.jpg")
    with (tmp_path / "anh" / "lon.jpg").open("wb") as big:
        big.truncate((MAX_MB + 5) * 1024 * 1024)  # sparse: no 25 MB written
    assert _message(post).startswith(f"ảnh lon.jpg quá lớn (25 MB, tối đa {MAX_MB} MB)")


def test_a_phone_photo_in_a_post_is_published_within_the_page_budget(project_copy: Path, phone: Path) -> None:
    """The issue's acceptance test: a 3 MB phone photo with GPS in a post builds, is published without
    metadata, with width and height, and the post page stays within the page budget."""
    content = project_copy / "content"
    # The fixture's post with a photo gets the phone's instead (its own small photo is removed from the copy).
    [post] = [path for path in sorted((content / "tin-tuc").glob("*.md")) if "\nimage:\n" in path.read_text(encoding="utf-8")]
    text = post.read_text(encoding="utf-8")
    own = re.search(r"\n  src: (\S+)\n", text).group(1)
    (content / "anh" / own).unlink()
    (content / "anh" / phone.name).write_bytes(phone.read_bytes())
    image = f"\nimage:\n  src: {phone.name}\n  alt: Quang cảnh hội nghị\n"
    post.write_text(re.sub(r"\nimage:\n(?:  [^\n]*\n)+", image, text, count=1), encoding="utf-8")
    site = project_copy / "site"
    result = build_site(site, config=project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = [page for page in site.rglob("tin-tuc/*/*/index.html") if "<picture>" in page.read_text(encoding="utf-8")]
    assert len(pages) == 1, pages
    page = pages[0].relative_to(site).as_posix()
    html = pages[0].read_text(encoding="utf-8")
    img = re.search(r"<img\b[^>]*>", html[html.index("<picture>"):]).group()
    for attribute in ('width="720"', 'height="540"', 'loading="lazy"', 'alt="Quang cảnh hội nghị"', "srcset=", "sizes="):
        assert attribute in img, (attribute, img)
    webp = r'<source type="image/webp" srcset="[^"]+-360\.webp 360w, [^"]+-720\.webp 720w, [^"]+-1080\.webp 1080w"'
    assert re.search(webp, html)
    published = sorted((site / "anh").iterdir())
    assert len(published) == 6, published
    for file in published:
        _no_metadata(file.read_bytes())
    assert not (site / "anh" / phone.name).exists(), "the original photo (with GPS) must not be published"
    weight = page_weight(site, page)
    assert not weight.missing, weight.missing
    assert weight.by_kind.get("image"), weight
    assert weight.total <= PAGE_BUDGET, weight
    print(weight)
