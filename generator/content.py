"""Load every content file into validated models, or report every problem at once.

The table ``FILES`` is the one place that says which YAML file holds which part
of the plan; the renderer, the JSON Schema export and the editor guide all read
it, so adding a file means adding one line here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from .errors import ContentError, Problem, translate
from .posts import NEWS_DIR, LoadedPost, load_posts
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
    "tin-tuc.yml": schema.NewsSection,
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
    news: schema.NewsSection
    posts: list[LoadedPost] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)

    @property
    def target_sections(self) -> list[schema.TargetSection]:
        return [self.targets_2030, self.vision_2045]

    def anchors(self) -> dict[str, tuple[str, str]]:
        """Every part of the plan a post may name in ``related``: id → (content file, title)."""
        found: dict[str, tuple[str, str]] = {}
        found.update({v.id: ("quan-diem.yml", v.title) for v in self.viewpoints.viewpoints})
        found.update({i.id: ("muc-tieu-2030.yml", i.title) for i in self.targets_2030.indicators})
        found.update({i.id: ("tam-nhin-2045.yml", i.title) for i in self.vision_2045.indicators})
        found.update({g.id: ("nhiem-vu.yml", g.title) for g in self.tasks.groups})
        found.update({u.id: ("to-chuc-thuc-hien.yml", u.name) for u in self.organisation.units})
        return found


_ATTRIBUTES = dict(zip(FILES, (
    "settings", "plan", "purpose", "viewpoints", "targets_2030",
    "vision_2045", "tasks", "study", "organisation", "news",
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
    posts, post_problems = load_posts(root / NEWS_DIR, _display(root / NEWS_DIR))
    problems.extend(post_problems)
    if problems:
        raise ContentError(problems)
    content = Content(root=root, posts=posts, sources={name: root / name for name in FILES}, **models)
    if problems := _cross_references(content):
        raise ContentError(problems)
    return content


def _cross_references(content: Content) -> list[Problem]:
    """A post's category and related parts must exist: name the line that points at nothing."""
    problems = []
    categories = {category.id for category in content.news.categories}
    anchors = content.anchors()
    for post in content.posts:
        if post.meta.category not in categories:
            problems.append(Problem(
                post.source, post.line_of("category"), None,
                f"chuyên mục “{post.meta.category}” không có trong content/tin-tuc.yml; "
                f"chọn một trong: {', '.join(sorted(categories))}",
                "unknown category", "category"))
        for index, ref in enumerate(post.meta.related):
            if ref not in anchors:
                position = post.located.position(("related", index))
                close = difflib.get_close_matches(ref, anchors, n=1)
                hint = f"; có phải ý bạn là “{close[0]}”?" if close else ""
                problems.append(Problem(
                    post.source, position[0] if position else None, None,
                    f"mã “{ref}” không phải chỉ tiêu, nhóm nhiệm vụ, quan điểm hay đơn vị nào trong Kế hoạch{hint}",
                    "unknown related id", f"related.{index}"))
    return problems


def _display(path: Path) -> str:
    """Paths as an editor sees them in the repository: relative, forward slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
