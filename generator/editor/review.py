"""What a pull request changes, for its reviewers and its preview: maintainer files touched, pages to look at.

Two questions the CI's content job asks about the list of changed files (``git diff --name-only``):

- Does the pull request touch a file only maintainers may change (``.github/CODEOWNERS``: the security settings in
  ``mkdocs.yml``, the workflows, the generator, the theme, the locks)? Each such file gets a Vietnamese warning
  annotation, so a reviewer sees it before merging (SECURITY.md, "maintainer-only configuration").
- Which pages of the site show the change? Each changed content file maps to the pages the registry built from it
  (a post to its page, ``muc-tieu/2030.yml`` to its horizon's page); a ``docs/`` page to its own address; anything
  else (settings, photos) to the home page. The preview comment lists them with their preview addresses.

The list is data for a trusted workflow that never runs this code: it holds only page addresses and repository paths
(``PreviewPage``), which that workflow checks again against a strict pattern before it writes them in a comment.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..content import Content
from ..registry import page_url
from ..render.pages import render_pages
from ..settings import BuildSettings
from .annotations import annotation

CODEOWNERS = ".github/CODEOWNERS"
MAX_PAGES = 30
"""A comment lists at most this many pages; a larger change links the home page and says how many were left out."""


def codeowners_patterns(root: Path) -> list[str]:
    """The path patterns of ``.github/CODEOWNERS`` (first field of each line), in file order."""
    path = root / CODEOWNERS
    if not path.is_file():
        return []
    lines = (line.split("#", 1)[0].split() for line in path.read_text(encoding="utf-8").splitlines())
    return [fields[0] for fields in lines if fields]


def owned(path: str, pattern: str) -> bool:
    """CODEOWNERS' matching for the patterns this project uses: ``/dir/`` (everything under it), ``/file``, globs;
    a pattern without a leading slash matches at any depth."""
    anchored = pattern.startswith("/")
    pattern = pattern.lstrip("/")
    candidates = [path] if anchored else [path, *(path.split("/", i)[-1] for i in range(1, path.count("/") + 1))]
    for candidate in candidates:
        if pattern.endswith("/") and candidate.startswith(pattern):
            return True
        if fnmatch.fnmatchcase(candidate, pattern) or fnmatch.fnmatchcase(candidate, pattern.rstrip("/") + "/*"):
            return True
    return False


def maintainer_files(root: Path, changed: Iterable[str]) -> list[str]:
    """The changed files that CODEOWNERS reserves for maintainers."""
    patterns = codeowners_patterns(root)
    return [path for path in changed if any(owned(path, pattern) for pattern in patterns)]


def maintainer_annotations(files: Iterable[str]) -> list[str]:
    """One warning per maintainer-only file, shown on the file in the pull request's "Files changed"."""
    return [annotation("warning", path, None,
                       "Tệp này chỉ người duy trì kho mã được sửa (.github/CODEOWNERS): cấu hình an toàn, quy trình CI, "
                       "mã trình tạo trang hoặc khóa phụ thuộc. Người duyệt cần xem kỹ thay đổi này trước khi hợp nhất; "
                       "biên tập nội dung chỉ cần sửa content/ (This file is maintainer-only: review it carefully.)",
                       title="Tệp của người duy trì") for path in files]


@dataclass(frozen=True)
class PreviewPage:
    """A page of the site that shows a change: the file changed and the page's address relative to the site."""

    source: str
    url: str


def changed_pages(content: Content, settings: BuildSettings, changed: Iterable[str]) -> list[PreviewPage]:
    """For each changed file, in the order of the changes, the first page the registry builds from it (a targets file
    also feeds each target's page and widgets: the reader's page comes first); the home page for a content file no
    page comes from (settings, photos); nothing for files outside content/ and docs/ (code, workflows)."""
    first: dict[str, str] = {}
    for page in render_pages(content, settings):
        first.setdefault(page.source, page_url(page.path))
    content_prefix = settings.content_prefix + "/"
    pages: list[PreviewPage] = []
    for path in dict.fromkeys(changed):
        if path in first:
            pages.append(PreviewPage(path, first[path]))
        elif path.startswith("docs/") and path.endswith(".md") and not path.startswith("docs/overrides/"):
            pages.append(PreviewPage(path, page_url(path.removeprefix("docs/"))))
        elif path.startswith(content_prefix):
            pages.append(PreviewPage(path, ""))
    return pages


def pages_json(pages: list[PreviewPage]) -> str:
    """The list the preview workflow reads, cut to ``MAX_PAGES`` with the number left out."""
    return json.dumps({"pages": [asdict(page) for page in pages[:MAX_PAGES]],
                       "more": max(0, len(pages) - MAX_PAGES)}, ensure_ascii=False, indent=1)


def read_changed(path: Path) -> list[str]:
    """``git diff --name-only`` output: one repository path per line."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_review(root: Path, content: Content, settings: BuildSettings, changed: list[str], pages_out: Path | None,
                 github: bool) -> list[str]:
    """The review's printed lines (annotations with ``github``, plain Vietnamese otherwise); writes the page list."""
    files = maintainer_files(root, changed)
    if github:
        lines = maintainer_annotations(files)
    else:
        lines = [f"CẢNH BÁO: {path}: tệp chỉ người duy trì được sửa (.github/CODEOWNERS)" for path in files]
    if pages_out is not None:
        pages_out.parent.mkdir(parents=True, exist_ok=True)
        pages_out.write_text(pages_json(changed_pages(content, settings, changed)), encoding="utf-8")
    return lines
