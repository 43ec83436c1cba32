"""Load every content file into validated models, or report every problem at once.

The table ``FILES`` is the one place that says which YAML file holds which part
of the plan; the renderer, the JSON Schema export and the editor guide all read
it, so adding a file means adding one line here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from .errors import ContentError, Problem, translate
from .yamlsafe import read_yaml

FILES: dict[str, type[BaseModel]] = {
    "cai-dat.yml": schema.Settings,
    "ke-hoach.yml": schema.Plan,
    "muc-dich-yeu-cau.yml": schema.PurposeSection,
    "quan-diem.yml": schema.ViewpointSection,
    "muc-tieu-2030.yml": schema.TargetSection,
    "tam-nhin-2045.yml": schema.TargetSection,
    "nhiem-vu.yml": schema.TaskSection,
    "hoc-tap-quan-triet.yml": schema.StudySection,
    "to-chuc-thuc-hien.yml": schema.OrganisationSection,
}

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Content:
    """The whole validated content, one attribute per file, plus where each came from."""

    root: Path
    settings: schema.Settings
    plan: schema.Plan
    purpose: schema.PurposeSection
    viewpoints: schema.ViewpointSection
    targets_2030: schema.TargetSection
    vision_2045: schema.TargetSection
    tasks: schema.TaskSection
    study: schema.StudySection
    organisation: schema.OrganisationSection
    sources: dict[str, Path] = field(default_factory=dict)

    @property
    def target_sections(self) -> list[schema.TargetSection]:
        return [self.targets_2030, self.vision_2045]


_ATTRIBUTES = dict(zip(FILES, (
    "settings", "plan", "purpose", "viewpoints", "targets_2030",
    "vision_2045", "tasks", "study", "organisation",
), strict=True))


def load_model(path: Path, model: type[M], display: str) -> M:
    """Read and validate one file; raise ContentError naming file, line and field."""
    located = read_yaml(path, display)
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise ContentError(translate(exc, display, located, model)) from None


def load_content(root: Path) -> Content:
    """Validate every file in ``FILES``; collect all problems before raising."""
    root = Path(root)
    problems: list[Problem] = []
    models: dict[str, BaseModel] = {}
    for name, model in FILES.items():
        path = root / name
        display = _display(path)
        if not path.is_file():
            problems.append(Problem(display, None, None, "thiếu tệp nội dung bắt buộc", "required content file is missing"))
            continue
        try:
            models[_ATTRIBUTES[name]] = load_model(path, model, display)
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return Content(root=root, sources={name: root / name for name in FILES}, **models)


def _display(path: Path) -> str:
    """Paths as an editor sees them in the repository: relative, forward slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
