"""Every repository path, ``make`` target and ``python -m generator`` command the documentation names exists.

The documentation is README.md, CONTRIBUTING.md, SECURITY.md, the developer's handbook (handbook/*.md) and the
editors' guide as the district's site publishes it (package templates filled from content/). A path is a span in
backticks or a Markdown link that starts with a folder or file of the repository (``generator/publish/verify.py``,
``content/cai-dat.yml``, ``schema/*.json``); a folder of the generator package may be named from inside it
(``views/quiz.py`` for ``generator/views/quiz.py``). A ``content/…`` path may name a file of the district's
content or of the fixture commune's (``content/to-chuc-co-so/*.yml``: the district has no register yet). Site
addresses (``muc-tieu-2030/#kinh-te-so``, ``assets/share/…``), build outputs (``site/``, ``build/``, ``dist/``) and
other sites' folders (``sites/x/content``) are not repository paths and are left alone.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.cli import parser

from .conftest import CONTENT, FIXTURE, ROOT

HANDBOOK = sorted((ROOT / "handbook").glob("*.md"))
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "SECURITY.md", *HANDBOOK]
PACKAGE_FOLDERS = {"content", "views", "render", "publish", "editor", "hosting", "theme"}
"""Subpackages of ``generator`` the documentation names from inside the package (``views/quiz.py``)."""
OUTPUTS = {"site", "build", "dist", "sites", ".venv", "node_modules"}
"""Folders a build or a setup writes, and other sites' folders: named by the documentation, not in the repository."""
EXAMPLES = {"generator/views/recipients.py", "generator/render/templates/recipients.md.j2"}
"""Files the handbook's worked example adds (handbook/page-kinds.md): named as new files, on purpose."""
_BACKTICKS = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_FENCE = re.compile(r"```[^\n]*\n(.*?)```", re.S)


def tracked_top_level() -> set[str]:
    """The repository's top-level files and folders, as git tracks them (the worktree's own, not a build's)."""
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return {name.split("/", 1)[0] for name in names} | {path.name for path in ROOT.iterdir() if path.name == "handbook"}


TOP = tracked_top_level()


def guide_text() -> str:
    """The editors' guide as the district's site publishes it."""
    from generator.build import make_build
    from generator.content import load_content
    from generator.render.pages import render_pages
    from generator.settings import BuildSettings

    build = make_build(load_content(CONTENT), BuildSettings(content_dir=CONTENT, today=date(2026, 12, 7)))
    names = {page.path for page in build.pages["guide"]}
    return "\n".join(page.markdown for page in render_pages(build) if page.path in names)


def texts() -> dict[str, tuple[str, Path]]:
    """Document name → (text, folder its relative links start from)."""
    found = {path.relative_to(ROOT).as_posix(): (path.read_text(encoding="utf-8"), path.parent) for path in DOCUMENTS}
    found["guide (district)"] = (guide_text(), ROOT)  # its links are site pages: only its backticked paths count
    return found


TEXTS = texts()


def _clean(span: str) -> str:
    """``content/x.yml:3:1`` → ``content/x.yml``; ``a.md#anchor`` → ``a.md``; a trailing ``)`` or ``,`` off."""
    span = span.strip().split("#", 1)[0].rstrip(").,;")
    return re.sub(r"(:\d+)+$", "", span)


def repository_path(span: str) -> str | None:
    """``span`` when it names a path of the repository (see the module docstring), else None."""
    span = _clean(span)
    if not span or " " in span or "://" in span or span.startswith(("/", "../", "~", "$")) or "=" in span:
        return None
    first = span.split("/", 1)[0]
    if first in OUTPUTS or first.startswith(".site-"):
        return None
    if first in TOP or first in PACKAGE_FOLDERS:
        return span if "/" in span or "." in first else None
    return None


