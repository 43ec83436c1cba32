"""Every file a pull request can add is untrusted: docs/ files, file names, theme values, the final gate.

Classes, each with several variants of our own (hidden variants of each class must fail the same way):

1. what ``docs/`` may publish (an allow-list: Markdown, CSS, raster images; a maintainer lists the rest);
2. file names (posts, result files, photos, docs/) reach URLs and edit links: safe slugs only, with the name to use;
3. front matter of docs/ pages: a fixed set of keys (no template choice, no script address);
4. theme templates print page and config values escaped (hostile values built, parsed by html5lib);
5. the final gate parses like a browser (html5lib): the parser-differential payloads HTMLParser missed;
6. only the theme's own inline scripts become files; a generated name is always the theme's.

Chromium shows the payloads are live when published without the gate, and that nothing runs or
navigates on the hostile site that builds (tests/browser/test_security_files.py).
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from pathlib import Path

import html5lib
import pytest
from PIL import ExifTags, Image

from generator.content import docsfiles
from generator.content.posts import post_name_problem
from generator.publish.verify import verify_site

from .conftest import build_site, copy_project, problems_for
from .photo_factory import phone_photo

PWN = "window.__pwned=1"

# --------------------------------------------------------------------------
# 5. The final gate reads pages as a browser does
# --------------------------------------------------------------------------

GATE_PAYLOADS: dict[str, tuple[str, str]] = {
    # Parser differentials: markup a regex or Python's HTMLParser reads as a comment, text or a closed tag.
    "empty-comment": (f"<!--><img src=x onerror={PWN}>-->", "event-handler"),
    "short-comment": (f"<!---><img src=x onerror={PWN}>-->", "event-handler"),
    "bang-comment": (f"<!-- x --!><img src=x onerror={PWN}>-->", "event-handler"),
    "svg-style": (f"<svg><style><img src=x onerror={PWN}></style></svg>", "event-handler"),
    "math-style": (f"<math><style><img src=x onerror={PWN}></style></math>", "event-handler"),
    "script-end-attrs": (f"<script type=text/plain>x</SCRIPT x><img src=x onerror={PWN}>", "event-handler"),
    "script-end-slash": (f"<script type=text/plain>x</script/ ><img src=x onerror={PWN}>", "event-handler"),
    "noscript-attribute": (f'<noscript><p title="</noscript><img src=x onerror={PWN}>"></p></noscript>', "event-handler"),
    "noscript-refresh": ('<noscript><meta http-equiv=refresh content="0;url=https://example.org/"></noscript>',
                         "meta-refresh"),
    "template": (f"<template><img src=x onerror={PWN}></template>", "event-handler"),
    "cdata-outside-svg": (f"<div><![CDATA[<]]><img src=x onerror={PWN}>]]></div>", "event-handler"),
    "cdata-svg-escape": (f"<svg><![CDATA[x]]><a href='javascript:{PWN}'><text>x</text></a></svg>", "script-url"),
    "textarea-end": (f"<textarea></TEXTAREA ><img src=x onerror={PWN}></textarea>", "event-handler"),
    "title-end": (f"<title>t</title\t><img src=x onerror={PWN}>", "event-handler"),
    "bogus-pi": (f"<?xml x?><img src=x onerror={PWN}>", "event-handler"),
    # Upper case, whitespace, entities.
    "upper-handler": (f"<IMG SRC=x\nONERROR\t=\n{PWN}>", "event-handler"),
    "slash-handler": (f'<img/src="x"/onerror={PWN}>', "event-handler"),
    "named-entity-colon": (f'<a href="javascript&colon;{PWN}">x</a>', "script-url"),
    "entity-no-semicolon": (f'<a href="&#106avascript:{PWN}">x</a>', "script-url"),
    "tab-newline-scheme": (f'<a href="j&Tab;ava&NewLine;script:{PWN}">x</a>', "script-url"),
    "leading-control": (f'<a href="\x01 javascript:{PWN}">x</a>', "script-url"),
    "form-action": (f'<form action="JAVASCRIPT:{PWN}"><button>b</button></form>', "script-url"),
    "formaction": (f'<button formaction="javascript:{PWN}">b</button>', "script-url"),
    "svg-xlink": (f'<svg><a xlink:href="javascript:{PWN}"><text>x</text></a></svg>', "script-url"),
    "math-href": (f'<math><mi href="javascript:{PWN}">x</mi></math>', "script-url"),
    "srcset-data": ('<img srcset="data:image/svg+xml,x 1x">', "script-url"),
    "iframe-data": ('<iframe src="data:text/html,<script>parent.x=1</script>"></iframe>', "script-url"),
    # Navigation and document-wide changes.
    "meta-refresh-case": ('<META HTTP-EQUIV="REFRESH" CONTENT="0; URL=https://example.org/">', "meta-refresh"),
    "base-href": ('<base href="https://example.org/">', "element"),
    "iframe-srcdoc": (f'<iframe srcdoc="&lt;script&gt;{PWN}&lt;/script&gt;"></iframe>', "element"),
    "object": ('<object data="x.html"></object>', "element"),
    "embed": ('<embed src="x.svg">', "element"),
    "svg-animate-href": (f'<svg><a><animate attributeName="href" values="javascript:{PWN}"/><text>x</text></a></svg>',
                         "element"),
    "svg-set-handler": (f'<svg><set attributeName="onmouseover" to="{PWN}"/></svg>', "element"),
    # Scripts: only files of this site.
    "inline-script": (f"<script>{PWN}</script>", "inline-script"),
    "importmap": ('<script type="importmap">{"imports": {}}</script>', "inline-script"),
    "script-other-host": ('<script src="https://example.org/x.js"></script>', "script-src"),
    "script-protocol-relative": ('<script src="\\\\example.org/x.js"></script>', "script-src"),
    "script-missing": ('<script src="assets/khong-co.js"></script>', "script-src"),
    "script-not-js": ('<script src="assets/site.css"></script>', "script-src"),
    "svg-script-href": (f'<svg><script href="data:,{PWN}"></script></svg>', "script-src"),
    # Styles from another host (CSS escapes decoded).
    "style-import": ("<style>@import 'https://example.org/x.css';</style>", "style-url"),
    "style-attribute": ('<p style="background:url(\\68ttps://example.org/x.png)">x</p>', "style-url"),
    "style-protocol-relative": ("<style>p{background:url( //example.org/x.png )}</style>", "style-url"),
}


def _site(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.js").write_text("", encoding="utf-8")
    (tmp_path / "assets" / "site.css").write_text("", encoding="utf-8")
    return tmp_path


def _csp_page(body: str, name: str = "index.html") -> str:
    from generator.publish.csp import header_value

    policy = header_value(name, meta=True)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta http-equiv="Content-Security-Policy" content="{policy}">'
            f'<meta charset="utf-8"><title>t</title></head><body>{body}</body></html>')


@pytest.mark.parametrize("name", list(GATE_PAYLOADS))
def test_the_gate_finds_each_payload_the_way_a_browser_parses_it(tmp_path: Path, name: str) -> None:
    payload, kind = GATE_PAYLOADS[name]
    site = _site(tmp_path)
    (site / "index.html").write_text(_csp_page(f"<p>Đoạn văn.</p>{payload}"), encoding="utf-8")
    findings = verify_site(site)
    assert kind in {finding.kind for finding in findings}, (payload, findings)
    assert all(finding.file == "index.html" for finding in findings)


def test_the_gate_accepts_a_clean_page_and_names_the_line(tmp_path: Path) -> None:
    site = _site(tmp_path)
    clean = ('<script src="assets/site.js"></script><script id="__config" type="application/json">{"a": 1}</script>'
             '<a href="https://example.org/">x</a><a href="../x/">y</a><img src="assets/a.png" alt="">'
             '<svg viewBox="0 0 1 1"><circle r="1"/></svg><base target="_top">'
             "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre><p>java" "script: là chữ</p>")
    (site / "index.html").write_text(_csp_page(clean), encoding="utf-8")
    assert verify_site(site) == []
    (site / "index.html").write_text(_csp_page("<p>x</p>\n\n<p onclick=x>y</p>"), encoding="utf-8")
    (finding,) = verify_site(site)
    assert str(finding) == "trang index.html có thuộc tính sự kiện onclick=“x” trên <p> (dòng 3)"


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html><html><head><title>t</title></head><body>x</body></html>",  # no policy
    "<!DOCTYPE html><html><body>x</body></html>",  # no head
    # the policy after another element, in the body, or weakened
    "<!DOCTYPE html><html><head><title>t</title><meta http-equiv=Content-Security-Policy content=\"{p}\"></head></html>",
    "<!DOCTYPE html><html><head></head><body><meta http-equiv=Content-Security-Policy content=\"{p}\"></body></html>",
    "<!DOCTYPE html><html><head><meta http-equiv=Content-Security-Policy content=\"script-src *\"></head></html>",
    "<!DOCTYPE html><html><!-- <head> --><head><!-- --><p>x<meta http-equiv=Content-Security-Policy content=\"{p}\">",
])
def test_every_page_must_carry_the_policy_first_in_its_head(tmp_path: Path, page: str) -> None:
    from generator.publish.csp import header_value

    (tmp_path / "a.html").write_text(page.replace("{p}", header_value("a.html", meta=True)), encoding="utf-8")
    assert [f.kind for f in verify_site(tmp_path)] == ["no-csp"]


XML_FILES = {
    "stylesheet.xml": '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?><rss/>',
    "pi.xml": '<?xml version="1.0"?><rss><?php echo 1; ?></rss>',
    "xhtml.xml": f'<rss><x:script xmlns:x="http://www.w3.org/1999/xhtml">{PWN}</x:script></rss>',
    "xhtml-default.rss": '<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>',
    "svg.atom": '<feed xmlns="http://www.w3.org/2005/Atom"><svg xmlns="http://www.w3.org/2000/svg"/></feed>',
    "xslt.xml": '<x:stylesheet xmlns:x="http://www.w3.org/1999/XSL/Transform" version="1.0"/>',
    "entity.xml": '<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>',
    "xlink.xml": f'<r xmlns:xl="http://www.w3.org/1999/xlink"><a xl:href="javascript:{PWN}"/></r>',
    "handler.xml": f'<r onload="{PWN}"/>',
    "nul.xml": "<r>\x00</r>",
}
REFUSED_TYPES = ["a.xhtml", "b.xht", "c.shtml", "d.php", "e.xsl", "f.HTM.php", "g.svgz", "h.mhtml", ".htaccess"]


def test_xml_is_read_strictly_and_page_types_are_refused(tmp_path: Path) -> None:
    for name, text in XML_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in REFUSED_TYPES:
        (tmp_path / name).write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                                       "<description>&lt;script&gt;x&lt;/script&gt;</description></channel></rss>",
                                       encoding="utf-8")
    findings = verify_site(tmp_path)
    assert {f.file for f in findings if f.kind == "xml"} == set(XML_FILES)
    assert {f.file for f in findings if f.kind == "file-type"} == set(REFUSED_TYPES)
    assert "feed.xml" not in {f.file for f in findings}, "escaped text in a feed is text"
    assert all(str(f).startswith("tệp ") for f in findings)


UNSAFE_SVGS = {
    "animate.svg": ('<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" '
                    f'values="javascript:{PWN}"/><text>x</text></a></svg>'),
    "style.svg": '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://example.org/x.css";</style></svg>',
    "pi.svg": '<?xml-stylesheet href="x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "cdata.svg": f'<svg xmlns="http://www.w3.org/2000/svg"><script><![CDATA[{PWN}]]></script></svg>',
    "base.svg": '<svg xmlns="http://www.w3.org/2000/svg"><base xmlns="http://www.w3.org/1999/xhtml" href="//x/"/></svg>',
}


def test_unsafe_svg_variants(tmp_path: Path) -> None:
    for name, text in UNSAFE_SVGS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert {f.file for f in verify_site(tmp_path) if f.kind == "svg"} == set(UNSAFE_SVGS)


# --------------------------------------------------------------------------
# 1–3. docs/ files, file names, front matter (fast)
# --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["evil.html", "a.htm", "b.xhtml", "c.shtml", "d.xml", "e.svg", "f.js", "g.mjs",
                                  "h.json", "i.wasm", "README", "k.HTML", "assets/javascripts/inline.0123456789ab.js"])
def test_docs_refuses_every_other_type(path: str) -> None:
    problem = docsfiles.file_problem(f"docs/{path}", path, allowed=["assets/site.js"])
    assert problem is not None and problem.file == f"docs/{path}"
    assert "docs_allow" in problem.message_vi and "không được đăng" in problem.message_vi


def test_docs_accepts_markdown_css_images_and_what_a_maintainer_lists() -> None:
    for path in ["trang.md", "assets/site.css", "anh/a.jpg", "anh/b.PNG", "c.webp", "d.gif", "assets/site.js"]:
        assert docsfiles.file_problem(f"docs/{path}", path, allowed=["assets/site.js"]) is None, path


@pytest.mark.parametrize(("path", "suggested"), [
    ("Trang Mới.md", "trang-moi.md"),
    ('x"><meta http-equiv=refresh>.md', "x-meta-http-equiv-refresh.md"),
    ("Ảnh/Hội nghị.JPG", "anh/hoi-nghi.jpg"),
    ("đường dẫn/tệp.md", "duong-dan/tep.md"),
])
def test_docs_names_are_slugs_and_the_message_gives_the_name(path: str, suggested: str) -> None:
    problem = docsfiles.name_problem(f"docs/{path}", path)
    assert problem is not None and f"“{suggested}”" in problem.message_vi
    assert docsfiles.name_problem(f"docs/{suggested}", suggested) is None


@pytest.mark.parametrize(("text", "keys"), [
    ("---\ntitle: T\ntemplate: quan-tri.html\ncms_script: https://example.org/x.js\n---\n# T\n",
     {"template": 3, "cms_script": 4}),
    ("Title: T\nTemplate: quan-tri.html\nCms_script: //example.org/x.js\n\n# T\n",  # MultiMarkdown-style meta
     {"template": 2, "cms_script": 3}),
    ("---\nextra_javascript: [https://example.org/x.js]\nextra_css: [x.css]\nhide: [navigation, onload]\n---\n",
     {"extra_javascript": 2, "extra_css": 3, "hide": 4}),
    ("---\ntemplate: tim-kiem.html\nsearch: {exclude: true, boost: '<x>'}\n---\n", {"template": 2, "search": 3}),
])
def test_docs_front_matter_takes_a_fixed_set_of_keys(text: str, keys: dict[str, int]) -> None:
    from mkdocs.utils.meta import get_data

    problems = docsfiles.front_matter_problems("docs/trang.md", "trang.md", text, get_data(text)[1],
                                               {"tim-kiem.md": "tim-kiem.html"})
    assert {p.field: p.line for p in problems} == keys


def test_the_search_page_keeps_the_template_its_maintainer_gave_it() -> None:
    from mkdocs.utils.meta import get_data

    text = "---\ntemplate: tim-kiem.html\ntitle: Tìm kiếm\nhide: [navigation, toc]\n---\n"
    assert docsfiles.front_matter_problems("docs/tim-kiem.md", "tim-kiem.md", text, get_data(text)[1],
                                           {"tim-kiem.md": "tim-kiem.html"}) == []


@pytest.mark.parametrize(("name", "suggested"), [
    ('2025-03-01-x"><meta http-equiv=refresh content=0;url=//example.org>.md',
     "2025-03-01-x-meta-http-equiv-refresh-content-0-url-example-org.md"),
    ("2025-03-01-Hội Nghị.md", "2025-03-01-hoi-nghi.md"),
    ("Bài mới.md", "NNNN-TT-NN-bai-moi.md"),
    ("2025-03-01_bai.md", "2025-03-01-bai.md"),
])
def test_post_file_names_are_a_date_and_a_slug(name: str, suggested: str) -> None:
    problem = post_name_problem(name, f"content/tin-tuc/{name}")
    assert problem is not None and f"“{suggested}”" in problem.message_vi
    assert post_name_problem("2025-03-01-hoi-nghi.md", "x") is None


def test_hostile_post_result_and_photo_names_are_refused_by_the_loader(fixture_copy: Path) -> None:
    posts = fixture_copy / "tin-tuc"
    posts.mkdir(exist_ok=True)  # the fixture has posts
    hostile = '2025-03-01-x"><meta http-equiv=refresh content=0;url=https:example.org>.md'  # no "/" in a name
    (posts / hostile).write_text("---\ntitle: T\n---\nx\n", encoding="utf-8")
    (posts / "2025-03-02-anh.md").write_text(
        "---\ntitle: Ảnh\ndate: 2025-03-02\nauthor: Văn phòng\ncategory: hoat-dong\nsummary: Tóm tắt.\n"
        "image:\n  src: IMG 2025 Hội nghị.JPG\n  alt: Ảnh\n---\nNội dung.\n", encoding="utf-8")
    record = next((fixture_copy / "to-chuc-co-so").glob("*.yml"))
    shutil.copy(record, fixture_copy / "to-chuc-co-so" / "Chi Bộ Thôn Mới.yml")
    problems = {"/".join(p.file.split("/")[-2:]): p for p in problems_for(fixture_copy)}
    assert "“2025-03-01-x-meta-http-equiv-refresh-content-0-url-https-example-org.md”" in \
        problems[f"tin-tuc/{hostile}"].message_vi
    assert "“chi-bo-thon-moi.yml”" in problems["to-chuc-co-so/Chi Bộ Thôn Mới.yml"].message_vi
    photo = problems["tin-tuc/2025-03-02-anh.md"]
    assert photo.line == 8 and "“img-2025-hoi-nghi.jpg”" in photo.message_vi, photo


# --------------------------------------------------------------------------
# Builds on a copy of the fixture commune
# --------------------------------------------------------------------------


def fixture_project(target: Path) -> Path:
    """A project copy whose content is the fixture commune xa-mau (as every ``copy_project`` now is)."""
    return copy_project(target)


def old_site(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text("bản cũ", encoding="utf-8")
    return path


PLANTED_DOCS = {
    "docs/evil.html": f"<html><body><script>{PWN}</script></body></html>",
    "docs/khong-head.xhtml": f'<html xmlns="http://www.w3.org/1999/xhtml"><script>{PWN}</script></html>',
    "docs/ssi.shtml": '<!--#include virtual="/etc/passwd" -->',
    "docs/feed2.xml": '<?xml-stylesheet href="x.xsl"?><rss/>',
    "docs/icon.svg": '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>',
    "docs/assets/x.js": PWN,
    "docs/assets/javascripts/inline.0123456789ab.js": PWN,
    "docs/data.json": "{}",
    "docs/README": "x",
    "docs/overrides/assets/theme.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',  # the theme folder is docs/ too
    "overrides/nen.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',  # the site's own theme folder is checked as docs/
    "docs/Trang Mới.md": "# Trang mới\n",
    "docs/mau.md": "---\ntitle: Mẫu\ntemplate: quan-tri.html\ncms_script: https://example.org/x.js\n---\n# x\n",
    "docs/mmd.md": "Title: x\nTemplate: quan-tri.html\nCms_script: //example.org/x.js\n\n# x\n",
}


def test_planted_docs_files_fail_the_build_naming_each_file(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    for name, text in PLANTED_DOCS.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    site = old_site(project / "site")
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode != 0
    for name in PLANTED_DOCS:
        assert name in result.stderr, (name, result.stderr)
    assert "“trang-moi.md”" in result.stderr
    assert "docs/mau.md:3" in result.stderr and "docs/mau.md:4" in result.stderr
    assert "docs/mmd.md:2" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"


def test_a_hostile_post_file_name_fails_the_build(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    (project / "content/tin-tuc").mkdir(exist_ok=True)  # the fixture has posts
    name = '2025-03-01-x" onmouseover="x.md'
    (project / "content/tin-tuc" / name).write_text("---\ntitle: T\n---\nx\n", encoding="utf-8")
    site = old_site(project / "site")
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode != 0 and f"content/tin-tuc/{name}" in result.stderr
    assert "“2025-03-01-x-onmouseover-x.md”" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"


MARK = "data-pwn"
HOSTILE_TITLE = f'Trang "thử" <i {MARK}=1>in nghiêng</i> & {{{{ 7*7 }}}}'
HOSTILE_DESCRIPTION = f'Mô tả "><meta http-equiv="refresh" content="0;url=https://example.org/"><i {MARK}=2>'
HOSTILE_BRANCH = f'main" {MARK}="3" onmouseover="{PWN}" x=\'y'
"""Markup is refused in settings (``models.Text``); quotes are not: a way out of the edit link's ``href``."""


