"""Page-weight budget, measured on the built site: readers pay for every byte on metered data.

What a page loads is read from its HTML and CSS (``generator.firstview``), so pages,
stylesheets and scripts other features add are counted without being named here.
``tests/browser/test_offline.py`` checks that a real browser fetches nothing more.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bench.pageweight import SEARCH_PAGE, custom_assets, gzip_size, html_pages, page_weight, search_page_weight
from generator.publish.firstview import first_view

from .conftest import ROOT, build_site, copy_project

KB = 1024
HOME_BUDGET = 60 * KB
PAGE_BUDGET = 90 * KB
SEARCH_BUDGET = 90 * KB
"""The search page before the first query: the page, its stylesheet, Pagefind's UI script and CSS."""
CUSTOM_BUDGET = 10 * KB


def test_home_page_first_view_is_at_most_60_kb_gzip(built_site: Path) -> None:
    weight = page_weight(built_site, "index.html")
    assert not weight.missing, weight.missing
    assert weight.by_kind["css"] and weight.by_kind["html"], weight
    assert weight.total <= HOME_BUDGET, weight


def test_every_other_page_is_at_most_90_kb_gzip(unaddressed_site: Path) -> None:
    """Built with no address: with one, the 404 page links its files from the root (``/xa-mau/assets/…``), which
    ``page_weight`` reads as site paths and reports missing."""
    pages = html_pages(unaddressed_site)[1:]
    assert len(pages) >= 8, pages
    for page in pages:
        weight = page_weight(unaddressed_site, page)
        assert not weight.missing, weight.missing
        assert weight.total <= PAGE_BUDGET, weight


def test_search_page_before_the_first_query_is_at_most_90_kb_gzip(built_site: Path) -> None:
    assert page_weight(built_site, SEARCH_PAGE).search, "the search page loads Pagefind's UI"
    assert search_page_weight(built_site) <= SEARCH_BUDGET


def test_only_the_search_page_loads_the_search_bundle(built_site: Path) -> None:
    """Search scripts and index are excluded from the budgets only because no reading page loads them."""
    loading = [page for page in html_pages(built_site) if page_weight(built_site, page).search]
    assert loading == ["tim-kiem/index.html"], loading


def test_only_the_editors_page_loads_decap(built_site: Path) -> None:
    """Decap CMS (quan-tri/) is outside the budgets only because no reader's page loads it."""
    every = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    loading = [page for page in every if "decap-cms.js" in (built_site / page).read_text(encoding="utf-8")]
    assert set(loading) <= {"bien-tap/quan-tri/index.html"}, loading
    assert "bien-tap/quan-tri/index.html" in every and "bien-tap/quan-tri/index.html" not in html_pages(built_site)


def test_no_page_requests_another_host(built_site: Path) -> None:
    for page in html_pages(built_site):
        assert first_view(built_site, page).external == [], page


def test_one_render_blocking_request_a_stylesheet(built_site: Path) -> None:
    for page in html_pages(built_site):
        view = first_view(built_site, page)
        assert len(view.blocking) == 1, (page, view.blocking)
        assert view.blocking[0].endswith(".css"), (page, view.blocking)


def test_images_have_their_size_set(built_site: Path) -> None:
    """Width and height on every <img>: the text does not jump when an image arrives."""
    for page in html_pages(built_site):
        raw = (built_site / page).read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", raw):
            assert re.search(r"\bwidth=", tag) and re.search(r"\bheight=", tag), (page, tag)


def test_custom_css_and_js_a_page_loads_are_at_most_10_kb_gzip(built_site: Path) -> None:
    """What any one page loads of the project's own CSS and JS (plus the service worker) stays under 10 KB gzip.

    Per page, not summed over the site: the quiz's, the slides' and the widgets' scripts load only on their own pages.
    """
    custom = custom_assets(built_site, ROOT / "generator" / "theme" / "docs")
    assert any(path.endswith(".css") for path in custom), custom
    assert any(path.endswith(".js") for path in custom), custom
    over = {}
    for page in html_pages(built_site):
        loaded = set(first_view(built_site, page).files)
        own = {path: size for path, size in custom.items() if path in loaded or path == "sw.js"}
        if sum(own.values()) > CUSTOM_BUDGET:
            over[page] = own
    assert not over, over


QUIZ_BUDGET = 40 * KB


def test_quiz_with_everything_it_loads_is_at_most_40_kb_gzip(built_site: Path) -> None:
    """The quiz page, its stylesheet and scripts, and the question bank its script fetches."""
    bank = built_site / "trac-nghiem" / "cau-hoi.json"
    html = (built_site / "trac-nghiem" / "index.html").read_text(encoding="utf-8")
    assert 'href="cau-hoi.json"' in html and "assets/quiz.js" in html
    weight = page_weight(built_site, "trac-nghiem/index.html")
    assert not weight.missing, weight.missing
    total = weight.total + gzip_size(bank)
    assert total <= QUIZ_BUDGET, (total, weight)


def _project_with_news_section(tmp_path: Path, name: str, count: int) -> Path:
    """A copy of the project whose nav gains a section of ``count`` dummy pages."""
    project = copy_project(tmp_path / name)
    (project / "docs" / "thu").mkdir()
    for number in range(count):
        (project / "docs" / "thu" / f"bai-{number:04d}.md").write_text(f"# Bài thử {number}\n\nNội dung thử.\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    section = "\n".join(f"      - thu/bai-{number:04d}.md" for number in range(count))
    (project / "mkdocs.yml").write_text(f"{config.rstrip()}\nnav:\n  - Bài thử:\n{section}\n", encoding="utf-8")
    yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)  # still valid YAML
    return project


def test_page_html_does_not_grow_with_the_number_of_pages(tmp_path: Path) -> None:
    """navigation.prune: a page carries its own branch of the menu, not the whole site's."""
    sizes = {}
    for count in (5, 200):
        project = _project_with_news_section(tmp_path, f"p{count}", count)
        site = project / "site"
        result = build_site(site, config=project / "mkdocs.yml")
        assert result.returncode == 0, result.stdout + result.stderr
        assert (site / "thu" / f"bai-{count - 1:04d}" / "index.html").is_file()
        sizes[count] = {page: (site / page).stat().st_size for page in ("index.html", "muc-tieu-2030/index.html")}
    for page, small in sizes[5].items():
        assert sizes[200][page] <= small + 64, (page, small, sizes[200][page])
