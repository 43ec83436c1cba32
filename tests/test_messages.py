"""Every editor message says, in Vietnamese, what to type: one test per message, on its wording."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from generator.content import ContentError
from generator.content.errors import translate
from generator.content.models import Post
from generator.content.reader import parse_yaml
from generator.editor.lint import lint

from .conftest import problems_for, replace_once

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
    path = content_copy / "muc-tieu/2030.yml"
    line = replace_once(path, "value: 3\n", "value: 3.000\n")
    [found] = _lint_at(content_copy, "muc-tieu/2030.yml", line)
    assert found.startswith("số “3.000” được đọc là 3 (dấu chấm là dấu thập phân), không phải 3000 | viết 3000"), found


def test_known_confusion_is_caught_in_any_capitalisation(content_copy: Path) -> None:
    confusion = yaml.safe_load((content_copy / "ocr-corrections.yml").read_text(encoding="utf-8"))["confusions"][0]["wrong"]
    shouted, opening = confusion.upper(), confusion[:1].upper() + confusion[1:]
    path = next((content_copy / "tin-tuc").glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8") + f"\n{shouted} và {opening}.\n", encoding="utf-8")
    found = [f for f in lint(content_copy) if f.file.endswith(path.name) and "lỗi nhận dạng chữ/lỗi gõ đã biết" in f.message]
    assert {f.message for f in found} >= {f"“{shouted}” là lỗi nhận dạng chữ/lỗi gõ đã biết",
                                           f"“{opening}” là lỗi nhận dạng chữ/lỗi gõ đã biết"}, found


# ---------------------------------------------------------------- issue 23: the real mistake, at its own line


def test_unclosed_quote_is_reported_at_its_opening_line_not_where_the_next_quote_closes_it() -> None:
    text = 'title: Bài\nsummary: "Tóm tắt chưa đóng\nauthor: Ban biên tập\ncategory: chi-dao\ntags: ["a"]\n'
    assert _syntax(text) == (2, "dấu ngoặc kép mở ở dòng này chưa được đóng: thêm dấu \" ở cuối giá trị, hoặc bỏ "
                                "dấu ở đầu; trong câu hãy dùng ngoặc kép cong “…”")


def test_no_space_after_the_colon_is_reported_on_its_line() -> None:
    assert _syntax("date: 2025-03-10\ntitle:Hội nghị\nauthor: Ban biên tập\n") == (
        2, "thiếu dấu cách sau dấu hai chấm của “title”: thêm dấu cách sau dấu hai chấm, viết `title: Hội nghị`")


def test_word_non_breaking_space_after_a_colon_says_what_to_type() -> None:
    assert _syntax("image:\n  src:\u00a0hoi-nghi.jpg\n  alt: Hội nghị\n") == (
        2, "sau dấu hai chấm của “src” là dấu cách không ngắt (U+00A0), thường do dán từ Word, Zalo hay trang web; "
           "YAML không nhận: xóa khoảng trắng sau dấu hai chấm rồi gõ lại bằng phím cách, viết `src: hoi-nghi.jpg`")


def test_non_breaking_space_after_ordinary_indentation_is_named() -> None:
    line, message = _syntax("image:\n  \u00a0src: a.jpg\n")
    assert line == 2 and message.startswith("dòng thụt lề bằng dấu cách không ngắt (U+00A0)"), message


def test_a_wrapped_summary_line_is_reported_on_the_wrapped_line_with_what_to_do() -> None:
    text = "title: Hội nghị\nsummary: Hội nghị quán triệt Nghị quyết\nsố 57 tại xã\nauthor: Ban biên tập\n"
    assert _syntax(text) == (3, "dòng này không có dấu hai chấm: có vẻ là phần tiếp theo của “summary” ở dòng 2 bị "
                                "xuống dòng; nối dòng này vào cuối dòng 2, hoặc thụt dòng này vào 2 dấu cách")


def test_an_empty_list_mark_with_entries_below_says_to_remove_it() -> None:
    text = "kinds:\n  - chi bộ thôn\norganisations: []\n  - name: Chi bộ thôn Đồng Tâm\n    kind: chi bộ thôn\n"
    assert _syntax(text) == (3, "“[]” nghĩa là danh sách rỗng, nhưng bên dưới có các mục: xóa “[]”, chỉ để "
                                "`organisations:`")


def _only(content: Path) -> tuple[str, int | None, str]:
    [problem] = problems_for(content)
    return problem.file.rsplit("content/", 1)[-1], problem.line, problem.message_vi


def test_a_measurements_block_pasted_at_the_wrong_indentation_says_by_how_much(fixture_copy: Path) -> None:
    path = fixture_copy / "muc-tieu/2030.yml"
    lines, out, inside = path.read_text(encoding="utf-8").split("\n"), [], False
    for line in lines:  # the first indicator's block, four spaces to the left (the paragraph's level)
        inside = line == "        measurements:" or (inside and len(line) - len(line.lstrip()) > 8)
        out.append(line[4:] if inside else line)
    path.write_text("\n".join(out), encoding="utf-8")
    first = lines.index("        measurements:") + 1
    indicator = next(n for n in range(first, 0, -1) if lines[n - 1].startswith("      - id: "))
    assert _only(fixture_copy) == (
        "muc-tieu/2030.yml", first,
        f"trường “measurements” bị thụt lề sai: đầu dòng đang có 4 dấu cách, phải có 8 dấu cách, thẳng cột với chữ "
        f"“id” ở dòng {indicator}; thụt vào thêm 4 dấu cách ở dòng “measurements:” và mọi dòng bên dưới thuộc nó")


def test_a_thousands_separator_in_a_count_says_to_write_the_digits(fixture_copy: Path) -> None:
    path = fixture_copy / "to-chuc-co-so" / "chi-bo-thon-dong-tam.yml"
    line = replace_once(path, "citizens: 126", "citizens: 1.200")
    assert _only(fixture_copy) == (
        "to-chuc-co-so/chi-bo-thon-dong-tam.yml", line,
        "số “1.200” có dấu chấm ngăn cách hàng nghìn, nhưng dấu chấm trong số là dấu thập phân (đọc thành 1,2); "
        "viết liền, không dấu chấm: 1200")


def test_a_choice_error_gives_each_allowed_value_with_its_vietnamese_meaning(fixture_copy: Path) -> None:
    line = replace_once(fixture_copy / "muc-tieu/2030.yml", "scope: province", "scope: tỉnh")
    assert _only(fixture_copy) == (
        "muc-tieu/2030.yml", line,
        "giá trị không hợp lệ; chỉ được chọn một trong: `national` (cả nước), `province` (tỉnh), `local` (địa bàn của cơ quan) "
        "(đang ghi “tỉnh”)")


def test_the_printed_problem_says_where_in_words_not_as_a_field_path(fixture_copy: Path) -> None:
    replace_once(fixture_copy / "muc-tieu/2030.yml", "scope: province", "scope: tỉnh")
    [problem] = problems_for(fixture_copy)
    assert "\n    chỗ: trường “scope”, trong mục thứ 1 của “measurements”, trong mục thứ 1 của “indicators”, trong mục " \
           "thứ 1 của “paragraphs”\n" in str(problem)
    assert "paragraphs.0" not in str(problem) and "lược đồ" not in str(problem)


POST = ("---\ntitle: Hội nghị quán triệt\ndate: 2025-03-10\nauthor: Ban biên tập\ncategory: {category}\n"
        "summary: Tóm tắt.\n{image}---\n\nNội dung bài.\n")


def _post(content: Path, name: str = "2025-03-10-hoi-nghi.md", category: str = "chi-dao", image: str = "") -> Path:
    (content / "tin-tuc").mkdir(exist_ok=True)
    path = content / "tin-tuc" / name
    path.write_text(POST.format(category=category, image=image), encoding="utf-8")
    return path


def test_a_category_error_names_the_real_categories_as_example(fixture_copy: Path) -> None:
    _post(fixture_copy, category="Van Ban")
    ids = [c["id"] for c in yaml.safe_load((fixture_copy / "tin-tuc.yml").read_text(encoding="utf-8"))["categories"]]
    assert _only(fixture_copy) == (
        "tin-tuc/2025-03-10-hoi-nghi.md", 5,
        f"chuyên mục “Van Ban” không có trong {_news_file(fixture_copy)}; chọn một trong: {', '.join(ids)}, "
        f"ví dụ `category: {ids[0]}`")


def _news_file(content: Path) -> str:
    from generator.content.loader import display_path

    return display_path(content / "tin-tuc.yml")


def test_a_photo_named_in_other_capitals_says_so_and_to_rename_it_in_lower_case(fixture_copy: Path) -> None:
    from .photo_factory import phone_photo as write_jpeg

    (fixture_copy / "anh").mkdir(exist_ok=True)
    write_jpeg(fixture_copy / "anh" / "IMG_0412.jpg", (400, 300))
    _post(fixture_copy, image="image:\n  src: img_0412.jpg\n  alt: Hội nghị\n")
    assert _only(fixture_copy) == (
        "tin-tuc/2025-03-10-hoi-nghi.md", 8,
        "không có tệp ảnh anh/img_0412.jpg, nhưng có “IMG_0412.jpg”: hai tên khác nhau ở chữ hoa, chữ thường. Tên ảnh "
        "phải viết thường: đổi tên tệp trong content/anh/ thành “img_0412.jpg” và ghi `src: img_0412.jpg`")


def test_a_post_saved_without_md_is_an_error_with_the_new_name(fixture_copy: Path) -> None:
    path = _post(fixture_copy)
    path.rename(path.with_suffix(".txt"))
    assert _only(fixture_copy) == (
        "tin-tuc/2025-03-10-hoi-nghi.txt", None,
        "tệp “2025-03-10-hoi-nghi.txt” không có đuôi .md nên bài không được đăng: đổi tên tệp thành "
        "“2025-03-10-hoi-nghi.md”")


def test_a_photo_in_the_posts_folder_is_an_error_with_where_to_move_it(fixture_copy: Path) -> None:
    from .photo_factory import phone_photo as write_jpeg

    _post(fixture_copy)
    write_jpeg(fixture_copy / "tin-tuc" / "Hoi-nghi.jpg", (400, 300))
    assert _only(fixture_copy) == (
        "tin-tuc/Hoi-nghi.jpg", None,
        "ảnh “Hoi-nghi.jpg” nằm trong thư mục bài viết nên không được đăng: chuyển ảnh vào thư mục content/anh/ "
        "(tên viết thường, ví dụ “hoi-nghi.jpg”) rồi ghi trong bài `src: hoi-nghi.jpg`")


def test_a_photo_elsewhere_in_content_is_an_error_with_where_to_move_it(fixture_copy: Path) -> None:
    from .photo_factory import phone_photo as write_jpeg

    write_jpeg(fixture_copy / "hoi-nghi.jpg", (400, 300))
    assert _only(fixture_copy) == (
        "hoi-nghi.jpg", None,
        "ảnh “hoi-nghi.jpg” không nằm trong thư mục content/anh/ nên không được đăng: chuyển tệp vào content/anh/ "
        "(tên viết thường, ví dụ “hoi-nghi.jpg”) rồi ghi `src: hoi-nghi.jpg`")


def test_the_plans_own_wording_changed_is_an_error_in_validate_with_the_original(fixture_copy: Path) -> None:
    from generator.content import load_content
    from generator.content.document import document_pieces, words
    from generator.content.loader import display_path

    parts = load_content(fixture_copy).parts
    pieces = list(document_pieces(**parts))
    title = parts["plan"].title
    # The fixture commune has no scanned copy: write one from its own fields, with one documented OCR error.
    (fixture_copy / "source").mkdir()
    source = fixture_copy / "source" / "ke-hoach-ocr.txt"
    source.write_text("\n".join(p.text.replace(title, "TIÊU ĐỀ BỊ NHẬN DẠNG SAI") for p in pieces) + "\n",
                      encoding="utf-8")
    (fixture_copy / "ocr-corrections.yml").write_text(
        f"corrections:\n  - wrong: TIÊU ĐỀ BỊ NHẬN DẠNG SAI\n    right: {title}\n", encoding="utf-8")
    load_content(fixture_copy)  # unchanged, it passes

    heading = parts["tasks"].heading
    last = heading.split()[-1]
    line = replace_once(fixture_copy / "nhiem-vu.yml", f"heading: {heading}\n", f"heading: {heading[:-len(last)]}Sửa\n")
    index = next(i for i, p in enumerate(pieces) if p.attribute == "tasks" and p.path == ("heading",))
    before = [w for p in pieces[:index + 1] for w in words(p.text)]
    after = [w for p in pieces[index + 1:] for w in words(p.text)]
    at = len(before) - 1  # the heading's last word
    original = " ".join([*before[at - 6:], *after[:6]])
    written = " ".join([*before[at - 6:at], "Sửa", *after[:6]])
    assert _only(fixture_copy) == (
        "nhiem-vu.yml", line,
        f"câu chữ của Kế hoạch bị thay đổi. Văn bản gốc ({display_path(source)}, dòng {index + 1}) ghi: “{original}”; "
        f"ở đây đang là: “{written}”. Sửa lại đúng nguyên văn (tiêu đề, câu trích phải giữ từng chữ); nếu bản gốc có "
        f"lỗi nhận dạng chữ, ghi cách sửa vào {display_path(fixture_copy / 'ocr-corrections.yml')}")


REPEAT = ("  - date: 2025-03-19\n    form: học tập lại cho người vắng buổi đầu\n    members: 30\n    citizens: 0\n")
"""A second session of Chi bộ thôn Đồng Tâm (42 members; 40 came to the first): 70 attendances, at most 42 people."""


def test_a_repeat_session_says_to_record_the_distinct_members_with_an_example(fixture_copy: Path) -> None:
    path = fixture_copy / "to-chuc-co-so" / "chi-bo-thon-dong-tam.yml"
    replace_once(path, "plan:\n", REPEAT + "plan:\n")
    line = path.read_text(encoding="utf-8").splitlines().index("sessions:") + 1
    from generator.content.loader import display_path

    register = display_path(fixture_copy / "to-chuc-co-so.yml")
    assert _only(fixture_copy) == (
        "to-chuc-co-so/chi-bo-thon-dong-tam.yml", line,
        f"cộng các buổi được 70 lượt đảng viên, nhiều hơn số đảng viên của tổ chức (42, ghi trong {register}): có "
        "đảng viên dự nhiều buổi. Giữ nguyên số người dự từng buổi và thêm dòng `participants: <số đảng viên khác "
        f"nhau đã dự ít nhất một buổi>` ngay trên dòng `sessions:` (dòng {line}), ví dụ `participants: 40` nếu mọi "
        "người dự buổi sau đều đã dự buổi đầu")


def test_a_repeat_session_with_participants_counts_each_member_once(fixture_copy: Path) -> None:
    from generator.content import load_content
    from generator.views.compilation import organisation_rows

    path = fixture_copy / "to-chuc-co-so" / "chi-bo-thon-dong-tam.yml"
    replace_once(path, "plan:\n", REPEAT + "plan:\n")
    replace_once(path, "sessions:\n", "participants: 41\nsessions:\n")
    [row] = [r for r in organisation_rows(load_content(fixture_copy)) if r.name == "Chi bộ thôn Đồng Tâm"]
    assert (row.sessions, row.members_attending, row.members) == (3, 41, 42)


def test_participants_fewer_than_the_largest_session_is_refused(fixture_copy: Path) -> None:
    path = fixture_copy / "to-chuc-co-so" / "chi-bo-thon-dong-tam.yml"
    line = replace_once(path, "sessions:\n", "participants: 12\nsessions:\n")
    assert _only(fixture_copy) == (
        "to-chuc-co-so/chi-bo-thon-dong-tam.yml", line,
        "số đảng viên đã tham gia (12) ít hơn số người dự buổi đông nhất (40); ghi số đảng viên khác nhau đã dự ít "
        "nhất một buổi, ít nhất là 40")
