#!/usr/bin/env python3
"""The trusted half of a pull request's preview (.github/workflows/preview.yml): check what CI left, write the comment.

CI (ci.yml) ran the pull request's code with no secret and left two small files beside the built site: ``pr.json``
(number, head commit, outcome of the content job) and ``pages.json`` (changed files and their page addresses). A pull
request can write anything into them, so this script, run from main by the trusted workflow, believes nothing it does
not check: the number must be a pull request whose head repository and branch are the ones the CI run was for (a fork
cannot claim another pull request's preview); the head commit says whether the preview is out of date; each page entry
must be a plain repository path and a plain page address, or it is dropped.

``identify`` prints ``key=value`` lines for $GITHUB_OUTPUT (number, deploy, remove) and keeps the checked facts in
$RUNNER_TEMP/preview-state.json; ``comment`` prints the Vietnamese comment as a multi-line ``body`` output.
Standard library and the ``gh`` command only (GitHub's runner has both). Environment: see preview.yml.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

MARKER = "<!-- nq57-preview -->"
"""The first line of the preview comment: how the sticky step finds it again."""
NUMBER = re.compile(r"^[1-9][0-9]{0,6}$")
SHA = re.compile(r"^[0-9a-f]{40}$")
SOURCE = re.compile(r"^(content|docs)/[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$")
PAGE = re.compile(r"^([a-z0-9][a-z0-9._-]{0,100}/){0,6}$")
OUTCOMES = {"success", "failure", "cancelled", "closed"}
MAX_PAGES = 30


class PreviewError(Exception):
    """Data from CI that the trusted workflow refuses; the message is shown as an ::error annotation."""


def _env(name: str) -> str:
    return os.environ.get(name, "")


def _state_file() -> Path:
    return Path(_env("RUNNER_TEMP") or ".") / "preview-state.json"


def gh_json(path: str) -> object:
    """One GitHub API call through the ``gh`` command (GH_TOKEN in the environment)."""
    result = subprocess.run(["gh", "api", path], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise PreviewError(f"gọi GitHub API thất bại ({path}): {result.stderr.strip()[:300]}")
    return json.loads(result.stdout)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def read_meta(meta_dir: Path) -> dict:
    """pr.json as CI wrote it, each value checked against what GitHub itself would produce."""
    try:
        meta = json.loads((meta_dir / "pr.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PreviewError(f"không đọc được pr.json do CI để lại: {exc}") from None
    if not isinstance(meta, dict):
        raise PreviewError("pr.json không phải một đối tượng JSON")
    number, head, outcome = str(meta.get("number", "")), str(meta.get("head_sha", "")), str(meta.get("outcome", ""))
    if not NUMBER.match(number) or not SHA.match(head) or outcome not in OUTCOMES:
        raise PreviewError("pr.json có giá trị không hợp lệ (số yêu cầu, mã lần sửa hoặc kết quả)")
    return {"number": int(number), "head_sha": head, "outcome": outcome}


def identify() -> list[str]:
    meta = read_meta(Path(_env("META_DIR")))
    pull = gh_json(f"repos/{_env('REPOSITORY')}/pulls/{meta['number']}")
    assert isinstance(pull, dict)
    head = pull.get("head") or {}
    head_repo = (head.get("repo") or {}).get("full_name", "")
    if head_repo != _env("RUN_HEAD_REPO") or head.get("ref") != _env("RUN_HEAD_BRANCH"):
        raise PreviewError(f"yêu cầu hợp nhất #{meta['number']} không phải của lần chạy CI này (kho, nhánh khác nhau): "
                           "không đưa bản xem trước lên")
    if _env("PREVIEW_URL") and _env("SITE_URL") and origin(_env("PREVIEW_URL")) == origin(_env("SITE_URL")):
        raise PreviewError(f"PREVIEW_URL và SITE_URL cùng một gốc ({origin(_env('SITE_URL'))}): bản xem trước phải ở gốc "
                           "khác trang thật (kho trang xem trước thuộc tài khoản hay tổ chức khác, hoặc tên miền riêng)")
    closed = pull.get("state") != "open" or meta["outcome"] == "closed"
    current = head.get("sha") == _env("RUN_HEAD_SHA") == meta["head_sha"]
    state = {"number": meta["number"], "run_sha": _env("RUN_HEAD_SHA"), "pr_sha": head.get("sha", ""),
             "outcome": meta["outcome"], "closed": closed, "current": current}
    _state_file().write_text(json.dumps(state), encoding="utf-8")
    deploy = not closed and current and meta["outcome"] == "success"
    return [f"number={meta['number']}", f"deploy={str(deploy).lower()}", f"remove={str(closed).lower()}"]


def changed_pages(meta_dir: Path) -> tuple[list[tuple[str, str]], int]:
    """pages.json's entries that are plain paths and addresses; anything else is dropped and counted."""
    try:
        data = json.loads((meta_dir / "pages.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], 0
    entries = data.get("pages") if isinstance(data, dict) else None
    pages: list[tuple[str, str]] = []
    dropped = 0
    for entry in entries if isinstance(entries, list) else []:
        source = entry.get("source") if isinstance(entry, dict) else None
        url = entry.get("url") if isinstance(entry, dict) else None
        if (isinstance(source, str) and isinstance(url, str) and SOURCE.match(source) and ".." not in source
                and PAGE.match(url) and ".." not in url and len(pages) < MAX_PAGES):
            pages.append((source, url))
        else:
            dropped += 1
    more = data.get("more", 0) if isinstance(data, dict) else 0
    return pages, dropped + (more if isinstance(more, int) and 0 <= more < 100_000 else 0)


def artifact_url() -> str:
    """The download page of the CI run's ``site`` artifact, or the run's page."""
    try:
        listing = gh_json(f"repos/{_env('REPOSITORY')}/actions/runs/{_env('RUN_ID')}/artifacts")
        ids = [a["id"] for a in listing.get("artifacts", []) if a.get("name") == "site"]  # type: ignore[union-attr]
    except (PreviewError, AttributeError, KeyError, TypeError):
        ids = []
    return f"{_env('RUN_URL')}/artifacts/{int(ids[0])}" if ids else _env("RUN_URL")


def comment_body(state: dict, pages: list[tuple[str, str]], left_out: int) -> str:
    number, run_sha = state["number"], state["run_sha"][:7]
    preview = f"{_env('PREVIEW_URL').rstrip('/')}/pr-{number}/" if _env("PREVIEW_REPO") and _env("PREVIEW_URL") else ""
    lines = [MARKER, "### Bản xem trước", ""]
    if state["closed"]:
        lines.append(f"Yêu cầu hợp nhất #{number} đã đóng: bản xem trước đã được gỡ." if _env("PREVIEW_REPO")
                     else f"Yêu cầu hợp nhất #{number} đã đóng.")
        return "\n".join(lines)
    if not state["current"]:
        lines += [f"⏳ **Bản xem trước đã cũ.** Lần kiểm tra này là của lần sửa `{run_sha}`, yêu cầu hợp nhất đã có lần sửa "
                  f"mới hơn (`{state['pr_sha'][:7]}`) đang được kiểm tra; lời nhắn này sẽ được cập nhật khi xong.", ""]
        return "\n".join([*lines, f"Chi tiết lần kiểm tra: {_env('RUN_URL')}"])
    if state["outcome"] != "success":
        lines += [f"❌ **Kiểm tra nội dung chưa đạt** ở lần sửa `{run_sha}`: bản xem trước **chưa được cập nhật**"
                  + (" (trang đang có ở địa chỉ dưới là của lần sửa trước, đã cũ)." if preview else "."),
                  "", "Lỗi hiện ngay tại dòng trong thẻ **Files changed**; chi tiết ở thẻ **Checks** hoặc tại: "
                  + _env("RUN_URL")]
        if preview:
            lines += ["", f"Bản xem trước cũ: {preview}"]
        return "\n".join(lines)
    if preview:
        lines.append(f"✅ Bản xem trước của lần sửa `{run_sha}`: {preview}")
        lines += ["", "Trang sẵn sàng sau khi GitHub Pages đăng xong, thường 1–2 phút; mỗi lần sửa, bản xem trước được dựng lại."]
    else:
        lines.append(f"✅ Nội dung đạt kiểm tra ở lần sửa `{run_sha}`. Chưa có địa chỉ xem trước trên web (người quản trị "
                     f"chưa đặt PREVIEW_REPO): tải trang đã dựng tại {artifact_url()} (tệp site.zip), giải nén rồi mở "
                     "tệp index.html bằng trình duyệt.")
    if pages:
        lines += ["", "**Các trang có thay đổi:**", ""]
        for source, url in pages:
            where = f"{preview}{url}" if preview else (f"{url}index.html" if url else "index.html")
            lines.append(f"- `{source}` → {where}")
        if left_out:
            lines.append(f"- … và {left_out} tệp khác")
    lines += ["", "Bản xem trước nằm ở một địa chỉ riêng, không phải trang chính thức; được dựng cả khi các kiểm thử khác "
              "chưa đạt."]
    return "\n".join(lines)


def comment() -> list[str]:
    state = json.loads(_state_file().read_text(encoding="utf-8"))
    pages, left_out = changed_pages(Path(_env("META_DIR")))
    body = comment_body(state, pages, left_out)
    delimiter = f"NQ57_COMMENT_{secrets.token_hex(16)}"
    return [f"body<<{delimiter}", body, delimiter]


def main(argv: list[str]) -> int:
    run = {"identify": identify, "comment": comment}.get(argv[1] if len(argv) > 1 else "")
    if run is None:
        print("usage: preview.py identify|comment", file=sys.stderr)
        return 2
    try:
        lines = run()
    except PreviewError as exc:  # stdout is $GITHUB_OUTPUT: the annotation goes to stderr, which the runner reads too
        print(f"::error title=Bản xem trước::{exc}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
