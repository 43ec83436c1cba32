"""Hỏi – đáp, làm rõ, thuật ngữ: quotations checked word for word, answers linked to their passages.

Generator behaviour (validation, views, the glossary links, every answer's link in the built site) is tested on
the fixture commune; the district's own questions and claims only by the fidelity checks against the corrected
OCR text, in tests/test_fidelity.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator import registry
from generator.content.document import normalise
from generator.render.pages import pages_by_kind, site_view

from .conftest import FIXTURE, problems_for, replace_once, settings
from .test_views import TODAY

FIXTURE_CONTENT = FIXTURE / "content"


def raw(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))




# -- validation: Vietnamese, file:line -------------------------------------------------------------

def test_answer_without_a_quotation_is_rejected_at_its_line(fixture_copy: Path) -> None:
    path = fixture_copy / "hoi-dap.yml"
    quote = "Các chi bộ quán triệt Nghị quyết trong kỳ sinh hoạt chi bộ thường kỳ."
    line = replace_once(path, f"quotes:\n          - {quote}", "quotes: []")
    [problem] = problems_for(fixture_copy)
    assert problem.file.endswith("hoi-dap.yml") and problem.line == line
    assert "phải trích ít nhất một câu nguyên văn" in problem.message_vi
    assert problem.field == "groups.0.questions.0.quotes"


def test_answer_with_no_quotes_field_is_rejected(fixture_copy: Path) -> None:
    path = fixture_copy / "lam-ro.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"    quotes:\n      - [^\n]*\n", "", text), encoding="utf-8")
    [problem] = problems_for(fixture_copy)
    assert problem.file.endswith("lam-ro.yml") and "thiếu trường bắt buộc “quotes”" in problem.message_vi


def test_quotation_not_in_the_document_is_rejected_at_its_line(fixture_copy: Path) -> None:
    path = fixture_copy / "lam-ro.yml"
    # One word changed: "xuyên suốt" → "hàng đầu"; the sentence no longer stands in the document.
    line = replace_once(path, "là yêu cầu xuyên suốt trong quá trình", "là yêu cầu hàng đầu trong quá trình")
    [problem] = problems_for(fixture_copy)
    assert (problem.file.endswith("lam-ro.yml"), problem.line) == (True, line)
    assert "không có nguyên văn trong Kế hoạch" in problem.message_vi
    assert "hàng đầu" in problem.message_vi and problem.field == "items.0.quotes.0"


def test_quotation_joining_two_paragraphs_is_not_word_for_word(fixture_copy: Path) -> None:
    viewpoints = raw(FIXTURE_CONTENT, "quan-diem.yml")["viewpoints"]
    end_of_first = viewpoints[0]["text"].split()[-1]
    start_of_second = viewpoints[1]["text"].split()[0]
    line = replace_once(fixture_copy / "hoi-dap.yml", "- Người dân và doanh nghiệp là trung tâm, là chủ thể của chuyển đổi số",
                        f"- {end_of_first} {start_of_second}")
    [problem] = problems_for(fixture_copy)
    assert problem.line == line and "không có nguyên văn trong Kế hoạch" in problem.message_vi
    assert f"{end_of_first} {start_of_second}" in " ".join(v["text"] for v in viewpoints), "joined, it reads as text"


def test_unknown_passage_suggests_the_closest(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "hoi-dap.yml", "source: nguoi-dan-la-trung-tam", "source: nguoi-dan-trung-tam")
    [problem] = problems_for(fixture_copy)
    assert problem.line == line and "nguoi-dan-trung-tam" in problem.message_vi
    assert "có phải ý bạn là “nguoi-dan-la-trung-tam”" in problem.message_vi


def test_quote_marks_and_emphasis_do_not_count_as_words(fixture_content) -> None:
    document = fixture_content.document
    text = raw(FIXTURE_CONTENT, "hoc-tap-quan-triet.yml")["parts"][2]["bullets"][0]
    assert "*" in text and text.replace("*", "") in document and text in document
    assert text.replace("57-NQ/TW", "58-NQ/TW") not in document


def test_two_entries_with_one_id_are_an_error(fixture_copy: Path) -> None:
    replace_once(fixture_copy / "hoi-dap.yml", "id: ai-truyen-dat", "id: chi-bo-quan-triet-khi-nao")
    [problem] = problems_for(fixture_copy)
    assert "dùng hai lần" in problem.message_vi and problem.file.endswith("hoi-dap.yml")


# -- views (fixture) --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages(fixture_content):
    """A preview: every question of the fixture, the unapproved one too (production is tests/test_approval.py)."""
    return pages_by_kind(site_view(fixture_content, settings(TODAY, FIXTURE_CONTENT, preview=True)))


def test_each_answer_links_to_its_passage(pages) -> None:
    view = pages["questions"][0].view
    written = [q for g in raw(FIXTURE_CONTENT, "hoi-dap.yml")["groups"] for q in g["questions"]]
    viewpoint_ids = {v["id"] for v in raw(FIXTURE_CONTENT, "quan-diem.yml")["viewpoints"]}
    entries = [e for g in view.groups for e in g.entries]
    assert [e.item.id for e in entries] == [q["id"] for q in written] and view.count == len(written)
    for entry, question in zip(entries, written, strict=True):
        if question["source"] in viewpoint_ids:
            assert entry.passage.target == f"{registry.VIEWPOINTS}#{question['source']}"
        else:
            assert entry.passage.target == f"{registry.FULL_TEXT}#{question['source']}"
    assert view.clarifications_page == registry.CLARIFICATIONS


def test_glossary_is_in_vietnamese_alphabetical_order(pages) -> None:
    terms = [t.term for t in pages["glossary"][0].view.terms]
    order = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    assert any(t[0].lower() == "đ" for t in terms) and any(t[0].lower() == "d" for t in terms)
    firsts = [order.index(t[0].lower()) for t in terms if t[0].lower() in order]
    assert firsts == sorted(firsts), terms  # d before đ, a before ă before â: the first letters alone say it
    assert len(terms) == len(raw(FIXTURE_CONTENT, "thuat-ngu.yml")["terms"])


def test_full_text_headings_carry_the_anchors_answers_link_to(fixture_content) -> None:
    from generator.render.pages import render_pages

    page = next(p for p in render_pages(fixture_content, settings(TODAY, FIXTURE_CONTENT)) if p.path == registry.FULL_TEXT)
    plan_ids = set(site_view(fixture_content, settings(TODAY, FIXTURE_CONTENT)).links)
    sections = [q["source"] for g in raw(FIXTURE_CONTENT, "hoi-dap.yml")["groups"] for q in g["questions"]
                if q["source"] not in plan_ids]
    assert sections, "the fixture has answers that link to a heading of the full text"
    for anchor in sections:
        assert f"{{ #{anchor} }}" in page.markdown


# -- the built fixture site: follow every answer's link -------------------------------------------

class _Answers(HTMLParser):
    """Each <details class="nq-qa"> / <article class="nq-claim">: its id and the link after “Đoạn văn gốc”."""

    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}
        self.current: str | None = None
        self.in_meta = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if "nq-qa" in classes or "nq-claim" in classes:
            self.current = values["id"]
        elif "nq-qa__meta" in classes:
            self.in_meta = True
        elif tag == "a" and self.in_meta and self.current and self.current not in self.links:
            self.links[self.current] = values["href"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.in_meta = False


def page_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    body = text.split("data-pagefind-body", 1)[1]
    return normalise(re.sub(r"<[^>]+>", "", body).replace("&amp;", "&").replace("&quot;", '"'))


def fixture_entries() -> list[tuple[str, dict]]:
    questions = [("hoi-dap.yml", q) for g in raw(FIXTURE_CONTENT, "hoi-dap.yml")["groups"] for q in g["questions"]]
    return questions + [("lam-ro.yml", c) for c in raw(FIXTURE_CONTENT, "lam-ro.yml")["items"]]


@pytest.mark.parametrize("page", ["hoi-dap", "lam-ro"])
def test_every_answer_link_leads_to_a_passage_that_holds_its_quotation(built_site: Path, page: str) -> None:
    parser = _Answers()
    parser.feed((built_site / page / "index.html").read_text(encoding="utf-8"))
    written = {entry["id"]: entry for name, entry in fixture_entries() if name == f"{page}.yml"}
    assert written and set(parser.links) == set(written)  # built_site is a preview: the draft item is there too
    for ident, href in parser.links.items():
        url = urlsplit(urljoin(f"http://site.invalid/{page}/", href))
        target = built_site / PurePosixPath(url.path.lstrip("/")) / "index.html"
        assert target.is_file(), f"{ident}: {href} leads nowhere"
        # A unit's passage is its whole page (don-vi/<id>/); every other passage is one anchor of a page.
        if url.fragment or not url.path.startswith("/don-vi/"):
            assert f'id="{url.fragment}"' in target.read_text(encoding="utf-8"), f"{ident}: no #{url.fragment} on {href}"
        assert normalise(written[ident]["quotes"][0]) in page_text(target), f"{ident}: the quotation is not on {href}"


# -- glossary links -------------------------------------------------------------------------------

_SKIPPED = ("h1", "h2", "h3", "h4", "h5", "h6", "a", "summary", "code", "pre", "dt", "blockquote", "q")


class _Terms(HTMLParser):
    """Glossary links on a page, and whether any stands inside an element where links are not allowed."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.links: list[str] = []
        self.misplaced: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and "nq-term" in (values.get("class") or "").split():
            self.links.append(values.get("href") or "")
            assert values.get("title"), "a glossary link has a title"
            if inside := [t for t in self.open if t in _SKIPPED]:
                self.misplaced.append(f"{values.get('href')} inside <{inside[-1]}>")
        if tag not in ("br", "img", "hr", "meta", "link", "input", "wbr", "col", "source"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]


