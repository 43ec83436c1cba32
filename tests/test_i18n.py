"""A second language edition (issue 24): the interface catalogue, translation overlays, the /en/ edition.

The fixture commune (tests/fixtures/xa-mau) carries English overlays for three files (content/en/: settings,
summary, targets to 2030), written for these tests. Its own settings keep one edition, so that every other
fixture build stays as it was; the tests here copy it and turn on ``languages: [vi, en]`` (or ``hmn``).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator.content import ContentError, load_content
from generator.content.overlay import overlay_content, text_hash
from generator.editor.translations import notes
from generator.theme import i18n

from .conftest import FIXTURE, ROOT, build_site, replace_once

OVERLAYS = FIXTURE / "content" / "en"
SITE_URL = yaml.safe_load((FIXTURE / "content" / "cai-dat.yml").read_text(encoding="utf-8"))["base_url"]
SITE_PATH = urlsplit(SITE_URL).path
REPO = "https://github.com/example/xa-mau"
TARGETS_FILE = "muc-tieu/2030.yml"
"""The first horizon's file, and its English overlay's path under content/en/."""


def bilingual_project(target: Path, languages: str = "[vi, en]") -> Path:
    """A project folder (mkdocs.yml, docs/) around a copy of the fixture's content with ``languages`` set."""
    target.mkdir(parents=True)
    shutil.copytree(FIXTURE / "content", target / "content")
    for name in ("docs", "huong-dan-bien-tap"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, target / name)
    replace_once(target / "content" / "cai-dat.yml", "\nlevel:", f"\nlanguages: {languages}\nlevel:")
    return target


def overlay(name: str) -> dict:
    return yaml.safe_load((OVERLAYS / name).read_text(encoding="utf-8"))


# -- the interface catalogue --------------------------------------------------------------------------------


def test_every_key_the_templates_use_has_an_english_entry():
    """The lint of the catalogue: keys (the Vietnamese text) with no English, "fuzzy" ones, entries no one uses."""
    keys = i18n.used_keys()
    assert "Trang chủ" in keys and "Cơ quan chủ quản:" in keys  # a page template's and a theme partial's
    report = i18n.check_catalogue("en", keys)
    assert list(i18n.report_lines(report)) == []


def test_catalogue_check_names_an_untranslated_key(tmp_path):
    template = tmp_path / "x.md.j2"
    template.write_text('# {{ _("Một câu chưa có trong bản dịch") }}\n', encoding="utf-8")
    keys = {**i18n.used_keys(), **{k: [f"x.md.j2:{n}"] for k, n in [("Một câu chưa có trong bản dịch", 1)]}}
    report = i18n.check_catalogue("en", keys)
    assert list(report.untranslated) == ["Một câu chưa có trong bản dịch"]
    assert "chưa dịch" in next(i18n.report_lines(report))


