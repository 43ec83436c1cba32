"""Every YAML and front-matter snippet in the editor guide validates, exactly as an editor would copy it.

The guide is package templates filled with the site's own examples (``generator/views/guide.py``): it is rendered here
for the fixture commune and for the district, each snippet checked against that site's own files, and the committed
field reference is checked as written.

Convention (handbook/editor-tools.md, “Khối mẫu được kiểm thử”): the line just before a ``yaml`` or
``markdown`` fence is an HTML comment naming where the snippet goes. It is outside the
fence, so an editor who copies the snippet never pastes it into content (issue 23), and
the site does not show it:

- ``<!-- tệp: content/x.yml -->`` — the whole file; validated against the file's model;
- ``<!-- tệp: content/x.yml (một phần) -->`` — some top-level keys of the file;
- ``<!-- tệp: content/x.yml, dưới: a[].b[] -->`` — placed under that field (the field
  reference's notation): a mapping's keys are fields of that model, a list's items
  are items of that list field;
- ``<!-- tệp: <a file outside content/> -->`` (a workflow, a CMS setting): parsed as YAML only,
  since no content model describes it;
- ``<!-- SAI (đừng chép) — tệp: … -->`` — a deliberately wrong example: it must FAIL, and
  the Vietnamese message the project prints for it must stand in the next ``text`` fence.

A fence without a language, or a YAML/front-matter fence without the comment, fails
the test: a new snippet cannot slip in unchecked. Snippets are parsed as written
(only the Markdown list indentation of the fence itself is removed, as a reader's
copy does), so a snippet with wrong indentation fails.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.build import make_build
from generator.content import load_content, models
from generator.content.errors import translate
from generator.content.horizons import HORIZONS_DIR
from generator.content.loader import EXTRA_SCHEMAS, content_files
from generator.content.reader import Located, parse_yaml, read_yaml
from generator.editor import guide
from generator.render.environment import environment
from generator.settings import BuildSettings, build_date

ROOT = Path(__file__).resolve().parents[1]
SITES = {"district": ROOT / "content", "fixture": ROOT / "tests" / "fixtures" / "xa-mau" / "content"}


def rendered_guide(label: str, content_dir: Path) -> dict[str, str]:
    """Every guide page of the site whose content is ``content_dir``, as Markdown with the snippet marks, its content
    folder written ``content/`` (the marks then name files as ``_model_for`` knows them)."""
    content = load_content(content_dir)
    today = build_date(time_zone=content.settings.time_zone, project_dir=ROOT)
    settings = BuildSettings(content_dir=content_dir, today=today)
    build = make_build(content, settings)
    template = environment().get_template("guide-page.md.j2")
    prefix = settings.content_prefix
    return {f"{label}:{page.path}": template.render(view=page.view.with_marks(), page=page.path)
            .replace(f"`{prefix}/", "`content/").replace(f"tệp: {prefix}/", "tệp: content/")
            .replace(f"\n{prefix}/", "\ncontent/")
            for page in build.pages["guide"]}


TEXTS = {name: text for label, folder in SITES.items() for name, text in rendered_guide(label, folder).items()}
TEXTS[guide.REFERENCE] = (ROOT / guide.REFERENCE).read_text(encoding="utf-8")
FOLDERS = {name: SITES[name.partition(":")[0]] if ":" in name else SITES["district"] for name in TEXTS}
"""The content folder whose files a guide's snippets go into."""
GUIDES = tuple(TEXTS)

