"""The levels an organisation may have (``level`` in ``cai-dat.yml``) and the words each gives the site.

A measured figure (``Measurement.scope``) is national, provincial or the organisation's own (``local``); the
site says the last in the level's words: "toàn xã", "toàn tỉnh", "toàn đảng bộ", "toàn chi bộ". Levels are
administrative units (tỉnh, thành phố trực thuộc trung ương, đặc khu, xã, phường; huyện for the sites made
before district-level government ended on 1/7/2025) and party bodies (đảng bộ of a province, a commune, an
agency; chi bộ). One table here, so a new level is one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Level:
    """What the site says for one level: the local scope as a phrase (``toàn xã``) and as a bare word (``xã``)."""

    whole: str
    """The organisation's whole area or membership, as the trend chart says it: ``Xu hướng (toàn xã)``."""
    word: str
    """The same as one word after "phạm vi", as the editors' checks say it: ``số liệu phạm vi xã``."""


LEVELS: dict[str, Level] = {
    "tỉnh": Level("toàn tỉnh", "tỉnh"),
    "thành phố": Level("toàn thành phố", "thành phố"),
    "huyện": Level("toàn huyện", "huyện"),
    "xã": Level("toàn xã", "xã"),
    "phường": Level("toàn phường", "phường"),
    "đặc khu": Level("toàn đặc khu", "đặc khu"),
    "đảng bộ tỉnh": Level("toàn tỉnh", "tỉnh"),
    "đảng bộ thành phố": Level("toàn thành phố", "thành phố"),
    "đảng bộ xã": Level("toàn xã", "xã"),
    "đảng bộ phường": Level("toàn phường", "phường"),
    "đảng bộ đặc khu": Level("toàn đặc khu", "đặc khu"),
    "đảng bộ cơ quan": Level("toàn đảng bộ", "đảng bộ"),
    "đảng bộ doanh nghiệp": Level("toàn đảng bộ", "đảng bộ"),
    "chi bộ": Level("toàn chi bộ", "chi bộ"),
}
"""Every level ``cai-dat.yml`` accepts, in the order the field's description lists them."""

LevelName = Literal["tỉnh", "thành phố", "huyện", "xã", "phường", "đặc khu", "đảng bộ tỉnh", "đảng bộ thành phố",
                    "đảng bộ xã", "đảng bộ phường", "đảng bộ đặc khu", "đảng bộ cơ quan", "đảng bộ doanh nghiệp",
                    "chi bộ"]
"""The same names as a type for the settings model (a test checks it lists exactly ``LEVELS``)."""

Scope = Literal["national", "province", "local"]
"""Where a measured figure was counted: the whole country, the province, or the organisation's own area."""

PROVINCE_WHOLE = "toàn tỉnh"
NATIONAL_WHOLE = "cả nước"


def scope_words(level: str) -> dict[str, str]:
    """Each scope as the pages say it (``Xu hướng (toàn xã)``) for an organisation of ``level``."""
    return {"national": NATIONAL_WHOLE, "province": LEVELS[level].whole if level in ("thành phố", "đảng bộ thành phố")
            else PROVINCE_WHOLE, "local": LEVELS[level].whole}


def scope_word(level: str) -> dict[str, str]:
    """Each scope as one word after "phạm vi" (``số liệu phạm vi xã``), for the editors' checks."""
    return {"national": "cả nước", "province": "thành phố" if level in ("thành phố", "đảng bộ thành phố") else "tỉnh",
            "local": LEVELS[level].word}
