"""Every page kind is optional: the fixture commune with every editorial file removed builds, lints and links.

Only the plan's own text and the settings are required (issue 20, item 2). Without a summary, citizens block,
Q&A, clarifications, glossary, quiz, discussion questions, news or a register of grassroots organisations the
site has no page, no menu entry and no link for them, and the home page still reads as a whole. A required
file missing is a Vietnamese error that says what the file holds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator.content import load_content
from generator.content.loader import content_files
from generator.content.reader import read_yaml
from generator.render.pages import pages_by_kind, site_view
from generator.views.quiz import quiz_view

from .conftest import FIXTURE, ROOT, build_site, copy_project, problems_for, replace_once, settings
from .test_links import Site

OPTIONAL_FILES = ["tin-tuc.yml", "to-chuc-co-so.yml", "hoi-dap.yml", "lam-ro.yml", "thuat-ngu.yml", "trac-nghiem.yml",
                  "sinh-hoat-chi-bo.yml", "tom-tat.yml", "nguoi-dan.yml", "ocr-corrections.yml"]
"""Editorial material and the lint's word list: an organisation may have none of them."""
OPTIONAL_FOLDERS = ["tin-tuc", "to-chuc-co-so", "anh", "source"]
"""Posts, the organisations' result files, photos, the scanned copy of the plan."""
REQUIRED_FILES = {
    "cai-dat.yml": "Cài đặt chung của trang",
    "ke-hoach.yml": "Thông tin chung của kế hoạch",
    "muc-dich-yeu-cau.yml": "mục đích, yêu cầu",
    "quan-diem.yml": "các quan điểm chỉ đạo",
    "nhiem-vu.yml": "nhiệm vụ, giải pháp",
    "hoc-tap-quan-triet.yml": "học tập, quán triệt",
    "to-chuc-thuc-hien.yml": "tổ chức thực hiện",
}
"""The plan's own text and the settings, with words of what each holds (the models' docstrings, as editors read)."""

OFF_PAGES = ["hoi-dap/", "lam-ro/", "thuat-ngu/", "trac-nghiem/", "tin-tuc/", "ket-qua-thuc-hien/"]
"""The pages of the kinds the removed files feed (addresses as readers know them)."""
OFF_FILES = ["feed.xml", "feed.json", "ket-qua-thuc-hien.csv", "ket-qua-thuc-hien.json", "trac-nghiem/cau-hoi.json"]
"""Files that go with those pages: the news feeds, the progress exports, the quiz bank."""
OFF_WORDS = ["Hỏi – đáp", "Làm rõ", "Thuật ngữ", "trắc nghiệm", "Trắc nghiệm", "Tin, bài", "Tin tức",
             "Kết quả thực hiện", "câu hỏi thảo luận", "Những điểm chính của Kế hoạch", "Nghị quyết và người dân"]
"""What a reader would see of a removed kind: its title, its menu entry, a mention on another page."""


def bare_content(target: Path) -> Path:
    """The fixture commune's content with every optional file and folder removed."""
    content = Path(shutil.copytree(FIXTURE / "content", target))
    for name in OPTIONAL_FILES:
        (content / name).unlink(missing_ok=True)
    for name in OPTIONAL_FOLDERS:
        shutil.rmtree(content / name, ignore_errors=True)
    return content


