"""Every internal link and fragment on every built page leads somewhere.

A strict MkDocs build only checks links it rewrites from Markdown; it never looks inside
raw HTML, nor at what the theme or the plugin writes. This test reads what a browser would:
every ``*.html`` file of the built site, every URL in it (``href``, ``src``, ``srcset``,
``action``, ``poster``, ``<object data>``, ``<meta http-equiv=refresh>``, Open Graph and
Twitter ``<meta>`` URLs, ``url()`` in inline styles and ``<style>``), plus ``url()`` and
``@import`` in every built ``*.css`` file. Each internal URL is resolved against the URL
the page is served at, as a browser would, and must name a file of the build; each
fragment must name an element ``id`` (or an ``<a name>``) on the page it points to.

It runs on two builds of the fixture commune: the ordinary one (``built_site``; served at its ``base_url``,
or at ``SITE_URL`` when the environment sets one, as CI does) and one published under a sub-path
(``SITE_URL=https://example.org/nq57/``), where a root-relative URL, or an absolute one to the
site's own host, outside ``/nq57/`` is as broken as a missing file. The district's own build is checked
the same way in tests/test_district.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generator.content import load_content
from generator.settings import BuildSettings

from .conftest import FIXTURE_CONTENT, PUBLISHED_URL

SUBPATH_URL = PUBLISHED_URL

PLACEHOLDER_ORIGIN = "http://site.invalid/"
"""Where a build without a published address is assumed to be served: the root of a host
(``.invalid`` can never be a real host, so no absolute URL on the site matches it by chance)."""

HARMLESS_SCHEMES = {"mailto", "tel", "sms", "data"}
"""Not documents of the site: nothing to check."""

BROKEN_SCHEMES = {
    "javascript": "javascript: URL; the site must work without JavaScript and never links to script",
    "vbscript": "vbscript: URL",
    "file": "file: URL leads to the editor's own disk, not to the site",
}

WEB_SCHEMES = {"http", "https", "webcal", "webcals"}
"""Schemes whose URLs on the site's own host are the site's own files (``webcal:`` is how a
calendar app is asked to subscribe to ``lich-thuc-hien.ics``)."""

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "xlink:href", "background", "cite"}
"""Attributes holding one URL, on whatever element they appear (``<a>``, ``<link>``, ``<img>``,
``<script>``, ``<form>``, ``<button>``, ``<video>``, SVG ``<use>``, ``<blockquote cite>``…)."""

META_URL_KEYS = re.compile(r"^(og|twitter):(url|image|image:url|image:secure_url|audio|video|video:url)$")

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
REFRESH_URL = re.compile(r"^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['\"]?)(.*?)\1\s*$", re.I | re.S)


@dataclass
class Document:
    """What one built file says: the URLs it uses and the fragment targets it offers."""

    urls: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    base: str | None = None
    problems: list[tuple[str, str]] = field(default_factory=list)


def css_urls(css: str) -> Iterator[str]:
    """The URLs in a stylesheet: ``url(...)`` (quoted or not) and ``@import "..."``; comments ignored."""
    css = CSS_COMMENT.sub("", css)
    for pattern in (CSS_URL, CSS_IMPORT):
        for match in pattern.finditer(css):
            yield next(group for group in match.groups() if group is not None)


class PageParser(HTMLParser):
    """One pass over a page: every URL-bearing attribute and every ``id`` / ``<a name>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.document = Document()
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        document = self.document
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            document.ids.add(values["id"])
        if tag == "a" and "name" in values:
            document.ids.add(values["name"])
        if tag == "base" and "href" in values and document.base is None:
            document.base = values["href"].strip()
        for name, value in values.items():
            if name in URL_ATTRIBUTES:
                document.urls.append(value.strip())
            elif name in ("srcset", "imagesrcset"):
                # Candidates are "URL [descriptor]" separated by commas.
                document.urls.extend(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
            elif name == "style":
                document.urls.extend(css_urls(value))
        if tag == "object" and "data" in values:
            document.urls.append(values["data"].strip())
        if tag == "meta" and "content" in values:
            key = (values.get("property") or values.get("name") or "").lower()
            if values.get("http-equiv", "").lower() == "refresh":
                match = REFRESH_URL.match(values["content"])
                if match and match.group(2):
                    document.urls.append(match.group(2).strip())
            elif META_URL_KEYS.match(key):
                url = values["content"].strip()
                if not urlsplit(url).scheme:
                    # Scrapers (chat apps, social sites) do not resolve these: only absolute URLs work.
                    document.problems.append((url, f"relative URL in <meta {key}>; it must be absolute"))
                document.urls.append(url)
        if tag == "style":
            self.in_style = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self.in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.document.urls.extend(css_urls(data))


def parse_html(text: str) -> Document:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser.document


@dataclass
class Site:
    """A built folder, the address it is served at, and each of its HTML/CSS files parsed once."""

    folder: Path
    address: str
    """Absolute URL of the site's root, with a trailing slash: ``https://example.org/nq57/``."""
    documents: dict[str, Document] = field(default_factory=dict, repr=False)
    """Parsed files by path relative to the folder (POSIX): HTML and SVG (ids and URLs), CSS (URLs)."""

    @classmethod
    def read(cls, folder: Path, address: str) -> Site:
        site = cls(folder, address)
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.suffix in (".html", ".svg"):
                site.documents[relative] = parse_html(path.read_text(encoding="utf-8"))
            elif path.suffix == ".css":
                site.documents[relative] = Document(urls=list(css_urls(path.read_text(encoding="utf-8"))))
        return site

    @property
    def prefix(self) -> str:
        return urlsplit(self.address).path

    def url_of(self, relative: str) -> str:
        """The URL a file is served at: ``a/b/index.html`` is ``<address>a/b/`` (directory URLs)."""
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative[: -len("index.html")]
        return self.address + relative

    def file_for(self, path: str) -> tuple[str | None, str | None]:
        """The built file a URL path names, or why none: ``(relative file, None)`` or ``(None, reason)``."""
        prefix = self.prefix
        if path + "/" == prefix:
            path = prefix  # "/nq57" is redirected to "/nq57/" by every static host
        if not path.startswith(prefix):
            return None, f"outside the site's path {prefix}"
        relative = unquote(path[len(prefix):])
        if any(part in ("..", ".") for part in PurePosixPath(relative).parts):
            return None, "dot segment left in the path"
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        target = self.folder / relative
        if target.is_dir() and (target / "index.html").is_file():
            # A directory URL without its slash: static hosts (GitHub Pages, nginx) redirect to it.
            relative += "/index.html"
        elif not target.is_file():
            return None, f"no file {relative} in the build"
        return relative, None

    def check(self, page: str, url: str) -> str | None:
        """Why ``url``, written in file ``page``, is broken; None when it leads somewhere real."""
        document = self.documents[page]
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in BROKEN_SCHEMES:
            return BROKEN_SCHEMES[scheme]
        if scheme in HARMLESS_SCHEMES:
            return None
        page_url = self.url_of(page)
        if document.base:
            page_url = urljoin(page_url, document.base)
        if scheme in ("webcal", "webcals"):
            url = "https" + url[len(scheme):]
        resolved = urlsplit(urljoin(page_url, url))
        site = urlsplit(self.address)
        if resolved.scheme not in WEB_SCHEMES or resolved.hostname != site.hostname or (resolved.port != site.port):
            return None  # another site: not ours to check here
        target, reason = self.file_for(resolved.path)
        if reason:
            return reason
        assert target is not None
        if url == "#":
            # A bare "#" scrolls to the top (HTML spec), but in practice it is the placeholder of a
            # script-driven "button", dead without JavaScript, and this site must work without it.
            # A real "to the top" link says "#top" (accepted below, as the spec does). Reported.
            # ("page/#", an empty fragment after a real URL, is just a link to that page.)
            return "bare '#': a placeholder link that does nothing without JavaScript"
        if resolved.fragment:
            return self.check_fragment(target, resolved.fragment)
        return None

    def check_fragment(self, target: str, fragment: str) -> str | None:
        if fragment.startswith(":~:"):
            return None  # a text fragment (":~:text=…") searches the page's text, not its ids
        document = self.documents.get(target)
        if document is None or target.endswith(".css"):
            # Fragments of other files (a PDF's "#page=2", a feed) are not element ids.
            return None
        # Material's own internals ("#__drawer", "#__search", "#__tabbed_1_2", "#__code_0") are
        # checked like any other fragment: the theme writes the matching ids (the toggles are
        # <input id="__drawer">) in every page, so they resolve; were one missing, the control
        # it opens would be dead without JavaScript, which is a real defect. Nothing is skipped.
        if fragment in document.ids or unquote(fragment) in document.ids:
            return None
        if fragment.lower() == "top" and target.endswith(".html"):
            return None  # the HTML spec scrolls "#top" to the top of a page without such an id
        return f"no id {unquote(fragment)!r} on {target}"

    def broken_links(self) -> list[str]:
        broken: set[str] = set()
        for page, document in self.documents.items():
            if page.endswith(".svg"):
                continue  # ids only; the site's SVG (icons, QR codes) links nowhere
            for url, reason in document.problems:
                broken.add(f"{page} → {url} ({reason})")
            for url in document.urls:
                if (reason := self.check(page, url)) is not None:
                    broken.add(f"{page} → {url} ({reason})")
        return sorted(broken)


def root_address(content: Path = FIXTURE_CONTENT) -> str:
    """Where the build of ``content`` (``built_site``: the fixture's) is published: as the plugin decides
    (``SITE_URL``, which CI sets, or ``base_url`` in cai-dat.yml); without either, the root of a host."""
    settings = BuildSettings.resolve(content, base_url=load_content(content).settings.base_url, repo_url=None)
    return settings.site_url or PLACEHOLDER_ORIGIN


@pytest.fixture(scope="session", params=["root", "sub-path"])
def site(request: pytest.FixtureRequest) -> Site:
    if request.param == "root":
        return Site.read(request.getfixturevalue("built_site"), root_address())
    return Site.read(request.getfixturevalue("published_site"), SUBPATH_URL)  # conftest: built for SUBPATH_URL


def test_every_internal_link_and_fragment_resolves(site: Site) -> None:
    pages = [page for page in site.documents if page.endswith(".html")]
    assert "index.html" in pages and len(pages) > 10, f"nothing to check in {site.folder}: {pages}"
    if broken := site.broken_links():
        pytest.fail(f"{len(broken)} broken link(s) in the site built for {site.address}:\n" + "\n".join(broken),
                    pytrace=False)


# The checker itself, on small made-up pages: it must catch what it claims to catch.

@pytest.fixture
def toy(tmp_path: Path) -> Callable[..., Site]:
    def make(files: dict[str, str], address: str = SUBPATH_URL) -> Site:
        for name, text in files.items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text, encoding="utf-8")
        return Site.read(tmp_path, address)
    return make


