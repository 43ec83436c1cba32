"""Where the plan's target horizons live: a folder with one file per horizon, named for its year.

A plan sets targets for one year or several (a 2030 target and a 2045 vision; a commune's 2030 only). Each is a
``models.TargetSection`` in ``muc-tieu/<year>.yml``; the loader reads them in year order. The names here let every
stage find a horizon's file without importing the loader.
"""

from __future__ import annotations

HORIZONS_DIR = "muc-tieu"
"""The folder of target horizons: one file per horizon, named for its year (``muc-tieu/2030.yml``)."""
HORIZON_SCHEMA = "muc-tieu.yml"
"""The name the horizons' shared JSON Schema is exported under (``schema/muc-tieu.json``)."""
PREFIX = "horizons."


def horizon_file(year: int) -> str:
    """The file of the horizon ending in ``year``, relative to the content folder."""
    return f"{HORIZONS_DIR}/{year}.yml"


def horizon_attribute(year: int) -> str:
    """How pages and pieces of the document name one horizon's file (``Content.source`` reads it back)."""
    return f"{PREFIX}{year}"


def horizon_year(attribute: str) -> int | None:
    """The year a ``horizon_attribute`` names; None for any other attribute."""
    return int(attribute.removeprefix(PREFIX)) if attribute.startswith(PREFIX) else None
