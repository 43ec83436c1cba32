"""A local, act-style dry run of the CI workflow's shell steps: what an editor's pull request would print.

There is no GitHub runner here, so this runs the ``run:`` steps of one job of
``.github/workflows/ci.yml`` (then ``preview.yml``, with a fake ``gh`` and a local bare repository as the preview
repository) in order, in a copy of the repository, the way the
runner would: ``bash -e``, the job's and the step's ``env:`` with their
``${{ … }}`` expressions filled from a given context, ``$GITHUB_ENV`` and
``$GITHUB_OUTPUT`` files read back between steps, ``if:`` conditions, and after
a failing step only ``always()`` steps run. ``uses:`` steps (checkout, setup-node,
uploads) cannot run here: they are listed in the log as skipped, except
download-artifact, which copies what the content job left. Commands can be substituted (e.g.
``make setup`` by the already installed ``.venv``); each substitution is logged.

Usage: ``.venv/bin/python -m tests.workflow_dry_run [--break-content] [--break-post] [--pr N] [--preview-url '']``
prints the log and the comment.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github/workflows/ci.yml"
PREVIEW_WORKFLOW = ROOT / ".github/workflows/preview.yml"
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


_NAME = re.compile(r"[A-Za-z_][\w-]*(?:\.[\w-]+)+")
_TOKENS = re.compile(r"'[^']*'|&&|\|\||==|!=|!|\(|\)|always\(\)|[A-Za-z_][\w.-]*|\s+")


def expression(text: str, context: Mapping[str, str]) -> object:
    """One GitHub expression: context names, 'strings', ==, !=, !, &&, ||, parentheses, always(). ``&&``/``||``
    return an operand, as GitHub's do (``a && 'x' || 'y'``); an unknown name is an error, not an empty string."""
    python: list[str] = []
    for token in _TOKENS.findall(text.strip()):
        if token.isspace():
            continue
        if token.startswith("'"):
            python.append(repr(token[1:-1]))
        elif token in ("&&", "||", "!"):
            python.append({"&&": " and ", "||": " or ", "!": " not "}[token])
        elif token in ("==", "!=", "(", ")"):
            python.append(token)
        elif token == "always()":
            python.append("True")
        else:
            if token not in context:
                raise KeyError(f"dry run: no value for ${{{{ {token} }}}}; add it to the context")
            python.append(repr(context[token]))
    return eval("".join(python), {"__builtins__": {}}, {})


def evaluate(text: str, context: Mapping[str, str]) -> str:
    """Fill every ``${{ … }}`` of ``text`` (``expression``)."""
    def value(match: re.Match[str]) -> str:
        result = expression(match.group(1), context)
        return str(result).lower() if isinstance(result, bool) else str(result)
    return _EXPRESSION.sub(value, str(text))


def condition(text: str | None, context: Mapping[str, str], failed: bool) -> bool:
    """A step's ``if:`` (default ``success()``: no earlier step failed)."""
    if text is None:
        return not failed
    text = str(text).strip().removeprefix("${{").removesuffix("}}")
    if "always()" not in text and failed:
        return False
    return bool(expression(text, context))


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


UsesHook = Callable[[dict, Path, Mapping[str, str]], None]
"""What a dry run does instead of an action (e.g. download-artifact: copy a folder); called with the step, the
repository copy and the expression context."""


def run_job(repo: Path, job_name: str, context: Mapping[str, str], substitutions: Mapping[str, str],
            log: list[str], extra_env: Mapping[str, str] | None = None, *, workflow_path: Path = WORKFLOW,
            hooks: Mapping[str, UsesHook] | None = None) -> JobRun:
    """Run the ``run:`` steps of ``job_name`` in ``repo``; append an act-like log to ``log``.

    Steps are skipped by their ``if:`` as GitHub would (after a failure only ``always()`` steps run, and
    ``job.status`` becomes ``failure``); a ``uses:`` step runs its hook if one is given, else it is listed as skipped."""
    workflow = yaml.safe_load(workflow_path.read_text(encoding="utf-8"))
    job = workflow["jobs"][job_name]
    github_env, github_output = repo / ".dry-run-env", repo / ".dry-run-output"
    step_context = {**context, "job.status": "success"}
    env = {**os.environ, **(extra_env or {}), "GITHUB_WORKSPACE": str(repo), "GITHUB_ENV": str(github_env),
           "GITHUB_OUTPUT": str(github_output), "RUNNER_TEMP": str(repo / ".dry-run-temp")}
    (repo / ".dry-run-temp").mkdir(exist_ok=True)
    env.update({key: evaluate(val, step_context) for key, val in (workflow.get("env") or {}).items()})
    env.update({key: evaluate(val, step_context) for key, val in (job.get("env") or {}).items()})
    run = JobRun(job_name)
    tag = f"[{workflow['name']}/{job['name']}]"
    failed = False
    for step in job["steps"]:
        name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
        if not condition(step.get("if"), step_context, failed):
            log.append(f"{tag} ⏭  Bỏ qua (if: {step.get('if', 'success()')}): {name}")
            run.steps.append(StepResult(name, skipped=True))
            continue
        if "uses" in step:
            action = step["uses"].split("@")[0]
            hook = (hooks or {}).get(action)
            log.append(f"{tag} {'⭐ Mô phỏng' if hook else '⏭  Bỏ qua (uses, chỉ chạy trên GitHub)'}: {step['uses']}")
            for key, val in (step.get("with") or {}).items():
                try:
                    shown = evaluate(val, step_context)
                except KeyError:
                    shown = str(val)
                log.extend(f"{tag}   with {key}: {line}" for line in shown.splitlines())
            if hook:
                hook(step, repo, step_context)
            run.steps.append(StepResult(name, skipped=hook is None))
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
            log.append(f"{tag} ❌ Failure - {name} (exit {result.returncode}); only always() steps run after it")
            failed = True
            step_context["job.status"] = "failure"
            continue
        log.append(f"{tag} ✅ Success - {name}")
    return run


