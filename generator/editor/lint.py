"""Content lint (``python -m generator lint``): what validation cannot catch, as file:line and a fix.

Scope, decided so the lint never asks anyone to change the plan's wording:

- every content file (YAML and posts) and every hand-written page under ``docs/``:
  text not in NFC (warning; the loader normalises it anyway), known OCR/typing
  confusions from ``content/ocr-corrections.yml`` (error), the Resolution's
  number written another way than in ``ke-hoach.yml`` (error), trailing spaces (warning);
- editor-written prose only (post bodies, post titles/summaries/captions and
  ``docs/**/*.md``), never text quoted from the document, which keeps its own
  style (e.g. ``10/3/2025``): dates written with "." or "-" or year first (the plan writes 5/3/2025), double spaces and
  straight quotes (warnings), images without alt text (errors);
- links (inline and reference-style) in post bodies, ``docs/**/*.md`` and YAML texts (``links.py``): pages,
  files and anchors the build will have, addresses copied from the browser, ``../``;
- silent traps on the validated models (``traps.py``): a result dated after the
  build, measurements the trend line leaves out;
- editorial items waiting for approval (``content.approval``): one warning per item at its line, since a
  production build leaves them out;
- placeholders a starter site left (``«CẦN ĐIỀN: …»``, ``content.placeholders``): one warning per line, since the
  site builds with them but says nothing yet.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from ..content import Content, content_files, load_content, load_model
from ..content.approval import drafts
from ..content.horizons import horizon_attribute
from ..content.models import Corrections, Quiz
from ..content.placeholders import MARKER, find_placeholders
from ..content.posts import NEWS_DIR, LoadedPost, prose_lines, split_front_matter
from ..content.reader import parse_yaml
from ..render import feeds
from ..render.pages import render_pages
from ..settings import BuildSettings, SettingsError, build_date
from ..text import toc_slugify
from . import traps
from .links import SiteMap, build_sitemap, normalise, relative_form

CORRECTIONS = "ocr-corrections.yml"
FUTURE_DAYS = 365
"""A date further ahead than this is more likely a typing slip than a plan."""

_CODE_SPAN = re.compile(r"`[^`]*`")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$")
"""A reference-style link's definition, ``[mt]: muc-tieu-2030.md "tiêu đề"``, on a line of its own."""
_REF_USE = re.compile(r"(?<![\]\\])(!?)\[([^\]]+)\]\[([^\]]*)\]")
"""``[chữ][mt]`` or ``[chữ][]``: a link whose address is in a definition line elsewhere in the same text."""
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)")
"""A day-month-year date; a full stop after it ends the sentence ("… ngày 10-3-2025.")."""
_ISO = re.compile(r"(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])")
_DOUBLE_SPACE = re.compile(r"\S( {2,})(?=\S)")
_TAG = re.compile(r"<[^<>]*>")
_KEY = r"^\s*(?:-\s+)?(?:[A-Za-z_][\w]*:\s*)?"
_CURLY_VALUE = re.compile(_KEY + r"“[^“”]*”\s*$")
"""A whole value wrapped in curly quotes: YAML keeps them, so the page shows them around the text."""
_THOUSANDS = re.compile(_KEY + r"(-?[1-9]\d{0,2}(?:\.\d{3})+)\s*(?:#.*)?$")
"""``1.200`` as a Vietnamese thousands separator: YAML reads the number 1.2."""

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One thing to fix, at one line."""

    file: str
    line: int
    severity: Severity
    message: str
    fix: str

    def __str__(self) -> str:
        label = "LỖI" if self.severity == "error" else "CẢNH BÁO"
        return f"{self.file}:{self.line}: {label}: {self.message}\n    cách sửa: {self.fix}"


@dataclass(frozen=True)
class Confusion:
    """A wrong spelling as a pattern that tolerates line wrapping, and its correction."""

    wrong: str
    right: str
    pattern: re.Pattern[str]


def confusions(content_dir: Path) -> list[Confusion]:
    """OCR errors found in the source document plus the extra typing confusions, minus those marked ``lint: false``.

    The word list is optional (a plan typed, not scanned, may have none): absent, there is nothing to look for."""
    if not (content_dir / CORRECTIONS).is_file():
        return []
    data = load_model(content_dir / CORRECTIONS, Corrections, f"{content_dir.name}/{CORRECTIONS}")
    found = []
    for entry in [*data.corrections, *data.confusions]:
        if entry.lint:
            words = entry.wrong.split()
            # "Chuyên đổi số", "CHUYÊN ĐỔI SỐ": a confusion is the same mistake in any capitalisation.
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
            found.append(Confusion(entry.wrong, entry.right, pattern))
    return found


CROWDED_SHARE = 0.4
"""More right answers than this share under one letter is a warning (the quiz page shuffles options, the
printed list and the no-JavaScript page do not)."""


def crowded_letter(quiz: Quiz) -> tuple[str, int, int] | None:
    """(letter, count, total) when one position holds more than ``CROWDED_SHARE`` of the right answers and more
    than an even spread over three options would (a bank of 4 questions cannot do better than 2 under A)."""
    positions = Counter(next(n for n, option in enumerate(q.options) if option.correct) for q in quiz.questions)
    if not positions:
        return None
    total = len(quiz.questions)
    position, count = max(positions.items(), key=lambda item: item[1])
    if count > CROWDED_SHARE * total and count > ceil(total / 3):
        return "ABCD"[position], count, total
    return None


def truncated_label(title: str, measure: str) -> bool:
    """True when ``title`` is ``measure`` with words cut from its start or its end (a label that no longer says of what)."""
    title, measure = title.casefold().split(), measure.casefold().split()
    return len(title) < len(measure) and (measure[:len(title)] == title or measure[-len(title):] == title)


def number_pattern(number: str) -> re.Pattern[str]:
    """Any spelling of a document number like ``<n>-NQ/TW``: ``NQ <n>``, ``<n>/NQ-TW``, ``NQ<n>`` …"""
    parts = [part for part in re.split(r"[-/\s]+", number) if part]
    digits = next((part for part in parts if part.isdigit()), parts[0])
    kind = next((part for part in parts if not part.isdigit()), "")
    sep = r"[\s\-/._]*"
    tail = "".join(f"(?:{sep}{re.escape(part)})?" for part in parts[2:])
    return re.compile(rf"(?<![\w/-])(?:{re.escape(kind)}{sep}{digits}(?!\d)|{digits}{sep}{re.escape(kind)}{tail})(?![\w/])", re.I)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


class Linter:
    """Runs every check over the project's files; ``findings`` collects the results."""

    def __init__(self, content: Content, docs_dir: Path, root: Path | None = None) -> None:
        self.content = content
        self.content_dir = content.root
        self.docs_dir = docs_dir
        self.root = (root or self.content_dir.parent).resolve()
        """The project's root (where mkdocs.yml is): files are named from it, ``sites/x/content/…`` for a nested site."""
        self.findings: list[Finding] = []
        self.confusions = confusions(self.content_dir)
        self.number = content.plan.resolution.number
        self.number_re = number_pattern(self.number)
        self.today = build_date(time_zone=content.settings.time_zone, project_dir=self.content_dir.resolve().parent)
        self.sitemap = self._sitemap()

    # -- file walking -------------------------------------------------------

    def run(self) -> list[Finding]:
        horizons = [self.content.source(horizon_attribute(section.year)) for section in self.content.horizons]
        for name in [*(entry.name for entry in content_files()), *horizons, CORRECTIONS]:
            path = self.content_dir / name
            if path.is_file():
                text = self.whole_file(path, skip_confusions=name == CORRECTIONS)
                if name != CORRECTIONS:
                    self.yaml_links(self.display(path), text)
        self.stray_files()
        self.publisher_details()
        self.quiz_balance()
        self.indicator_labels()
        self.silent_traps()
        self.awaiting_approval()
        for post in self.content.posts:
            self.post(post)
        if self.docs_dir.is_dir():
            for path in sorted(self.docs_dir.rglob("*.md")):
                text = self.whole_file(path)
                page = path.relative_to(self.docs_dir).as_posix()
                self.prose(self.display(path), text, 1, LinkFrom("doc", posixpath.dirname(page), page))
        return sorted(self.findings, key=lambda f: (f.file, f.line, f.severity))

    def stray_files(self) -> None:
        """A file the build will not read is usually a mistake: a misnamed YAML file (a post saved as .txt, or a photo
        outside ``content/anh/``, stops the build instead: ``posts.not_a_post``, ``photos.misplaced_photos``)."""
        known = {entry.name for entry in content_files()} | {CORRECTIONS}
        for path in sorted(self.content_dir.glob("*")):
            if path.is_file() and path.suffix.lower() in {".yml", ".yaml"} and path.name not in known:
                self.add(self.display(path), 1, "warning",
                         "tệp này không được đọc khi xây dựng trang (không phải tệp nội dung nào)",
                         f"đổi tên cho đúng một trong: {', '.join(sorted(known))}; hoặc xóa tệp")

    def silent_traps(self) -> None:
        """Content that builds but makes the page say something else (generator/editor/traps.py)."""
        for trap in traps.traps(self.content, self.today):
            self.add(self.display(self.content_dir / trap.file), traps.line_of(self.content_dir, trap),
                     trap.severity, trap.message, trap.fix)

    def awaiting_approval(self) -> None:
        """Every editorial item without ``approved:``: a production build leaves it out, a preview marks it a draft."""
        bodies = (", ".join(body.id for body in self.content.settings.approving_bodies)
                  or "cai-dat.yml chưa có `approving_bodies`")
        located: dict[str, Any] = {}
        for item in drafts(self.content):
            if item.attribute == "posts":
                post = next(post for post in self.content.posts if post.source == item.file)
                name, line = self.display(self.content_dir / NEWS_DIR / Path(post.source).name), post.line_of("title") or 1
            else:
                path = self.content_dir / item.file
                name = self.display(path)
                if name not in located:
                    located[name] = parse_yaml(path.read_text(encoding="utf-8-sig"), name)
                position = located[name].position(item.path)
                line = position[0] if position else 1
            self.add(name, line, "warning",
                     f"chờ duyệt: “{item.label}” chưa có `approved:`; bản chính thức không đăng mục này",
                     f"khi cơ quan có thẩm quyền đã duyệt, thêm `approved: {{by: <mã>, on: <ngày duyệt>}}` "
                     f"(mã: {bodies}); không ghi thay khi chưa duyệt")

    def publisher_details(self) -> None:
        """The footer of a state body's information site names its publisher; say which details are still empty."""
        missing = self.content.settings.missing_publisher_details
        if missing:
            self.add(self.display(self.content_dir / self.content.source("settings")), 1, "warning",
                     f"chân trang còn thiếu: {', '.join(missing)}",
                     "ghi cơ quan chủ quản, người chịu trách nhiệm, địa chỉ, điện thoại, thư điện tử trong cai-dat.yml")

    def quiz_balance(self) -> None:
        """A bank whose right answers sit mostly under one letter lets a reader score by always tapping it."""
        if (found := crowded_letter(self.content.quiz)) is not None:
            letter, count, total = found
            self.add(self.display(self.content_dir / self.content.source("quiz")), 1, "warning",
                     f"{count}/{total} câu có đáp án đúng ở phương án {letter} (quá {round(CROWDED_SHARE * 100)}%)",
                     "đổi thứ tự các phương án (chỉ đổi chỗ, không sửa lời) để đáp án đúng rải đều ở A, B, C, D")

    def indicator_labels(self) -> None:
        """A card reads "Đạt 80% — <title>": for a bare percentage (unit ``%``; "% GDP", "doanh nghiệp" say of what
        themselves), a title cut from its measure ("Giao dịch không dùng tiền mặt" for
        "Tỉ lệ giao dịch không dùng tiền mặt") leaves the reader asking 80% of what."""
        for section in self.content.horizons:
            path = self.content_dir / self.content.source(horizon_attribute(section.year))
            for indicator in section.indicators:
                if indicator.unit == "%" and truncated_label(indicator.title, indicator.measure):
                    self.add(self.display(path), 1, "warning",
                             f"chỉ tiêu “{indicator.id}”: tên “{indicator.title}” là một phần của đại lượng đo "
                             f"“{indicator.measure}”, người đọc không biết con số đo cái gì",
                             f"ghi `title: {indicator.measure}` (lấy lời của đại lượng đo)")

    def future_date(self, name: str, line: int, value: date) -> None:
        if value > self.today + timedelta(days=FUTURE_DAYS):
            self.add(name, line, "warning", f"ngày {value:%d/%m/%Y} cách hôm nay hơn một năm",
                     "kiểm tra lại năm (gõ nhầm 2026 thành 2062?)")

    def display(self, path: Path) -> str:
        """Paths relative to the project root, forward slashes: what the editor sees in the forge."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, file: str, line: int, severity: Severity, message: str, fix: str) -> None:
        self.findings.append(Finding(file, line, severity, message, fix))

    # -- checks on every file ----------------------------------------------

    def whole_file(self, path: Path, skip_confusions: bool = False) -> str:
        """NFC, trailing spaces, OCR confusions and the Resolution's number: on every line of the file."""
        name = self.display(path)
        raw = path.read_text(encoding="utf-8-sig")
        for number, line in enumerate(raw.splitlines(), start=1):
            if unicodedata.normalize("NFC", line) != line:
                self.add(name, number, "warning", "chữ có dấu gõ ở dạng tổ hợp (không phải NFC); trang vẫn xây dựng được",
                         "gõ lại bằng bộ gõ đặt bảng mã Unicode dựng sẵn (Unikey: Unicode), hoặc lưu lại tệp ở dạng NFC")
            if line != line.rstrip():
                self.add(name, number, "warning", "dấu cách thừa ở cuối dòng", "xóa các dấu cách sau chữ cuối cùng của dòng")
            for wanted in find_placeholders(line):
                self.add(name, number, "warning", f"chỗ còn để trống «{MARKER}»" + (f": {wanted}" if wanted else ""),
                         f"viết nội dung thật vào chỗ này (đúng như văn bản nếu là lời Kế hoạch) rồi xóa cả dấu «{MARKER}: …»")
            if path.suffix in {".yml", ".md"}:
                self.yaml_traps(name, number, line)
        text = unicodedata.normalize("NFC", raw)
        if not skip_confusions:
            for confusion in self.confusions:
                for match in confusion.pattern.finditer(text):
                    if " ".join(match.group().split()) == confusion.right:
                        continue  # matched without regard to case, but written exactly right ("(qua Ban" for "(Qua Ban")
                    self.add(name, _line_of(text, match.start()), "error",
                             f"“{' '.join(match.group().split())}” là lỗi nhận dạng chữ/lỗi gõ đã biết",
                             f"sửa thành “{confusion.right}”")
        for match in self.number_re.finditer(text):
            if match.group() != self.number:
                self.add(name, _line_of(text, match.start()), "error",
                         f"số hiệu Nghị quyết viết là “{match.group()}”, khác cách viết thống nhất",
                         f"viết “{self.number}” (ví dụ “Nghị quyết số {self.number}”)")
        return text

    def yaml_traps(self, name: str, number: int, line: str) -> None:
        """Values YAML reads differently from what the editor meant (checked on every YAML-looking line)."""
        if _CURLY_VALUE.match(line):
            self.add(name, number, "warning",
                     "cả giá trị được bọc trong ngoặc kép cong “…”: trang sẽ hiện cả hai dấu ngoặc",
                     "bỏ dấu “ ở đầu và dấu ” ở cuối; ngoặc kép cong chỉ dùng cho chữ được trích bên trong câu")
        if match := _THOUSANDS.match(line):
            written = match.group(1)
            self.add(name, number, "warning",
                     f"số “{written}” được đọc là {written.replace('.', ',', 1).rstrip('0').rstrip(',')} "
                     "(dấu chấm là dấu thập phân), không phải " + written.replace(".", ""),
                     f"viết {written.replace('.', '')} (không dùng dấu chấm ngăn cách hàng nghìn); "
                     f"nếu đúng là số thập phân thì viết {written.rstrip('0').rstrip('.')}")

    # -- checks on editor prose --------------------------------------------

    def post(self, post: LoadedPost) -> None:
        path = self.content_dir / NEWS_DIR / Path(post.source).name
        name = self.display(path)
        text = self.whole_file(path)
        _, body, body_line = split_front_matter(text, name)
        self.prose(name, body, body_line, LinkFrom("post", "", post.path))
        meta = post.meta
        self.future_date(name, post.line_of("date") or 1, meta.date)
        fields = {"title": meta.title, "summary": meta.summary}
        if meta.image:
            # The photo file itself (missing, unreadable, too large) is checked when the post loads: content/photos.py.
            fields.update({"image": meta.image.alt + " " + (meta.image.caption or "")})
        for key, value in fields.items():
            self.style(name, post.line_of(key) or 1, value)
        named = {tag.id for tag in self.content.news.tags}
        for tag in meta.tags:
            if tag not in named:
                self.add(name, post.line_of("tags") or 1, "warning",
                         f"từ khóa “{tag}” chưa có tên trong content/tin-tuc.yml nên trang hiện mã “{tag}”",
                         f"thêm vào `tags:` của content/tin-tuc.yml:  - id: {tag}  /  name: <tên hiện trên trang>")

    def prose(self, name: str, text: str, first_line: int, origin: LinkFrom) -> None:
        """Style, links and image alt text in Markdown written by an editor (fenced code skipped)."""
        lines = [(number, _CODE_SPAN.sub("code", line)) for number, line in prose_lines(text, first_line)]
        defined = {_ref_label(m.group(1)) for _, line in lines if (m := _REF_DEF.match(line))}
        for number, line in lines:
            if definition := _REF_DEF.match(line):
                if definition.group(2):
                    self.link(name, number, definition.group(2), origin)
                continue  # a definition line is not shown on the page: no style rules
            # Link addresses and titles are not prose: a date in a URL or a "title" is not the editor's wording.
            self.style(name, number, _LINK.sub(lambda m: f"{m.group(1)}[{m.group(2)}]()", line))
            for match in _REF_USE.finditer(line):
                image, label, ref = match.groups()
                if _ref_label(ref or label) not in defined:
                    key = (ref or label).strip()
                    self.add(name, number, "error",
                             f"liên kết `{match.group()}` không có dòng định nghĩa `[{key}]: …` trong cùng {origin.noun}: "
                             "trang sẽ hiện nguyên các dấu ngoặc vuông, không có liên kết",
                             f"viết thẳng địa chỉ `[{label}]({self.example_page})`, hoặc thêm một dòng riêng "
                             f"`[{key}]: {self.example_page}` (thay bằng trang cần dẫn tới)")
        for number, match in _links(lines):
            image, label, target = match.groups()
            if image and not label.strip():
                self.add(name, number, "error", "ảnh không có mô tả (alt text)",
                         "viết mô tả ngắn trong ngoặc vuông: ![Mô tả nội dung ảnh](…)")
            if target:
                self.link(name, number, target, origin)

    def style(self, name: str, number: int, line: str) -> None:
        for match in _DMY.finditer(line):
            day, sep, month, year = match.groups()
            # The plan itself writes 5/3/2025 and 10/3/2025: day/month/year with "/", zeros optional.
            if sep != "/":
                self.add(name, number, "warning", f"ngày “{match.group()}” viết bằng dấu “{sep}”",
                         f"viết như văn bản Kế hoạch, ngăn cách bằng dấu “/”: {int(day)}/{int(month)}/{year}")
        for match in _ISO.finditer(line):
            year, month, day = match.groups()
            self.add(name, number, "warning", f"ngày “{match.group()}” trong bài viết dạng năm-tháng-ngày",
                     f"viết {int(day)}/{int(month)}/{year}")
        if _DOUBLE_SPACE.search(line.lstrip()):
            self.add(name, number, "warning", "có hai dấu cách liền nhau", "chỉ để một dấu cách giữa hai chữ")
        if '"' in _TAG.sub(" ", line):  # attribute quotes of an HTML tag in docs/ are not prose
            self.add(name, number, "warning", "dấu ngoặc kép thẳng (\")", "dùng ngoặc kép cong “…”")

    # -- links ---------------------------------------------------------------

    @property
    def example_page(self) -> str:
        """A page of this site, written from the site root, for the examples in messages (``SiteMap.example``)."""
        return self.sitemap.example.partition("#")[0]

    def _sitemap(self) -> SiteMap:
        """Every page (with its anchors) and file the built site will have, as paths under docs/."""
        try:
            site_url = BuildSettings.resolve(self.content_dir, base_url=self.content.settings.base_url,
                                             repo_url=None, time_zone=self.content.settings.time_zone).site_url
        except SettingsError:
            site_url = None  # the build reports it; links are still checked
        # Every page a preview has: a link to a page that is off in production until its items are approved is
        # not a broken link (the page appears with the approval). Relative links: no site URL.
        settings = BuildSettings(content_dir=self.content_dir, today=self.today, preview=True)
        rendered = [(page.path, page.markdown) for page in render_pages(self.content, settings)]
        return build_sitemap(self.content, rendered, self.docs_dir, {feeds.RSS_PATH, feeds.JSON_PATH}, site_url)

    def yaml_links(self, name: str, text: str) -> None:
        """Markdown links in YAML texts: relative to each generated page that shows the text."""
        lines = [(number, "" if line.lstrip().startswith("#") else _CODE_SPAN.sub("code", line))
                 for number, line in enumerate(text.splitlines(), start=1)]
        for number, match in _links(lines):
            target = match.group(3)
            if target:
                shown = [path for path, page in self.sitemap.texts.items() if f"]({target}" in page]
                for page in shown or [""]:
                    before = len(self.findings)
                    self.link(name, number, target, LinkFrom("yaml", posixpath.dirname(page), page or None))
                    if len(self.findings) > before:
                        break  # one finding per link, from the first page that shows it

    def link(self, name: str, number: int, target: str, origin: LinkFrom) -> None:
        """One link: a page or file that exists, an anchor on it, written so it works on every copy of the site."""
        address = self.sitemap.site_address(target)
        if address is not None:
            self.site_address(name, number, target, address, origin)
            return
        if _EXTERNAL.match(target) and not target.startswith("#"):
            return
        path, _, anchor = target.partition("#")
        path = path.split("?", 1)[0]
        if not path:
            if anchor and origin.page:
                self.anchor(name, number, target, origin.page, anchor, origin)
            return
        resolved, outside = normalise(origin.base, path)
        climbs = path.startswith("../") or "/../" in path
        if climbs and origin.kind == "post":
            inside, _ = normalise("", re.sub(r"^(?:\.\./)+", "", path))
            self.add(name, number, "error", f"liên kết `{target}` dùng `../`: trong bài viết, đường dẫn luôn tính từ "
                     "gốc trang web, `../` làm liên kết hỏng",
                     f"bỏ `../`, viết `{relative_form(inside, anchor, '')}`")
            return
        if outside:
            where = f"trang `{origin.page}`" if origin.kind == "yaml" and origin.page else "thư mục docs/"
            self.add(name, number, "error", f"liên kết `{target}` dùng `../` đi ra ngoài {where}: ở đó không có trang nào",
                     "đường dẫn tính từ thư mục chứa trang; trang cùng thư mục viết thẳng tên tệp, "
                     f"ví dụ `{posixpath.basename(self.example_page)}`, không có `../`")
            return
        page = self.sitemap.resolve(resolved.rstrip("/"))
        if page is None and (folder := self.sitemap.from_url(resolved)) is not None:
            self.add(name, number, "warning", f"liên kết `{target}` là địa chỉ thư mục: MkDocs không đổi địa chỉ "
                     "này theo trang nên liên kết hỏng ở mọi trang không nằm ở gốc",
                     f"viết đường dẫn tới tệp trang: `{relative_form(folder, anchor, origin.base)}`")
            page = folder
        if page is None:
            close = self.sitemap.close(resolved)
            hint = f"; có phải là `{relative_form(close, '', origin.base)}`?" if close else ""
            where = "viết từ gốc trang" if origin.base == "" else f"viết tính từ thư mục {origin.base}/"
            example_page, _, example_anchor = self.sitemap.example.partition("#")
            example = relative_form(example_page, example_anchor, origin.base)
            self.add(name, number, "error", f"liên kết tới trang hoặc tệp không tồn tại: `{target}`",
                     f"sửa đường dẫn ({where}, ví dụ `{example}`){hint}")
            return
        if anchor:
            self.anchor(name, number, target, page, anchor, origin)

    def anchor(self, name: str, number: int, target: str, page: str, anchor: str, origin: LinkFrom) -> None:
        anchors = self.sitemap.pages.get(page)
        if anchors is None or anchor in anchors:
            return  # a file, not a page: nothing to check
        slug = toc_slugify(unquote(anchor))
        close = [slug] if slug in anchors else difflib.get_close_matches(anchor, sorted(anchors), n=1)
        same_page = target.startswith("#")
        fix = ((f"viết `#{close[0]}`" if same_page else f"viết `{relative_form(page, close[0], origin.base)}`")
               + " (mục có tên gần giống nhất)" if close else
               f"bỏ `#{anchor}` để dẫn tới đầu trang, hoặc dùng mã một mục có trên trang")
        self.add(name, number, "error", f"trang `{page}` không có mục “#{anchor}” (liên kết `{target}`)",
                 fix + "; mã mục là phần sau dấu # trên thanh địa chỉ khi mở mục đó")

    def site_address(self, name: str, number: int, target: str, address: str, origin: LinkFrom) -> None:
        """``/muc-tieu-2030/#kinh-te-so`` or ``https://<site>/…``: copied from the browser's address bar."""
        anchor = urlsplit(target).fragment
        page = self.sitemap.from_url(address)
        if page is None:
            close = self.sitemap.close(address.strip("/") + ".md")
            hint = f", ví dụ `{relative_form(close, '', origin.base)}`" if close else ""
            self.add(name, number, "error", f"địa chỉ `{target}` chép từ trình duyệt nhưng trang web không có trang này",
                     f"viết đường dẫn tới tệp trang (tên tệp .md, không có dấu / ở đầu){hint}")
            return
        if anchor and anchor not in self.sitemap.pages.get(page, {anchor}):
            self.anchor(name, number, target, page, anchor, origin)
            return
        why = ("luôn mở bản đang đăng trên mạng, không mở bản xem trước hay bản lưu trên máy"
               if "://" in target else "hỏng ở bản xem trước và khi trang web đặt trong một thư mục con của tên miền")
        self.add(name, number, "warning", f"địa chỉ `{target}` chép từ thanh địa chỉ của trình duyệt: "
                 f"mở được nhưng {why}", f"viết đường dẫn tương đối `{relative_form(page, anchor, origin.base)}`")


