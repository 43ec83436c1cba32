"""Printed pages (for a party-cell meeting) carry the text, not the site's chrome."""

from __future__ import annotations

import functools
import re
import threading
from http.server import ThreadingHTTPServer

from ..conftest import build_site
from .conftest import PHONE, QuietHandler

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


def test_print_shows_no_relative_address_and_keeps_cards_whole(phone, site_url: str) -> None:
    phone.emulate_media(media="print")
    phone.goto(site_url + "lich-thuc-hien/")
    after = phone.evaluate("""() => getComputedStyle(document.querySelector('.nq-facts a[href]'), '::after').content""")
    assert after == "none", after  # "../don-vi/…" means nothing on paper
    breaks = phone.eval_on_selector_all(".nq-deadline", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert breaks and set(breaks) == {"avoid"}, breaks
    assert not phone.locator(".nq-ics").is_visible()
    phone.goto(site_url + "muc-tieu-2030/")
    breaks = phone.eval_on_selector_all(".nq-card", "els => els.map(e => getComputedStyle(e).breakInside)")
    assert breaks and set(breaks) == {"avoid"}, breaks


def test_targets_page_prints_to_a_pdf_without_the_site_chrome(phone, site_url: str) -> None:
    """What a party cell prints: a real PDF with text on its pages, and no header, menu or footer."""
    phone.goto(site_url + "muc-tieu-2030/")
    display = "els => els.map(e => getComputedStyle(e).display)"
    on_screen = phone.eval_on_selector_all(CHROME, display)
    assert on_screen and "none" not in on_screen, on_screen
    phone.emulate_media(media="print")
    assert set(phone.eval_on_selector_all(CHROME, display)) == {"none"}
    pdf = phone.pdf(format="A4")
    assert pdf.startswith(b"%PDF-"), pdf[:16]
    assert pdf.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages >= 1
    assert max(int(n) for n in re.findall(rb"/Count\s+(\d+)", pdf)) == pages, "page tree counts every page"
    assert b"/Font" in pdf, "the pages carry text, not blank sheets"


def test_printed_page_ends_with_its_address_and_a_qr_code(browser, project_copy) -> None:
    """With a published address, paper carries the page's URL and a QR code; the screen never shows them."""
    address = "https://nq57.example.gov.vn/"
    site = project_copy / "site"
    result = build_site(site, config=project_copy / "mkdocs.yml", env={"SITE_URL": address})
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/muc-tieu-2030/")
        reference = page.locator(".nq-print-ref")
        assert not reference.is_visible()
        page.emulate_media(media="print")
        assert reference.is_visible()
        assert address + "muc-tieu-2030/" in reference.inner_text()
        assert reference.locator("svg path").count() >= 1
    finally:
        context.close()
        server.shutdown()


def test_no_qr_code_without_a_published_address(unaddressed_site) -> None:
    assert "nq-print-ref" not in (unaddressed_site / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")


def test_printed_qa_opens_every_answer_without_tap_hints_or_relative_addresses(browser, site_url: str) -> None:
    """A printed Q&A page (A4 PDF, as Chromium prints it): every answer shown, nothing about tapping, no "../…"."""
    import os
    from pathlib import Path

    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site_url + "hoi-dap/")
        page.emulate_media(media="print")
        answers = page.eval_on_selector_all("details.nq-qa", """els => els.map(d =>
            [...d.children].filter(c => c.tagName !== 'SUMMARY').every(c => c.getBoundingClientRect().height > 0))""")
        assert answers and all(answers), answers
        assert not page.locator(".nq-tap-hint").is_visible()
        addresses = page.eval_on_selector_all(".md-typeset a[href]", """els => els
            .filter(a => !/^https?:/.test(a.getAttribute('href')) && a.checkVisibility())
            .map(a => getComputedStyle(a, '::after').content).filter(c => c.includes('../') || c.includes('#'))""")
        assert addresses == [], addresses[:5]
        shots = Path(os.environ.get("NQ57_SCREENSHOTS", "/tmp"))
        page.pdf(path=str(shots / "hoi-dap-a4.pdf"), format="A4")
        assert (shots / "hoi-dap-a4.pdf").stat().st_size > 10_000
    finally:
        context.close()
