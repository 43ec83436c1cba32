"""A generator package and a site: the package carries the theme, the site only what it changes (issue 20, item 1).

The fixture commune is built as a site repository of its own: ``content/``, a short mkdocs.yml, an empty
``docs/`` (MkDocs requires the folder), the editor's guide, no ``docs/overrides`` and no ``docs/assets``. The theme's templates,
scripts, stylesheets and search page come from the package (``generator/theme``). A second copy changes one
sentence of the home page's template in its own ``templates/``, one theme partial in its own ``overrides/`` and
the stylesheet in its own ``docs/assets/``: the site's copies win, every other page stays byte for byte the same.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from generator import __version__, theme
from generator.publish.scripts import known_scripts, theme_folders

from .conftest import FIXTURE, ROOT, build_site

PACKAGE_DOCS = ROOT / "generator" / "theme" / "docs"
PACKAGE_OVERRIDES = ROOT / "generator" / "theme" / "overrides"
PACKAGE_TEMPLATES = ROOT / "generator" / "render" / "templates"

SITE_CONFIG = """\
site_name: Xã mẫu
theme:
  name: material
  language: vi
  font: false
  palette:
    scheme: default
    primary: custom
    accent: custom
plugins:
  - nghiquyet
extra_css:
  - assets/site.css
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: false
      slugify: !!python/name:generator.text.toc_slugify
"""

TEMPLATE_SENTENCE = "Lời của Ban biên tập trang, chỉ dựa vào %(plan)s; mỗi dòng dẫn tới mục tiêu hay nhiệm vụ làm căn cứ."
"""A sentence of the package's home template (checked below to be there), which the site's copy changes."""
PLAN_KIND = yaml.safe_load((FIXTURE / "content" / "ke-hoach.yml").read_text(encoding="utf-8"))["kind"]
HOME_SENTENCE = TEMPLATE_SENTENCE % {"plan": PLAN_KIND}
"""The same sentence on the built page: the document named as the fixture's plan calls itself."""
SITE_SENTENCE = "Lời giới thiệu riêng của Đảng ủy xã, viết trong mẫu trang của trang này."
PARTIAL = "partials/copyright.html"
PARTIAL_MARK = "Chân trang riêng của xã mẫu"
SITE_CSS_MARK = "/* kiểu trình bày riêng của xã mẫu */"
SITE_SCRIPT = "/* mã riêng của xã mẫu */\n"


def site_repository(folder: Path) -> Path:
    """The fixture commune as a site repository of its own: content/, mkdocs.yml and an empty docs/. The editors'
    guide comes with the package (views/guide.py), in the commune's own words."""
    shutil.copytree(FIXTURE / "content", folder / "content")
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
    return folder


def build(project: Path) -> Path:
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pages(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(site_repository(tmp_path_factory.mktemp("plain") / "xa-mau"))


@pytest.fixture(scope="module")
def own_templates_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = site_repository(tmp_path_factory.mktemp("own") / "xa-mau")
    (project / "templates").mkdir()
    home = (PACKAGE_TEMPLATES / "home.md.j2").read_text(encoding="utf-8")
    assert home.count(TEMPLATE_SENTENCE) == 1
    (project / "templates" / "home.md.j2").write_text(home.replace(TEMPLATE_SENTENCE, SITE_SENTENCE), encoding="utf-8")
    return build(project)


@pytest.fixture(scope="module")
def own_theme_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = site_repository(tmp_path_factory.mktemp("theme") / "xa-mau")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / PARTIAL).write_text(f'<div class="md-copyright">{PARTIAL_MARK}</div>\n', encoding="utf-8")
    (project / "docs" / "assets").mkdir()
    css = (PACKAGE_DOCS / "assets" / "site.css").read_text(encoding="utf-8")
    (project / "docs" / "assets" / "site.css").write_text(css + SITE_CSS_MARK + "\n", encoding="utf-8")
    (project / "docs" / "assets" / "site.js").write_text(SITE_SCRIPT, encoding="utf-8")
    config = project / "mkdocs.yml"
    allow = "  - nghiquyet:\n      docs_allow: [assets/site.js]\n"
    config.write_text(config.read_text(encoding="utf-8").replace("  - nghiquyet\n", allow),
                      encoding="utf-8")
    return build(project)


