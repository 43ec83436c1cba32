"""Other organisations build from content alone, every link resolves, and no page says a word of the district's.

Issue 20 (item 4, "must show"): the fixture commune (``tests/fixtures/xa-mau``), a party cell of an agency with a
plan for another resolution
(``tests/fixtures/chi-bo-mau``: Resolution 68, no quiz, no Q&A) and a province committee
(``tests/fixtures/tinh-mau``: Resolution 57, a vision to 2035) are each built as a site of their own: their content,
an empty ``docs/`` and the ``mkdocs.yml`` that ``python -m generator new`` writes (the editors' guide is the
package's, filled from the site's own content). Each is built twice: production at the root of a host, and under
a sub-path (``SITE_URL``). Every link and fragment of the built HTML is followed with the checker of
``tests/test_links.py``.

The district's words are read from ``content/`` when the test runs (its organisation, locality, province, units,
approving bodies, signatory, the numbers of its own and its province's documents), plus the level word "huyện"
("toàn huyện", "Huyện ủy") and the addresses that carried the district into other sites (``ke-hoach-huyen``,
``cap-huyen``, ``tam-nhin-2045``), on the readers' pages and in the editors' area alike.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.starter import environment

from .conftest import CONTENT, ROOT
from .test_links import PLACEHOLDER_ORIGIN, Site

FIXTURES = ROOT / "tests" / "fixtures"
ORGANISATIONS = ("chi-bo-mau", "tinh-mau")
"""The fixtures written for this test (no editorial files)."""
BUILT = ("xa-mau", *ORGANISATIONS)
"""Built and searched: the fixture commune (Resolution 57, every page kind, news and photos) as well."""
BUILDS = ("root", "sub-path")
EDITORS_AREA = "bien-tap/"
"""The editors' pages (guide, field reference, browser editor), checked apart: the field reference lists every level."""

TEXT_SUFFIXES = {".html", ".xml", ".ics", ".json", ".js", ".txt", ".webmanifest", ".svg", ".css"}

LEVEL_WORD = re.compile(r"(?<!\w)huyện(?!\w)", re.IGNORECASE)
"""The district's level: "toàn huyện", "Huyện ủy", "cấp huyện" (no other organisation has one since 1/7/2025)."""
DISTRICT_ADDRESSES = ("ke-hoach-huyen", "cap-huyen", "tam-nhin-2045")
DISTRICT_PHRASES = re.compile(r"(?<!\w)(?:toàn huyện|huyện ủy|cấp huyện)(?!\w)", re.IGNORECASE)
"""In the editors' area, where the field reference lists every level a site may have (``huyện`` among them, for the
sites made before 1/7/2025), the district shows in these phrases."""


def _load(name: str) -> dict:
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8")) or {}


def district_words() -> dict[str, str]:
    """Words only the district's site may say, read from its content now: word → where it comes from."""
    settings, plan, organisation = _load("cai-dat.yml"), _load("ke-hoach.yml"), _load("to-chuc-thuc-hien.yml")
    words = {settings["organisation"]: "organisation", settings["locality"]: "locality",
             settings["province"]: "province", settings["contact"]["unit"]: "contact.unit",
             plan["signature"]["name"]: "signature.name"}
    level = settings["level"]
    proper = re.sub(rf"^{re.escape(level)}\s+", "", settings["locality"], flags=re.IGNORECASE)
    words[proper] = "locality (name)"
    words |= {body["name"]: "approving_bodies" for body in settings.get("approving_bodies", [])}
    words |= {unit["name"]: "units" for unit in organisation["units"]}
    numbers = [plan.get("number"), plan["implements"]["number"], *(cited["number"] for cited in plan.get("cited", []))]
    # The plan's own number and its province's and district's documents; not the Politburo's (…/TW), which other
    # organisations' plans cite as well.
    words |= {number: "document number" for number in numbers if number and not number.endswith("/TW")}
    return words


def content_for_today(source: Path, target: Path) -> Path:
    """Copy a fixture's content without its ``base_url``: the test chooses where the site is served (the host's
    root, or a sub-path through ``SITE_URL``)."""
    shutil.copytree(source, target)
    settings = target / "cai-dat.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"^base_url:.*\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    return target


def site_project(name: str, root: Path) -> Path:
    """A site repository of its own for fixture ``name``: content, empty docs/, the starter's mkdocs.yml (the editors'
    guide is the package's, filled from the site's content)."""
    content = content_for_today(FIXTURES / name / "content", root / "content")
    settings = yaml.safe_load((content / "cai-dat.yml").read_text(encoding="utf-8"))
    mkdocs = environment().get_template("mkdocs.yml.j2").render(site_name=settings["site_name"],
                                                                 organisation=settings["organisation"])
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def build(project: Path, site: Path, **environ: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in {"CONTENT_DIR", "SITE_URL", "REPO_URL"}}
    env |= {"SOURCE_DATE_EPOCH": "1764288000", "SITE_MODE": "production", "PYTHONPATH": str(ROOT), **environ}
    return subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def subpath(name: str) -> str:
    return f"https://example.org/{name}/"


