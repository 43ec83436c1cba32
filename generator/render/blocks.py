"""A document as plain data: its head (title, author, date) and its body as text blocks.

The handout's text is written once, as HTML (``templates/_handout.html.j2``, read on
the print page). The PDF engine gets the same text as data, not as markup: this module
reads the rendered HTML back into blocks — headings, paragraphs, lists — whose runs
are plain strings marked bold or italic. The PDF template (``templates/handout.typ``)
lays blocks out by kind and role and never evaluates a string, so whatever an editor
typed stays text on paper, and a change to what the handout says touches only the view
and the HTML template.

Only the few tags the handout uses are understood; any other tag is a mistake in a
template and stops the build with its name, rather than vanishing from the paper.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser

BLOCK_TAGS = {"p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "ol": "list", "ul": "list"}
INLINE_TAGS = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "span": None, "a": None}
CONTAINERS = {"html", "head", "body", "div", "section"}
HEAD_TAGS = {"title", "meta"}
SPACE = re.compile(r"\s+")


@dataclass
class Run:
    """Text in one style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A heading, a paragraph or a list. ``role`` is the element's class without its ``nq-handout__`` prefix
    (``title``, ``note``…): the PDF template styles by it, and lays out an unknown role as a plain paragraph."""

    kind: str
    role: str = ""
    level: int = 0
    """Headings: 1–3. Lists: 0."""
    ordered: bool = False
    runs: list[Run] = field(default_factory=list)
    items: list[list[Run]] = field(default_factory=list)
    """List items, each its runs."""


@dataclass
class Document:
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    """``<meta name content>`` of the head: author, description, dcterms.created…"""
    blocks: list[Block] = field(default_factory=list)

    def as_data(self) -> dict:
        return asdict(self)


class TemplateMarkupError(ValueError):
    """The HTML uses a tag the PDF cannot show: a template's mistake, not an editor's."""


def _role(attrs: list[tuple[str, str | None]]) -> str:
    classes = (dict(attrs).get("class") or "").split()
    return classes[-1].rsplit("__", 1)[-1] if classes else ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.document = Document()
        self.block: Block | None = None
        self.item: list[Run] | None = None
        self.styles: list[str | None] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CONTAINERS:
            return
        if tag == "meta":
            values = dict(attrs)
            if values.get("name") and values.get("content") is not None:
                self.document.meta[str(values["name"])] = str(values["content"])
        elif tag == "title":
            self.in_title = True
        elif tag in BLOCK_TAGS and self.block is None:
            kind = BLOCK_TAGS[tag]
            self.block = Block(kind, _role(attrs), level=int(tag[1]) if kind == "heading" else 0, ordered=tag == "ol")
        elif tag == "li" and self.block is not None and self.block.kind == "list" and self.item is None:
            self.item = []
        elif tag in INLINE_TAGS and self.block is not None:
            self.styles.append(INLINE_TAGS[tag])
        else:
            raise TemplateMarkupError(f"thẻ <{tag}> không dùng được ở chỗ này trong tài liệu PDF (tag not supported here)")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            raise TemplateMarkupError(f"thẻ <{tag}/> không dùng được trong tài liệu PDF (tag not supported)")
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in INLINE_TAGS and self.styles:
            self.styles.pop()
        elif tag == "li" and self.block is not None and self.item is not None:
            self.block.items.append(_tidy(self.item))
            self.item = None
        elif tag in BLOCK_TAGS and self.block is not None:
            self.block.runs = _tidy(self.block.runs)
            if self.block.runs or self.block.items:
                self.document.blocks.append(self.block)
            self.block = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.document.title += data
            return
        target = self.item if self.item is not None else self.block.runs if self.block and self.block.kind != "list" else None
        if target is None:
            if data.strip():
                raise TemplateMarkupError(f"chữ ngoài đoạn văn trong tài liệu PDF (text outside a block): {data.strip()[:60]!r}")
            return
        bold, italic = "bold" in self.styles, "italic" in self.styles
        if target and (target[-1].bold, target[-1].italic) == (bold, italic):
            target[-1].text += data
        else:
            target.append(Run(data, bold, italic))


def _tidy(runs: list[Run]) -> list[Run]:
    """HTML's white space rule: any run of spaces and line breaks is one space, none at either end."""
    out: list[Run] = []
    for run in runs:
        text = SPACE.sub(" ", run.text)
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(Run(text, run.bold, run.italic))
    if out:
        out[0].text = out[0].text.lstrip(" ")
        out[-1].text = out[-1].text.rstrip(" ")
    return [run for run in out if run.text]


def read_document(html: str) -> Document:
    """The document an HTML page holds, as blocks (``TemplateMarkupError`` on a tag the PDF cannot show)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.document.title = SPACE.sub(" ", reader.document.title).strip()
    return reader.document
