"""What search costs a reader: gzip bytes and requests on first view and on a first query.

Serves a built site on loopback under a sub-path (``/portal/nq57/``, as a host
might), opens a page in headless Chromium at 360×640, records every request,
then opens search and types a query, and records what that added (files the
first view already loaded count once: the browser has them cached). Bytes are
each requested file gzipped at level 9 (what a server with gzip on would send);
the numbers compare search engines, they are not a timing goal.

    python bench/search_weight.py site                 # Pagefind (this project)
    python bench/search_weight.py /tmp/site-lunr --engine material
"""

from __future__ import annotations

import argparse
import functools
import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
PREFIX = "/portal/nq57/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site only under PREFIX, so any absolute path to '/' would 404."""

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + clean[len(PREFIX):])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()


def gzip_size(site: Path, url: str) -> int:
    """Gzip bytes of the file a URL maps to (index.html for folders)."""
    path = unquote(urlsplit(url).path)[len(PREFIX):]
    file = site / path
    if file.is_dir() or path.endswith("/") or not path:
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), compresslevel=9, mtime=0))


def measure(site: Path, engine: str, page: str, query: str) -> dict[str, tuple[int, int]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, tuple[int, int]] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, locale="vi-VN")
        tab = context.new_page()
        seen: list[str] = []
        failed: list[str] = []
        tab.on("requestfinished", lambda request: seen.append(request.url))
        tab.on("requestfailed", lambda request: failed.append(request.url))
        tab.on("response", lambda response: response.status >= 400 and failed.append(response.url))
        tab.goto(base + page, wait_until="networkidle")
        results["first view"] = _total(site, seen)
        first = len(seen)
        if engine == "material":
            tab.click("label[for=__search]")
            tab.fill("input[data-md-component=search-query]", query)
            tab.wait_for_selector(".md-search-result__meta")
        else:
            tab.click("a.nq-search-button")
            tab.fill(".pagefind-ui__search-input", query)
            tab.wait_for_selector(".pagefind-ui__result")
        tab.wait_for_load_state("networkidle")
        cached = {url.split("?")[0] for url in seen[:first]}
        added = [url for url in seen[first:] if url.split("?")[0] not in cached]
        results["opening search + first query"] = _total(site, added)
        for url in seen:
            print(f"  {gzip_size(site, url):>7}  {url[len(base):] or '(page)'}")
        if failed:
            print("FAILED:", *failed, sep="\n  ")
        browser.close()
    return results


def _total(site: Path, urls: list[str]) -> tuple[int, int]:
    return sum(gzip_size(site, url) for url in urls), len(urls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--engine", choices=["pagefind", "material"], default="pagefind")
    parser.add_argument("--page", default="", help="page path under the site, '' for the home page")
    parser.add_argument("--query", default="chuyen doi so")
    args = parser.parse_args()
    for label, (size, count) in measure(args.site.resolve(), args.engine, args.page, args.query).items():
        print(f"{args.engine:9} {label:30} {size / 1024:6.1f} KB gzip  {count:3} requests")


if __name__ == "__main__":
    main()
