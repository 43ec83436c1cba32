"""Load every content file into validated models, or report every problem at once.

``Content`` is the registry of content files: each of its model fields names,
in its metadata, the YAML file it is read from, and whether the file is
``optional``. Adding a content file is one typed field here; the loader, the
JSON Schema export, the lint and the editor guide all find it through
``content_files()``.

Required files are the plan's own text (``document.DOCUMENT_PARTS``) and the
site's settings: without them there is no plan to show. Every other file is
editorial material an organisation may not have (a summary, questions and
answers, a glossary, a quiz, news, a register of grassroots organisations):
absent, its model is the empty one (``Model()``: no items), and the registry's
``PageKind.enabled`` predicate turns its page kind off.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..settings import build_date
from . import grassroots, models
from .document import (
    CORRECTIONS,
    DOCUMENT_PARTS,
    SECTIONS,
    SOURCE_TEXT,
    DocumentText,
    Passage,
    corrected_source,
    differences,
    document_pieces,
    document_text,
    passages,
)
from .errors import ContentError, Problem, translate
from .horizons import HORIZON_SCHEMA, HORIZONS_DIR, horizon_file, horizon_year
from .migrations import SCHEMA_VERSION, SETTINGS_FILE, content_version
from .photos import PHOTO_DIR, misplaced_photos
from .posts import NEWS_DIR, LoadedPost, category_problem, load_posts
from .quotation import stands_in
from .reader import read_text, read_yaml, symlinks

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Content:
    """The whole validated content: one field per content file, then the news posts.

    ``optional`` files may be absent: the field then holds the model's empty value (``Model()``).
    """

    root: Path
    settings: models.Settings = field(metadata={"file": "cai-dat.yml"})
    plan: models.Plan = field(metadata={"file": "ke-hoach.yml"})
    purpose: models.PurposeSection = field(metadata={"file": "muc-dich-yeu-cau.yml"})
    viewpoints: models.ViewpointSection = field(metadata={"file": "quan-diem.yml"})
    tasks: models.TaskSection = field(metadata={"file": "nhiem-vu.yml"})
    study: models.StudySection = field(metadata={"file": "hoc-tap-quan-triet.yml"})
    organisation: models.OrganisationSection = field(metadata={"file": "to-chuc-thuc-hien.yml"})
    news: models.NewsSection = field(metadata={"file": "tin-tuc.yml", "optional": True})
    grassroots: models.GrassrootsRegister = field(metadata={"file": grassroots.REGISTER_FILE, "optional": True})
    questions: models.QuestionSection = field(metadata={"file": "hoi-dap.yml", "quotes": True, "optional": True})
    clarifications: models.ClarificationSection = field(
        metadata={"file": "lam-ro.yml", "quotes": True, "optional": True})
    glossary: models.GlossarySection = field(metadata={"file": "thuat-ngu.yml", "optional": True})
    quiz: models.Quiz = field(metadata={"file": "trac-nghiem.yml", "optional": True})
    meeting: models.Meeting = field(metadata={"file": "sinh-hoat-chi-bo.yml", "optional": True})
    summary: models.Summary = field(metadata={"file": "tom-tat.yml", "optional": True})
    citizens: models.CitizensSection = field(metadata={"file": "nguoi-dan.yml", "optional": True})
    posts: list[LoadedPost] = field(default_factory=list)
    grassroots_records: list[grassroots.LoadedRecord] = field(default_factory=list)
    """One result file per organisation in ``to-chuc-co-so/``, in file-name order."""
    horizons: list[models.TargetSection] = field(default_factory=list)
    """The plan's target horizons (section II.1.2), one file each in ``muc-tieu/`` named for its year, in year
    order: as many as the plan sets (a 2030 target and a 2045 vision, or one, or three)."""

    @property
    def target_sections(self) -> list[models.TargetSection]:
        return list(self.horizons)

    @cached_property
    def parts(self) -> dict[str, Any]:
        """The models the document is made of (``document.DOCUMENT_PARTS``), by name.

        These three are computed once per ``Content`` (views ask for a passage per question); the
        models are validated and never changed afterwards, so a cached value cannot go stale.
        """
        return {name: getattr(self, name) for name in DOCUMENT_PARTS}

    @cached_property
    def document(self) -> DocumentText:
        """The plan's own words, searchable: where every quotation must be found."""
        return document_text(**self.parts)

    @cached_property
    def passages(self) -> dict[str, Passage]:
        """Every passage editors' text may name: id → passage (``document.passages``)."""
        return passages(**self.parts)

    def source(self, attribute: str) -> str:
        """The content file an attribute was read from: ``viewpoints`` → ``quan-diem.yml``,
        ``horizon_attribute(2030)`` → ``muc-tieu/2030.yml``."""
        return file_of(attribute)


