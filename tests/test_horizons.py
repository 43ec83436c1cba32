"""Any number of target horizons: one file per year in ``muc-tieu/``, one page each, every consumer iterating them.

The fixture has two (2030; 2045 with ``kind: vision`` and its version-1 address); a copy with a third file
(2050) shows three pages in the menu, on the home page and in the full text, and the step that moved the
version-1 files produces the fixture's shape on its own, once.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import registry
from generator.content import load_content
from generator.content.errors import ContentError
from generator.content.migrations import SETTINGS_FILE, migrate
from generator.content.migrations.horizons import move_horizons
from generator.render.pages import nav, render_pages, site_view

from .conftest import FIXTURE, replace_once, settings

TODAY = date(2026, 11, 28)
V1 = Path(__file__).parent / "fixtures" / "v1" / "xa-mau"
"""The fixture's two target files exactly as version 1 had them."""

THIRD = """\
# Dữ liệu mẫu cho kiểm thử: một năm mục tiêu thứ ba
subheading: "(3) Đến năm 2050:"
year: 2050
paragraphs:
  - text: >-
      Tỉ lệ hồ sơ thủ tục hành chính của xã được xử lý trực tuyến đạt 100%; xã có tối thiểu 10 mô hình nông nghiệp số.
    indicators:
      - id: ho-so-truc-tuyen-2050
        title: Hồ sơ xử lý trực tuyến
        measure: Tỉ lệ hồ sơ thủ tục hành chính của xã được xử lý trực tuyến
        comparator: reach
        value: 100
        unit: "%"
        quote: Tỉ lệ hồ sơ thủ tục hành chính của xã được xử lý trực tuyến đạt 100%
        headline: true
      - id: mo-hinh-nong-nghiep-so-2050
        title: Mô hình nông nghiệp số
        measure: Số mô hình nông nghiệp số của xã
        comparator: at_least
        value: 10
        unit: mô hình
        quote: xã có tối thiểu 10 mô hình nông nghiệp số
        headline: true
"""


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture's content with a third horizon, ``muc-tieu/2050.yml`` (no ``address``, no ``title``)."""
    content = Path(shutil.copytree(FIXTURE / "content", tmp_path_factory.mktemp("three") / "content"))
    (content / "muc-tieu" / "2050.yml").write_text(THIRD, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def three_pages(three: Path) -> dict[str, str]:
    return {page.path: page.markdown for page in render_pages(load_content(three), settings(TODAY, three))}


def _expected_pages(content: Path) -> list[str]:
    """Each file's page, read from the files: ``address`` when written, else ``muc-tieu-<year>``."""
    files = sorted((content / "muc-tieu").glob("*.yml"), key=lambda path: _yaml(path)["year"])
    return [f"{_yaml(path).get('address') or 'muc-tieu-' + str(_yaml(path)['year'])}.md" for path in files]


def test_three_horizons_three_pages_in_year_order_all_in_the_menu(three: Path) -> None:
    expected = _expected_pages(three)
    assert expected == ["muc-tieu-2030.md", "muc-tieu-2045.md", "muc-tieu-2050.md"]
    content = load_content(three)
    site = site_view(content, settings(TODAY, three))
    pages = registry.horizons(site.content)
    assert [h.page for h in pages] == expected
    assert [h.title for h in pages] == ["Mục tiêu đến năm 2030", "Tầm nhìn đến năm 2045", "Mục tiêu đến năm 2050"]
    menu = nav(content, settings(TODAY, three))
    first = menu.index(expected[0])
    assert menu[first:first + 3] == expected, "every horizon in the menu, one after another, in year order"


def test_three_horizons_on_the_home_page_and_in_the_full_text(three_pages: dict[str, str]) -> None:
    home = three_pages[registry.HOME]
    for page, title in zip([*_expected_pages(FIXTURE / "content"), "muc-tieu-2050.md"],
                           ["Mục tiêu đến năm 2030", "Tầm nhìn đến năm 2045", "Mục tiêu đến năm 2050"], strict=True):
        assert f"- [{title}]({page})" in home, page  # "Các mục": one entry per horizon
        assert f"# {title}" in three_pages[page], "each horizon has its page"
    first = _yaml(FIXTURE / "content" / "muc-tieu" / "2030.yml")
    paired = next(i for p in first["paragraphs"] for i in p["indicators"] if i.get("headline"))
    card = home[home.index(f'id="{paired["id"]}"'):]
    card = card[:card.index("</article>")]
    assert "Đến năm 2050: <strong>đạt 100%</strong>" in card, "the 2050 figure of the same measure beside the 2030 card"
    assert card.index("Đến năm 2045:") < card.index("Đến năm 2050:"), "later figures in year order"
    assert "## Mục tiêu đến năm 2050" in home, "a 2050 headline with no 2030 counterpart gets its own section"
    full = three_pages[registry.FULL_TEXT]
    subheadings = ["(1) Đến năm 2030:", "(2) *Tầm nhìn đến năm 2045:*", "(3) Đến năm 2050:"]
    positions = [full.index(s) for s in subheadings]
    assert positions == sorted(positions), "the full text reads the horizons in year order"
    assert full.count("1.2. Về mục tiêu") == 1


def test_a_horizon_file_named_for_another_year_is_a_vietnamese_error(tmp_path: Path) -> None:
    content = Path(shutil.copytree(FIXTURE / "content", tmp_path / "content"))
    (content / "muc-tieu" / "2031.yml").write_text(THIRD, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content)
    [problem] = caught.value.problems
    assert problem.file.endswith("muc-tieu/2031.yml") and problem.line == 3
    assert "2050.yml" in problem.message_vi


def test_two_horizons_with_one_address_are_refused(tmp_path: Path) -> None:
    content = Path(shutil.copytree(FIXTURE / "content", tmp_path / "content"))
    address = "tam-nhin"
    replace_once(content / "muc-tieu" / "2045.yml", "year: 2045\n", f"year: 2045\naddress: {address}\n")
    (content / "muc-tieu" / "2050.yml").write_text(THIRD.replace("year: 2050\n", f"year: 2050\naddress: {address}\n"),
                                                   encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content)
    [problem] = caught.value.problems
    assert problem.file.endswith("muc-tieu/2050.yml") and address in problem.message_vi


def _version_1(tmp_path: Path) -> Path:
    """The fixture's content as version 1 had it: the two old target files, no ``schema_version``."""
    content = Path(shutil.copytree(FIXTURE / "content", tmp_path / "content"))
    shutil.rmtree(content / "muc-tieu")
    for old in V1.glob("*.yml"):
        shutil.copy(old, content / old.name)
    settings_file = content / SETTINGS_FILE
    kept = [line for line in settings_file.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith("schema_version:")]
    settings_file.write_text("".join(kept), encoding="utf-8")
    return content


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_migration_moves_the_version_1_files_and_keeps_their_addresses_and_words(tmp_path: Path) -> None:
    content = _version_1(tmp_path)
    changes = migrate(content)
    assert not (content / "muc-tieu-2030.yml").exists() and not (content / "tam-nhin-2045.yml").exists()
    targets, vision = content / "muc-tieu" / "2030.yml", content / "muc-tieu" / "2045.yml"
    assert _yaml(targets) == _yaml(V1 / "muc-tieu-2030.yml"), "2030: same data, its address is the new default"
    assert _yaml(vision) == {**_yaml(V1 / "tam-nhin-2045.yml"), "kind": "vision", "address": "tam-nhin-2045"}
    for old, new in ((V1 / "muc-tieu-2030.yml", targets), (V1 / "tam-nhin-2045.yml", vision)):
        comments = [line for line in old.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        assert all(line in new.read_text(encoding="utf-8").splitlines() for line in comments), "comments kept"
    assert any("tam-nhin-2045.yml" in line and "2045.yml" in line for line in changes)
    assert _tree(content / "muc-tieu") == _tree(V1.parent / "xa-mau-v2" / "muc-tieu"), "the reviewed migration's shape"
    pages = registry.horizons(load_content(content))
    assert [(h.page, h.title) for h in pages] == [("muc-tieu-2030.md", "Mục tiêu đến năm 2030"),
                                                  ("tam-nhin-2045.md", "Tầm nhìn đến năm 2045")]


def test_migrating_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    content = _version_1(tmp_path)
    migrate(content)
    once = _tree(content)
    assert migrate(content) == [] and move_horizons(content) == []
    assert _tree(content) == once


def test_a_content_folder_without_horizons_has_no_target_pages(tmp_path: Path) -> None:
    """A plan that sets no target year (a party cell's): no page, no menu entry, no empty section."""
    content = Path(shutil.copytree(FIXTURE / "content", tmp_path / "content"))
    shutil.rmtree(content / "muc-tieu")
    for name in ("hoi-dap.yml", "lam-ro.yml", "trac-nghiem.yml", "tom-tat.yml", "nguoi-dan.yml", "sinh-hoat-chi-bo.yml"):
        (content / name).unlink(missing_ok=True)  # editorial files that quote the targets
    for post in (content / "tin-tuc").glob("*.md"):
        post.unlink()  # posts may name an indicator in `related`
    loaded = load_content(content)
    assert loaded.horizons == []
    rendered = {page.path: page.markdown for page in render_pages(loaded, settings(TODAY, content))}
    assert not any(path.startswith(("muc-tieu", "tam-nhin", "chi-tieu/")) for path in rendered)
    assert "đến năm 20" not in rendered[registry.HOME].split("## Các mục")[1].split("\n- [Nhiệm vụ")[0]
