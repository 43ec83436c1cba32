"""The grassroots organisations' own results: one file each under ``content/to-chuc-co-so/``.

Why one file per organisation: when thirty party cells report in the same week,
thirty pull requests each touch their own small file and never conflict; the
register (``to-chuc-co-so.yml``: kinds, names, parents, membership) changes once,
when the campaign starts. The checks here need the whole content at once (the
register, the plan's dates) and the build date, so they run after every file has
been validated on its own; each problem names the file and line an editor opens.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..text import slugify, vn_date
from . import models
from .errors import ContentError, Problem, translate
from .reader import Located, read_yaml

if TYPE_CHECKING:
    from pathlib import Path

    from .loader import Content

RECORDS_DIR = "to-chuc-co-so"
"""Folder of the per-organisation result files inside ``content/``."""

REGISTER_FILE = "to-chuc-co-so.yml"

RECORD_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.ya?ml$")
"""A result file's name: a slug (``chi-bo-thon-dong-tam.yml``)."""


@dataclass(frozen=True)
class LoadedRecord:
    """One organisation's validated result file and where it came from."""

    meta: models.GrassrootsRecord
    source: str
    located: Located = field(compare=False, repr=False)

    def line_of(self, *path: str | int) -> int | None:
        position = self.located.position(tuple(path))
        return position[0] if position else None


def load_records(folder: Path, display: str) -> tuple[list[LoadedRecord], list[Problem]]:
    """Every ``*.yml`` result file in ``folder`` (sorted by file name) and every problem found in them."""
    records: list[LoadedRecord] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return records, problems
    for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]):
        name = f"{display}/{path.name}"
        if not RECORD_NAME.match(path.name):
            suggestion = (slugify(path.stem) or "to-chuc") + ".yml"
            problems.append(Problem(name, None, None, f"tên tệp “{path.name}” có chữ hoa, dấu, dấu cách hay ký tự đặc biệt; "
                                    f"đổi tên thành “{suggestion}”", f"unsafe file name: rename to {suggestion}"))
            continue
        try:
            located = read_yaml(path, name)
            meta = models.GrassrootsRecord.model_validate(located.data)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        except ValidationError as exc:
            problems.extend(translate(exc, name, located, models.GrassrootsRecord))
            continue
        records.append(LoadedRecord(meta, name, located))
    return records, problems


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; có phải ý bạn là “{close[0]}”?" if close else ""


def check(content: Content, register_file: str, today: date) -> list[Problem]:
    """Rules that join files: unique names, known kinds and parents, one result file per organisation,
    dates between the plan and the build date, attendance within membership."""
    path = content.root / REGISTER_FILE
    if not path.is_file():  # the register is optional: absent, it is empty and every result file names no one in it
        return list(_check_records(content, register_file, today))
    located = read_yaml(path, register_file)  # valid already: read again for its lines
    return [*_check_register(content, located, register_file), *_check_records(content, register_file, today)]


def _check_register(content: Content, located: Located, register_file: str) -> Iterator[Problem]:
    register = content.grassroots
    kinds = set(register.kinds)
    names: dict[str, int] = {}

    def line(*path: str | int) -> int | None:
        position = located.position(tuple(path))
        return position[0] if position else None

    for index, org in enumerate(register.organisations):
        where = ("organisations", index)
        if org.name in names:
            yield Problem(register_file, line(*where, "name"), None,
                          f"tổ chức “{org.name}” có hai lần trong sổ (lần đầu ở dòng {names[org.name]}); xóa một mục",
                          "duplicate organisation", f"organisations.{index}.name")
        else:
            names[org.name] = line(*where, "name") or 0
        if org.kind not in kinds:
            yield Problem(register_file, line(*where, "kind"), None,
                          f"loại “{org.kind}” không có trong danh mục `kinds` ở đầu sổ{_hint(org.kind, kinds)}",
                          "unknown kind", f"organisations.{index}.kind")
    all_names = {org.name for org in register.organisations}
    for index, org in enumerate(register.organisations):
        if org.parent is None:
            continue
        if org.parent == org.name:
            yield Problem(register_file, line("organisations", index, "parent"), None,
                          "tổ chức không thể là cấp trên của chính nó", "parent is itself", f"organisations.{index}.parent")
        elif org.parent not in all_names:
            yield Problem(register_file, line("organisations", index, "parent"), None,
                          f"tổ chức cấp trên “{org.parent}” không có trong sổ{_hint(org.parent, all_names)}",
                          "unknown parent organisation", f"organisations.{index}.parent")


