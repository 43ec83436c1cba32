"""Issue 22 for readers: past deadlines told as history, readers' pages only, the cell meeting two taps away.

Built on the fixture commune (tests/fixtures/xa-mau) at a day after every one of its deadlines: whatever a
reader or a portal's widget can open must not mark a passed date without a recorded result.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.content import load_content
from generator.content.reader import read_yaml
from generator.registry import EDITORS, MEETING
from generator.render.pages import nav, render_pages

from .conftest import FIXTURE, build_site, copy_project, replace_once, settings

CONTENT = FIXTURE / "content"
AFTER_ALL = date(2028, 1, 1)
"""After every fixture deadline (the last is 30/6/2027)."""
AFTER_ALL_EPOCH = "1830297600"
"""AFTER_ALL as SOURCE_DATE_EPOCH (2028-01-01 00:00 UTC)."""
TODAY = date(2026, 11, 28)
"""One fixture deadline (2027) is ahead, the others have passed."""


def raw(name: str) -> dict:
    """A fixture file as the generator reads it (``on:`` of an approval record stays the word ``on``)."""
    return read_yaml(CONTENT / name).data


def fixture_deadlines() -> list[dict]:
    """Every deadline written in the fixture (sections III.3 and IV), as YAML gives it."""
    found = [a["deadline"] for u in raw("to-chuc-thuc-hien.yml")["units"] for a in u["assignments"] if a.get("deadline")]
    return found + [a["deadline"] for a in raw("hoc-tap-quan-triet.yml")["parts"][2]["assignments"]]


@pytest.fixture(scope="module")
def late_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture commune built as MkDocs builds it, on a day after all its deadlines."""
    project = tmp_path_factory.mktemp("late")
    copy_project(project)  # the fixture commune's content
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml", env={"SOURCE_DATE_EPOCH": AFTER_ALL_EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


# ---------------------------------------------------------------- deadlines as history


def test_fixture_has_every_deadline_before_the_late_day_and_one_result() -> None:
    written = fixture_deadlines()
    assert all(d["date"] < AFTER_ALL for d in written if isinstance(d["date"], date))
    assert any(d.get("result") for d in written) and any(not d.get("result") for d in written)


def test_no_reader_page_or_widget_shows_a_badge_on_a_past_deadline_without_a_result(late_site: Path) -> None:
    pages = html_pages(late_site)
    widgets = [path for path in pages if path.startswith("nhung/")]
    assert widgets and "lich-thuc-hien/index.html" in pages
    results = [d["result"] for d in fixture_deadlines() if d.get("result")]
    done_seen = 0
    for path, html in pages.items():
        assert "nq-status--passed" not in html and "Đã qua mốc thời gian" not in html, path
        assert "Thêm vào lịch điện thoại" not in html, f"{path}: a calendar offered with nothing ahead"
        for card in re.findall(r'<article class="nq-deadline".*?</article>', html, re.S) + \
                re.findall(r'<li id="[^"]+"><p><time.*?</li>', html, re.S):
            when = date.fromisoformat(re.search(r'<time datetime="(\d{4}-\d{2}-\d{2})"', card).group(1))
            assert when < AFTER_ALL
            if "nq-status" in card:
                assert "nq-status--done" in card and "<dt>Kết quả</dt>" in card, f"{path}: {card[:300]}"
                assert any(f"{r['document']}, ngày {r['date'].day}/{r['date'].month}/{r['date'].year}" in card
                           for r in results), card
                done_seen += 1
    assert done_seen, "the recorded result is shown as 'Đã hoàn thành'"
    assert "nq-deadline" not in pages["index.html"], "the home page has no block of upcoming deadlines"
    widget = pages["nhung/moc-thoi-gian/index.html"]
    assert "<time" not in widget and "Lịch thực hiện" in widget


def test_timeline_groups_ahead_and_past_under_neutral_headings(fixture_content) -> None:
    timeline = {p.path: p.markdown for p in render_pages(fixture_content, settings(TODAY, CONTENT))}["lich-thuc-hien.md"]
    ahead, past = timeline.index("\n## Sắp tới\n"), timeline.index("\n## Đã qua\n")
    assert ahead < timeline.index("lich-thuc-hien.ics") < past
    later = [d for d in fixture_deadlines() if isinstance(d["date"], date) and d["date"] >= TODAY]  # 30/6/2025 is text
    assert later and all(timeline.index(f'datetime="{d["date"].isoformat()}"') < past for d in later)
    assert timeline.count("nq-legend") == 1
    late = {p.path: p.markdown for p in render_pages(fixture_content, settings(AFTER_ALL, CONTENT))}
    assert "## Sắp tới" not in late["lich-thuc-hien.md"] and "lich-thuc-hien.ics" not in late["lich-thuc-hien.md"]
    for path, markdown in late.items():
        assert "Trạng thái tính đến ngày" not in markdown, path
        if path != "lich-thuc-hien.md":
            assert "nq-legend" not in markdown, f"{path}: the legend is said on the timeline only"


