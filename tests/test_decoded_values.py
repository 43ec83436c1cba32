"""Values are checked as decoded, not as written: every class of hidden input is refused at file:line.

The red team's classes, each with variants written the ways YAML allows (escapes of every
length, character references, explicit tags, complex keys, special floats): a hidden character
that reorders or breaks text, a value that is not text, a key that is not a name, a number that is
not a number, a value far too long. Each is refused with a Vietnamese message naming the file, the
line and the field, never a traceback. Payloads are this file's own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content import models
from generator.content.characters import find_hidden

from .conftest import problems_for, replace_once

POST = """---
title: {title}
date: 2025-04-01
author: Văn phòng Đảng ủy xã
category: chi-dao
summary: Bài thử của bộ kiểm thử.
---
{body}
"""


def write_post(content: Path, title: str, body: str = "Nội dung bài.") -> Path:
    folder = content / "tin-tuc"
    folder.mkdir(exist_ok=True)
    path = folder / "2025-04-01-bai-thu.md"
    path.write_text(POST.format(title=title, body=body), encoding="utf-8")
    return path


def only(problems: list) -> object:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --------------------------------------------------------------------------
# Direction overrides and marks, however they are written
# --------------------------------------------------------------------------

BIDI_TITLES = {
    "escape-4": r'"\u202Ekpa.cod"',
    "escape-8": r'"\U0000202Ekpa.cod"',
    "isolate": r'"Báo cáo \u2067kpa\u2069.cod"',
    "rlm": r'"Hội nghị\u200F 2025"',
    "arabic-mark": r'"Hội nghị\u061C 2025"',
    "entity-hex": '"&#x202E;kpa.cod"',
    "entity-decimal": '"&#8238;kpa.cod"',
    "entity-named": '"Hội nghị &rlm;2025"',
}


@pytest.mark.parametrize("title", BIDI_TITLES.values(), ids=BIDI_TITLES.keys())
def test_direction_override_in_a_post_title_is_refused(fixture_copy: Path, title: str) -> None:
    write_post(fixture_copy, title)
    problem = only(problems_for(fixture_copy))
    assert problem.file.endswith("tin-tuc/2025-04-01-bai-thu.md")
    assert problem.line == 2, "the title's line in the .md file (the '---' counts)"
    assert "ký tự đảo chiều văn bản" in problem.message_vi
    assert problem.field == ("" if "&" in title else "title"), "a reference is found in the raw file already"


def test_direction_override_in_a_post_body_entity_is_refused(fixture_copy: Path) -> None:
    write_post(fixture_copy, "Bài thử", body="Đoạn một.\n\nTải tệp &#x202e;kpa.cod ở đây.\n")
    problem = only(problems_for(fixture_copy))
    assert problem.line == 10 and "đảo chiều" in problem.message_vi and "&#x202e;" in problem.message_vi


# --------------------------------------------------------------------------
# Control characters, line separators, lone surrogates from escapes
# --------------------------------------------------------------------------

CONTROLS = {
    "nul": (r"\0", "U+0000"),
    "nul-x": (r"\x00", "U+0000"),
    "cr": (r"\r", "U+000D"),
    "vt": (r"\v", "U+000B"),
    "ff": (r"\f", "U+000C"),
    "esc": (r"\e", "U+001B"),
    "nel": (r"\N", "U+0085"),
    "line-separator": (r"\L", "U+2028"),
    "paragraph-separator": (r"\P", "U+2029"),
    "lone-surrogate": (r"\uD800", "U+D800"),
    "noncharacter": (r"\uFFFF", "U+FFFF"),
    "tag-character": (r"\U000E0041", "U+E0041"),
}


@pytest.mark.parametrize(("escape", "code"), CONTROLS.values(), ids=CONTROLS.keys())
def test_control_characters_from_escapes_are_refused_in_a_deadline(
        fixture_copy: Path, escape: str, code: str) -> None:
    path = fixture_copy / "to-chuc-thuc-hien.yml"
    line = replace_once(path, "text: trước ngày 20/3/2025", f'text: "trước ngày 20/3/2025{escape}DTSTART:20990101"')
    problem = only(problems_for(fixture_copy))
    assert problem.file.endswith("to-chuc-thuc-hien.yml") and problem.line == line
    assert code in problem.message_vi and "ẩn" in problem.message_vi
    assert problem.field.endswith("deadline.text")


def test_nul_in_a_raw_post_body_is_refused(fixture_copy: Path) -> None:
    path = write_post(fixture_copy, "Bài thử")
    path.write_text(path.read_text(encoding="utf-8") + "Dòng cuối\x00có NUL.\n", encoding="utf-8")
    problem = only(problems_for(fixture_copy))
    assert problem.line == 9 and "U+0000" in problem.message_vi


def test_a_tab_or_newline_is_refused_in_a_name_but_kept_in_a_paragraph(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "cai-dat.yml", 'site_name: "Nghị quyết 57-NQ/TW — Xã Minh Hòa"',
                        r'site_name: "Nghị quyết 57-NQ/TW\n— Xã Minh Hòa"')
    problem = only(problems_for(fixture_copy))
    assert problem.line == line and "một dòng" in problem.message_vi and problem.field == "site_name"
    assert models.Viewpoint(id="a", title="Tiêu đề", text="Dòng một\n\tdòng hai").text == "Dòng một\n\tdòng hai"


def test_every_kind_the_reader_refuses_the_models_refuse_too() -> None:
    """A model built another way than from YAML (a script, the editor tools) applies the same list."""
    for escape, code in CONTROLS.values():
        char = escape.encode().decode("unicode_escape") if escape not in {r"\e", r"\N", r"\L", r"\P", r"\v"} else {
            r"\e": "\x1b", r"\N": "\x85", r"\L": "\u2028", r"\P": "\u2029", r"\v": "\x0b"}[escape]
        assert find_hidden(f"a{char}b").code == code
        # pydantic refuses a lone surrogate itself, before the project's check ("string_unicode")
        with pytest.raises(ValueError, match=re.escape(code) if code != "U+D800" else "string_unicode"):
            models.Viewpoint(id="a", title="Tiêu đề", text=f"a{char}b")


# --------------------------------------------------------------------------
# Tags outside the core schema; keys that are not names
# --------------------------------------------------------------------------

TAGS = {
    "binary": ("!!binary eGFhYQ==", "!!binary"),
    "python": ("!!python/object:os.system ls", "!!python/object:os.system"),
    "python-name": ("!!python/name:os.system ''", "!!python/name:os.system"),
    "set": ("!!set {a: null}", "!!set"),
    "omap": ("!!omap [a: 1]", "!!omap"),
    "custom": ("!bai Đảng ủy xã Minh Hòa", "!bai"),
    "verbatim": ("!<tag:example.com,2026:x> Đảng ủy", "tag:example.com,2026:x"),
    "merge-key": ("{<<: {a: b}}", "!!merge"),
}


@pytest.mark.parametrize(("value", "shown"), TAGS.values(), ids=TAGS.keys())
def test_tags_outside_the_core_schema_are_refused(fixture_copy: Path, value: str, shown: str) -> None:
    line = replace_once(fixture_copy / "cai-dat.yml", "organisation: Đảng ủy xã Minh Hòa", f"organisation: {value}")
    problem = only(problems_for(fixture_copy))
    assert problem.file.endswith("cai-dat.yml") and problem.line == line
    assert f"thẻ kiểu YAML “{shown}”" in problem.message_vi


def test_core_tags_written_out_are_read_and_checked_as_usual(fixture_copy: Path) -> None:
    replace_once(fixture_copy / "cai-dat.yml", "organisation: Đảng ủy xã Minh Hòa",
                 r'organisation: !!str "Đảng ủy xã\u202E Minh Hòa"')
    assert "đảo chiều" in only(problems_for(fixture_copy)).message_vi


@pytest.mark.parametrize("key", ["? [a, b]\n: x", "? {a: 1}\n: x", "[a, b]: x", "{a: 1}: x"])
def test_a_list_or_mapping_used_as_a_key_is_refused(fixture_copy: Path, key: str) -> None:
    line = replace_once(fixture_copy / "cai-dat.yml", "level: xã", f"level: xã\n{key}") + 1
    problem = only(problems_for(fixture_copy))
    assert problem.file.endswith("cai-dat.yml") and problem.line == line
    assert "tên trường phải là một chữ" in problem.message_vi


@pytest.mark.parametrize("key", ["null", "~", "2025-01-01", "true", "False", "1.5", "12"])
def test_a_key_that_yaml_reads_as_a_number_date_or_boolean_is_refused(fixture_copy: Path, key: str) -> None:
    line = replace_once(fixture_copy / "cai-dat.yml", "level: xã", f"level: xã\n{key}: x") + 1
    problem = only(problems_for(fixture_copy))
    assert problem.line == line and f"tên trường “{key}” được đọc thành số" in problem.message_vi


# --------------------------------------------------------------------------
# Numbers that are not numbers, numbers far out of range
# --------------------------------------------------------------------------

@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.INF", "1.0e+999"])
def test_special_floats_are_refused_at_their_line(fixture_copy: Path, value: str) -> None:
    line = replace_once(fixture_copy / "muc-tieu/2030.yml", "        value: 80\n", f"        value: {value}\n")
    problem = only(problems_for(fixture_copy))
    assert problem.file.endswith("muc-tieu/2030.yml") and problem.line == line
    assert "không dùng .nan, .inf" in problem.message_vi


@pytest.mark.parametrize("value", ['"nan"', '"-Infinity"', "1e999", "1e300"])
def test_numbers_written_as_text_or_huge_are_refused(fixture_copy: Path, value: str) -> None:
    line = replace_once(fixture_copy / "muc-tieu/2030.yml", "          - value: 52\n", f"          - value: {value}\n")
    problem = only(problems_for(fixture_copy))
    assert problem.line == line and problem.field.endswith("measurements.0.value")
    assert "số cụ thể" in problem.message_vi or "nhỏ hơn hoặc bằng" in problem.message_vi


# --------------------------------------------------------------------------
# Length limits: said in the schema and in the message
# --------------------------------------------------------------------------

def test_a_100_kb_post_title_is_refused_with_both_lengths(fixture_copy: Path) -> None:
    title = "Tiêu đề" + " rất dài" * 12_500
    assert len(title.encode()) > 100_000
    write_post(fixture_copy, title)
    problem = only(problems_for(fixture_copy))
    assert problem.line == 2 and problem.field == "title"
    assert f"tối đa {models.MAX_NAME} ký tự, hiện có {len(title) // 1000}.{len(title) % 1000:03}" in problem.message_vi


def test_a_paragraph_over_the_limit_names_its_line(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "quan-diem.yml", "    text: >-\n", "    text: >-\n      " + "chữ " * 3000 + "\n")
    problem = only(problems_for(fixture_copy))
    assert problem.line == line and problem.field == "viewpoints.0.text"
    found = re.search(r"tối đa (\d+)\.(\d{3}) ký tự, hiện có (\d+)\.(\d{3})", problem.message_vi)
    assert found and int(found[1] + found[2]) == models.MAX_PARAGRAPH and int(found[3] + found[4]) > 3000 * 4


def _string_properties(schema: dict, defs: dict, where: str = "") -> list[tuple[str, dict]]:
    found = []
    for name, raw in schema.get("properties", {}).items():
        branches = raw.get("anyOf", [raw])
        for branch in branches:
            if "$ref" in branch:
                found += _string_properties(defs[branch["$ref"].rsplit("/", 1)[-1]], defs, f"{where}{name}.")
            elif branch.get("type") == "array":
                item = branch.get("items", {})
                if "$ref" in item:
                    found += _string_properties(defs[item["$ref"].rsplit("/", 1)[-1]], defs, f"{where}{name}[].")
                elif item.get("type") == "string":
                    found.append((f"{where}{name}[]", item))
            elif branch.get("type") == "string":
                found.append((f"{where}{name}", branch))
    return found


def test_every_string_field_of_every_content_file_has_a_length_limit_in_its_schema() -> None:
    from generator.content.loader import EXTRA_SCHEMAS, content_files

    unlimited = []
    for name, model in [*((f.name, f.model) for f in content_files()), *EXTRA_SCHEMAS.items()]:
        schema = model.model_json_schema()
        for field, prop in _string_properties(schema, schema.get("$defs", {})):
            if "enum" not in prop and "const" not in prop and prop.get("x-kind") != "ngày" and "maxLength" not in prop:
                unlimited.append(f"{name}: {field}")
    assert len(content_files()) > 10 and not unlimited


def test_a_huge_key_or_number_gets_a_short_message(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "cai-dat.yml", "level: xã", "level: xã\n? " + "k" * 50_000 + "\n: 1")
    problem = only(problems_for(fixture_copy))
    assert problem.line == line + 1 and "tên trường quá dài (50000 ký tự, tối đa 100)" in problem.message_vi
    assert len(str(problem)) < 1_000

    replace_once(fixture_copy / "cai-dat.yml", "\n? " + "k" * 50_000 + "\n: 1", "")
    line = replace_once(fixture_copy / "muc-tieu/2030.yml", "        value: 80\n", "        value: " + "9" * 5_000 + "\n")
    problem = only(problems_for(fixture_copy))
    assert problem.line == line and len(str(problem)) < 1_000


def test_on_and_yes_read_as_words_as_yaml_1_2_reads_them() -> None:
    """``approved: {by: …, on: …}``: YAML 1.1 (PyYAML) reads ``on`` as true; the reader gives the word back."""
    from generator.content.reader import parse_yaml

    located = parse_yaml("approved:\n  by: ban\n  on: 5/12/2026\nyes: 1\n", "a.yml")
    assert located.data == {"approved": {"by": "ban", "on": "5/12/2026"}, "yes": 1}