def earliest_date(plan: models.Plan) -> tuple[date, str]:
    """No result can predate the plan (or, when the plan carries no date, the resolution)."""
    if plan.date is not None:
        return plan.date, f"ngày ban hành Kế hoạch ({vn_date(plan.date)})"
    resolution = plan.resolution
    return resolution.date, f"ngày ban hành Nghị quyết số {resolution.number} ({vn_date(resolution.date)})"


def _dated(record: LoadedRecord) -> Iterator[tuple[date, tuple[str | int, ...], str]]:
    """Every date in a result file, with its path and what it is."""
    for index, session in enumerate(record.meta.sessions):
        yield session.date, ("sessions", index, "date"), "ngày tổ chức hội nghị, lớp"
    if record.meta.plan:
        yield record.meta.plan.date, ("plan", "date"), "ngày ban hành kế hoạch"
    if record.meta.report:
        yield record.meta.report.date, ("report", "date"), "ngày gửi báo cáo"


def _check_records(content: Content, register_file: str, today: date) -> Iterator[Problem]:
    members = {org.name: org.members for org in content.grassroots.organisations}
    first, first_words = earliest_date(content.plan)
    seen: dict[str, str] = {}
    for record in content.grassroots_records:
        name = record.meta.organisation
        if name not in members:
            yield Problem(record.source, record.line_of("organisation"), None,
                          f"tổ chức “{name}” không có trong sổ {register_file}{_hint(name, members)}",
                          "unknown organisation", "organisation")
            continue
        if name in seen:
            yield Problem(record.source, record.line_of("organisation"), None,
                          f"tổ chức “{name}” đã có tệp kết quả {seen[name]}; mỗi tổ chức ghi trong một tệp",
                          "duplicate result file for one organisation", "organisation")
            continue
        seen[name] = record.source
        for value, path, what in _dated(record):
            dotted = ".".join(map(str, path))
            if value < first:
                yield Problem(record.source, record.line_of(*path), None,
                              f"{what} {vn_date(value)} trước {first_words}", "date before the plan", dotted)
            elif value > today:
                yield Problem(record.source, record.line_of(*path), None,
                              f"{what} {vn_date(value)} sau ngày xây dựng trang ({vn_date(today)}); chỉ ghi việc đã làm",
                              "date after the build date", dotted)
        yield from _check_attendance(record, members[name], register_file)


def attending(record: models.GrassrootsRecord) -> int:
    """Party members who took part, each counted once: ``participants`` when given, else the sessions' sum."""
    if record.participants is not None:
        return record.participants
    return sum(session.members for session in record.sessions)


def _check_attendance(record: LoadedRecord, members: int, register_file: str) -> Iterator[Problem]:
    """A session holds at most the membership; the distinct participants at most the membership, at least the
    largest session. Repeat sessions (the same members twice) are recorded with ``participants``."""
    sessions = record.meta.sessions
    for index, session in enumerate(sessions):
        if session.members > members:
            yield Problem(record.source, record.line_of("sessions", index, "members"), None,
                          f"buổi này ghi {session.members} đảng viên dự, nhiều hơn số đảng viên của tổ chức "
                          f"({members}, ghi trong {register_file}); sửa lại số người có mặt ở buổi này",
                          "session attendance above membership", f"sessions.{index}.members")
    participants = record.meta.participants
    largest = max((session.members for session in sessions), default=0)
    if participants is not None:
        if participants > members:
            yield Problem(record.source, record.line_of("participants"), None,
                          f"số đảng viên đã tham gia ({participants}) lớn hơn số đảng viên của tổ chức ({members}, "
                          f"ghi trong {register_file}); mỗi người chỉ tính một lần dù dự nhiều buổi",
                          "participants above membership", "participants")
        elif participants < largest:
            yield Problem(record.source, record.line_of("participants"), None,
                          f"số đảng viên đã tham gia ({participants}) ít hơn số người dự buổi đông nhất ({largest}); "
                          f"ghi số đảng viên khác nhau đã dự ít nhất một buổi, ít nhất là {largest}",
                          "participants below the largest session", "participants")
        return
    total = sum(session.members for session in sessions)
    if total > members and largest <= members:
        line = record.line_of("sessions")
        yield Problem(record.source, line, None,
                      f"cộng các buổi được {total} lượt đảng viên, nhiều hơn số đảng viên của tổ chức ({members}, ghi "
                      f"trong {register_file}): có đảng viên dự nhiều buổi. Giữ nguyên số người dự từng buổi và thêm "
                      f"dòng `participants: <số đảng viên khác nhau đã dự ít nhất một buổi>` ngay trên dòng "
                      f"`sessions:` (dòng {line}), ví dụ `participants: {largest}` nếu mọi người "
                      "dự buổi sau đều đã dự buổi đầu", "attendance above membership: add participants", "sessions")
