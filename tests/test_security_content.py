"""An editor cannot publish a script: every way the red team found is built and checked.

Four ways in, each with several variants: ``attr_list`` event handlers (a post title, a
YAML text field), raw HTML slipped past the body check (after an inline code span or an
indented code block), entity-encoded ``javascript:`` URLs (reference link, attr_list
``href``), and SVG files with a script. Each build either fails with a Vietnamese message
naming the file (and leaves the site folder as it was) or succeeds with no live script:
``verify_site`` says so, and so does an independent parser in this file, and so does
Chromium (tests/browser/test_security.py: no payload sets ``window.__pwned`` on load,
focus, hover or click).
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import generator.plugin
from generator.content import load_content
from generator.publish.sanitize import sanitize_fragment
from generator.publish.verify import Finding, svg_problems, url_scheme, verify_site

from .conftest import build_site, copy_project, problems_for, replace_once, with_scanned_copy

PWN = "window.__pwned=1"
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}

EVENT_HANDLERS = [
    f"<h2 onfocus='{PWN}' tabindex=0 autofocus>x</h2>",
    f'<img src=x onerror="{PWN}">',
    f"<svg onload={PWN}></svg>",
    f'<p onmouseover = "{PWN}">x</p>',
    f'<a href="#" ONCLICK\t=\n"{PWN}">x</a>',
    f'<details open ontoggle="{PWN}"><summary>x</summary></details>',
]
SCRIPT_URLS = [
    f"&#106;avascript:{PWN}",
    f"&#x6A;avascript:{PWN}",
    f"java&#x09;script:{PWN}",
    f"JaVaScRiPt:{PWN}",
    f"  javascript:{PWN}",
    f"vbscript:{PWN}",
    "data:text/html,<script>window.__pwned=1</script>",
    f"&#100;ata:text/html;base64,{PWN}",
]


# --------------------------------------------------------------------------
# An independent check of a built site, not sharing code with generator/publish
# --------------------------------------------------------------------------


class _Unsafe(HTMLParser):
    """Every on* attribute, non-allowlisted URL scheme or payload text in an attribute or a script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                cleaned = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
                scheme = re.match(r"([a-z][a-z0-9+.\-]*):", cleaned)
                if scheme and scheme[1] not in ALLOWED_SCHEMES:
                    self.problems.append(f"<{tag} {name}={value!r}>")
            if "__pwned" in value:
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "__pwned" in data:
            self.problems.append(f"<script>{data[:40]}")


