"""Stage imports go one way (issue 20, item 6): data flows content → views → registry → render → publish.

Each module of ``generator`` belongs to a stage, by its first name under ``generator/``; a module may import
from its own stage and from the stages below it, never from one above:

    rank 0  text, settings, theme          plain helpers, the build's settings, where the package's theme files
                                           are: import no other stage
    rank 1  content                        YAML → validated models
    rank 2  views                          models → view models (a page's data; addresses are passed in)
    rank 3  registry                       page kinds, their view models and templates, every page address
    rank 4  build                          content → one ``Build`` (site view, pages by kind), once per build
    rank 5  render                         Build → Markdown, feeds, JSON, images, PDF, the editor's config
    rank 6  publish                        the built folder → stylesheet, search, offline, checks
    rank 7  editor, hosting, dist, sitedir, maintainer, cli, plugin, __main__, __init__
                                           tools and adapters on top: may import any stage

Imports are read with ``ast`` from every module, those inside functions included, so a late import cannot
hide a cycle. The developers' part of README.md ("Stages and imports") repeats this order.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"
RANKS = {"text": 0, "settings": 0, "theme": 0, "content": 1, "views": 2, "registry": 3, "build": 4, "render": 5, "publish": 6}
TOP = 7


def stage(module: str) -> str:
    """``generator.render.pages`` → ``render``; ``generator`` itself → ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every ``generator`` module ``path`` imports, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None or target == "generator":  # ``from . import registry``: each name is a module
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
    return [(line, module) for line, module in found if module == "generator" or module.startswith("generator.")]


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = stage(module_name(path))
        for line, module in imported(path):
            target = stage(module)
            if RANKS.get(target, TOP) > RANKS.get(source, TOP):
                found.append(f"{path.relative_to(ROOT)}:{line}: {source} imports {module} ({target} is above it)")
    return found


def test_no_stage_imports_from_a_stage_above_it() -> None:
    assert violations() == []


def test_every_stage_of_the_order_exists() -> None:
    """The order names real stages (a renamed folder must be renamed here too)."""
    present = {path.stem if path.is_file() else path.name for path in PACKAGE.iterdir()}
    assert set(RANKS) <= present


def test_the_check_finds_an_upward_import(tmp_path: Path, monkeypatch) -> None:
    """A view model that imports from render/ (the defect this test guards against) is reported."""
    views = tmp_path / "generator" / "views"
    views.mkdir(parents=True)
    (views / "bad.py").write_text("from ..render.photos import photo_view\nfrom .. import registry\n", encoding="utf-8")
    this = sys.modules[__name__]
    monkeypatch.setattr(this, "ROOT", tmp_path)
    monkeypatch.setattr(this, "PACKAGE", tmp_path / "generator")
    assert violations() == [
        "generator/views/bad.py:1: views imports generator.render.photos (render is above it)",
        "generator/views/bad.py:2: views imports generator.registry (registry is above it)",
    ]
