"""A second language edition (issue 24): the interface catalogue, translation overlays, the /en/ edition.

The fixture commune (tests/fixtures/xa-mau) carries a complete English edition (content/en/: an overlay for every
content file), written for these tests. Its own settings keep one edition, so that every other fixture build stays
as it was; the tests here copy it and turn on ``languages: [vi, en]`` (or ``hmn``, which has no translation: every
page of that edition shows the fallback).
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from html.parser import HTMLParser
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
UNTRANSLATED = "quan-diem.yml"
"""An overlay a test takes away, to see the Vietnamese fallback."""


def bilingual_project(target: Path, languages: str = "[vi, en]", without: tuple[str, ...] = ()) -> Path:
    """A project folder (mkdocs.yml, docs/) around a copy of the fixture's content with ``languages`` set, and
    without the English overlays named in ``without``."""
    target.mkdir(parents=True)
    shutil.copytree(FIXTURE / "content", target / "content")
    for name in without:
        (target / "content" / "en" / name).unlink()
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


def test_the_fixture_edition_is_complete(bilingual_content):
    """Every content file has an English overlay translating all its text, bar the register's party cells' names:
    proper names that each cell's results file (to-chuc-co-so/*.yml) names its cell by."""
    from generator.content.loader import content_files

    records = overlay_content(load_content(bilingual_content), "en", "content")[1]
    assert {e.name for e in content_files()} | {TARGETS_FILE, "muc-tieu/2045.yml"} <= set(records)
    assert {name: r.untranslated for name, r in records.items() if r.overlay is None} == {}
    incomplete = {name: r.untranslated for name, r in records.items() if not r.complete}
    names = len(yaml.safe_load((FIXTURE / "content" / "to-chuc-co-so.yml").read_text(encoding="utf-8"))["organisations"])
    assert incomplete == {"to-chuc-co-so.yml": [f"organisations.{n}.name" for n in range(names)]}


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
    (bilingual_content / "en" / UNTRANSLATED).unlink()
    records = overlay_content(content, "en", "content")[1]
    assert not records[UNTRANSLATED].complete and records[UNTRANSLATED].overlay is None


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
    for page in ("index.html", "muc-tieu-2030/index.html", "trac-nghiem/index.html", "trinh-chieu/index.html"):
        assert html_lang(bilingual_site / page) == "vi"
        assert html_lang(bilingual_site / "en" / page) == "en"


def test_hreflang_pairs_are_reciprocal(bilingual_site):
    for page in sorted(pages(bilingual_site)):
        vi_page = bilingual_site / page
        links = alternates(vi_page)
        if page.startswith("bien-tap/quan-tri/"):  # the browser editor's page: Decap's, in Vietnamese only
            continue
        assert set(links) == {"vi", "en", "x-default"}, page
        assert local(bilingual_site, links["vi"]) == vi_page
        en_page = local(bilingual_site, links["en"])
        assert en_page == bilingual_site / "en" / page and en_page.is_file()
        assert alternates(en_page) == links, page


def test_switcher_goes_to_the_same_page(bilingual_site):
    """A relative link (it works on any host and in a preview) to this very page in the other edition."""
    for page in ("index.html", "muc-tieu-2030/index.html", "quan-diem-chi-dao/index.html",
                 "trac-nghiem/index.html", "trinh-chieu/index.html"):  # the last two: light pages (nq-light.html)
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


