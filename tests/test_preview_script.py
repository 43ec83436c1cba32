"""The trusted preview script (.github/scripts/preview.py) believes nothing CI left that it has not checked: a pull
request's own code wrote pr.json and pages.json, and their text ends up in a comment the repository's bot signs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = ROOT / ".github" / "scripts" / "preview.py"


@pytest.fixture(scope="module")
def preview():
    spec = importlib.util.spec_from_file_location("preview_script", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("meta", [
    {"number": "7; rm -rf /", "head_sha": "a" * 40, "outcome": "success"},
    {"number": 0, "head_sha": "a" * 40, "outcome": "success"},
    {"number": 7, "head_sha": "$(id)", "outcome": "success"},
    {"number": 7, "head_sha": "a" * 40, "outcome": "success\nSITE_URL=https://evil.example"},
    ["not", "an", "object"],
])
def test_pr_json_with_anything_but_what_github_would_write_is_refused(preview, tmp_path: Path, meta) -> None:
    (tmp_path / "pr.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(preview.PreviewError):
        preview.read_meta(tmp_path)


def test_pr_json_as_ci_writes_it_is_read(preview, tmp_path: Path) -> None:
    (tmp_path / "pr.json").write_text('{"number": 7, "head_sha": "%s", "outcome": "failure"}' % ("b" * 40), encoding="utf-8")
    assert preview.read_meta(tmp_path) == {"number": 7, "head_sha": "b" * 40, "outcome": "failure"}


def test_page_entries_that_are_not_plain_paths_never_reach_the_comment(preview, tmp_path: Path) -> None:
    entries = [
        {"source": "content/tin-tuc/2026-01-02-bai.md", "url": "tin-tuc/2026/bai/"},
        {"source": "content/a.yml", "url": "[bấm vào đây](https://evil.example)/"},
        {"source": "content/a.yml", "url": "https://evil.example/"},
        {"source": "content/a.yml", "url": "../../other/"},
        {"source": "content/../.github/x", "url": ""},
        {"source": "content/a.yml\n@everyone", "url": ""},
        {"source": "README.md", "url": ""},
        {"source": "docs/trien-khai.md", "url": "trien-khai/"},
        "not an entry",
    ]
    (tmp_path / "pages.json").write_text(json.dumps({"pages": entries, "more": 2}), encoding="utf-8")
    pages, left_out = preview.changed_pages(tmp_path)
    assert pages == [("content/tin-tuc/2026-01-02-bai.md", "tin-tuc/2026/bai/"), ("docs/trien-khai.md", "trien-khai/")]
    assert left_out == 7 + 2


def test_the_comment_says_what_happened(preview, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREVIEW_REPO", "xem-truoc/nq57")
    monkeypatch.setenv("PREVIEW_URL", "https://xem-truoc.github.io/nq57/")
    monkeypatch.setenv("RUN_URL", "https://github.com/t/nq57/actions/runs/1")
    state = {"number": 7, "run_sha": "a" * 40, "pr_sha": "a" * 40, "outcome": "success", "closed": False, "current": True}
    body = preview.comment_body(state, [("content/muc-tieu-2030.yml", "muc-tieu-2030/")], 0)
    assert body.splitlines()[0] == preview.MARKER
    assert "- `content/muc-tieu-2030.yml` → https://xem-truoc.github.io/nq57/pr-7/muc-tieu-2030/" in body
    failed = preview.comment_body({**state, "outcome": "failure"}, [], 0)
    assert "**Kiểm tra nội dung chưa đạt**" in failed and "https://github.com/t/nq57/actions/runs/1" in failed
    assert "pr-7/muc-tieu-2030/" not in failed, "no page is offered as up to date"
    stale = preview.comment_body({**state, "current": False, "pr_sha": "c" * 40}, [("content/a.yml", "")], 0)
    assert "Bản xem trước đã cũ" in stale and "`ccccccc`" in stale and "content/a.yml" not in stale


def test_the_preview_and_production_origins_must_differ(preview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pr.json").write_text(json.dumps({"number": 7, "head_sha": "a" * 40, "outcome": "success"}), encoding="utf-8")
    pull = {"state": "open", "head": {"sha": "a" * 40, "ref": "sua-bai", "repo": {"full_name": "t/nq57"}}}
    monkeypatch.setattr(preview, "gh_json", lambda path: pull)
    for name, value in {"META_DIR": str(tmp_path), "RUNNER_TEMP": str(tmp_path), "RUN_HEAD_REPO": "t/nq57",
                        "RUN_HEAD_BRANCH": "sua-bai", "RUN_HEAD_SHA": "a" * 40, "SITE_URL": "https://t.github.io/nq57/",
                        "PREVIEW_URL": "https://t.github.io/nq57-xem-truoc/"}.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(preview.PreviewError, match="cùng một gốc"):
        preview.identify()
    monkeypatch.setenv("PREVIEW_URL", "https://t-xem-truoc.github.io/nq57/")
    assert preview.identify() == ["number=7", "deploy=true", "remove=false"]
