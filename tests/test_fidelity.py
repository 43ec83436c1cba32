"""The site quotes the plan word for word: the full-text page equals the corrected source.

``content/source/ke-hoach-ocr.txt`` is the OCR copy as received; applying the
documented corrections (``content/ocr-corrections.yml``) must give exactly the
words of the generated full-text page. A dropped sentence, a typo or an invented
word in any YAML file makes this fail and shows where.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.content import load_content
from generator.content.document import CORRECTIONS, SOURCE_TEXT, document_pieces, normalise, words
from generator.content.document import corrected_source as corrected_source_of
from generator.content.loader import plan_wording
from generator.content.models import Corrections, plain_text
from generator.render.pages import render_pages
from generator.settings import build_date
from generator.text import vn_date

from .conftest import CONTENT, settings
from .test_approval import UNSAID


def corrected_source() -> str:
    """The OCR copy with the documented corrections applied (``document.corrected_source``, as validate reads it)."""
    corrections = Corrections.model_validate(yaml.safe_load((CONTENT / CORRECTIONS).read_text(encoding="utf-8")))
    text = corrected_source_of((CONTENT / SOURCE_TEXT).read_text(encoding="utf-8"), corrections.corrections)
    assert text is not None, "a correction no longer matches the source"
    return text


def full_text_markdown() -> str:
    content = load_content(CONTENT)
    page = next(p for p in render_pages(content, settings(build_date())) if p.path == "toan-van.md")
    document = page.markdown.split('<div class="nq-document" markdown>', 1)[1]
    return document.rsplit("</div>", 1)[0]


def test_full_text_matches_corrected_source_word_for_word() -> None:
    """The check lives in the generator (``validate`` runs it, in Vietnamese, at the YAML line); here it must pass,
    and the page it stands for must show exactly the fields it compares (so the two cannot drift apart)."""
    content = load_content(CONTENT)
    assert plan_wording(CONTENT, content.parts) == []
    pieces = [word for piece in document_pieces(**content.parts) for word in words(piece.text)]
    assert words(full_text_markdown()) == pieces, "full-text.md.j2 and document.document_pieces differ"


def test_known_ocr_errors_are_gone_and_correct_text_kept() -> None:
    text = full_text_markdown()
    for wrong in ("quản trị, tuyên truyền", "Tùng cấp ủy", "QUẢN TRIỆT", "lỏng ghép", "chuyên đổi số"):
        assert wrong not in text
    assert text.count("quán triệt, tuyên truyền") >= 2
    assert "quản trị quốc gia" in text, "a correct phrase was over-corrected"
    assert "(Qua Ban" not in text and "(qua Ban Tuyên giáo và Dân vận Huyện ủy)" in text
    assert "phương thức, tuyên truyền" not in text


def test_site_description_quotes_the_plans_title() -> None:
    description = " ".join(_yaml("cai-dat.yml")["site_description"].split())
    title = " ".join(_yaml("ke-hoach.yml")["title"].split())
    assert title in description and "học tập" not in description


# ---------------------------------------------------------------- what the district publishes (issue 10)


def _yaml(name: str) -> dict:
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def test_no_built_page_and_no_calendar_says_qua_han(district_site) -> None:
    files = [*district_site.rglob("*.html"), *district_site.rglob("*.ics")]
    assert any(path.suffix == ".ics" for path in files)
    for path in files:
        assert "quá hạn" not in path.read_text(encoding="utf-8").lower(), path


def test_every_target_number_stands_in_its_quote_and_each_card_names_what_it_measures() -> None:
    for name in ("muc-tieu/2030.yml", "muc-tieu/2045.yml"):
        section = _yaml(name)
        assert section.get("national") is True, f"{name}: the Resolution's targets are the country's"
        for paragraph in section["paragraphs"]:
            assert paragraph.get("title"), f"{name}: every group has an editor's title"
            assert paragraph["title"][0].isupper()
            for indicator in paragraph.get("indicators", []):
                quote = indicator["quote"]
                assert re.search(rf"(?<![\d,]){re.escape(_number(indicator['value']))}(?![\d,])", quote), indicator["id"]
                if "value_max" in indicator:
                    assert _number(indicator["value_max"]) in quote, indicator["id"]
                assert not indicator["title"].startswith("Top"), indicator["id"]
                assert indicator["title"][0].isupper(), indicator["id"]
                for text in (indicator["title"], indicator.get("value_text", "")):
                    assert "≥" not in text and ">" not in text


def test_the_ranking_sentence_gives_one_card_per_ranking_and_scope() -> None:
    sentence = ("nhóm 3 nước dẫn đầu Đông Nam Á, nhóm 50 nước đứng đầu thế giới về năng lực cạnh tranh số "
                "và chỉ số phát triển Chính phủ điện tử")
    cards = [i for p in _yaml("muc-tieu/2030.yml")["paragraphs"] for i in p.get("indicators", []) if sentence in i["quote"]]
    assert sorted((i["value"], "cạnh tranh số" in i["title"]) for i in cards) == [
        (3, False), (3, True), (50, False), (50, True)]


def test_every_duty_of_sections_iii_and_iv_is_on_a_unit_page(district_site) -> None:
    study, organisation = _yaml("hoc-tap-quan-triet.yml"), _yaml("to-chuc-thuc-hien.yml")
    parts = list(study["parts"])
    assert all(part.get("assignments") for part in parts), "III.1–III.4 each give someone work"
    duties = [a["duty"] for part in parts for a in part["assignments"]]
    duties += [a["duty"] for unit in organisation["units"] for a in unit["assignments"]]
    pages = " ".join(" ".join(words(p.read_text(encoding="utf-8"))) for p in (district_site / "don-vi").rglob("*.html"))
    for duty in duties:
        sentence = " ".join(duty.split())
        assert sentence[:1].upper() + sentence[1:] in pages, duty
    merged = next(u for u in organisation["units"] if u["id"] == "cap-uy-truc-thuoc")
    assert merged["also_named"] == ["Các cấp ủy cơ sở"], "section III's name for the same bodies"


# ---------------------------------------------------------------- the district's Q&A and claims (moved from test_study_aids)

def district_entries() -> list[tuple[str, dict]]:
    questions = [("hoi-dap.yml", q) for g in _yaml("hoi-dap.yml")["groups"] for q in g["questions"]]
    clarifications = [("lam-ro.yml", c) for c in _yaml("lam-ro.yml")["items"]]
    return questions + clarifications


def test_district_has_enough_questions_claims_and_terms() -> None:
    assert sum(1 for name, _ in district_entries() if name == "hoi-dap.yml") >= 20
    assert sum(1 for name, _ in district_entries() if name == "lam-ro.yml") >= 6
    assert len(_yaml("thuat-ngu.yml")["terms"]) >= 15


@pytest.mark.parametrize(("name", "entry"), district_entries(), ids=lambda v: v["id"] if isinstance(v, dict) else v)
def test_every_quotation_stands_word_for_word_in_the_corrected_ocr(name: str, entry: dict) -> None:
    paragraphs = [normalise(p) for p in corrected_source().split("\n\n")]
    assert entry["quotes"], f"{name}: {entry['id']} has no quotation"
    for quote in entry["quotes"]:
        assert any(normalise(quote) in p for p in paragraphs), f"{name}: {entry['id']}: not in the document: {quote}"


# ---------------------------------------------------------------- the district's posts (moved from test_news)

DEFAULT_POSTS = {"2026-11-27-nghi-quyet-57.md": "tin-tuc/2026/nghi-quyet-57-nq-tw/",
                 "2026-11-27-ke-hoach-215-kh-tu.md": "tin-tuc/2026/ke-hoach-215-kh-tu/"}
"""The two posts the site ships with (fidelity: they report only dated events of the document).
Each is dated the day it was written for the site, not the day of the event it reports."""


def test_posts_are_newest_first_and_the_default_posts_keep_their_urls() -> None:
    posts = load_content(CONTENT).posts
    assert [p.meta.date for p in posts] == sorted((p.meta.date for p in posts), reverse=True)
    urls = {Path(p.source).name: p.url for p in posts}
    assert {name: urls.get(name) for name in DEFAULT_POSTS} == DEFAULT_POSTS
    assert all(p.meta.source for p in posts if Path(p.source).name in DEFAULT_POSTS), "they name the document they report"


def test_default_posts_only_state_dated_events_of_the_document() -> None:
    plan = load_content(CONTENT).plan
    source = (CONTENT / "source" / "ke-hoach-ocr.txt").read_text(encoding="utf-8")
    for post in load_content(CONTENT).posts:
        if Path(post.source).name not in DEFAULT_POSTS:
            continue
        events = [ref.date for ref in (plan.resolution, plan.implements) if vn_date(ref.date) in post.meta.summary]
        assert events, f"{post.source}: the summary dates an event of the document"
        assert all(vn_date(event) in source for event in events)
        assert post.meta.date >= max(events), f"{post.source}: published after the event it reports"


# ---------------------------------------------------------------- the district's editorial material (moved from test_approval)

def document_paragraphs() -> list[str]:
    return [normalise(p) for p in corrected_source().split("\n\n")]


@pytest.mark.parametrize("item", _yaml("lam-ro.yml")["items"], ids=lambda item: item["id"])
def test_no_district_clarification_question_is_text_the_plan_endorses(item: dict) -> None:
    paragraphs = document_paragraphs()
    assert not any(normalise(item["question"]) in p for p in paragraphs), item["question"]
    assert item["quotes"] and all(any(normalise(q) in p for p in paragraphs) for q in item["quotes"])


def test_district_clarifications_drop_hostile_labels_and_the_mindset_the_resolution_removes() -> None:
    data = _yaml("lam-ro.yml")
    text = yaml.safe_dump(data, allow_unicode=True).casefold()  # what the page shows, not the editors' comments
    assert "luận điệu" not in text and "thù địch" not in text and "xuyên tạc" not in text
    assert "không quản được thì cấm" not in text
    assert data["title"] == "Làm rõ một số nhận thức chưa đúng"


def test_no_district_answer_says_what_the_plan_leaves_out() -> None:
    answers = [q["answer"] for g in _yaml("hoi-dap.yml")["groups"] for q in g["questions"]]
    answers += [item["answer"] for item in _yaml("lam-ro.yml")["items"]]
    assert [a for a in answers if UNSAID.search(a)] == []


@pytest.mark.parametrize("line", _yaml("nguoi-dan.yml")["items"], ids=lambda line: line["passage"])
def test_district_citizens_lines_quote_the_plan(line: dict) -> None:
    assert any(normalise(line["quote"]) in p for p in document_paragraphs()), line["quote"]


def test_no_approval_record_is_written_into_the_districts_content() -> None:
    files = [*CONTENT.glob("*.yml"), *(CONTENT / "tin-tuc").glob("*.md")]
    assert [f.name for f in files if re.search(r"^\s*approved:", f.read_text(encoding="utf-8"), re.M)] == []


def test_the_districts_register_holds_no_invented_organisation() -> None:
    """Grassroots organisations and their results are recorded when they report, never made up for the site."""
    assert _yaml("to-chuc-co-so.yml")["organisations"] == []
    assert not (CONTENT / "to-chuc-co-so").exists() or not list((CONTENT / "to-chuc-co-so").glob("*.yml"))


# ---------------------------------------------------------------- the district's quiz (moved from test_quiz)

def test_district_bank_has_at_least_30_questions_each_quoting_the_plan_word_for_word() -> None:
    bank = _yaml("trac-nghiem.yml")
    assert len(bank["questions"]) >= 30
    source = plain_text(corrected_source().replace('"', "")).replace("“", "").replace("”", "")
    for question in bank["questions"]:
        quote = plain_text(question["quote"]).replace("“", "").replace("”", "")
        assert quote in source, question["id"]
        assert sum(bool(option.get("correct")) for option in question["options"]) == 1, question["id"]
        assert 3 <= len(question["options"]) <= 4, question["id"]
    load_content(CONTENT)  # passages exist, quotes stand in their passages