def unsafe(site: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        checker = _Unsafe()
        checker.feed(path.read_text(encoding="utf-8"))
        if checker.problems:
            found[path.relative_to(site).as_posix()] = checker.problems
    return found


def enforced(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.kind != "inline-script"]


# --------------------------------------------------------------------------
# The sanitiser and the site check on their own (fast)
# --------------------------------------------------------------------------


@pytest.mark.parametrize("payload", EVENT_HANDLERS)
def test_sanitiser_drops_every_event_handler(payload: str) -> None:
    clean = sanitize_fragment(payload)
    assert not unsafe_fragment(clean), clean
    assert sanitize_fragment(clean) == clean


@pytest.mark.parametrize("url", SCRIPT_URLS)
@pytest.mark.parametrize("template", ['<a href="{}">x</a>', '<img src="{}" alt="x">', '<a href=\'{}\' rel="nofollow">x</a>'])
def test_sanitiser_drops_script_urls_after_decoding_entities(url: str, template: str) -> None:
    fragment = template.format(url)
    assert unsafe_fragment(fragment), "the payload itself must be caught by the independent check"
    clean = sanitize_fragment(fragment)
    assert not unsafe_fragment(clean), clean
    assert "__pwned" not in clean
    assert sanitize_fragment(clean) == clean


def test_sanitiser_keeps_allowed_urls_and_rel_as_written() -> None:
    kept = ['<a href="../muc-tieu-2030/#kinh-te-so">a</a>', '<a href="https://example.org/b" rel="nofollow">b</a>',
            '<a href="mailto:ban@example.gov.vn">c</a>', '<a href="tel:+842163">d</a>', '<a href="#top">e</a>']
    for fragment in kept:
        assert sanitize_fragment(fragment) == fragment


def test_sanitiser_drops_dangerous_elements_and_style() -> None:
    fragment = ('<p style="position:fixed">a</p><script>window.__pwned=1</script><iframe src="https://e"></iframe>'
                '<object data="x"></object><embed src="x"><form action="https://e"><input value="v"></form>'
                '<svg><foreignObject><p>f</p></foreignObject><use href="https://e/x.svg#a"/></svg>'
                '<h2 id="__config">c</h2><noscript><img src=x onerror="window.__pwned=1"><iframe src="https://e"></iframe></noscript>')
    clean = sanitize_fragment(fragment)
    for gone in ("style=", "<script", "<iframe", "<object", "<embed", "<form", "<input", "foreignObject", "<use", "__config",
                 "onerror", "__pwned"):
        assert gone not in clean, (gone, clean)
    assert "<noscript><img src=\"x\"></noscript>" in clean
    assert sanitize_fragment(clean) == clean


def unsafe_fragment(fragment: str) -> list[str]:
    checker = _Unsafe()
    checker.feed(fragment)
    return checker.problems


@pytest.mark.parametrize("value", [
    "&#106;avascript:x", "&#x6A;avascript:x", "java&#x09;script:x", "JaVaScRiPt:x", " \x01javascript:x",
    "java\nscript:x", "vbscript:x", "data:text/html,x", "DATA:image/svg+xml,x",
])
def test_verify_site_finds_script_urls_the_way_browsers_read_them(tmp_path: Path, value: str) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(f'<p><a href="{value}">x</a><img src="{value}"></p>', encoding="utf-8")
    findings = verify_site(tmp_path, require_csp=False)
    assert [f.kind for f in findings] == ["script-url", "script-url"]
    assert all(f.file == "a/index.html" for f in findings)


def test_verify_site_kinds_and_vietnamese_report(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<h1 ONFOCUS = "x" tabindex=0>t</h1><a href="https://example.org/">ok</a><a href="../x/">ok</a>'
        '<meta http-equiv="Refresh" content="0; url=https://e/">'
        '<script type="application/json">{"a": 1}</script><script src="a.js"></script><script>alert(1)</script>'
        '<form action="javascript:x"><button formaction="vbscript:x">b</button></form>', encoding="utf-8")
    findings = verify_site(tmp_path, require_csp=False)
    assert sorted(f.kind for f in findings) == ["event-handler", "inline-script", "meta-refresh", "script-url", "script-url"]
    handler = next(f for f in findings if f.kind == "event-handler")
    assert str(handler).startswith("trang index.html có thuộc tính sự kiện onfocus")


def test_verify_site_on_todays_site_finds_only_the_theme_inline_scripts(built_site: Path) -> None:
    assert enforced(verify_site(built_site)) == []


UNSAFE_SVGS = {
    "script.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script></svg>',
    "onload.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><rect width="1" height="1"/></svg>',
    "onclick.svg": '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1" ONCLICK="window.__pwned=1"/></svg>',
    "foreign.svg": ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
                    '<img src="x" onerror="window.__pwned=1"/></div></foreignObject></svg>'),
    "link.svg": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                 '<a xlink:href="javascript:window.__pwned=1"><text>x</text></a></svg>'),
    "use.svg": '<svg xmlns="http://www.w3.org/2000/svg"><use href="https://example.org/x.svg#a"/></svg>',
    "entity.svg": '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
}
SAFE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 2 2">'
            '<defs><circle id="c" r="1"/></defs><use xlink:href="#c"/><title>t</title></svg>')


def test_svg_problems(tmp_path: Path) -> None:
    for name, text in UNSAFE_SVGS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert svg_problems(tmp_path / name), name
    (tmp_path / "safe.svg").write_text(SAFE_SVG, encoding="utf-8")
    assert svg_problems(tmp_path / "safe.svg") == []


def test_url_scheme_is_read_like_a_browser() -> None:
    assert url_scheme("\tJava\nScript:x") == "javascript"
    assert url_scheme("../a:b/") is None and url_scheme("#x") is None
    assert url_scheme("HTTPS://e/") == "https"


# --------------------------------------------------------------------------
# Today's pages go through the sanitiser unchanged (but for normalisation)
# --------------------------------------------------------------------------

