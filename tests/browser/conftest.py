"""Browser fixtures: the built site served on loopback, driven by Debian's headless Chromium.

In CI (``CI`` set) a missing Chromium is a failure, never a skip: these tests
are the only proof that readers' phones see what the unit tests promise.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
PHONE = {"width": 360, "height": 640}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(handler: Callable[..., SimpleHTTPRequestHandler], path: str = "/") -> Iterator[str]:
    """A loopback HTTP server for the test's lifetime; yields its base URL (``path`` appended)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<free port>/ for the whole session."""
    with serve(functools.partial(QuietHandler, directory=str(built_site))) as url:
        yield url


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Every page of the built site as a URL path ("", "muc-tieu-2030/" …), read from site/, not a fixed list.

    Not the browser editor (quan-tri/): with ``REPO_URL`` set (CI) it is Decap CMS's own interface, made for
    desktop editors, which tests/browser/test_cms.py checks on its own terms (form, CSP, phone screenshot)."""
    pages = sorted(p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")
                   if not p.relative_to(built_site).as_posix().startswith("bien-tap/"))
    assert len(pages) > 1, "no pages built"
    return ["" if page == "." else page + "/" for page in pages]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the session."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser) -> Iterator[object]:
    """A fresh page at a cheap Android phone's viewport (360×640)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
