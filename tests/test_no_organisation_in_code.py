"""No word of the district in the engine: the generator's code, templates, assets and the pages it publishes.

The engine serves any party organisation and any resolution; what belongs to one site lives in that site's
content and settings. So the district whose plan this repository carries (``content/``) must not be named in
``generator/``: not its organisation, locality or province, not its units, not the plan's or the resolution's
number, not its page addresses. The words are read FROM THE DISTRICT'S CONTENT when the test runs (a changed
name is still caught), plus a few level words that name a district's identity wherever they stand.

What must stay is listed in ``ALLOWED`` with the number of lines and the reason, and an entry that is no longer
needed fails too (so the list shrinks as the other changes land). ``generator/content/migrations/`` is not
scanned: its steps pin the old district defaults for sites written before, and have to name them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import yaml

from generator.text import slugify

from .conftest import ROOT

CONTENT = ROOT / "content"
SCANNED = ROOT / "generator"
SUFFIXES = {".py", ".j2", ".html", ".md", ".typ", ".js", ".css", ".yml", ".yaml", ".xml", ".toml", ".txt", ".json"}
NOT_SCANNED = ("generator/content/migrations/",)
"""Migration steps pin a site's former defaults (old addresses, old wording): they must name them."""
PACKAGE_FILES = ("pyproject.toml",)
"""Outside generator/ but published with the package: its description and entry points."""

LEVEL_WORDS = ("toàn huyện", "Huyện ủy")
"""A district's identity wherever it stands: the scope of its figures, the name of its committee."""

ALLOWED: dict[tuple[str, str], tuple[int, str]] = {
    # Backward compatibility, on purpose (CHANGELOG: the plugin was called nq57 up to 0.2.0).
    ("pyproject.toml", "nq57"): (2, "the distribution's name, and the plugin's former entry point kept as an alias"),
    ("generator/__init__.py", "nq57"): (1, "DISTRIBUTION: the name pip installs; renaming it is a release of its own"),
    ("generator/maintainer.py", "nq57"): (2, "LEGACY_PLUGIN: a mkdocs.yml that still says `- nq57:` keeps its options"),
    ("generator/render/templates/sw.js.j2", "nq57"): (1, "the offline worker deletes caches left under the old name"),
    ("generator/theme/docs/assets/embed.js", "nq57"): (2, "portal snippets written with data-nq57-widget still resize"),
    # The level table: sites of a former district (level `huyện`) still say "toàn huyện" of their figures.
    ("generator/content/levels.py", "toàn huyện"): (1, "the scope words of the level `huyện`, read from a site's settings"),
    # Pending: removed by the branches that change the model (issue 20 item 3). Delete each entry when it fails
    # as no longer needed.
    ("generator/registry.py", "ke-hoach-huyen"): (1, "branch sections: page addresses from settings"),
}


def normalise(text: str) -> str:
    """Compare as a reader reads: composed Unicode, any case, either placement of the tone on "uy"."""
    text = unicodedata.normalize("NFC", text).casefold()
    return text.replace("uỷ", "ủy").replace("uý", "úy").replace("uỳ", "ùy")


def _yaml(name: str, content_dir: Path) -> dict:
    return yaml.safe_load((content_dir / name).read_text(encoding="utf-8")) or {}


def _proper_name(place: str, level: str) -> str:
    """'huyện Yên Bình' → 'Yên Bình': the place's own name without the level word in front."""
    return re.sub(rf"^(?:{re.escape(level)}|tỉnh|thành phố)\s+", "", place.strip(), flags=re.IGNORECASE)


def district_words(content_dir: Path = CONTENT) -> dict[str, str]:
    """Every word that identifies the site of ``content_dir`` → where it was read from."""
    words: dict[str, str] = {}

    def add(word: object, where: str) -> None:
        if isinstance(word, str) and len(word.strip()) >= 4:
            words.setdefault(word.strip(), where)

    settings = _yaml("cai-dat.yml", content_dir)
    level = settings.get("level", "")
    level_slug = slugify(level)
    for key in ("organisation", "locality", "province", "governing_body", "responsible_person"):
        add(settings.get(key), f"cai-dat.yml {key}")
    add((settings.get("contact") or {}).get("unit"), "cai-dat.yml contact.unit")
    for body in settings.get("approving_bodies") or []:
        add(body.get("name"), "cai-dat.yml approving_bodies")
    for key in ("locality", "province"):  # the place names alone, and as they are written in addresses
        if name := _proper_name(str(settings.get(key) or ""), level):
            add(name, f"cai-dat.yml {key}")
            add(slugify(name), f"cai-dat.yml {key}, as an address")
            add(slugify(name).replace("-", ""), f"cai-dat.yml {key}, as a domain name")

    units = _yaml("to-chuc-thuc-hien.yml", content_dir)
    for unit in units.get("units") or []:
        add(unit.get("name"), "to-chuc-thuc-hien.yml units.name")
        if level_slug and level_slug in str(unit.get("id", "")).split("-"):
            add(unit.get("id"), "to-chuc-thuc-hien.yml units.id")

    plan = _yaml("ke-hoach.yml", content_dir)
    for key in ("resolution", "implements"):
        add((plan.get(key) or {}).get("number"), f"ke-hoach.yml {key}.number")
    for cited in plan.get("cited") or []:
        add(cited.get("number"), "ke-hoach.yml cited.number")
    add((plan.get("signature") or {}).get("name"), "ke-hoach.yml signature.name")
    if number := re.match(r"\d+", str((plan.get("resolution") or {}).get("number", ""))):
        n = number.group()  # the resolution as people shorten it: nq57, Nghị quyết 57
        for short in (f"nq{n}", f"nq {n}", f"nq-{n}", f"nghị quyết {n}", f"nghi-quyet-{n}"):
            add(short, "ke-hoach.yml resolution.number, shortened")

    if level_slug:  # the district's page addresses and anchors: named for its level
        for address in (f"ke-hoach-{level_slug}", f"cap-{level_slug}"):
            add(address, f"level `{level}`, as an address")
    for horizon in sorted(content_dir.glob("muc-tieu/*.yml")):  # a target horizon's published address
        if address := _yaml(f"muc-tieu/{horizon.name}", content_dir).get("address"):
            add(address, f"muc-tieu/{horizon.name} address")

    for word in LEVEL_WORDS:
        add(word, "fixed level word")
    return words


