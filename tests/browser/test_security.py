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


# --------------------------------------------------------------------------
# Files a pull request adds (tests/test_security_files.py): the gate's payloads are live in Chromium,
# and the hostile site that builds runs nothing and goes nowhere
# --------------------------------------------------------------------------

from pathlib import Path  # noqa: E402

from ..test_security_files import GATE_PAYLOADS, build_hostile  # noqa: E402
from ..test_security_files import PWN as FILES_PWN  # noqa: E402
from .conftest import serve  # noqa: E402

assert FILES_PWN == PWN

RUNS_ON_LOAD = [name for name, (_, kind) in GATE_PAYLOADS.items()
                if kind == "event-handler" and name != "template"]  # a <template>'s content is inert until cloned
"""Parser-differential payloads that run as soon as Chromium parses the page (the gate must find each)."""

NAVIGATES = ["meta-refresh-case"]
NAVIGATES_WITHOUT_SCRIPTING = ["noscript-refresh"]


def _watch(browser, base: str, *, javascript: bool = True):
    """A context that records script runs (``window.__pwned``), dialogs and every request to another host."""
    ran: list[str] = []
    left: list[str] = []
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    context.expose_binding("__report", lambda source, where: ran.append(where))
    context.add_init_script(TRAP)

    def route(route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (ran.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.on("framenavigated", lambda frame: left.append(frame.url) if not frame.url.startswith(base) else None)
    return context, page, ran, left


def test_the_gates_payloads_run_or_navigate_in_chromium_when_published_without_it(browser, tmp_path: Path) -> None:
    """Each payload the gate refuses (tests/test_security_files.py) is live: no CSP here, no gate."""
    for name in [*RUNS_ON_LOAD, *NAVIGATES, *NAVIGATES_WITHOUT_SCRIPTING]:
        payload, _ = GATE_PAYLOADS[name]
        (tmp_path / f"{name}.html").write_text(f"<!DOCTYPE html><html><head><meta charset=utf-8></head><body>"
                                               f"<p>Đoạn văn.</p>{payload}</body></html>", encoding="utf-8")
    (tmp_path / "x").write_bytes(b"")
    with serve(functools.partial(QuietHandler, directory=str(tmp_path))) as base:
        for javascript, names in ((True, RUNS_ON_LOAD + NAVIGATES), (False, NAVIGATES_WITHOUT_SCRIPTING)):
            for name in names:
                context, page, ran, left = _watch(browser, base, javascript=javascript)
                page.goto(f"{base}{name}.html", wait_until="load")
                page.wait_for_timeout(300)
                if name in RUNS_ON_LOAD:
                    assert ran, f"{name}: the payload did not run, so it proves nothing"
                else:
                    assert any(url.startswith("https://example.org/") for url in left), f"{name}: no navigation"
                context.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_hostile(tmp_path_factory.mktemp("hostile"))
    with serve(functools.partial(QuietHandler, directory=str(site))) as url:
        yield url


def test_hostile_values_run_nothing_and_go_nowhere_in_chromium(browser, hostile_url: str) -> None:
    """The docs/ page with markup in its title and description, and every page's edit link made from an edit
    branch with quotes: on load, on hovering and focusing everything, and on a click of the edit link."""
    context, page, ran, left = _watch(browser, hostile_url)
    for path in ["thu/", "", "quan-diem-chi-dao/"]:
        url = hostile_url + path
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)
        page.evaluate("""() => {
          for (const el of document.querySelectorAll("body *")) {
            if (el.focus) el.focus();
            for (const type of ["mouseover", "mouseenter", "focusin"]) el.dispatchEvent(new Event(type));
          }
        }""")
        edit = page.locator("a[href*='/edit/']").first
        assert edit.count() == 1, path
        edit.hover()
        assert page.url == url
    assert ran == [] and left == [], (ran, left)
    # The edit link leads to the forge, with the branch encoded as one path segment: nothing else.
    page.goto(hostile_url + "thu/", wait_until="load")
    with page.expect_request("https://github.com/**") as request:
        page.locator("a[href*='/edit/']").first.click()
    assert request.value.url.startswith("https://github.com/example/nq57/edit/main%22%20data-pwn")
    assert ran == [], ran
    context.close()
