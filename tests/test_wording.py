"""What the plan does with the resolution is the site's word (``wording`` in cai-dat.yml), not the templates'.

A plan for studying and disseminating a resolution says "quán triệt"; a party cell's plan for carrying one out
says "thực hiện". The pages, the calendar and the handout read the words from the settings; a site written for
content version 1 keeps the words it was published with (the migration step pins them). Checked on the fixture
commune: expected words come from the fixture's YAML or from the values this test writes into it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from generator.content import load_content
from generator.content.migrations import words as step
from generator.render.calendar import render_calendar
from generator.render.pages import render_pages

from .conftest import settings

TODAY = date(2026, 11, 28)
WORDING = re.compile(r"(?ms)^# Cách các trang gọi.*?\n(?=\S|\Z)|^wording:\n(?:  .*\n)*")


def _settings_text(content_dir: Path) -> str:
    return (content_dir / "cai-dat.yml").read_text(encoding="utf-8")


def _without_wording(content_dir: Path) -> None:
    """The fixture's settings as written for content version 1: no ``wording`` block."""
    path = content_dir / "cai-dat.yml"
    path.write_text(WORDING.sub("", _settings_text(content_dir)), encoding="utf-8")
    assert "wording" not in yaml.safe_load(_settings_text(content_dir))


def _pages(content_dir: Path) -> dict[str, str]:
    return {page.path: page.markdown for page in render_pages(load_content(content_dir),
                                                                settings(TODAY, content_dir, "https://example.gov.vn/nghi-quyet/"))}


def test_the_migration_step_pins_the_former_words_once(fixture_copy: Path) -> None:
    _without_wording(fixture_copy)
    assert step.pin_wording(fixture_copy), "a version-1 settings file gets the block"
    once = _settings_text(fixture_copy)
    assert yaml.safe_load(once)["wording"] == {"activity": "quán triệt", "study_title": "Kế hoạch học tập, quán triệt",
                                                "lead": "Học tập, quán triệt, tuyên truyền"}
    assert step.pin_wording(fixture_copy) == [] and _settings_text(fixture_copy) == once, "idempotent"


def test_pages_say_what_the_settings_say(fixture_copy: Path) -> None:
    settings_file = fixture_copy / "cai-dat.yml"
    _without_wording(fixture_copy)
    chosen = {"activity": "học tập", "study_title": "Kế hoạch học tập của chi bộ", "lead": "Học tập, làm theo"}
    settings_file.write_text(_settings_text(fixture_copy) + "wording:\n"
                             + "".join(f"  {key}: {value}\n" for key, value in chosen.items()), encoding="utf-8")
    plan = yaml.safe_load((fixture_copy / "ke-hoach.yml").read_text(encoding="utf-8"))
    resolution = plan["resolution"]
    pages = _pages(fixture_copy)
    assert f"# {chosen['study_title']}\n" in pages["ke-hoach.md"]
    assert f"[{chosen['study_title']}](" in pages["index.md"]
    assert f"## {resolution['kind']} được {chosen['activity']}\n" in pages["van-ban-goc.md"]
    assert f"buổi sinh hoạt chi bộ {chosen['activity']} {resolution['kind']} số" in pages["sinh-hoat-chi-bo.md"]
    assert f'nq-poster__lead">{chosen["lead"]} {resolution["kind"]} số' in pages["ap-phich.md"]
    subject = f'nq-handout__subject">{chosen["activity"][:1].upper()}{chosen["activity"][1:]} {resolution["kind"]} số'
    assert subject in pages["tai-lieu-sinh-hoat-chi-bo.md"]
    calendar = render_calendar(load_content(fixture_copy), settings(TODAY, fixture_copy)).replace("\r\n ", "")
    assert f"{chosen['activity']} {resolution['kind']} số {resolution['number']}." in calendar


def test_without_wording_the_pages_use_neutral_words(fixture_copy: Path) -> None:
    _without_wording(fixture_copy)
    pages = _pages(fixture_copy)
    assert "# Kế hoạch học tập, thực hiện\n" in pages["ke-hoach.md"]
    assert "được thực hiện\n" in pages["van-ban-goc.md"]

