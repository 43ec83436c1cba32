"""Grassroots organisations: the progress page, its CSV/JSON exports, the milestones they feed, the validation.

Expected figures are computed here from the fixture's YAML with PyYAML and plain
arithmetic (tests/fixtures/xa-mau/content/to-chuc-co-so.yml and to-chuc-co-so/*.yml),
never from the code under test.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from generator.content import ContentError, load_content
from generator.render.outputs import site_outputs
from generator.render.pages import render_pages
from generator.views.deadlines import due_items

from .conftest import FIXTURE, build_site, copy_project, settings

FIXTURE_CONTENT = FIXTURE / "content"
TODAY = date(2025, 11, 28)
"""The build date of tests/conftest.py build_site (SOURCE_DATE_EPOCH 1764288000)."""
PAGE, CSV_FILE, JSON_FILE = "ket-qua-thuc-hien.md", "ket-qua-thuc-hien.csv", "ket-qua-thuc-hien.json"


# -- independent arithmetic on the YAML ---------------------------------------------------------

def register(content: Path = FIXTURE_CONTENT) -> dict:
    return yaml.safe_load((content / "to-chuc-co-so.yml").read_text(encoding="utf-8"))


def records(content: Path = FIXTURE_CONTENT) -> dict[str, dict]:
    found = {}
    for path in sorted((content / "to-chuc-co-so").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[data["organisation"]] = data
    return found


def doc_date(value) -> str:
    """A date as the site prints it: 5/3/2025, no leading zeros."""
    return f"{value.day}/{value.month}/{value.year}"


def grouped(n: int) -> str:
    """35599 → 35.599, written without the generator's helper."""
    return f"{n:,}".replace(",", ".")


def pct(part: int, whole: int) -> str:
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return str(value).replace(".", ",")


def expected_rows(content: Path = FIXTURE_CONTENT) -> list[dict]:
    recs = records(content)
    rows = []
    for org in register(content)["organisations"]:
        rec = recs.get(org["name"], {})
        sessions = rec.get("sessions", [])
        rows.append({
            "name": org["name"], "kind": org["kind"], "parent": org.get("parent"), "members": org["members"],
            "sessions": len(sessions), "attending": sum(s["members"] for s in sessions),
            "citizens": sum(s.get("citizens", 0) for s in sessions),
            "plan": rec.get("plan"), "report": rec.get("report"),
        })
    return rows


def board_sentence(rows: list[dict]) -> str:
    sessions = sum(r["sessions"] for r in rows)
    attending, members = sum(r["attending"] for r in rows), sum(r["members"] for r in rows)
    citizens = sum(r["citizens"] for r in rows)
    return (f"{grouped(sessions)} hội nghị, lớp; {grouped(attending)}/{grouped(members)} đảng viên tham gia, "
            f"đạt {pct(attending, members)}%; {grouped(citizens)} lượt quần chúng")


# -- rendered once ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fixture_outputs(fixture_content) -> dict[str, str | bytes]:
    return {o.path: o.content for o in site_outputs(fixture_content, settings(TODAY, FIXTURE_CONTENT))}


