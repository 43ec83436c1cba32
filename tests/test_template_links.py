"""Templates name no page by its file (issue 20, item 6): every address comes from the registry.

A page's address is the registry's (``generator/registry.py``: page paths, ``page_url``, ``unit_path`` …);
a template that writes ``muc-tieu-2030.md`` or ``[x]: thuat-ngu.md#y`` itself breaks when the registry moves the
page, and keeps a page kind's link alive when the kind is off. Repository documents named in comments
(``SECURITY.md``), Jinja comments and template names (``_macros.md.j2``) are not links.
"""

from __future__ import annotations

import re

from .conftest import ROOT

TEMPLATES = ROOT / "generator" / "render" / "templates"

PAGE_FILE = re.compile(r"(?<![\w.-])(?![A-Z]+\.md\b)[\w/.-]*[\w-]\.md(?![\w.])(?:#[\w-]*)?")
"""A file name ending in ``.md`` (with an optional ``#fragment``), not ``*.md.j2``, not an all-capitals document."""


COMMENT = re.compile(r"\{#.*?#\}", re.S)
"""Jinja comments are not output: a comment may name a file."""


def literal_links(text: str) -> list[str]:
    return PAGE_FILE.findall(text)


def without_comments(text: str) -> str:
    """``text`` with every Jinja comment blanked, line breaks kept (line numbers stay right)."""
    return COMMENT.sub(lambda match: "\n" * match.group().count("\n"), text)


def test_no_template_names_a_page_file() -> None:
    found = {f"{path.relative_to(ROOT)}:{number}: {link}"
             for path in sorted(TEMPLATES.rglob("*.j2"))
             for number, line in enumerate(without_comments(path.read_text(encoding="utf-8")).splitlines(), 1)
             for link in literal_links(line)}
    assert sorted(found) == []


def test_the_check_sees_the_links_it_forbids() -> None:
    assert literal_links("[Mục tiêu](muc-tieu-2030.md#kinh-te-so)") == ["muc-tieu-2030.md#kinh-te-so"]
    assert literal_links("[tn]: thuat-ngu.md") == ["thuat-ngu.md"]
    assert literal_links('{{ link("don-vi/ubnd.md") }} href="tin-tuc/index.md"') == ["don-vi/ubnd.md", "tin-tuc/index.md"]
    assert literal_links('{% import "_macros.md.j2" as m %} (SECURITY.md) {{ page }}') == []
    assert without_comments("{# see `page.md#id`\n here #}[a](b.md)") == "\n[a](b.md)"
