"""The page ``mkdocs serve`` shows instead of the site while the content has errors.

An editor previewing with ``make serve`` watches the browser, not the terminal:
the plugin (``plugin.py``) puts this page at every address the site had, so the
live reload lands on it, and the site comes back by itself once the file is fixed.
Only when serving: a build (``mkdocs build``, ``python -m generator build``) still fails.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.errors import Problem
from .environment import environment

TEMPLATE = "content-error.md.j2"
FRAGMENT = "content-error.html.j2"


@dataclass(frozen=True)
class ErrorItem:
    """One problem as the page lists it: where (file:line), what is wrong and what to write, the field."""

    where: str
    message: str
    field: str


def error_items(problems: list[Problem]) -> list[ErrorItem]:
    items = []
    for problem in problems:
        where = problem.file if problem.line is None else f"{problem.file}:{problem.line}"
        items.append(ErrorItem(where, problem.message_vi, problem.field))
    return items


def error_page(problems: list[Problem]) -> str:
    """The Markdown of the error page; every text from the content is HTML-escaped by the template."""
    return environment().get_template(TEMPLATE).render(items=error_items(problems))


def error_fragment(problems: list[Problem]) -> str:
    """The same list as HTML, for the theme's "not found" page (``generator/theme/overrides/404.html``): ``mkdocs serve``
    answers an address the failed build did not make (the site was never built in this session) with 404.html."""
    return environment().get_template(FRAGMENT).render(items=error_items(problems), reloads=False)