def page_rows(markdown: str) -> list[dict[str, str]]:
    """Each organisation's card on the page: its name and each fact (dt → dd) as the reader sees it."""
    rows = []
    for card in re.findall(r'<article class="nq-org".*?</article>', markdown, re.S):
        name = re.search(r'<h3 class="nq-org__name">(.*?)</h3>', card).group(1)
        facts = dict(re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", card, re.S))
        rows.append({"name": html.unescape(name), **facts})
    return rows


def test_vietnamese_numbers() -> None:
    from generator.text import vn_number

    assert vn_number(35599) == "35.599"
    assert vn_number(5806) == "5.806"
    assert vn_number(Decimal("99.1615"), 2) == "99,16"
    assert vn_number(Decimal("99.165"), 2) == "99,17"  # half up, as by hand
    assert vn_number(100, 2) == "100,00"
    assert vn_number(1234567) == "1.234.567"


def test_fixture_register_is_large_enough_to_mean_something() -> None:
    orgs = register()["organisations"]
    assert len(orgs) >= 8
    assert 2 <= len({o["kind"] for o in orgs}) <= 3
    rows = expected_rows()
    assert any(r["plan"] is None for r in rows) and any(r["report"] is None for r in rows)


def test_page_totals_equal_the_yaml_summed_by_hand(fixture_outputs) -> None:
    page = fixture_outputs[PAGE]
    rows = expected_rows()
    assert f'<p class="nq-summary">{board_sentence(rows)}.</p>' in page
    plans = sum(r["plan"] is not None for r in rows)
    reports = sum(r["report"] is not None for r in rows)
    assert (f"{plans}/{len(rows)} tổ chức đã ban hành kế hoạch thực hiện; "
            f"{reports}/{len(rows)} tổ chức đã gửi báo cáo.") in page


def test_page_figures_by_kind_equal_the_yaml(fixture_outputs) -> None:
    page = fixture_outputs[PAGE]
    rows = expected_rows()
    for kind in register()["kinds"]:
        of_kind = [r for r in rows if r["kind"] == kind]
        section = re.search(rf"<h3>Loại: {re.escape(kind)} \((\d+) tổ chức\)</h3>\s*<p>(.*?)</p>", page)
        assert section, kind
        assert int(section.group(1)) == len(of_kind)
        assert section.group(2) == board_sentence(of_kind) + "."


def test_one_card_per_organisation_with_its_own_figures(fixture_outputs) -> None:
    cards = page_rows(fixture_outputs[PAGE])
    rows = expected_rows()
    assert [c["name"] for c in cards] == [r["name"] for r in rows]
    for card, row in zip(cards, rows, strict=True):
        assert card["Hội nghị, lớp"] == grouped(row["sessions"])
        assert card["Đảng viên tham gia"] == (f"{grouped(row['attending'])}/{grouped(row['members'])}, "
                                              f"đạt {pct(row['attending'], row['members'])}%")
        assert card["Quần chúng"] == f"{grouped(row['citizens'])} lượt"
        for key, label in (("plan", "Kế hoạch"), ("report", "Báo cáo")):
            if row[key] is None:
                assert card[label] == "chưa ghi nhận"
            else:
                assert row[key]["document"] in card[label]
                assert doc_date(row[key]["date"]) in card[label]


def test_milestones_name_who_has_not_recorded_in_neutral_words(fixture_outputs) -> None:
    page = fixture_outputs[PAGE]
    rows = expected_rows()
    units = yaml.safe_load((FIXTURE_CONTENT / "to-chuc-thuc-hien.yml").read_text(encoding="utf-8"))["units"]
    tracked = [a for u in units for a in u.get("assignments", []) if a.get("tracks")]
    assert {a["tracks"] for a in tracked} == {"plans", "reports"}, "fixture tracks both kinds of milestone"
    for assignment in tracked:
        key = "plan" if assignment["tracks"] == "plans" else "report"
        due = assignment["deadline"]["date"]
        on_time = [r for r in rows if r[key] and r[key]["date"] <= due]
        missing = [r["name"] for r in rows if r[key] is None]
        section = re.search(rf'<time datetime="{due.isoformat()}">.*?</section>', page, re.S)
        assert section, due
        assert f"{len(on_time)}/{len(rows)} tổ chức" in section.group()
        listed = re.search(r"Chưa ghi nhận [^:]*: (.*?)</p>", section.group())
        assert listed and re.findall(r"\[([^\]]+)\]", listed.group(1)) == missing
    assert "quá hạn" not in page


def test_a_report_recorded_after_its_milestone_is_listed_with_its_date(fixture_outputs) -> None:
    rows = expected_rows()
    units = yaml.safe_load((FIXTURE_CONTENT / "to-chuc-thuc-hien.yml").read_text(encoding="utf-8"))["units"]
    due = next(a for u in units for a in u.get("assignments", []) if a.get("tracks") == "reports")["deadline"]["date"]
    late = [r for r in rows if r["report"] and r["report"]["date"] > due]
    assert late, "fixture needs a report recorded after its milestone"
    page = fixture_outputs[PAGE]
    for row in late:
        assert f"{row['name']}]" in page and doc_date(row["report"]["date"]) in page


def test_csv_opens_in_vietnamese_and_matches_the_page_row_for_row(fixture_outputs) -> None:
    raw = fixture_outputs[CSV_FILE]
    assert isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = table[0], table[1:]
    assert header[0] == "Tên tổ chức" and "Lượt quần chúng" in header
    cards = page_rows(fixture_outputs[PAGE])
    assert len(body) == len(cards)
    column = {name: index for index, name in enumerate(header)}
    for record, card, row in zip(body, cards, expected_rows(), strict=True):
        assert record[column["Tên tổ chức"]] == card["name"] == row["name"]  # “Đồng Tâm”, not mojibake
        assert record[column["Số hội nghị, lớp"]] == card["Hội nghị, lớp"]
        assert card["Đảng viên tham gia"].startswith(f"{record[column['Đảng viên tham gia']]}/{record[column['Số đảng viên']]}")
        assert f"đạt {record[column['Tỷ lệ tham gia (%)']]}%" in card["Đảng viên tham gia"]
        assert card["Quần chúng"] == f"{record[column['Lượt quần chúng']]} lượt"
        assert (record[column["Báo cáo"]] or "chưa ghi nhận") in card["Báo cáo"]
        assert (record[column["Kế hoạch"]] or "chưa ghi nhận") in card["Kế hoạch"]
    assert raw.count(b"\r\n") == len(table)


def test_json_for_the_portal_carries_the_same_figures(fixture_outputs) -> None:
    data = json.loads(fixture_outputs[JSON_FILE])
    rows = expected_rows()
    assert [o["name"] for o in data["organisations"]] == [r["name"] for r in rows]
    assert data["totals"]["members_total"] == sum(r["members"] for r in rows)
    assert data["totals"]["members_attending"] == sum(r["attending"] for r in rows)
    assert data["totals"]["citizens"] == sum(r["citizens"] for r in rows)
    assert data["totals"]["sessions"] == sum(r["sessions"] for r in rows)


def test_timeline_counts_organisations_on_the_tracked_milestones(fixture_outputs, fixture_content) -> None:
    rows = expected_rows()
    reports = sum(r["report"] is not None for r in rows)
    timeline = fixture_outputs["lich-thuc-hien.md"]
    assert f"{reports}/{len(rows)} tổ chức đã gửi báo cáo" in timeline
    item = next(i for i in due_items(fixture_content, TODAY) if i.assignment.tracks == "reports")
    assert item.status == "passed", "not every organisation has reported: the calendar decides"


def test_milestone_is_done_when_every_organisation_has_recorded(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    for path in (content / "to-chuc-co-so").glob("*.yml"):
        if "report:" not in path.read_text(encoding="utf-8"):
            with path.open("a", encoding="utf-8") as file:
                file.write("report:\n  document: Báo cáo số 09-BC/CB\n  date: 2025-03-19\n")
    reg = register(content)
    recorded = set(records(content))
    for org in reg["organisations"]:
        if org["name"] not in recorded:  # an organisation without a file gets one
            (content / "to-chuc-co-so" / "them.yml").write_text(
                f"organisation: {org['name']}\nreport:\n  document: Báo cáo số 10-BC/CB\n  date: 2025-03-19\n",
                encoding="utf-8")
    loaded = load_content(content, today=TODAY)
    item = next(i for i in due_items(loaded, TODAY) if i.assignment.tracks == "reports")
    assert item.tally is not None and item.tally.recorded == item.tally.total == len(reg["organisations"])
    assert item.status == "done"
    plans = next(i for i in due_items(loaded, TODAY) if i.assignment.tracks == "plans")
    assert plans.status == "passed"


def test_organisations_under_another_are_not_expected_at_milestones(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    text = (content / "to-chuc-co-so.yml").read_text(encoding="utf-8")
    child = "Chi bộ Trường Mầm non Minh Hòa"
    parent = "Chi bộ Trường Tiểu học Minh Hòa"
    text = text.replace(f"  - name: {child}\n", f"  - name: {child}\n    parent: {parent}\n")
    (content / "to-chuc-co-so.yml").write_text(text, encoding="utf-8")
    loaded = load_content(content, today=TODAY)
    page = next(p.markdown for p in render_pages(loaded, settings(TODAY, content)) if p.path == PAGE)
    assert f"trực thuộc {parent}" in page
    missing = re.findall(r"Chưa ghi nhận [^:]*: (.*?)</p>", page)
    assert missing and all(child not in line for line in missing)
    expected = len(register(content)["organisations"]) - 1
    assert all(f"/{expected} tổ chức" in s for s in re.findall(r"Đến ngày [^:]*: \d+/\d+ tổ chức", page))


def test_an_empty_register_turns_the_page_off(fixture_copy: Path) -> None:
    """The fixture with its register emptied (``organisations: []``, no result files), as the district's is today."""
    emptied = dict(register(fixture_copy), organisations=[])
    (fixture_copy / REG).write_text(yaml.safe_dump(emptied, allow_unicode=True), encoding="utf-8")
    shutil.rmtree(fixture_copy / "to-chuc-co-so")
    content = load_content(fixture_copy)
    assert content.grassroots.kinds and not content.grassroots.organisations
    outputs = {o.path: o.content for o in site_outputs(content, settings(TODAY, fixture_copy))}
    assert PAGE not in outputs, "no page that only says there is nothing yet (registry.has_register)"
    assert CSV_FILE not in outputs and JSON_FILE not in outputs, "the page's exports go with it (no empty file)"
    assert "tổ chức đã" not in outputs["lich-thuc-hien.md"], "no count without a register"


# -- validation: each rule, with file and line, through the real build --------------------------

def _with_fixture_register(project: Path) -> Path:
    """A project copy's content (the fixture's: it carries the register and its result files)."""
    content = project / "content"
    assert (content / REG).is_file() and list((content / "to-chuc-co-so").glob("*.yml"))
    return content


def _edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text[:index].count("\n") + 1


REG = "to-chuc-co-so.yml"
DONG_TAM = "to-chuc-co-so/chi-bo-thon-dong-tam.yml"


def _date_before_plan(content: Path) -> tuple[str, int, str]:
    line = _edit(content / DONG_TAM, "  - date: 2025-03-05", "  - date: 2024-12-01")
    return DONG_TAM, line, "trước ngày ban hành Kế hoạch"  # the fixture's plan is dated (ke-hoach.yml `date:`)


def _date_after_build(content: Path) -> tuple[str, int, str]:
    line = _edit(content / DONG_TAM, "  date: 2025-03-18", "  date: 2099-01-05")  # after any build date
    return DONG_TAM, line, "sau ngày xây dựng trang"


def _attendance_above_members(content: Path) -> tuple[str, int, str]:
    line = _edit(content / DONG_TAM, "    members: 40", "    members: 43")  # one session: reported at its line
    return DONG_TAM, line, "nhiều hơn số đảng viên của tổ chức"


def _unknown_parent(content: Path) -> tuple[str, int, str]:
    line = _edit(content / REG, "  - name: Chi bộ Công an xã\n",
                 "  - name: Chi bộ Công an xã\n    parent: Chi bộ thôn Đồng Tam\n") + 1
    return REG, line, "có phải ý bạn là “Chi bộ thôn Đồng Tâm”"


def _unknown_organisation(content: Path) -> tuple[str, int, str]:
    line = _edit(content / DONG_TAM, "organisation: Chi bộ thôn Đồng Tâm", "organisation: Chi bo thon Dong Tam")
    return DONG_TAM, line, "có phải ý bạn là “Chi bộ thôn Đồng Tâm”"


def _duplicate_organisation(content: Path) -> tuple[str, int, str]:
    text = (content / REG).read_text(encoding="utf-8")
    line = text.count("\n") + 1
    (content / REG).write_text(text + "  - name: Chi bộ thôn Tân Lập\n    kind: chi bộ thôn\n    members: 38\n",
                               encoding="utf-8")
    return REG, line, "có hai lần trong sổ"


def _duplicate_result_file(content: Path) -> tuple[str, int, str]:
    shutil.copy(content / DONG_TAM, content / "to-chuc-co-so/zz-dong-tam-ban-sao.yml")
    return "to-chuc-co-so/zz-dong-tam-ban-sao.yml", 3, "đã có tệp kết quả"


def _unknown_kind(content: Path) -> tuple[str, int, str]:
    line = _edit(content / REG, "    kind: chi bộ cơ quan\n    members: 12", "    kind: chi bộ co quan\n    members: 12")
    return REG, line, "có phải ý bạn là “chi bộ cơ quan”"


RULES = [_date_before_plan, _date_after_build, _attendance_above_members, _unknown_parent, _unknown_organisation,
         _duplicate_organisation, _duplicate_result_file, _unknown_kind]


def test_fixture_register_loads_in_a_project_copy(tmp_path: Path) -> None:
    """The bad inputs below differ from this good one by one edit each."""
    content = _with_fixture_register(copy_project(tmp_path / "project"))
    assert load_content(content, today=TODAY).grassroots.organisations


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__.strip("_"))
def test_each_rule_rejects_with_file_and_line(tmp_path: Path, rule) -> None:
    content = _with_fixture_register(copy_project(tmp_path / "project"))
    file, line, words = rule(content)
    with pytest.raises(ContentError) as caught:
        load_content(content, today=TODAY)
    problems = [p for p in caught.value.problems if p.file.endswith(file)]
    assert problems, str(caught.value)
    assert any(p.line == line and words in p.message_vi for p in problems), str(caught.value)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__.strip("_"))
def test_each_rule_stops_the_build_and_leaves_the_site(tmp_path: Path, rule) -> None:
    project = copy_project(tmp_path / "project")
    content = _with_fixture_register(project)
    file, line, words = rule(content)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("bản cũ", encoding="utf-8")
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode != 0
    assert f"{file}:{line}" in result.stderr and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"


def test_fixture_site_links_and_exports_resolve(tmp_path: Path) -> None:
    """Built with the fixture register: milestone links, the card anchors and the export links all lead somewhere."""
    from .test_links import Site

    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    address = yaml.safe_load((FIXTURE_CONTENT / "cai-dat.yml").read_text(encoding="utf-8"))["base_url"]
    broken = Site.read(site, address).broken_links()
    mine = [b for b in broken if b.startswith(("ket-qua-thuc-hien/", "lich-thuc-hien/", "don-vi/"))]
    assert mine == []
    assert (site / CSV_FILE).read_bytes().startswith(b"\xef\xbb\xbf")
    timeline = (site / "lich-thuc-hien" / "index.html").read_text(encoding="utf-8")
    assert "ket-qua-thuc-hien/#theo-moc-thoi-han" in timeline
