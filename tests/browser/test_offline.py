"""Offline reading and first-view requests, in a real Chromium.

A reader opens the site once on a connection; later, with no signal, the core pages
still open. And the browser fetches nothing on first view beyond what the budget
tests count (``generator.firstview``), so the budget cannot be fooled by a script.
"""

from __future__ import annotations

import functools
import html
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from generator.publish.firstview import first_view

from .conftest import PHONE, QuietHandler
from .test_search import search

CORE = ["quan-diem-chi-dao/", "muc-tieu-2030/", "nhiem-vu-giai-phap/", "toan-van/"]


@contextmanager
def _phone_context(browser, **options) -> Iterator[object]:
    """A fresh browser profile (no service worker, no cache) at the phone viewport, closed afterwards."""
    context = browser.new_context(viewport=PHONE, **options)
    try:
        yield context
    finally:
        context.close()


def _heading(built_site: Path, path: str) -> str:
    raw = (built_site / path / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<h1[^>]*>(.*?)</h1>", raw, re.S)
    assert match, path
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())


def test_core_pages_open_with_the_network_off(browser, site_url: str, built_site: Path) -> None:
    with _phone_context(browser, is_mobile=True, locale="vi-VN") as context:
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        context.set_offline(True)
        for path in CORE:
            page.goto(site_url + path)
            assert " ".join(page.locator(".md-content h1").first.inner_text().split()) == _heading(built_site, path)
            assert len(page.locator(".md-content__inner").inner_text()) > 500, path
        # Styles come from the cache too: the header keeps its colour.
        colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour


def test_a_page_never_visited_nor_cached_fails_offline_without_the_worker(browser, site_url: str) -> None:
    """Control: without a visit first (no service worker yet), the same page does not open offline."""
    with _phone_context(browser) as context:
        page = context.new_page()
        context.set_offline(True)
        try:
            page.goto(site_url + CORE[0])
            opened = "Nghị quyết" in page.content()
        except Exception:
            opened = False
        assert not opened


def test_first_view_fetches_only_what_the_budget_counts(browser, site_url: str, built_site: Path) -> None:
    with _phone_context(browser, is_mobile=True, service_workers="block") as context:
        for path in ["", "muc-tieu-2030/"]:
            page = context.new_page()
            fetched: list[str] = []
            page.on("request", lambda request, seen=fetched: seen.append(request.url))
            page.goto(site_url + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            counted = set(first_view(built_site, f"{path}index.html").files)
            root = urlsplit(site_url).path
            for url in fetched:
                assert url.startswith(site_url), f"{path}: request to another host {url}"
                local = urlsplit(url).path[len(root):]
                local = f"{local}index.html" if local == "" or local.endswith("/") else local
                assert local in counted, f"{path}: {local} fetched on first view but not counted by the budget"
            page.close()


def test_file_url_browsing_still_works(browser, built_site: Path) -> None:
    """Opened from a folder (file://): no service worker, no script error, the page reads."""
    with _phone_context(browser) as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((built_site / "muc-tieu-2030" / "index.html").as_uri())
        page.wait_for_timeout(500)
        assert errors == [], errors
        assert page.locator(".md-content h1").first.inner_text().strip() == _heading(built_site, "muc-tieu-2030/")


class _StallingHandler(QuietHandler):
    """Serves the site, but holds each page request 20 s while ``stall`` is set: a signal stalled, not dropped."""

    stall = threading.Event()

    def do_GET(self) -> None:
        if self.stall.is_set() and self.path.endswith("/"):
            time.sleep(20)
        super().do_GET()


def test_a_stalled_connection_gets_the_cached_page_within_seconds(browser, built_site: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StallingHandler, directory=str(built_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        _StallingHandler.stall.set()
        started = time.monotonic()
        page.goto(url + CORE[1], timeout=15_000)
        assert " ".join(page.locator(".md-content h1").first.inner_text().split()) == _heading(built_site, CORE[1])
        assert time.monotonic() - started < 10
    finally:
        _StallingHandler.stall.clear()
        context.close()
        server.shutdown()


CACHED_URLS = """() => caches.keys()
    .then(keys => Promise.all(keys.map(key => caches.open(key).then(cache => cache.keys()))))
    .then(lists => lists.flat().map(request => request.url))"""


def test_searching_never_grows_the_cache(browser, site_url: str) -> None:
    """Pagefind's index and fragments are never stored; a result page is stored once, under its plain address."""
    with _phone_context(browser, is_mobile=True, locale="vi-VN") as context:
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.goto(site_url + "tim-kiem/")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        search(page, "chuyen doi so")
        page.locator(".pagefind-ui__result-link").first.click()
        page.wait_for_selector("[data-pagefind-body] mark")
        opened = page.url
        page.wait_for_timeout(500)  # the worker stores copies after answering
        cached = page.evaluate(CACHED_URLS)
        assert cached, "nothing cached"
        assert not [url for url in cached if "/pagefind/" in url or "highlight=" in url or "?q=" in url], cached
        assert opened.split("?")[0] in cached


PLANT = """async ([name, url, body]) => {
    const cache = await caches.open(name);
    await cache.put(new URL(url, location.href).href,
                    new Response(body, {headers: {"Content-Type": "text/javascript"}}));
    return (await (await caches.open(name)).match(new URL(url, location.href).href)).text();
}"""
READ = "async (url) => { const r = await fetch(url); return r.status + ' ' + (await r.text()).slice(0, 60); }"


def test_a_response_planted_in_another_cache_is_never_served(browser, site_url: str) -> None:
    """A same-origin page (here: script run in a site page) writes a script into a cache of its own, and into a
    cache under the worker's prefix; the worker answers neither, online or offline, and drops the second."""
    planted = "window.planted = true"
    with _phone_context(browser, is_mobile=True, locale="vi-VN") as context:
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert page.evaluate(PLANT, ["evil", "x/script.js", planted]) == planted, "the cache really holds it"
        assert page.evaluate(PLANT, ["evil", "assets/site.js", planted]) == planted
        assert page.evaluate(READ, site_url + "x/script.js").startswith("404 "), "not the planted script"
        assert planted not in page.evaluate(READ, site_url + "assets/site.js")
        context.set_offline(True)
        assert planted not in page.evaluate(f"fetch({site_url + 'x/script.js'!r}).then(r => r.text(), e => 'offline')")
        context.set_offline(False)
        # A cache under the worker's prefix that it does not own: gone after the next activation.
        stale = f"nghiquyet:{scope}:0000000000000000"
        page.evaluate(PLANT, [stale, "x/script.js", planted])
        page.evaluate("navigator.serviceWorker.ready.then(r => r.unregister())")
        page.reload()
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function(f"caches.keys().then(k => !k.includes({stale!r}))", timeout=10_000)
        assert "evil" in page.evaluate("caches.keys()"), "another application's cache is not the worker's to delete"
