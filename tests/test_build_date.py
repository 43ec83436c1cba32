"""The build's "today" (generator/settings.py ``build_date``): a scheduled run moves it, a commit's build repeats it,
and it is always a day in the site's time zone (``time_zone`` in cai-dat.yml, default Asia/Ho_Chi_Minh).

The clock is set with ``time-machine`` to 20:00 UTC on 5 January 2027: already 6 January in Vietnam (UTC+7).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine

from generator.cli import main
from generator.content import load_content
from generator.editor.lint import Linter
from generator.registry import TIMELINE
from generator.render.calendar import CALENDAR_PATH
from generator.settings import BuildSettings, build_date

from .conftest import FIXTURE, PUBLISHED_URL, ROOT, replace_once

EVENING_UTC = datetime(2027, 1, 5, 20, 0, tzinfo=UTC)
"""20:00 UTC on 5 January 2027, 03:00 on 6 January in Vietnam."""
VIETNAM_DAY, UTC_DAY = date(2027, 1, 6), date(2027, 1, 5)


@pytest.fixture
def evening(monkeypatch: pytest.MonkeyPatch):
    """The clock at ``EVENING_UTC``, and an environment with no SOURCE_DATE_EPOCH and no GitHub event."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("GITHUB_EVENT_NAME", raising=False)
    with time_machine.travel(EVENING_UTC, tick=False):
        yield monkeypatch


def _render(content: Path, out: Path) -> str:
    """``python -m generator render`` as CI runs it (in this process, so the clock is the test's); the timeline page."""
    assert main(["--content", str(content), "render", "--out", str(out)]) == 0
    return (out / TIMELINE).read_text(encoding="utf-8")


def _as_of(page: str) -> str:
    """The date the statuses are computed for, as the timeline page prints it."""
    found = re.search(r"Tính đến ngày (\d{1,2}/\d{1,2}/\d{4}):", page)
    assert found, "the timeline says the date of its statuses"
    return found.group(1)


@pytest.mark.parametrize("event", ["schedule", "workflow_dispatch"])
def test_scheduled_build_dates_its_statuses_today_in_vietnam(evening: pytest.MonkeyPatch, tmp_path: Path,
                                                               event: str) -> None:
    evening.setenv("GITHUB_EVENT_NAME", event)
    assert build_date() == VIETNAM_DAY
    page = _render(FIXTURE / "content", tmp_path / "out")
    assert _as_of(page) == "6/1/2027"
    calendar = (tmp_path / "out" / CALENDAR_PATH).read_text(encoding="utf-8")
    assert "DTSTAMP:20270106T000000Z" in calendar
    content = load_content(FIXTURE / "content")
    assert Linter(content, FIXTURE / "docs").today == VIETNAM_DAY, "lint's “after the build date” checks use it too"


def test_the_site_time_zone_setting_decides_the_day(evening: pytest.MonkeyPatch, fixture_copy: Path, tmp_path: Path) -> None:
    evening.setenv("GITHUB_EVENT_NAME", "schedule")
    (fixture_copy / "cai-dat.yml").write_text((fixture_copy / "cai-dat.yml").read_text(encoding="utf-8")
                                              + "time_zone: UTC\n", encoding="utf-8")
    assert _as_of(_render(fixture_copy, tmp_path / "out")) == "5/1/2027"
    assert build_date(time_zone="UTC") == UTC_DAY


def test_a_result_dated_today_in_vietnam_is_not_after_the_build_date(evening: pytest.MonkeyPatch, fixture_copy: Path) -> None:
    """At 03:00 in Vietnam a result sent that morning is not "in the future", though UTC still says 5 January."""
    evening.setenv("GITHUB_EVENT_NAME", "schedule")
    replace_once(fixture_copy / "to-chuc-thuc-hien.yml", "date: 2027-06-30", "date: 2027-06-30\n          result:\n"
                 "            document: Báo cáo số 1-BC/ĐU\n            date: 2027-01-06")
    content = load_content(fixture_copy)
    linter = Linter(content, fixture_copy.parent / "docs")
    assert [f for f in linter.run() if f.severity == "error"] == []
    (fixture_copy / "cai-dat.yml").write_text((fixture_copy / "cai-dat.yml").read_text(encoding="utf-8")
                                              + "time_zone: UTC\n", encoding="utf-8")
    errors = [f for f in Linter(load_content(fixture_copy), fixture_copy.parent / "docs").run() if f.severity == "error"]
    assert [f.message for f in errors if "sau ngày xây dựng trang (05/01/2027)" in f.message], errors


