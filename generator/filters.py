"""Jinja filters that format Vietnamese numbers, dates and slugs for the templates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from jinja2 import Environment


def number(value: float) -> str:
    """30.0 → '30', 0.7 → '0,7': Vietnamese writes a decimal comma."""
    text = f"{value:g}"
    return text.replace(".", ",")


def vn_date(value: date) -> str:
    """A date as Vietnamese documents print it: 10/03/2025."""
    return value.strftime("%d/%m/%Y")


def fold(text: str) -> str:
    """Strip Vietnamese tone marks and fold đ→d: 'Chuyển đổi số' → 'chuyen doi so'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").lower()


def slugify(text: str) -> str:
    """A URL slug without diacritics: 'Ủy ban nhân dân huyện' → 'uy-ban-nhan-dan-huyen'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def register(env: Environment) -> None:
    env.filters.update(number=number, vn_date=vn_date, fold=fold, slugify=slugify)


def toc_slugify(value: str, separator: str = "-") -> str:
    """Heading anchors without diacritics, for Python-Markdown's toc extension."""
    return re.sub(r"[^a-z0-9]+", separator, fold(value)).strip(separator)
