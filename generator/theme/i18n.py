"""The interface catalogue: every word the templates print, looked up by the edition's language.

Why gettext ``.po`` files read with Babel (not one YAML file per language): the Vietnamese text stays in the
template as the key (``{{ _("Mục tiêu") }}``), so a template still reads as the page it makes and branches that
change the same template merge line by line; ``.po`` is what translators' tools (Poedit, Weblate, Lokalize) open,
with "fuzzy" for a translation to re-check; Babel (already installed with Material for MkDocs, a well-kept
library) reads and writes it, extracts the keys from Jinja templates (``jinja2.ext.babel_extract``) and carries
CLDR's number and date formats. The ``.po`` files are read as they are: no compiled ``.mo`` in the repository.

Theme templates (``overrides/``) that print interface words define ``_`` as "the text itself" when the builder
has none (``{% if _ is not defined %}{% macro _(text) %}…``): another builder of the same folder (Zensical) then
shows the Vietnamese. MkDocs gets the catalogue's ``_`` from the plugin (``on_env``).

Vietnamese is the source: ``vi`` needs no catalogue. A language without a catalogue (``hmn``) prints the
Vietnamese interface; the build says so (``missing_catalogue_warning``), it does not stop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from . import OVERRIDES, ROOT

SOURCE_LANGUAGE = "vi"
"""The language of the templates' own text: the catalogues' keys."""
LOCALE = ROOT / "locale"
"""One ``<code>.po`` per language: ``en.po``."""
PAGE_TEMPLATES = ROOT.parent / "render" / "templates"
"""The page templates (``render/templates``), whose keys the catalogue holds with the theme's."""


def catalogue_path(language: str) -> Path:
    return LOCALE / f"{language}.po"


@lru_cache(maxsize=16)
def catalogue(language: str) -> Catalog | None:
    """The ``.po`` catalogue of ``language``, None when the package has none (or for Vietnamese, the source)."""
    path = catalogue_path(language)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=None, domain="messages")


def has_catalogue(language: str) -> bool:
    return language == SOURCE_LANGUAGE or catalogue_path(language).is_file()


@dataclass(frozen=True)
class Translator:
    """The interface words of one edition: the catalogue's translation, else the Vietnamese key."""

    language: str
    messages: dict[str, str] = field(default_factory=dict)

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """Vietnamese has one form; a catalogue's entry for the singular stands for both."""
        return self.gettext(singular if count == 1 else plural)


@lru_cache(maxsize=16)
def translator(language: str) -> Translator:
    """The interface of ``language``: its catalogue's finished entries (not "fuzzy", not empty)."""
    found = catalogue(language)
    if found is None:
        return Translator(language)
    return Translator(language, {str(m.id): str(m.string) for m in found
                                 if m.id and isinstance(m.id, str) and m.string and not m.fuzzy})


def missing_catalogue_warning(language: str) -> str | None:
    """The build's warning for a language with no interface catalogue (None when it has one)."""
    if has_catalogue(language):
        return None
    return (f"CẢNH BÁO: chưa có bản dịch giao diện cho ngôn ngữ “{language}” (generator/theme/locale/{language}.po); "
            f"ấn bản /{language}/ dùng chữ giao diện tiếng Việt (WARNING: no interface catalogue for "
            f"“{language}”, the Vietnamese interface is used)")


# -- keys used by the templates ------------------------------------------------------------------------------


def template_files() -> list[Path]:
    """Every template that may print interface words: page templates and theme overrides."""
    return sorted([*PAGE_TEMPLATES.glob("*.j2"), *(p for p in OVERRIDES.rglob("*") if p.suffix in {".html", ".xml"})])


PYTHON_SOURCES = [ROOT.parent / "registry.py", ROOT.parent / "content" / "levels.py", ROOT.parent / "views" / "meeting.py"]
"""Modules whose interface words are marked ``N_("…")`` (``text.N_``): default page titles, the scopes' words."""