@pytest.mark.parametrize("event", ["schedule", "workflow_dispatch", "push", "pull_request", None])
def test_an_explicit_source_date_epoch_wins(evening: pytest.MonkeyPatch, event: str | None) -> None:
    if event:
        evening.setenv("GITHUB_EVENT_NAME", event)
    # 20:00 UTC on 27 November 2025: 28 November in Vietnam.
    evening.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2025, 11, 27, 20, 0, tzinfo=UTC).timestamp())))
    assert build_date() == date(2025, 11, 28)
    assert build_date(time_zone="UTC") == date(2025, 11, 27)


def _repository(folder: Path, committed: datetime) -> Path:
    """A git repository with one commit made at ``committed`` (of ``folder`` as it is); returns its content folder."""
    if not (folder / "content").is_dir():
        (folder / "content").mkdir(parents=True)
        (folder / "content" / "cai-dat.yml").write_text("site_name: x\n", encoding="utf-8")
    stamp = committed.isoformat()
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_GLOBAL": os.devnull}
    for command in (["init", "-q"], ["add", "."], ["-c", "user.name=Biên tập", "-c", "user.email=bt@example.org",
                                                    "commit", "-q", "-m", "Nội dung"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True, timeout=60)
    return folder / "content"


@pytest.mark.parametrize("event", ["push", "pull_request", None])
def test_a_commit_build_uses_the_last_commit_time(evening: pytest.MonkeyPatch, tmp_path: Path, event: str | None) -> None:
    if event:
        evening.setenv("GITHUB_EVENT_NAME", event)
    # 23:30 UTC on 1 March 2026: 2 March in Vietnam.
    content_dir = _repository(tmp_path / "repo", datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    resolved = BuildSettings.resolve(content_dir, base_url=None, repo_url=None)
    assert resolved.today == date(2026, 3, 2)
    assert BuildSettings.resolve(content_dir, base_url=None, repo_url=None, time_zone="UTC").today == date(2026, 3, 1)


def test_a_scheduled_build_of_a_repository_ignores_the_commit_time(evening: pytest.MonkeyPatch, tmp_path: Path) -> None:
    evening.setenv("GITHUB_EVENT_NAME", "schedule")
    content_dir = _repository(tmp_path / "repo", datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    assert BuildSettings.resolve(content_dir, base_url=None, repo_url=None).today == VIETNAM_DAY


def test_without_git_history_the_clock_decides(evening: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A folder downloaded as a zip (no repository): today in the site's zone."""
    (tmp_path / "content").mkdir()
    assert BuildSettings.resolve(tmp_path / "content", base_url=None, repo_url=None).today == VIETNAM_DAY


def test_a_real_build_of_a_commit_is_dated_by_it_everywhere(project_copy: Path) -> None:
    """``python -m generator build`` with no SOURCE_DATE_EPOCH (as ``make build`` runs it now): the statuses' date (the
    milestones data, ``updated``) and the sitemap's ``lastmod`` (MkDocs would take its own clock in UTC) carry the
    commit's day in Vietnam, so a rebuild repeats. (The district's deadlines are all past by then: no badge, no legend.)"""
    _repository(project_copy, datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    env = {key: value for key, value in os.environ.items() if key not in {"SOURCE_DATE_EPOCH", "GITHUB_EVENT_NAME"}}
    env["SITE_URL"] = PUBLISHED_URL  # the sitemap lists pages only with a site address
    site = project_copy / "site"
    command = [sys.executable, "-m", "generator", "build", "--config-file", str(project_copy / "mkdocs.yml"),
               "--site-dir", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    milestones = json.loads((site / "api" / "milestones.json").read_text(encoding="utf-8"))
    assert milestones["updated"] == "2026-03-02", "the date the deadlines' statuses are computed for"
    lastmod = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert lastmod == {"2026-03-02"}, "every page of the sitemap, dated by the commit"


def test_the_makefile_no_longer_fixes_the_date() -> None:
    """``make`` used to export the last commit's time, so a scheduled build never moved: settings.py decides now."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(export\s+)?SOURCE_DATE_EPOCH\s*[:?+]?=", makefile, re.M)
