"""The .ics file linked from the timeline parses as iCalendar and holds every deadline."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import icalendar

from generator.content import load_content
from generator.views.deadlines import due_items

from ..conftest import CONTENT


def test_calendar_linked_from_timeline_parses_and_holds_every_deadline(phone, site_url: str, built_site: Path) -> None:
    phone.goto(site_url + "lich-thuc-hien/")
    href = phone.locator("a.nq-ics").get_attribute("href")
    response = phone.request.get(phone.url + href)
    assert response.ok
    raw = response.body()
    assert raw == (built_site / "lich-thuc-hien.ics").read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))

    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID")
    events = calendar.walk("VEVENT")
    content = load_content(CONTENT)
    deadlines = due_items(content, content.plan.resolution.date)
    assert len(events) == len(deadlines)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event, item in zip(events, deadlines, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start == item.due and end - start == timedelta(days=1)  # all-day
        assert str(event["UID"]).startswith(f"{item.key}@")
        assert item.unit in str(event["SUMMARY"])
        assert item.assignment.deadline.text in str(event["DESCRIPTION"])
        assert event.get("DTSTAMP") is not None
