"""Vietnamese text utilities every stage uses: tone folding, slugs, numbers, dates.

They live outside ``render/`` so that the content loader (post URLs), the view
models and the Jinja filters share one definition without importing Jinja.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def number(value: float) -> str:
    """30.0 → '30', 0.7 → '0,7': Vietnamese writes a decimal comma."""
    return f"{value:g}".replace(".", ",")


def vn_number(value: float | Decimal, decimals: int = 0) -> str:
    """35599 → '35.599', 99.1615 (2) → '99,16': the board's reports group thousands with '.', decimals with ','.

    Rounds half up, as a person rounding by hand does (99,165 → 99,17), not to even.
    """
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    sign = "-" if rounded < 0 else ""
    return f"{sign}{groups},{fraction}" if fraction else f"{sign}{groups}"


def vn_date(value: date) -> str:
    """A date as Vietnamese documents print it: 10/03/2025."""
    return value.strftime("%d/%m/%Y")


def doc_date(value: date) -> str:
    """A date as the plan itself writes most of its dates, no leading zeros: 5/3/2025."""
    return f"{value.day}/{value.month}/{value.year}"


def fold(text: str) -> str:
    """Strip Vietnamese tone marks and fold đ→d: 'Chuyển đổi số' → 'chuyen doi so'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").lower()


def slugify(text: str, separator: str = "-") -> str:
    """A URL slug without diacritics: 'Ủy ban nhân dân xã' → 'uy-ban-nhan-dan-xa'."""
    return re.sub(r"[^a-z0-9]+", separator, fold(text)).strip(separator)


def toc_slugify(value: str, separator: str = "-") -> str:
    """Heading anchors without diacritics, for Python-Markdown's toc extension (named in mkdocs.yml)."""
    return slugify(value, separator)


def without_number(heading: str) -> str:
    """'3. Xây dựng Kế hoạch …' → 'Xây dựng Kế hoạch …': a document heading without its own numbering."""
    return re.sub(r"^\s*[0-9IVXLC]+(?:\.[0-9]+)*\.\s+", "", heading)


def heading_number(heading: str) -> str:
    """'1.1. Về quan điểm chỉ đạo:' → '1.1': the numbering a heading carries in the document."""
    match = re.match(r"^\s*([0-9IVXLC]+(?:\.[0-9]+)*)\.", heading)
    return match.group(1) if match else ""


def capitalise(text: str) -> str:
    """'trước ngày 5/3/2025' → 'Trước ngày 5/3/2025': a quoted phrase made to open a line, the rest untouched."""
    return text[:1].upper() + text[1:]


def sentence_case(heading: str) -> str:
    """'TỔ CHỨC THỰC HIỆN' → 'Tổ chức thực hiện': a heading the document prints in capitals, as cited in a sentence."""
    return capitalise(heading.lower()) if heading.isupper() else heading


def roman_part(heading: str) -> str:
    """'IV. TỔ CHỨC THỰC HIỆN' → 'IV': the plan's section (mục) a heading opens."""
    match = re.match(r"^\s*([IVXLC]+)\.", heading)
    return match.group(1) if match else ""


# Vietnamese alphabetical order (TCVN 5712, as dictionaries sort): ă and â are letters after a, đ after d, ê after
# e, ô and ơ after o, ư after u; the tone is secondary (ngang, huyền, hỏi, ngã, sắc, nặng); case last.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_MODIFIED = {  # a base letter and the breve, circumflex or horn that makes it another letter
    ("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
             ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_LETTER = 0x110000
"""Letters rank above every code point, so digits and punctuation sort before them."""
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


def vietnamese_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """A sort key in Vietnamese alphabetical order: 'an' < 'ăn' < 'ân' < 'bê', 'dịch' < 'đổi', 'ma' < 'mà' < 'má'.

    Primary: the letters (digits and other characters before letters, in code-point order; spaces first);
    secondary: the tones; tertiary: upper case after lower case.
    """
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for char in unicodedata.normalize("NFD", text):
        if char in _TONES:
            if secondary:
                secondary[-1] = _TONES[char]
            continue
        if unicodedata.combining(char) and primary:
            base = _ALPHABET[primary[-1] - _LETTER] if primary[-1] >= _LETTER else ""
            if (modified := _MODIFIED.get((base, char))) is not None:
                primary[-1] = _LETTER + _ALPHABET.index(modified)
            continue
        lower = char.lower()
        primary.append(_LETTER + _ALPHABET.index(lower) if lower in _ALPHABET else (0 if char.isspace() else ord(char)))
        secondary.append(0)
        tertiary.append(1 if char != lower else 0)
    return tuple(primary), tuple(secondary), tuple(tertiary)
