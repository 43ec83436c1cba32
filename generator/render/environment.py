"""The Jinja environment every template renders in: strict, with the project's formatting filters.

Filters format (numbers, dates, relative links); they decide nothing. Markdown
output is not HTML-escaped here because MkDocs renders it afterwards and the
sanitiser cleans what comes out; XML output (the RSS feed) uses ``autoescape``.

Templates are looked up in layers: the site's own ``templates/`` folder first (``templates_dir`` of the nghiquyet
plugin, beside mkdocs.yml: ``use_site_templates``), then the package's (``TEMPLATES``). A site changes one
sentence by copying one template, not by forking the code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .. import text
from ..theme.i18n import SOURCE_LANGUAGE, number_formats, translator
from ..views.site import relative, url_relative
from .encoding import yaml_string

TEMPLATES = Path(__file__).parent / "templates"
"""The package's page templates: the last layer."""

_site_templates: Path | None = None


def use_site_templates(folder: Path | None) -> None:
    """Templates in ``folder`` (a site's ``templates/``) take the place of the package's of the same name,
    for every environment made from now on in this process; ``None``: the package's only."""
    global _site_templates
    _site_templates = folder.resolve() if folder is not None and folder.is_dir() else None


def site_templates() -> Path | None:
    """The site's templates folder in use, if any (``mkdocs serve`` watches it)."""
    return _site_templates


def loader() -> BaseLoader:
    """The site's templates first, then the package's."""
    package = FileSystemLoader(TEMPLATES)
    return package if _site_templates is None else ChoiceLoader([FileSystemLoader(_site_templates), package])


def with_unit(value: float, unit: str, number: Callable[[float], str] = text.number) -> str:
    """'30' + '% GDP' → '30% GDP', '5' + 'doanh nghiệp' → '5 doanh nghiệp': a percent sign sticks to its number."""
    if not unit:
        return number(value)
    return f"{number(value)}{'' if unit.startswith('%') else ' '}{unit}"


def unbroken(value: str, words: Iterable[str]) -> Markup:
    """``value`` as HTML in which no line breaks inside any of ``words`` (a number like ``<n>-NQ/TW`` would otherwise break
    at its hyphen on a narrow column): each occurrence in a no-wrap span, the text around it escaped."""
    html = str(escape(value))
    for word in words:
        html = html.replace(str(escape(word)), f'<span class="nq-nowrap">{escape(word)}</span>')
    return Markup(html)


def in_vietnamese(value: object, language: str) -> object:
    """A text that stays Vietnamese in every edition (a name no translation file holds, a grassroots organisation's
    record) marked ``lang="vi"`` on another edition's page, so screen readers and search read it as Vietnamese."""
    if language == SOURCE_LANGUAGE or not str(value).strip():
        return value
    return Markup(f'<span lang="{SOURCE_LANGUAGE}">{escape(value)}</span>')


def install_interface(env: Environment, language: str) -> None:
    """``{{ _("Vietnamese text") }}`` prints the text in ``language`` (``theme.i18n``: the interface catalogue).
    Keys are new-style gettext: ``_("Còn %(n)s ngày", n=days)``, a literal percent sign written ``%%``."""
    words = translator(language)
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["language"] = language
    env.filters["vietnamese"] = lambda value: in_vietnamese(value, language)
    env.globals["other_edition"] = language != SOURCE_LANGUAGE  # text with no translation is then marked lang="vi"
    if formats := number_formats(language):  # CLDR's numbers and dates; Vietnamese ones where CLDR has none
        env.filters.update(formats)
        env.filters["with_unit"] = lambda value, unit: with_unit(value, unit, formats["number"])


def environment(*, autoescape: bool = False, finalize: Callable[[Any], Any] | None = None,
                language: str = SOURCE_LANGUAGE) -> Environment:
    """``finalize`` encodes every printed value for the output format (``encoding.xml_text`` for XML);
    ``language``: the edition whose interface words the templates print."""
    env = Environment(
        loader=loader(),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=autoescape,
        finalize=finalize,
    )
    env.filters.update(
        number=text.number, vn_number=text.vn_number, vn_date=text.vn_date, doc_date=text.doc_date,
        capitalize_first=text.capitalise, slugify=text.slugify, with_unit=with_unit, relative=relative,
        url_relative=url_relative, unbroken=unbroken,
        yaml_string=yaml_string,
    )
    install_interface(env, language)
    return env
