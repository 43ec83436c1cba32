"""``python -m generator new DIR``: a starter site that validates, lints without errors and builds, for any level.

Issue 20 (item 5). Each level writes a starter into a temporary folder and runs, in that folder, what its README
tells the editor to run (``validate``, ``lint``, ``build``). The options are untrusted: a value with quotes, a colon,
``#`` or a line break must either be refused with a Vietnamese sentence (no traceback, nothing written) or reach the
YAML exactly as typed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.content import load_content
from generator.content.migrations import SCHEMA_VERSION, content_version
from generator.content.models import Wording
from generator.content.placeholders import MARKER
from generator.editor.lint import lint

from .conftest import ROOT
from .test_other_organisations import district_words

ORGANISATIONS = {"xã": "Đảng ủy xã Tân Lập", "tỉnh": "Tỉnh ủy Lâm Mẫu", "chi bộ": "Chi bộ Cơ quan Ủy ban nhân dân xã Tân Lập"}


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in {"CONTENT_DIR", "SITE_URL", "REPO_URL"}}
    env |= {"SOURCE_DATE_EPOCH": "1764288000", "SITE_MODE": "production", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


def new(tmp_path: Path, *options: str, folder: str = "trang-moi") -> tuple[Path, subprocess.CompletedProcess]:
    target = tmp_path / folder
    return target, run(tmp_path, "new", str(target), *options)


@pytest.mark.parametrize("level", ["xã", "tỉnh", "chi bộ"])
def test_starter_validates_lints_and_builds(tmp_path: Path, level: str) -> None:
    organisation = ORGANISATIONS[level]
    site, result = new(tmp_path, "--organisation", organisation, "--level", level, "--resolution", "57-NQ/TW",
                       "--resolution-date", "22/12/2024")
    assert result.returncode == 0, result.stderr
    assert (site / "README.md").is_file() and (site / "CONTRIBUTING.md").is_file() and (site / "mkdocs.yml").is_file()

    validated = run(site, "validate")
    assert validated.returncode == 0, validated.stderr
    linted = run(site, "lint")
    assert linted.returncode == 0, linted.stdout[-3000:] + linted.stderr
    assert f"«{MARKER}»" in linted.stdout  # the gaps are reported, as warnings
    built = run(site, "build")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-4000:]
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert organisation in home
    assert "57-NQ/TW" in home


def test_placeholders_are_lint_warnings_at_their_lines(tmp_path: Path) -> None:
    site, result = new(tmp_path, "--organisation", "Đảng ủy xã Tân Lập", "--level", "xã", "--resolution", "57-NQ/TW")
    assert result.returncode == 0, result.stderr
    findings = lint(site / "content", site / "docs")
    assert findings and {finding.severity for finding in findings} == {"warning"}
    marked = {(path.name, number) for path in (site / "content").rglob("*.yml")
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if MARKER in line}
    reported = {(Path(finding.file).name, finding.line) for finding in findings if MARKER in finding.message}
    assert marked and reported == marked


def test_starter_content_has_no_word_of_the_district(tmp_path: Path) -> None:
    site, result = new(tmp_path, "--organisation", "Đảng ủy xã Tân Lập", "--level", "xã", "--resolution", "57-NQ/TW")
    assert result.returncode == 0, result.stderr
    words = [*district_words(), "huyện", "Huyện", "ke-hoach-huyen", "cap-huyen", "tam-nhin-2045"]
    for path in [*site.rglob("*.yml"), site / "README.md", site / "CONTRIBUTING.md"]:
        text = path.read_text(encoding="utf-8")
        assert [word for word in words if word in text] == [], path


def test_untrusted_values_reach_the_files_as_typed(tmp_path: Path) -> None:
    organisation = "Đảng ủy xã Tân Lập: thử # ký tự 'nháy' & “ngoặc”"
    site, result = new(tmp_path, "--organisation", organisation, "--level", "xã", "--resolution", "57-NQ/TW: mẫu",
                       "--site-url", "https://example.org/tan-lap/?a=1#b")
    assert result.returncode == 0, result.stderr
    content = load_content(site / "content")
    assert content.settings.organisation == organisation
    assert content.plan.resolution.number == "57-NQ/TW: mẫu"
    assert content.settings.base_url == "https://example.org/tan-lap/?a=1#b"
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert organisation in config["site_name"]


@pytest.mark.parametrize(("options", "said"), [
    (["--organisation", "Đảng ủy\nxã Tân Lập"], "--organisation"),
    (["--organisation", 'Đảng ủy xã "Tân Lập"'], "ngoặc kép"),
    (["--organisation", "<script>x</script>"], "--organisation"),
    (["--level", "thôn"], "--level"),
    (["--resolution", "57-NQ/TW\nlevel: tỉnh"], "--resolution"),
    (["--resolution-date", "31/2/2025"], "--resolution-date"),
    (["--site-url", "ftp://example.org/"], "--site-url"),
])
def test_bad_options_are_refused_in_vietnamese(tmp_path: Path, options: list[str], said: str) -> None:
    given = dict(zip(options[::2], options[1::2], strict=True))
    defaults = {"--organisation": "Đảng ủy xã Tân Lập", "--level": "xã", "--resolution": "57-NQ/TW"}
    arguments = [item for key, value in (defaults | given).items() for item in (key, value)]
    site, result = new(tmp_path, *arguments)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.startswith("LỖI:"), result.stderr
    assert said in result.stderr
    assert not site.exists()


def test_a_folder_with_files_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "co-san"
    target.mkdir()
    (target / "ghi-chu.txt").write_text("của người khác", encoding="utf-8")
    result = run(tmp_path, "new", str(target), "--organisation", "Đảng ủy xã Tân Lập", "--level", "xã",
                 "--resolution", "57-NQ/TW")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "đã có tệp" in result.stderr
    assert [path.name for path in target.iterdir()] == ["ghi-chu.txt"]


def test_an_empty_folder_is_used_and_left_at_the_current_version_with_generic_words(tmp_path: Path) -> None:
    """``new`` ends with the migrations, yet a new site keeps the generic defaults: a step that pins a published
    site's former choices (``wording``) must find them already written."""
    target = tmp_path / "trong"
    target.mkdir()
    result = run(tmp_path, "new", str(target), "--organisation", "Đảng ủy xã Tân Lập", "--level", "xã",
                 "--resolution", "57-NQ/TW")
    assert result.returncode == 0, result.stderr
    assert content_version(target / "content") == SCHEMA_VERSION
    assert load_content(target / "content").settings.wording == Wording()


def test_the_starter_ships_as_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"starter/site/**/*"' in pyproject
    assert (ROOT / "generator" / "starter" / "site" / "content" / "cai-dat.yml.j2").is_file()
