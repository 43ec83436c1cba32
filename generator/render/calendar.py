"""The plan's deadlines as an iCalendar file (RFC 5545) a unit can add to a phone calendar.

The wording of each event is in ``templates/lich-thuc-hien.ics.j2``; the encoder
(``encoding.ics_text``, ``ics_lines``) does what RFC 5545 demands of the bytes: TEXT
escaping of every kind of line end, CRLF line ends and folding lines longer than 75
octets without splitting a UTF-8 character. A template rather than the ``icalendar``
library keeps the Vietnamese wording in a template, like every other page. UIDs
are the deadline's stable key (unit, date, order) at a domain from the settings,
and DTSTAMP is the build date, so the same commit gives the same file.
"""

from __future__ import annotations

from datetime import date

from ..build import Build, as_build
from ..content import Content
from ..settings import BuildSettings
from ..text import slugify
from .encoding import ics_lines, ics_text
from .environment import environment

CALENDAR_PATH = "lich-thuc-hien.ics"
TEMPLATE = "lich-thuc-hien.ics.j2"


def ics_date(value: date) -> str:
    """A DATE value: 20250325."""
    return value.strftime("%Y%m%d")


def uid_domain(content: Content, settings: BuildSettings) -> str:
    """The right-hand side of every UID: the setting, else the published site's host, else the organisation.

    The same resolved site URL gives the events' URLs, so UIDs and links always name the same site.
    """
    if content.settings.calendar_domain:
        return content.settings.calendar_domain
    return settings.site_host or f"{slugify(content.settings.organisation)}.invalid"


def render_calendar(build: Build | Content, settings: BuildSettings | None = None) -> str:
    """The whole .ics file: one all-day VEVENT per deadline of the build (``Site.deadlines``), CRLF line ends,
    folded lines."""
    build = as_build(build, settings)
    content, settings = build.content, build.settings
    env = environment(language=settings.language)
    env.filters.update(ics=ics_text, ics_date=ics_date)
    text = env.get_template(TEMPLATE).render(
        c=content, today=settings.today, deadlines=build.site.deadlines,
        domain=uid_domain(content, settings), site_url=settings.site_url or "",
    )
    return ics_lines(text)
