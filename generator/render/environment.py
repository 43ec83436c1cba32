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


def with_unit(value: float, unit: str) -> str:
    """'30' + '% GDP' → '30% GDP', '5' + 'doanh nghiệp' → '5 doanh nghiệp': a percent sign sticks to its number."""
    if not unit:
        return text.number(value)
    return f"{text.number(value)}{'' if unit.startswith('%') else ' '}{unit}"


def unbroken(value: str, words: Iterable[str]) -> Markup:
    """``value`` as HTML in which no line breaks inside any of ``words`` (a number like ``<n>-NQ/TW`` would otherwise break
    at its hyphen on a narrow column): each occurrence in a no-wrap span, the text around it escaped."""
    html = str(escape(value))
    for word in words:
        html = html.replace(str(escape(word)), f'<span class="nq-nowrap">{escape(word)}</span>')
    return Markup(html)


def environment(*, autoescape: bool = False, finalize: Callable[[Any], Any] | None = None) -> Environment:
    """``finalize`` encodes every printed value for the output format (``encoding.xml_text`` for XML)."""
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
    return env
