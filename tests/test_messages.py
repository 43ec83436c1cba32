"""Every editor message says, in Vietnamese, what to type: one test per message, on its wording."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.content import ContentError
from generator.content.errors import translate
from generator.content.models import Post
from generator.content.reader import parse_yaml
from generator.editor.lint import lint

from .conftest import replace_once

VALID = {"title": "Bài", "date": "2025-03-10", "author": "Ban biên tập", "category": "van-ban-chi-dao", "summary": "Tóm tắt."}


def _post_messages(**changes: object) -> list[str]:
    text = "\n".join(f"{key}: x" for key in VALID)
    located = parse_yaml(text, "bai.md")
    with pytest.raises(ValidationError) as caught:
        Post.model_validate({**VALID, **changes})
    return [problem.message_vi for problem in translate(caught.value, "bai.md", located, Post)]


def _syntax(text: str) -> tuple[int | None, str]:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "bai.md")
    [problem] = caught.value.problems
    return problem.line, problem.message_vi


def test_slug_mismatch_says_what_to_type_not_the_pattern() -> None:
    [message] = _post_messages(category="Van Ban")
    assert message.startswith("chỉ gồm chữ thường không dấu và số, nối bằng gạch ngang, ví dụ sinh-hoat-chi-bo"), message
    assert "^" not in message and "[a-z" not in message and "“Van Ban”" in message


def test_photo_name_mismatch_says_what_to_type() -> None:
    [message] = _post_messages(image={"src": "ảnh hội nghị.jpg", "alt": "Hội nghị"})
    assert message.startswith("tên tệp ảnh “ảnh hội nghị.jpg” có chữ hoa, dấu"), message
    assert "“anh-hoi-nghi.jpg”" in message and "`src: anh-hoi-nghi.jpg`" in message
    [message] = _post_messages(image={"src": "hoi-nghi.gif", "alt": "Hội nghị"})  # not a photo format: the pattern's hint
    assert message.startswith("phải là tên tệp ảnh trong thư mục content/anh/, chữ thường không dấu"), message


def test_empty_value_never_says_none() -> None:
    [message] = _post_messages(author=None)
    assert message == "chưa điền: viết giá trị ngay sau dấu hai chấm (hoặc xóa cả dòng nếu trường không bắt buộc)"
    assert "None" not in message


def test_a_list_given_for_a_text_field_says_to_write_on_one_line() -> None:
    [message] = _post_messages(summary=["một", "hai"])
    assert message.startswith("phải là chữ viết ngay sau dấu hai chấm, trên cùng dòng"), message
    assert message.endswith("(đang là danh sách 2 mục)") and "[" not in message


def test_json_schema_carries_the_same_wording() -> None:
    schema = Post.model_json_schema()
    category = schema["properties"]["category"]
    assert category["patternErrorMessage"].startswith("chỉ gồm chữ thường không dấu và số, nối bằng gạch ngang")
    image = schema["$defs"]["PostImage"]["properties"]["src"]
    assert image["patternErrorMessage"].startswith("phải là tên tệp ảnh trong thư mục content/anh/")


def test_unclosed_quote_is_reported_where_it_opens() -> None:
    line, message = _syntax('title: Bài\nsummary: "Tóm tắt chưa đóng\nauthor: Ban biên tập\ncategory: x\n')
    assert line == 2
    assert message.startswith("dấu ngoặc kép mở ở dòng này chưa được đóng"), message


def test_non_breaking_space_as_indentation_is_named() -> None:
    line, message = _syntax("image:\n\u00a0 src: a.jpg\n")
    assert line == 2
    assert message.startswith("dòng thụt lề bằng dấu cách không ngắt (U+00A0), trông như dấu cách nhưng YAML không nhận"), message


def test_other_invisible_indentation_is_named() -> None:
    _, message = _syntax("image:\n\u2003src: a.jpg\n")
    assert message.startswith("dòng thụt lề bằng dấu cách đặc biệt (U+2003)"), message


def _lint_at(content: Path, name: str, line: int) -> list[str]:
    return [f"{f.message} | {f.fix}" for f in lint(content) if f.file.endswith(name) and f.line == line]


def test_curly_quotes_around_a_whole_value_warn(content_copy: Path) -> None:
    path = next((content_copy / "tin-tuc").glob("*.md"))
    line = replace_once(path, "\nauthor: ", "\nauthor: “Ban biên tập”\nx-author: ") + 1
    path.write_text(path.read_text(encoding="utf-8").replace("\nx-author: ", "\n# ", 1), encoding="utf-8")
    [found] = _lint_at(content_copy, path.name, line)
    assert found.startswith("cả giá trị được bọc trong ngoặc kép cong “…”: trang sẽ hiện cả hai dấu ngoặc"), found


def test_thousands_separator_warns(content_copy: Path) -> None:
    path = content_copy / "muc-tieu-2030.yml"
    line = replace_once(path, "value: 3\n", "value: 3.000\n")
    [found] = _lint_at(content_copy, "muc-tieu-2030.yml", line)
    assert found.startswith("số “3.000” được đọc là 3 (dấu chấm là dấu thập phân), không phải 3000 | viết 3000"), found


def test_known_confusion_is_caught_in_any_capitalisation(content_copy: Path) -> None:
    path = next((content_copy / "tin-tuc").glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8") + "\nCHUYÊN ĐỔI SỐ và Chuyên đổi số.\n", encoding="utf-8")
    found = [f for f in lint(content_copy) if f.file.endswith(path.name) and "lỗi nhận dạng chữ/lỗi gõ đã biết" in f.message]
    assert {f.message for f in found} >= {"“CHUYÊN ĐỔI SỐ” là lỗi nhận dạng chữ/lỗi gõ đã biết",
                                           "“Chuyên đổi số” là lỗi nhận dạng chữ/lỗi gõ đã biết"}, found