def test_a_site_without_theme_files_gets_the_package_s(plain_site: Path) -> None:
    project = plain_site.parent
    assert not (project / "docs" / "overrides").exists() and not (project / "docs" / "assets").exists()
    for path in sorted(PACKAGE_DOCS.joinpath("assets").glob("*.js")):
        built = plain_site / "assets" / path.name
        assert built.is_file(), path.name
        assert built.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name
    home = (plain_site / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in home
    assert re.search(r'href="assets/stylesheets/site\.[0-9a-f]+\.css"', home) or "assets/site.css" in home, home[:2000]
    assert HOME_SENTENCE in home
    quiz = (plain_site / "trac-nghiem" / "index.html").read_text(encoding="utf-8")
    assert "assets/quiz.js" in quiz
    search = (plain_site / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert "pagefind-ui.js" in search and "assets/search.js" in search  # the package's page with its template


def test_the_slides_page_is_built_from_the_package_s_template(plain_site: Path) -> None:
    slides = (plain_site / "trinh-chieu" / "index.html").read_text(encoding="utf-8")
    assert "assets/slides.js" in slides  # trinh-chieu.html of generator/theme/overrides
    assert "assets/javascripts/bundle." not in slides  # the light page: none of Material's JavaScript


def test_a_site_template_replaces_one_sentence_and_nothing_else(plain_site: Path, own_templates_site: Path) -> None:
    before, after = pages(plain_site), pages(own_templates_site)
    assert sorted(before) == sorted(after)
    assert HOME_SENTENCE in before["index.html"] and SITE_SENTENCE not in before["index.html"]
    assert after["index.html"] == before["index.html"].replace(HOME_SENTENCE, SITE_SENTENCE)
    changed = [page for page in before if before[page] != after[page] and page != "index.html"]
    assert changed == []


def test_a_site_partial_and_stylesheet_win_over_the_package_s(plain_site: Path, own_theme_site: Path) -> None:
    package_partial = (PACKAGE_OVERRIDES / PARTIAL).read_text(encoding="utf-8")
    assert PARTIAL_MARK not in package_partial
    for page, html in pages(own_theme_site).items():
        if "md-footer" in html:
            assert PARTIAL_MARK in html, page
    assert PARTIAL_MARK in (own_theme_site / "index.html").read_text(encoding="utf-8")
    assert PARTIAL_MARK not in (plain_site / "index.html").read_text(encoding="utf-8")
    bundled = "".join(path.read_text(encoding="utf-8") for path in own_theme_site.rglob("*.css"))
    assert "riêng của xã mẫu" in bundled
    assert "riêng của xã mẫu" not in "".join(path.read_text(encoding="utf-8") for path in plain_site.rglob("*.css"))
    assert (own_theme_site / "assets" / "site.js").read_text(encoding="utf-8") == SITE_SCRIPT  # listed in docs_allow


def test_a_site_script_replacing_the_package_s_must_be_listed(tmp_path: Path) -> None:
    """The site's copy of a package script is pull-request content: refused unless docs_allow lists it."""
    project = site_repository(tmp_path / "xa-mau")
    (project / "docs" / "assets").mkdir()
    (project / "docs" / "assets" / "site.js").write_text(SITE_SCRIPT, encoding="utf-8")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode != 0
    assert "docs/assets/site.js" in result.stderr and "docs_allow" in result.stderr
    assert "Traceback" not in result.stderr and not site.exists()


def test_theme_search_path_puts_the_site_first_then_the_package_then_material(tmp_path: Path) -> None:
    project = site_repository(tmp_path / "xa-mau")
    (project / "overrides").mkdir()
    config = load_config(str(project / "mkdocs.yml"))
    material = list(config.theme.dirs)
    site = theme.site_overrides(project, config.theme.custom_dir)
    theme.layer_theme(config.theme.dirs, site)
    theme.layer_theme(config.theme.dirs, site)  # serve calls it again: nothing added twice
    assert config.theme.dirs == [str((project / "overrides").resolve()), str(PACKAGE_OVERRIDES), *material]
    custom = tmp_path / "eigen"
    custom.mkdir()
    dirs = [str(custom), *material]
    theme.layer_theme(dirs, theme.site_overrides(project, str(custom)))
    assert dirs == [str(custom), str(PACKAGE_OVERRIDES), *material]


def test_known_scripts_read_the_package_s_overrides() -> None:
    assert PACKAGE_OVERRIDES in theme_folders()
    assert known_scripts().digests  # Material's inline scripts, as before


def test_version_from_the_package_metadata() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'(?m)^version = "([^"]+)"', pyproject)[1]
    assert __version__ == declared
    result = subprocess.run([sys.executable, "-m", "generator", "--version"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and result.stdout.strip() == f"nghiquyet {declared}"


def test_package_data_lists_the_theme() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"theme/overrides/**/*"' in pyproject and '"theme/docs/**/*"' in pyproject
    assert (PACKAGE_OVERRIDES / "main.html").is_file() and (PACKAGE_DOCS / "tim-kiem.md").is_file()


def test_render_reads_the_site_templates_beside_the_content(tmp_path: Path) -> None:
    """``render --out`` (a builder without the plugin) uses the same layers: templates/ beside content/."""
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    (tmp_path / "templates").mkdir()
    home = (PACKAGE_TEMPLATES / "home.md.j2").read_text(encoding="utf-8")
    (tmp_path / "templates" / "home.md.j2").write_text(home.replace(TEMPLATE_SENTENCE, SITE_SENTENCE), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(tmp_path / "content"), "render", "--out",
                             str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert SITE_SENTENCE in index and HOME_SENTENCE not in index
    assert (tmp_path / "out" / "assets" / "quiz.js").is_file()
