"""``--content DIR`` and ``CONTENT_DIR``: every command, ``build`` included, uses the content folder it is given.

Issue 20 (item 5) and issue 21: ``python -m generator --content sites/x/content build`` used to build the root
``content/`` silently. The tests copy the fixture commune into a nested folder (``sites/x/content``) of a project
whose root also holds another organisation's content, so a command that falls back to the root shows that name.
Edit links, the browser editor's folders and the guide's field reference must name ``sites/x/content`` too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.content.photos import PHOTO_DIR
from generator.content.posts import NEWS_DIR
from generator.editor.cms import CONFIG_PATH
from generator.settings import content_folder

from .conftest import CI_REPO_URL, FIXTURE, ROOT

NESTED = "sites/x/content"
ROOT_ORGANISATION = "Đảng ủy phường Thử Nghiệm"
"""The organisation of the project's root content/ (the fixture under another name), which a nested build must not show."""


def organisation(content: Path) -> str:
    """The organisation's name as its own ``cai-dat.yml`` writes it (not what the code under test prints)."""
    return yaml.safe_load((content / "cai-dat.yml").read_text(encoding="utf-8"))["organisation"]


@pytest.fixture(scope="module")
def nested_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mkdocs.yml, docs/ and the guide (with its task pages) at the root, a renamed copy of the fixture in content/,
    the fixture itself in sites/x/."""
    root = tmp_path_factory.mktemp("multi")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "huong-dan-bien-tap", root / "huong-dan-bien-tap")  # the guide's task pages
    shutil.copytree(FIXTURE / "content", root / "content")  # a second organisation at the root: the fixture renamed
    settings = root / "content" / "cai-dat.yml"
    text = settings.read_text(encoding="utf-8")
    fixture_organisation = organisation(FIXTURE / "content")
    assert ROOT_ORGANISATION not in text and fixture_organisation in text
    settings.write_text(text.replace(fixture_organisation, ROOT_ORGANISATION), encoding="utf-8")  # its name everywhere
    shutil.copytree(FIXTURE / "content", root / NESTED)
    return root


def run(root: Path, *args: str, **environ: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in {"CONTENT_DIR", "SITE_URL", "REPO_URL"}}
    env |= {"SOURCE_DATE_EPOCH": "1764288000", "PYTHONPATH": str(ROOT), **environ}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def nested_site(nested_project: Path) -> Path:
    """``python -m generator --content sites/x/content build`` from the project's root, with a repository URL."""
    result = run(nested_project, "--content", NESTED, "build", "--site-dir", "site", REPO_URL=CI_REPO_URL)
    assert result.returncode == 0, result.stderr[-3000:]
    return nested_project / "site"


def test_build_publishes_the_content_the_command_line_names(nested_project: Path, nested_site: Path) -> None:
    home = (nested_site / "index.html").read_text(encoding="utf-8")
    assert organisation(nested_project / NESTED) in home
    assert organisation(nested_project / "content") not in home


def test_edit_links_open_files_under_the_nested_content_folder(nested_site: Path) -> None:
    edits = set()
    for page in nested_site.rglob("*.html"):
        edits |= set(re.findall(rf'href="{re.escape(CI_REPO_URL)}/edit/main/([^"]+)"', page.read_text(encoding="utf-8")))
    content_edits = {path for path in edits if path.endswith((".yml", ".md")) and "/" in path}
    assert any(path.startswith(f"{NESTED}/") for path in content_edits), sorted(edits)[:20]
    assert not [path for path in content_edits if path.startswith("content/")], sorted(edits)


def test_browser_editor_folders_follow_the_content_folder(nested_site: Path) -> None:
    config = yaml.safe_load((nested_site / CONFIG_PATH).read_text(encoding="utf-8"))
    assert config["media_folder"] == f"{NESTED}/{PHOTO_DIR}"
    folders = [collection["folder"] for collection in config["collections"] if "folder" in collection]
    files = [entry["file"] for collection in config["collections"] for entry in collection.get("files", [])]
    assert f"{NESTED}/{NEWS_DIR}" in folders and files, config["collections"]
    assert all(path.startswith(f"{NESTED}/") for path in folders + files), folders + files


