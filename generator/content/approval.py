"""Approval before publication: which editorial items a body has approved, and the content a build may publish.

Editorial text (summary and citizens lines, questions and answers, clarifications,
glossary terms, quiz questions, discussion questions, news posts) speaks in the
committee's name, so each item carries ``approved: {by, on}``. A production
build publishes approved items only: ``approved_only`` returns the content without
the others, and every stage after it (pages, menu, feeds, search index, the
portal's JSON, glossary links) sees only what was approved. A preview build keeps
every item; templates mark the unapproved ones "Bản nháp — chưa duyệt".

``editorial_items`` is the one list of what needs approval: the filter, the build
log and ``python -m generator lint`` all read it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import models
from .loader import Content, display_path
from .models import is_draft
from .posts import NEWS_DIR

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class EditorialItem:
    """One item that needs approval: the content file (``Content`` attribute, or a post's file), where in it, a label."""

    attribute: str
    """The ``Content`` field it belongs to (``questions``, ``quiz`` …) or ``posts``."""
    file: str
    """The file an editor opens: ``hoi-dap.yml`` (relative to the content folder) or a post's display path."""
    path: YamlPath
    """Where the item starts in that file (for a post: its ``title``)."""
    label: str
    """How the log and the lint name it: its id, or the first words of its text."""
    item: Any


def _words(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def editorial_items(content: Content) -> Iterator[EditorialItem]:
    """Every editorial item in the content, file by file in ``Content`` order, posts last."""
    def entry(attribute: str, path: YamlPath, label: str, item: Any) -> EditorialItem:
        return EditorialItem(attribute, content.source(attribute), path, label, item)

    for index, line in enumerate(content.summary.items):
        yield entry("summary", ("items", index), _words(line.text), line)
    for index, line in enumerate(content.citizens.items):
        yield entry("citizens", ("items", index), _words(line.text), line)
    for group_index, group in enumerate(content.questions.groups):
        for index, question in enumerate(group.questions):
            yield entry("questions", ("groups", group_index, "questions", index), question.id, question)
    for index, clarification in enumerate(content.clarifications.items):
        yield entry("clarifications", ("items", index), clarification.id, clarification)
    for index, term in enumerate(content.glossary.terms):
        yield entry("glossary", ("terms", index), term.id, term)
    for index, question in enumerate(content.quiz.questions):
        yield entry("quiz", ("questions", index), question.id, question)
    for index, discussion in enumerate(content.meeting.discussion):
        yield entry("meeting", ("discussion", index), _words(discussion.question), discussion)
    for post in content.posts:
        yield EditorialItem("posts", post.source, ("title",), post.source.rsplit("/", 1)[-1], post.meta)


def drafts(content: Content) -> list[EditorialItem]:
    """The items that wait for approval."""
    return [item for item in editorial_items(content) if is_draft(item.item)]


@dataclass(frozen=True)
class Omission:
    """What a production build left out of one file: how many of how many items, and which."""

    file: str
    total: int
    labels: list[str]

    def __str__(self) -> str:
        return (f"{self.file}: bỏ {len(self.labels)}/{self.total} mục chưa duyệt (không đăng ở bản chính thức): "
                + "; ".join(self.labels))


def omissions(content: Content) -> list[Omission]:
    """Per file, the unapproved items a production build leaves out (files with none are not listed), each file
    named as the editor finds it from the working folder (``content/hoi-dap.yml``); posts under their folder."""
    totals: dict[str, int] = {}
    left_out: dict[str, list[str]] = {}
    for item in editorial_items(content):
        # Posts are counted together under their folder (``content/tin-tuc``), each named by its file.
        file = display_path(content.root / (NEWS_DIR if item.attribute == "posts" else item.file))
        totals[file] = totals.get(file, 0) + 1
        if is_draft(item.item):
            left_out.setdefault(file, []).append(item.label)
    return [Omission(file, totals[file], labels) for file, labels in left_out.items()]


def _kept(items: list[Any]) -> list[Any]:
    return [item for item in items if not is_draft(item)]


def approved_only(content: Content) -> Content:
    """The content a production build publishes: every unapproved editorial item removed.

    Groups of questions left empty are removed with them. Returns ``content`` itself when nothing is
    unapproved, so calling it twice costs nothing and the cached document text is kept.
    """
    if not drafts(content):
        return content
    groups = [group.model_copy(update={"questions": _kept(group.questions)}) for group in content.questions.groups]
    return dataclasses.replace(
        content,
        summary=content.summary.model_copy(update={"items": _kept(content.summary.items)}),
        citizens=content.citizens.model_copy(update={"items": _kept(content.citizens.items)}),
        questions=content.questions.model_copy(update={"groups": [group for group in groups if group.questions]}),
        clarifications=content.clarifications.model_copy(update={"items": _kept(content.clarifications.items)}),
        glossary=content.glossary.model_copy(update={"terms": _kept(content.glossary.terms)}),
        quiz=content.quiz.model_copy(update={"questions": _kept(content.quiz.questions)}),
        meeting=content.meeting.model_copy(update={"discussion": _kept(content.meeting.discussion)}),
        posts=[post for post in content.posts if not is_draft(post.meta)],
    )


def edition(content: Content, preview: bool) -> Content:
    """What a build shows: everything in a preview, approved items only in production (the default)."""
    return content if preview else approved_only(content)


def body_names(settings: models.Settings) -> dict[str, str]:
    """Approving bodies by id: how a page names who approved an item."""
    return {body.id: body.name for body in settings.approving_bodies}