def file_of(attribute: str) -> str:
    """The content file behind a ``Content`` attribute or a horizon's ``horizon_attribute``."""
    if (year := horizon_year(attribute)) is not None:
        return horizon_file(year)
    return next(f.metadata["file"] for f in fields(Content) if f.name == attribute)


@dataclass(frozen=True)
class ContentFile:
    """One YAML file under ``content/``: its name, the model that checks it, the ``Content`` field it fills."""

    name: str
    model: type[BaseModel]
    attribute: str
    quotes: bool = False
    """Its quotations are checked against the document, so it is read after the document's files."""
    optional: bool = False
    """Editorial material: absent, the model's empty value stands in and its page kind is off."""

    @property
    def holds(self) -> str:
        """What the file holds, in the editors' words: the first line of its model's docstring."""
        return (self.model.__doc__ or self.name).strip().splitlines()[0].rstrip(".")

    def empty(self) -> BaseModel:
        """The value of an absent optional file: the model with no items (its defaults)."""
        return self.model.model_validate({})


def content_files() -> list[ContentFile]:
    """Every content file, in ``Content`` field order, read off the dataclass itself."""
    hints = typing.get_type_hints(Content, globalns=vars(models) | globals())
    return [ContentFile(f.metadata["file"], hints[f.name], f.name, f.metadata.get("quotes", False),
                        f.metadata.get("optional", False))
            for f in fields(Content) if "file" in f.metadata]


def missing_file_problem(entry: ContentFile, display: str) -> Problem:
    """A required file is absent: say what it holds, so the editor knows what to restore."""
    return Problem(display, None, None,
                   f"thiếu tệp nội dung bắt buộc (tệp này chứa: {entry.holds}); khôi phục tệp từ lịch sử kho "
                   f"(git) hoặc chép lại phần đó của Kế hoạch vào {entry.name}",
                   f"required content file is missing ({entry.name})")


EXTRA_SCHEMAS: dict[str, type[BaseModel]] = {
    "ocr-corrections.yml": models.Corrections,
    "tin-tuc-bai.yml": models.Post,
    "to-chuc-co-so-ket-qua.yml": models.GrassrootsRecord,
    HORIZON_SCHEMA: models.TargetSection,
}
"""Files with a schema that are not ``Content`` fields: the lint's word list, and a post's front matter."""


def load_model(path: Path, model: type[M], display: str, context: dict[str, Any] | None = None) -> M:
    """Read and validate one file; raise ContentError naming file, line and field.

    ``context`` reaches the models' validators: ``{"document": DocumentText}`` for files that quote the plan.
    """
    located = read_yaml(path, display)
    try:
        return model.model_validate(located.data, context=context)
    except ValidationError as exc:
        raise ContentError(translate(exc, display, located, model)) from None


RENAMED_FILES = {
    "phan-bac.yml": (
        "trang “Phản bác” đã đổi thành “Làm rõ một số nhận thức chưa đúng”: đổi tên tệp thành lam-ro.yml, "
        "đổi `claims:` thành `items:`, mỗi mục thay `claim:` bằng `question:` (câu hỏi nêu trung tính, không gán nhãn "
        "“luận điệu”), giữ `id`, `answer`, `quotes`, `source`, thêm `approved:` khi cơ quan đã duyệt; bỏ mục nào "
        "coi lời văn của Kế hoạch là sai",
        "phan-bac.yml was renamed lam-ro.yml (claims → items, claim → question, approved)"),
}
"""Content files of an earlier version, and what to do instead: an old file is an error, never silently ignored."""


