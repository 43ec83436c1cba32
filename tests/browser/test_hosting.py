"""The site served by real nginx and Apache with the shipped configurations (``generator.hosting``).

One build for publication at ``http://127.0.0.1:<port>/nq57/`` (a sub-path), whose ``embed_origins``
also name a second local origin (``http://localhost:<port>``) where a portal-like host page embeds
every widget. Through each server: every page loads in Chromium with no CSP violation (the policy
is now the servers' header plus the pages' meta), search runs, every internal link resolves, the
headers are the ones the rules promise, and each widget resizes its iframe on the other origin.
"""

from __future__ import annotations

import functools
import gzip
import http.client
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator import hosting
from generator.publish.csp import header_value

from ..conftest import build_site, copy_project
from ..servers import EXECUTABLES, STARTERS, Server, free_port, publish_folder
from ..test_links import Site
from .conftest import QuietHandler
from .test_csp import Watched
from .test_search import search

SITE_PATH = "/nq57/"
PORTAL = "https://yenbinh.yenbai.gov.vn"


@pytest.fixture(scope="module")
def ports() -> dict[str, int]:
    return {"nginx": free_port(), "apache": free_port(), "host": free_port()}


@pytest.fixture(scope="module")
def embed_origins(ports: dict[str, int]) -> list[str]:
    return [PORTAL, f"http://localhost:{ports['host']}"]


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory: pytest.TempPathFactory, ports: dict[str, int],
                embed_origins: list[str]) -> Iterator[Path]:
    """The project built for http://127.0.0.1:<nginx port>/nq57/, the host page's origin allowed to embed."""
    project = copy_project(tmp_path_factory.mktemp("hosted") / "project")
    config = project / "mkdocs.yml"  # embed_origins: the nghiquyet plugin's maintainer option
    text = config.read_text(encoding="utf-8")
    assert f"        - {PORTAL}\n" in text
    config.write_text(text.replace(f"        - {PORTAL}\n", "".join(f"        - {o}\n" for o in embed_origins)), encoding="utf-8")
    site = project / "site"
    # A preview, as a pull request's: the fixture's posts give the news widget, so every kind of widget is framed.
    result = build_site(site, config=project / "mkdocs.yml",
                        env={"SITE_URL": f"http://127.0.0.1:{ports['nginx']}{SITE_PATH}", "SITE_MODE": "preview"})
    assert result.returncode == 0, result.stdout + result.stderr
    folder = publish_folder(site, SITE_PATH)
    yield folder
    shutil.rmtree(folder.parent, ignore_errors=True)


@pytest.fixture(scope="module", params=["nginx", "apache"])
def server(request: pytest.FixtureRequest, hosted_site: Path, ports: dict[str, int], embed_origins: list[str],
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    name = request.param
    if shutil.which(EXECUTABLES[name]) is None:
        message = f"{EXECUTABLES[name]} not installed (apt-get install nginx apache2)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    running = STARTERS[name](hosted_site, SITE_PATH, embed_origins, ports[name], tmp_path_factory.mktemp(name))
    yield running
    running.stop()


def pages(site: Path) -> list[str]:
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))


