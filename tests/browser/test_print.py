"""Printed pages (for a party-cell meeting) carry the text, not the site's chrome."""

from __future__ import annotations

CHROME = ".md-header, .md-tabs, .md-sidebar--primary, .md-footer, .md-search, .md-skip"


def test_print_hides_navigation_and_search_on_every_page(phone, site_url: str, site_pages: list[str]) -> None:
    phone.emulate_media(media="print")
    failures = {}
    for path in site_pages:
        phone.goto(site_url + path)
        shown = phone.eval_on_selector_all(CHROME, "els => els.filter(e => e.checkVisibility()).map(e => e.className)")
        if shown or not phone.locator("h1").first.is_visible():
            failures[path or "/"] = shown
    assert not failures, failures


def test_print_shows_link_targets_and_keeps_cards_whole(phone, site_url: str) -> None:
    phone.emulate_media(media="print")
    phone.goto(site_url + "lich-thuc-hien/")
    after = phone.evaluate("""() => getComputedStyle(document.querySelector('.nq-facts a[href]'), '::after').content""")
    assert "don-vi/" in after, after
    breaks = phone.eval_on_selector_all(".nq-deadline", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert breaks and set(breaks) == {"avoid"}, breaks
    assert not phone.locator(".nq-ics").is_visible()
    phone.goto(site_url + "muc-tieu-2030/")
    breaks = phone.eval_on_selector_all(".nq-card", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert breaks and set(breaks) == {"avoid"}, breaks
    assert phone.pdf is not None  # headless Chromium can print the page
    pdf = phone.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