def repository_copy(target: Path) -> Path:
    """The working tree (not only committed files: what a pull request would contain) plus the installed .venv,
    committed as the base of a pull request (its merge commit's first parent)."""
    shutil.copytree(ROOT, target, ignore=_SKIP_COPY, symlinks=True)
    (target / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    (target / ".git").mkdir()  # no .gitignore surprises: ignore the links and the dry run's own files
    _git(target, "init", "-q")
    (target / ".git" / "info" / "exclude").write_text(".venv\nnode_modules\n.dry-run-*\nsite/\npreview/\n", encoding="utf-8")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "base")
    return target


def _git(repo: Path, *args: str) -> str:
    identity = {"GIT_AUTHOR_NAME": "Dry Run", "GIT_AUTHOR_EMAIL": "dry@example.org", "GIT_COMMITTER_NAME": "Dry Run",
                "GIT_COMMITTER_EMAIL": "dry@example.org"}
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env={**os.environ, **identity})
    if result.returncode:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr}")
    return result.stdout.strip()


PREVIEW_REPO = "ten-to-chuc-xem-truoc/nq57"
PREVIEW_URL = "https://ten-to-chuc-xem-truoc.github.io/nq57/"
SITE_URL = "https://ten-to-chuc.github.io/nq57/"


def pull_request_context(pr_number: int, head_sha: str, preview_url: str = PREVIEW_URL) -> dict[str, str]:
    """What GitHub would fill in for a pull request (a fork's would have no ``vars``: ``preview_url`` empty)."""
    return {"vars.PREVIEW_URL": preview_url, "github.event.number": str(pr_number), "github.server_url": "https://github.com",
            "github.repository": "ten-to-chuc/nq57", "github.event_name": "pull_request",
            "github.event.action": "synchronize", "github.event.pull_request.head.sha": head_sha}


def workflow_run_context(run_head_sha: str, *, preview_repo: str, conclusion: str = "success") -> dict[str, str]:
    """What GitHub fills in for preview.yml after the CI run of a pull request from the branch ``sua-bai``."""
    return {"github.event.workflow_run.event": "pull_request", "github.event.workflow_run.conclusion": conclusion,
            "github.token": "dry-run-token", "github.repository": "ten-to-chuc/nq57",
            "github.event.workflow_run.id": "4242", "github.server_url": "https://github.com",
            "github.event.workflow_run.html_url": "https://github.com/ten-to-chuc/nq57/actions/runs/4242",
            "github.event.workflow_run.head_sha": run_head_sha,
            "github.event.workflow_run.head_repository.full_name": "ten-to-chuc/nq57",
            "github.event.workflow_run.head_branch": "sua-bai", "vars.PREVIEW_REPO": preview_repo,
            "vars.PREVIEW_URL": PREVIEW_URL if preview_repo else "", "vars.SITE_URL": SITE_URL,
            "secrets.PREVIEW_TOKEN": "dry-run-secret" if preview_repo else ""}


SETUP = {"make setup": "true  # dry run: .venv is linked from the working copy"}
"""The substitutions: installing takes minutes and needs the network; the dry run reuses what is installed."""

FAKE_GH = r"""#!{python}
# The dry run's gh: answers the API calls preview.yml makes from {state}, logs the writes.
import json, sys
from pathlib import Path
state = json.loads(Path({state!r}).read_text())
args = sys.argv[1:]
with open({calls!r}, "a") as log:
    log.write(json.dumps(args) + "\n")
path = next(a for a in args[1:] if a.startswith("repos/"))
if "/pulls/" in path:
    print(json.dumps(state["pull"]))
elif path.endswith("/artifacts"):
    print(json.dumps({{"artifacts": [{{"id": 99, "name": "site"}}, {{"id": 98, "name": "preview-meta"}}]}}))
elif path.endswith("/comments") and "-X" not in args:
    pass  # no earlier comment
"""


