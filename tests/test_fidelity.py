"""The site quotes the plan word for word: the full-text page equals the corrected source.

``content/source/ke-hoach-ocr.txt`` is the OCR copy as received; applying the
documented corrections (``content/ocr-corrections.yml``) must give exactly the
words of the generated full-text page. A dropped sentence, a typo or an invented
word in any YAML file makes this fail and shows where.
"""

from __future__ import annotations

import difflib
import re

import yaml

from generator.content import load_content
from generator.render.pages import render_pages
from generator.settings import build_date

from .conftest import CONTENT, settings


def corrected_source() -> str:
    text = (CONTENT / "source" / "ke-hoach-ocr.txt").read_text(encoding="utf-8")
    corrections = yaml.safe_load((CONTENT / "ocr-corrections.yml").read_text(encoding="utf-8"))["corrections"]
    for correction in corrections:
        assert correction["wrong"] in text, f"correction no longer matches the source: {correction['wrong']!r}"
        text = text.replace(correction["wrong"], correction["right"])
    return text


def words(text: str) -> list[str]:
    """Reader-visible words: markup, bullets and quote styles folded away."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{ #[^}]*\}", " ", text)  # heading anchors (attr_list), not words
    text = text.replace("\\.", ".").replace("*", " ").replace("“", '"').replace("”", '"')
    text = re.sub(r"^\s*#+\s", " ", text, flags=re.M)
    text = re.sub(r"^\s*-\s", " ", text, flags=re.M)
    return text.split()


def full_text_markdown() -> str:
    content = load_content(CONTENT)
    page = next(p for p in render_pages(content, settings(build_date())) if p.path == "toan-van.md")
    document = page.markdown.split('<div class="nq-document" markdown>', 1)[1]
    return document.rsplit("</div>", 1)[0]


def test_full_text_matches_corrected_source_word_for_word() -> None:
    expected, actual = words(corrected_source()), words(full_text_markdown())
    if expected != actual:
        diff = "\n".join(difflib.unified_diff(expected, actual, "source", "site", n=4, lineterm=""))
        raise AssertionError("full text differs from the corrected source:\n" + diff[:4000])


def test_known_ocr_errors_are_gone_and_correct_text_kept() -> None:
    text = full_text_markdown()
    for wrong in ("quản trị, tuyên truyền", "Tùng cấp ủy", "QUẢN TRIỆT", "lỏng ghép", "chuyên đổi số"):
        assert wrong not in text
    assert text.count("quán triệt, tuyên truyền") >= 2
    assert "quản trị quốc gia" in text, "a correct phrase was over-corrected"