def test_every_word_a_script_writes_is_in_the_scripts_table():
    """The scripts write ``t("Vietnamese")``; the table on their tag (partials/script-words.html) has the same keys,
    each translated through the catalogue."""
    calls = set()
    for script in (ROOT / "generator" / "theme" / "docs" / "assets").glob("*.js"):
        calls |= set(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', script.read_text(encoding="utf-8")))
    table = (ROOT / "generator" / "theme" / "overrides" / "partials" / "script-words.html").read_text(encoding="utf-8")
    keys = set(re.findall(r'^  "((?:[^"\\]|\\.)*)": _\("\1"', table, re.M))
    assert len(calls) > 20 and calls == keys
    assert keys <= set(i18n.used_keys())


def test_translator_falls_back_to_the_vietnamese_key():
    catalogue = i18n.catalogue("en")
    assert catalogue is not None
    english = catalogue.get("Trang chủ").string
    assert i18n.translator("en").gettext("Trang chủ") == english != "Trang chủ"
    assert i18n.translator("vi").gettext("Trang chủ") == "Trang chủ"
    assert i18n.translator("hmn").gettext("Trang chủ") == "Trang chủ"
    assert i18n.missing_catalogue_warning("en") is None
    assert "hmn" in i18n.missing_catalogue_warning("hmn") and i18n.missing_catalogue_warning("hmn").startswith("CẢNH BÁO")


# -- overlays -------------------------------------------------------------------------------------------------


@pytest.fixture
def bilingual_content(tmp_path):
    return bilingual_project(tmp_path / "project") / "content"


def test_overlay_replaces_text_and_keeps_numbers(bilingual_content):
    content = load_content(bilingual_content)
    english, records = overlay_content(content, "en", "content")
    targets = overlay(TARGETS_FILE)
    first = targets["paragraphs"][0]["indicators"][0]
    original = next(i for p in content.horizons[0].paragraphs for i in p.indicators if i.id == first["id"])
    translated = next(i for p in english.horizons[0].paragraphs for i in p.indicators if i.id == first["id"])
    assert translated.title == first["title"] != original.title
    assert (translated.value, translated.comparator, translated.measurements[0].value) == \
        (original.value, original.comparator, original.measurements[0].value)
    assert english.settings.site_name == overlay("cai-dat.yml")["site_name"]
    assert records[TARGETS_FILE].complete and records[TARGETS_FILE].unofficial
    assert not records["tom-tat.yml"].complete  # the quotations are left in Vietnamese
    assert not records["quan-diem.yml"].complete and records["quan-diem.yml"].overlay is None


def test_overlay_may_not_change_a_number(bilingual_content):
    path = bilingual_content / "en" / TARGETS_FILE
    line = replace_once(path, "heading: 1.2. Targets", "year: 2031\nheading: 1.2. Targets")
    with pytest.raises(ContentError) as caught:
        overlay_content(load_content(bilingual_content), "en", "content")
    problem = caught.value.problems[0]
    assert problem.file.endswith("en/" + TARGETS_FILE) and problem.line == line and "year" in problem.message_vi


def test_translation_of_the_document_must_say_unofficial(bilingual_content):
    path = bilingual_content / "en" / TARGETS_FILE
    replace_once(path, "  unofficial: true\n", "")
    with pytest.raises(ContentError) as caught:
        overlay_content(load_content(bilingual_content), "en", "content")
    assert "unofficial: true" in caught.value.problems[0].message_vi


def test_recorded_hashes_match_the_originals(bilingual_content):
    content = load_content(bilingual_content)
    assert notes(content, "content") == [n for n in notes(content, "content") if "chưa dịch" in n.message]
    recorded = overlay(TARGETS_FILE)["translation"]["source"]
    assert recorded["heading"] == text_hash(content.horizons[0].heading)


def test_lint_warns_when_the_original_changed(bilingual_content):
    """Changing an original paragraph makes lint report its translation stale."""
    from generator.editor.lint import lint

    original = load_content(bilingual_content).horizons[0].paragraphs[1].text
    replace_once(bilingual_content / TARGETS_FILE, "cán bộ, công chức xã được bồi dưỡng kỹ năng số.",
                 "cán bộ, công chức xã được bồi dưỡng kỹ năng số hằng năm.")
    assert load_content(bilingual_content).horizons[0].paragraphs[1].text != original
    stale = [f for f in lint(bilingual_content) if "đã đổi sau khi dịch" in f.message]
    assert len(stale) == 1 and stale[0].severity == "warning"
    assert stale[0].file.endswith("en/" + TARGETS_FILE) and "paragraphs.1.text" in stale[0].message
    assert stale[0].line == 3  # the `translation:` line, below the two comment lines


def test_lint_names_a_stray_translation_file(bilingual_content):
    from generator.editor.lint import lint

    (bilingual_content / "en" / "tom-tat.yaml").write_text("title: Summary\n", encoding="utf-8")
    stray = [f for f in lint(bilingual_content) if f.file.endswith("en/tom-tat.yaml")]
    assert len(stray) == 1 and stray[0].severity == "warning" and "tom-tat.yml" in stray[0].fix


def test_stamp_records_the_new_original(bilingual_content):
    from generator.editor.translations import stamp

    replace_once(bilingual_content / TARGETS_FILE, "cán bộ, công chức xã được bồi dưỡng kỹ năng số.",
                 "cán bộ, công chức xã được bồi dưỡng kỹ năng số hằng năm.")
    content = load_content(bilingual_content)
    assert any("đã đổi" in n.message for n in notes(content, "content"))
    written = stamp(content, bilingual_content)
    assert bilingual_content / "en" / TARGETS_FILE in written
    assert not any("đã đổi" in n.message for n in notes(load_content(bilingual_content), "content"))


def test_languages_must_start_with_vietnamese(fixture_copy):
    replace_once(fixture_copy / "cai-dat.yml", "\nlevel:", "\nlanguages: [en, vi]\nlevel:")
    with pytest.raises(ContentError) as caught:
        load_content(fixture_copy)
    assert "languages" in str(caught.value) and "vi" in str(caught.value)


# -- the built bilingual site ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory) -> Path:
    project = bilingual_project(tmp_path_factory.mktemp("i18n") / "project")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml", env={"REPO_URL": REPO})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pages(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("index.html")
            if not p.relative_to(folder).as_posix().startswith("en/")}