def scan(lines: Iterable[str], words: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, word) for each line that holds one of ``words``, in any case or tone placement."""
    folded = [(normalise(word), word) for word in words]
    for number, line in enumerate(lines, 1):
        text = normalise(line)
        for needle, word in folded:
            if needle in text:
                yield number, word


def engine_files(root: Path = ROOT) -> Iterator[Path]:
    for path in sorted((root / "generator").rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and path.suffix in SUFFIXES and not relative.startswith(NOT_SCANNED) \
                and "__pycache__" not in path.parts:
            yield path
    for name in PACKAGE_FILES:
        if (root / name).is_file():
            yield root / name


def findings(root: Path = ROOT, content_dir: Path = CONTENT) -> dict[tuple[str, str], list[int]]:
    """(file, word) → the lines where it stands."""
    words = district_words(content_dir)
    found: dict[tuple[str, str], list[int]] = {}
    for path in engine_files(root):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, word in scan(lines, words):
            found.setdefault((path.relative_to(root).as_posix(), word), []).append(number)
    return found


@pytest.fixture(scope="module")
def found() -> dict[tuple[str, str], list[int]]:
    return findings()


def test_the_words_are_the_districts_own() -> None:
    """The list is read from the content: each of these is in it, so the scan looks for something real."""
    settings = _yaml("cai-dat.yml", CONTENT)
    plan = _yaml("ke-hoach.yml", CONTENT)
    units = _yaml("to-chuc-thuc-hien.yml", CONTENT)
    words = district_words()
    expected = [settings["organisation"], settings["locality"], settings["province"], plan["resolution"]["number"],
                *(unit["name"] for unit in units["units"])]
    assert set(expected) <= set(words), sorted(set(expected) - set(words))
    assert "ke-hoach-huyen" in words and "ubnd-huyen" in words and "tam-nhin-2045" in words  # issue 20's examples


def test_no_word_of_the_district_in_the_engine(found: dict[tuple[str, str], list[int]]) -> None:
    words = district_words()
    unexpected = []
    for (path, word), lines in sorted(found.items()):
        allowed, _ = ALLOWED.get((path, word), (0, ""))
        if len(lines) > allowed:
            unexpected.append(f"{path}:{','.join(map(str, lines))}: “{word}” ({words[word]})")
    assert not unexpected, ("the district's words in the engine; take them from the site's content or settings, "
                            "or use a neutral example (`Đảng ủy xã …`, https://example.gov.vn/nghi-quyet/):\n"
                            + "\n".join(unexpected))


def test_every_allowed_entry_is_still_needed(found: dict[tuple[str, str], list[int]]) -> None:
    stale = [f"{path}: “{word}” allowed on {count} line(s), found on {len(found.get((path, word), []))} ({why})"
             for (path, word), (count, why) in ALLOWED.items() if len(found.get((path, word), [])) < count]
    assert not stale, "lower or delete these ALLOWED entries:\n" + "\n".join(stale)


def test_a_district_word_added_to_a_template_is_caught(tmp_path: Path) -> None:
    """The same scan on a copy of the layout: a new template line naming the district, in another case and with
    the old tone placement, fails; neutral wording and the level word alone (a level table) do not."""
    settings = _yaml("cai-dat.yml", CONTENT)
    organisation = settings["organisation"]
    template = tmp_path / "generator" / "render" / "templates" / "moi.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text("# Trang mới\n\n"
                        "Kế hoạch của {{ c.settings.organisation }} — Đảng ủy xã …\n"
                        '{% set LEVELS = {"huyện": "cấp huyện", "xã": "cấp xã"} %}\n'
                        f"Ban Thường vụ {organisation.upper().replace('ỦY', 'UỶ')} ban hành.\n"
                        "Xem https://example.gov.vn/nghi-quyet/ke-hoach-huyen/\n", encoding="utf-8")
    migration = tmp_path / "generator" / "content" / "migrations" / "old.py"
    migration.parent.mkdir(parents=True)
    migration.write_text('OLD = "ke-hoach-huyen"\n', encoding="utf-8")
    found = findings(tmp_path, CONTENT)
    assert {path for path, _ in found} == {"generator/render/templates/moi.md.j2"}, found  # migrations not scanned
    lines = {word: numbers for (_, word), numbers in found.items()}
    assert lines[organisation] == [5] and lines["Huyện ủy"] == [5] and lines["ke-hoach-huyen"] == [6], lines
    assert {number for numbers in lines.values() for number in numbers} == {5, 6}, lines  # 1-4: neutral