def test_content_dir_variable_is_honoured_and_the_command_line_wins(nested_project: Path, tmp_path: Path) -> None:
    result = run(nested_project, "render", "--out", str(tmp_path / "env"), CONTENT_DIR=NESTED)
    assert result.returncode == 0, result.stderr[-3000:]
    home = (tmp_path / "env" / "index.md").read_text(encoding="utf-8")
    assert organisation(nested_project / NESTED) in home
    reference = next((tmp_path / "env").rglob("truong-du-lieu.md")).read_text(encoding="utf-8")
    assert f"{NESTED}/{NEWS_DIR}/*.md" in reference and "`content/" not in reference
    guide = (tmp_path / "env" / "bien-tap" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    assert f"`{NESTED}/cai-dat.yml`" in guide and "`content/" not in guide, "the guide names the site's own folder"
    assert f"**{organisation(nested_project / NESTED)}**" in guide

    result = run(nested_project, "--content", "content", "render", "--out", str(tmp_path / "cli"), CONTENT_DIR=NESTED)
    assert result.returncode == 0, result.stderr[-3000:]
    assert organisation(nested_project / "content") in (tmp_path / "cli" / "index.md").read_text(encoding="utf-8")


def test_validate_reads_the_content_dir_variable(nested_project: Path) -> None:
    broken = nested_project / "broken"
    result = run(nested_project, "validate", CONTENT_DIR=str(broken))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "broken" in result.stderr


def test_precedence_command_line_then_variable_then_mkdocs_option(tmp_path: Path) -> None:
    given, variable = Path("a/content"), "b/content"
    assert content_folder(given, "c", tmp_path, {"CONTENT_DIR": variable}) == given
    assert content_folder(None, "c", tmp_path, {"CONTENT_DIR": variable}) == Path(variable)
    assert content_folder(None, "c", tmp_path, {}) == tmp_path / "c"
    assert content_folder(None, None, tmp_path, {}) == tmp_path / "content"


def test_lint_reads_the_nested_folder_and_names_its_files(nested_project: Path) -> None:
    """The fixture's one warning (its unapproved Q&A item), at the path an editor opens from the repository's root."""
    result = run(nested_project, "--content", NESTED, "lint")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{NESTED}/hoi-dap.yml:" in result.stdout
    assert "\ncontent/" not in "\n" + result.stdout  # nothing of the root's content, and no path without its folder

    variable = run(nested_project, "lint", "--format", "github", CONTENT_DIR=NESTED)
    assert f"file={NESTED}/hoi-dap.yml" in variable.stdout, variable.stdout[-2000:]


def test_hosting_uses_the_published_address_of_the_content_named(nested_project: Path, tmp_path: Path) -> None:
    site_path = "/" + yaml.safe_load((nested_project / NESTED / "cai-dat.yml").read_text(encoding="utf-8"))[
        "base_url"].split("/", 3)[3]
    for args, environ in ((("--content", NESTED), {}), ((), {"CONTENT_DIR": NESTED})):
        out = tmp_path / ("cli" if args else "env")
        result = run(nested_project, *args, "hosting", "--out", str(out), **environ)
        assert result.returncode == 0, result.stderr
        assert f"location ^~ {site_path} " in (out / "nginx.conf").read_text(encoding="utf-8")


def test_migrate_upgrades_the_folder_named_and_no_other(nested_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(nested_project / "content", project / "content")
    shutil.copy(nested_project / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(nested_project / NESTED, project / NESTED)
    root_before = (project / "content" / "cai-dat.yml").read_text(encoding="utf-8")
    result = run(project, "migrate", CONTENT_DIR=NESTED)
    assert result.returncode == 0, result.stderr
    assert "schema_version:" in (project / NESTED / "cai-dat.yml").read_text(encoding="utf-8")
    assert (project / "content" / "cai-dat.yml").read_text(encoding="utf-8") == root_before


def test_build_reads_the_content_dir_variable(nested_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run(nested_project, "build", "--site-dir", str(site), CONTENT_DIR=NESTED)
    assert result.returncode == 0, result.stderr[-3000:]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert organisation(nested_project / NESTED) in home
    assert organisation(nested_project / "content") not in home


def test_the_guide_names_the_nested_content_folder(nested_site: Path) -> None:
    """The editors' guide's examples name the files of this site where they are: ``sites/x/content/…``."""
    guide = "\n".join(page.read_text(encoding="utf-8")
                      for page in sorted((nested_site / "bien-tap" / "huong-dan-bien-tap").rglob("index.html")))
    assert f"{NESTED}/" in guide
    assert not re.search(r"(?<![\w/])content/(?:cai-dat|tin-tuc|to-chuc)", guide), \
        re.findall(r".{60}(?<![\w/])content/(?:cai-dat|tin-tuc|to-chuc).{20}", guide)[:5]
