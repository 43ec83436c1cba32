"""Every QR code a page shows decodes to that page's published address.

The codes are read as a reader's phone would see them: Chromium rasterises the exact
SVG the page shows (a screenshot of the element), and zxing-cpp decodes the PNG.
"""

from __future__ import annotations

import functools
import io
import re
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from generator.render.printref import qr_path

from ..conftest import PUBLISHED_URL, fixture_yaml
from .conftest import PHONE, QuietHandler

MENU = ["", "muc-tieu-2030/", "muc-tieu-2045/", "lich-thuc-hien/", "phan-cong/", "toan-van/"]


@pytest.fixture(scope="module")
def published(published_site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(published_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _decode(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_the_printed_qr_code_of_each_menu_page_opens_that_page(browser, published: str) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        for path in MENU:
            page.goto(published + path)
            code = page.locator(".nq-print-ref svg")
            assert _decode(code.screenshot()) == [PUBLISHED_URL + path], path
    finally:
        context.close()


def test_the_poster_qr_code_opens_the_home_page(browser, published: str, published_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(published + "ap-phich/")
        assert _decode(page.locator(".nq-poster__qr img").screenshot()) == [PUBLISHED_URL]
        assert PUBLISHED_URL in page.locator(".nq-poster__url").inner_text()
        headlines = [i for p in fixture_yaml("muc-tieu/2030.yml")["paragraphs"] for i in p.get("indicators", [])
                     if i.get("headline")]
        assert page.locator(".nq-poster__figures li").count() == min(3, len(headlines))  # the first three at most
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1, "the poster is one sheet"
        assert re.search(rb"/MediaBox\s*\[0 0 59[45]\.\d+ 841\.\d+\]", pdf), "A4 (595 × 842 pt)"
    finally:
        context.close()
    assert (published_site / "assets" / "qr" / "trang-chu.svg").is_file()


def test_every_menu_page_has_a_qr_file_that_decodes_to_it(browser, published: str, published_site: Path) -> None:
    files = sorted((published_site / "assets" / "qr").glob("*.svg"))
    assert len(files) >= len(MENU), files
    context = browser.new_context(viewport={"width": 400, "height": 400})
    try:
        page = context.new_page()
        for path in MENU:
            page.goto(published + qr_path(path))
            assert _decode(page.locator("svg").screenshot()) == [PUBLISHED_URL + path], path
    finally:
        context.close()