def test_checker_reports_every_kind_of_broken_link(toy) -> None:
    site = toy({
        "index.html": """<html><head>
            <link rel="canonical" href="https://example.org/nq57/">
            <link rel="stylesheet" href="assets/a.css">
            <meta property="og:image" content="https://example.org/nq57/missing.png">
            <meta http-equiv="refresh" content="5; url=gone/">
            </head><body id="top">
            <a href="a/#x">ok</a> <a href="a/#nope">bad id</a> <a href="muc-tieu.md#x">raw md</a>
            <a href="/other/">outside</a> <a href="/nq57/a/">ok root-relative</a>
            <a href="javascript:void(0)">js</a> <a href="mailto:x@example.org">mail</a>
            <a href="https://example.org/elsewhere/">own host, outside</a> <a href="https://other.org/x">ext</a>
            <img srcset="img/ok.png 1x, img/no.png 2x" src="img/ok.png" alt="">
            <form action="tim-kiem/"></form> <a href="#top">top</a> <a href="#">nothing</a>
            <div><a href="a/?q=1#y">query and fragment</a></div>
            </body></html>""",
        "a/index.html": '<h1 id="x">A</h1><a name="y"></a><a href="..">up</a><a href="../../../x/">above root</a>',
        "img/ok.png": "",
        "assets/a.css": "/* url(commented.png) */ a{background:url('../img/ok.png')} b{background:url(nope.png)}"
                        " @import \"gone.css\"; i{background:url(\"data:image/svg+xml,<svg>)</svg>\")}",
    })
    assert site.broken_links() == sorted([
        "assets/a.css → gone.css (no file assets/gone.css in the build)",
        "assets/a.css → nope.png (no file assets/nope.png in the build)",
        "a/index.html → ../../../x/ (outside the site's path /nq57/)",
        "index.html → # (bare '#': a placeholder link that does nothing without JavaScript)",
        "index.html → /other/ (outside the site's path /nq57/)",
        "index.html → a/#nope (no id 'nope' on a/index.html)",
        "index.html → gone/ (no file gone/index.html in the build)",
        "index.html → https://example.org/elsewhere/ (outside the site's path /nq57/)",
        "index.html → https://example.org/nq57/missing.png (no file missing.png in the build)",
        "index.html → img/no.png (no file img/no.png in the build)",
        f"index.html → javascript:void(0) ({BROKEN_SCHEMES['javascript']})",
        "index.html → muc-tieu.md#x (no file muc-tieu.md in the build)",
        "index.html → tim-kiem/ (no file tim-kiem/index.html in the build)",
    ])


def test_checker_resolves_at_the_root_of_a_host(toy) -> None:
    site = toy({
        "index.html": '<a href="/a/#x">ok</a> <a href="/b/">missing</a> <a href="a">no slash, redirected</a>',
        "a/index.html": '<p id="x"></p><link rel="icon" href="../fav.png"><a href="/">home</a>',
        "404.html": '<link href="/fav.png" rel="icon"><a href="/a/">a</a>',
        "fav.png": "",
    }, address=PLACEHOLDER_ORIGIN)
    assert site.broken_links() == ["index.html → /b/ (no file b/index.html in the build)"]