def test_dates_on_reader_pages_have_no_leading_zeros(late_site: Path) -> None:
    for path, html in html_pages(late_site).items():
        for shown in re.findall(r"<time datetime=\"[^\"]+\">([^<]*)</time>", html):
            assert not re.search(r"\b0\d/|/0\d/", shown), f"{path}: {shown}"


# ---------------------------------------------------------------- readers see readers' pages


def test_a_page_kind_without_data_has_no_page_no_menu_entry_and_no_link(fixture_copy: Path) -> None:
    from generator.views.implementation import PAGE

    register = fixture_copy / "to-chuc-co-so.yml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text[:text.index("organisations:")] + "organisations: []\n", encoding="utf-8")
    for record in (fixture_copy / "to-chuc-co-so").glob("*.yml"):
        record.unlink()
    content = load_content(fixture_copy)
    pages = {p.path: p.markdown for p in render_pages(content, settings(TODAY, fixture_copy))}
    assert PAGE not in pages and PAGE not in nav(content, settings(TODAY, fixture_copy))
    stem = PAGE.removesuffix(".md")
    links = {path: re.findall(r'\]\(([^)\s]+)|href="([^"]+)"', markdown) for path, markdown in pages.items()}
    assert not [path for path, found in links.items() if any(stem in target for pair in found for target in pair)]
    assert any(found for found in links.values()), "the pages have links at all"
    full = {p.path for p in render_pages(load_content(CONTENT), settings(TODAY, CONTENT))}
    assert PAGE in full, "with a register the page is on"


def test_editors_area_is_out_of_the_readers_site(late_site: Path) -> None:
    pages = html_pages(late_site)
    editors = {path: html for path, html in pages.items() if path.startswith(f"{EDITORS}/")}
    expected = {f"{EDITORS}/{name}/index.html" for name in ("huong-dan-bien-tap", "huong-dan-nhung", "quan-tri",
                                                             "trien-khai", "huong-dan-bien-tap/truong-du-lieu")}
    assert expected <= set(editors)
    for name in ("huong-dan-bien-tap", "huong-dan-nhung", "quan-tri", "trien-khai"):
        assert not (late_site / name).exists(), f"/{name}/ is still a public address"
    for path, html in editors.items():
        assert re.search(r'<meta name="robots" content="noindex', html), path
        assert "data-pagefind-body" not in html, path
    for path, html in pages.items():
        if path.startswith(f"{EDITORS}/"):
            continue
        hrefs = re.findall(r'href="([^"]+)"', html)
        assert not [h for h in hrefs if f"{EDITORS}/" in h], f"{path} links the editors' area"
        footer = html[html.index('<div class="md-copyright">'):] if 'class="md-copyright"' in html else ""
        assert "MkDocs" not in footer and "Hướng dẫn biên tập" not in footer, path


def test_footer_shows_the_publisher_from_settings(late_site: Path) -> None:
    settings_yaml = raw("cai-dat.yml")
    footer = html_pages(late_site)["index.html"].split('<div class="md-copyright">', 1)[1]
    assert settings_yaml["contact"]["unit"] in footer
    for key in ("governing_body", "responsible_person"):
        if settings_yaml.get(key):
            assert settings_yaml[key] in footer
    for key in ("address", "phone", "email"):
        if settings_yaml["contact"].get(key):
            assert settings_yaml["contact"][key] in footer


