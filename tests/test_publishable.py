"""What a party committee can put its name to (issue 10): neutral statuses, the plan's own date wording,
every duty of sections III and IV on the who-does-what pages, targets said once in Vietnamese.

Generator behaviour is checked on the fixture commune; expected values come from its YAML (PyYAML),
never from the code under test. The district's own content is checked in ``test_fidelity.py``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from generator.content.models import Indicator
from generator.render.calendar import render_calendar
from generator.render.pages import render_pages

from .conftest import FIXTURE, settings

CONTENT_DIR = FIXTURE / "content"
TODAY = date(2026, 11, 28)
"""One fixture deadline (2027) is ahead, the others have passed."""
LATER = date(2028, 1, 1)
"""Every fixture deadline has passed."""


def raw(name: str) -> dict:
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def render(fixture_content, today: date) -> dict[str, str]:
    return {page.path: page.markdown for page in render_pages(fixture_content, settings(today, CONTENT_DIR))}


@pytest.fixture(scope="module")
def pages(fixture_content) -> dict[str, str]:
    return render(fixture_content, TODAY)


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def study_parts() -> list[dict]:
    study = raw("hoc-tap-quan-triet.yml")
    return list(study["parts"])


def calendar_text(fixture_content, today: date) -> str:
    """The .ics unfolded (RFC 5545 folding undone) and unescaped enough to search for words."""
    text = render_calendar(fixture_content, settings(today, CONTENT_DIR, "https://example.org/xa-mau/"))
    return text.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize("today", [date(2025, 1, 1), TODAY, LATER])
def test_no_page_and_no_calendar_says_qua_han(fixture_content, today: date) -> None:
    for path, markdown in render(fixture_content, today).items():
        assert "quá hạn" not in markdown.lower(), path
    assert "quá hạn" not in calendar_text(fixture_content, today).lower()


def test_a_passed_date_without_result_has_no_badge(pages: dict[str, str]) -> None:
    timeline = pages["lich-thuc-hien.md"]
    assert "nq-status--passed" not in timeline and "Đã qua mốc thời gian" not in timeline
    assert "\n## Đã qua\n" in timeline


def test_done_only_with_a_result_and_the_result_is_shown(pages: dict[str, str]) -> None:
    timeline = pages["lich-thuc-hien.md"]
    assignments = [a for u in raw("to-chuc-thuc-hien.yml")["units"] for a in u["assignments"]]
    assignments += raw("hoc-tap-quan-triet.yml")["parts"][2]["assignments"]
    with_result = [(None, a) for a in assignments if a.get("deadline", {}).get("result")]
    assert with_result, "fixture needs a recorded result"
    assert timeline.count("nq-status--done") == len(with_result)
    for _, assignment in with_result:
        result = assignment["deadline"]["result"]
        assert f"{result['document']}, ngày {result['date'].day}/{result['date'].month}/{result['date'].year}" in timeline


def test_headings_keep_the_plans_wording_of_the_date(pages: dict[str, str]) -> None:
    timeline = pages["lich-thuc-hien.md"]
    heads = re.findall(r'<p class="nq-deadline__head">(.*?)</p>', timeline)
    deadlines = [a["deadline"] for u in raw("to-chuc-thuc-hien.yml")["units"] for a in u["assignments"] if a.get("deadline")]
    deadlines += [a["deadline"] for a in raw("hoc-tap-quan-triet.yml")["parts"][2]["assignments"]]
    no_day = [d for d in deadlines if not re.search(r"\d+/\d+/\d{4}", d["text"])]
    assert no_day, "fixture needs a deadline whose wording names no day (quý II/2027)"
    for deadline in deadlines:
        head = next(h for h in heads if first_upper(deadline["text"]) in h)
        if deadline in no_day:
            due = deadline["date"]
            assert f"(hết ngày <time datetime=\"{due.isoformat()}\">{due.day}/{due.month}/{due.year}</time>)" in head
    assert not any(re.search(r">\d{2}/\d{2}/\d{4}<", h) for h in heads), "a bare 05/03/2025 heading"


def test_home_block_of_upcoming_deadlines_is_left_out_when_all_have_passed(fixture_content) -> None:
    assert "## Thời hạn sắp tới" in render(fixture_content, TODAY)["index.md"]
    later = render(fixture_content, LATER)["index.md"]
    assert "Thời hạn" not in later and "nq-deadline" not in later and "gần nhất" not in later


def test_cards_show_an_action_and_name_recipients_only_when_the_plan_does(pages: dict[str, str]) -> None:
    timeline = pages["lich-thuc-hien.md"]
    cards = re.findall(r'<article class="nq-deadline".*?</article>', timeline, re.S)
    assignments = [a for u in raw("to-chuc-thuc-hien.yml")["units"] for a in u["assignments"] if a.get("deadline")]
    assignments += raw("hoc-tap-quan-triet.yml")["parts"][2]["assignments"]
    assert any(not a.get("report_to") for a in assignments), "fixture needs a deadline with nobody to report to"
    assert len(cards) == len(assignments)
    for assignment in assignments:
        card = next(c for c in cards if f"<dd>{first_upper(assignment['duty'])}</dd>" in c)
        assert "<dt>Việc phải làm</dt>" in card
        if assignment.get("report_to"):
            assert f"<dt>Gửi báo cáo đến</dt>\n<dd>{', '.join(assignment['report_to'])}" in card
        else:
            assert "Gửi báo cáo" not in card
        assert "<dt>Báo cáo</dt>" not in card and "<dd>—</dd>" not in card


def test_section_references_in_administrative_style_on_pages_and_in_the_calendar(fixture_content, pages) -> None:
    study, organisation = raw("hoc-tap-quan-triet.yml"), raw("to-chuc-thuc-hien.yml")
    point, title = study["parts"][2]["heading"].split(". ", 1)
    roman = study["heading"].split(".")[0]
    reference = f"điểm {point}, mục {roman} ({title})"
    iv_roman, iv_title = organisation["heading"].split(". ", 1)
    unit = next(u for u in organisation["units"] if any(a.get("deadline") for a in u["assignments"]))
    iv_reference = f"điểm {unit['number']}, mục {iv_roman} ({iv_title.capitalize()})"
    ics = calendar_text(fixture_content, TODAY)
    for text in (pages["lich-thuc-hien.md"], ics):
        assert reference in text.replace("Điểm", "điểm")
        assert iv_reference in text.replace("Điểm", "điểm")
    assert "mục 3. " not in ics and f"mục {study['parts'][2]['heading']}" not in ics


# ---------------------------------------------------------------- every duty, every body


def test_every_duty_of_sections_iii_and_iv_is_on_the_page_of_its_body(pages: dict[str, str]) -> None:
    units = raw("to-chuc-thuc-hien.yml")["units"]
    page_of = {name: u["id"] for u in units for name in [u["name"], *u.get("also_named", [])]}
    duties = [(a["unit"], a["duty"]) for part in study_parts() for a in part.get("assignments", [])]
    assert {part["heading"][0] for part in study_parts() if part.get("assignments")} == {"1", "2", "3", "4"}, \
        "fixture needs duties in III.1, III.2, III.3 and III.4"
    duties += [(u["name"], a["duty"]) for u in units for a in u["assignments"]]
    overview = pages["phan-cong.md"]
    for name, duty in duties:
        unit_id = page_of.get(name)
        page = pages[f"don-vi/{unit_id}.md"] if unit_id else next(
            text for path, text in pages.items() if path.startswith("don-vi/") and f"# {name}\n" in text)
        assert f"- {first_upper(duty)}" in page, (name, duty)
        assert (unit_id or name) in overview


def test_a_name_used_in_section_iii_is_shown_on_the_section_iv_unit_that_bears_it(pages: dict[str, str]) -> None:
    unit = next(u for u in raw("to-chuc-thuc-hien.yml")["units"] if u.get("also_named"))
    other = unit["also_named"][0]
    page = pages[f"don-vi/{unit['id']}.md"]
    assert f"# {unit['name']}\n" in page and f"“{other}”" in page
    assert not any(f"# {other}\n" in text for path, text in pages.items() if path.startswith("don-vi/"))
    assert f"Tên gọi ở mục III: {other}" in pages["phan-cong.md"]


# ---------------------------------------------------------------- targets


def test_target_values_are_said_once_in_vietnamese(pages: dict[str, str]) -> None:
    targets = pages["muc-tieu-2030.md"]
    for placeholder in ("≥", "Top ", "từ … đến", "trên >", "tối thiểu ≥", "> "):
        assert placeholder not in re.sub(r"<[^>]+>", "", targets).replace("->", ""), placeholder
    indicators = {i["id"]: i for p in raw("muc-tieu/2030.yml")["paragraphs"] for i in p["indicators"]}
    by_kind = {i["comparator"]: i for i in indicators.values()}
    top, span, least = by_kind["top"], by_kind["range"], by_kind["at_least"]
    assert f"<strong>Nhóm {top['value']} {top['unit']} dẫn đầu {top['scope']}</strong>" in targets
    assert f"<strong>Từ {span['value']} đến {span['value_max']} {span['unit']}</strong>" in targets
    assert f"<strong>Tối thiểu {least['value']}{least['unit']}</strong>" in targets


def test_value_text_must_stand_in_the_quote() -> None:
    base = dict(id="x", title="Số doanh nghiệp", measure="Số doanh nghiệp", comparator="at_least", value=3,
                unit="doanh nghiệp", quote="Thu hút thêm ít nhất 3 doanh nghiệp")
    assert Indicator(**base, value_text="thêm ít nhất 3 doanh nghiệp").value_text
    with pytest.raises(ValidationError, match="quote_not_in_text"):
        Indicator(**base, value_text="thêm ít nhất 5 doanh nghiệp")


def test_group_titles_come_from_content_and_fall_back_to_a_number(pages: dict[str, str]) -> None:
    targets = pages["muc-tieu-2030.md"]
    paragraphs = raw("muc-tieu/2030.yml")["paragraphs"]
    assert any(p.get("title") for p in paragraphs) and any(not p.get("title") for p in paragraphs)
    for number, paragraph in enumerate(paragraphs, start=1):
        assert f"\n## {paragraph.get('title') or f'Nhóm {number}'}\n" in targets


def test_unmeasured_cards_show_no_status_and_the_scope_follows_content(pages: dict[str, str]) -> None:
    targets = pages["muc-tieu-2030.md"]
    section = raw("muc-tieu/2030.yml")
    for indicator in (i for p in section["paragraphs"] for i in p["indicators"]):
        card = re.search(rf'<article class="nq-card" id="{indicator["id"]}".*?</article>', targets, re.S).group()
        assert ("nq-status" in card) == bool(indicator.get("measurements")), indicator["id"]
    assert "chưa có số liệu" not in targets
    assert not section.get("national") and "cả nước" not in targets


def test_national_targets_are_framed_as_the_countrys(fixture_content, tmp_path: Path) -> None:
    import shutil

    from generator.content import load_content

    content_dir = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content_dir)
    path = content_dir / "muc-tieu/2030.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2030\n", "year: 2030\nnational: true\n"),
                    encoding="utf-8")
    rendered = {p.path: p.markdown for p in render_pages(load_content(content_dir), settings(TODAY, content_dir))}
    targets = rendered["muc-tieu-2030.md"]
    resolution = raw("ke-hoach.yml")["resolution"]
    assert "# Mục tiêu của cả nước đến năm 2030" in targets
    assert f"do {resolution['kind']} số {resolution['number']}" in targets
    assert f"không đặt chỉ tiêu riêng cho {raw('cai-dat.yml')['locality']}" in targets
    assert "## Mục tiêu của cả nước đến năm 2030" in rendered["index.md"]
    # Said once: by the heading, not again on every card under it.
    assert "Mục tiêu của cả nước đến năm 2030</p>" not in rendered["index.md"] + targets


# ---------------------------------------------------------------- tags and categories


POST = """---
title: Chi bộ thôn Đồng Tâm quán triệt Nghị quyết
date: 2025-03-12
author: Văn phòng Đảng ủy xã Minh Hòa
category: {category}
summary: Bài mẫu của bộ kiểm thử.
tags: [{tags}]
---
Nội dung bài mẫu.
"""


def test_tags_show_their_names_and_empty_categories_are_hidden(tmp_path: Path) -> None:
    import shutil

    from generator.content import load_content
    from generator.editor.lint import lint

    content_dir = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content_dir)
    news = raw("tin-tuc.yml")
    used, empty = news["categories"][0], news["categories"][1]
    assert {"id": "nghi-quyet-57", "name": "Nghị quyết 57-NQ/TW"} in news["tags"], "the fixture names this tag"
    shutil.rmtree(content_dir / "tin-tuc")  # the fixture's posts use both categories: one post alone here
    (content_dir / "tin-tuc").mkdir()
    (content_dir / "tin-tuc" / "2025-03-12-chi-bo.md").write_text(
        POST.format(category=used["id"], tags="nghi-quyet-57, chua-co-ten"), encoding="utf-8")
    content = load_content(content_dir)
    rendered = {p.path: p.markdown for p in render_pages(content, settings(TODAY, content_dir, preview=True))}
    post = next(text for path, text in rendered.items() if path.startswith("tin-tuc/20"))
    assert "Từ khóa: [Nghị quyết 57-NQ/TW](" in post and "[nghi-quyet-57]" not in post
    assert "# Từ khóa: Nghị quyết 57-NQ/TW" in rendered["tin-tuc/the/nghi-quyet-57.md"]
    index = rendered["tin-tuc/index.md"]
    assert used["name"] in index and empty["name"] not in index
    assert f"tin-tuc/chuyen-muc/{empty['id']}.md" not in rendered
    warnings = [f for f in lint(content_dir) if f.severity == "warning" and "chua-co-ten" in f.message]
    assert len(warnings) == 1 and warnings[0].file.endswith("2025-03-12-chi-bo.md")


# ---------------------------------------------------------------- official-site essentials


def test_the_guide_leaves_the_readers_menu(fixture_content) -> None:
    from generator.registry import GUIDE
    from generator.render.pages import nav

    assert GUIDE not in nav(fixture_content, settings(TODAY, CONTENT_DIR))


def test_empty_publisher_details_are_named_for_the_warning(fixture_content) -> None:
    from generator.content.models import Settings

    assert fixture_content.settings.missing_publisher_details == [], "the fixture fills every footer detail"
    settings_yaml = raw("cai-dat.yml")
    del settings_yaml["responsible_person"], settings_yaml["contact"]["email"]
    assert Settings(**settings_yaml).missing_publisher_details == ["responsible_person", "contact.email"]


def test_home_first_screen_says_whose_plan_it_is(pages: dict[str, str]) -> None:
    description = " ".join(raw("cai-dat.yml")["site_description"].split())
    home = pages["index.md"]
    assert f'<p class="nq-lead">{description}</p>' in home
    assert home.index("nq-lead") < home.index("## ")


def test_footer_and_banner_come_from_settings_and_name_no_editors_page(project_copy: Path) -> None:
    from .conftest import build_site

    path = project_copy / "content/cai-dat.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^governing_body: .*$", "governing_body: Cơ quan thử nghiệm", text)
    text = re.sub(r"(?m)^responsible_person: .*$", "responsible_person: Người thử nghiệm", text)
    text = re.sub(r"(?m)^  (address|phone|email): .*\n", "", text)  # the footer then lacks them: a warning
    assert "Cơ quan thử nghiệm" in text and "Người thử nghiệm" in text and "\n  email:" not in text
    path.write_text(text + "notice: Trang được lưu giữ làm tư liệu.\n", encoding="utf-8")
    site = project_copy / "site"
    result = build_site(site, config=project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "chân trang còn thiếu contact.address, contact.phone, contact.email" in result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Cơ quan chủ quản: Cơ quan thử nghiệm" in home and "Người chịu trách nhiệm: Người thử nghiệm" in home
    assert '<p class="nq-notice">Trang được lưu giữ làm tư liệu.</p>' in home
    footer = home[home.index('<div class="md-copyright">'):]
    assert "Hướng dẫn biên tập" not in footer and "MkDocs" not in footer
    menu = home[home.index('<nav class="md-nav md-nav--primary"'):]
    menu = menu[:menu.index("</nav>")]
    assert "huong-dan-bien-tap" not in menu
