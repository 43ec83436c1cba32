"""The workflow's shell steps, run locally as a pull request would run them (``tests/workflow_dry_run.py``).

No GitHub runner here: these tests execute the real ``run:`` steps of ``ci.yml``
in a copy of the repository and check what an editor would see — annotations at
the right file and line, in Vietnamese; the preview built for its own address;
the comment that links to it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .workflow_dry_run import dry_run

SITE_URL = "https://ten-to-chuc.github.io/nq57/"


def annotations(text: str, kind: str = "error") -> list[str]:
    return [line for line in text.splitlines() if line.startswith(f"::{kind} ")]


# GitHub's documented syntax ("Workflow commands for GitHub Actions", "Setting an error message",
# https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands):
#   ::error file={name},line={line},endLine={endLine},title={title}::{message}
# and the runner's escaping (actions/toolkit core/src/command.ts, escapeData/escapeProperty): a message
# escapes % CR LF as %25 %0D %0A; a property value also : and , as %3A %2C, since they end a property.
_COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<properties>[^:]+)::(?P<message>.+)$")
_PROPERTY = re.compile(r"^(?P<key>file|line|endLine|col|endColumn|title)=(?P<value>[^,:]*)$")
_ESCAPE = re.compile(r"%(?!25|0D|0A|3A|2C)")
"""A ``%`` that starts none of the escapes: a raw percent sign the runner would misread."""


def parse_annotation(line: str, repo: Path) -> dict[str, str]:
    """One annotation line read by the documented grammar; fails on anything GitHub would not draw on a line."""
    command = _COMMAND.match(line)
    assert command, f"not a workflow command: {line}"
    properties = {}
    for item in command["properties"].split(","):
        prop = _PROPERTY.match(item)
        assert prop, f"property {item!r} is not key=value with : and , escaped: {line}"
        assert not _ESCAPE.search(prop["value"]), line
        properties[prop["key"]] = prop["value"]
    assert not _ESCAPE.search(command["message"]), line
    assert all(properties.get(key, "1").isdigit() for key in ("line", "endLine", "col", "endColumn")), line
    assert (repo / properties["file"].replace("%2C", ",").replace("%3A", ":").replace("%25", "%")).is_file(), \
        "file= is relative to the repository root, as the Files changed view needs"
    return {**properties, "level": command["level"], "message": command["message"]}


def test_a_mistyped_field_is_annotated_at_its_line_and_stops_the_job(tmp_path: Path) -> None:
    run = dry_run(tmp_path, break_content=True)
    content = run.jobs["content"]
    assert not content.succeeded and "preview" not in run.jobs
    failed = next(step for step in content.steps if step.returncode)
    assert "validate" in failed.name
    lines = (run.repo / "content/muc-tieu-2030.yml").read_text(encoding="utf-8").splitlines()
    typo = next(number for number, line in enumerate(lines, 1) if line.strip().startswith("measur:"))
    expected = f"::error file=content/muc-tieu-2030.yml,line={typo},"
    [found] = [a for a in annotations(failed.output) if a.startswith(expected)]
    assert found.endswith("có phải ý bạn là “measure”?"), found
    parsed = [parse_annotation(a, run.repo) for a in annotations(failed.output)]
    assert {(a["file"], a["line"]) for a in parsed} >= {("content/muc-tieu-2030.yml", str(typo))}


def test_a_lint_error_in_a_post_is_annotated_at_its_line(tmp_path: Path) -> None:
    run = dry_run(tmp_path, break_post=True)
    post = sorted((run.repo / "content/tin-tuc").glob("*.md"))[0]
    line = post.read_text(encoding="utf-8").splitlines().index("Theo NQ 57 của Bộ Chính trị.") + 1
    lint = next(step for step in run.jobs["content"].steps if "lint" in step.name)
    [found] = annotations(lint.output)
    assert found.startswith(f"::error file=content/tin-tuc/{post.name},line={line},"), found
    assert "số hiệu Nghị quyết viết là “NQ 57”" in found
    parsed = parse_annotation(found, run.repo)
    assert parsed["title"] == "Lỗi (lint)" and "%0ACách sửa: viết “57-NQ/TW”" in parsed["message"], parsed
    for warning in annotations(lint.output, "warning"):
        parse_annotation(warning, run.repo)


def test_a_pull_request_gets_a_preview_built_for_its_address_and_a_comment_linking_it(tmp_path: Path) -> None:
    run = dry_run(tmp_path, pr=7, site_url=SITE_URL)
    assert run.jobs["content"].succeeded, "\n".join(run.log[-30:])
    preview_url = f"{SITE_URL}pr-preview/pr-7/"
    assert f"SITE_URL={preview_url}" in (run.repo / ".dry-run-env").read_text(encoding="utf-8")
    feed = (run.repo / "site/feed.xml").read_text(encoding="utf-8")
    assert f"<link>{preview_url}tin-tuc/</link>" in feed, "the preview's own links point at the preview"
    body = run.jobs["preview"].outputs["message"]["body"]
    assert f"yêu cầu hợp nhất #7 tại: {preview_url}" in body
    assert "Files changed" in body
    assert any(line.endswith(f"with message: Xem trang web của yêu cầu hợp nhất #7 tại: {preview_url}")
               for line in run.log), "the sticky comment step receives the message"
