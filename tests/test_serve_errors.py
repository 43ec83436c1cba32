"""`make serve` with a content error shows the error on the page; a build with one still fails and keeps site/.

The plugin's hooks run through MkDocs' own build with ``on_startup(command="serve")``, as ``mkdocs serve``
calls them on every rebuild (no server needed); the fixture commune is the project's content.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .conftest import FIXTURE, ROOT, build_site, replace_once

BROKEN_NAME = "<b>Xã</b>"
"""A site name with markup: refused by validation, and a test that the page escapes what it quotes."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """mkdocs.yml and docs/ of the project, the fixture commune as content/."""
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _break(project: Path) -> int:
    path = project / "content" / "cai-dat.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("site_name:"))
    return replace_once(path, old, f"site_name: {BROKEN_NAME}")


def _mkdocs(project: Path, command: str) -> Path:
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site


def _main(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<main"):html.index("</main>")]


def test_serving_with_an_error_shows_it_on_the_page(project: Path) -> None:
    line = _break(project)
    site = _mkdocs(project, "serve")
    main = _main(site / "index.html")
    assert "Nội dung có lỗi, trang chưa được xây dựng lại" in main
    assert f"content/cai-dat.yml:{line}</code>" in main
    assert "không được chứa mã HTML (thẻ &lt;…&gt;)" in main and "hãy dùng Markdown" in main
    assert "&lt;b&gt;Xã&lt;/b&gt;" in main and BROKEN_NAME not in main, "what the content says is escaped"
    assert "Trường: <code>site_name</code>" in main
    for page in (project / "docs").glob("*.md"):
        assert "Nội dung có lỗi" in (site / page.stem / "index.html").read_text(encoding="utf-8"), page.name


def test_serving_shows_the_error_at_every_address_the_site_had(project: Path) -> None:
    """The editor has a page open when the error appears: live reload lands on the error, not on “404”."""
    site = _mkdocs(project, "serve")
    pages = sorted(path.relative_to(site) for path in site.rglob("index.html"))
    assert Path("muc-tieu-2030/index.html") in pages
    _break(project)
    site = _mkdocs(project, "serve")
    for page in pages:
        assert "Nội dung có lỗi" in _main(site / page), page


def test_mkdocs_build_with_an_error_still_fails(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    _break(project)
    with pytest.raises(Abort):
        _mkdocs(project, "build")
    assert "content/cai-dat.yml:" in caplog.text and "không được chứa mã HTML" in caplog.text
    assert not (project / "site" / "index.html").exists()


def test_generator_build_with_an_error_fails_and_keeps_the_site(project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("trang cũ", encoding="utf-8")
    _break(project)
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "không được chứa mã HTML" in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "trang cũ"
    assert "Nội dung có lỗi" not in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_a_build_after_serving_in_the_same_process_fails_again(project: Path) -> None:
    """MkDocs keeps the plugin instance for the process: serving must not leak into a later build."""
    _break(project)
    _mkdocs(project, "serve")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "other-site"))
    with pytest.raises(Abort):
        build(config)


def test_serving_with_an_error_shows_it_at_an_address_never_built(project: Path) -> None:
    """`make serve` started on broken content, or an address the last good build did not have: mkdocs serve
    answers with 404.html, which then lists the errors; once fixed, it is the ordinary “not found” page again."""
    path = project / "content" / "cai-dat.yml"
    original = path.read_text(encoding="utf-8")
    line = _break(project)
    site = _mkdocs(project, "serve")
    main = _main(site / "404.html")
    assert "Nội dung có lỗi, trang chưa được xây dựng lại" in main
    assert f"content/cai-dat.yml:{line}</code>" in main
    assert "&lt;b&gt;Xã&lt;/b&gt;" in main and BROKEN_NAME not in main, "what the content says is escaped"
    assert "lưu tệp rồi tải lại trang này (phím F5)" in main, "mkdocs serve does not live-reload its 404 answer"
    assert "trang tự tải lại" in _main(site / "index.html")
    path.write_text(original, encoding="utf-8")
    main = _main(_mkdocs(project, "serve") / "404.html")
    assert "Không tìm thấy trang" in main and "Nội dung có lỗi" not in main
