"""Editors' tools: JSON Schema for VS Code, the Vietnamese guide, the forge workflow, pre-commit, edit links."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import yaml

from generator.content import content_files
from generator.content.reader import read_yaml
from generator.editor import guide
from generator.editor.schema_export import modeline, schemas, stale

from .conftest import CONTENT, ROOT, build_site

REPO_URL = "https://github.com/example/nq57"
PACKAGE_DOCS = ROOT / "generator" / "theme" / "docs"
"""Pages the generator package publishes (search page, hosting guide): not files of the site's repository."""


def as_json(value: object) -> object:
    """YAML values as VS Code's YAML extension sees them: dates are strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def test_schema_files_are_up_to_date() -> None:
    assert stale(ROOT) == [], "run `make schema`"


def test_every_content_file_names_its_schema_and_validates_against_it() -> None:
    """The district's content/ (a schema check, one of the few tests that read it)."""
    exported = schemas()
    for name in [*(entry.name for entry in content_files()), "ocr-corrections.yml"]:
        first = (CONTENT / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(name), name
        schema_file = (CONTENT / first.split("$schema=", 1)[1]).resolve()
        assert schema_file.is_file(), schema_file
        document = yaml.safe_load(exported[schema_file.name])
        jsonschema.validate(as_json(read_yaml(CONTENT / name).data), document)


def test_schema_flags_what_the_editor_would_get_wrong() -> None:
    document = yaml.safe_load(schemas()["tin-tuc-bai.json"])
    good = {"title": "T", "date": "10/3/2025", "author": "A", "category": "x", "summary": "S"}
    jsonschema.validate(good, document)
    for bad in ({**good, "titel": "T"}, {**good, "date": "10-3-2025"}, {**good, "category": "Có dấu"}):
        assert list(jsonschema.Draft202012Validator(document).iter_errors(bad)), bad


def test_contributing_reference_is_generated_from_the_schema() -> None:
    assert not guide.stale(ROOT), "run `make docs`"
    text = (ROOT / guide.REFERENCE).read_text(encoding="utf-8")
    assert f"]({guide.REFERENCE})" in (ROOT / guide.SOURCE).read_text(encoding="utf-8"), "the guide links its reference"
    for name in [*(entry.name for entry in content_files()), "tin-tuc/*.md", "ocr-corrections.yml"]:
        assert f"`content/{name}" in text, name
    assert "- `paragraphs[].indicators[].measurements[].source` — chữ, bắt buộc." in text


DEVELOPER_WORDS = ("make ", "python", "pip ", "pytest", "VS Code", "pre-commit", "generator/", "git clone", "PowerShell",
                   "SITE_URL", "Settings →", "CODEOWNERS")
"""Developer and maintainer material lives in the handbook: an editor's guide never needs it (issue 23)."""

DISTRICT_WORDS = ("Yên Bình", "Yên Bái", "huyện", "Huyện", "năm quan điểm", "bảy nhóm", "kinh-te-so", "ubnd-huyen",
                  "BTGDV", "57-NQ/TW")
"""Words of the district's site (and of its resolution) that a commune's guide must not show (issue 20, item 4)."""


def guide_pages(content_dir: Path) -> dict[str, str]:
    """The guide's pages as the site at ``content_dir`` publishes them (Markdown)."""
    from generator.build import make_build
    from generator.content import load_content
    from generator.render.pages import render_pages
    from generator.settings import BuildSettings

    build = make_build(load_content(content_dir), BuildSettings(content_dir=content_dir, today=date(2026, 12, 7)))
    names = {page.path for page in build.pages["guide"]}
    return {page.path: page.markdown for page in render_pages(build) if page.path in names}


def test_the_guide_is_a_short_task_first_vietnamese_guide_in_the_sites_own_words() -> None:
    from .conftest import FIXTURE

    pages = guide_pages(FIXTURE / "content")
    first = pages["bien-tap/huong-dan-bien-tap.md"]
    tasks = {path: text for path, text in pages.items() if path != "bien-tap/huong-dan-bien-tap.md"}
    assert len(tasks) == len(guide.TASKS) >= 6
    for path, page in tasks.items():
        assert f"](huong-dan-bien-tap/{Path(path).name})" in first, f"the guide links its task page {path}"
        browser, forge = page.find("## Trên trình biên tập của trang"), page.find("## Trên GitHub")
        if not path.endswith("/github.md"):
            assert 0 < browser < forge, f"{path}: the browser editor first, GitHub second"
        assert len(page.split()) < 500, f"{path}: one short page per task"
    assert len(first.split()) < 1500
    for page in pages.values():
        assert "Sửa trang này" not in page, "Material's Vietnamese edit button says “Chỉnh sửa”"
        assert "<!-- tệp:" not in page, "the snippet marks are for the test, not for the site page"
        for word in DEVELOPER_WORDS + DISTRICT_WORDS:
            assert word not in page, word
    assert "**Chỉnh sửa**" in first
    prose = re.sub(r"```.*?```|`[^`]*`", " ", "\n".join(pages.values()), flags=re.S)
    vietnamese = re.findall(r"\b(?:và|của|các|một|không|trang|tệp|lỗi)\b", prose)
    assert len(vietnamese) > 150, "the guide is written in Vietnamese"


def test_the_guides_examples_are_the_sites_own() -> None:
    """Each site's guide names its own organisation, counts, indicator, unit and category (from its content files)."""
    from .conftest import FIXTURE

    for folder in (FIXTURE / "content", CONTENT):
        settings = yaml.safe_load((folder / "cai-dat.yml").read_text(encoding="utf-8"))
        viewpoints = yaml.safe_load((folder / "quan-diem.yml").read_text(encoding="utf-8"))["viewpoints"]
        groups = yaml.safe_load((folder / "nhiem-vu.yml").read_text(encoding="utf-8"))["groups"]
        targets = yaml.safe_load((folder / "muc-tieu" / "2030.yml").read_text(encoding="utf-8"))
        indicators = [i["id"] for paragraph in targets["paragraphs"] for i in paragraph.get("indicators", [])]
        units = yaml.safe_load((folder / "to-chuc-thuc-hien.yml").read_text(encoding="utf-8"))["units"]
        categories = yaml.safe_load((folder / "tin-tuc.yml").read_text(encoding="utf-8"))["categories"]
        pages = guide_pages(folder)
        text = "\n".join(pages.values())
        assert f"**{settings['organisation']}**" in pages["bien-tap/huong-dan-bien-tap.md"]
        assert f"{len(viewpoints)} quan điểm chỉ đạo" in text and f"{len(groups)} nhóm nhiệm vụ" in text
        assert f"- id: {indicators[0]}" in text or any(f"- id: {i}`" in text for i in indicators)
        assert any(f"`{unit['id']}`" in text for unit in units)
        assert f"category: {categories[0]['id']}" in text
        assert f"author: {settings['contact']['unit']}" in text


def test_the_edit_button_is_named_as_material_shows_it_in_vietnamese() -> None:
    import material

    labels = (Path(material.__file__).parent / "templates/partials/languages/vi.html").read_text(encoding="utf-8")
    assert '"action.edit": "Chỉnh sửa"' in labels


def test_guide_is_a_site_page_with_no_edit_link(project_copy: Path) -> None:
    site = project_copy / "site"
    # A preview, so that the fixture's item waiting for approval has its page and edit link too.
    result = build_site(site, config=project_copy / "mkdocs.yml", env={"REPO_URL": REPO_URL, "SITE_MODE": "preview"})
    assert result.returncode == 0, result.stderr
    page = (site / "bien-tap/huong-dan-bien-tap/index.html").read_text(encoding="utf-8")
    reference = (site / "bien-tap/huong-dan-bien-tap/truong-du-lieu/index.html").read_text(encoding="utf-8")
    assert 'href="truong-du-lieu/"' in page, "the guide links its field reference page"
    assert "<li><code>paragraphs[].indicators[].measurements[].source</code>" in reference
    assert 'href="../"' in reference, "the reference links back to the guide page, not to CONTRIBUTING.md"
    edited = edit_targets(site)
    # The guide and its reference are written whole by the package: no file of the site to edit.
    guide_pages = {p.relative_to(site).as_posix() for p in (site / "bien-tap/huong-dan-bien-tap").rglob("index.html")}
    assert len(guide_pages) == len(guide.TASKS) + 2 and not guide_pages & set(edited)
    # Widgets (nhung/) are made for the portal's iframe: no header, hence no edit link; the browser
    # editor (quan-tri/) is itself the way to edit.
    html_pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("nhung/", "bien-tap/quan-tri/"))} - {"404.html"}
    # The package's own pages (generator/theme/docs/*.md: search, hosting guide) have no file in the site to edit.
    package_pages = {path.relative_to(PACKAGE_DOCS).with_suffix("").as_posix() + "/index.html"
                     for path in PACKAGE_DOCS.rglob("*.md")}
    assert package_pages and package_pages <= html_pages and not package_pages & set(edited)
    assert set(edited) == html_pages - package_pages - guide_pages, "every other page of the site has an edit link"
    for page_path, source in edited.items():
        assert (project_copy / source).is_file(), f"{page_path}: edit link to missing {source}"
    posts = {f"content/tin-tuc/{post.name}" for post in (project_copy / "content/tin-tuc").glob("*.md")}
    assert posts and posts <= set(edited.values()), "each post's page edits the post's own file"
    assert edited["muc-tieu-2030/index.html"] == "content/muc-tieu/2030.yml"
    assert "api.github.com" not in (site / "index.html").read_text(encoding="utf-8")