def known_script_name() -> str:
    """The generated file name of Material's one inline script the site has (partials/javascripts/content.html)."""
    import material

    text = (Path(material.__file__).parent / "templates/partials/javascripts/content.html").read_text(encoding="utf-8")
    script = re.findall(r"^<script>(.*)</script>$", text, re.M)[-1]
    return f"assets/javascripts/inline.{hashlib.sha256(script.encode()).hexdigest()[:12]}.js", script


def build_hostile(folder: Path) -> Path:
    """The fixture commune with every hostile value that is accepted by design, built; the site folder.

    A docs/ page with markup and quotes in its title and description, an edit branch made to break out of
    ``href``, a phone photo with its GPS position under docs/assets/, and (a maintainer's mistake) a file
    planted under the generated name of the theme's script and listed in ``docs_allow``.
    """
    project = fixture_project(folder / "project")
    (project / "docs/thu.md").write_text(
        f"---\ntitle: '{HOSTILE_TITLE}'\ndescription: '{HOSTILE_DESCRIPTION}'\n---\n\n# Trang thử\n\nNội dung.\n\n"
        "![Ảnh](assets/anh/hoi-nghi.jpg)\n", encoding="utf-8")
    (project / "docs/assets/anh").mkdir(parents=True)
    phone_photo(project / "docs/assets/anh/hoi-nghi.jpg", size=(800, 600))
    name, _ = known_script_name()
    (project / "docs" / name).parent.mkdir(parents=True)
    (project / "docs" / name).write_text(PWN, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    branch = "      edit_branch: '" + HOSTILE_BRANCH.replace("'", "''") + "'\n"
    text = re.sub(r"(?m)^      edit_branch:.*\n", "", text)
    config.write_text(text.replace("      docs_allow: []\n", f"{branch}      docs_allow:\n        - {name}\n"), encoding="utf-8")
    site = project / "site"
    result = build_site(site, config=config, env={"REPO_URL": "https://github.com/example/nq57"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile(tmp_path_factory.mktemp("hostile"))


def test_hostile_values_stay_text_in_every_page(hostile_site: Path) -> None:
    """html5lib reads every page: no element or attribute came from a value, the values read back whole."""
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        root = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        for element in root.iter():
            assert MARK not in element.attrib, (page, element.tag, element.attrib)
            if element.tag == "meta":
                assert element.get("http-equiv", "").lower() != "refresh", page
    root = html5lib.parse((hostile_site / "thu/index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False)
    assert root.find(".//title").text.startswith(HOSTILE_TITLE)
    assert root.find(".//meta[@name='description']").get("content") == HOSTILE_DESCRIPTION
    edit = [a.get("href") for a in root.iter("a") if "/edit/" in (a.get("href") or "")]
    assert edit and all(href.startswith("https://github.com/example/nq57/edit/main%22%20data-pwn") for href in edit), edit
    assert edit[0].endswith("/docs/thu.md")


def test_the_whole_hostile_site_passes_the_gate(hostile_site: Path) -> None:
    assert verify_site(hostile_site) == []


def test_a_docs_photo_is_published_without_its_position(hostile_site: Path) -> None:
    data = (hostile_site / "assets/anh/hoi-nghi.jpg").read_bytes()
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (800, 600)
    assert len(image.getexif()) == 0 and image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert b"PhoneMaker" not in data and b"Exif" not in data[:4096]


def test_a_file_planted_under_a_generated_script_name_is_replaced(hostile_site: Path) -> None:
    name, script = known_script_name()
    assert (hostile_site / name).read_text(encoding="utf-8") == script