def test_translated_pages_are_marked(bilingual_site):
    english = i18n.translator("en")
    partial = english.gettext("Bản dịch chưa đầy đủ: phần chưa dịch hiện bằng tiếng Việt.")
    unofficial = english.gettext("Bản dịch không chính thức. Văn bản có giá trị là bản tiếng Việt:")
    viewpoints = (bilingual_site / "en" / "quan-diem-chi-dao" / "index.html").read_text(encoding="utf-8")
    targets = (bilingual_site / "en" / "muc-tieu-2030" / "index.html").read_text(encoding="utf-8")
    glossary = (bilingual_site / "en" / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    for text in (viewpoints, targets):  # complete, unofficial translations of the document
        assert unofficial in text and partial not in text
    assert unofficial not in glossary and partial not in glossary  # the editors' own text, translated
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
    result = build_site(site, config=project / "mkdocs.yml", env={"REPO_URL": REPO})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "“hmn”" in result.stderr and "CẢNH BÁO" in result.stderr
    home = site / "hmn" / "index.html"
    assert html_lang(home) == "hmn"
    assert "Các mục" in home.read_text(encoding="utf-8")  # the Vietnamese interface
    assert "hmn" in alternates(site / "index.html")
    viewpoints = (site / "hmn" / "quan-diem-chi-dao" / "index.html").read_text(encoding="utf-8")
    assert "Bản dịch chưa đầy đủ: phần chưa dịch hiện bằng tiếng Việt." in viewpoints  # no overlay in hmn/
    edit = re.search(r'href="(https://github\.com/example/xa-mau/[^"]+)"', viewpoints).group(1)
    assert edit == f"{REPO}/new/main/content/hmn?filename={UNTRANSLATED}"  # starts the translation


def test_edit_links_of_the_english_edition_open_the_translation(bilingual_site):
    """The English page's edit button opens the overlay (one with none starts it: the ``hmn`` test)."""
    def edit_link(page: Path) -> str:
        return re.search(r'href="(https://github\.com/example/xa-mau/[^"]+)"', page.read_text(encoding="utf-8")).group(1)

    assert edit_link(bilingual_site / "muc-tieu-2030" / "index.html") == f"{REPO}/edit/main/content/{TARGETS_FILE}"
    assert edit_link(bilingual_site / "en" / "muc-tieu-2030" / "index.html") == \
        f"{REPO}/edit/main/content/en/{TARGETS_FILE}"
    assert edit_link(bilingual_site / "en" / "quan-diem-chi-dao" / "index.html") == \
        f"{REPO}/edit/main/content/en/{UNTRANSLATED}"


# -- no Vietnamese on an English page, outside what is marked lang="vi" ----------------------------------------------

VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[aeiouyAEIOUY][\u0302\u0306\u031b]?[\u0300\u0301\u0303\u0309\u0323]")
"""A letter only Vietnamese writes (looked for in the NFD form, where a tone is a combining mark after its vowel)."""
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
UNSEEN = frozenset({"script", "style", "template", "noscript"})


class _OutsideVietnamese(HTMLParser):
    """The text of a page's <body> outside elements marked ``lang="vi"`` (and outside scripts and styles)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped: inside lang="vi" or a script)
        self.body = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.body = True
        if tag in VOID:
            return
        skipped = bool(self.stack and self.stack[-1][1]) or tag in UNSEEN or dict(attrs).get("lang") == "vi"
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.body and not (self.stack and self.stack[-1][1]):
            self.text.append(data)


def vietnamese_words(text: str) -> set[str]:
    return {word for word in re.split(r"[\s()\[\]{}“”\"'.,;:!?«»]+", text)
            if VIETNAMESE.search(unicodedata.normalize("NFD", word))}


def test_english_pages_carry_no_vietnamese_outside_lang_vi(bilingual_site):
    """The interface comes from the catalogue, content from the overlays; what stays Vietnamese (an untranslated
    file, a proper name the translation keeps, the switcher's "Tiếng Việt") is marked ``lang="vi"``. The only words
    allowed outside it are those the English overlays themselves keep (a document's symbol such as ``18-KH/ĐU``)."""
    kept = {word for path in OVERLAYS.rglob("*.yml") for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#") for word in vietnamese_words(line)}
    symbols = {word for path in (FIXTURE / "content").glob("*.yml") for word in
               vietnamese_words(path.read_text(encoding="utf-8")) if re.fullmatch(r"\d+-[^\s/]+/[^\s/]+", word)}
    english = sorted(page for page in (bilingual_site / "en").rglob("index.html")
                     if "/bien-tap/" not in page.as_posix())  # the editors' area: their guide, in Vietnamese
    assert len(english) > 20
    found = {}
    for page in english:
        parser = _OutsideVietnamese()
        parser.feed(page.read_text(encoding="utf-8"))
        if words := vietnamese_words(" ".join(parser.text)) - kept - symbols:
            found[page.relative_to(bilingual_site).as_posix()] = sorted(words)[:12]
    assert symbols
    assert found == {}


# -- feeds and calendar per edition --------------------------------------------------------------------------------


def test_each_edition_has_its_own_calendar_and_feed(bilingual_site):
    """/en/ has its own lich-thuc-hien.ics in English words and its own feed.xml, linked from its timeline and news
    pages; the events keep their UIDs (one deadline, one key, in every edition)."""
    english = i18n.translator("en")
    plan, settings = overlay("ke-hoach.yml"), overlay("cai-dat.yml")
    vi_ics = (bilingual_site / "lich-thuc-hien.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    en_ics = (bilingual_site / "en" / "lich-thuc-hien.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    name = english.gettext("Lịch thực hiện %(kind)s — %(organisation)s") % {
        "kind": plan["kind"], "organisation": settings["organisation"]}
    assert f"X-WR-CALNAME:{name}\r\n" in en_ics
    assert "Việc phải làm:" in vi_ics and "Việc phải làm:" not in en_ics
    assert english.gettext("Việc phải làm: %(action)s").split("%")[0] in en_ics
    assert re.findall(r"^UID:(.*)$", en_ics, re.M) == re.findall(r"^UID:(.*)$", vi_ics, re.M) != []
    assert "DESCRIPTION:" in en_ics and not vietnamese_words(
        " ".join(re.findall(r"^(?:SUMMARY|DESCRIPTION|X-WR-CALNAME):(.*)$", en_ics, re.M)))

    for page, target in (("lich-thuc-hien/", "lich-thuc-hien.ics"), ("tin-tuc/", "feed.xml")):
        text = (bilingual_site / "en" / page / "index.html").read_text(encoding="utf-8")
        links = {urljoin(SITE_URL + "en/" + page, href) for href in re.findall(r'href="([^"]+)"', text)}
        assert SITE_URL + "en/" + target in links, page
    assert "<language>en</language>" in (bilingual_site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert "<language>vi</language>" in (bilingual_site / "feed.xml").read_text(encoding="utf-8")


def test_feeds_speak_the_edition_language(bilingual_content):
    """The feeds of the English content: the edition's language, the translated news section's title."""
    from generator.render import feeds

    english = overlay_content(load_content(bilingual_content), "en", "content")[0]
    base = SITE_URL + "en/"
    news, settings = overlay("tin-tuc.yml"), overlay("cai-dat.yml")
    rss = feeds.rss(english, base, "en")
    assert "<language>en</language>" in rss and f"<title>{news['title']} — {settings['site_name']}</title>" in rss
    assert f"<atom:link href=\"{base}feed.xml\"" in rss
    assert json.loads(feeds.json_feed(english, base, "en"))["language"] == "en"
    assert "<language>vi</language>" in feeds.rss(load_content(bilingual_content), SITE_URL)
