"""Section III as a list of parts, levels and their scope words, page addresses from settings, the full text's
``source``, and the schema version the loader reads (``content/migrations/sections.py``).

Generator behaviour runs on copies of the fixture commune; the migration runs on the version-1 files of the fixture
and of the district (``tests/fixtures/v1/``).
"""

from __future__ import annotations

import re
import shutil
import typing
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.content import load_content
from generator.content.levels import LEVELS, LevelName, scope_words
from generator.content.migrations import SCHEMA_VERSION, migrate
from generator.render.pages import render_pages

from .conftest import FIXTURE, problems_for, replace_once, settings

TODAY = date(2025, 11, 28)
V1 = Path(__file__).parent / "fixtures" / "v1"
"""Version-1 files kept verbatim (tests/fixtures/v1/README.md): the district's and the fixture commune's."""
V1_FOLDERS = {"content": "district", "tests/fixtures/xa-mau/content": "xa-mau"}
V1_FILES = ("cai-dat.yml", "hoc-tap-quan-triet.yml", "ke-hoach.yml", "muc-tieu-2030.yml", "tam-nhin-2045.yml")
OLD_KEYS = ("district", "grassroots", "implementation_plans", "reporters")
MOVED = {"muc-tieu-2030.yml": "muc-tieu/2030.yml", "tam-nhin-2045.yml": "muc-tieu/2045.yml"}
"""Where the horizons step (``migrations.horizons``) puts the version-1 target files."""


def _v1(folder: str, target: Path) -> Path:
    """The version-1 files of ``folder`` (``content`` or the fixture's), copied to ``target``."""
    target.mkdir(parents=True)
    for name in V1_FILES:
        shutil.copyfile(V1 / V1_FOLDERS[folder] / name, target / name)
    return target


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _pages(content: Path) -> dict[str, str]:
    return {page.path: page.markdown for page in render_pages(load_content(content), settings(TODAY, content))}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE / "content", tmp_path / "content"))


# ---------------------------------------------------------------- migration from version 1


@pytest.mark.parametrize("folder", ["content", "tests/fixtures/xa-mau/content"], ids=["district", "fixture"])
def test_migration_makes_section_iii_a_list_of_parts_keeping_every_word(tmp_path: Path, folder: str) -> None:
    old_dir = _v1(folder, tmp_path / "old")
    new_dir = Path(shutil.copytree(old_dir, tmp_path / "new"))
    old = _yaml(old_dir / "hoc-tap-quan-triet.yml")
    assert migrate(new_dir)
    new = _yaml(new_dir / "hoc-tap-quan-triet.yml")
    assert not set(OLD_KEYS) & set(new)
    assert new["heading"] == old["heading"]
    assert [part["id"] for part in new["parts"]] == ["cap-huyen", "cap-co-so", "xay-dung-ke-hoach", "bao-cao-vien"]
    for part, key in zip(new["parts"], OLD_KEYS, strict=True):
        assert {k: v for k, v in part.items() if k not in ("id", "handout")} == old[key]
    assert [part.get("handout", False) for part in new["parts"]] == [False, True, False, True]
    assert _yaml(new_dir / "ke-hoach.yml")["source"] == "scan"
    settings_yaml = _yaml(new_dir / "cai-dat.yml")
    assert settings_yaml["schema_version"] == SCHEMA_VERSION
    assert settings_yaml["pages"] == {"study": {"address": "ke-hoach-huyen"}}
    old_settings = _yaml(old_dir / "cai-dat.yml")
    assert {k: v for k, v in settings_yaml.items() if k not in ("schema_version", "pages", "wording")} == old_settings


