"""Each output format encodes for itself: a value cannot add a calendar property, a CSV row, a formula,
``NaN`` in JSON, a character XML forbids, or ``nan`` in a chart.

The reader refuses hidden characters and special numbers (tests/test_decoded_values.py); here the
values are put into the view models past the reader, as a future field or another source could, to
show that each encoder holds on its own. Every output is parsed back with an independent parser
(``icalendar``, ``csv``, ``json`` with NaN refused, ``xml.etree``), never with the code under test.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

import generator.views.site as site_module
from generator.content import load_content
from generator.content.models import MAX_NUMBER, Indicator, Measurement
from generator.render import api, feeds
from generator.render.calendar import render_calendar
from generator.render.encoding import csv_cell, ics_text, json_text, xml_text, yaml_string
from generator.render.exports import csv_export, json_export
from generator.render.pages import site_view
from generator.views.deadlines import due_items
from generator.views.implementation import implementation_view
from generator.views.progress import progress, trend_chart

from .conftest import FIXTURE, replace_once, settings

TODAY = date(2025, 11, 28)
FIXTURE_CONTENT = FIXTURE / "content"

LINE_BREAKS = {"cr": "\r", "lf": "\n", "crlf": "\r\n", "vt": "\x0b", "ff": "\x0c", "fs": "\x1c", "nel": "\x85",
               "line-separator": "\u2028", "paragraph-separator": "\u2029"}
ANY_BREAK = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def strict_json(text: str) -> object:
    """JSON as RFC 8259 defines it: ``NaN``, ``Infinity`` and ``-Infinity`` are not numbers."""
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")
    return json.loads(text, parse_constant=refuse)


# --------------------------------------------------------------------------
# iCalendar
# --------------------------------------------------------------------------

def _attacked(items: list, brk: str) -> list:
    """The same deadlines with a deadline text and a unit name that try to start new properties and events."""
    changed = []
    for item in items:
        assignment = item.assignment
        deadline = assignment.deadline.model_copy(update={
            "text": f"trước ngày 20/3/2025{brk}DTSTART:20990101{brk}END:VEVENT{brk}BEGIN:VEVENT; a, b \\ c"})
        duty = dataclasses.replace(item.duty, unit=f"Đơn vị{brk}X-INJECTED:1",
                                   assignment=assignment.model_copy(update={"deadline": deadline}))
        changed.append(dataclasses.replace(item, duty=duty))
    return changed


@pytest.mark.parametrize("brk", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
def test_a_line_break_in_a_value_stays_inside_its_property(
        fixture_content, monkeypatch: pytest.MonkeyPatch, brk: str) -> None:
    build = settings(TODAY, FIXTURE_CONTENT, "https://example.org/xa-mau/")
    plain = Calendar.from_ical(render_calendar(fixture_content, build))
    # The calendar reads the build's deadlines (Site.deadlines, made once per build by views/site.py).
    monkeypatch.setattr(site_module, "due_items", lambda content, today: _attacked(due_items(content, today), brk))
    text = render_calendar(fixture_content, build)

    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    assert not [line for line in lines if ANY_BREAK.search(line)], "every line end is CRLF, nothing else"
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    starts = [line.split(":", 1)[0].split(";", 1)[0] for line in lines if not line.startswith(" ")]
    assert "X-INJECTED" not in starts and starts.count("BEGIN") == starts.count("END")

    attacked = Calendar.from_ical(text)
    events, originals = attacked.walk("VEVENT"), plain.walk("VEVENT")
    assert len(events) == len(originals) == len(due_items(fixture_content, TODAY)) > 0
    assert [sorted(e.keys()) for e in events] == [sorted(e.keys()) for e in originals]
    assert [e.decoded("DTSTART") for e in events] == [e.decoded("DTSTART") for e in originals]
    description = str(events[0]["DESCRIPTION"])
    assert "trước ngày 20/3/2025\nDTSTART:20990101\nEND:VEVENT\nBEGIN:VEVENT; a, b \\ c" in description
    assert str(events[0]["SUMMARY"]).startswith("Đơn vị\nX-INJECTED:1")


def test_ics_text_escapes_the_rfc_5545_specials_and_drops_hidden_characters() -> None:
    assert ics_text("a;b,c\\d") == "a\\;b\\,c\\\\d"
    assert ics_text("một\r\nhai\rba\u2028bốn") == "một\\nhai\\nba\\nbốn"
    assert ics_text("x\x00y\u202ez\x1b") == "xyz"


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------

FORMULAS = {
    "equals": "=1+2",
    "plus": "+1+2",
    "minus": "-1+2",
    "at": "@SUM(1;2)",
    "dde": "=cmd|' /C calc'!A0",
    "full-width-equals": "＝1+2",
    "full-width-plus": "＋1+2",
    "full-width-minus": "－1+2",
    "full-width-at": "＠SUM(1;2)",
}


def csv_records(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def fixture_view(content_dir: Path):
    content = load_content(content_dir)
    return implementation_view(site_view(content, settings(TODAY, content_dir)))


@pytest.mark.parametrize("payload", FORMULAS.values(), ids=FORMULAS.keys())
def test_a_formula_written_as_a_name_reaches_the_spreadsheet_as_text(fixture_copy: Path, payload: str) -> None:
    replace_once(fixture_copy / "to-chuc-co-so.yml", "name: Chi bộ thôn Gò Mít", f'name: "{payload}"')
    replace_once(fixture_copy / "to-chuc-co-so" / "chi-bo-thon-go-mit.yml", "organisation: Chi bộ thôn Gò Mít",
                 f'organisation: "{payload}"')
    view = fixture_view(fixture_copy)
    records = csv_records(csv_export(view))
    assert len(records) == 1 + len(view.rows) and all(len(r) == len(records[0]) for r in records)
    row = next(r for r in records if r[0].endswith(payload))
    assert row[0] == "'" + payload
    assert row[3] == "24", "the members column stays a number"
    texts = [cell for record in records[1:] for cell in (record[0], record[1], record[2], record[8], record[10])]
    assert not [cell for cell in texts if cell and cell[0] in "=+-@＝＋－＠\t\r"]


def test_line_breaks_quotes_and_separators_stay_inside_one_cell(fixture_content) -> None:
    view = implementation_view(site_view(fixture_content, settings(TODAY, FIXTURE_CONTENT)))
    names = ["Dòng một\nDòng hai", "Một\r\nHai;\"Ba\"", "Cuối\rcùng", "Tách\u2028dòng", "Tab\tgiữa", "\t=1+1"]
    rows = [dataclasses.replace(row, name=name) for row, name in zip(view.rows, names, strict=False)]
    rows += view.rows[len(names):]
    records = csv_records(csv_export(dataclasses.replace(view, rows=rows)))
    assert len(records) == 1 + len(view.rows)
    assert [r[0] for r in records[1:len(names) + 1]] == [
        "Dòng một\nDòng hai", "Một\nHai;\"Ba\"", "Cuối\ncùng", "Tách\ndòng", "Tab\tgiữa", "'\t=1+1"]


@pytest.mark.parametrize(("value", "expected"), [
    (-5, -5), (-2.5, -2.5), ("-5", "-5"), ("-99,16", "-99,16"), ("+1.234,5", "+1.234,5"), ("12", "12"),
    ("-5+1", "'-5+1"), ("- gạch đầu dòng", "'- gạch đầu dòng"), ("  =1+1", "'  =1+1"),
    ("\u3000@x", "'\u3000@x"), ("\u00a0+1+1", "'\u00a0+1+1"), ("Chi bộ", "Chi bộ"),
    ("a\x00b\u202ec", "abc"),
])
def test_numbers_stay_numbers_and_only_text_is_neutralised(value: object, expected: object) -> None:
    assert csv_cell(value) == expected


# --------------------------------------------------------------------------
# JSON and YAML front matter
# --------------------------------------------------------------------------

def test_every_json_file_of_the_site_is_strict_json(fixture_content) -> None:
    build = settings(TODAY, FIXTURE_CONTENT, "https://example.org/xa-mau/")
    files = dict(api.api_files(fixture_content, build))
    files["feed.json"] = feeds.json_feed(fixture_content, "https://example.org/xa-mau/")
    files["ket-qua.json"] = json_export(implementation_view(site_view(fixture_content, build)))
    assert len(files) >= 8
    for text in files.values():
        strict_json(text)


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
def test_a_special_float_past_the_models_stops_the_json_instead_of_writing_it(number: float) -> None:
    with pytest.raises(ValueError):
        json_text({"value": number})
    with pytest.raises(ValueError):
        api.Measured(value=number, year=2025, scope="local", source="x", url=None)


def test_front_matter_strings_escape_what_yaml_reads_as_a_line_end() -> None:
    import yaml

    value = "Tiêu đề\u2028title: khác\x85\u2029hết"
    assert yaml.safe_load(f"title: {yaml_string(value)}\n") == {"title": value}


# --------------------------------------------------------------------------
# XML (RSS) and chart SVG
# --------------------------------------------------------------------------

def test_the_feed_stays_well_formed_xml_whatever_a_title_holds() -> None:
    content = load_content(FIXTURE / "content")
    assert content.posts, "the fixture publishes posts"
    post = content.posts[0]
    bad = "Tin\x00 mới\x0b\ufffe\u202e kpa.cod\x1b & <b>"
    posts = [dataclasses.replace(post, meta=post.meta.model_copy(update={"title": bad})), *content.posts[1:]]
    text = feeds.rss(dataclasses.replace(content, posts=posts), "https://example.gov.vn/nq57/")
    titles = [item.findtext("title") for item in ET.fromstring(text.encode("utf-8")).iter("item")]
    assert titles[0] == "Tin mới kpa.cod & <b>"
    assert xml_text("a\ud800b\uffffc") == "abc"


def test_chart_coordinates_stay_finite_at_the_models_limits(fixture_content) -> None:
    indicator = fixture_content.horizons[0].indicators[0]
    extreme = indicator.model_copy(update={"value": MAX_NUMBER, "measurements": [
        Measurement(value=-MAX_NUMBER, year=2024, scope="local", source="Số liệu thử"),
        Measurement(value=MAX_NUMBER, year=2025, scope="local", source="Số liệu thử")]})
    chart = trend_chart(progress(Indicator.model_validate(extreme.model_dump()), 2030))
    numbers = [chart.target_y, chart.label_y, *(c for p in chart.points for c in (p.x, p.y))]
    assert all(math.isfinite(n) for n in numbers)
    with pytest.raises(ValueError):
        Measurement(value=MAX_NUMBER * 10, year=2025, scope="local", source="Số liệu thử")
