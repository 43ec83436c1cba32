"""The printed page's way back online: its address as text and as a QR code.

A party-cell secretary prints a page for a meeting; members scan the code to
open the same page on their phones. Only with a known base URL (``SITE_URL`` or
``base_url``): a code for a relative address would lead nowhere.
"""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (error correction M survives a smudged photocopy)."""
    return segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000", light="#fff", title=url)
