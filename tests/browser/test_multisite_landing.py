"""The province's landing page on a phone (360×640): every organisation, the failed one marked, the filter.

The landing page is written by ``generator.multisite.landing`` from the sites of tests/multisite_repo.py; the sites
themselves are stand-ins (an index page each), since this test is about the page that lists them (the real
``build-all`` is tests/test_multisite.py). Served under a sub-path, as a province's portal would.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.multisite import landing
from generator.multisite.sites import discover

from ..multisite_repo import BROKEN, SITES, make_repo
from .conftest import QuietHandler, serve

ROOT_URL = "https://tinh.example.net/nghi-quyet/"


@pytest.fixture(scope="module")
def landing_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("landing")
    repo = make_repo(folder / "repo")
    deploy = folder / "www" / "nghi-quyet"
    for site_id in SITES:
        (deploy / site_id).mkdir(parents=True)
        (deploy / site_id / "index.html").write_text("<!doctype html><title>trang</title>", encoding="utf-8")
    landing.write_deploy(repo, deploy, ROOT_URL, discover(repo), {BROKEN: {"status": "failed"}}, today="2025-11-28")
    with serve(functools.partial(QuietHandler, directory=str(folder / "www")), "/nghi-quyet/") as url:
        yield url


def visible(phone) -> list[str]:
    return phone.eval_on_selector_all(".nq-org:not([hidden]) .nq-org__name", "nodes => nodes.map(n => n.textContent)")


def test_the_landing_page_lists_and_filters_organisations_without_tone_marks(phone, landing_url: str, tmp_path: Path) -> None:
    problems: list[str] = []
    phone.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    phone.on("pageerror", lambda error: problems.append(str(error)))
    phone.goto(landing_url)
    names = sorted([*SITES.values(), "Đảng ủy xã Hỏng"])
    assert sorted(visible(phone)) == names
    assert phone.locator(".tc-site--error").count() == 1
    assert "Lỗi" in phone.text_content(f"#{BROKEN}")
    box = phone.get_by_label("Tìm tổ chức", exact=False)
    box.fill("dong tien")
    assert visible(phone) == [SITES["xa-b"]]
    assert "1/3" in phone.text_content(".nq-filter__status")
    box.fill("MINH HOA")
    assert visible(phone) == [SITES["xa-a"]]
    box.fill("")
    assert len(visible(phone)) == 3
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling on a phone
    phone.screenshot(path=str(tmp_path / "trang-chu.png"), full_page=True)
    assert problems == []  # no CSP violation, no script error
    editor = phone.locator("#xa-b .tc-site__edit a")
    assert editor.get_attribute("href") == "xa-b/bien-tap/quan-tri/"  # each organisation's own editor
    phone.get_by_role("link", name=SITES["xa-a"]).click()
    assert phone.url == landing_url + "xa-a/"


def test_the_landing_page_reads_without_javascript(browser, landing_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(landing_url)
    assert page.locator(".nq-org").count() == 3
    assert page.locator(".nq-filter").count() == 0  # the box is made by the script only
    page.goto(landing_url + "tong-hop/")
    assert "Tổng hợp kết quả thực hiện" in page.text_content("h1")
    context.close()
