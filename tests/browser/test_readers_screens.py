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