def test_sitemap_leaves_out_the_editors_area(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml", env={"SITE_URL": "https://example.org/nq57/"})
    assert result.returncode == 0, result.stderr
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/nq57/sinh-hoat-chi-bo/</loc>" in sitemap
    assert f"/{EDITORS}/" not in sitemap


# ---------------------------------------------------------------- the cell meeting in two taps


def test_meeting_entry_is_second_in_the_menu_and_on_the_home_pages_first_lines(fixture_content) -> None:
    menu = nav(fixture_content, settings(TODAY, CONTENT))
    assert menu[:2] == ["index.md", MEETING]
    home = {p.path: p.markdown for p in render_pages(fixture_content, settings(TODAY, CONTENT))}["index.md"]
    assert home.index("](sinh-hoat-chi-bo.md)") < home.index("\n## ")


def test_meeting_page_lists_handout_pdf_slides_quiz_full_text_and_the_official_text(fixture_content, fixture_copy) -> None:
    pages = {p.path: p.markdown for p in render_pages(fixture_content, settings(TODAY, CONTENT))}
    page = pages[MEETING]
    for target in ("tai-lieu-sinh-hoat-chi-bo.md", "tai-lieu/sinh-hoat-chi-bo.pdf", "trinh-chieu.md",
                   "trac-nghiem.md", "toan-van.md"):
        assert f"]({target})" in page, target
    url = raw("ke-hoach.yml")["resolution"]["url"]
    assert f"]({url})" in page
    replace_once(fixture_copy / "ke-hoach.yml", f"  url: {url}\n", "")
    without = {p.path: p.markdown for p in render_pages(load_content(fixture_copy), settings(TODAY, fixture_copy))}
    assert "https://" not in without[MEETING], "no address is made up when the content gives none"


def handout(content_dir: Path = CONTENT, today: date = TODAY) -> str:
    pages = render_pages(load_content(content_dir), settings(today, content_dir))
    return next(p.markdown for p in pages if p.path == "tai-lieu-sinh-hoat-chi-bo.md")


def test_handout_names_its_compiler_and_date_and_credits_no_undefined_board() -> None:
    meeting = raw("sinh-hoat-chi-bo.yml")
    text = handout()
    on = meeting["compiled_on"]
    assert f"{meeting['compiled_by']} biên soạn, ngày {on.day}/{on.month}/{on.year}" in text
    assert "Ban biên tập" not in text


def test_handout_without_a_compiler_names_nobody(fixture_copy: Path) -> None:
    path = fixture_copy / "sinh-hoat-chi-bo.yml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
             if not line.startswith(("compiled_by:", "compiled_on:"))]
    path.write_text("".join(lines), encoding="utf-8")
    text = handout(fixture_copy)
    assert "Ban biên tập" not in text and "biên soạn, ngày" not in text


def test_handout_lists_only_deadlines_ahead_and_prints_section_numbers() -> None:
    text = handout()
    listed = re.findall(r"<li><strong>([^<]+)</strong>: ", text.split("nq-handout__deadlines", 1)[1].split("</ul>")[0])
    ahead = [d["text"] for d in fixture_deadlines() if isinstance(d["date"], date) and d["date"] >= TODAY]
    assert listed == ahead
    assert "Xem:" not in text
    sections = dict(re.findall(r'<h2 id="[^"]+">(\d+)\. ([^<]+)</h2>', text))
    refs = re.findall(r"\(mục (\d+)\)", text)
    assert refs and all(ref in sections for ref in refs)
    late = handout(today=AFTER_ALL)
    assert "nq-handout__deadlines" not in late


def test_handout_asks_nothing_about_a_body_whose_deadlines_have_passed() -> None:
    questions = raw("sinh-hoat-chi-bo.yml")["discussion"]
    units = {u["id"]: u for u in raw("to-chuc-thuc-hien.yml")["units"]}
    passed = [q for q in questions if q.get("passage") in units]
    assert passed, "the fixture asks about a body"
    early = handout(today=date(2025, 1, 1))
    assert all(q["question"] in early for q in passed)
    text = handout()
    assert not any(q["question"] in text for q in passed)
    assert all(q["question"] in text for q in questions if q not in passed)


def test_resolution_number_never_breaks_in_the_handout() -> None:
    number = raw("ke-hoach.yml")["resolution"]["number"]
    text = handout().split('<div class="nq-handout">', 1)[1]  # the sheet itself (PDF and print)
    assert text.count(number) == text.count(f'<span class="nq-nowrap">{number}</span>') > 0


def test_slides_give_every_target_its_own_bullet() -> None:
    pages = render_pages(load_content(CONTENT), settings(TODAY, CONTENT))
    slides = next(p.markdown for p in pages if p.path == "trinh-chieu.md")
    sections = re.findall(r'<section class="nq-slide" id="muc-tieu[^"]*">(.*?)</section>', slides, re.S)
    bullets = [li for s in sections for li in re.findall(r"<li>(.*?)</li>", s, re.S)]
    headline = [i for group in raw("muc-tieu/2030.yml")["paragraphs"] for i in group.get("indicators", [])
                if i.get("headline")]
    for indicator in headline:
        assert sum(indicator["title"] in li for li in bullets) == 1, indicator["title"]
    assert all(li.count("<strong>") == 1 for li in bullets)


