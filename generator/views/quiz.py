"""The self-check quiz: every question of the bank with its answer and the passage it tests.

One view model feeds both the page (all questions, answers behind ``<details>``, for
reading without JavaScript) and the bank ``trac-nghiem/cau-hoi.json`` that
``generator/theme/docs/assets/quiz.js`` draws from, so the two can never disagree.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass

from ..content.models import QuizQuestion, is_draft
from .site import Site, page_url

LETTERS = "ABCD"


@dataclass(frozen=True)
class QuizOptionView:
    letter: str
    text: str
    correct: bool


@dataclass(frozen=True)
class QuizQuestionView:
    id: str
    question: str
    options: list[QuizOptionView]
    explanation: str
    quote: str
    passage_title: str
    passage_page: str
    """The page showing the passage, as a docs path with fragment: ``muc-tieu-2030.md#kinh-te-so``."""
    passage_url: str
    """The same, as a URL relative to the quiz page as built (``../muc-tieu-2030/#kinh-te-so``), for the script."""
    draft: bool = False
    """Not approved yet: only a preview build has it, with the draft banner."""

    @property
    def answer(self) -> QuizOptionView:
        return next(option for option in self.options if option.correct)


@dataclass(frozen=True)
class QuizView:
    draw: int
    questions: list[QuizQuestionView]
    bank_path: str
    """Where the JSON bank is written, under docs/: next to the page, so the page links it relatively."""

    def bank(self) -> dict[str, object]:
        """The JSON bank: what the script needs to ask, check and explain, nothing else."""
        return {
            "draw": self.draw,
            "questions": [{
                "id": q.id, "question": q.question, "options": [o.text for o in q.options],
                "answer": next(i for i, o in enumerate(q.options) if o.correct),
                "explanation": q.explanation, "quote": q.quote,
                "passage": {"title": q.passage_title, "url": q.passage_url},
            } for q in self.questions],
        }

    def bank_json(self) -> str:
        return json.dumps(self.bank(), ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def built_url(target: str, page: str) -> str:
    """``muc-tieu-2030.md#x`` seen from page ``trac-nghiem.md``, as directory URLs: ``../muc-tieu-2030/#x``."""
    path, _, fragment = target.partition("#")
    here, there = page_url(page), page_url(path)
    relative = posixpath.relpath(there or ".", here or ".")
    relative = "" if relative == "." else relative + "/"
    return relative + (f"#{fragment}" if fragment else "")


def _question(question: QuizQuestion, site: Site, page: str) -> QuizQuestionView:
    passage = site.content.passages[question.passage]
    target = site.links[question.passage].target
    options = [QuizOptionView(LETTERS[i], option.text, option.correct) for i, option in enumerate(question.options)]
    return QuizQuestionView(question.id, question.question, options, question.explanation, question.quote,
                            passage.title, target, built_url(target, page), is_draft(question))


def quiz_view(site: Site, page: str, bank_path: str) -> QuizView:
    quiz = site.content.quiz
    # A production build may publish fewer approved questions than ``draw``: a round then asks them all.
    return QuizView(min(quiz.draw, len(quiz.questions)), [_question(q, site, page) for q in quiz.questions], bank_path)
