"""What the portal gets: widgets (views, weight), JSON with its schema, the IIS web.config, the dist zip,
and a published folder without files no page uses. The servers themselves: tests/browser/test_hosting.py."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from bench.pageweight import html_pages, page_weight
from generator import hosting
from generator.content import load_content
from generator.dist import make_dist
from generator.publish.csp import header_value
from generator.render import api
from generator.render.pages import pages_by_kind, site_view
from generator.settings import build_date

from .conftest import FIXTURE, FIXTURE_CONTENT, fixture_indicators, settings

KB = 1024
WIDGET_BUDGET = 20 * KB
TODAY = date(2025, 6, 1)


def test_every_widget_is_at_most_20_kb_gzip_with_everything_it_loads(built_site: Path) -> None:
    widgets = [p for p in html_pages(built_site) if p.startswith("nhung/")]
    assert len(widgets) == 3 + len(fixture_indicators()), widgets  # targets, milestones, latest news; one per indicator
    for page in widgets:
        weight = page_weight(built_site, page)
        assert not weight.missing, weight
        assert set(weight.by_kind) == {"html", "css", "js"}, weight  # none of Material's CSS or JS
        assert weight.total <= WIDGET_BUDGET, weight


def test_widgets_have_no_site_chrome_and_link_to_the_full_page(built_site: Path) -> None:
    page = (built_site / "nhung" / "chi-tieu" / "index.html").read_text(encoding="utf-8")
    assert "md-header" not in page and "md-footer" not in page and "md-nav" not in page
    assert '<base target="_top">' in page
    assert '<a href="../../muc-tieu-2030/" target="_top">Xem đầy đủ</a>' in page
    indicator = fixture_indicators()[0]["id"]
    one = (built_site / "nhung" / "chi-tieu" / indicator / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../../../muc-tieu-2030/#{indicator}" target="_top">Xem đầy đủ</a>' in one


FIXTURE_PORTAL = "https://minhhoa.example.org"
"""The fixture commune's portal, given as maintainer configuration (mkdocs.yml's ``embed_origins``)."""


def test_widget_views_come_from_the_fixture_content(fixture_content) -> None:
    build = dataclasses.replace(settings(TODAY, FIXTURE / "content"), embed_origins=(FIXTURE_PORTAL,))
    site = site_view(fixture_content, build)
    kinds = pages_by_kind(site)
    raw = yaml.safe_load((FIXTURE / "content" / "muc-tieu/2030.yml").read_text(encoding="utf-8"))
    headline_ids = [i["id"] for p in raw["paragraphs"] for i in p.get("indicators", []) if i.get("headline")]
    [targets] = kinds["widget-targets"]
    assert [c.indicator.id for c in targets.view.cards] == headline_ids
    assert targets.view.full == "muc-tieu-2030/"
    indicator_pages = {page.path for page in kinds["widget-indicator"]}
    all_ids = [i["id"] for p in raw["paragraphs"] for i in p.get("indicators", [])]
    assert {f"nhung/chi-tieu/{i}.md" for i in all_ids} <= indicator_pages
    guide = kinds["widgets-guide"][0].view
    assert guide.embed_origins == [FIXTURE_PORTAL]
    # The fixture has approved posts: the news widget is offered, after the targets and milestones, then each indicator.
    assert list((FIXTURE / "content" / "tin-tuc").glob("*.md")) and len(kinds["widget-news"]) == 1
    assert [w.url for w in guide.widgets][:4] == ["nhung/chi-tieu/", "nhung/moc-thoi-gian/", "nhung/tin-moi/",
                                                  f"nhung/chi-tieu/{all_ids[0]}/"]


def test_admin_page_shows_each_widget_beside_its_code_as_text(built_site: Path) -> None:
    page = (built_site / "bien-tap" / "huong-dan-nhung" / "index.html").read_text(encoding="utf-8")
    widgets = [p for p in html_pages(built_site) if p.startswith("nhung/")]
    assert page.count("<iframe ") == 4  # the three summaries and the first indicator
    assert all(f'="../../{w.removesuffix("index.html")}"' in page for w in widgets), "every widget reachable"
    assert page.count("&lt;iframe src=") == len(widgets)
    assert page.count("&lt;script src=") == len(widgets)
    assert "<script>" not in page  # the embed code is text, never an inline script of ours


def test_api_validates_against_its_published_schema() -> None:
    content_dir = FIXTURE_CONTENT
    content = load_content(content_dir)
    files = dict(api.api_files(content, settings(TODAY, content_dir, "https://example.org/nq57/")))
    assert sorted(files) == sorted([f"api/{n}.json" for n in api.FILES] + [f"api/schema/{n}.json" for n in api.FILES])
    for name in api.FILES:
        data, schema = json.loads(files[f"api/{name}.json"]), json.loads(files[f"api/schema/{name}.json"])
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(data, schema)
        assert data["version"] == 1 and data["updated"] == "2025-06-01"
        assert all(v.startswith("https://example.org/nq57/") for item in data["items"]
                   for k, v in item.items() if k.endswith("url") or k == "widget"), name
    raw = yaml.safe_load((content_dir / "muc-tieu/2030.yml").read_text(encoding="utf-8"))
    targets = json.loads(files["api/targets.json"])["items"]
    ids_2030 = [i["id"] for p in raw["paragraphs"] for i in p.get("indicators", [])]
    assert [t["id"] for t in targets if t["section"] == "targets"] == ids_2030
    broken = dict(json.loads(files["api/targets.json"]), version="1")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(files["api/schema/targets.json"]))


def test_no_api_without_a_site_url(fixture_content) -> None:
    assert api.api_files(fixture_content, settings(TODAY, FIXTURE / "content", None)) == []


def test_published_folder_holds_only_what_pages_use(built_site: Path) -> None:
    assert list(built_site.rglob("*.map")) == []
    assert not (built_site / "assets" / "javascripts" / "workers").exists()
    assert not (built_site / "assets" / "javascripts" / "lunr").exists()
    for path in [*built_site.rglob("*.js"), *built_site.rglob("*.css")]:
        assert b"sourceMappingURL" not in path.read_bytes(), path


def test_fingerprinted_folders_hold_only_fingerprinted_files(built_site: Path) -> None:
    """IIS caches assets/stylesheets and assets/javascripts a year by folder: only hashed names may be there."""
    import re
    pattern = re.compile(hosting.FINGERPRINTED + "$")
    for folder in hosting.FINGERPRINTED_DIRS:
        for path in (built_site / folder).rglob("*"):
            assert pattern.fullmatch(path.relative_to(built_site).as_posix()), path


def test_iis_web_config_carries_the_same_rules() -> None:
    origins = ["https://a.example.gov.vn"]
    rules = hosting.rules("/nq57/", "/var/www/nq57", origins)
    root = ET.fromstring(hosting.render(rules)["web.config"].encode("utf-8"))
    server = root.find("system.webServer")
    headers = {a.get("name"): a.get("value") for a in server.find("httpProtocol/customHeaders").findall("add")}
    assert headers["Content-Security-Policy"] == header_value("")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == hosting.SECURITY_HEADERS["Referrer-Policy"]
    mimes = {m.get("fileExtension"): m.get("mimeType") for m in server.find("staticContent").findall("mimeMap")}
    assert mimes[".wasm"] == "application/wasm"
    assert mimes[".ics"] == "text/calendar; charset=utf-8"
    assert mimes[".webmanifest"].startswith("application/manifest+json")
    assert mimes[".json"].startswith("application/json") and ".pagefind" in mimes
    assert server.find("staticContent/clientCache").get("cacheControlMode") == "DisableCache"
    assert server.find("httpErrors/error").get("path") == "/nq57/404.html"
    locations = {loc.get("path"): loc for loc in root.findall("location")}
    for path, site_path in (("tim-kiem", "tim-kiem/"), ("pagefind", "pagefind/x.js"), ("nhung", "nhung/tin-moi/")):
        added = locations[path].findall("system.webServer/httpProtocol/customHeaders/add")
        assert [a.get("value") for a in added] == [header_value(site_path, embed_origins=origins)], path
    assert "https://a.example.gov.vn" in header_value("nhung/tin-moi/", embed_origins=origins)
    for folder in ("assets/stylesheets", "assets/javascripts", "pagefind"):
        cache = locations[folder].find("system.webServer/staticContent/clientCache")
        assert cache.get("cacheControlMaxAge") == "365.00:00:00", folder


def test_hosting_rules_refuse_a_folder_that_does_not_end_with_the_site_path() -> None:
    with pytest.raises(ValueError):
        hosting.rules("/nq57/", "/var/www/html")
    assert hosting.rules("/nq57/", "/srv/www/nq57").document_root == "/srv/www"
    assert hosting.rules("/", "/srv/site").document_root == "/srv/site"


def test_dist_is_dated_reproducible_and_checksummed(built_site: Path, tmp_path: Path) -> None:
    day = build_date({"SOURCE_DATE_EPOCH": "1764288000"})
    configs = hosting.render(hosting.rules("/", "/var/www/html"))
    first, checksum = make_dist(built_site, tmp_path / "a", day, configs)
    second, _ = make_dist(built_site, tmp_path / "b", day, configs)
    assert first.name == "nghiquyet-site-20251128.zip"
    assert first.read_bytes() == second.read_bytes()
    assert checksum.read_text() == f"{hashlib.sha256(first.read_bytes()).hexdigest()}  {first.name}\n"
    with zipfile.ZipFile(first) as bundle:
        names = bundle.namelist()
        assert "site/index.html" in names and "hosting/web.config" in names
        files = sorted("site/" + p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
        assert [n for n in names if n.startswith("site/")] == files
        assert {info.date_time for info in bundle.infolist()} == {(2025, 11, 28, 12, 0, 0)}
        assert bundle.read("site/index.html") == (built_site / "index.html").read_bytes()


def test_an_embed_origin_with_a_path_is_a_maintainer_error(project_copy: Path) -> None:
    """embed_origins lives in mkdocs.yml (maintainers only): a path after the host is refused, in Vietnamese."""
    import subprocess
    import sys

    from .conftest import replace_once

    replace_once(project_copy / "mkdocs.yml", "        - https://yenbinh.yenbai.gov.vn", "        - https://yenbinh.yenbai.gov.vn/nq57/")
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(project_copy / "content"), "hosting",
                             "--out", str(project_copy / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mkdocs.yml: tùy chọn `embed_origins.0` của plugin nghiquyet không hợp lệ" in result.stderr, result.stderr
    assert "https://yenbinh.yenbai.gov.vn/nq57/" in result.stderr


def test_a_security_setting_left_in_cai_dat_says_where_it_moved(content_copy: Path) -> None:
    from generator.content import ContentError

    path = content_copy / "cai-dat.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "editor_auth_url: https://dang-nhap.example.org\nembed_origins:\n  - https://a.example.org\n",
                    encoding="utf-8")
    lines = len(text.splitlines())
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    problems = {(p.line, p.message_vi.split(":")[0]) for p in error.value.problems}
    assert problems == {(lines + 1, "trường “editor_auth_url” đã chuyển khỏi tệp nội dung"),
                        (lines + 2, "trường “embed_origins” đã chuyển khỏi tệp nội dung")}, problems
    report = error.value.report()
    assert "nay đặt trong mkdocs.yml (tùy chọn `embed_origins` của plugin nghiquyet)" in report
    assert f"cai-dat.yml:{lines + 1}:" in report


