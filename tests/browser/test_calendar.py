"""The deadline calendar (.ics) parses as iCalendar and holds every deadline; the timeline links it while a date is ahead."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from generator.content import load_content
from generator.views.deadlines import due_items

from ..conftest import FIXTURE_CONTENT

BUILD_DAY = datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "1764288000")), ZoneInfo("Asia/Ho_Chi_Minh")).date()
"""The session site's build day (tests/conftest.py ``build_site``), in the site's time zone."""


def test_calendar_parses_and_holds_every_deadline(phone, site_url: str, built_site: Path) -> None:
    """The calendar file holds every deadline; the timeline offers it only while a date is ahead (none is, on the
    session site's build date after the plan's 2025 dates: an offer to add past dates to a phone is left out)."""
    content = load_content(FIXTURE_CONTENT)
    phone.goto(site_url + "lich-thuc-hien/")
    ahead = [item for item in due_items(content, content.plan.resolution.date) if item.due >= BUILD_DAY]
    assert phone.locator("a.nq-ics").count() == (1 if ahead else 0)
    response = phone.request.get(site_url + "lich-thuc-hien.ics")
    assert response.ok
    raw = response.body()
    assert raw == (built_site / "lich-thuc-hien.ics").read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))

    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID")
    events = calendar.walk("VEVENT")
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
