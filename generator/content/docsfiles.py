"""What ``docs/`` may publish: an allow-list, because a pull request can add any file there.

MkDocs copies every file of ``docs/`` (and of the site's theme folder, ``overrides/``) into the site
as it is: an ``.html`` or ``.xhtml`` page with a script, an ``.svg`` that runs one, a ``.js`` file
that ``script-src 'self'`` allows, a phone photo with its GPS position. So only these are published:

- Markdown pages (``.md``), whose front matter takes ``PAGE_KEYS`` only (no template choice, no
  script or style address: a theme template prints ``page.meta`` values as it finds them);
- stylesheets (``.css``): the site's CSP forbids them to load from other hosts, the final check too;
- raster images (``IMAGE_SUFFIXES``), decoded and encoded again without any metadata
  (``render.photos.clean_image``), as photos of ``content/anh/`` are;
- and the files a maintainer lists in ``docs_allow`` (paths under ``docs/``), with a page's template
  in ``docs_templates``, both options of the ``nghiquyet`` plugin in ``mkdocs.yml``, a file that content
  pull requests do not change (CODEOWNERS).

Every file name is a safe slug too (``SAFE_NAME``): a name reaches the edit link of a page.

The package's own files (``generator/theme``: theme templates, scripts, the search page) are code, not
pull-request content, and are not checked here; a site's file that replaces one of them is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from ..text import slugify
from .errors import Problem

PAGE_SUFFIXES = frozenset({".md"})
STYLE_SUFFIXES = frozenset({".css"})
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})

PAGE_KEYS = frozenset({"title", "description", "hide", "search"})
"""Front matter keys a ``docs/`` page may set (Material's: title, description, hidden parts, search)."""

HIDE_VALUES = frozenset({"navigation", "toc", "footer", "feedback", "path", "tags"})
SEARCH_KEYS = frozenset({"exclude", "boost"})

SAFE_SEGMENT = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+)*$")
"""One folder or file name: lower case letters without accents, digits, ``-``; an extension."""

_LINE_KEY = re.compile(r"^\s*([^\s:#][^:]*?)\s*:")


def suggested_name(path: str) -> str:
    """The name to use instead: each part folded to a slug, extensions in lower case."""
    parts = []
    for part in PurePosixPath(path).parts:
        stem, dot, suffix = part.lstrip(".").partition(".")
        parts.append((slugify(stem) or "tep") + (dot + re.sub(r"[^a-z0-9.]", "", suffix.lower()) if dot else ""))
    return "/".join(parts)


def name_problem(display: str, path: str) -> Problem | None:
    """A file name that is not a safe slug, with the name to use."""
    if all(SAFE_SEGMENT.match(part) for part in PurePosixPath(path).parts):
        return None
    return Problem(display, None, None,
                   f"tên tệp “{path}” có chữ hoa, dấu, dấu cách hay ký tự đặc biệt; đổi tên thành “{suggested_name(path)}”",
                   f"unsafe file name: rename to {suggested_name(path)}")


def file_problem(display: str, path: str, allowed: Iterable[str]) -> Problem | None:
    """A file of ``docs/`` that may not be published (by its type), with what to do instead."""
    suffix = PurePosixPath(path).suffix.lower()
    if path in set(allowed):
        return None
    if suffix in PAGE_SUFFIXES | STYLE_SUFFIXES | IMAGE_SUFFIXES and not PurePosixPath(path).name.startswith("."):
        return None
    kind = f"kiểu tệp “{suffix}”" if suffix else "tệp không có đuôi"
    return Problem(display, None, None,
                   f"{kind} không được đăng từ docs/ (chỉ nhận trang Markdown .md, kiểu trình bày .css, ảnh JPEG, PNG, "
                   "WebP, GIF); viết trang bằng Markdown, ảnh cho bài đặt trong content/anh/; nếu thật sự cần tệp này, "
                   "người quản trị ghi “" + path + "” vào `docs_allow` của plugin nghiquyet trong mkdocs.yml",
                   f"file type not published from docs/: {path} (a maintainer may list it in docs_allow)")


def _key_lines(text: str) -> dict[str, int]:
    """Line of each top-level key of the front matter, as written (YAML or MultiMarkdown style)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines()[:200], start=1):
        if number > 1 and line.strip() in ("---", "..."):
            break
        if (match := _LINE_KEY.match(line)) and not line[:1].isspace():
            lines.setdefault(match[1].strip().lower(), number)
    return lines


def front_matter_problems(display: str, path: str, text: str, meta: Mapping[str, object],
                          templates: Mapping[str, str]) -> list[Problem]:
    """Keys of a ``docs/`` page's front matter (``meta`` as MkDocs reads it) outside ``PAGE_KEYS``, or values of
    the wrong shape; ``template`` only as ``templates`` (``docs_templates`` in mkdocs.yml) gives it for ``path``."""
    problems = []
    lines = _key_lines(text)

    def refuse(key: str, message: str, english: str) -> None:
        problems.append(Problem(display, lines.get(str(key).lower()), None, message, english, str(key)))

    for key, value in meta.items():
        if key == "template" and templates.get(path) == value:
            continue
        if key not in PAGE_KEYS:
            refuse(key, f"phần đầu trang không được có khóa “{key}”; chỉ dùng: {', '.join(sorted(PAGE_KEYS))}"
                   + (" (mẫu trang do người quản trị đặt trong `docs_templates` của mkdocs.yml)" if key == "template" else ""),
                   f"front matter key not allowed: {key}")
        elif key in ("title", "description") and not isinstance(value, str):
            refuse(key, f"“{key}” phải là một dòng chữ", f"{key} must be text")
        elif key == "hide" and not (isinstance(value, list) and all(v in HIDE_VALUES for v in value)):
            refuse(key, f"“hide” là danh sách, chỉ gồm: {', '.join(sorted(HIDE_VALUES))}", "hide: unknown value")
        elif key == "search" and not (isinstance(value, dict) and set(value) <= SEARCH_KEYS
                                      and all(isinstance(v, bool | int | float) for v in value.values())):
            refuse(key, "“search” chỉ nhận `exclude: true` hoặc `boost: <số>`", "search: exclude or boost only")
    return problems