@pytest.fixture(scope="module", params=[(name, kind) for name in BUILT for kind in BUILDS],
                ids=[f"{name}-{kind}" for name in BUILT for kind in BUILDS])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Site]:
    """(fixture name, the built site and the address it is served at)."""
    name, kind = request.param
    project = site_project(name, tmp_path_factory.mktemp(name) / "project")
    address = PLACEHOLDER_ORIGIN if kind == "root" else subpath(name)
    result = build(project, project / "site", **({} if kind == "root" else {"SITE_URL": address}))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return name, Site.read(project / "site", address)


def texts(site: Site, editors: bool) -> dict[str, str]:
    """Every text file of the build (pages, feeds, calendar, scripts): the editors' area, or every other file."""
    found = {}
    for path in sorted(site.folder.rglob("*")):
        relative = path.relative_to(site.folder).as_posix()
        if path.is_file() and path.suffix in TEXT_SUFFIXES and relative.startswith(EDITORS_AREA) == editors:
            found[relative] = path.read_text(encoding="utf-8", errors="replace")
    return found


def found_in(files: dict[str, str], words: dict[str, str] | tuple[str, ...]) -> list[str]:
    """``file: word (where it comes from)`` for every word that occurs, at most three files per word."""
    hits = []
    for word in words:
        where = [path for path, text in files.items() if word in text]
        hits += [f"{path}: “{word}” ({words[word] if isinstance(words, dict) else 'address'})" for path in where[:3]]
    return hits


def test_every_link_and_fragment_resolves(built: tuple[str, Site]) -> None:
    name, site = built
    pages = [page for page in site.documents if page.endswith(".html")]
    assert "index.html" in pages and len(pages) > 10, pages
    if broken := site.broken_links():
        pytest.fail(f"{len(broken)} broken link(s) in {name} built for {site.address}:\n" + "\n".join(broken), pytrace=False)


def test_pages_name_the_organisation(built: tuple[str, Site]) -> None:
    name, site = built
    settings = yaml.safe_load((FIXTURES / name / "content" / "cai-dat.yml").read_text(encoding="utf-8"))
    home = (site.folder / "index.html").read_text(encoding="utf-8")
    assert settings["organisation"] in home and settings["site_name"] in home


def test_no_name_or_number_of_the_district(built: tuple[str, Site]) -> None:
    """Names and numbers come from content only: none of the district's on any reader's page or file."""
    _, site = built
    assert found_in(texts(site, editors=False), district_words()) == []


def test_no_district_level_word(built: tuple[str, Site]) -> None:
    _, site = built
    hits = [f"{path}: “{match.group()}”" for path, text in texts(site, editors=False).items()
            for match in LEVEL_WORD.finditer(text)]
    assert hits == []


def test_no_district_address(built: tuple[str, Site]) -> None:
    _, site = built
    assert found_in(texts(site, editors=False), DISTRICT_ADDRESSES) == []


def test_editors_area_has_no_word_of_the_district(built: tuple[str, Site]) -> None:
    _, site = built
    files = texts(site, editors=True)
    hits = found_in(files, district_words()) + found_in(files, DISTRICT_ADDRESSES)
    hits += [f"{path}: “{m.group()}”" for path, text in files.items() for m in DISTRICT_PHRASES.finditer(text)]
    assert hits == []


def test_the_district_words_are_read_from_content() -> None:
    """The list the tests above look for is the district's own (it would find nothing were it empty or generic)."""
    words = district_words()
    settings = _load("cai-dat.yml")
    assert settings["organisation"] in words and settings["province"] in words
    assert all(word.strip() for word in words)


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_every_file_says_it_is_test_data(name: str) -> None:
    files = sorted((FIXTURES / name / "content").rglob("*.yml"))
    assert len(files) >= 9
    for path in files:
        assert path.read_text(encoding="utf-8").splitlines()[0] == "# Dữ liệu mẫu cho kiểm thử, không phải văn bản thật", path


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_no_quiz_or_questions_in_the_party_cell_and_no_fixed_vision_year(name: str) -> None:
    """What makes these fixtures different from the district's (tests/fixtures/README.md)."""
    content = FIXTURES / name / "content"
    assert not (content / "trac-nghiem.yml").exists() and not (content / "hoi-dap.yml").exists()
    horizons = sorted(yaml.safe_load(path.read_text(encoding="utf-8"))["year"] for path in (content / "muc-tieu").glob("*.yml"))
    assert len(horizons) == {"chi-bo-mau": 3, "tinh-mau": 2}[name] and 2045 not in horizons, horizons


def test_the_pages_name_the_document_as_it_calls_itself(built: tuple[str, Site]) -> None:
    """A party cell's plan may be a “Chương trình hành động”: the interface says so, never a fixed “Kế hoạch”
    (the full text's link and title, the note under the targets, the 404 page)."""
    name, site = built
    kind = yaml.safe_load((FIXTURES / name / "content" / "ke-hoach.yml").read_text(encoding="utf-8"))["kind"]
    home = (site.folder / "index.html").read_text(encoding="utf-8")
    missing = (site.folder / "404.html").read_text(encoding="utf-8")
    full_text = (site.folder / "toan-van" / "index.html").read_text(encoding="utf-8")
    assert f"Toàn văn {kind}" in home and f"Toàn văn {kind}" in missing and f"Toàn văn {kind}" in full_text
    if kind != "Kế hoạch":
        assert "Toàn văn Kế hoạch" not in home + missing + full_text
