"""The home page opens in a real Chromium on a phone-sized screen."""

from __future__ import annotations


def test_home_page_renders_in_chromium(phone, site_url: str) -> None:
    phone.goto(site_url)
    assert phone.locator("html").get_attribute("lang") == "vi"
    assert "Nghị quyết" in phone.locator("h1").first.inner_text()