def used_keys(files: Iterable[Path] | None = None) -> dict[str, list[str]]:
    """Every ``_("…")`` key of the templates (Babel's Jinja extractor) and ``N_("…")`` of ``PYTHON_SOURCES`` →
    where it is used (``file:line``)."""
    from babel.messages.extract import extract_python
    from jinja2.ext import babel_extract

    found: dict[str, list[str]] = {}
    if files is None:
        for path in PYTHON_SOURCES:
            with path.open("rb") as handle:
                for line, _function, message, _comments in extract_python(handle, ["N_"], [], {}):
                    if isinstance(message, str) and message:
                        found.setdefault(message, []).append(f"{path.relative_to(ROOT.parent.parent)}:{line}")
    for path in files if files is not None else template_files():
        with path.open("rb") as handle:
            for line, _function, message, _comments in babel_extract(
                    handle, ("_", "gettext", "ngettext"), [], {"trim_blocks": "true", "lstrip_blocks": "true"}):
                for key in (message if isinstance(message, tuple) else (message,)):
                    if key:
                        found.setdefault(key, []).append(f"{path.relative_to(ROOT.parent.parent)}:{line}")
    return found


@dataclass(frozen=True)
class CatalogueReport:
    """What a language's catalogue lacks: keys with no entry or an empty one, entries no template uses."""

    language: str
    untranslated: dict[str, list[str]]
    fuzzy: list[str]
    unused: list[str]


def check_catalogue(language: str, keys: dict[str, list[str]] | None = None) -> CatalogueReport:
    keys = used_keys() if keys is None else keys
    found = catalogue(language)
    entries = {str(m.id): m for m in found if m.id and isinstance(m.id, str)} if found is not None else {}
    untranslated = {key: where for key, where in keys.items() if not (key in entries and entries[key].string)}
    fuzzy = [key for key, entry in entries.items() if entry.fuzzy and key in keys]
    unused = [key for key in entries if key not in keys]
    return CatalogueReport(language, untranslated, fuzzy, unused)


def report_lines(report: CatalogueReport) -> Iterator[str]:
    for key, where in report.untranslated.items():
        yield f"{where[0]}: chưa dịch sang “{report.language}” (untranslated): {key!r}"
    for key in report.fuzzy:
        yield f"generator/theme/locale/{report.language}.po: bản dịch cần xem lại (fuzzy): {key!r}"
    for key in report.unused:
        yield f"generator/theme/locale/{report.language}.po: mục không mẫu nào dùng (unused entry): {key!r}"


def languages() -> list[str]:
    """Languages the package has an interface catalogue for, Vietnamese first."""
    return [SOURCE_LANGUAGE, *sorted(p.stem for p in LOCALE.glob("*.po"))]


@lru_cache(maxsize=32)
def language_name(language: str) -> str:
    """The language's name in itself, from CLDR (``Tiếng Việt``, ``English``); its code when CLDR lacks it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return language
    return (name[:1].upper() + name[1:]) if name else language


def update_catalogue(language: str) -> Path:
    """Write ``locale/<language>.po`` with every key the templates use: translations kept, new keys empty,
    keys no template uses dropped (``python -m generator catalogue``). Each entry notes where it is used."""
    from babel.messages.pofile import write_po

    keys = used_keys()
    old = catalogue(language)
    fresh = Catalog(locale=None, domain="messages", project="generator", fuzzy=False)
    fresh.language_team = language
    for key, where in keys.items():
        previous = old.get(key) if old is not None else None
        fresh.add(key, previous.string if previous is not None else "",
                  locations=[(w.rpartition(":")[0], int(w.rpartition(":")[2])) for w in where],
                  flags=previous.flags if previous is not None else ())
    LOCALE.mkdir(parents=True, exist_ok=True)
    path = catalogue_path(language)
    with path.open("wb") as handle:
        write_po(handle, fresh, width=120, omit_header=True, sort_output=False, include_lineno=False)
    catalogue.cache_clear()
    translator.cache_clear()
    return path


def number_formats(language: str) -> dict[str, Callable[..., str]]:
    """Number and date filters of ``language`` from CLDR (Babel): ``number``, ``vn_number``, ``vn_date``,
    ``doc_date``. Empty for Vietnamese (the templates' own filters, ``text``, already write Vietnamese) and for a
    language CLDR does not have (``hmn``): such an edition writes numbers and dates the Vietnamese way, the
    documented fallback, like its interface words."""
    from decimal import ROUND_HALF_UP, Decimal

    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date
    from babel.numbers import format_decimal

    if language == SOURCE_LANGUAGE:
        return {}
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return {}

    def number(value: float) -> str:
        return format_decimal(value, format="#,##0.###", locale=locale)

    def grouped(value: float | Decimal, decimals: int = 0) -> str:
        rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        return format_decimal(rounded, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale=locale)

    return {"number": number, "vn_number": grouped,
            "vn_date": lambda value: format_date(value, format="medium", locale=locale),
            "doc_date": lambda value: format_date(value, format="long", locale=locale)}