def renamed_file_problems(root: Path) -> list[Problem]:
    """A file an earlier version read under another name: the editor is told the new name and fields."""
    return [Problem(display_path(root / old), 1, None, message, english)
            for old, (message, english) in RENAMED_FILES.items() if (root / old).is_file()]


def load_content(root: Path, today: date | None = None) -> Content:
    """Validate every content file; collect all problems before raising.

    ``today`` (default: the build date, ``settings.build_date`` in the site's time zone) bounds the dates of
    recorded results.
    """
    root = Path(root)
    problems: list[Problem] = [symlink_problem(display_path(link)) for link in symlinks(root)]
    if problems:
        raise ContentError(problems)  # nothing is read while a link could point outside the repository
    if problem := schema_problem(root):
        raise ContentError([problem])  # an older shape would be read as a list of unrelated mistakes
    problems.extend(renamed_file_problems(root))
    loaded: dict[str, Any] = {}
    wording_checked = False
    horizons, horizon_problems = load_horizons(root)
    problems.extend(horizon_problems)
    if not horizon_problems:  # a broken horizon leaves the document incomplete: its quotations are not checked
        loaded["horizons"] = horizons
    for entry in content_files():
        path = root / entry.name
        display = display_path(path)
        if not path.is_file():
            if entry.optional:
                loaded[entry.attribute] = entry.empty()
            else:
                problems.append(missing_file_problem(entry, display))
            continue
        context = approval_context(loaded)
        if entry.quotes and all(name in loaded for name in DOCUMENT_PARTS) and not wording_checked:
            wording_checked = True
            problems.extend(plan_wording(root, {name: loaded[name] for name in DOCUMENT_PARTS}))
        if entry.quotes and all(name in loaded for name in DOCUMENT_PARTS):
            parts = {name: loaded[name] for name in DOCUMENT_PARTS}
            context = {**(context or {}), "document": document_text(**parts), "passages": passages(**parts)}
        try:
            loaded[entry.attribute] = load_model(path, entry.model, display, context)
        except ContentError as exc:
            problems.extend(exc.problems)
    if not wording_checked and all(name in loaded for name in DOCUMENT_PARTS):
        problems.extend(plan_wording(root, {name: loaded[name] for name in DOCUMENT_PARTS}))  # no file quotes the plan
    news = loaded.get("news")
    categories = [category.id for category in news.categories] if isinstance(news, models.NewsSection) else None
    posts, post_problems = load_posts(root / NEWS_DIR, display_path(root / NEWS_DIR), approval_context(loaded),
                                      categories, display_path(root / "tin-tuc.yml"))
    problems.extend(post_problems)
    problems.extend(Problem(shown, None, None,
                            f"ảnh “{name}” không nằm trong thư mục content/{PHOTO_DIR}/ nên không được đăng: chuyển tệp "
                            f"vào content/{PHOTO_DIR}/ (tên viết thường, ví dụ “{name.lower()}”) rồi ghi "
                            f"`src: {name.lower()}`", f"photo outside content/{PHOTO_DIR}/: move it there")
                    for shown, name in misplaced_photos(root, display_path(root)) if f"/{NEWS_DIR}/" not in shown)
    records, record_problems = grassroots.load_records(root / grassroots.RECORDS_DIR,
                                                       display_path(root / grassroots.RECORDS_DIR))
    problems.extend(record_problems)
    if problems:
        raise ContentError(problems)
    content = Content(root=root, posts=posts, grassroots_records=records, **loaded)
    register = display_path(root / grassroots.REGISTER_FILE)
    if problems := [*_cross_references(content), *_part_ids(content), *_passage_references(content),
                    *grassroots.check(content, register, today or _build_date(content))]:
        raise ContentError(problems)
    return content


