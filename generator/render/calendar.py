"""The plan's deadlines as an iCalendar file (RFC 5545) a unit can add to a phone calendar.

The wording of each event is in ``templates/lich-thuc-hien.ics.j2``; this module
only does what RFC 5545 demands of the bytes: TEXT escaping, CRLF line ends and
folding lines longer than 75 octets without splitting a UTF-8 character. UIDs
are the deadline's stable key (unit, date, order) at a domain from the settings,
and DTSTAMP is the build date, so the same commit gives the same file.
"""

from __future__ import annotations

from datetime import date

from ..content import Content
from ..settings import BuildSettings
from ..text import slugify
from ..views.deadlines import due_items
from .environment import environment

CALENDAR_PATH = "lich-thuc-hien.ics"
TEMPLATE = "lich-thuc-hien.ics.j2"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newline are escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def ics_date(value: date) -> str:
    """A DATE value: 20250325."""
    return value.strftime("%Y%m%d")


def fold(line: str) -> str:
    """RFC 5545 §3.1: lines over 75 octets continue on CRLF + space, cut between characters."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n ".join(parts)


def uid_domain(content: Content, settings: BuildSettings) -> str:
    """The right-hand side of every UID: the setting, else the published site's host, else the organisation.

    The same resolved site URL gives the events' URLs, so UIDs and links always name the same site.
    """
    if content.settings.calendar_domain:
        return content.settings.calendar_domain
    return settings.site_host or f"{slugify(content.settings.organisation)}.invalid"


def render_calendar(content: Content, settings: BuildSettings) -> str:
    """The whole .ics file: one all-day VEVENT per deadline, CRLF line ends, folded lines."""
    env = environment()
    env.filters.update(ics=escape_text, ics_date=ics_date)
    text = env.get_template(TEMPLATE).render(
        c=content, today=settings.today, deadlines=due_items(content, settings.today),
        domain=uid_domain(content, settings), site_url=settings.site_url or "",
    )
    lines = [line for line in text.splitlines() if line.strip()]
    return "".join(fold(line) + "\r\n" for line in lines)
