"""GitHub Actions workflow commands: a content error shown on its line in a pull request's "Files changed".

``::error file=content/x.yml,line=3,col=5,title=…::message`` printed by a step makes
GitHub draw the message under that line. Syntax: GitHub's "Workflow commands for
GitHub Actions", section "Setting an error message"
(https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands).
Escaping, as the runner undoes it (actions/toolkit ``core/src/command.ts``,
``escapeData``/``escapeProperty``): in the message ``%``, ``\\r`` and ``\\n``; in a
property also ``:`` and ``,``, which would otherwise end the property.
``tests/test_workflow_dry_run.py`` reads the workflow's real output by that grammar.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

from ..content.errors import Problem, describe

Level = Literal["error", "warning", "notice"]


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: Level, file: str, line: int | None, message: str, *, column: int | None = None,
               title: str | None = None) -> str:
    """One workflow command; ``line``/``col`` left out when unknown (the annotation then sits on the file)."""
    properties = {"file": file, "line": line, "col": column, "title": title}
    shown = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level} {shown}::{escape_data(message)}"


def problem_annotations(problems: Iterable[Problem]) -> Iterator[str]:
    """A content error (validate) per problem, titled with its field."""
    for problem in problems:
        title = f"Lỗi nội dung: {describe(problem.field)}" if problem.field else "Lỗi nội dung"
        yield annotation("error", problem.file, problem.line, problem.message_vi, column=problem.column, title=title)


def finding_annotations(findings: Iterable[object]) -> Iterator[str]:
    """Lint findings: errors as errors, warnings as warnings; the fix follows the message."""
    for finding in findings:
        level: Level = "error" if finding.severity == "error" else "warning"  # type: ignore[attr-defined]
        title = "Lỗi (lint)" if level == "error" else "Cảnh báo (lint)"
        message = f"{finding.message}\nCách sửa: {finding.fix}"  # type: ignore[attr-defined]
        yield annotation(level, finding.file, finding.line, message, title=title)  # type: ignore[attr-defined]
