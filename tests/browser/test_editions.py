"""The English edition of the fixture commune in a phone's browser: the switcher works without JavaScript and goes
to the same page, and the pages of both editions pass axe-core (issue 24)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import build_site
from ..test_i18n import bilingual_project
from .conftest import PHONE, QuietHandler, serve
from .test_accessibility import RUN_AXE, axe_source  # noqa: F401 (a fixture)

PAGES = ["", "muc-tieu-2030/", "quan-diem-chi-dao/", "lich-thuc-hien/", "tim-kiem/", "trac-nghiem/", "trinh-chieu/"]
SWITCHED = ["", "muc-tieu-2030/", "quan-diem-chi-dao/", "trac-nghiem/", "trinh-chieu/"]
"""Material's pages and the light ones (nq-light.html: quiz, slides), each with its own header."""


@pytest.fixture(scope="module")
def editions_url(tmp_path_factory) -> Iterator[str]:
    project = bilingual_project(tmp_path_factory.mktemp("editions") / "project")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(functools.partial(QuietHandler, directory=str(site))) as url:
        yield url


def test_switcher_without_javascript_goes_to_the_same_page(browser, editions_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    for path in SWITCHED:
        page.goto(editions_url + path)
        page.locator('.nq-editions a[hreflang="en"]').click()
        assert page.url == editions_url + "en/" + path
        assert page.locator("html").get_attribute("lang") == "en"
        switch = page.locator('.nq-editions a[hreflang="vi"]')
        assert switch.is_visible() and switch.bounding_box()["height"] >= 44
        switch.click()
        assert page.url == editions_url + path
        assert page.locator("html").get_attribute("lang") == "vi"
    context.close()


def test_both_editions_pass_axe(browser, editions_url: str, axe_source: Path) -> None:  # noqa: F811
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  bypass_csp=True)
    page = context.new_page()
    failures = {}
    for path in [*PAGES, *("en/" + p for p in PAGES)]:
        page.goto(editions_url + path)
        page.add_script_tag(path=str(axe_source))
        if violations := page.evaluate(RUN_AXE):
            failures[path or "/"] = violations
    context.close()
    assert not failures, failures