def glossary_report(path: Path) -> _Terms:
    parser = _Terms()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_glossary_links_on_fixture_pages(tmp_path: Path, fixture_content) -> None:
    from generator.publish.glossary import glossary_links, link_glossary_terms

    terms = raw(FIXTURE_CONTENT, "thuat-ngu.yml")["terms"]
    first, second = terms[0]["term"], terms[1]["term"]
    page = tmp_path / "a" / "b" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        f"<html><head><title>{first}</title></head><body><nav>{first}</nav><div data-pagefind-body>"
        f"<h1>{first}</h1><p><a href='x'>{first}</a> <code>{first}</code></p><details><summary>{first}</summary>"
        f"<p>Đoạn: {first.upper()} rồi {first} và {second}x, {second}.</p></details><div><p>{second}</p></div>"
        f"</div><footer>{second}</footer></body></html>", encoding="utf-8")
    glossary = tmp_path / "thuat-ngu" / "index.html"
    glossary.parent.mkdir()
    glossary.write_text(f"<div data-pagefind-body><p>{first}</p></div>", encoding="utf-8")
    made = link_glossary_terms(tmp_path, glossary_links(fixture_content.glossary, "thuat-ngu/"))
    html = page.read_text(encoding="utf-8")
    report = glossary_report(page)
    assert made == 2 and report.misplaced == []
    assert report.links == [f"../../thuat-ngu/#{terms[0]['id']}", f"../../thuat-ngu/#{terms[1]['id']}"]
    # The first use in the body (any case) is linked; the heading, link, code and summary before it are not;
    # “{second}x” is not a whole word, so the second term links at the next one.
    assert f'>{first.upper()}</a> rồi {first} và {second}x, <a class="nq-term"' in html
    assert f"<nav>{first}</nav>" in html and f"<footer>{second}</footer>" in html
    assert "nq-term" not in glossary.read_text(encoding="utf-8")