def exists(path: str) -> bool:
    """A path (maybe a glob, maybe with a ``<placeholder>``) names something in the repository."""
    literal = re.split(r"[<*{]", path, maxsplit=1)[0]
    candidates = [ROOT / path]
    first = path.split("/", 1)[0]
    if first in PACKAGE_FOLDERS:
        candidates.append(ROOT / "generator" / path)
    if first == "content":
        candidates.append(FIXTURE / path)
    for candidate in candidates:
        if literal != path:  # a pattern: something matches it, or (a placeholder) its folder exists
            base = Path(str(candidate)[: len(str(candidate)) - len(path) + len(literal)])
            pattern = path[len(literal.rsplit("/", 1)[0]) + 1 if "/" in literal else 0:]
            folder = base if literal.endswith("/") else base.parent
            if "*" in path and "<" not in path and list(folder.glob(pattern.split("/", 1)[-1] if "/" in pattern else pattern)):
                return True
            if "<" in path and folder.is_dir():
                return True
            continue
        if candidate.exists():
            return True
    return False


def named_paths() -> list[tuple[str, str]]:
    found = []
    for name, (text, folder) in TEXTS.items():
        spans = _BACKTICKS.findall(_FENCE.sub("", text))
        for span in spans:
            if (path := repository_path(span)) is not None:
                found.append((name, path))
        if name.startswith("guide"):
            continue
        for target in _LINK.findall(text):
            target = _clean(target)
            if not target or "://" in target or target.startswith(("mailto:", "#", "tel:")):
                continue
            resolved = (folder / target).resolve()
            found.append((name, resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else target))
    return sorted(set(found))


PATHS = named_paths()


def test_the_documentation_names_paths() -> None:
    """The check itself has something to check, and can fail: a made-up path is refused."""
    named = {path for _, path in PATHS}
    assert {"generator/publish/verify.py", "content/cai-dat.yml", "handbook/README.md", "SECURITY.md"} <= named
    assert not exists("generator/publish/nothing.py") and not exists("content/khong-co.yml")
    assert exists("schema/*.json") and exists("content/to-chuc-co-so/*.yml") and exists("views/quiz.py")
    assert repository_path("muc-tieu-2030/#kinh-te-so") is None and repository_path("site/") is None


@pytest.mark.parametrize(("document", "path"), PATHS, ids=[f"{d}:{p}" for d, p in PATHS])
def test_every_named_path_exists(document: str, path: str) -> None:
    new_file = document.startswith("guide") and exists(path.rsplit("/", 1)[0])  # the guide names files to create
    example = document == "handbook/page-kinds.md" and path in EXAMPLES
    assert exists(path) or new_file or example, f"{document} names {path}, which the repository does not have"


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, re.M))


def cli_commands() -> set[str]:
    commands = next(action for action in parser()._actions if action.__class__.__name__ == "_SubParsersAction")
    return set(commands.choices)


def named_commands() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(document, target) of every ``make X`` and (document, command) of every ``python -m generator X``, in code."""
    makes, commands = [], []
    for name, (text, _) in TEXTS.items():
        code = "\n".join(_BACKTICKS.findall(text) + _FENCE.findall(text))
        makes += [(name, target) for target in re.findall(r"\bmake ([a-z][a-z0-9-]*)", code)]
        commands += [(name, command) for command in
                     re.findall(r"python -m generator(?: --content \S+)? ([a-z][a-z-]*)", code)]
    return sorted(set(makes)), sorted(set(commands))


MAKES, COMMANDS = named_commands()


def test_every_make_target_named_exists() -> None:
    assert MAKES, "the documentation names make targets"
    missing = [(document, target) for document, target in MAKES if target not in makefile_targets()]
    assert not missing, f"make targets the Makefile does not have: {missing}"


def test_every_generator_command_named_exists() -> None:
    assert COMMANDS, "the documentation names python -m generator commands"
    missing = [(document, command) for document, command in COMMANDS if command not in cli_commands()]
    assert not missing, f"commands `python -m generator` does not have: {missing}"
