"""Sharing: Open Graph and Twitter tags on every page, and the share images they point at.

Images are drawn from the fixture content (generator behaviour) and checked in the
built default site (every og:image resolves to a 1200×630 PNG in site/).
"""

from __future__ import annotations

import io
import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from bench.pageweight import html_pages
from generator.render import fonts
from generator.render.fonts import FONT_DIR, RendererError
from generator.render.share import HEIGHT, INK, WIDTH, Line, ShareImage, font_path, share_images

from .conftest import PUBLISHED_URL, fixture_indicators, settings

META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"')


def _meta(html: str) -> dict[str, str]:
    return {name: unescape(value) for name, value in META.findall(html)}


@pytest.fixture(scope="module")
def images(fixture_content):
    return share_images(fixture_content, settings(date(2025, 11, 28), site_url="https://example.org/xa-mau/"))


def _missing_glyphs(text: str, font: str) -> set[str]:
    cmap = TTFont(font_path(font)).getBestCmap()
    return {char for char in text if not char.isspace() and ord(char) not in cmap}


def test_the_glyph_check_can_fail() -> None:
    """Noto Sans has no ≥: the check below would catch a share image that used it."""
    assert _missing_glyphs("tối thiểu ≥ 30%", "bold") == {"≥"}


def test_share_images_draw_with_the_packaged_fonts_only(images, monkeypatch, tmp_path: Path) -> None:
    assert {font_path("regular"), font_path("bold")} == {FONT_DIR / "NotoSans-Regular.ttf", FONT_DIR / "NotoSans-Bold.ttf"}
    fonts._coverage()  # the character check's table, read once per process (whichever test came first)
    monkeypatch.setattr(fonts, "FONT_DIR", tmp_path)  # the package without its fonts: no fallback to the machine's
    with pytest.raises(RendererError, match=r"^LỖI: thiếu tệp phông chữ .*NotoSans-(Bold|Regular)\.ttf"):
        images[0].png()


def test_a_character_noto_sans_lacks_stops_the_image_with_the_words_around_it() -> None:
    image = ShareImage("assets/share/x.png", (Line("Tỉ lệ hồ sơ → trực tuyến", "bold", 60, 40, 3, INK),), "Xã mẫu")
    with pytest.raises(RendererError, match=r"^LỖI: ảnh chia sẻ assets/share/x.png có ký tự “→” \(U\+2192\).*“Tỉ lệ hồ sơ"):
        image.png()


def test_every_character_on_every_share_image_has_a_glyph(images, fixture_content) -> None:
    indicators = fixture_content.horizons[0].indicators + fixture_content.horizons[1].indicators
    assert len(images) == 1 + len(indicators)
    vietnamese = "".join(text for image in images for text in image.texts)
    assert any(char in vietnamese for char in "ệộờữặẩ"), "the fixture's words carry Vietnamese marks"
    for image in images:
        for block in image.blocks:
            assert not _missing_glyphs(block.text, block.font), (image.path, block.text)
        assert not _missing_glyphs(image.footer, "regular"), image.path


def test_share_images_show_the_indicator_and_its_target(images, fixture_content) -> None:
    indicator = fixture_content.horizons[0].indicators[0]
    image = next(i for i in images if i.path.endswith(f"/{indicator.id}.png"))
    assert indicator.title in image.texts
    assert fixture_content.settings.organisation in image.texts
    assert any(f"{indicator.value:g}".replace(".", ",") in text for text in image.texts), image.texts


def test_share_images_are_1200_by_630_pngs_and_the_same_every_time(images) -> None:
    for image in images[:3]:
        data = image.png()
        assert data == image.png(), "same content, same bytes"
        with Image.open(io.BytesIO(data)) as png:
            assert png.format == "PNG" and png.size == (WIDTH, HEIGHT) == (1200, 630)


def test_every_page_has_sharing_tags_and_an_existing_image(published_site: Path) -> None:
    pages = html_pages(published_site)
    assert len(pages) > 20
    for page in pages:
        meta = _meta((published_site / page).read_text(encoding="utf-8"))
        if page == "404.html" or meta.get("robots") == "noindex":
            continue  # not a page to share: the 404 page, and the widgets made for the portal's iframes
        for name in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:image"):
            assert meta.get(name), (page, name)
        assert meta["og:url"] == PUBLISHED_URL + page.removesuffix("index.html"), page
        image = meta["og:image"]
        assert image.startswith(PUBLISHED_URL) and meta["twitter:image"] == image, (page, image)
        path = published_site / image.removeprefix(PUBLISHED_URL)
        assert path.is_file(), (page, image)
        with Image.open(path) as png:
            assert png.size == (1200, 630), (page, image)
        assert f'<link rel="canonical" href="{meta["og:url"]}">' in (published_site / page).read_text(encoding="utf-8")


def test_home_and_each_indicator_have_their_own_image(published_site: Path, fixture_content) -> None:
    home = _meta((published_site / "index.html").read_text(encoding="utf-8"))
    assert home["og:image"].endswith("/trang-chu.png")
    assert home["og:title"] == _meta((published_site / "index.html").read_text(encoding="utf-8"))["og:site_name"]
    indicators = sorted(p.name for p in (published_site / "chi-tieu").iterdir())
    assert indicators == sorted(i["id"] for i in fixture_indicators())
    for ident in indicators:
        meta = _meta((published_site / "chi-tieu" / ident / "index.html").read_text(encoding="utf-8"))
        assert meta["og:image"] == f"{PUBLISHED_URL}assets/share/{ident}.png", ident
        assert meta["twitter:card"] == "summary_large_image"
    other = _meta((published_site / "phan-cong" / "index.html").read_text(encoding="utf-8"))
    assert other["og:image"] == home["og:image"], "other pages share the home page's image"


def test_share_controls_link_facebook_and_show_the_address(published_site: Path) -> None:
    html = (published_site / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")
    assert "https://www.facebook.com/sharer/sharer.php?u=https%3A//example.org/nq57/muc-tieu-2030/" in html
    assert f'<span class="nq-share__address">{PUBLISHED_URL}muc-tieu-2030/</span>' in html
    cards = re.findall(r'<a class="nq-share-sheet" href="([^"]+)"', html)
    assert cards and all(url.startswith(PUBLISHED_URL + "chi-tieu/") for url in cards), cards
    assert "<script" not in html.split('class="nq-share"')[1].split("</aside>")[0], "no script in the share box"


def test_without_a_site_url_pages_keep_title_and_description_but_no_image(unaddressed_site: Path) -> None:
    meta = _meta((unaddressed_site / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8"))
    assert meta["og:title"] and meta["og:description"] and meta["twitter:card"] == "summary"
    assert "og:image" not in meta and "og:url" not in meta
    assert not (unaddressed_site / "assets" / "share").exists()
