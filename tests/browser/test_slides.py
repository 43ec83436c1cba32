"""The presenter's slides on a projector (1280×720): body text at least 28 px on every slide, no slide that
overflows its screen, every target its own bullet, and a presenter's clicker (PageDown/PageUp) moves them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.content import load_content

from ..conftest import FIXTURE_CONTENT

pytestmark = pytest.mark.browser

SLIDES = "trinh-chieu/"
PROJECTOR = {"width": 1280, "height": 720}
SCREENSHOTS = Path(os.environ.get("NQ57_SCREENSHOTS", "/tmp"))

MEASURE = """slide => {
  const body = [...slide.querySelectorAll('li, p')].filter(e => e.closest('.nq-slide') === slide && e.innerText.trim());
  return {
    id: slide.id,
    sizes: body.map(e => parseFloat(getComputedStyle(e).fontSize)),
    overflow: slide.scrollHeight - slide.clientHeight,
    items: slide.querySelectorAll('li').length,
  };
}"""


def test_every_slide_reads_at_28_px_and_fits_the_projector(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PROJECTOR, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url + SLIDES)
        count = page.locator(".nq-slide").count()
        assert count > 10
        seen = []
        for number in range(count):
            slide = page.locator(".nq-slide:visible")
            assert slide.count() == 1
            found = slide.evaluate(MEASURE)
            assert found["sizes"], f"slide {number + 1} ({found['id']}) has no body text"
            assert min(found["sizes"]) >= 28, f"slide {number + 1} ({found['id']}): {min(found['sizes'])} px"
            assert found["overflow"] <= 0, f"slide {number + 1} ({found['id']}) overflows by {found['overflow']} px"
            seen.append(found)
            if number in (0, 3, 10):
                page.screenshot(path=str(SCREENSHOTS / f"slide-{number + 1}-1280x720.png"))
            page.keyboard.press("PageDown")  # what a presenter's clicker sends
        assert page.locator(".nq-deck__position").inner_text() == f"{count}/{count}"
        page.keyboard.press("PageUp")
        assert page.locator(".nq-deck__position").inner_text() == f"{count - 1}/{count}"
    finally:
        context.close()
    content = load_content(FIXTURE_CONTENT)
    headline = [i for i in content.horizons[0].indicators if i.headline]
    targets = sum(s["items"] for s in seen if s["id"].startswith("muc-tieu"))
    assert targets >= len(headline), "each headline target is its own bullet"