@dataclass
class DryRun:
    repo: Path
    log: list[str]
    jobs: dict[str, JobRun]
    head_sha: str = ""

    def gh_calls(self) -> list[list[str]]:
        path = self.repo / ".dry-run-temp" / "gh-calls.jsonl"
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []

    def comment(self) -> str:
        """The body the sticky step posted (or edited)."""
        [body] = [a[a.index("-f") + 1].removeprefix("body=") for a in self.gh_calls() if "-f" in a]
        return body

    def preview_files(self) -> Path:
        """A checkout of the preview repository's gh-pages branch after the run."""
        target = self.repo / ".dry-run-temp" / "preview-checkout"
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", "--branch", "gh-pages", str(self.repo / ".dry-run-remote" / f"{PREVIEW_REPO}.git"),
                        str(target)], check=True, capture_output=True)
        return target


def _download(step: dict, repo: Path, context: Mapping[str, str]) -> None:
    """download-artifact: the folder the content job uploaded under that name (site/ or preview/)."""
    uploaded = {"site": repo / "site", "preview-meta": repo / "preview"}[step["with"]["name"]]
    target = repo / evaluate(step["with"]["path"], context)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(uploaded, target)


def dry_run(workdir: Path, *, pr: int = 42, preview_url: str = PREVIEW_URL, break_content: bool = False,
            break_post: bool = False, change_post: bool = True) -> DryRun:
    """The content job of a pull request (whose commit changes one post, if ``change_post``), in a copy under
    ``workdir``; preview.yml is run afterwards by ``preview_run``."""
    repo = repository_copy(workdir / "repo")
    post = sorted((repo / "content/tin-tuc").glob("*.md"))[0]
    if change_post:
        post.write_text(post.read_text(encoding="utf-8").replace("\n\n", "\n\nBài đã được cập nhật.\n\n", 1), encoding="utf-8")
    if break_content:
        path = repo / "content/muc-tieu/2030.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("    measure:", "    measur:", 1), encoding="utf-8")
    if break_post:
        post.write_text(post.read_text(encoding="utf-8") + "\nTheo NQ 57 của Bộ Chính trị.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "sửa bài")
    head = _git(repo, "rev-parse", "HEAD")
    context = pull_request_context(pr, head, preview_url)
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    log: list[str] = []
    jobs = {"content": run_job(repo, "content", context, SETUP, log, {"SOURCE_DATE_EPOCH": epoch or "0"})}
    return DryRun(repo, log, jobs, head)


def preview_run(run: DryRun, *, pr: int = 42, preview_repo: str = PREVIEW_REPO, pr_head_sha: str | None = None,
                pr_head_repo: str = "ten-to-chuc/nq57", state: str = "open") -> JobRun:
    """preview.yml after ``run``'s CI run: GitHub's API answered by a fake ``gh`` (the pull request as given), the
    preview repository a bare git repository under the copy, artifacts copied from what the content job left."""
    repo = run.repo
    temp = repo / ".dry-run-temp"
    bin_dir = temp / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    state_file, calls = temp / "gh-state.json", temp / "gh-calls.jsonl"
    calls.unlink(missing_ok=True)
    pull = {"number": pr, "state": state, "head": {"sha": pr_head_sha or run.head_sha, "ref": "sua-bai",
                                                   "repo": {"full_name": pr_head_repo}}}
    state_file.write_text(json.dumps({"pull": pull}), encoding="utf-8")
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable, state=str(state_file), calls=str(calls)), encoding="utf-8")
    gh.chmod(0o755)
    remote = repo / ".dry-run-remote" / f"{PREVIEW_REPO}.git"
    if not remote.exists():
        subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_SERVER_URL": f"file://{repo / '.dry-run-remote'}"}
    context = workflow_run_context(run.head_sha, preview_repo=preview_repo)
    workflow = yaml.safe_load(PREVIEW_WORKFLOW.read_text(encoding="utf-8"))
    if not condition(workflow["jobs"]["preview"]["if"], context, failed=False):
        return JobRun("preview")
    job = run_job(repo, "preview", context, {}, run.log, env, workflow_path=PREVIEW_WORKFLOW,
                  hooks={"actions/download-artifact": _download})
    run.jobs["preview"] = job
    return job


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pr", type=int, default=42)
    parser.add_argument("--preview-url", default=PREVIEW_URL, help="vars.PREVIEW_URL ('' as for a fork)")
    parser.add_argument("--break-content", action="store_true", help="a mistyped indicator field (validation error)")
    parser.add_argument("--break-post", action="store_true", help="the Resolution's number written wrongly (lint error)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        run = dry_run(Path(tmp), pr=args.pr, preview_url=args.preview_url, break_content=args.break_content,
                      break_post=args.break_post)
        preview_run(run, pr=args.pr)
        print("\n".join(run.log))
        if run.gh_calls():
            print("\n".join(["", "Lời nhắn / comment:", run.comment()]))
    return 0 if run.jobs["content"].succeeded else 1


if __name__ == "__main__":
    sys.exit(main())
