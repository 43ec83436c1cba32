"""The printed page's way back online: its address as text and as a QR code.

A party-cell secretary prints a page for a meeting; members scan the code to
open the same page on their phones. Only with a known base URL (``SITE_URL`` or
``base_url``): a code for a relative address would lead nowhere.

Besides the code printed under every page, each page of the menu gets a QR code
file (``assets/qr/<page>.svg``), which the A4 poster shows and a portal may reuse.
"""

from __future__ import annotations

import io

import segno

from ..registry import QR_DIR, qr_path  # noqa: F401 (re-exported)


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (error correction M survives a smudged photocopy)."""
    return segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000", light="#fff", title=url)


def qr_file(url: str) -> bytes:
    """A standalone SVG file of the QR code for ``url``: 4-module quiet zone, as the standard asks for print."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=4, dark="#000", light="#fff",
                                     title=url, xmldecl=False)
    return out.getvalue()
