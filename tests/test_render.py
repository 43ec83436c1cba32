"""Rendering is a plain function of the content: no MkDocs needed to get the Markdown and files."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path

from generator import registry
from generator.content import load_content
from generator.content.models import Result
from generator.render.pages import render_pages
from generator.views.deadlines import due_items, status_of

from .conftest import FIXTURE_CONTENT, ROOT, fixture_yaml, settings


def test_render_cli_writes_every_page(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(FIXTURE_CONTENT), "render", "--out",
                             str(tmp_path)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")}
    package = ROOT / "generator" / "theme" / "docs"  # the package's pages and scripts, as the plugin adds them
    package_pages = {p.relative_to(package).as_posix() for p in package.rglob("*.md")}
    assert "tim-kiem.md" in package_pages
    content = load_content(FIXTURE_CONTENT)
    # As the command builds it: the project is the repository (its guide pages), the address the fixture's base_url.
    as_run = dataclasses.replace(settings(date(2025, 1, 1), FIXTURE_CONTENT, str(content.settings.base_url)), root=ROOT)
    assert written == {page.path for page in render_pages(content, as_run)} | package_pages
    assert (tmp_path / "assets" / "site.js").read_bytes() == (package / "assets" / "site.js").read_bytes()
    first_unit = fixture_yaml("to-chuc-thuc-hien.yml")["units"][0]["id"]
    assert {"bien-tap/huong-dan-bien-tap.md", f"don-vi/{first_unit}.md"} <= written
    calendar = (tmp_path / "lich-thuc-hien.ics").read_bytes()
    assert calendar.startswith(b"BEGIN:VCALENDAR\r\n"), "the calendar is written beside the pages"
    home = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert home.startswith("---\n") and fixture_yaml("ke-hoach.yml")["resolution"]["number"] in home


def test_every_page_names_an_existing_source_file() -> None:
    built = settings(date(2025, 1, 1), FIXTURE_CONTENT)
    for page in render_pages(load_content(FIXTURE_CONTENT), built):
        package_page = not page.source and page.path.startswith(registry.GUIDE.removesuffix(".md"))  # the guide
        assert (built.project_dir / page.source).is_file() or package_page, page


def test_deadline_status_follows_the_build_date() -> None:
    content = load_content(FIXTURE_CONTENT)
    last_of_2025 = date(2025, 12, 31)
    before = [i for i in due_items(content, date(2025, 1, 1)) if i.assignment.deadline.result is None]
    after = [i for i in due_items(content, last_of_2025) if i.assignment.deadline.result is None]
    assert [i.due for i in before] == sorted(i.due for i in before)
    assert {i.status for i in before} == {"upcoming"}
    assert {i.status for i in after if i.due <= last_of_2025} == {"passed"}
    assert {i.status for i in after if i.due > last_of_2025} == {"upcoming"}, "the fixture's 2027 deadline"
    first = before[0].assignment
    assert status_of(first, first.deadline.date) == "soon"
    result = Result(document="Báo cáo số 1-BC/TT", date=date(2025, 3, 1))
    done = first.model_copy(update={"deadline": first.deadline.model_copy(update={"result": result})})
    assert status_of(done, date(2030, 1, 1)) == "done"
