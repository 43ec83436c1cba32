"""Issue 22 on a 360×640 phone: the cell meeting is on the home page's first screen, and the home page, the
timeline and the cell-meeting page are saved as screenshots (NQ57_SCREENSHOTS, default /tmp) to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(os.environ.get("NQ57_SCREENSHOTS", "/tmp"))


def test_cell_meeting_entry_is_on_the_first_screen_and_opens_its_page(phone, site_url: str) -> None:
    phone.goto(site_url)
    entry = phone.locator("a.nq-meeting-entry")
    box = entry.bounding_box()
    assert box and box["y"] + box["height"] <= 640, box  # above the fold at 360×640
    phone.screenshot(path=str(SCREENSHOTS / "home-360x640.png"))
    entry.click()  # first tap
    phone.wait_for_url("**/sinh-hoat-chi-bo/")
    phone.screenshot(path=str(SCREENSHOTS / "sinh-hoat-chi-bo-360x640.png"))
    links = phone.locator("article a, .md-content a").all_inner_texts()
    for word in ("bản in", "PDF", "Trình chiếu", "Trắc nghiệm", "Toàn văn Kế hoạch"):
        assert any(word in text for text in links), word
    phone.get_by_role("link", name="Trình chiếu").first.click()  # second tap
    phone.wait_for_url("**/trinh-chieu/**")


def test_timeline_screenshot(phone, site_url: str) -> None:
    phone.goto(site_url + "lich-thuc-hien/")
    assert phone.locator("h2", has_text="Đã qua").count() == 1
    phone.screenshot(path=str(SCREENSHOTS / "lich-thuc-hien-360x640.png"))


def test_handout_print_page_at_projector_size(browser, site_url: str) -> None:
    """The handout's print page at 1280×720 as printed: the sheet only, its number kept on one line."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url + "tai-lieu-sinh-hoat-chi-bo/")
        page.emulate_media(media="print")
        spans = page.eval_on_selector_all(".nq-handout .nq-nowrap", "els => els.map(e => e.getClientRects().length)")
        assert spans and set(spans) == {1}, spans  # each "57-NQ/TW" on one line
        assert page.locator(".nq-handout h2").count() == 6
        page.screenshot(path=str(SCREENSHOTS / "tai-lieu-sinh-hoat-chi-bo-1280x720.png"))
    finally:
        context.close()
