"""The workflow's shell steps, run locally as a pull request would run them (``tests/workflow_dry_run.py``).

No GitHub runner here: these tests execute the real ``run:`` steps of ``ci.yml``
in a copy of the repository and check what an editor would see — annotations at
the right file and line, in Vietnamese; the preview built for its own address on
another origin than the production site, pushed to the preview repository by the
trusted workflow; the comment that lists the changed pages, or says the check failed
or the preview is out of date.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .workflow_dry_run import PREVIEW_URL, SITE_URL, DryRun, dry_run, preview_run


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
    lines = (run.repo / "content/muc-tieu/2030.yml").read_text(encoding="utf-8").splitlines()
    typo = next(number for number, line in enumerate(lines, 1) if line.strip().startswith("measur:"))
    expected = f"::error file=content/muc-tieu/2030.yml,line={typo},"
    [found] = [a for a in annotations(failed.output) if a.startswith(expected)]
    assert found.endswith("có phải ý bạn là “measure”?"), found
    parsed = [parse_annotation(a, run.repo) for a in annotations(failed.output)]
    assert {(a["file"], a["line"]) for a in parsed} >= {("content/muc-tieu/2030.yml", str(typo))}


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


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory: pytest.TempPathFactory) -> DryRun:
    """One pull request (#7, one post changed) through the content job: a site build, shared by the tests below."""
    return dry_run(tmp_path_factory.mktemp("pr7"), pr=7)


def test_a_pull_request_gets_a_preview_on_its_own_origin_and_a_comment_listing_the_changed_pages(pull_request: DryRun) -> None:
    run = pull_request
    assert run.jobs["content"].succeeded, "\n".join(run.log[-30:])
    preview_url = f"{PREVIEW_URL}pr-7/"
    assert not preview_url.startswith(SITE_URL.split("/nq57")[0]), "another origin than the production site"
    assert f"SITE_URL={preview_url}" in (run.repo / ".dry-run-env").read_text(encoding="utf-8")
    feed = (run.repo / "site/feed.xml").read_text(encoding="utf-8")
    assert f"<link>{preview_url}tin-tuc/</link>" in feed, "the preview's own links point at the preview"
    job = preview_run(run, pr=7)
    assert job.succeeded, "\n".join(run.log[-30:])
    published = run.preview_files()
    assert (published / "pr-7" / "index.html").is_file() and (published / ".nojekyll").is_file()
    assert sorted(p.name for p in published.iterdir() if p.name != ".git") == [".nojekyll", "pr-7"]
    body = run.comment()
    post = sorted((run.repo / "content/tin-tuc").glob("*.md"))[0]
    address = next(line for line in body.splitlines() if post.name in line)
    page = address.split(" → ")[1]
    assert page.startswith(f"{preview_url}tin-tuc/") and (published / page.removeprefix(PREVIEW_URL) / "index.html").is_file()
    assert f"lần sửa `{run.head_sha[:7]}`: {preview_url}" in body and body.splitlines()[0] == "<!-- nq57-preview -->"


def test_a_failed_check_says_so_and_keeps_the_old_preview_out_of_date(tmp_path: Path) -> None:
    run = dry_run(tmp_path, pr=8, break_content=True)
    assert not run.jobs["content"].succeeded
    meta = json.loads((run.repo / "preview/pr.json").read_text(encoding="utf-8"))
    assert meta == {"number": 8, "head_sha": run.head_sha, "outcome": "failure"}, "written even after the failure"
    preview_run(run, pr=8)
    assert not (run.repo / ".dry-run-remote").joinpath("ten-to-chuc-xem-truoc/nq57.git/refs/heads/gh-pages").exists()
    body = run.comment()
    assert "**Kiểm tra nội dung chưa đạt**" in body and "chưa được cập nhật" in body and "đã cũ" in body, body


def test_a_newer_commit_marks_the_preview_out_of_date_and_nothing_is_deployed(pull_request: DryRun) -> None:
    run = pull_request
    preview_run(run, pr=7, pr_head_sha="f" * 40)
    assert run.jobs["preview"].outputs["pr"]["deploy"] == "false"
    body = run.comment()
    assert "Bản xem trước đã cũ" in body and f"`{run.head_sha[:7]}`" in body and "`fffffff`" in body, body


def test_a_run_cannot_claim_another_pull_request(pull_request: DryRun) -> None:
    """pr.json is written by the pull request's own code: a fork's number must match its own head repository."""
    run = pull_request
    job = preview_run(run, pr=7, pr_head_repo="nguoi-khac/nq57")
    assert not job.succeeded and run.gh_calls() and not any("-f" in call for call in run.gh_calls())
    assert "không phải của lần chạy CI này" in job.output


def test_without_a_preview_repository_the_comment_links_the_download(tmp_path: Path) -> None:
    """A fork's CI sees no variables: relative links, and the preview is the run's artifact."""
    run = dry_run(tmp_path, pr=11, preview_url="")
    env = run.repo / ".dry-run-env"
    assert not env.exists() or "SITE_URL=" not in env.read_text(encoding="utf-8")
    assert not (run.repo / "site/feed.xml").exists()
    preview_run(run, pr=11, preview_repo="")
    body = run.comment()
    assert "https://github.com/ten-to-chuc/nq57/actions/runs/4242/artifacts/99" in body and "index.html" in body, body


def test_a_closed_pull_request_takes_its_preview_down(pull_request: DryRun) -> None:
    run = pull_request
    preview_run(run, pr=7)
    assert (run.preview_files() / "pr-7").is_dir()
    meta = run.repo / "preview" / "pr.json"
    built = meta.read_text(encoding="utf-8")
    meta.write_text(json.dumps({"number": 7, "head_sha": run.head_sha, "outcome": "closed"}), encoding="utf-8")
    try:
        preview_run(run, pr=7, state="closed")
    finally:
        meta.write_text(built, encoding="utf-8")
    assert not (run.preview_files() / "pr-7").exists()
    assert "đã đóng: bản xem trước đã được gỡ" in run.comment()
