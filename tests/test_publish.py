"""Publishing steps on a built folder: inline scripts become files, every page carries the CSP."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from generator.publish.csp import POLICY, add_csp_meta, format_policy, header_value, policy
from generator.publish.scripts import UnknownScriptError, externalise_inline_scripts, known_scripts

CONFIG = '<script id="__config" type="application/json">{"base": "."}</script>'
LD = '<script type="application/ld+json">{"@type": "WebSite"}</script>'
FIRST = 'window.order=["first"]'
SECOND = 'window.order.push("second")'
MODULE = 'import x from "./x.js"; x()'


def _digest(script: str) -> str:
    return hashlib.sha256(script.encode()).hexdigest()


KNOWN = {_digest(FIRST), _digest(SECOND), _digest(MODULE)}
"""The scripts of these hand-made pages play the theme's: known by their digest."""


def _page(body: str, head: str = "") -> str:
    return f'<!doctype html>\n<html><head>\n<meta charset="utf-8">{head}</head><body>{body}</body></html>\n'


def _name(script: str) -> str:
    return f"assets/javascripts/inline.{hashlib.sha256(script.encode()).hexdigest()[:12]}.js"


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets" / "site.js").write_text("", encoding="utf-8")
    body = (
        f'{CONFIG}<script>{FIRST}</script><script src="assets/site.js"></script>'
        f'<script defer>{SECOND}</script>{LD}<script type="module" async>{MODULE}</script>'
        '<!-- <script>commented()</script> --><script>  </script>'
    )
    (site / "index.html").write_text(_page(body), encoding="utf-8")
    (site / "a" / "b" / "index.html").write_text(
        _page(f'<script src="../../assets/site.js"></script><script>{FIRST}</script>'), encoding="utf-8"
    )
    # Served at any depth, so it addresses everything from the root, under a sub-path here.
    (site / "404.html").write_text(
        _page(f'<script src="/portal/assets/site.js"></script><script>{SECOND}</script>'), encoding="utf-8"
    )
    return site


def test_inline_scripts_become_files_in_the_same_order(tmp_path: Path) -> None:
    site = _site(tmp_path)
    written = externalise_inline_scripts(site, KNOWN)
    assert written == sorted({_name(FIRST), _name(SECOND), _name(MODULE)})
    for script in (FIRST, SECOND, MODULE):
        assert (site / _name(script)).read_text(encoding="utf-8") == script
    home = (site / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", re.sub(r"<!--.*?-->", "", home))
    assert scripts == [
        '<script id="__config" type="application/json">',
        f'<script src="{_name(FIRST)}">',
        '<script src="assets/site.js">',
        f'<script src="{_name(SECOND)}">',  # defer dropped: it meant nothing on the inline script
        '<script type="application/ld+json">',
        f'<script src="{_name(MODULE)}" type="module" async>',
    ]
    assert CONFIG in home and LD in home, "data blocks are not scripts"
    assert "<!-- <script>commented()</script> -->" in home
    assert "<script>  </script>" not in home


def test_identical_scripts_share_one_file_with_a_path_from_each_page(tmp_path: Path) -> None:
    site = _site(tmp_path)
    externalise_inline_scripts(site, KNOWN)
    deep = (site / "a" / "b" / "index.html").read_text(encoding="utf-8")
    assert f'<script src="../../{_name(FIRST)}"></script>' in deep
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert f'<script src="/portal/{_name(SECOND)}"></script>' in missing
    assert len(list((site / "assets" / "javascripts").glob("inline.*.js"))) == 3


def test_a_second_run_changes_nothing(tmp_path: Path) -> None:
    site = _site(tmp_path)
    externalise_inline_scripts(site, KNOWN)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert externalise_inline_scripts(site, KNOWN) == []
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_policy_formats_as_one_header_value() -> None:
    directives = {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}
    assert format_policy(directives) == "default-src 'self'; img-src 'self' data:"
    assert header_value("muc-tieu-2030/") == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'self'"
    )
    assert "'unsafe-inline'" not in header_value("")


