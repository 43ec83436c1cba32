"""Rendering is a plain function of the content: no MkDocs needed to get the Markdown and files."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from generator import registry
from generator.content import load_content
from generator.content.models import Result
from generator.render.pages import render_pages
from generator.views.deadlines import due_items, status_of

from .conftest import CONTENT, ROOT, settings


def test_render_cli_writes_every_page(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "render", "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")}
    package = ROOT / "generator" / "theme" / "docs"  # the package's pages and scripts, as the plugin adds them
    package_pages = {p.relative_to(package).as_posix() for p in package.rglob("*.md")}
    assert "tim-kiem.md" in package_pages
    assert written == {page.path for page in render_pages(load_content(CONTENT), settings(date(2025, 1, 1)))} | package_pages
    assert (tmp_path / "assets" / "site.js").read_bytes() == (package / "assets" / "site.js").read_bytes()
    assert {"bien-tap/huong-dan-bien-tap.md", "don-vi/ubnd-huyen.md"} <= written
    calendar = (tmp_path / "lich-thuc-hien.ics").read_bytes()
    assert calendar.startswith(b"BEGIN:VCALENDAR\r\n"), "the calendar is written beside the pages"
    home = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert home.startswith("---\n") and "57-NQ/TW" in home


def test_every_page_names_an_existing_source_file() -> None:
    for page in render_pages(load_content(CONTENT), settings(date(2025, 1, 1))):
        package_page = not page.source and page.path.startswith(registry.GUIDE.removesuffix(".md"))  # the guide
        assert (ROOT / page.source).is_file() or package_page, page


def test_deadline_status_follows_the_build_date() -> None:
    content = load_content(CONTENT)
    before = due_items(content, date(2025, 1, 1))
    after = due_items(content, date(2025, 12, 31))
    assert [i.due for i in before] == sorted(i.due for i in before)
    assert {i.status for i in before} == {"upcoming"}
    assert {i.status for i in after} == {"passed"}
    first = before[0].assignment
    assert status_of(first, first.deadline.date) == "soon"
    result = Result(document="Báo cáo số 1-BC/TT", date=date(2025, 3, 1))
    done = first.model_copy(update={"deadline": first.deadline.model_copy(update={"result": result})})
    assert status_of(done, date(2030, 1, 1)) == "done"