def fetch(server: Server, path: str, gzip_ok: bool = False) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    connection.request("GET", SITE_PATH + path if not path.startswith("/") else path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def expected_policy(path: str, embed_origins: list[str]) -> str:
    return header_value(path, embed_origins=embed_origins)


def test_headers_of_every_page(server: Server, hosted_site: Path, embed_origins: list[str]) -> None:
    for path in [*pages(hosted_site), "khong-co-trang-nay/"]:
        status, headers, body = fetch(server, path)
        assert status == (404 if path.startswith("khong-co") else 200), (server.name, path, status)
        assert headers.get_all("Content-Security-Policy") == [expected_policy(path, embed_origins)], (server.name, path)
        assert headers.get_all("X-Content-Type-Options") == ["nosniff"], path
        assert headers.get_all("Referrer-Policy") == [hosting.SECURITY_HEADERS["Referrer-Policy"]], path
        assert headers.get("Content-Type", "").startswith("text/html"), path
        if status == 200:
            assert headers.get_all("Cache-Control") == [hosting.REVALIDATE], (server.name, path)
            assert body == (hosted_site / path / "index.html").read_bytes()
    widget_policy = fetch(server, "nhung/chi-tieu/")[1]["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {' '.join(embed_origins)}" in widget_policy
    assert fetch(server, "")[1]["Content-Security-Policy"].endswith("frame-ancestors 'self'")


def test_headers_by_file_kind(server: Server, hosted_site: Path, embed_origins: list[str]) -> None:
    fingerprinted = sorted(p.relative_to(hosted_site).as_posix() for d in hosting.FINGERPRINTED_DIRS
                           for p in (hosted_site / d).iterdir())
    assert any(p.startswith("assets/stylesheets/site.") for p in fingerprinted), fingerprinted
    fragment = next((hosted_site / "pagefind" / "fragment").iterdir()).relative_to(hosted_site).as_posix()
    for path in [*fingerprinted, fragment]:
        status, headers, _ = fetch(server, path)
        assert status == 200, path
        assert headers.get_all("Cache-Control") == [hosting.LONG_CACHE], (server.name, path)
        assert headers.get_all("Content-Security-Policy") == [expected_policy(path, embed_origins)], path
    wasm = next(p for p in (hosted_site / "pagefind").iterdir() if p.suffix == ".pagefind").relative_to(hosted_site)
    kinds = {
        "sw.js": ("application/javascript", hosting.REVALIDATE),
        "lich-thuc-hien.ics": ("text/calendar", hosting.REVALIDATE),
        "api/targets.json": ("application/json", hosting.REVALIDATE),
        "assets/widget.js": ("application/javascript", hosting.REVALIDATE),
        wasm.as_posix(): ("application/octet-stream", hosting.REVALIDATE),
    }
    for path, (mime, cache) in kinds.items():
        status, headers, _ = fetch(server, path)
        assert status == 200, path
        assert headers["Content-Type"].split(";")[0].strip() == mime, (server.name, path, headers["Content-Type"])
        assert headers.get_all("Cache-Control") == [cache], (server.name, path)
        assert len(headers.get_all("Content-Security-Policy")) == 1, path
    assert "charset=utf-8" in fetch(server, "lich-thuc-hien.ics")[1]["Content-Type"].replace(" ", "").lower()


def test_compression_and_unusual_types(server: Server, hosted_site: Path, tmp_path: Path) -> None:
    css = next((hosted_site / "assets" / "stylesheets").glob("site.*.css")).relative_to(hosted_site).as_posix()
    status, headers, body = fetch(server, css, gzip_ok=True)
    assert status == 200, css
    assert headers.get("Content-Encoding") == "gzip", (server.name, dict(headers))
    assert gzip.decompress(body) == (hosted_site / css).read_bytes()
    # Types no file of this build has yet: a .wasm, a .webmanifest and an .svg (with its own sandbox policy).
    extra = {"x.wasm": b"\0asm\1\0\0\0", "x.webmanifest": b"{}", "x.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>'}
    for name, data in extra.items():
        (hosted_site / name).write_bytes(data)
        (hosted_site / name).chmod(0o644)
    try:
        assert fetch(server, "x.wasm")[1]["Content-Type"] == "application/wasm"
        assert fetch(server, "x.webmanifest")[1]["Content-Type"].startswith("application/manifest+json")
        svg = fetch(server, "x.svg")[1]
        assert svg["Content-Type"].startswith("image/svg+xml")
        assert svg.get_all("Content-Security-Policy") == [hosting.rules(SITE_PATH, str(hosted_site)).svg_csp]
        assert "sandbox" in svg["Content-Security-Policy"]
    finally:
        for name in extra:
            (hosted_site / name).unlink()


def test_every_internal_link_resolves_through_the_server(server: Server, hosted_site: Path) -> None:
    site = Site.read(hosted_site, server.address)
    assert site.broken_links() == []
    targets: set[str] = set()
    for page, document in site.documents.items():
        for url in document.urls:
            resolved = urlsplit(urljoin(site.url_of(page), url))
            if resolved.scheme == "http" and resolved.port == server.port and resolved.path.startswith(SITE_PATH):
                targets.add(resolved.path)
    assert len(targets) > 50, targets
    failed = {path: status for path in sorted(targets) if (status := fetch(server, path)[0]) != 200}
    assert failed == {}, server.name


def test_json_links_lead_to_the_site(server: Server, hosted_site: Path) -> None:
    """api/*.json name pages by absolute URL (the build's SITE_URL): each leads to a page, and its fragment exists."""
    site = Site.read(hosted_site, f"http://127.0.0.1:{urlsplit(server.address).port}{SITE_PATH}")
    base = json.loads((hosted_site / "api" / "targets.json").read_text(encoding="utf-8"))["site"]
    for name in ("targets", "milestones", "news"):
        data = json.loads((hosted_site / "api" / f"{name}.json").read_text(encoding="utf-8"))
        for item in data["items"]:
            for key in ("url", "widget", "unit_url"):
                if key in item:
                    url = urlsplit(item[key])
                    assert item[key].startswith(base), item[key]
                    target, reason = site.file_for(url.path)
                    assert reason is None, (item[key], reason)
                    if url.fragment:
                        assert site.check_fragment(target, url.fragment) is None, item[key]


def test_every_page_with_no_csp_violation(server: Server, hosted_site: Path, browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True, locale="vi-VN")
    watched = Watched(context.new_page())
    found: dict[str, list[str]] = {}
    for path in [*pages(hosted_site), "khong-co-trang-nay/"]:
        response = watched.page.goto(server.address + path, wait_until="load")
        assert response is not None and response.status in (200, 404), path
        watched.page.wait_for_timeout(30)
        if violations := watched.violations():
            found[path] = violations
        watched.console.clear()
    watched.page.goto(server.address + "tim-kiem/")
    search(watched.page, "chuyen doi so")
    assert watched.page.locator(".pagefind-ui__result").count() > 0
    if violations := watched.violations():
        found["tim-kiem/ (search)"] = violations
    context.close()
    assert found == {}, server.name


@pytest.fixture(scope="module")
def host_page(hosted_site: Path, ports: dict[str, int], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A stand-in for the portal on another origin (http://localhost:<port>/), serving one page per server."""
    folder = tmp_path_factory.mktemp("portal")
    server = ThreadingHTTPServer(("127.0.0.1", ports["host"]), functools.partial(QuietHandler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder
    server.shutdown()


def widget_paths(site: Path) -> list[str]:
    return [p for p in pages(site) if p.startswith("nhung/")]


def _sized_to_content(page, frame, title: str, seconds: float = 45) -> int:
    """Wait until the iframe's height equals its content's height (at least 80 px), both read afresh each
    time: the content may still grow (fonts, layout) after a first reading, and the widget reports it again.
    Forty widgets load at once: on a busy 2-core machine the first report can take more than 15 s."""
    deadline = time.monotonic() + seconds
    while True:
        content = frame.locator("html").evaluate("html => Math.ceil(html.getBoundingClientRect().height)")
        height = page.evaluate("t => document.querySelector(`iframe[title='${t}']`).height", title)
        if height == str(max(80, content)) or time.monotonic() > deadline:
            assert height == str(max(80, content)), (title, height, content)
            return content
        page.wait_for_timeout(100)


@pytest.mark.parametrize("late", [False, True], ids=["script-in-page", "script-after-widgets-loaded"])
def test_widgets_resize_their_iframes_on_another_origin(server: Server, hosted_site: Path, host_page: Path,
                                                        ports: dict[str, int], browser, late: bool) -> None:
    """The snippet shown to portal admins, on a page of another origin: each iframe takes its widget's height,
    also when the portal's script starts only after every widget has loaded and reported (a portal that adds
    it late, or a slow network): the script then asks each widget again."""
    widgets = widget_paths(hosted_site)
    assert {"nhung/chi-tieu/", "nhung/moc-thoi-gian/", "nhung/tin-moi/"} <= set(widgets), widgets
    # The first iframe is marked as snippets of 0.2.0 and earlier were (data-nq57-widget): it is still sized.
    marks = ["data-nq57-widget" if i == 0 else "data-nq-widget" for i in range(len(widgets))]
    frames = "\n".join(f'<iframe src="{server.address}{w}" title="w{i}" {marks[i]} width="300" height="150">'
                       f'</iframe>' for i, w in enumerate(widgets))
    script = f'<script src="{server.address}assets/embed.js"></script>'
    name = f"{server.name}-{'late' if late else 'inline'}.html"
    (host_page / name).write_text(
        f'<!doctype html><html><body>{frames}{"" if late else script}</body></html>', encoding="utf-8")
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    watched = Watched(page)
    page.goto(f"http://localhost:{ports['host']}/{name}", wait_until="load")
    if late:
        page.wait_for_timeout(500)
        page.add_script_tag(url=f"{server.address}assets/embed.js")
    sizes = {}
    for index, widget in enumerate(widgets):
        frame = page.frame_locator(f'iframe[title="w{index}"]')
        assert frame.locator(".nq-widget__more a[target=_top]").count() == 1, widget
        sizes[widget] = _sized_to_content(page, frame, f"w{index}")
    assert len(set(sizes.values())) > 1, sizes  # real heights, not one fixed value
    assert watched.violations() == []
    context.close()


def test_an_origin_not_allowed_cannot_frame_a_widget(server: Server, hosted_site: Path, host_page: Path,
                                                     ports: dict[str, int], browser) -> None:
    """127.0.0.1:<host port> is not in embed_origins (localhost:<host port> is): the widget does not load there."""
    (host_page / f"deny-{server.name}.html").write_text(
        f'<!doctype html><iframe src="{server.address}nhung/tin-moi/" title="w"></iframe>', encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{ports['host']}/deny-{server.name}.html", wait_until="load")
    page.wait_for_timeout(300)
    child = [f for f in page.frames if f != page.main_frame]
    assert child and not child[0].url.startswith(server.address), [f.url for f in child]
    context.close()