class _Tokens(HTMLParser):
    """Elements, attributes and text of a fragment, whatever the serialisation."""

    def __init__(self, drop_attributes: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.drop = drop_attributes
        self.tokens: list[tuple] = []
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        kept = sorted((name, value or "") for name, value in attrs if name not in self.drop)
        self.tokens.append(("start", tag, tuple(kept)))
        self.ids.update(value for name, value in kept if name == "id")
        self.urls.extend(value for name, value in kept if name in ("href", "src"))

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
    """Elements without an end: ``<img>`` and ``<img/>`` are the same element (the photo of the fixture's post)."""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self.tokens.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.tokens.append(("text", " ".join(data.split())))
            self.text.append(data)


def tokens(fragment: str, drop: frozenset[str] = frozenset()) -> _Tokens:
    parsed = _Tokens(drop)
    parsed.feed(fragment)
    parsed.close()
    return parsed


def test_sanitiser_leaves_every_page_of_todays_site_as_it_was(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page body MkDocs renders (the fixture's measured indicator too: bar and SVG chart) keeps its text,
    ids, links and elements: the templates emit nothing the allowlist removes (no style=, no handler)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    bodies: list[str] = []

    def capture(html: str) -> str:
        bodies.append(html)
        return html

    monkeypatch.setattr(generator.plugin, "sanitize_fragment", capture)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", "1764288000"))
    build(load_config(str(project_copy / "mkdocs.yml"), site_dir=str(project_copy / "site")))
    assert len(bodies) > 20
    assert any("<svg" in body for body in bodies), "the measured indicator's chart must be among the pages"
    for body in bodies:
        clean = sanitize_fragment(body)
        assert sanitize_fragment(clean) == clean
        before, after = tokens(body), tokens(clean)
        assert "".join(before.text).split() == "".join(after.text).split()
        assert before.ids == after.ids and before.urls == after.urls
        assert before.tokens == after.tokens


# --------------------------------------------------------------------------
# Poisoned content that builds: nothing live may come out
# --------------------------------------------------------------------------

POST = """---
title: "{title}"
date: 2025-03-{day:02d}
author: Ban biên tập
category: chi-dao
summary: Bài thử của kiểm thử an ninh.
slug: {slug}
---
{body}
"""

ACCEPTED_POSTS: dict[str, tuple[str, str]] = {
    # (1) attr_list on a heading of the body (a title with braces is refused: see REJECTED_POSTS).
    "tieu-de-onfocus": ("Tiêu đề một", f"## Mục {{ tabindex=0 autofocus onfocus='{PWN}' }}\n\nNội dung.\n"),
    "tieu-de-onmouseover": ("Tiêu đề hai", f"## Mục {{ onmouseover='{PWN}' }}\n\nNội dung.\n"),
    "tieu-de-onclick": ("Tiêu đề ba", f'## Mục {{   ONCLICK="{PWN}"    tabindex=0 }}\n\nNội dung.\n'),
    "tieu-de-onload": ("Tiêu đề bốn", f"Đoạn văn.\n{{: onload='{PWN}' onerror='{PWN}' }}\n"),
    # (2) raw HTML after a line the body check takes for a code fence.
    "ma-cung-dong": ("Mã cùng dòng", f'```mã``` <img src=x onerror="{PWN}">\n\n<script>{PWN}</script>\n\n'
                     f'<p onmouseover="{PWN}">đoạn</p>\n\n<svg onload="{PWN}"></svg>\n'),
    "khoi-ma-thut-le": ("Khối mã thụt lề", f'Đoạn văn.\n\n    ```\n    mã\n\n<img src=x onerror="{PWN}">\n\n'
                        f"<script>{PWN}</script>\n\n<a href=\"#\" ONCLICK = '{PWN}'>bấm</a>\n\n"
                        f'<iframe src="data:text/html,x"></iframe>\n'),
    # (3) entity-encoded script URLs the body check does not see.
    "lien-ket-tham-chieu": ("Liên kết tham chiếu", "[một][r1] [hai][r2] [ba][r3] [bốn][r4] [năm][r5]\n\n"
                            f"[r1]: &#106;avascript:{PWN}\n[r2]: &#x6A;avascript:{PWN}\n[r3]: java&#x09;script:{PWN}\n"
                            f"[r4]: &#118;bscript:{PWN}\n[r5]: &#100;ata:text/html,x\n"),
    "lien-ket-thuoc-tinh": ("Liên kết thuộc tính", f'[một](#){{: href="&#106;avascript:{PWN}" }} '
                            f"[hai](#){{ href='&#74;aVaScRiPt:{PWN}' }} [ba](#){{ href=\"&#x6A;avascript:{PWN}\" }}\n\n"
                            f'![ảnh](#){{ src="&#100;ata:image/svg+xml,x" }}\n'),
}

VIEWPOINT_OLD = """    text: >-
      Bảo đảm an toàn thông tin, an ninh mạng"""
VIEWPOINT_NEW = f"""    text: |-
      Đoạn thử một.
      {{: tabindex=0 onfocus='{PWN}' }}

      Đoạn thử hai.
      {{:    ONMOUSEOVER="{PWN}"   }}

      [bấm](https://example.org/){{: href="&#x6A;avascript:{PWN}" }}

      Bảo đảm an toàn thông tin, an ninh mạng"""


def write_posts(content: Path, posts: dict[str, tuple[str, str]]) -> None:
    for day, (slug, (title, body)) in enumerate(posts.items(), start=1):
        text = POST.format(title=title.replace('"', '\\"'), day=day, slug=slug, body=body)
        (content / "tin-tuc" / f"2025-03-{day:02d}-{slug}.md").write_text(text, encoding="utf-8")


def build_poisoned(folder: Path) -> Path:
    """A copy of the project with every accepted payload, built; the built site."""
    project = copy_project(folder / "project")
    write_posts(project / "content", ACCEPTED_POSTS)
    replace_once(project / "content/quan-diem.yml", VIEWPOINT_OLD, VIEWPOINT_NEW)
    # The fixture has no scanned copy, so the plan's wording is not compared (an organisation that typed its plan):
    # the payloads in the viewpoint then reach the pages, and the sanitiser and the final check must stop them.
    assert not (project / "content/source").exists()
    site = project / "site"
    # A preview shows every item, the unapproved posts carrying the payloads too: the widest surface to check.
    result = build_site(site, config=project / "mkdocs.yml", env={"SITE_MODE": "preview"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once for this module (tests/browser/test_security.py builds its own for Chromium)."""
    return build_poisoned(tmp_path_factory.mktemp("poisoned"))


def test_poisoned_content_builds_without_a_live_script(poisoned_site: Path) -> None:
    for slug in ACCEPTED_POSTS:
        assert (poisoned_site / "tin-tuc/2025" / slug / "index.html").is_file(), slug
    assert "Đoạn thử hai." in (poisoned_site / "quan-diem-chi-dao/index.html").read_text(encoding="utf-8")
    assert enforced(verify_site(poisoned_site)) == []
    assert unsafe(poisoned_site) == {}


# --------------------------------------------------------------------------
# Poisoned content that is refused: the build fails, names every file, keeps the old site
# --------------------------------------------------------------------------

REJECTED_POSTS: dict[str, tuple[str, str]] = {
    "hoa-thuong": ("Hoa thường", f"[bấm](JaVaScRiPt:{PWN})\n"),
    "vbscript": ("VBScript", "[bấm][r]\n\n[r]: vbscript:msgbox(1)\n"),
    "data-url": ("Data URL", "[bấm](data:text/html,<b>x</b>)\n"),
    "the-script": ("Thẻ script", f"Đoạn văn.\n\n<script>{PWN}</script>\n"),
    # attr_list in a title: titles refuse braces (and quotes, < >) before anything is rendered
    "tieu-de-ngoac": (f"Tiêu đề {{ tabindex=0 autofocus onfocus='{PWN}' }}", "Nội dung.\n"),
    "tieu-de-ngoac-hai-cham": (f"Tiêu đề {{: onload='{PWN}' }}", "Nội dung.\n"),
}


def old_site(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text("bản cũ", encoding="utf-8")
    return path


def assert_refused(result, site: Path, names: list[str]) -> None:
    assert result.returncode != 0
    assert "LỖI" in result.stderr, result.stderr
    for name in names:
        assert name in result.stderr, (name, result.stderr)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"


def test_refused_payloads_fail_the_build_naming_each_file(project_copy: Path) -> None:
    content = project_copy / "content"
    write_posts(content, REJECTED_POSTS)
    svg_image = POST.format(title="Ảnh SVG", day=28, slug="anh-svg", body="Nội dung.\n").replace(
        "slug: anh-svg\n", "slug: anh-svg\nimage:\n  src: assets/anh/bieu-do.svg\n  alt: Biểu đồ\n")
    (content / "tin-tuc/2025-03-28-anh-svg.md").write_text(svg_image, encoding="utf-8")
    site = old_site(project_copy / "site")
    result = build_site(site, config=project_copy / "mkdocs.yml")
    names = [f"tin-tuc/2025-03-{day:02d}-{slug}.md" for day, slug in enumerate(REJECTED_POSTS, start=1)]
    assert_refused(result, site, [*names, "tin-tuc/2025-03-28-anh-svg.md"])


def test_unsafe_svg_in_docs_fails_the_build_naming_each_file(project_copy: Path) -> None:
    """docs/ publishes no SVG (tests/test_security_files.py); listed by a maintainer, each still meets the final gate."""
    folder = project_copy / "docs/assets/anh"
    folder.mkdir(parents=True)
    names = list(UNSAFE_SVGS)
    for name, text in zip(names, UNSAFE_SVGS.values(), strict=True):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "an-toan.svg").write_text(SAFE_SVG, encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    listed = "".join(f"        - assets/anh/{name}\n" for name in [*names, "an-toan.svg"])
    config.write_text(config.read_text(encoding="utf-8").replace("      docs_allow: []\n", "      docs_allow:\n" + listed),
                      encoding="utf-8")
    site = old_site(project_copy / "site")
    result = build_site(site, config=project_copy / "mkdocs.yml")
    assert_refused(result, site, [f"ảnh assets/anh/{name}" for name in names])
    assert "an-toan.svg" not in result.stderr


def test_a_quote_in_a_summary_stays_inside_every_attribute_it_reaches(project_copy: Path) -> None:
    """The summary reaches <meta name=description>, og:description and twitter:description (an included partial)."""
    summary = 'Trích "nguyên văn" http-equiv="refresh" content="0;url=https://example.com" & 5 > 3'
    post = POST.format(title="Tóm tắt có ngoặc kép", day=27, slug="ngoac-kep", body="Nội dung.\n").replace(
        "summary: Bài thử của kiểm thử an ninh.", "summary: '" + summary.replace("'", "''") + "'")
    (project_copy / "content/tin-tuc/2025-03-27-ngoac-kep.md").write_text(post, encoding="utf-8")
    site = project_copy / "site"
    result = build_site(site, config=project_copy / "mkdocs.yml",
                        env={"SITE_URL": "https://example.org/nq57/", "SITE_MODE": "preview"})  # the post is a draft
    assert result.returncode == 0, result.stderr

    class Metas(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[dict[str, str | None]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "meta":
                self.found.append(dict(attrs))

    parser = Metas()
    parser.feed((site / "tin-tuc/2025/ngoac-kep/index.html").read_text(encoding="utf-8"))
    described = [m for m in parser.found if (m.get("name") or m.get("property") or "").endswith("description")]
    assert len(described) == 3 and all(m["content"] == summary for m in described), described
    assert not any(m.get("http-equiv") == "refresh" for m in parser.found)


def test_with_the_scanned_copy_a_payload_in_the_plan_text_is_refused_before_any_build(project_copy: Path) -> None:
    """The plan-wording check is a layer of its own: the plan's text differs from the document, so nothing is built."""
    with_scanned_copy(project_copy / "content")
    load_content(project_copy / "content")  # the scanned copy agrees with the plan before the change
    line = replace_once(project_copy / "content/quan-diem.yml", VIEWPOINT_OLD, VIEWPOINT_NEW)
    problems = problems_for(project_copy / "content")
    assert any(p.line is not None and p.line >= line and "câu chữ của Kế hoạch bị thay đổi" in p.message_vi
               for p in problems), problems

