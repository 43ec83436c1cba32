"""Security settings only maintainers change (generator/maintainer.py, .github/CODEOWNERS) and the review of a pull
request's changed files (generator/editor/review.py): maintainer files flagged, changed pages listed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.editor.review import changed_pages, codeowners_patterns, maintainer_files, owned, pages_json
from generator.maintainer import MaintainerConfig, maintainer_config, plugin_options
from generator.settings import SettingsError

from .conftest import FIXTURE, ROOT, settings
from .test_portal import TODAY

SECURITY_SETTINGS = {"repo_url", "edit_branch", "editor_auth_url", "embed_origins"}


def test_the_security_settings_are_read_from_mkdocs_yml_not_content() -> None:
    options = plugin_options(ROOT / "mkdocs.yml")
    config = maintainer_config(ROOT)
    assert list(config.embed_origins) == options["embed_origins"] and config.edit_branch == options["edit_branch"]
    for content in (ROOT / "content", FIXTURE / "content"):
        keys = {line.split(":")[0] for line in (content / "cai-dat.yml").read_text(encoding="utf-8").splitlines()}
        assert not keys & SECURITY_SETTINGS, content


@pytest.mark.parametrize("name", ["nghiquyet", "nq57"])  # nq57: the plugin's name in 0.2.0 and earlier
def test_mkdocs_yml_python_tags_are_read_as_nothing_and_never_run(tmp_path: Path, name: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("x: !!python/object/apply:os.system ['touch hacked']\nplugins:\n  - search\n"
                      f"  - {name}:\n      edit_branch: nhap\n", encoding="utf-8")
    assert plugin_options(config) == {"edit_branch": "nhap"}
    assert not (tmp_path / "hacked").exists() and not Path("hacked").exists()
    assert maintainer_config(tmp_path).edit_branch == "nhap"
    assert maintainer_config(tmp_path / "nowhere") == MaintainerConfig()


@pytest.mark.parametrize(("options", "expected"), [
    ({"embed_origins": ["https://a.example.org/nq57/"]}, "tùy chọn `embed_origins.0` của plugin nghiquyet không hợp lệ"),
    ({"editor_auth_url": "dang-nhap.example.org"}, "tùy chọn `editor_auth_url` của plugin nghiquyet không hợp lệ"),
    ({"edit_branch": ""}, "tùy chọn `edit_branch` của plugin nghiquyet không hợp lệ"),
])
def test_a_wrong_option_is_refused_in_vietnamese(options: dict, expected: str) -> None:
    with pytest.raises(SettingsError) as caught:
        MaintainerConfig.from_options(options)
    assert str(caught.value).startswith(f"mkdocs.yml: {expected}"), caught.value


def test_codeowners_reserves_configuration_code_and_locks_for_maintainers() -> None:
    reserved = ["mkdocs.yml", ".github/workflows/ci.yml", ".github/CODEOWNERS", "generator/plugin.py",
                "overrides/main.html", "templates/home.md.j2", "docs/overrides/main.html", "Makefile", "pyproject.toml",
                "requirements.lock", "requirements-test.lock",
                "package-lock.json", "SECURITY.md", ".ci/run"]
    assert maintainer_files(ROOT, reserved) == reserved
    editors = ["content/cai-dat.yml", "content/tin-tuc/2026-01-02-bai.md", "content/anh/a.jpg", "docs/trien-khai.md",
               "huong-dan-bien-tap/index.md"]
    assert maintainer_files(ROOT, editors) == []
    assert "/mkdocs.yml" in codeowners_patterns(ROOT)


def test_codeowners_matching() -> None:
    assert owned("a/b/c.txt", "/a/") and not owned("x/a/b.txt", "/a/") and owned("x/a/b.txt", "a/")
    assert owned("requirements-test.lock", "/requirements*.lock") and not owned("docs/requirements.lock", "/requirements*.lock")


def test_review_flags_maintainer_files_with_a_warning_annotation(tmp_path: Path) -> None:
    changed = tmp_path / "changed.txt"
    # The fixture stands for a repository's content/: a copy outside any repository keeps the name `content`
    # (inside this one its path would be tests/fixtures/xa-mau/content, a maintainers' folder).
    content = shutil.copytree(FIXTURE / "content", tmp_path / "content")
    target = "content/muc-tieu/2030.yml"
    changed.write_text(f"{target}\nmkdocs.yml\n.github/workflows/ci.yml\n", encoding="utf-8")
    pages = tmp_path / "preview" / "pages.json"
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "review",
                             "--format", "github", "--changed", str(changed), "--pages-out", str(pages)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("::warning ")]
    assert [w.split(",")[0] for w in warnings] == ["::warning file=mkdocs.yml", "::warning file=.github/workflows/ci.yml"]
    assert all("title=Tệp của người duy trì::Tệp này chỉ người duy trì kho mã được sửa" in w for w in warnings)
    assert json.loads(pages.read_text(encoding="utf-8")) == {
        "pages": [{"source": target, "url": "muc-tieu-2030/"}], "more": 0}


def test_changed_pages_of_the_fixture(fixture_content) -> None:
    build = settings(TODAY, FIXTURE / "content")
    targets = "content/muc-tieu/2030.yml"
    pages = changed_pages(fixture_content, build, [targets, "content/anh/mot-anh.jpg", "docs/trien-khai.md",
                                                    "generator/plugin.py", targets])
    assert [(p.source, p.url) for p in pages] == [(targets, "muc-tieu-2030/"), ("content/anh/mot-anh.jpg", ""),
                                                  ("docs/trien-khai.md", "trien-khai/")]
    many = json.loads(pages_json(pages * 20))
    assert len(many["pages"]) == 30 and many["more"] == 30


def test_a_build_takes_branch_and_login_server_from_mkdocs_yml(project_copy: Path, tmp_path: Path) -> None:
    """The plugin's options reach the edit links and the browser editor's configuration (not cai-dat.yml)."""
    import yaml

    from .conftest import CI_REPO_URL, build_site, replace_once

    replace_once(project_copy / "mkdocs.yml", "      edit_branch: main\n",
                 "      edit_branch: nhap-noi-dung\n      editor_auth_url: https://dang-nhap.example.org\n")
    site = tmp_path / "site"
    result = build_site(site, config=project_copy / "mkdocs.yml", env={"REPO_URL": CI_REPO_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")
    assert f'href="{CI_REPO_URL}/edit/nhap-noi-dung/content/muc-tieu/2030.yml"' in page
    cms = site / "bien-tap" / "quan-tri" / "config.yml"
    assert cms.exists() == (ROOT / "node_modules" / "decap-cms").is_dir(), "packaged only with npm's Decap (make node)"
    if cms.exists():
        backend = yaml.safe_load(cms.read_text(encoding="utf-8"))["backend"]
        assert backend["branch"] == "nhap-noi-dung" and backend["base_url"] == "https://dang-nhap.example.org"