def edit_targets(site: Path) -> dict[str, str]:
    """Page → repository path its 'edit this page' link opens."""
    found = {}
    prefix = re.escape(f"{REPO_URL}/edit/main/")
    for path in site.rglob("*.html"):
        match = re.search(rf'href="{prefix}([^"]+)"[^>]*class="md-content__button', path.read_text(encoding="utf-8"))
        match = match or re.search(rf'href="{prefix}([^"]+)"', path.read_text(encoding="utf-8"))
        if match:
            found[path.relative_to(site).as_posix()] = html.unescape(match.group(1))
    return found


def test_hand_written_docs_page_edits_its_own_file(project_copy: Path) -> None:
    (project_copy / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n\nTrang viết tay.\n", encoding="utf-8")
    site = project_copy / "site"
    assert build_site(site, config=project_copy / "mkdocs.yml", env={"REPO_URL": REPO_URL}).returncode == 0
    assert edit_targets(site)["gioi-thieu/index.html"] == "docs/gioi-thieu.md"


def test_pre_commit_runs_validate_and_lint() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "python -m generator validate" in entries and "python -m generator lint" in entries
    for entry in entries:
        command = entry.removeprefix("sh -c '").removesuffix("'").split(" && ")[0].replace("python", sys.executable, 1)
        assert subprocess.run(command.split(), cwd=ROOT, capture_output=True, timeout=120).returncode == 0, entry


def test_vscode_task_puts_front_matter_errors_in_the_problems_panel(tmp_path: Path) -> None:
    """The YAML extension cannot check a post's front matter; the build task's problem matchers show ours instead."""
    import json
    import shutil

    from .conftest import FIXTURE

    task = json.loads((ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"][0]
    matchers = {m["severity"]: re.compile(m["pattern"]["regexp"]) for m in task["problemMatcher"]}
    assert json.loads((ROOT / ".vscode" / "extensions.json").read_text())["recommendations"] == ["redhat.vscode-yaml"]
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    post = tmp_path / "content" / "tin-tuc" / "2025-03-11-sai.md"
    post.parent.mkdir(exist_ok=True)

    def run(command: str) -> list[str]:
        result = subprocess.run([sys.executable, "-m", "generator", "--content", "content", command],
                                cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=False)
        return (result.stdout + result.stderr).splitlines()

    post.write_text("---\ntitle: T\ndate: 31/02/2025\nauthor: A\ncategory: x\nsummary: S\n---\nBài.\n", encoding="utf-8")
    found = [(m[1], m[2], m[4]) for line in run("validate") if (m := matchers["error"].match(line))]
    assert ("content/tin-tuc/2025-03-11-sai.md", "3", "ngày này không tồn tại trên lịch (giá trị hiện có: “31/02/2025”)") in found
    post.write_text("---\ntitle: T\ndate: 10/03/2025\nauthor: A\ncategory: chi-dao\nsummary: S\n---\nVề NQ 57  ở đây.\n",
                    encoding="utf-8")
    lines = run("lint")
    errors = [(m[1], m[2]) for line in lines if (m := matchers["error"].match(line))]
    warnings = [(m[1], m[2]) for line in lines if (m := matchers["warning"].match(line))]
    assert ("content/tin-tuc/2025-03-11-sai.md", "8") in errors and ("content/tin-tuc/2025-03-11-sai.md", "8") in warnings
    assert not {line for line in lines if ": LỖI: " in line or ": CẢNH BÁO: " in line} - {
        line for line in lines if matchers["error"].match(line) or matchers["warning"].match(line)}, "every finding matched"


def test_vscode_settings_give_new_result_files_their_schema() -> None:
    """A result file an editor creates in content/to-chuc-co-so/ has no modeline; the workspace setting maps it.

    Each mapping names an exported schema and a glob of content files; every fixture file the
    glob matches validates against that schema as VS Code reads it (dates as strings).
    """
    import json

    from generator.content.grassroots import RECORDS_DIR

    from .conftest import FIXTURE

    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert mapped == {"schema/to-chuc-co-so-ket-qua.json": [f"content/{RECORDS_DIR}/*.yml"]}
    assert settings["[yaml]"]["editor.insertSpaces"] is True, "Tab types spaces: YAML refuses a Tab as indentation"
    exported = schemas()
    for schema_path, globs in mapped.items():
        document = yaml.safe_load(exported[Path(schema_path).name])
        assert (ROOT / schema_path).is_file()
        files = [path for glob in globs for path in FIXTURE.glob(glob)]
        assert files, globs
        for path in files:
            jsonschema.validate(as_json(read_yaml(path).data), document)
        wrong = as_json(read_yaml(files[0]).data) | {"organization": "x"}
        assert list(jsonschema.Draft202012Validator(document).iter_errors(wrong)), "a misspelt key is flagged"