_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>```+|~~~+)(?P<info>.*)$")
_MARK = re.compile(r"^ *<!-- (?P<wrong>SAI \(đừng chép\) — )?tệp: (?P<file>\S+)"
                   r"(?: (?P<part>\(một phần\))|, dưới: (?P<under>\S+))? -->\s*$")
_VALIDATED = {"yaml", "markdown"}


@dataclass(frozen=True)
class Snippet:
    guide: str
    line: int
    language: str
    text: str
    """The fence's content with the fence's own indentation removed, as a reader copies it."""
    after: str
    """The guide's text after the fence (a wrong example's message is in the next fence)."""
    mark: str = ""
    """The line before the fence (its ``<!-- tệp: … -->`` comment, when it has one)."""

    def __str__(self) -> str:
        return f"{self.guide}:{self.line}"


def fences(name: str) -> list[Snippet]:
    lines = TEXTS[name].splitlines()
    found, number = [], 0
    while number < len(lines):
        match = _OPEN.match(lines[number])
        if not match:
            number += 1
            continue
        indent, fence = len(match["indent"]), match["fence"]
        end = next(i for i in range(number + 1, len(lines)) if lines[i].strip() == fence)
        body = "\n".join(line[indent:] if line[:indent].strip() == "" else line for line in lines[number + 1:end])
        before = next((lines[i] for i in range(number - 1, -1, -1) if lines[i].strip()), "")
        found.append(Snippet(name, number + 1, match["info"].strip(), body + "\n", "\n".join(lines[end + 1:]),
                             before))
        number = end + 1
    return found


SNIPPETS = [snippet for name in GUIDES for snippet in fences(name)]


def _front_matter(snippet: Snippet) -> tuple[str, int] | None:
    """A markdown fence's front matter (text, first line number inside the post) or None when it has none."""
    lines = snippet.text.splitlines()
    if not lines or lines[0] != "---":
        return None
    end = lines.index("---", 1)
    return "\n".join(lines[1:end]) + "\n", 2


def _model_for(file: str) -> type[BaseModel]:
    if re.fullmatch(r"content/tin-tuc/[^/]+\.md", file):
        return models.Post
    if re.fullmatch(r"content/to-chuc-co-so/[^/]+\.yml", file):
        return models.GrassrootsRecord
    if re.fullmatch(rf"content/{HORIZONS_DIR}/[0-9]+\.yml", file):
        return models.TargetSection
    by_name = {f"content/{entry.name}": entry.model for entry in content_files()}
    by_name |= {f"content/{name}": model for name, model in EXTRA_SCHEMAS.items()}
    assert file in by_name, f"no content file {file}"
    return by_name[file]


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → ``X``; ``Annotated[X, …]`` → ``X``."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif typing.get_origin(annotation) in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


def _field(model: type[BaseModel], name: str) -> Any:
    assert name in model.model_fields, f"{model.__name__} has no field {name}"
    return _unwrap(model.model_fields[name].annotation)


def _under(model: type[BaseModel], path: str) -> Any:
    """The type at a field-reference path: ``a[].b[]`` is an item of list ``b`` in an item of list ``a``."""
    current: Any = model
    for segment in path.split("."):
        name, items = segment.removesuffix("[]"), segment.endswith("[]")
        current = _field(current, name)
        if items:
            assert typing.get_origin(current) is list, f"{segment}: not a list"
            current = _unwrap(typing.get_args(current)[0])
    return current


def validate(mark: re.Match[str], data: Any) -> None:
    """Raise ValidationError when ``data`` is not valid where the mark says it goes."""
    model = _model_for(mark["file"])
    if mark["under"] is None and mark["part"] is None:
        model.model_validate(data)
        return
    target = model if mark["part"] else _under(model, mark["under"])
    if isinstance(data, list):
        assert typing.get_origin(target) is list, f"a list snippet goes under a list field, not {mark['under']}"
        TypeAdapter(target).validate_python(data)
        return
    assert isinstance(data, dict) and data, "a fragment is a mapping of fields or a list of items"
    assert isinstance(target, type) and issubclass(target, BaseModel), f"{mark['under']} holds no fields"
    for key, value in data.items():
        assert key in target.model_fields, f"{target.__name__} has no field {key}"
        TypeAdapter(target.model_fields[key].annotation).validate_python(value)


def _yaml_text(snippet: Snippet) -> tuple[str, int]:
    if snippet.language == "markdown":
        found = _front_matter(snippet)
        assert found is not None
        return found
    return snippet.text, 1


def test_the_guide_has_snippets_of_every_kind() -> None:
    """The convention is in use: whole files, fragments, front matter, and a wrong example."""
    marks = [_MARK.match(s.mark) for s in SNIPPETS if _checked(s)]
    assert all(marks)
    assert {"part", "under", "wrong"} <= {key for mark in marks for key, value in mark.groupdict().items() if value}
    assert any(s.language == "markdown" for s in SNIPPETS if _checked(s))


def _checked(snippet: Snippet) -> bool:
    return snippet.language == "yaml" or (snippet.language == "markdown" and _front_matter(snippet) is not None)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_every_fence_names_its_language(snippet: Snippet) -> None:
    assert snippet.language, f"{snippet}: a fence needs a language (```yaml, ```markdown, ```text …)"