def test_longest_term_wins(tmp_path: Path) -> None:
    from generator.publish.glossary import GlossaryLinks, LinkTerm, link_glossary_terms

    (tmp_path / "index.html").write_text("<div data-pagefind-body><p>Chính phủ điện tử và R&amp;D.</p></div>",
                                         encoding="utf-8")
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "index.html").write_text("", encoding="utf-8")
    terms = (LinkTerm("cp", "Chính phủ", ("Chính phủ",)), LinkTerm("cpdt", "Chính phủ điện tử", ("Chính phủ điện tử",)),
             LinkTerm("rd", "R&D", ("R&D",)))
    assert link_glossary_terms(tmp_path, GlossaryLinks("g/index.html", terms)) == 2
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="g/#cpdt"' in html and 'href="g/#cp"' not in html and '>R&amp;D</a>' in html


def test_built_site_links_each_term_once_per_page_never_in_headings_or_links(built_site: Path) -> None:
    glossary_ids = {t["id"] for t in raw(FIXTURE_CONTENT, "thuat-ngu.yml")["terms"]}
    linked_somewhere: set[str] = set()
    for path in sorted(built_site.rglob("*.html")):
        report = glossary_report(path)
        relative = path.relative_to(built_site).as_posix()
        assert report.misplaced == [], f"{relative}: {report.misplaced}"
        ids = [href.rsplit("#", 1)[1] for href in report.links]
        assert len(ids) == len(set(ids)), f"{relative}: a term linked twice: {ids}"
        assert set(ids) <= glossary_ids
        assert all(urlsplit(href).path.endswith("thuat-ngu/") for href in report.links)
        linked_somewhere.update(ids)
        if relative == "thuat-ngu/index.html":
            assert ids == []
    terms = raw(FIXTURE_CONTENT, "thuat-ngu.yml")["terms"]
    assert not {t["id"] for t in terms if t.get("link") is False} & linked_somewhere, "link: false is never linked"
    viewpoints = " ".join(v["text"] for v in raw(FIXTURE_CONTENT, "quan-diem.yml")["viewpoints"]).casefold()
    named = {t["id"] for t in terms if t.get("link") is not False and t["term"].casefold() in viewpoints}
    assert named, "the fixture's viewpoints name glossary terms"
    plan_page = glossary_report(built_site / "quan-diem-chi-dao" / "index.html")
    assert named <= {href.rsplit("#", 1)[1] for href in plan_page.links} <= linked_somewhere