def test_migration_keeps_comments_and_runs_once(tmp_path: Path) -> None:
    folder = _v1("tests/fixtures/xa-mau/content", tmp_path / "content")
    comments = [line for line in (folder / "hoc-tap-quan-triet.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("#")]
    migrate(folder)
    once = {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    assert [line for line in (folder / "hoc-tap-quan-triet.yml").read_text(encoding="utf-8").splitlines()
            if line.startswith("#")] == comments
    assert migrate(folder) == []
    assert {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()} == once


def test_the_migration_of_the_fixtures_version_1_files_is_the_reviewed_one(tmp_path: Path) -> None:
    folder = _v1("tests/fixtures/xa-mau/content", tmp_path / "content")
    migrate(folder)
    for name in (MOVED.get(name, name) for name in V1_FILES):
        assert (folder / name).read_text(encoding="utf-8") == (V1 / "xa-mau-v2" / name).read_text(encoding="utf-8"), name


def test_a_district_scope_becomes_local(tmp_path: Path) -> None:
    folder = _v1("tests/fixtures/xa-mau/content", tmp_path / "content")
    path = folder / "muc-tieu-2030.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("scope: province", "scope: district", 1), encoding="utf-8")
    changes = migrate(folder)
    assert any(change.startswith("muc-tieu-2030.yml: `scope: district` thành `scope: local`") for change in changes)
    measurements = _yaml(folder / MOVED[path.name])["paragraphs"][0]["indicators"][0]["measurements"]
    assert [m["scope"] for m in measurements] == ["local", "province"]


# ---------------------------------------------------------------- the loader and the schema version


def test_content_of_an_older_schema_is_refused_naming_migrate(content: Path) -> None:
    line = replace_once(content / "cai-dat.yml", f"schema_version: {SCHEMA_VERSION}", "schema_version: 1")
    [problem] = problems_for(content)
    assert (problem.file.endswith("cai-dat.yml"), problem.line) == (True, line)
    assert "phiên bản 1" in problem.message_vi and "`python -m generator migrate`" in problem.message_vi


def test_content_without_a_schema_version_is_version_1(content: Path) -> None:
    path = content / "cai-dat.yml"
    path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("schema_version:")), encoding="utf-8")
    [problem] = problems_for(content)
    assert problem.line == 1 and "`python -m generator migrate`" in problem.message_vi


# ---------------------------------------------------------------- section III's parts


def test_parts_come_from_content_in_the_handout_the_study_page_and_the_full_text(content: Path) -> None:
    """A part's id is the content's: renamed everywhere it is named, the pages follow."""
    study = _yaml(content / "hoc-tap-quan-triet.yml")
    for path in [*content.rglob("*.yml"), *content.rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(" bao-cao-vien\n", " nguoi-truyen-dat\n"), encoding="utf-8")
    _unpinned(content)
    pages = _pages(content)
    marked = [part for part in study["parts"] if part.get("handout")]
    handout = pages["tai-lieu-sinh-hoat-chi-bo.md"]
    for number, part in enumerate(marked, start=4):
        anchor = "nguoi-truyen-dat" if part["id"] == "bao-cao-vien" else part["id"]
        assert f'<h2 id="{anchor}">{number}. {part["heading"].split(". ", 1)[1]}</h2>' in handout
    assert "chi bộ làm gì, khi nào" not in handout
    for part in study["parts"]:
        title = part["heading"].split(". ", 1)[1]
        anchor = "nguoi-truyen-dat" if part["id"] == "bao-cao-vien" else part["id"]
        assert f"## {title} {{ #{anchor} }}" in pages["ke-hoach.md"]
        assert f"### {part['heading']} " in pages["toan-van.md"]


def test_two_parts_with_one_id_are_refused(content: Path) -> None:
    line = replace_once(content / "hoc-tap-quan-triet.yml", "  - id: bao-cao-vien\n", "  - id: cap-co-so\n")
    [problem] = problems_for(content)
    assert "cap-co-so" in problem.message_vi and problem.line is not None and problem.line <= line


def test_a_part_may_not_take_the_id_of_another_part_of_the_plan(content: Path) -> None:
    viewpoint = _yaml(content / "quan-diem.yml")["viewpoints"][0]["id"]
    for path in [*content.rglob("*.yml"), *content.rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(" bao-cao-vien\n", f" {viewpoint}\n"), encoding="utf-8")
    rows = (content / "hoc-tap-quan-triet.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, row in enumerate(rows, start=1) if row.endswith(f"id: {viewpoint}"))
    problems = [p for p in problems_for(content) if p.file.endswith("hoc-tap-quan-triet.yml")]
    assert [(p.line, f"mã “{viewpoint}”" in p.message_vi) for p in problems] == [(line, True)]


# ---------------------------------------------------------------- levels and scope words


def test_the_settings_type_lists_every_level() -> None:
    assert list(typing.get_args(LevelName)) == list(LEVELS)


LOCAL = ("            scope: province\n            source: Báo cáo mẫu của Sở Khoa học và Công nghệ tỉnh Phú Thọ năm 2024\n")


def _local_figures(content: Path) -> None:
    """The fixture's first indicator measured by the commune itself, two years: a trend in the local scope."""
    path = content / MOVED["muc-tieu-2030.yml"]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("scope: province", "scope: local"), encoding="utf-8")


@pytest.mark.parametrize("level", ["xã", "chi bộ", "đảng bộ cơ quan", "thành phố"])
def test_the_local_scope_is_said_in_the_levels_words(content: Path, level: str) -> None:
    _local_figures(content)
    settings_path = content / "cai-dat.yml"
    fixture_level = _yaml(settings_path)["level"]
    if level != fixture_level:
        replace_once(settings_path, f"level: {fixture_level}\n", f"level: {level}\n")
    words = {"xã": "toàn xã", "chi bộ": "toàn chi bộ", "đảng bộ cơ quan": "toàn đảng bộ", "thành phố": "toàn thành phố"}
    assert scope_words(level)["local"] == words[level]
    page = _pages(content)["muc-tieu-2030.md"]
    assert f"Xu hướng ({words[level]})" in page and f"({words[level]}, năm 2025)" in page
    assert "toàn huyện" not in page


# ---------------------------------------------------------------- page addresses and titles


def _unpinned(content: Path) -> None:
    """The settings without ``pages:`` (the fixture commune has none; a migrated site has the pinned block)."""
    path = content / "cai-dat.yml"
    text = path.read_text(encoding="utf-8")
    if "# Địa chỉ trang đã xuất bản" in text:
        start = text.index("# Địa chỉ trang đã xuất bản")
        end = text.index("# Cách các trang gọi")
        path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert "pages" not in _yaml(path)


def test_the_study_page_has_a_generic_default_address_and_the_sites_wording_for_its_title(content: Path) -> None:
    _unpinned(content)
    pages = _pages(content)
    assert "ke-hoach-huyen.md" not in pages
    title = _yaml(content / "cai-dat.yml")["wording"]["study_title"]
    assert pages["ke-hoach.md"].startswith(f'---\ntitle: "{title}"\n')


def test_a_site_moves_and_retitles_a_page_and_every_link_follows(content: Path) -> None:
    _unpinned(content)
    with (content / "cai-dat.yml").open("a", encoding="utf-8") as file:
        file.write("pages:\n  study:\n    address: ke-hoach-xa\n    title: Kế hoạch của xã\n"
                   "  slides:\n    address: bai-trinh-chieu\n")
    pages = _pages(content)
    assert {"ke-hoach-xa.md", "bai-trinh-chieu.md"} <= set(pages)
    assert not {"ke-hoach.md", "trinh-chieu.md"} & set(pages)
    assert "\n# Kế hoạch của xã\n" in pages["ke-hoach-xa.md"]
    assert "[Kế hoạch của xã](ke-hoach-xa.md)" in pages["index.md"]
    stale = re.compile(r"(?<![\w-])(ke-hoach|trinh-chieu)\.md")
    assert not [path for path, markdown in pages.items() if stale.search(markdown)]
    assert "bai-trinh-chieu.md" in pages["sinh-hoat-chi-bo.md"]


@pytest.mark.parametrize(("address", "words"), [("assets", "đã dành cho phần khác"), ("bien-tap", "đã dành cho phần khác"),
                                                ("Ke Hoach", "")])
def test_a_reserved_or_malformed_address_is_refused_at_its_line(content: Path, address: str, words: str) -> None:
    _unpinned(content)
    path = content / "cai-dat.yml"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as file:
        file.write(f"pages:\n  study:\n    address: {address}\n")
    [problem] = problems_for(content)
    assert problem.line == lines + 3 and words in problem.message_vi


def test_two_pages_on_one_address_are_refused(content: Path, tmp_path: Path) -> None:
    _unpinned(content)
    path = content / "cai-dat.yml"
    with path.open("a", encoding="utf-8") as file:
        file.write("pages:\n  study:\n    address: trang-a\n  tasks:\n    address: trang-a\n")
    [problem] = problems_for(content)
    assert "cùng địa chỉ “trang-a”" in problem.message_vi


def test_a_page_moved_onto_another_pages_address_stops_the_build(content: Path) -> None:
    from generator.build import make_build
    from generator.content import ContentError

    _unpinned(content)
    path = content / "cai-dat.yml"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as file:
        file.write("pages:\n  study:\n    address: toan-van\n")
    with pytest.raises(ContentError) as caught:
        make_build(load_content(content), settings(TODAY, content))
    [problem] = caught.value.problems
    assert problem.line == lines + 3 and "trùng địa chỉ của trang `full-text`" in problem.message_vi


# ---------------------------------------------------------------- the full text's source


@pytest.mark.parametrize(("source", "note"), [("typed", "Gõ lại từ văn bản."),
                                              ("scan", "Chép lại từ bản chụp của văn bản; các lỗi nhận dạng chữ đã được sửa.")])
def test_the_full_texts_note_says_how_it_was_made(content: Path, source: str, note: str) -> None:
    path = content / "ke-hoach.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^source: scan\b.*$", f"source: {source}", text, count=1, flags=re.M), encoding="utf-8")
    page = _pages(content)["toan-van.md"]
    assert note in page
    other = "bản chụp" if source == "typed" else "Gõ lại"
    assert other not in page


def test_typed_is_the_default_source(content: Path) -> None:
    path = content / "ke-hoach.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^source: scan\b.*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    assert "source:" not in path.read_text(encoding="utf-8")
    assert load_content(content).plan.source == "typed"
