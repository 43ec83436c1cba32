"""Load the news posts: one Markdown file each under ``content/tin-tuc/``, YAML front matter first.

The front matter goes through the same YAML reader and the same error
translation as every other content file, padded with blank lines so a
problem's line number is the line in the ``.md`` file the editor has open.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..text import slugify
from . import models
from .errors import ContentError, Problem, translate
from .photos import PHOTO_DIR, PHOTO_SUFFIXES, PhotoError, PhotoSource, open_photo, photo_path
from .reader import Located, parse_yaml, read_text

NEWS_DIR = "tin-tuc"
"""Folder of the posts inside ``content/``, and the first part of their URLs."""

WORDS_PER_MINUTE = 200
"""Reading speed for the "x phút đọc" line: a common figure for Vietnamese syllables read silently."""

_FENCE = re.compile(r"^\s*(```|~~~)")

POST_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
"""A post's file name: its date, then a slug (``2025-03-10-hoi-nghi-quan-triet.md``); it reaches the edit link."""
_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})[-_ ]*(.*)$")


def post_name_problem(name: str, display: str) -> Problem | None:
    """A post file named otherwise than ``POST_NAME``, with the name to use (accents folded, lower case)."""
    if POST_NAME.match(name):
        return None
    stem = name[:-3] if name.lower().endswith(".md") else name
    dated = _DATED.match(stem)
    day, rest = (dated[1], dated[2]) if dated else ("NNNN-TT-NN", stem)
    suggestion = f"{day}-{slugify(rest) or 'bai-viet'}.md"
    return Problem(display, None, None,
                   f"tên tệp bài “{name}” không đúng mẫu năm-tháng-ngày-tên-không-dấu.md; đổi tên thành “{suggestion}”"
                   + (" (NNNN-TT-NN là ngày đăng)" if not dated else ""),
                   f"post file name must be YYYY-MM-DD-slug.md: rename to {suggestion}")


@dataclass(frozen=True)
class LoadedPost:
    """One validated post: its front matter, its Markdown body and the file it came from."""

    meta: models.Post
    body: str
    source: str
    body_line: int
    located: Located = field(compare=False, repr=False)
    photo: PhotoSource | None = field(default=None, compare=False)
    """The editor's photo file (``image.src`` in ``content/anh/``), checked; None without an image."""

    @property
    def slug(self) -> str:
        return self.meta.slug or slugify(self.meta.title)

    @property
    def path(self) -> str:
        """The generated page, e.g. ``tin-tuc/2025/ban-hanh-ke-hoach.md`` → ``/tin-tuc/2025/ban-hanh-ke-hoach/``."""
        return f"{NEWS_DIR}/{self.meta.date.year}/{self.slug}.md"

    @property
    def url(self) -> str:
        return self.path.removesuffix(".md") + "/"

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(len(self.body.split()) / WORDS_PER_MINUTE))

    def line_of(self, key: str) -> int | None:
        position = self.located.position((key,))
        return position[0] if position else None


def split_front_matter(text: str, name: str) -> tuple[str, str, int]:
    """(front matter padded to keep line numbers, body, body's first line) or a ContentError."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ContentError.at(name, 1, None, "bài phải bắt đầu bằng một dòng chỉ có `---` (phần đầu YAML)",
                              "a post starts with a '---' line and YAML front matter")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n" + "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    raise ContentError.at(name, 1, None, "thiếu dòng `---` đóng phần đầu YAML của bài",
                          "the front matter is not closed by a '---' line")


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line, text) of each Markdown line outside fenced code blocks: what a reader sees as prose."""
    fenced = False
    for offset, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield first_line + offset, line


def html_lines(body: str, first_line: int) -> list[int]:
    """File lines of the body holding an HTML tag (outside fenced code): the same rule as ``models.Text``."""
    return [number for number, line in prose_lines(body, first_line) if models.find_html(line)]


def category_problem(display: str, line: int | None, value: object, categories: list[str], news_file: str) -> Problem:
    """A category that is not one of ``tin-tuc.yml``'s, with the ones that are (the example is always a real one)."""
    if not categories:  # tin-tuc.yml is absent (news is optional) or lists no category yet
        return Problem(display, line, None,
                       f"chuyên mục “{str(value)[:80]}” không có vì {news_file} chưa khai báo chuyên mục nào: tạo "
                       f"{news_file} (nếu chưa có) và ghi `categories:`, mỗi chuyên mục một `id` và `name`, ví dụ "
                       f"`- {{id: {str(value)[:40] or 'hoat-dong'}, name: Hoạt động}}`",
                       "no category is declared", "category")
    return Problem(display, line, None,
                   f"chuyên mục “{str(value)[:80]}” không có trong {news_file}; chọn một trong: {', '.join(categories)}, "
                   f"ví dụ `category: {categories[0]}`", "unknown category", "category")


