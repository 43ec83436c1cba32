"""The progress page on a phone, with the fixture register: the accent-free filter finds an organisation.

The district's own register is empty, so this builds a project copy whose content is the
fixture commune's (tests/fixtures/xa-mau/content: 11 organisations).
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
import yaml

from ..conftest import FIXTURE, build_site, copy_project
from .conftest import QuietHandler

PAGE = "ket-qua-thuc-hien/"


@pytest.fixture(scope="module")
def fixture_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("fixture-site")
    project = copy_project(folder / "project")
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURE / "content", project / "content")
    site = folder / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def organisation_names() -> list[str]:
    register = yaml.safe_load((FIXTURE / "content" / "to-chuc-co-so.yml").read_text(encoding="utf-8"))
    return [org["name"] for org in register["organisations"]]


def visible_names(phone) -> list[str]:
    return phone.eval_on_selector_all(".nq-org:not([hidden]) .nq-org__name", "nodes => nodes.map(n => n.textContent)")


def test_typing_a_name_without_tone_marks_finds_the_organisation(phone, fixture_site_url: str) -> None:
    names = organisation_names()
    phone.goto(fixture_site_url + PAGE)
    assert visible_names(phone) == names
    box = phone.get_by_label("Tìm tổ chức", exact=False)
    box.fill("go mit")
    assert visible_names(phone) == [name for name in names if "Gò Mít" in name] == ["Chi bộ thôn Gò Mít"]
    box.fill("dong tam")
    assert visible_names(phone) == ["Chi bộ thôn Đồng Tâm"]
    box.fill("ĐỒNG")
    assert visible_names(phone) == [name for name in names if "Đồng" in name]
    assert "khớp" in phone.text_content(".nq-filter__status")
    box.fill("")
    assert visible_names(phone) == names


def test_without_javascript_every_organisation_is_listed_and_there_is_no_box(browser, fixture_site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_site_url + PAGE)
    assert visible_names(page) == organisation_names()
    assert page.query_selector(".nq-filter") is None
    context.close()


def test_no_sideways_scrolling_at_360(phone, fixture_site_url: str) -> None:
    phone.goto(fixture_site_url + PAGE)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
