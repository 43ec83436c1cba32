"""Publish step: link the first use of each glossary term on each page to its entry on the glossary page.

Why at the HTML level, on the built folder: every builder (MkDocs, Zensical) then
gets the same links, and the HTML tells reliably what a Markdown pass could only
guess — where a heading, a link, code or an attribute starts and ends. Text is
changed only inside the page body (``data-pagefind-body``, which ``main.html``
writes for both builders), never inside headings, links, code, ``<summary>``
(a question of the Q&A: tapping it must open the answer, not leave the page),
SVG, buttons or form labels, quotations (``<blockquote>``, ``<q>``), and never on
the glossary page itself.

Quotations of the official text carry no glossary link: a quoted sentence stands as
the document printed it, with no editorial mark inside it.

Matching: case-insensitive, whole words (a Vietnamese syllable boundary: no
letter or digit on either side), longest form first, so “Chính phủ điện tử” wins
over a shorter term inside it; each term is linked once per page, at its first
use in document order.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Template

from ..content.models import GlossarySection
from ..render.environment import environment
from .firstview import index_file

SKIPPED = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style", "svg",
    "summary", "button", "label", "textarea", "select", "option", "title", "dt", "blockquote", "q",
})
"""Elements whose text is never linked (``dt``: a term being defined, on any page; ``blockquote`` and ``q``:
quoted official text)."""

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_BODY = re.compile(r"\bdata-pagefind-body\b")
_LINK_TEMPLATE = "glossary-link.html.j2"


@dataclass(frozen=True)
class LinkTerm:
    """A glossary entry as the step needs it: its anchor, its name and every way it is written."""

    id: str
    term: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryLinks:
    """What to link and where to: the glossary page's built file and its terms."""

    page: str
    """The glossary page's built file, relative to the site folder: ``thuat-ngu/index.html``."""
    terms: tuple[LinkTerm, ...]


def glossary_links(section: GlossarySection, page_url: str) -> GlossaryLinks:
    """The terms to link (those not marked ``link: false``) and the glossary page at directory URL ``page_url``."""
    terms = tuple(LinkTerm(t.id, t.term, tuple(t.forms)) for t in section.terms if t.link)
    return GlossaryLinks(index_file(page_url), terms)


class _Matcher:
    """One regular expression for every form, longest first, with word boundaries for Vietnamese."""

    def __init__(self, terms: tuple[LinkTerm, ...]) -> None:
        self.by_form: dict[str, LinkTerm] = {}
        for term in terms:
            for form in term.forms:
                # Pages are HTML-escaped text: “R&D” stands there as “R&amp;D”.
                self.by_form[html.escape(form, quote=False).casefold()] = term
        forms = sorted(self.by_form, key=lambda form: (-len(form), form))
        alternatives = "|".join(re.escape(form) for form in forms)
        self.pattern = re.compile(rf"(?<![\w&])(?:{alternatives})(?!\w)", re.IGNORECASE) if forms else None

    def find(self, text: str) -> Iterator[tuple[re.Match[str], LinkTerm]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield match, self.by_form[match.group().casefold()]


@lru_cache(maxsize=1)
def _link_template() -> Template:
    return environment(autoescape=True).get_template(_LINK_TEMPLATE)


def link_page(page: str, matcher: _Matcher, href_for: str) -> str:
    """The page with the first use of each term in its body wrapped in a glossary link."""
    template = _link_template()
    linked: set[str] = set()
    out: list[str] = []
    body_depth = 0  # open <div>s since the body's own <div data-pagefind-body>; 0 = outside
    skipped: list[str] = []
    for token in _TOKEN.split(page):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            tag = _TAG.match(token)
            if token.startswith("<!--") or tag is None:
                continue
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            self_closing = token.rstrip().endswith("/>") or name in VOID
            if name == "div" and not self_closing:
                if body_depth:
                    body_depth += -1 if closing else 1
                elif not closing and _BODY.search(token):
                    body_depth = 1
            if name in SKIPPED and not self_closing:
                if closing:
                    if name in skipped:
                        del skipped[len(skipped) - 1 - skipped[::-1].index(name):]
                else:
                    skipped.append(name)
            continue
        if not body_depth or skipped:
            out.append(token)
            continue
        position = 0
        for match, term in matcher.find(token):
            if term.id in linked or match.group() == token.strip():
                continue  # already linked, or the whole text of its element: a label (a card title), not a word in a sentence
            linked.add(term.id)
            out.append(token[position:match.start()])
            out.append(template.render(href=f"{href_for}#{term.id}", term=term.term, text=match.group()))
            position = match.end()
        out.append(token[position:])
    return "".join(out)


def relative_href(page_file: str, glossary_file: str) -> str:
    """The link from a built page to the glossary page, directory URLs as every builder here writes them."""
    target = posixpath.dirname(glossary_file) or "."
    source = posixpath.dirname(page_file) or "."
    href = posixpath.relpath(target, source)
    return "./" if href == "." else f"{href}/"


def link_glossary_terms(site_dir: Path, glossary: GlossaryLinks) -> int:
    """Link terms on every built page except the glossary itself; returns the number of links made."""
    if not glossary.terms or not (site_dir / glossary.page).is_file():
        return 0
    matcher = _Matcher(glossary.terms)
    made = 0
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative == glossary.page:
            continue
        text = path.read_text(encoding="utf-8")
        if not _BODY.search(text):
            continue
        changed = link_page(text, matcher, relative_href(relative, glossary.page))
        if changed != text:
            made += changed.count('class="nq-term"') - text.count('class="nq-term"')
            path.write_text(changed, encoding="utf-8")
    return made
