"""The A4 poster for notice boards: the site's name, three key figures, a QR code to the home page.

One poster for the whole site (not one per page): a notice board has room for one sheet,
and the home page leads everywhere. Made only with a known site URL, since the QR code
and the printed address must be absolute.
"""

from __future__ import annotations

from dataclasses import dataclass

from .site import Site
from .targets import Horizon, IndicatorCard, headlines

KEY_FIGURES = 3


@dataclass(frozen=True)
class PosterView:
    figures: list[IndicatorCard]
    """The first three headline indicators (``headline: true``) of the first horizon, in the order of the document."""
    year: int
    """The first horizon's year: “Chỉ tiêu chính đến năm …”."""
    url: str
    """The home page's absolute address: printed, and encoded in the QR code."""
    qr: str
    """Site path of the QR code file."""


def poster_view(site: Site, horizons: list[Horizon], qr: str) -> PosterView | None:
    if not site.settings.site_url:
        return None
    cards, _ = headlines(horizons)
    if not cards:
        return None  # a plan with no numeric target: a poster of key figures would have none
    return PosterView(cards[:KEY_FIGURES], horizons[0].year, site.settings.site_url, qr)