def html_lang(page: Path) -> str:
    return re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8")).group(1)


def alternates(page: Path) -> dict[str, str]:
    text = page.read_text(encoding="utf-8")
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))


def local(site: Path, url: str) -> Path:
    """The built file of a published address (``https://…/xa-mau/en/x/`` → ``site/en/x/index.html``)."""
    path = urlsplit(url).path
    assert path.startswith(SITE_PATH), url
    return site / path.removeprefix(SITE_PATH) / "index.html"


def test_every_page_exists_in_english(bilingual_site):
    vietnamese = pages(bilingual_site)
    english = pages(bilingual_site / "en")
    assert len(vietnamese) > 20
    assert english == vietnamese


def test_lang_attributes(bilingual_site):
    for page in ("index.html", "muc-tieu-2030/index.html", "trac-nghiem/index.html"):
        assert html_lang(bilingual_site / page) == "vi"
        assert html_lang(bilingual_site / "en" / page) == "en"


def test_hreflang_pairs_are_reciprocal(bilingual_site):
    for page in sorted(pages(bilingual_site)):
        vi_page = bilingual_site / page
        links = alternates(vi_page)
        if not links:  # the light pages (quiz, slides) and the editors' page carry no Material head
            continue
        assert set(links) == {"vi", "en", "x-default"}, page
        assert local(bilingual_site, links["vi"]) == vi_page
        en_page = local(bilingual_site, links["en"])
        assert en_page == bilingual_site / "en" / page and en_page.is_file()
        assert alternates(en_page) == links, page


def test_switcher_goes_to_the_same_page(bilingual_site):
    """A relative link (it works on any host and in a preview) to this very page in the other edition."""
    for page in ("index.html", "muc-tieu-2030/index.html", "quan-diem-chi-dao/index.html"):
        address = SITE_URL + page.removesuffix("index.html")
        vi_text = (bilingual_site / page).read_text(encoding="utf-8")
        switch = re.search(r'<nav class="nq-editions"[^>]*>(.*?)</nav>', vi_text, re.S).group(1)
        href = re.search(r'href="([^"]+)" hreflang="en" lang="en"', switch).group(1)
        assert not urlsplit(href).netloc
        assert local(bilingual_site, urljoin(address, href)) == bilingual_site / "en" / page
        en_text = (bilingual_site / "en" / page).read_text(encoding="utf-8")
        back = re.search(r'<nav class="nq-editions"[^>]*>.*?href="([^"]+)" hreflang="vi" lang="vi"', en_text, re.S)
        en_address = SITE_URL + "en/" + page.removesuffix("index.html")
        assert local(bilingual_site, urljoin(en_address, back.group(1))) == bilingual_site / page


