"""Every page under the site's Content-Security-Policy, in a real Chromium at 360×640.

The policy (``generator/publish/csp.py``) is sent as a real HTTP header, as a host
that can send headers would, and each page also carries it as ``<meta>`` (for hosts
that cannot): both are enforced together. Any violation, reported by the page's
``securitypolicyviolation`` events or by Chromium's console, fails the test.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.publish.csp import header_value
from generator.text import fold

from ..conftest import FIXTURE_CONTENT
from .conftest import PHONE, QuietHandler
from .test_search import search

# Registered before any script of the page runs; violations in workers reach the console.
LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline")
    + " at " + (e.sourceFile || location.href) + ":" + e.lineNumber);
}, true);
"""


SITE_PATH = urlsplit(yaml.safe_load((FIXTURE_CONTENT / "cai-dat.yml").read_text(encoding="utf-8"))["base_url"]).path
"""The built site's own path (the fixture commune is published under one, ``/xa-mau/``): served there, as a host
serves it, so that the 404 page's links, which start at the host's root, resolve."""


class PolicyHandler(QuietHandler):
    """Serves the site under ``SITE_PATH`` with the page's Content-Security-Policy header on every response,
    and the site's 404.html for a missing page, as GitHub Pages does."""

    def _site_path(self) -> str:
        path = urlsplit(self.path).path
        return "/" + path[len(SITE_PATH):] if path.startswith(SITE_PATH) else path

    def translate_path(self, path: str) -> str:
        return super().translate_path(self._site_path())

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", header_value(self._site_path()))
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def csp_url(built_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PolicyHandler, directory=str(built_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    server.shutdown()


class Watched:
    """A phone page that records every CSP violation, from events and from the console."""

    def __init__(self, page) -> None:
        self.page = page
        self.console: list[str] = []
        page.add_init_script(LISTENER)
        page.on("console", lambda message: self._record(message.text))
        # Pagefind reports a WebAssembly module refused by the policy as an uncaught error.
        page.on("pageerror", lambda error: self._record(str(error)))

    def _record(self, text: str) -> None:
        if "content security policy" in text.lower() or "refused to" in text.lower():
            self.console.append(f"{self.page.url}: {text}")

    def violations(self) -> list[str]:
        try:
            events = self.page.evaluate("window.__cspViolations || []")
        except Exception:  # the page is navigating; its console messages are still kept
            events = []
        return [*events, *self.console]


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN")
    yield Watched(context.new_page())
    context.close()


def test_every_page_loads_with_no_violation(watched: Watched, csp_url: str, site_pages: list[str]) -> None:
    found: dict[str, list[str]] = {}
    # The last two: the 404 page, served at any depth.
    for path in [*site_pages, "khong-co-trang-nay/", "tin-tuc/2024/khong-co/"]:
        response = watched.page.goto(csp_url + path, wait_until="load")
        assert response is not None
        assert response.headers.get("content-security-policy") == header_value(path)
        assert watched.page.locator('head > meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        assert watched.page.locator('head > meta[http-equiv="Content-Security-Policy"]').evaluate(
            "meta => meta === document.head.firstElementChild"
        ), path
        if response.status == 404:
            assert watched.page.locator("h1").inner_text() == "Không tìm thấy trang"
            assert watched.page.evaluate("typeof __md_get === 'function'"), "404: site.js did not run"
        watched.page.wait_for_timeout(50)
        if violations := watched.violations():
            found[path] = violations
        watched.console.clear()
    assert found == {}


def test_styles_and_scripts_still_apply(watched: Watched, csp_url: str) -> None:
    """Not a blank page that merely obeys: the stylesheet applies, the icons draw and site.js ran."""
    watched.page.goto(csp_url, wait_until="load")
    colour = watched.page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour
    assert watched.page.locator("a.nq-search-button svg").bounding_box()["width"] > 0
    assert watched.page.evaluate("typeof __md_get === 'function'"), "site.js ran"
    # Material's JavaScript bundle is deliberately not loaded (overrides/main.html): pages need none of it.
    assert watched.page.evaluate("[...document.scripts].every(s => !/javascripts\\/bundle\\./.test(s.src))")
    assert watched.violations() == []


def test_search_and_highlight_with_no_violation(watched: Watched, csp_url: str) -> None:
    page = watched.page
    page.goto(csp_url + "tim-kiem/")
    search(page, "chuyen doi so")
    assert page.locator(".pagefind-ui__result").count() > 0
    assert page.locator(".pagefind-ui__result mark").count() > 0
    assert watched.violations() == []
    page.locator(".pagefind-ui__result-link").first.click()
    page.wait_for_selector("[data-pagefind-body] mark")
    assert "highlight=" in page.url
    marked = {fold(m) for m in page.locator("[data-pagefind-body] mark").all_inner_texts()}
    assert {"chuyen", "doi", "so"} & marked, marked
    background = page.evaluate("getComputedStyle(document.querySelector('[data-pagefind-body] mark')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    assert watched.violations() == []