def load_post(path: Path, display: str, context: dict | None = None, categories: list[str] | None = None,
              news_file: str = "content/tin-tuc.yml") -> LoadedPost:
    """Read, split and validate one post; raise ContentError naming file, line and field.

    ``context`` carries the approving bodies (``{"bodies": [...]}``) that ``approved.by`` must name;
    ``categories`` (the ids in ``tin-tuc.yml``, when it is valid) replace the pattern's hint for a wrong category.
    """
    front, body, body_line = split_front_matter(read_text(path, display), display)
    located = parse_yaml(front, display)
    try:
        meta = models.Post.model_validate(located.data, context=context)
    except ValidationError as exc:
        problems = translate(exc, display, located, models.Post)
        if categories:
            problems = [category_problem(display, p.line, located.data.get("category"), categories, news_file)
                        if p.field == "category" else p for p in problems]
        raise ContentError(problems) from None
    problems = [Problem(display, line, None, "nội dung bài không được chứa mã HTML (thẻ <…>); hãy dùng Markdown",
                        "raw HTML in the post body", "body") for line in html_lines(body, body_line)]
    if not body.strip():
        problems.append(Problem(display, body_line, None, "bài chưa có nội dung sau phần đầu", "empty body", "body"))
    if not meta.slug and len(slugify(meta.title)) > models.MAX_SLUG:
        position = located.position(("title",))
        problems.append(Problem(
            display, position[0] if position else None, None,
            f"tiêu đề quá dài để làm địa chỉ bài (quá {models.MAX_SLUG} ký tự khi bỏ dấu); "
            "thêm dòng `slug:` với vài chữ không dấu nối bằng gạch ngang, ví dụ `slug: hoi-nghi-quan-triet`",
            "title too long for a URL: set slug", "title"))
    photo = None
    if meta.image:
        try:
            photo = open_photo(photo_path(path.parent.parent, meta.image.src))
        except PhotoError as exc:
            position = located.position(("image", "src")) or located.position(("image",))
            problems.append(Problem(display, position[0] if position else None, None, str(exc),
                                    "photo missing, unreadable or too large", "image.src"))
    if problems:
        raise ContentError(problems)
    return LoadedPost(meta, body, display, body_line, located, photo)


def not_a_post(path: Path, display: str) -> Problem | None:
    """A file in the posts' folder that would never be published: a post saved without ``.md``, or a photo."""
    if path.name.startswith(".") or path.suffix == ".md" or not path.is_file():
        return None
    if path.suffix.lower() in PHOTO_SUFFIXES:
        return Problem(display, None, None,
                       f"ảnh “{path.name}” nằm trong thư mục bài viết nên không được đăng: chuyển ảnh vào thư mục "
                       f"content/{PHOTO_DIR}/ (tên viết thường, ví dụ “{path.name.lower()}”) rồi ghi trong bài "
                       f"`src: {path.name.lower()}`", f"photo in the posts' folder: move it to content/{PHOTO_DIR}/")
    stem = path.stem if path.suffix.lower() in {".md", ".txt", ".markdown", ".docx", ".doc"} else path.name
    return Problem(display, None, None,
                   f"tệp “{path.name}” không có đuôi .md nên bài không được đăng: đổi tên tệp thành “{stem}.md”",
                   f"a post must end in .md: rename to {stem}.md")


def load_posts(folder: Path, display: str, context: dict | None = None, categories: list[str] | None = None,
               news_file: str = "content/tin-tuc.yml") -> tuple[list[LoadedPost], list[Problem]]:
    """Every ``*.md`` post in ``folder``, newest first, and every problem found (duplicate URLs included).

    ``context`` carries the approving bodies that ``approved.by`` must name (``load_post``)."""
    posts: list[LoadedPost] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return posts, problems
    problems.extend(p for path in sorted(folder.iterdir()) if (p := not_a_post(path, f"{display}/{path.name}")))
    for path in sorted(folder.glob("*.md")):
        if problem := post_name_problem(path.name, f"{display}/{path.name}"):
            problems.append(problem)
            continue
        try:
            posts.append(load_post(path, f"{display}/{path.name}", context, categories, news_file))
        except ContentError as exc:
            problems.extend(exc.problems)
    seen: dict[str, LoadedPost] = {}
    for post in posts:
        if (first := seen.get(post.path)) is not None:
            problems.append(Problem(
                post.source, post.line_of("slug") or post.line_of("title"), None,
                f"địa chỉ bài “/{post.url}” trùng với bài {first.source}; đặt `slug:` khác cho một trong hai bài",
                f"duplicate slug: same URL as {first.source}", "slug"))
        seen.setdefault(post.path, post)
    posts.sort(key=lambda post: (post.meta.date, post.slug), reverse=True)
    return posts, problems
