"""WCAG 2.1 AA as axe-core checks it, on every built page, plus a skip link and visible focus."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from ..conftest import fixture_indicators
from .conftest import PHONE

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

RUN_AXE = """() => axe.run(document)
  .then(r => r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"""


HEADINGS = ", ".join(f"{scope} h{level}" for level in range(1, 7) for scope in (".md-content", ".nq-widget main"))
"""The content's headings: Material's content area, or a widget's (nhung/, no theme around it)."""

FOCUSED = """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {cls: e.className, href: e.getAttribute('href'), top: r.top, height: r.height, width: r.width,
          outline: s.outlineStyle, ow: parseFloat(s.outlineWidth)}; }"""


@pytest.fixture(scope="module")
def axe_source() -> Path:
    if not AXE.is_file():
        message = f"{AXE} missing: run `npm ci` (make node)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE


def test_axe_finds_no_violations_on_any_page(browser, site_url: str, site_pages: list[str], axe_source: Path) -> None:
    # axe-core is injected as an inline script, which the pages' own Content-Security-Policy
    # (a <meta>, generator/publish/csp.py) refuses: this context lets the test tool in.
    # tests/browser/test_csp.py checks the pages under the policy.
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="vi-VN", bypass_csp=True)
    phone = context.new_page()
    failures = {}
    for path in site_pages:
        phone.goto(site_url + path)
        phone.add_script_tag(path=str(axe_source))
        if violations := phone.evaluate(RUN_AXE):
            failures[path or "/"] = violations
    context.close()
    assert not failures, failures


def test_headings_are_in_order_and_language_is_vietnamese(phone, site_url: str, site_pages: list[str]) -> None:
    failures = {}
    for path in site_pages:
        phone.goto(site_url + path)
        levels = phone.eval_on_selector_all(HEADINGS, "hs => hs.map(h => +h.tagName[1])")
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        if phone.locator("html").get_attribute("lang") != "vi" or not levels or levels[0] != 1 or levels.count(1) != 1 or jumps:
            failures[path or "/"] = levels
    assert not failures, failures


def test_skip_link_is_first_visible_on_focus_and_leads_to_the_content(phone, site_url: str) -> None:
    phone.goto(site_url + "lich-thuc-hien/")
    phone.keyboard.press("Tab")
    focused = phone.evaluate(FOCUSED)
    assert "md-skip" in focused["cls"]
    assert focused["top"] >= 0 and focused["height"] >= 20 and focused["width"] >= 40, focused
    assert focused["outline"] != "none" and focused["ow"] >= 2, focused
    target = focused["href"].lstrip("#")
    assert phone.locator(f"h1#{target}").count() == 1


def test_focus_is_visible_on_links_in_content(phone, site_url: str) -> None:
    phone.goto(site_url)
    link = phone.locator(".md-content a[href]").first
    link.focus()
    phone.keyboard.press("Shift+Tab")
    phone.keyboard.press("Tab")
    focused = phone.evaluate(FOCUSED)
    assert focused["outline"] != "none" and focused["ow"] >= 2, focused


SHARING_PAGES = ["", "muc-tieu-2030/", f"chi-tieu/{fixture_indicators()[0]['id']}/", "ap-phich/"]


def test_share_controls_and_poster_pass_axe_with_44_px_targets(browser, published_site: Path, axe_source: Path) -> None:
    """With a site URL the pages gain share controls and the poster: axe, target size, no sideways scroll."""
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from .conftest import QuietHandler

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(published_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="vi-VN", bypass_csp=True)
    phone = context.new_page()
    failures = {}
    try:
        for path in SHARING_PAGES:
            phone.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}")
            phone.add_script_tag(path=str(axe_source))
            sizes = phone.eval_on_selector_all(
                ".nq-share a, .nq-share button:not([hidden]), .nq-card__share a",
                "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })")
            small = [size for size in sizes if min(size) < 44]
            wide = phone.evaluate("document.documentElement.scrollWidth") > PHONE["width"]
            if (violations := phone.evaluate(RUN_AXE)) or small or wide or (path != "ap-phich/" and not sizes):
                failures[path or "/"] = (violations, small, wide, len(sizes))
    finally:
        context.close()
        server.shutdown()
    assert not failures, failures