def load_horizons(root: Path) -> tuple[list[models.TargetSection], list[Problem]]:
    """Every file of ``muc-tieu/``, validated, in year order; a file must be named for its ``year`` and two
    horizons may not name the same page address."""
    folder = root / HORIZONS_DIR
    if not folder.is_dir():
        return [], []
    found: list[models.TargetSection] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        display = display_path(path)
        if path.suffix not in (".yml", ".yaml") or not path.is_file():
            continue
        try:
            section = load_model(path, models.TargetSection, display)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if path.name != Path(horizon_file(section.year)).name:
            located = read_yaml(path, display).position(("year",))
            problems.append(Problem(display, located[0] if located else None, None,
                                    f"tệp mục tiêu phải mang tên năm của nó: đổi tên tệp thành {section.year}.yml "
                                    f"(hoặc sửa `year` cho đúng năm)", "a horizon's file is named for its year",
                                    "year"))
            continue
        found.append(section)
    found.sort(key=lambda section: section.year)
    named: dict[str, int] = {}
    for section in found:
        if section.address in named:
            where = root / horizon_file(section.year)
            located = read_yaml(where, display_path(where)).position(("address",))
            problems.append(Problem(display_path(where), located[0] if located else None, None,
                                    f"địa chỉ trang “{section.address}” trùng với tệp "
                                    f"{horizon_file(named[section.address])}: ghi `address:` khác",
                                    "two horizons share a page address", "address"))
        if section.address:
            named[section.address] = section.year
    return found, problems
def schema_problem(root: Path) -> Problem | None:
    """Content written in another schema version than this generator reads (``migrations.SCHEMA_VERSION``): older
    content is upgraded by ``python -m generator migrate``; newer content needs a newer generator."""
    try:
        version = content_version(root)
        settings = root / SETTINGS_FILE
        text = settings.read_text(encoding="utf-8") if settings.is_file() else ""
    except (UnicodeDecodeError, OSError):
        return None  # the settings file's own reading reports what is wrong with it
    if version == SCHEMA_VERSION:
        return None
    line = next((number for number, row in enumerate(text.splitlines(), start=1) if row.startswith("schema_version:")),
                None)
    if version < SCHEMA_VERSION:
        return Problem(display_path(settings), line or 1, None,
                       f"nội dung viết theo cấu trúc phiên bản {version}, trình tạo trang này đọc phiên bản "
                       f"{SCHEMA_VERSION}: chạy `python -m generator migrate` để nâng cấp nội dung (lệnh sửa các tệp "
                       "tại chỗ, giữ nguyên lời văn), xem lại thay đổi bằng `git diff` rồi xây dựng lại",
                       f"content is schema version {version}, this generator reads {SCHEMA_VERSION}: run "
                       "`python -m generator migrate`", "schema_version")
    return Problem(display_path(settings), line, None,
                   f"nội dung viết theo cấu trúc phiên bản {version}, mới hơn phiên bản {SCHEMA_VERSION} mà trình tạo "
                   "trang này đọc: cập nhật trình tạo trang (git pull, rồi `make setup`)",
                   f"content is schema version {version}, newer than this generator's {SCHEMA_VERSION}: update the "
                   "generator", "schema_version")


def _build_date(content: Content) -> date:
    """The build's "today" for this content: its time zone, its repository's last commit (``settings.build_date``)."""
    return build_date(time_zone=content.settings.time_zone, project_dir=content.root.resolve().parent)


def approval_context(loaded: dict[str, BaseModel]) -> dict[str, Any] | None:
    """``{"bodies": [...]}``: the approving bodies' ids from valid settings, which ``approved.by`` must name."""
    settings = loaded.get("settings")
    if not isinstance(settings, models.Settings):
        return None  # cai-dat.yml has errors of its own: those are reported, approvals are not checked against it
    return {"bodies": [body.id for body in settings.approving_bodies]}


