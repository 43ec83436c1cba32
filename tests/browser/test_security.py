"""The poisoned build of tests/test_security_content.py in Chromium: no payload runs.

Every accepted payload (attr_list event handlers, raw HTML past the body check, entity-encoded
``javascript:`` links) would set ``window.__pwned``; a trap records any write to it, on load,
on focusing and hovering every element, on tabbing through the page and on clicking every link.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest

from ..test_security_content import ACCEPTED_POSTS, PWN, build_poisoned
from .conftest import PHONE, QuietHandler

# --------------------------------------------------------------------------
# The poisoned build in Chromium: no payload runs on load, focus, hover or click
# --------------------------------------------------------------------------

# Any write to window.__pwned, even from a page that then navigates away, is recorded.
TRAP = """Object.defineProperty(window, "__pwned", {configurable: false,
  set() { window.__report(location.href); }, get() { return undefined; }});"""

# Links to http(s) pages would only leave the page under test: they are held back (an onclick still runs);
# any other scheme (javascript:, data:, vbscript: …) is followed.
HOLD_BACK = """addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a");
  if (link && /^https?:$/.test(link.protocol)) event.preventDefault();
}, true);"""


@pytest.fixture(scope="module")
def poisoned_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    poisoned_site = build_poisoned(tmp_path_factory.mktemp("poisoned"))
    handler = functools.partial(QuietHandler, directory=str(poisoned_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_no_payload_runs_in_chromium(browser, poisoned_url: str) -> None:
    pages = [f"tin-tuc/2025/{slug}/" for slug in ACCEPTED_POSTS] + ["quan-diem-chi-dao/"]
    ran: list[str] = []
    context = browser.new_context(viewport=PHONE)
    context.expose_binding("__report", lambda source, where: ran.append(where))
    context.add_init_script(TRAP + HOLD_BACK)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(poisoned_url)
                  else route.abort())
    page = context.new_page()
    page.on("dialog", lambda dialog: (ran.append(f"dialog {dialog.message}"), dialog.dismiss()))
    for path in pages:
        url = poisoned_url + path
        page.goto(url, wait_until="load")
        # Focus and hover every element of the page body.
        page.evaluate("""() => {
          for (const el of document.querySelectorAll("article *, h1, h2")) {
            if (el.focus) el.focus();
            for (const type of ["mouseover", "mouseenter", "focusin"]) el.dispatchEvent(new Event(type));
          }
        }""")
        # Every focusable element by keyboard, as a reader would.
        for _ in range(page.locator("a[href], [tabindex], summary, button").count()):
            page.keyboard.press("Tab")
        # Click every link of the body (see HOLD_BACK).
        links = page.locator("article a")
        for index in range(links.count()):
            links.nth(index).click()
            page.wait_for_timeout(20)
            if page.url != url:
                page.goto(url, wait_until="load")
    assert ran == []
    page.evaluate(f"() => {{ {PWN} }}")  # the trap itself works
    assert ran == [page.url]
    context.close()