@pytest.mark.parametrize("snippet", [s for s in SNIPPETS if _checked(s)], ids=str)
def test_snippet_validates_where_it_says_it_goes(snippet: Snippet) -> None:
    text, first_line = _yaml_text(snippet)
    mark = _MARK.match(snippet.mark)
    assert mark, f"{snippet}: the line before the fence must be `<!-- tệp: content/… -->` (tests/test_guide_snippets.py)"
    assert not text.lstrip().startswith("#"), f"{snippet}: no comment inside a snippet: an editor would paste it"
    data = yaml.safe_load(text)
    if not mark["file"].startswith("content/"):
        assert not mark["wrong"] and data is not None, f"{snippet}: a file outside content/ is only parsed"
        return
    if not mark["wrong"]:
        validate(mark, data)
        return
    with pytest.raises(ValidationError) as caught:
        validate(mark, data)
    model = _model_for(mark["file"])
    located = parse_yaml(("\n" * (first_line - 1)) + text, mark["file"])
    shown = re.search(r"```text\n(.*?)```", snippet.after, re.S)
    assert shown, f"{snippet}: a wrong example is followed by the message it gets, in a ```text fence"
    for problem in translate(caught.value, mark["file"], located, model):
        assert f"{problem.file}:{problem.line}:{problem.column}: LỖI: {problem.message_vi}" in shown[1], problem


def _content_path(located: Located, under: str) -> tuple[Any, ...] | None:
    """The first place in a real content file where the field-reference path ``under`` exists (lists: item 0…)."""
    def walk(prefix: tuple[Any, ...], segments: list[str]) -> tuple[Any, ...] | None:
        if not segments:
            return prefix if prefix in located.positions else None
        name, items = segments[0].removesuffix("[]"), segments[0].endswith("[]")
        here = (*prefix, name)
        if not items:
            return walk(here, segments[1:])
        index = 0
        while (*here, index) in located.positions:
            if (found := walk((*here, index), segments[1:])) is not None:
                return found
            index += 1
        return None
    return walk((), under.split("."))


@pytest.mark.parametrize("snippet", [s for s in SNIPPETS if s.language == "yaml" and ", dưới: " in s.mark], ids=str)
def test_fragment_is_indented_as_the_content_file_is(snippet: Snippet) -> None:
    """Pasted under its field in the real file, a fragment's first line lines up with what is already there."""
    mark = _MARK.match(snippet.mark)
    assert mark and mark["under"]
    located = read_yaml(FOLDERS[snippet.guide] / mark["file"].removeprefix("content/"), mark["file"])
    path = _content_path(located, mark["under"])
    assert path is not None, f"{snippet}: {mark['under']} not found in {mark['file']}"
    first = snippet.text.splitlines()[0]
    if first.lstrip().startswith("- "):  # a list's items: line up with the list's first item in the file
        path = (*path, 0)
    line, column = located.positions[path]  # a mapping's position is its first key's
    assert len(first) - len(first.lstrip(" -")) == column - 1, f"{snippet}: indent as {mark['file']}:{line}"


