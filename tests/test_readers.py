"""Issue 22 for readers: past deadlines told as history, readers' pages only, the cell meeting two taps away.

Built on the fixture commune (tests/fixtures/xa-mau) at a day after every one of its deadlines: whatever a
reader or a portal's widget can open must not mark a passed date without a recorded result.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.render.pages import render_pages

from .conftest import FIXTURE, build_site, copy_project, settings

CONTENT = FIXTURE / "content"
AFTER_ALL = date(2028, 1, 1)
"""After every fixture deadline (the last is 30/6/2027)."""
AFTER_ALL_EPOCH = "1830297600"
"""AFTER_ALL as SOURCE_DATE_EPOCH (2028-01-01 00:00 UTC)."""
TODAY = date(2026, 11, 28)
"""One fixture deadline (2027) is ahead, the others have passed."""


def raw(name: str) -> dict:
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


def fixture_deadlines() -> list[dict]:
    """Every deadline written in the fixture (sections III.3 and IV), as YAML gives it."""
    found = [a["deadline"] for u in raw("to-chuc-thuc-hien.yml")["units"] for a in u["assignments"] if a.get("deadline")]
    return found + [a["deadline"] for a in raw("hoc-tap-quan-triet.yml")["implementation_plans"]["assignments"]]


@pytest.fixture(scope="module")
def late_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture commune built as MkDocs builds it, on a day after all its deadlines."""
    project = tmp_path_factory.mktemp("late")
    copy_project(project)
    shutil.rmtree(project / "content")
    shutil.copytree(CONTENT, project / "content")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml", env={"SOURCE_DATE_EPOCH": AFTER_ALL_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


# ---------------------------------------------------------------- deadlines as history


def test_fixture_has_every_deadline_before_the_late_day_and_one_result() -> None:
    written = fixture_deadlines()
    assert all(d["date"] < AFTER_ALL for d in written if isinstance(d["date"], date))
    assert any(d.get("result") for d in written) and any(not d.get("result") for d in written)


def test_no_reader_page_or_widget_shows_a_badge_on_a_past_deadline_without_a_result(late_site: Path) -> None:
    pages = html_pages(late_site)
    widgets = [path for path in pages if path.startswith("nhung/")]
    assert widgets and "lich-thuc-hien/index.html" in pages
    results = [d["result"] for d in fixture_deadlines() if d.get("result")]
    done_seen = 0
    for path, html in pages.items():
        assert "nq-status--passed" not in html and "Đã qua mốc thời gian" not in html, path
        assert "Thêm vào lịch điện thoại" not in html, f"{path}: a calendar offered with nothing ahead"
        for card in re.findall(r'<article class="nq-deadline".*?</article>', html, re.S) + \
                re.findall(r'<li id="[^"]+"><p><time.*?</li>', html, re.S):
            when = date.fromisoformat(re.search(r'<time datetime="(\d{4}-\d{2}-\d{2})"', card).group(1))
            assert when < AFTER_ALL
            if "nq-status" in card:
                assert "nq-status--done" in card and "<dt>Kết quả</dt>" in card, f"{path}: {card[:300]}"
                assert any(f"{r['document']}, ngày {r['date'].day}/{r['date'].month}/{r['date'].year}" in card
                           for r in results), card
                done_seen += 1
    assert done_seen, "the recorded result is shown as 'Đã hoàn thành'"
    assert "nq-deadline" not in pages["index.html"], "the home page has no block of upcoming deadlines"
    widget = pages["nhung/moc-thoi-gian/index.html"]
    assert "<time" not in widget and "Lịch thực hiện" in widget


def test_timeline_groups_ahead_and_past_under_neutral_headings(fixture_content) -> None:
    timeline = {p.path: p.markdown for p in render_pages(fixture_content, settings(TODAY, CONTENT))}["lich-thuc-hien.md"]
    ahead, past = timeline.index("\n## Sắp tới\n"), timeline.index("\n## Đã qua\n")
    assert ahead < timeline.index("lich-thuc-hien.ics") < past
    later = [d for d in fixture_deadlines() if isinstance(d["date"], date) and d["date"] >= TODAY]  # 30/6/2025 is text
    assert later and all(timeline.index(f'datetime="{d["date"].isoformat()}"') < past for d in later)
    assert timeline.count("nq-legend") == 1
    late = {p.path: p.markdown for p in render_pages(fixture_content, settings(AFTER_ALL, CONTENT))}
    assert "## Sắp tới" not in late["lich-thuc-hien.md"] and "lich-thuc-hien.ics" not in late["lich-thuc-hien.md"]
    for path, markdown in late.items():
        assert "Trạng thái tính đến ngày" not in markdown, path
        if path != "lich-thuc-hien.md":
            assert "nq-legend" not in markdown, f"{path}: the legend is said on the timeline only"
