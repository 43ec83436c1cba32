"""A local, act-style dry run of the CI workflow's shell steps: what an editor's pull request would print.

There is no GitHub runner here, so this runs the ``run:`` steps of one job of
``.github/workflows/ci.yml`` in order, in a copy of the repository, the way the
runner would: ``bash -e``, the job's and the step's ``env:`` with their
``${{ … }}`` expressions filled from a given context, ``$GITHUB_ENV`` and
``$GITHUB_OUTPUT`` files read back between steps, and the job stops at the
first failing step. ``uses:`` steps (checkout, artifacts, Pages) cannot run
here: they are listed in the log as skipped. Commands can be substituted (e.g.
``make setup`` by the already installed ``.venv``); each substitution is logged.

Usage: ``.venv/bin/python -m tests.workflow_dry_run [--break-content] [--break-post] [--pr N]`` prints the log.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github/workflows/ci.yml"
_EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")
_SKIP_COPY = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build", "__pycache__", ".pytest_cache")


@dataclass
class StepResult:
    name: str
    skipped: bool
    returncode: int = 0
    output: str = ""


@dataclass
class JobRun:
    job: str
    steps: list[StepResult] = field(default_factory=list)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each step's ``$GITHUB_OUTPUT`` values, by step id."""

    @property
    def succeeded(self) -> bool:
        return all(step.returncode == 0 for step in self.steps)

    @property
    def output(self) -> str:
        return "\n".join(step.output for step in self.steps)


def evaluate(text: str, context: Mapping[str, str]) -> str:
    """Fill ``${{ a.b }}`` from ``context``; an expression the dry run does not know is an error, not an empty string."""
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in context:
            raise KeyError(f"dry run: no value for ${{{{ {name} }}}}; add it to the context")
        return context[name]
    return _EXPRESSION.sub(value, str(text))


def _read_env_file(path: Path) -> dict[str, str]:
    """``KEY=value`` lines and ``KEY<<DELIM`` … ``DELIM`` blocks, as GitHub reads ``$GITHUB_ENV``/``$GITHUB_OUTPUT``."""
    values: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index + 1)
            values[key] = "\n".join(lines[index + 1:end])
            index = end + 1
            continue
        if "=" in line:
            key, val = line.split("=", 1)
            values[key] = val
        index += 1
    return values


def run_job(repo: Path, job_name: str, context: Mapping[str, str], substitutions: Mapping[str, str],
            log: list[str], extra_env: Mapping[str, str] | None = None) -> JobRun:
    """Run the ``run:`` steps of ``job_name`` in ``repo``; append an act-like log to ``log``."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"][job_name]
    github_env, github_output = repo / ".dry-run-env", repo / ".dry-run-output"
    env = {**os.environ, **(extra_env or {}), "GITHUB_WORKSPACE": str(repo), "GITHUB_ENV": str(github_env),
           "GITHUB_OUTPUT": str(github_output)}
    env.update({key: evaluate(val, context) for key, val in (workflow.get("env") or {}).items()})
    env.update({key: evaluate(val, context) for key, val in (job.get("env") or {}).items()})
    run = JobRun(job_name)
    step_context = dict(context)
    tag = f"[{workflow['name']}/{job['name']}]"
    for step in job["steps"]:
        name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
        if "uses" in step:
            log.append(f"{tag} ⏭  Bỏ qua (uses, chỉ chạy trên GitHub): {step['uses']}")
            for key, val in (step.get("with") or {}).items():
                try:
                    shown = evaluate(val, step_context)
                except KeyError:
                    shown = str(val)
                log.extend(f"{tag}   with {key}: {line}" for line in shown.splitlines())
            run.steps.append(StepResult(name, skipped=True))
            continue
        script = step["run"]
        for original, replacement in substitutions.items():
            if original in script:
                script = script.replace(original, replacement)
                log.append(f"{tag} ↪  Thay thế cho chạy thử: {original!r} → {replacement!r}")
        github_output.write_text("", encoding="utf-8")
        step_env = {**env, **{key: evaluate(val, step_context) for key, val in (step.get("env") or {}).items()}}
        log.append(f"{tag} ⭐ Run {name}")
        result = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=step_env, capture_output=True, text=True,
                                timeout=600)
        output = (result.stdout + result.stderr).rstrip()
        log.extend(f"{tag}   | {line}" for line in output.splitlines())
        run.steps.append(StepResult(name, skipped=False, returncode=result.returncode, output=output))
        env.update(_read_env_file(github_env))
        if step.get("id"):
            outputs = _read_env_file(github_output)
            run.outputs[step["id"]] = outputs
            step_context.update({f"steps.{step['id']}.outputs.{key}": val for key, val in outputs.items()})
            for key, val in outputs.items():
                log.extend(f"{tag}   output {key}: {line}" for line in val.splitlines())
        if result.returncode != 0:
            log.append(f"{tag} ❌ Failure - {name} (exit {result.returncode}); the job stops here")
            break
        log.append(f"{tag} ✅ Success - {name}")
    return run


def repository_copy(target: Path) -> Path:
    """The working tree (not only committed files: what a pull request would contain) plus the installed .venv."""
    shutil.copytree(ROOT, target, ignore=_SKIP_COPY, symlinks=True)
    (target / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def pull_request_context(pr_number: int, site_url: str, preview_url: str = "") -> dict[str, str]:
    """What GitHub would fill in for a pull request of this repository."""
    return {"vars.SITE_URL": site_url, "github.event.number": str(pr_number), "github.server_url": "https://github.com",
            "github.repository": "ten-to-chuc/nq57", "steps.preview.outputs.preview-url": preview_url}


SETUP = {"make setup": "true  # dry run: .venv is linked from the working copy",
         "apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm":
             "true  # dry run: Node.js as installed on this machine"}
"""The substitutions: installing takes minutes and needs the network and root; the dry run reuses what is installed."""


@dataclass
class DryRun:
    repo: Path
    log: list[str]
    jobs: dict[str, JobRun]


def dry_run(workdir: Path, *, pr: int = 42, site_url: str = "https://ten-to-chuc.github.io/nq57/",
            break_content: bool = False, break_post: bool = False) -> DryRun:
    """The content job of a pull request, then (if it passed) the preview job, in a copy under ``workdir``."""
    repo = repository_copy(workdir / "repo")
    if break_content:
        path = repo / "content/muc-tieu-2030.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("    measure:", "    measur:", 1), encoding="utf-8")
    if break_post:
        post = sorted((repo / "content/tin-tuc").glob("*.md"))[0]
        post.write_text(post.read_text(encoding="utf-8") + "\nTheo NQ 57 của Bộ Chính trị.\n", encoding="utf-8")
    context = pull_request_context(pr, site_url)
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    log: list[str] = []
    jobs = {"content": run_job(repo, "content", context, SETUP, log, {"SOURCE_DATE_EPOCH": epoch or "0"})}
    if jobs["content"].succeeded:
        jobs["preview"] = run_job(repo, "preview", context, SETUP, log)
    return DryRun(repo, log, jobs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pr", type=int, default=42)
    parser.add_argument("--site-url", default="https://ten-to-chuc.github.io/nq57/")
    parser.add_argument("--break-content", action="store_true", help="a mistyped indicator field (validation error)")
    parser.add_argument("--break-post", action="store_true", help="the Resolution's number written wrongly (lint error)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        run = dry_run(Path(tmp), pr=args.pr, site_url=args.site_url, break_content=args.break_content,
                      break_post=args.break_post)
    print("\n".join(run.log))
    return 0 if run.jobs["content"].succeeded else 1


if __name__ == "__main__":
    sys.exit(main())
