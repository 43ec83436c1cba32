"""Shared fixtures: the repository's paths, a broken copy of the content, a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.content import load_content
from generator.settings import BuildSettings

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
"""The district's real content: read only by the fidelity, schema and ``district_site`` tests (issue 20, item 7)."""
FIXTURE = ROOT / "tests" / "fixtures" / "xa-mau"
"""A small fictional commune (tests/fixtures/README.md): the content every generator test builds and reads."""
FIXTURE_CONTENT = FIXTURE / "content"
CI_REPO_URL = "https://github.com/example/nq57"
"""The repository address the session's built site gets, as CI's workflow gives one (``REPO_URL``)."""


def copy_project(target: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """Copy what a build reads (mkdocs.yml, docs/, the guide) and a content folder (the fixture commune's unless
    ``content`` names another) into ``target``: ``target/mkdocs.yml`` builds ``target/content``."""
    shutil.copytree(content, target / "content")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", target / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "huong-dan-bien-tap", target / "huong-dan-bien-tap")
    return target


def settings(today: date, content_dir: Path = CONTENT, site_url: str | None = None, *,
             preview: bool = False) -> BuildSettings:
    """Build settings for a test: a fixed day, no environment; a production build unless ``preview``
    (approved editorial items only: the district's content has none, the fixture all but one Q&A item)."""
    return BuildSettings(content_dir=content_dir, today=today, site_url=site_url, preview=preview)


def fixture_yaml(name: str, content: Path = FIXTURE_CONTENT) -> dict:
    """A content file of the fixture commune as PyYAML reads it: where tests take their expected values from."""
    import yaml

    return yaml.safe_load((content / name).read_text(encoding="utf-8"))


def fixture_indicators(content: Path = FIXTURE_CONTENT) -> list[dict]:
    """Every target indicator mapping of the fixture's YAML (``muc-tieu/<year>.yml``, earliest horizon first), in the
    files' order: the one place that knows which files hold targets, so a change of the content's shape is fixed here."""
    horizons = sorted((content / "muc-tieu").glob("*.yml"), key=lambda path: int(path.stem))
    return [indicator for path in horizons
            for paragraph in fixture_yaml(f"muc-tieu/{path.name}", content)["paragraphs"]
            for indicator in paragraph.get("indicators", [])]


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the project with the fixture commune's content, that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def content_copy(project_copy: Path) -> Path:
    """The content/ folder of a private project copy (the fixture commune's)."""
    return project_copy / "content"


@pytest.fixture(scope="session")
def fixture_content():
    """The fixture commune's content, loaded and validated."""
    from generator.content import load_content

    return load_content(FIXTURE / "content")


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """The fixture commune's content, copied: a test may break it."""
    return Path(shutil.copytree(FIXTURE / "content", tmp_path / "content"))


def with_scanned_copy(content: Path) -> None:
    """Give the fixture's copy a “scanned copy” (content/source/ke-hoach-ocr.txt) holding its plan's words in page
    order, with the OCR error its ocr-corrections.yml lists planted once: the plan's wording is then compared."""
    import yaml

    from generator.content.document import document_pieces

    correction = yaml.safe_load((content / "ocr-corrections.yml").read_text(encoding="utf-8"))["corrections"][0]
    wrong, right = correction["wrong"], correction["right"]
    text = "\n\n".join(piece.text for piece in document_pieces(**load_content(content).parts))
    assert right in text
    (content / "source").mkdir()
    (content / "source/ke-hoach-ocr.txt").write_text(text.replace(right, wrong, 1), encoding="utf-8")


def problems_for(content: Path) -> list:
    """The problems ``load_content`` reports for ``content`` (it must refuse it)."""
    from generator.content import ContentError, load_content

    with pytest.raises(ContentError) as caught:
        load_content(content)
    return caught.value.problems


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace ``old`` with ``new`` in a file; return the 1-based line where ``new`` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text[:index].count("\n") + 1


def build_site(site_dir: Path, *, config: Path | None = None, env: dict | None = None,
               content: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real atomic build as an editor would (python -m generator build).

    ``config`` is a project copy's mkdocs.yml (it builds that copy's content/); without one the repository's
    mkdocs.yml builds ``content`` (``CONTENT_DIR``), the fixture commune's unless a test names the district's."""
    environ = {key: value for key, value in os.environ.items() if key != "CONTENT_DIR"}
    if config is None:
        config = ROOT / "mkdocs.yml"
        environ["CONTENT_DIR"] = str(content or FIXTURE_CONTENT)
    elif content is not None:
        environ["CONTENT_DIR"] = str(content)
    command = [sys.executable, "-m", "generator", "build", "--config-file", str(config), "--site-dir", str(site_dir)]
    full_env = {**environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1764288000"),
                "SITE_MODE": "production", **(env or {})}
    return subprocess.run(command, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture commune built once for the whole session, as CI builds a pull request's preview: with a
    repository, so every page has its edit button and the browser editor is configured (CI's workflow sets
    REPO_URL), and ``SITE_MODE=preview``, so the editorial item nobody has approved yet (the Q&A item
    ``nguoi-dan-o-dau``) is there, marked as a draft. ``published_site`` is the production build."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = build_site(site, env={"REPO_URL": CI_REPO_URL, "SITE_MODE": "preview"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def district_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The district's real content (content/) built once, as production: the one build of it the suite keeps,
    for the checks that the district's site builds and every link in it resolves (tests/test_district.py)."""
    site = tmp_path_factory.mktemp("district") / "site"
    result = build_site(site, content=CONTENT)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def build_with_other_builder(folder: Path) -> Path:
    """The builder-independent path: ``render --out`` → Zensical → ``publish``; returns the published folder."""
    from generator.render.pages import nav

    from .zensical_build import build_with_zensical

    docs, site = folder / "docs", folder / "site"
    shutil.copytree(ROOT / "docs", docs)  # render --out adds the package's files (generator/theme/docs/) it lacks
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1764288000"), "SITE_MODE": "production",
           "CONTENT_DIR": str(FIXTURE_CONTENT)}
    render = subprocess.run([sys.executable, "-m", "generator", "render", "--out", str(docs)],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert render.returncode == 0, render.stdout + render.stderr
    content = load_content(FIXTURE_CONTENT)
    menu = nav(content, settings(date(2025, 1, 1), FIXTURE_CONTENT))
    address = str(content.settings.base_url) if content.settings.base_url else None  # the fixture has one
    built = build_with_zensical(docs, site, site_name=content.settings.site_name, nav=menu, site_url=address)
    assert built.returncode == 0, built.stdout + built.stderr
    publish = subprocess.run([sys.executable, "-m", "generator", "publish", str(site)],
                             cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert publish.returncode == 0, publish.stdout + publish.stderr
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture commune built by Zensical instead of MkDocs, then published by ``python -m generator publish``."""
    return build_with_other_builder(tmp_path_factory.mktemp("zensical"))


PUBLISHED_URL = "https://example.org/nq57/"
"""The address ``published_site`` is built for (a sub-path, as a portal may host it)."""


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture commune built with a site URL on a sub-path, as production (approved editorial items only, so the
    Q&A item ``nguoi-dan-o-dau`` and its group are left out): share images, QR codes, the poster, Open Graph images."""
    site = tmp_path_factory.mktemp("published") / "site"
    result = build_site(site, env={"SITE_URL": PUBLISHED_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def unaddressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture commune built with no published address (its ``base_url`` taken out, ``SITE_URL`` empty), as
    production: what a site without an address leaves out (share images, feeds)."""
    project = copy_project(tmp_path_factory.mktemp("unaddressed") / "project")
    base_url = "base_url: https://example.org/xa-mau/\n"
    replace_once(project / "content" / "cai-dat.yml", base_url, "")
    result = build_site(project / "site", config=project / "mkdocs.yml", env={"SITE_URL": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"
