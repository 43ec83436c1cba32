"""Silent traps: content that validates and builds, but the page then says something the editor did not mean.

- a milestone's ``result`` dated after the build date: the page would already say
  "Đã hoàn thành" for something that has not happened (error);
- a measurement whose year is after the build's year: it becomes the latest value,
  compared with the target as if it had been measured (error);
- measurements of one indicator the trend line leaves out without a word
  (``views.progress``: the line joins only the values of the latest value's scope,
  one per year): other scopes, or two values for the same year and scope (warning).

Each trap is found on the validated models and located in the YAML file by its
path (field names are the YAML keys), so the message names file:line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..content import Content, content_files
from ..content.horizons import horizon_attribute
from ..content.levels import scope_word
from ..content.models import Deadline, Indicator
from ..content.reader import parse_yaml
from ..text import vn_date
from ..views.progress import latest_measurement, trend_series

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Trap:
    """One trap, at a path inside one content file."""

    file: str
    path: Path_
    severity: Literal["error", "warning"]
    message: str
    fix: str


def walk(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every model and list item under ``value`` with its YAML path."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))


def traps(content: Content, today: date) -> Iterator[Trap]:
    files = [(entry.name, getattr(content, entry.attribute)) for entry in content_files()]
    files += [(content.source(horizon_attribute(section.year)), section) for section in content.horizons]
    for name, model in files:
        for path, value in walk(model):
            if isinstance(value, Deadline):
                yield from _future_result(name, path, value, today)
            elif isinstance(value, Indicator):
                yield from _future_measurements(name, path, value, today)
                yield from _hidden_measurements(name, path, value, scope_word(content.settings.level))


def _future_result(file: str, path: Path_, deadline: Deadline, today: date) -> Iterator[Trap]:
    if deadline.result is not None and deadline.result.date > today:
        yield Trap(file, (*path, "result", "date"), "error",
                   f"kết quả ghi ngày {vn_date(deadline.result.date)}, sau ngày xây dựng trang ({vn_date(today)}): "
                   "trang sẽ ghi “Đã hoàn thành” cho việc chưa xong",
                   "chỉ ghi `result` khi văn bản đã ban hành hoặc đã gửi, với ngày của văn bản đó; "
                   "kiểm tra lại ngày (gõ nhầm năm?)")


def _future_measurements(file: str, path: Path_, indicator: Indicator, today: date) -> Iterator[Trap]:
    for index, measurement in enumerate(indicator.measurements):
        if measurement.year > today.year:
            yield Trap(file, (*path, "measurements", index, "year"), "error",
                       f"số liệu của chỉ tiêu “{indicator.title}” ghi năm {measurement.year}, sau năm xây dựng trang "
                       f"({today.year}): trang sẽ lấy số này làm số mới nhất để so với mục tiêu",
                       f"ghi năm của số liệu (năm được đo, không sau năm {today.year}); kiểm tra lại năm (gõ nhầm?)")


def _hidden_measurements(file: str, path: Path_, indicator: Indicator, words: dict[str, str]) -> Iterator[Trap]:
    """``words``: each scope code as one word in the organisation's level (``levels.scope_word``)."""
    latest = latest_measurement(indicator.measurements)
    if latest is None:
        return
    shown = trend_series(indicator.measurements, latest.scope)
    scope = words[latest.scope]
    for index, measurement in enumerate(indicator.measurements):
        if any(measurement is kept for kept in shown):
            continue
        where = (*path, "measurements", index)
        if measurement.scope != latest.scope:
            other = words[measurement.scope]
            yield Trap(file, (*where, "scope"), "warning",
                       f"chỉ tiêu “{indicator.title}” có số liệu phạm vi {scope} (mới nhất, năm {latest.year}) và phạm vi "
                       f"{other} (năm {measurement.year}): đường xu hướng chỉ nối số liệu phạm vi {scope}, "
                       f"số liệu phạm vi {other} không hiện ở đâu trên trang",
                       f"ghi mọi số liệu của chỉ tiêu này cùng một phạm vi; bỏ số liệu phạm vi {other} "
                       f"hoặc tìm số liệu phạm vi {scope} cho năm {measurement.year}")
        else:
            yield Trap(file, (*where, "year"), "warning",
                       f"chỉ tiêu “{indicator.title}” có hai số liệu phạm vi {scope} cùng năm {measurement.year}: "
                       "trang chỉ hiện số ghi sau, số này không hiện",
                       f"giữ một số liệu cho năm {measurement.year} (xóa số cũ hoặc sửa năm)")


def line_of(content_dir: Path, trap: Trap) -> int:
    """The line of the trap's value in its file (its nearest parent's line when the value has none)."""
    located = parse_yaml((content_dir / trap.file).read_text(encoding="utf-8-sig"), trap.file)
    position = located.position(trap.path)
    return position[0] if position else 1