def test_english_pages_read_english(bilingual_site):
    settings = overlay("cai-dat.yml")
    home = (bilingual_site / "en" / "index.html").read_text(encoding="utf-8")
    targets = (bilingual_site / "en" / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")
    english = i18n.translator("en")
    assert settings["site_name"] in home and english.gettext("Các mục") in home
    assert settings["governing_body"] in home and english.gettext("Cơ quan chủ quản:") in home
    assert overlay(TARGETS_FILE)["paragraphs"][0]["title"] in targets
    body = re.search(r"data-pagefind-body>(.*?)</article>", targets, re.S).group(1)
    fixed = [key for key in i18n.used_keys() if "%(" not in key and len(key) > 12]
    assert not [key for key in fixed if key in body]  # no Vietnamese interface sentence on the English page
    vi_home = (bilingual_site / "index.html").read_text(encoding="utf-8")
    assert "Các mục" in vi_home and settings["site_name"] not in vi_home


def test_numbers_and_dates_follow_the_language(bilingual_site):
    """CLDR's formats in English (decimal point, month names); the Vietnamese edition's stay as they were."""
    from datetime import date

    from generator.text import doc_date

    content = load_content(FIXTURE / "content")
    value = next(m.value for p in content.horizons[0].paragraphs for i in p.indicators for m in i.measurements
                 if m.value != int(m.value))
    vi_text = (bilingual_site / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")
    en_text = (bilingual_site / "en" / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")
    assert f"{value:g}".replace(".", ",") in vi_text and f"{value:g}".replace(".", ",") not in en_text
    assert f"{value:g}" in en_text
    today = date(2025, 11, 28)  # SOURCE_DATE_EPOCH of build_site, in the site's time zone
    timeline_vi = (bilingual_site / "lich-thuc-hien" / "index.html").read_text(encoding="utf-8")
    timeline_en = (bilingual_site / "en" / "lich-thuc-hien" / "index.html").read_text(encoding="utf-8")
    assert doc_date(today) in timeline_vi and "November 28, 2025" in timeline_en


def test_scripts_get_their_words_on_english_pages_only(bilingual_site):
    en_quiz = (bilingual_site / "en" / "trac-nghiem" / "index.html").read_text(encoding="utf-8")
    words = json.loads(re.search(r"<script src=\"[^\"]*quiz\.js\" data-nq-words='([^']*)'", en_quiz).group(1))
    assert words["Trả lời"] == i18n.translator("en").gettext("Trả lời") != "Trả lời"
    assert words["Câu %(n)s/%(total)s."].count("%(") == 2  # the script fills the placeholders in
    assert "data-nq-words" not in (bilingual_site / "trac-nghiem" / "index.html").read_text(encoding="utf-8")


def test_untranslated_pages_are_marked(bilingual_site):
    english = i18n.translator("en")
    partial = english.gettext("Bản dịch chưa đầy đủ: phần chưa dịch hiện bằng tiếng Việt.")
    unofficial = english.gettext("Bản dịch không chính thức. Văn bản có giá trị là bản tiếng Việt:")
    viewpoints = (bilingual_site / "en" / "quan-diem-chi-dao" / "index.html").read_text(encoding="utf-8")
    targets = (bilingual_site / "en" / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")
    assert partial in viewpoints  # no overlay for quan-diem.yml
    assert unofficial in targets and partial not in targets  # a complete, unofficial translation of the document
    for page in ("index.html", "quan-diem-chi-dao/index.html", "muc-tieu-2030/index.html"):
        text = (bilingual_site / page).read_text(encoding="utf-8")
        assert "nq-translation-note" not in text


def test_each_edition_has_its_own_search_index(bilingual_site):
    def languages(folder: Path) -> dict:
        return json.loads((folder / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]

    vietnamese, english = languages(bilingual_site), languages(bilingual_site / "en")
    assert set(vietnamese) == {"vi"}
    assert "en" in english and english["en"]["page_count"] > 20
    assert english.get("vi", {"page_count": 0})["page_count"] <= 1  # the editors' page (its interface is Vietnamese)


def test_a_language_without_a_catalogue_builds_with_a_warning(tmp_path):
    project = bilingual_project(tmp_path / "project", "[vi, hmn]")
    site = project / "site"
    result = build_site(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "“hmn”" in result.stderr and "CẢNH BÁO" in result.stderr
    home = site / "hmn" / "index.html"
    assert html_lang(home) == "hmn"
    assert "Các mục" in home.read_text(encoding="utf-8")  # the Vietnamese interface
    assert "hmn" in alternates(site / "index.html")


def test_edit_links_of_the_english_edition_open_the_translation(bilingual_site):
    """The English page's edit button opens the overlay, or starts it when there is none yet."""
    def edit_link(page: Path) -> str:
        return re.search(r'href="(https://github\.com/example/xa-mau/[^"]+)"', page.read_text(encoding="utf-8")).group(1)

    assert edit_link(bilingual_site / "muc-tieu-2030" / "index.html") == f"{REPO}/edit/main/content/{TARGETS_FILE}"
    assert edit_link(bilingual_site / "en" / "muc-tieu-2030" / "index.html") == \
        f"{REPO}/edit/main/content/en/{TARGETS_FILE}"
    assert not (OVERLAYS / "quan-diem.yml").exists()
    assert edit_link(bilingual_site / "en" / "quan-diem-chi-dao" / "index.html") == \
        f"{REPO}/new/main/content/en?filename=quan-diem.yml"
