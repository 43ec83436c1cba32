"""The project's own configuration: mkdocs.yml has no key twice, and the tests import nothing undeclared."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that fails on a key given twice in one mapping (PyYAML silently keeps the last one),
    and reads mkdocs.yml's ``!!python/name:module.attr`` tags as the dotted name, importing nothing."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    f"duplicate key {key!r} (first at line {seen[key].line + 1})", key_node.start_mark,
                )
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


StrictLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: f"python/name:{suffix}"
)


def load_strict(text: str) -> dict:
    return yaml.load(text, Loader=StrictLoader)  # a SafeLoader subclass: no arbitrary objects


def test_strict_loader_rejects_a_duplicate_key() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'a'"):
        load_strict("a: 1\nb:\n  c: 2\na: 3\n")
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'c'"):
        load_strict("b:\n  c: 2\n  c: 3\n")


def test_mkdocs_yml_has_no_duplicate_key() -> None:
    config = load_strict((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"][0]["nghiquyet"]["templates_dir"] == "templates"
    slugify = next(ext["toc"]["slugify"] for ext in config["markdown_extensions"] if isinstance(ext, dict) and "toc" in ext)
    assert slugify == "python/name:generator.text.toc_slugify"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_distributions() -> set[str]:
    """Distribution names of the project's dependencies plus its ``test`` extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return {_normalise(re.match(r"[A-Za-z0-9._-]+", requirement).group()) for requirement in requirements}


def local_modules() -> set[str]:
    """Top-level names the repository itself provides: its packages and modules, and the tests' own modules."""
    names = {path.name for path in ROOT.iterdir() if (path / "__init__.py").is_file()}
    names |= {path.stem for path in ROOT.glob("*.py")}
    names |= {path.stem for path in TESTS.rglob("*.py")}
    return names


def imported_modules(path: Path) -> set[str]:
    """Top-level module names of the absolute imports in one file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_third_party_import_in_tests_is_declared() -> None:
    declared = declared_distributions()
    local = local_modules()
    distributions = packages_distributions()
    problems = []
    for path in sorted(TESTS.rglob("*.py")):
        for module in sorted(imported_modules(path) - local - set(sys.stdlib_module_names)):
            providers = {_normalise(name) for name in distributions.get(module, [])}
            if not providers:
                problems.append(f"{path.relative_to(ROOT)}: {module} is not installed from any distribution")
            elif not providers & declared:
                source = ", ".join(sorted(providers))
                problems.append(f"{path.relative_to(ROOT)}: {module} (from {source}) is not in pyproject.toml")
    assert not problems, "\n".join(problems)


def test_stylesheets_have_balanced_braces() -> None:
    """A lost brace makes browsers drop every rule after it, silently (a merge once did that)."""
    stylesheets = sorted((ROOT / "generator" / "theme" / "docs" / "assets").rglob("*.css"))
    assert stylesheets
    for path in stylesheets:
        depth = 0
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{path.name}:{number}: '}}' without '{{'"
            assert not line.startswith(("<<<<<<<", ">>>>>>>")), f"{path.name}:{number}: merge marker"
        assert depth == 0, f"{path.name}: {depth} block(s) never closed"
