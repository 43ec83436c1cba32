"""Timeline, unit pages, calendar and progress cards, checked on the built site."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

from generator.content import load_content
from generator.render.calendar import render_calendar
from generator.render.encoding import ICS_MAX_OCTETS as MAX_OCTETS
from generator.render.encoding import ics_fold as fold
from generator.render.encoding import ics_text as escape_text
from generator.views.deadlines import due_items
from generator.views.units import unit_views

from .conftest import FIXTURE_CONTENT, build_site, fixture_indicators, fixture_yaml, replace_once, settings
from .test_build import page_text

TODAY = date(2025, 3, 20)


def test_fold_cuts_at_75_octets_between_characters() -> None:
    line = "SUMMARY:" + "Thường trực Huyện ủy, " * 10
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(part.encode("utf-8")) <= MAX_OCTETS - (i > 0) for i, part in enumerate(parts))


def test_text_values_are_escaped() -> None:
    assert escape_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"


def test_calendar_is_reproducible_and_uids_are_unique() -> None:
    content = load_content(FIXTURE_CONTENT)
    first = render_calendar(content, settings(TODAY, FIXTURE_CONTENT))
    assert first == render_calendar(content, settings(TODAY, FIXTURE_CONTENT))
    uids = re.findall(r"^UID:(.+)\r$", first, flags=re.M)
    assert len(uids) == len(due_items(content, TODAY)) == len(set(uids))
    assert "DTSTAMP:20250320T000000Z" in first


def test_every_unit_has_a_page_with_its_duties_and_deadlines(built_site: Path) -> None:
    content = load_content(FIXTURE_CONTENT)
    views = unit_views(content, due_items(content, TODAY))
    names = {v.name for v in views}
    study, organisation = fixture_yaml("hoc-tap-quan-triet.yml"), fixture_yaml("to-chuc-thuc-hien.yml")
    also_named = {name for unit in organisation["units"] for name in unit.get("also_named", [])}
    named_in_iii = {a["unit"] for part in study["parts"] for a in part.get("assignments", []) if "unit" in a}
    assert named_in_iii - also_named and named_in_iii - also_named <= names  # units named only in section III
    assert {u.name for u in content.organisation.units} <= names
    overview = page_text(built_site, "phan-cong/index.html")
    for view in views:
        text = page_text(built_site, f"don-vi/{view.id}/index.html")
        assert view.name in text and view.name in overview
        for assignment in view.assignments:
            assert " ".join(assignment.duty.split()) in text, assignment.duty
            if assignment.deadline:
                raw = (built_site / f"don-vi/{view.id}/index.html").read_text(encoding="utf-8")
                assert f'<time datetime="{assignment.deadline.date.isoformat()}">' in raw
                assert assignment.deadline.text in text


def test_timeline_lists_every_deadline_in_date_order_with_status(built_site: Path) -> None:
    content = load_content(FIXTURE_CONTENT)
    raw = (built_site / "lich-thuc-hien/index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})"', raw)
    built = datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "1764288000")), UTC).date()
    items = due_items(content, built)
    ahead = [item.due.isoformat() for item in items if item.due >= built]
    past = [item.due.isoformat() for item in items if item.due < built]
    assert shown == sorted(ahead) + sorted(past) and len(shown) == len(items)  # "Sắp tới", then "Đã qua"
    statuses = re.findall(r'class="nq-status nq-status--[a-z-]+">([^<]+)<', raw)
    recorded = [item for item in items if item.assignment.deadline.result is not None]
    assert len(statuses) == len(ahead) + len([item for item in recorded if item.due < built])
    assert set(statuses) <= {"Đã hoàn thành", "Sắp đến hạn", "Chưa đến hạn"}
    assert ('href="../lich-thuc-hien.ics"' in raw) == bool(ahead)
    assert (built_site / "lich-thuc-hien.ics").is_file()


def test_status_follows_source_date_epoch_and_yaml(project_copy: Path) -> None:
    due = "          date: 2025-06-30\n          text: trước ngày 30/6/2025\n"
    replace_once(project_copy / "content/to-chuc-thuc-hien.yml", due,
                 due + "          result:\n            document: Kế hoạch số 25-KH/UBND\n            date: 2025-06-20\n")
    site = project_copy / "site"
    before = date(2025, 6, 21)  # 9 days before 30/6/2025 (due soon), two years before 30/6/2027 (not yet due)
    epoch = str(int((before - date(1970, 1, 1)).total_seconds()))
    result = build_site(site, config=project_copy / "mkdocs.yml", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    raw = (site / "lich-thuc-hien/index.html").read_text(encoding="utf-8")
    statuses = re.findall(r'<time datetime="([\d-]+)">[^<]+</time>\)?</span> <span class="nq-status[^"]*">([^<]+)<', raw)
    assert ("2025-06-30", "Đã hoàn thành") in statuses  # the one with a result
    assert "Kế hoạch số 25-KH/UBND, ngày 20/6/2025" in raw
    assert ("2025-06-30", "Sắp đến hạn") in statuses  # the other one, the same day
    assert dict(statuses)["2027-06-30"] == "Chưa đến hạn"
    assert "DTSTAMP:20250621T000000Z" in (site / "lich-thuc-hien.ics").read_text(encoding="utf-8")


def test_unmeasured_indicators_show_no_status_and_the_page_says_how_figures_come(built_site: Path) -> None:
    content = load_content(FIXTURE_CONTENT)
    for section, page in ((content.horizons[0], "muc-tieu-2030"), (content.horizons[1], "muc-tieu-2045")):
        raw = (built_site / page / "index.html").read_text(encoding="utf-8")
        for indicator in section.indicators:
            card = raw[raw.index(f'id="{indicator.id}"'):]
            card = card[:card.index("</article>")]
            assert ("nq-status" in card) == bool(indicator.measurements), indicator.id
        assert "chưa có số liệu" not in raw
        if any(not i.measurements for i in section.indicators):
            assert raw.count("Số liệu thực hiện chỉ được đưa lên trang khi có nguồn công bố chính thức") == 1
        if not any(i.measurements for i in section.indicators):
            assert "nq-bar" not in raw and "<svg viewBox" not in raw


def test_measured_indicator_shows_bar_status_trend_and_source(built_site: Path) -> None:
    """The fixture's measured indicator (fictional figures): bar, status, trend and the latest source."""
    indicator = next(i for i in fixture_indicators() if len(i.get("measurements", [])) >= 2)
    latest = max(indicator["measurements"], key=lambda m: m["year"])
    raw = (built_site / "muc-tieu-2030/index.html").read_text(encoding="utf-8")
    card = raw[raw.index(f'id="{indicator["id"]}"'):]
    card = card[:card.index("</article>")]
    share = round(latest["value"] / indicator["value"] * 100)
    assert ">Đang thực hiện<" in card
    assert f"{latest['value']:g}".replace(".", ",") + indicator["unit"] in card and f"năm {latest['year']}" in card
    assert f'<rect class="nq-bar__fill" width="{share}"' in card  # an SVG bar: the CSP forbids style=""
    assert f"Bằng {share}% mức mục tiêu" in card and "style=" not in card
    assert '<svg viewBox="0 0 200 66"' in card and card.count("<circle") == len(indicator["measurements"])
    assert f'href="{latest["url"]}"' in card and latest["source"] in card