def plan_ids(content: Content) -> dict[str, str]:
    """Every part of the plan a post may name in ``related``: id → what it is, for the error message."""
    found: dict[str, str] = {}
    found.update({v.id: v.title for v in content.viewpoints.viewpoints})
    for section in content.target_sections:
        found.update({i.id: i.title for i in section.indicators})
    found.update({g.id: g.title for g in content.tasks.groups})
    found.update({u.id: u.name for u in content.organisation.units})
    return found


def _cross_references(content: Content) -> list[Problem]:
    """A post's category and related parts must exist: name the line that points at nothing."""
    problems = []
    categories = {category.id for category in content.news.categories}
    known = plan_ids(content)
    for post in content.posts:
        if post.meta.category not in categories:
            problems.append(category_problem(post.source, post.line_of("category"), post.meta.category,
                                             [category.id for category in content.news.categories],
                                             display_path(content.root / content.source("news"))))
        for index, ref in enumerate(post.meta.related):
            if ref not in known:
                position = post.located.position(("related", index))
                close = difflib.get_close_matches(ref, known, n=1)
                hint = f"; có phải ý bạn là “{close[0]}”?" if close else ""
                problems.append(Problem(
                    post.source, position[0] if position else None, None,
                    f"mã “{ref}” không phải chỉ tiêu, nhóm nhiệm vụ, quan điểm hay đơn vị nào trong Kế hoạch{hint}",
                    "unknown related id", f"related.{index}"))
    return problems


def _part_ids(content: Content) -> list[Problem]:
    """A part of section III may not take the id of another part of the plan: both would be one anchor, one passage."""
    taken = {**plan_ids(content), **{name: name for name in SECTIONS}}
    source = content.root / content.source("study")
    problems = []
    for index, part in enumerate(content.study.parts):
        if part.id in taken:
            position = read_yaml(source, display_path(source)).position(("parts", index, "id"))
            problems.append(Problem(display_path(source), position[0] if position else None, None,
                                    f"mã “{part.id}” của mục “{part.heading}” đã là mã của “{taken[part.id]}”; chọn mã "
                                    f"khác cho mục, ví dụ “muc-{part.id}”", f"part id {part.id} is taken",
                                    f"parts.{index}.id"))
    return problems


def _passage_references(content: Content) -> list[Problem]:
    """Questions, summary lines and cited texts point at passages that exist and quote them word for word."""
    known = content.passages
    document = content.document
    problems: list[Problem] = []

    def problem(attribute: str, path: tuple[str | int, ...], message: str, english: str) -> None:
        source = content.root / content.source(attribute)
        position = read_yaml(source, display_path(source)).position(path)
        problems.append(Problem(display_path(source), position[0] if position else None, None, message, english,
                                ".".join(str(part) for part in path)))

    def unknown(attribute: str, path: tuple[str | int, ...], ref: str) -> None:
        close = difflib.get_close_matches(ref, known, n=1)
        hint = f"; có phải ý bạn là “{close[0]}”?" if close else ""
        problem(attribute, path, f"mã “{ref}” không phải phần nào của Kế hoạch (chỉ tiêu, quan điểm, nhóm nhiệm vụ, "
                                 f"đơn vị hay mục {', '.join([*SECTIONS, *(p.id for p in content.study.parts)])}){hint}",
                "unknown passage id")

    def quoted(attribute: str, path: tuple[str | int, ...], ref: str, quote: str) -> None:
        """``quote`` stands word for word in the passage ``ref``, which exists."""
        passage = known.get(ref)
        if passage is None:
            unknown(attribute, (*path, "passage"), ref)
        elif quote not in document:
            problem(attribute, (*path, "quote"),
                    f"câu trích không có nguyên văn trong Kế hoạch: “{quote}”. Trích đúng từng chữ",
                    "quote not found word for word in the plan")
        elif not stands_in(quote, passage.text):
            problem(attribute, (*path, "quote"),
                    f"câu trích có trong Kế hoạch nhưng không ở phần “{passage.title}” (`passage: {passage.id}`); "
                    "sửa `passage` cho đúng phần chứa câu trích", "quote is not in the passage named")

    for index, question in enumerate(content.quiz.questions):
        quoted("quiz", ("questions", index), question.passage, question.quote)
    for index, item in enumerate(content.summary.items):
        quoted("summary", ("items", index), item.passage, item.quote)
    for index, line in enumerate(content.citizens.items):
        quoted("citizens", ("items", index), line.passage, line.quote)
    for index, cited in enumerate(content.plan.cited):
        if cited.number not in document:
            problem("plan", ("cited", index, "number"),
                    f"văn bản số “{cited.number}” không được nhắc tới trong Kế hoạch; chỉ ghi văn bản mà Kế hoạch nêu, "
                    "số, ký hiệu viết đúng như văn bản", "cited document number not found in the plan")
    for index, item in enumerate(content.meeting.discussion):
        if item.passage is not None and item.passage not in known:
            unknown("meeting", ("discussion", index, "passage"), item.passage)
    return problems