def test_search_page_and_its_worker_may_compile_webassembly_and_nothing_else_may() -> None:
    search = "script-src 'self' 'wasm-unsafe-eval';"
    for path in ("tim-kiem/", "/tim-kiem/", "tim-kiem/index.html", "/tim-kiem/?q=dang", "pagefind/pagefind-worker.js"):
        assert search in header_value(path), path
    for path in ("", "/", "muc-tieu-2030/", "tin-tuc/tim-kiem/", "assets/site.js"):
        assert "wasm" not in header_value(path), path
    assert policy(search=True)["style-src"] == POLICY["style-src"]
    assert POLICY["script-src"] == ("'self'",), "the search extra must not leak into the base policy"


def test_meta_policy_is_first_in_head_without_frame_ancestors(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "tim-kiem").mkdir()
    (site / "tim-kiem" / "index.html").write_text(_page("<p>Tìm</p>"), encoding="utf-8")
    add_csp_meta(site)
    once = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    add_csp_meta(site)
    assert {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")} == once, "not idempotent"
    for path, text in once.items():
        head = text[text.index("<head>") + len("<head>"):].lstrip()
        meta = re.match(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert meta, path
        assert text.count("Content-Security-Policy") == 1
        assert "frame-ancestors" not in meta.group(1)
        assert meta.group(1).startswith("default-src 'self'; script-src 'self'")
        assert ("wasm-unsafe-eval" in meta.group(1)) == (path.parent.name == "tim-kiem"), path


def test_an_unknown_inline_script_stops_publishing_naming_the_page(tmp_path: Path) -> None:
    site = _site(tmp_path)
    planted = 'fetch("/").then(()=>window.__pwned=1)'
    (site / "a" / "moi.html").write_text(_page(f"<SCRIPT>{planted}</SCRIPT>"), encoding="utf-8")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    with pytest.raises(UnknownScriptError) as caught:
        externalise_inline_scripts(site, KNOWN)
    assert "a/moi.html" in str(caught.value) and "LỖI" in str(caught.value)
    assert "index.html" not in str(caught.value), "known scripts are not reported"
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before, "nothing changed before refusing"


def test_a_file_planted_under_a_generated_name_is_overwritten(tmp_path: Path) -> None:
    site = _site(tmp_path)
    planted = site / _name(FIRST)
    planted.parent.mkdir(parents=True)
    planted.write_text("window.__pwned=1", encoding="utf-8")
    externalise_inline_scripts(site, KNOWN)
    assert planted.read_text(encoding="utf-8") == FIRST


def test_known_scripts_are_the_fixed_inline_scripts_of_the_installed_theme() -> None:
    """Recomputed here from Material's template, independently of the module's reading of it."""
    import material

    template = Path(material.__file__).parent / "templates/partials/javascripts/content.html"
    fixed = re.findall(r"^<script>(.*)</script>$", template.read_text(encoding="utf-8"), re.M)
    assert fixed and all("{{" not in script for script in fixed)
    assert all(script in known_scripts() for script in fixed)
    assert {_digest(script) for script in fixed} <= known_scripts().digests
    outdated = (template.parent / "outdated.html").read_text(encoding="utf-8")
    with_value = re.search(r"<script>(.*)</script>", outdated)[1]
    assert "{{ base_url }}" in with_value
    assert with_value.replace("{{ base_url }}", "../..") in known_scripts(), "the page's address, relative"
    for value in ('"+alert(1)+"', "javascript:x", "..\\x", "../</script>"):
        assert with_value.replace("{{ base_url }}", value) not in known_scripts(), value
    redirect = re.search(r"<script>(.*)</script>", (template.parent.parent.parent / "redirect.html").read_text())[1]
    assert redirect.replace("{{ page.meta.location }}", "x") not in known_scripts(), "another value: unknown"
    assert FIRST not in known_scripts()


def test_a_page_without_head_gets_the_policy_in_a_head(tmp_path: Path) -> None:
    import html5lib

    (tmp_path / "a.html").write_text("<!DOCTYPE html><html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>no html, no head</p>", encoding="utf-8")
    (tmp_path / "c.html").write_text("<!-- <head> --><p>head only in a comment</p>", encoding="utf-8")
    add_csp_meta(tmp_path)
    add_csp_meta(tmp_path)  # twice: still one policy
    for name in ("a.html", "b.html", "c.html"):
        root = html5lib.parse((tmp_path / name).read_text(encoding="utf-8"), namespaceHTMLElements=False)
        head = root.find("head")
        assert head[0].tag == "meta" and head[0].get("http-equiv") == "Content-Security-Policy", name
        assert head[0].get("content") == header_value(name, meta=True)
        assert len(root.findall(".//meta")) == 1, name
