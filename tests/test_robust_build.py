"""Hostile or broken input and concurrent builds: editor errors with file and line, never a traceback,
and the published folder always whole, readable and replaced in one step."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.editor.lint import lint
from generator.sitedir import _exchange, replace_site
from generator.text import vn_date

from .conftest import ROOT, build_site, problems_for, replace_once
from .test_bad_input import only_problem
from .test_news import LATER, PLAIN, write_post

SECRET = "NỘI-DUNG-BÍ-MẬT-NGOÀI-KHO"


def outside_file(tmp_path: Path) -> Path:
    secret = tmp_path / "ngoai-kho.md"
    secret.write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n", encoding="utf-8")
    return secret


# -- symlinks ----------------------------------------------------------------

def test_symlinked_post_is_refused_without_reading_its_target(content_copy: Path, tmp_path: Path) -> None:
    target = outside_file(tmp_path)
    (content_copy / "tin-tuc" / "lien-ket.md").symlink_to(target)
    problem = only_problem(content_copy)
    assert problem.file.endswith("tin-tuc/lien-ket.md")
    assert "liên kết tượng trưng" in problem.message_vi
    assert SECRET not in str(problem) and target.name not in str(problem)


def test_symlinked_docs_page_fails_the_build_and_leaves_the_site(project_copy: Path, tmp_path: Path) -> None:
    site = project_copy / "site"
    assert build_site(site, config=project_copy / "mkdocs.yml").returncode == 0
    before = (site / "index.html").read_bytes()
    (project_copy / "docs" / "bi-mat.md").symlink_to(outside_file(tmp_path))
    result = build_site(site, config=project_copy / "mkdocs.yml")
    assert result.returncode == 1
    assert "docs/bi-mat.md" in result.stderr and "liên kết tượng trưng" in result.stderr
    assert SECRET not in result.stdout + result.stderr and "ngoai-kho" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_bytes() == before and not (site / "bi-mat").exists()


# -- invisible characters, nesting, long slugs, too many tags -----------------------------------------------------

@pytest.mark.parametrize(("char", "words"), [
    ("\x00", "ký tự điều khiển"), ("\x1b", "ký tự điều khiển"), ("\x7f", "ký tự điều khiển"),
    ("\u202e", "ký tự đảo chiều văn bản"), ("\u2066", "ký tự đảo chiều văn bản"),
])
def test_invisible_character_is_named_at_its_line_and_column(content_copy: Path, char: str, words: str) -> None:
    line = replace_once(content_copy / "quan-diem.yml", "title: ", "title: " + char)
    problem = only_problem(content_copy)
    assert (problem.file.endswith("quan-diem.yml"), problem.line) == (True, line)
    text = (content_copy / "quan-diem.yml").read_text(encoding="utf-8").splitlines()[line - 1]
    assert problem.column == text.index(char) + 1
    assert words in problem.message_vi and f"U+{ord(char):04X}" in problem.message_vi


def test_bidi_override_in_a_post_title_is_refused(content_copy: Path) -> None:
    path = write_post(content_copy, "2025-03-15-dao-chieu.md", PLAIN.replace("title: Đoàn", "title: \u202eĐoàn"))
    problem = only_problem(content_copy)
    assert problem.file.endswith(path.name) and problem.line == 2


@pytest.mark.parametrize("nesting", ["flow", "block"])
def test_nesting_deeper_than_any_document_is_an_editor_error(content_copy: Path, nesting: str) -> None:
    block = "\n" + "".join("  " * i + f"a{i}:\n" for i in range(1, 30)) + "  " * 30 + "b: 1"
    deep = "[" * 3000 + "]" * 3000 if nesting == "flow" else block
    line = replace_once(content_copy / "tin-tuc.yml", "per_page: 5", f"per_page: 5\nthem: {deep}") + 1
    problem = only_problem(content_copy)
    assert problem.file.endswith("tin-tuc.yml") and "lồng nhau quá sâu" in problem.message_vi
    assert problem.line is not None and problem.line >= line


def test_title_too_long_for_a_folder_name_asks_for_a_slug(content_copy: Path) -> None:
    long_title = "Hội nghị quán triệt " * 12
    write_post(content_copy, "2025-03-15-dai.md", PLAIN.replace("Đoàn thanh niên học tập Nghị quyết", long_title.strip()))
    problem = only_problem(content_copy)
    assert problem.line == 2 and "slug:" in problem.message_vi


def test_too_many_tags_say_the_limit(content_copy: Path) -> None:
    tags = ", ".join(f"the-{n}" for n in range(12))
    write_post(content_copy, "2025-03-15-the.md", PLAIN.replace("tags: [kiem-thu]", f"tags: [{tags}]"))
    problem = only_problem(content_copy)
    assert problem.line == 7 and problem.message_vi.startswith("danh sách quá dài (tối đa 8 mục)")


@pytest.mark.parametrize(("old", "new"), [
    ('site_name: "Nghị quyết', 'site_name: "\\"Nghị quyết'),
    ("  email: vanphong@example.org", '  email: "a\\"onmouseover=x@b.vn"'),
    ("organisation: Đảng ủy xã Minh Hòa", "organisation: Đảng ủy xã <b>Minh Hòa</b>"),
])
def test_settings_refuse_markup_characters(content_copy: Path, old: str, new: str) -> None:
    line = replace_once(content_copy / "cai-dat.yml", old, new)
    problem = only_problem(content_copy)
    assert problem.file.endswith("cai-dat.yml") and problem.line == line


# -- warnings -----------------------------------------------------------------

def test_stray_files_and_far_future_dates_warn(content_copy: Path) -> None:
    (content_copy / "muc-tieu-2035.yml").write_text("a: 1\n", encoding="utf-8")
    write_post(content_copy, "2099-01-01-xa.md", PLAIN.replace(vn_date(LATER), "01/01/2099"))
    warnings = {(f.file.rsplit("/", 1)[-1], f.severity, f.line) for f in lint(content_copy)}
    assert ("muc-tieu-2035.yml", "warning", 1) in warnings
    (content_copy / "tin-tuc" / "2025-03-15-bai.txt").write_text("---\n", encoding="utf-8")
    [problem] = problems_for(content_copy)  # a post saved without .md is an error now, not a warning (issue 23)
    assert problem.file.endswith("2025-03-15-bai.txt") and "đổi tên tệp thành “2025-03-15-bai.md”" in problem.message_vi
    assert ("2099-01-01-xa.md", "warning", 3) in warnings


# -- the published folder -------------------------------------------------------

def test_published_files_are_readable_by_a_web_server(built_site: Path) -> None:
    assert stat.S_IMODE(built_site.stat().st_mode) == 0o755
    for path in built_site.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path


def test_replace_site_exchanges_in_one_step(tmp_path: Path) -> None:
    target, staging = tmp_path / "site", tmp_path / ".site-new"
    target.mkdir()
    (target / "old.html").write_text("cũ", encoding="utf-8")
    staging.mkdir(mode=0o700)
    (staging / "new.html").write_text("mới", encoding="utf-8")
    assert _exchange(staging, target), "Linux renameat2(RENAME_EXCHANGE): no moment without site/"
    _exchange(staging, target)  # and back
    replace_site(staging, target)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert not staging.exists() and stat.S_IMODE(target.stat().st_mode) == 0o755


def test_leftovers_of_a_killed_build_are_removed(project_copy: Path) -> None:
    leftover = project_copy / ".site-killed"
    leftover.mkdir()
    (leftover / "index.html").write_text("nửa chừng", encoding="utf-8")
    assert build_site(project_copy / "site", config=project_copy / "mkdocs.yml").returncode == 0
    assert sorted(p.name for p in project_copy.glob(".site-*")) == []


def test_read_only_site_is_an_error_not_a_silent_success(project_copy: Path) -> None:
    site = project_copy / "site"
    assert build_site(site, config=project_copy / "mkdocs.yml").returncode == 0
    before = (site / "index.html").read_bytes()
    site.chmod(0o555)
    try:
        result = build_site(site, config=project_copy / "mkdocs.yml")
    finally:
        site.chmod(0o755)
    assert result.returncode == 1
    assert "chỉ đọc" in result.stderr and "Traceback" not in result.stderr
    assert (site / "index.html").read_bytes() == before


def test_two_builds_at_once_both_succeed_and_leave_one_whole_site(project_copy: Path) -> None:
    site = project_copy / "site"
    command = [sys.executable, "-m", "generator", "build", "--config-file", str(project_copy / "mkdocs.yml"),
               "--site-dir", str(site)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764288000"}
    for _ in range(2):
        runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
        for code, _, stderr in results:
            assert code == 0 and "Traceback" not in stderr, stderr
        assert (site / "index.html").is_file() and (site / "sw.js").is_file()
        assert sorted(p.name for p in project_copy.glob(".site-*")) == []