def plan_wording(root: Path, parts: dict[str, Any]) -> list[Problem]:
    """The plan's own words (headings, quoted sentences) unchanged: the corrected OCR copy, word for word.

    ``parts`` are the validated models named in ``DOCUMENT_PARTS``. A locality without
    ``content/source/ke-hoach-ocr.txt`` has nothing to compare with and is not checked.
    """
    source_path = root / SOURCE_TEXT
    if not source_path.is_file() or not (root / CORRECTIONS).is_file():
        return []
    corrections_file = display_path(root / CORRECTIONS)
    try:
        corrections = load_model(root / CORRECTIONS, models.Corrections, corrections_file)
    except ContentError as exc:
        return exc.problems
    source = corrected_source(read_text(source_path, display_path(source_path)), corrections.corrections)
    if source is None:
        raw = read_text(source_path, display_path(source_path))
        stale = next(c for c in corrections.corrections if c.wrong not in raw)
        return [Problem(corrections_file, read_yaml(root / CORRECTIONS, corrections_file).position(
            ("corrections", corrections.corrections.index(stale), "wrong"))[0], None,
            f"chữ sai “{stale.wrong}” không còn trong bản chụp {display_path(source_path)}; sửa hoặc xóa mục này",
            "an OCR correction no longer matches the source", "")]
    problems = []
    for change in differences(source, list(document_pieces(**parts))):
        piece = change.piece
        where = root / file_of(piece.attribute) if piece.attribute else None
        shown = display_path(where) if where else display_path(root / file_of("plan"))
        position = read_yaml(where, shown).position(piece.path) if where else None
        line = position[0] if position else None
        if where and line and where.read_text(encoding="utf-8-sig").splitlines()[line - 1].rstrip().endswith(
                (">-", ">", "|", "|-", ">+", "|+")):
            line += 1  # a folded paragraph (`- >-`): its words start on the next line
        problems.append(Problem(
            shown, line, None,
            f"câu chữ của Kế hoạch bị thay đổi. Văn bản gốc ({display_path(source_path)}, dòng {change.source_line}) "
            f"ghi: “{change.original}”; ở đây đang là: “{change.written}”. Sửa lại đúng nguyên văn (tiêu đề, câu trích "
            f"phải giữ từng chữ); nếu bản gốc có lỗi nhận dạng chữ, ghi cách sửa vào {corrections_file}",
            "the plan's wording differs from the corrected source", ".".join(map(str, piece.path))))
    return problems


def symlink_problem(display: str) -> Problem:
    """Name the link, never its target: an error message must not reveal a file outside the repository."""
    return Problem(display, None, None, "là liên kết tượng trưng (symlink); hãy thay bằng tệp hoặc thư mục thật",
                   "symbolic links are refused")


def display_path(path: Path) -> str:
    """Paths as an editor sees them in the repository: relative, forward slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
