"""The fictional commune in tests/fixtures/xa-mau validates and renders: the generator is not tied to one district.

Expected values are read from the fixture's YAML with PyYAML, never from the code under test.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime

import pytest
import yaml

from generator.render.pages import render_pages
from generator.views.deadlines import due_items

from .conftest import FIXTURE, ROOT, settings

CONTENT_DIR = FIXTURE / "content"
TODAY = date(2026, 11, 28)
EXTRA_UNIT = "ban-thuong-vu-dang-uy-xa"
"""Page id of “Ban Thường vụ Đảng ủy xã”, named only in section III (see tests/fixtures/README.md)."""
PRESENTER = "bi-thu-dang-uy-xa"
"""Page id of “Bí thư Đảng ủy xã”, given work only in section III.4."""


def fixture_yaml(name: str) -> dict:
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def as_date(value: object) -> date:
    """YAML dates are either ISO (PyYAML makes a date) or written 30/6/2025."""
    if isinstance(value, date):
        return value
    return datetime.strptime(str(value), "%d/%m/%Y").date()


def yaml_deadlines() -> list[tuple[str, date, dict]]:
    """(unit page id, due date, deadline mapping) for every deadline in sections III.3 and IV."""
    found = []
    for assignment in fixture_yaml("hoc-tap-quan-triet.yml")["parts"][2]["assignments"]:
        if "deadline" in assignment:
            assert assignment["unit"] == "Ban Thường vụ Đảng ủy xã", "README and EXTRA_UNIT describe this unit"
            found.append((EXTRA_UNIT, as_date(assignment["deadline"]["date"]), assignment["deadline"]))
    for unit in fixture_yaml("to-chuc-thuc-hien.yml")["units"]:
        for assignment in unit.get("assignments", []):
            if "deadline" in assignment:
                found.append((unit["id"], as_date(assignment["deadline"]["date"]), assignment["deadline"]))
    return found


@pytest.fixture(scope="module")
def pages(fixture_content) -> dict[str, str]:
    return {page.path: page.markdown for page in render_pages(fixture_content, settings(TODAY, FIXTURE / "content"))}


def article(markdown: str, anchor: str) -> str:
    """The deadline card with HTML id ``anchor`` on a rendered page."""
    match = re.search(rf'<article class="nq-deadline" id="{re.escape(anchor)}".*?</article>', markdown, re.S)
    assert match, f"no deadline card #{anchor}"
    return match.group()


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_fixture_validates_and_lints_clean(command: str) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(CONTENT_DIR), command],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # The one lint warning is the Q&A item the fixture leaves unapproved on purpose (tests/test_approval.py).
    expected = "Nội dung hợp lệ" if command == "validate" else "0 lỗi, 1 cảnh báo"
    assert expected in result.stdout
    if command == "lint":
        assert "chờ duyệt: “nguoi-dan-o-dau”" in result.stdout


def test_every_fixture_file_says_it_is_fictional() -> None:
    files = sorted(CONTENT_DIR.glob("*.yml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# Dữ liệu mẫu cho kiểm thử, không phải văn bản thật", path.name


def test_one_page_per_unit(pages: dict[str, str]) -> None:
    units = fixture_yaml("to-chuc-thuc-hien.yml")["units"]
    named_in_plans = {a["unit"] for a in fixture_yaml("hoc-tap-quan-triet.yml")["parts"][2]["assignments"]}
    assert "Ban Thường vụ Đảng ủy xã" in named_in_plans - {u["name"] for u in units}, "fixture needs an extra unit"
    expected = {f"don-vi/{u['id']}.md" for u in units} | {f"don-vi/{EXTRA_UNIT}.md", f"don-vi/{PRESENTER}.md"}
    assert {path for path in pages if path.startswith("don-vi/")} == expected
    for unit in units:
        assert unit["name"] in pages[f"don-vi/{unit['id']}.md"], unit["id"]
    assert "Ban Thường vụ Đảng ủy xã" in pages[f"don-vi/{EXTRA_UNIT}.md"]


def test_home_page_names_the_site_and_pairs_2030_with_2045(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    assert f"# {fixture_yaml('cai-dat.yml')['site_name']}\n" in home
    vision = fixture_yaml("muc-tieu/2045.yml")["paragraphs"][0]["indicators"][0]
    paired = [i for p in fixture_yaml("muc-tieu/2030.yml")["paragraphs"] for i in p["indicators"]
              if i["measure"] == vision["measure"]]
    assert len(paired) == 1, "fixture needs one 2030 indicator with the 2045 measure"
    card = re.search(rf'<article class="nq-card" id="{paired[0]["id"]}".*?</article>', home, re.S)
    assert card, "paired indicator is not a card on the home page"
    assert f"Đến năm 2045: <strong>tối thiểu {vision['value']:g}{vision['unit']}</strong>" in card.group()


def test_two_measurements_draw_a_trend_chart(pages: dict[str, str]) -> None:
    indicators = [i for p in fixture_yaml("muc-tieu/2030.yml")["paragraphs"] for i in p["indicators"]]
    with_trend = [i for i in indicators if len({m["year"] for m in i.get("measurements", [])}) >= 2]
    assert with_trend, "fixture needs an indicator with two measurements"
    for indicator in with_trend:
        chart = re.search(rf'<title id="{indicator["id"]}-trend">([^<]*)</title>', pages["muc-tieu-2030.md"])
        assert chart, indicator["id"]
        for measurement in indicator["measurements"]:
            assert f"năm {measurement['year']}" in chart.group(1)


def test_news_pages_are_off_without_posts(fixture_copy) -> None:
    """No post to publish: no news list, no empty category page, no menu entry, no widget (content.approval).
    The fixture has posts (tin-tuc/), so the test removes them from a copy."""
    import shutil

    from generator.content import load_content
    from generator.render.pages import nav

    assert (fixture_copy / "tin-tuc").is_dir(), "the fixture has posts; this test takes them away"
    shutil.rmtree(fixture_copy / "tin-tuc")
    content = load_content(fixture_copy)
    built = settings(TODAY, fixture_copy)
    pages = {page.path: page.markdown for page in render_pages(content, built)}
    assert not content.posts
    assert not [path for path in pages if path.startswith("tin-tuc/")]
    assert "nhung/tin-moi/index.md" not in pages
    assert "tin-tuc/index.md" not in nav(content, built)
    for category in fixture_yaml("tin-tuc.yml")["categories"]:
        assert f"tin-tuc/chuyen-muc/{category['id']}.md" not in pages


def test_news_pages_list_the_fixture_posts(fixture_content, pages: dict[str, str]) -> None:
    """With approved posts (tin-tuc/*.md) the production build has the list, each post's page and its category's."""
    from generator.render.pages import nav

    posts = sorted((CONTENT_DIR / "tin-tuc").glob("*.md"))
    assert len(posts) >= 2, "the fixture needs posts"
    assert "tin-tuc/index.md" in nav(fixture_content, settings(TODAY, CONTENT_DIR))
    listing = pages["tin-tuc/index.md"]
    for post in posts:
        front = yaml.safe_load(post.read_text(encoding="utf-8").split("---")[1])
        assert front["title"] in listing, front["title"]
        assert f"tin-tuc/chuyen-muc/{front['category']}.md" in pages
        assert any(front["title"] in markdown for path, markdown in pages.items()
                   if path.startswith("tin-tuc/") and path != "tin-tuc/index.md"
                   and not path.startswith("tin-tuc/chuyen-muc/")), front["title"]


def test_future_deadline_is_not_yet_due(fixture_content, pages: dict[str, str]) -> None:
    future = [(unit, due) for unit, due, _ in yaml_deadlines() if due > TODAY]
    assert future, "fixture needs a deadline after the test's today"
    statuses = {(item.unit_id, item.due): item.status for item in due_items(fixture_content, TODAY)}
    for unit, due in future:
        assert statuses[unit, due] == "upcoming", (unit, due)
        card = article(pages["lich-thuc-hien.md"], f"{unit}-{due:%Y%m%d}-1")
        assert '<span class="nq-status nq-status--upcoming">Chưa đến hạn</span>' in card


def test_past_deadlines_are_passed_unless_a_result_is_recorded(fixture_content) -> None:
    statuses = {(item.unit_id, item.due): item.status for item in due_items(fixture_content, TODAY)}
    past = [(unit, due, deadline) for unit, due, deadline in yaml_deadlines() if due < TODAY]
    assert any(d.get("result") for _, _, d in past), "fixture needs a deadline with a recorded result"
    for unit, due, deadline in past:
        expected = "done" if deadline.get("result") else "passed"
        assert statuses[unit, due] == expected, (unit, due)


def test_two_deadlines_of_one_unit_on_one_date_get_distinct_keys(fixture_content, pages: dict[str, str]) -> None:
    counts: dict[tuple[str, date], int] = {}
    for unit, due, _ in yaml_deadlines():
        counts[unit, due] = counts.get((unit, due), 0) + 1
    shared = [key for key, count in counts.items() if count == 2]
    assert shared, "fixture needs two deadlines of one unit on one date"
    keys = [item.key for item in due_items(fixture_content, TODAY)]
    assert len(keys) == len(set(keys)) == sum(counts.values())
    for unit, due in shared:
        for seq in (1, 2):
            article(pages["lich-thuc-hien.md"], f"{unit}-{due:%Y%m%d}-{seq}")