# ---------------------------------------------------------------- smaller


def test_lint_warns_when_one_letter_holds_most_right_answers(fixture_copy: Path) -> None:
    from generator.editor.lint import lint

    assert not [f for f in lint(fixture_copy) if "đáp án đúng ở phương án" in f.message]
    quiz = raw("trac-nghiem.yml")
    for question in quiz["questions"]:
        right = next(o for o in question["options"] if o.get("correct"))
        question["options"].remove(right)
        question["options"].insert(1, right)  # every right answer under B
    (fixture_copy / "trac-nghiem.yml").write_text(yaml.safe_dump(quiz, allow_unicode=True), encoding="utf-8")
    found = [f for f in lint(fixture_copy) if "đáp án đúng ở phương án B" in f.message]
    assert len(found) == 1 and found[0].severity == "warning"
    assert f"{len(quiz['questions'])}/{len(quiz['questions'])} câu" in found[0].message


def test_lint_warns_on_a_percentage_whose_label_does_not_say_of_what(fixture_copy: Path) -> None:
    from generator.editor.lint import lint, truncated_label

    assert truncated_label("Giao dịch không dùng tiền mặt", "Tỉ lệ giao dịch không dùng tiền mặt")
    assert truncated_label("Tỉ lệ khai thác thương mại", "Tỉ lệ khai thác thương mại sáng chế")
    assert not truncated_label("Quy mô kinh tế số so với GDP", "Quy mô kinh tế số so với GDP")
    assert not [f for f in lint(fixture_copy) if "đại lượng đo" in f.message]
    percent = next(i for group in raw("muc-tieu/2030.yml")["paragraphs"] for i in group.get("indicators", [])
                   if i.get("unit") == "%")
    short = " ".join(percent["measure"].split()[1:])
    replace_once(fixture_copy / "muc-tieu/2030.yml", f"title: {percent['title']}\n", f"title: {short}\n")
    found = [f for f in lint(fixture_copy) if "đại lượng đo" in f.message]
    assert len(found) == 1 and percent["id"] in found[0].message


def test_vietnamese_order() -> None:
    from generator.text import vietnamese_key

    expected = ["ác", "an", "ăn", "ân", "bê", "dịch vụ", "dữ liệu", "điện toán", "đổi mới", "e", "ê", "ma", "mà",
                "mả", "mã", "má", "mạ", "o", "ô", "ơ", "u", "ư"]
    assert sorted(reversed(expected), key=vietnamese_key) == expected
    assert sorted(["Đảng", "đa", "Da"], key=vietnamese_key) == ["Da", "đa", "Đảng"]


def test_glossary_says_who_explains_once(fixture_content) -> None:
    page = {p.path: p.markdown for p in render_pages(fixture_content, settings(TODAY, CONTENT))}["thuat-ngu.md"]
    assert page.count("Ban biên tập") == 2  # the note's title and its one sentence, not once per term
    assert len(raw("thuat-ngu.yml")["terms"]) > 2


def test_no_glossary_link_inside_a_quotation(tmp_path: Path) -> None:
    from generator.publish.glossary import GlossaryLinks, LinkTerm, link_glossary_terms

    (tmp_path / "index.html").write_text(
        "<div data-pagefind-body><blockquote><p>kinh tế số</p></blockquote><p>Trích: <q>kinh tế số</q></p>"
        "<p>Về kinh tế số.</p></div>", encoding="utf-8")
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "index.html").write_text("", encoding="utf-8")
    terms = (LinkTerm("kts", "kinh tế số", ("kinh tế số",)),)
    assert link_glossary_terms(tmp_path, GlossaryLinks("g/index.html", terms)) == 1
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<blockquote><p>kinh tế số</p></blockquote>" in html and "<q>kinh tế số</q>" in html
    assert '<p>Về <a class="nq-term"' in html


def test_every_target_page_is_linked_from_its_card(late_site: Path) -> None:
    pages = html_pages(late_site)
    indicator_pages = [p for p in pages if p.startswith("chi-tieu/")]
    assert indicator_pages
    lists = pages["muc-tieu-2030/index.html"] + pages["muc-tieu-2045/index.html"]
    for path in indicator_pages:
        slug = path.split("/")[1]
        assert f'href="../chi-tieu/{slug}/"' in lists, path