@dataclass(frozen=True)
class LinkFrom:
    """Where a link is written: ``post`` (from the site root), ``doc`` (docs/ page) or ``yaml``; links are relative to
    ``base`` (a folder under docs/), and ``page`` is the page the link sits on (for ``#mục`` alone)."""

    kind: Literal["post", "doc", "yaml"]
    base: str
    page: str | None

    @property
    def noun(self) -> str:
        """The text a reference-style link's definition must be in, in the editor's words."""
        return {"post": "bài", "doc": "trang", "yaml": "đoạn văn"}[self.kind]


def _links(lines: list[tuple[int, str]]) -> Iterator[tuple[int, re.Match[str]]]:
    """Inline links in numbered lines, with the line of each link's address: a link's words may wrap onto the next
    line (``[Mục tiêu đến\nnăm 2030](muc-tieu-2030.md)``), as Markdown allows."""
    joined = "\n".join(line for _, line in lines)
    for match in _LINK.finditer(joined):
        yield lines[joined.count("\n", 0, match.start(3))][0], match


def _ref_label(label: str) -> str:
    """Markdown matches a reference's label to its definition without regard to case or repeated spaces."""
    return " ".join(label.split()).casefold()


def lint(content_dir: Path, docs_dir: Path | None = None, root: Path | None = None) -> list[Finding]:
    """Load (and so validate) the content, then run every check; findings sorted by file and line."""
    content = load_content(content_dir)
    return Linter(content, docs_dir or Path(content_dir).parent / "docs", root).run()


def report(findings: Iterable[Finding]) -> Iterator[str]:
    """Lines printed to the editor: each finding, then a count."""
    findings = list(findings)
    errors = sum(f.severity == "error" for f in findings)
    yield from (str(f) for f in findings)
    yield f"Kiểm tra nội dung (content lint): {errors} lỗi, {len(findings) - errors} cảnh báo."