SITE_URL = "https://minh-hoa.example.net/nq57/"
"""Where the bare site is published: a sub-path, on a host none of the fixture's documents is on (they are on
example.org), so every absolute link to the site itself is checked and no outside document is taken for it."""


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bare fixture built as an editor builds it (production, published under a sub-path)."""
    project = copy_project(tmp_path_factory.mktemp("bare"))
    shutil.rmtree(project / "content")
    bare_content(project / "content")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml", env={"SITE_URL": SITE_URL, "REPO_URL": REPO_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return site


REPO_URL = "https://github.com/example/xa-mau"


def test_the_registry_marks_exactly_the_editorial_files_optional() -> None:
    optional = {entry.name for entry in content_files() if entry.optional}
    assert optional == set(OPTIONAL_FILES) - {"ocr-corrections.yml"}
    assert {entry.name for entry in content_files() if not entry.optional} == set(REQUIRED_FILES)


OFF_KINDS = ["questions", "clarifications", "glossary", "quiz", "news", "post", "implementation", "widget-news"]


def test_the_whole_fixture_has_every_kind_the_bare_one_loses(fixture_content) -> None:
    """The control: with its files, the fixture (preview edition) has a page of every kind the bare copy lacks."""
    kinds = pages_by_kind(site_view(fixture_content, settings(date(2026, 11, 28), FIXTURE / "content", preview=True)))
    assert all(kinds[kind] for kind in OFF_KINDS if kind not in ("news", "post", "widget-news"))
    assert fixture_content.summary.items and fixture_content.citizens.items and fixture_content.meeting.discussion


def test_the_bare_fixture_loads_with_empty_editorial_models(tmp_path: Path) -> None:
    content = load_content(bare_content(tmp_path / "content"))
    assert not content.questions.questions and not content.clarifications.items and not content.glossary.terms
    assert not content.quiz.questions and not content.meeting.discussion and not content.posts
    assert not content.summary.items and not content.citizens.items and not content.grassroots.organisations
    kinds = pages_by_kind(site_view(content, settings(date(2026, 11, 28), tmp_path / "content", preview=True)))
    for kind in OFF_KINDS:
        assert kinds[kind] == [], f"{kind} is on without its file"
    assert kinds["home"] and kinds["meeting"] and kinds["handout"] and kinds["full-text"]


def test_the_bare_site_has_no_page_or_file_of_a_removed_kind(bare_site: Path) -> None:
    for page in OFF_PAGES:
        assert not (bare_site / page).exists(), f"{page} is published without its content file"
    for name in OFF_FILES:
        assert not (bare_site / name).exists(), f"{name} is published without its content file"
    assert (bare_site / "index.html").is_file() and (bare_site / "sinh-hoat-chi-bo/index.html").is_file()
    sitemap = (bare_site / "sitemap.xml").read_text(encoding="utf-8")
    worker = (bare_site / "sw.js").read_text(encoding="utf-8")
    for page in OFF_PAGES:
        assert f"/{page}<" not in sitemap and f"/{page}\"" not in worker and f"\"{page}\"" not in worker


def test_every_link_of_the_bare_site_resolves_and_none_leads_to_a_removed_kind(bare_site: Path) -> None:
    address = SITE_URL
    site = Site.read(bare_site, address)
    pages = [page for page in site.documents if page.endswith(".html")]
    assert "index.html" in pages and len(pages) > 20
    assert site.broken_links() == []
    prefix = urlsplit(address).path
    leading = []
    for page in pages:
        for url in site.documents[page].urls:
            path = urlsplit(urljoin(site.url_of(page), url)).path
            if any(path.startswith(prefix + off) or path == prefix + off.rstrip("/") for off in OFF_PAGES + OFF_FILES):
                leading.append(f"{page} → {url}")
    assert leading == []


class _Text(HTMLParser):
    """The words a reader sees (and a search engine reads in the description), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "meta" and (content := dict(attrs).get("content")):
            self.parts.append(content)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def reader_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def test_no_reader_page_names_a_removed_kind(bare_site: Path) -> None:
    """The editors' area (bien-tap/) explains how to start each kind; readers' pages do not mention them."""
    mentions = []
    for path in sorted(bare_site.rglob("*.html")):
        relative = path.relative_to(bare_site).as_posix()
        if relative.startswith("bien-tap/"):
            continue
        text = reader_text(path)
        mentions += [f"{relative}: “{word}”" for word in OFF_WORDS if word in text]
    assert mentions == []


def test_the_bare_home_page_still_lists_the_plan(bare_site: Path) -> None:
    text = reader_text(bare_site / "index.html")
    for words in ["Sinh hoạt chi bộ: tài liệu, trình chiếu", "Quan điểm chỉ đạo", "Nhiệm vụ, giải pháp",
                  "Toàn văn Kế hoạch", "Lịch thực hiện"]:
        assert words in text


def test_the_bare_fixture_lints_clean(tmp_path: Path) -> None:
    content = bare_content(tmp_path / "content")
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "lint"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 lỗi" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", sorted(REQUIRED_FILES))
def test_a_missing_required_file_is_a_vietnamese_error_saying_what_it_holds(tmp_path: Path, name: str) -> None:
    content = bare_content(tmp_path / "content")
    (content / name).unlink()
    problems = problems_for(content)
    assert [p.file.rsplit("/", 1)[-1] for p in problems] == [name]
    message = problems[0].message_vi
    assert message.startswith("thiếu tệp nội dung bắt buộc") and REQUIRED_FILES[name] in message


def test_validate_names_the_missing_file_without_a_traceback(tmp_path: Path) -> None:
    content = bare_content(tmp_path / "content")
    (content / "quan-diem.yml").unlink()
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "validate"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "quan-diem.yml" in output and "thiếu tệp nội dung bắt buộc" in output