def test_a_wrong_snippet_or_an_unmarked_one_fails() -> None:
    """The checker itself can fail: wrong indentation, an unknown field, a missing mark."""
    good = "measurements:\n  - value: 18.3\n    year: 2024\n    scope: province\n    source: Nguồn\n"
    mark = _MARK.match("<!-- tệp: content/muc-tieu/2030.yml, dưới: paragraphs[].indicators[] -->")
    assert mark
    validate(mark, yaml.safe_load(good))
    shifted = good.replace("    year:", "  year:")  # `year` falls out of the list item
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(shifted)
    with pytest.raises(ValidationError):
        validate(mark, yaml.safe_load(good.replace("province", "tỉnh")))
    assert _MARK.match("# tệp: content/muc-tieu/2030.yml") is None, "the old mark inside the fence is refused"


def test_quick_start_post_with_its_photo_passes_the_checks(tmp_path: Path) -> None:
    """The quick start's post, copied as written next to a phone photo, passes validate and lint (no error)."""
    import shutil
    import subprocess
    import sys

    from PIL import Image

    snippet = next(s for s in SNIPPETS if s.language == "markdown" and "image:" in s.text and s.guide.startswith("district:"))
    front, _ = _yaml_text(snippet)
    mark = _MARK.match(snippet.mark)
    assert mark and not mark["wrong"]
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / mark["file"]).write_text(snippet.text, encoding="utf-8")
    photo = yaml.safe_load(front)["image"]["src"]
    Image.new("RGB", (1600, 1200), (120, 80, 40)).save(tmp_path / "content" / "anh" / photo)
    for command in ("validate", "lint"):
        result = subprocess.run([sys.executable, "-m", "generator", "--content", "content", command], cwd=tmp_path,
                                capture_output=True, text=True, encoding="utf-8", check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        # A new post waits for approval (a reminder, tests/test_approval.py); nothing else is said about it.
        findings = [line for line in (result.stdout + result.stderr).splitlines()
                    if mark["file"] in line and "chờ duyệt" not in line]
        assert findings == [], "no finding on the copied post"


def _site_html(name: str) -> str:
    """``name`` converted as the site converts it: Python-Markdown with mkdocs.yml's extensions."""
    import markdown
    from mkdocs.utils.yaml import get_yaml_loader

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name_, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name_)
        settings[name_] = options or {}
    return markdown.markdown(_body(name), extensions=names, extension_configs=settings)


def _body(name: str) -> str:
    """The page as the site converts it: no front matter, no snippet marks (the site page leaves them out)."""
    text = guide.SNIPPET_MARK.sub("", TEXTS[name]) if ":" in name else TEXTS[name]
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def _list_lines(name: str) -> tuple[int, int]:
    """(list items, fences indented under a list item) in the guide's source, fences' contents left out."""
    items = indented = 0
    fence = None
    for line in _body(name).splitlines():
        if fence:
            fence = None if line.strip() == fence else fence
            continue
        if match := _OPEN.match(line):
            fence, indented = match["fence"], indented + bool(match["indent"])
        elif re.match(r"^ *(?:\d+\.|[-*]) ", line):
            items += 1
    return items, indented


class _Nesting(HTMLParser):
    """Counts ``<li>`` elements and ``<pre>`` blocks inside one."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.items = self.nested_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items += tag == "li"
        self.nested_pre += tag == "pre" and "li" in self.open
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]


@pytest.mark.parametrize("name", GUIDES)
def test_steps_and_their_snippets_stay_in_their_list_on_the_site(name: str) -> None:
    """GitHub (CommonMark) and the site (Python-Markdown) read list indentation differently.

    Python-Markdown needs four spaces for a block inside a list item and a blank line
    before the next item after such a block; otherwise, on the site, the snippet leaves
    its step and the following steps run together into one paragraph.
    """
    items, indented = _list_lines(name)
    page = _Nesting()
    page.feed(_site_html(name))
    assert page.items == items, f"{name}: {items} list items in the source, {page.items} on the site"
    assert page.nested_pre == indented, f"{name}: {indented} snippets inside steps, {page.nested_pre} on the site"