def test_a_quiz_with_fewer_questions_than_draw_asks_them_all(fixture_copy: Path) -> None:
    quiz = fixture_copy / "trac-nghiem.yml"
    written = load_content(fixture_copy).quiz
    assert len(written.questions) > 1
    replace_once(quiz, f"draw: {written.draw}", "draw: 30")
    content = load_content(fixture_copy)
    view = quiz_view(site_view(content, settings(date(2026, 11, 28), fixture_copy, preview=True)), "trac-nghiem.md",
                     "trac-nghiem/cau-hoi.json")
    assert view.draw == len(written.questions) < 30


def test_an_empty_list_turns_its_kind_off_and_structural_rules_stay(fixture_copy: Path) -> None:
    (fixture_copy / "trac-nghiem.yml").write_text("draw: 5\nquestions: []\n", encoding="utf-8")
    (fixture_copy / "thuat-ngu.yml").write_text("title: Thuật ngữ\nterms: []\n", encoding="utf-8")
    content = load_content(fixture_copy)
    kinds = pages_by_kind(site_view(content, settings(date(2026, 11, 28), fixture_copy, preview=True)))
    assert kinds["quiz"] == [] and kinds["glossary"] == [] and kinds["questions"]
    (fixture_copy / "trac-nghiem.yml").write_text(
        "questions:\n- id: mot\n  question: Câu hỏi?\n  options:\n  - {text: A, correct: true}\n  - {text: B, correct: true}\n"
        "  - {text: C}\n  explanation: Giải thích.\n  passage: muc-dich\n  quote: x\n", encoding="utf-8")
    assert any("đúng một phương án" in p.message_vi for p in problems_for(fixture_copy))


def test_posts_without_tin_tuc_yml_ask_for_categories(tmp_path: Path) -> None:
    content = bare_content(tmp_path / "content")
    (content / "tin-tuc").mkdir()
    (content / "tin-tuc/2026-11-01-bai.md").write_text(
        "---\ntitle: Một bài\ndate: 2026-11-01\nauthor: Văn phòng Đảng ủy xã\ncategory: hoat-dong\n"
        "summary: Tóm tắt.\n---\nNội dung.\n", encoding="utf-8")
    problems = problems_for(content)
    assert any("tin-tuc.yml" in p.message_vi and "categories:" in p.message_vi for p in problems), problems


def test_result_files_without_a_register_name_the_register(tmp_path: Path) -> None:
    content = bare_content(tmp_path / "content")
    shutil.copytree(FIXTURE / "content" / "to-chuc-co-so", content / "to-chuc-co-so")
    problems = problems_for(content)
    assert problems and all("to-chuc-co-so.yml" in p.message_vi for p in problems), problems


@pytest.fixture(scope="module")
def no_targets_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bare fixture as a party cell's plan may be: its targets are sentences, none a numeric indicator."""
    project = copy_project(tmp_path_factory.mktemp("no-targets"))
    shutil.rmtree(project / "content")
    content = bare_content(project / "content")
    for name in ("muc-tieu/2030.yml", "muc-tieu/2045.yml"):
        data = read_yaml(content / name).data
        for paragraph in data["paragraphs"]:
            paragraph.pop("indicators", None)
        (content / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml", env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_plan_without_numeric_targets_has_no_empty_card_block(no_targets_site: Path) -> None:
    site = Site.read(no_targets_site, SITE_URL)
    assert site.broken_links() == []
    assert not (no_targets_site / "ap-phich").exists() and not (no_targets_site / "nhung/chi-tieu").exists()
    home = reader_text(no_targets_site / "index.html")
    assert "0 chỉ tiêu" not in home and "Chỉ tiêu chính" not in home and "Áp phích" not in home
    assert "Mục tiêu đến năm" in home  # still in "Các mục"
    targets = reader_text(no_targets_site / "muc-tieu-2030/index.html")
    assert "0 chỉ tiêu" not in targets


def test_the_edit_button_creates_an_optional_file_that_is_not_there_yet(bare_site: Path) -> None:
    """The handout is made from the plan and ``sinh-hoat-chi-bo.yml``: absent, its edit button opens GitHub's
    "new file" form for it, never a page that does not exist; a file that is there opens in the editor."""
    meeting = (bare_site / "tai-lieu-sinh-hoat-chi-bo/index.html").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}/new/main/content?filename=sinh-hoat-chi-bo.yml"' in meeting
    viewpoints = (bare_site / "quan-diem-chi-dao/index.html").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}/edit/main/content/quan-diem.yml"' in viewpoints
