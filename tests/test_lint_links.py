"""Links in content, checked by the lint with file:line and a Vietnamese fix (never MkDocs' English warning).

Run on a copy of the fixture commune; anchors and pages expected here come from its YAML.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.content import load_content
from generator.editor.links import markdown_anchors
from generator.editor.lint import Finding, Linter, lint
from generator.registry import page_url

from .conftest import FIXTURE, FIXTURE_CONTENT, ROOT

POST = """---
title: Hội nghị quán triệt
date: 2025-03-15
author: Ban biên tập
category: {category}
summary: Tóm tắt.
---
{body}
"""
BODY_LINE = 8


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the fixture commune (content/ only; docs/ made by the tests that need it)."""
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    return tmp_path


def _fixture_yaml(name: str) -> dict:
    return yaml.safe_load((FIXTURE / "content" / name).read_text(encoding="utf-8"))


def _indicator() -> str:
    """The first indicator id of the fixture's 2030 targets: an anchor of muc-tieu-2030.md."""
    return _fixture_yaml("muc-tieu/2030.yml")["paragraphs"][0]["indicators"][0]["id"]


def _example() -> str:
    """The link messages show as an example: the site's own first passage, the fixture's first viewpoint."""
    return f"quan-diem-chi-dao.md#{_fixture_yaml('quan-diem.yml')['viewpoints'][0]['id']}"


def _post(project: Path, body: str) -> str:
    category = _fixture_yaml("tin-tuc.yml")["categories"][0]["id"]
    folder = project / "content" / "tin-tuc"
    folder.mkdir(exist_ok=True)
    (folder / "2025-03-15-x.md").write_text(POST.format(category=category, body=body), encoding="utf-8")
    return "content/tin-tuc/2025-03-15-x.md"


def _found(project: Path, file: str) -> list[Finding]:
    # Waiting for approval is not a link finding (tests/test_approval.py).
    return [f for f in lint(project / "content") if f.file == file and not f.message.startswith("chờ duyệt")]


def test_a_link_to_an_existing_anchor_passes(project: Path) -> None:
    name = _post(project, f"[Chỉ tiêu](muc-tieu-2030.md#{_indicator()}) [Tin](tin-tuc/index.md)")
    assert _found(project, name) == []


def test_a_missing_page_says_what_to_write(project: Path) -> None:
    name = _post(project, "[Sai](muc-tieu-2031.md)")
    [found] = _found(project, name)
    assert (found.line, found.severity) == (BODY_LINE, "error")
    assert found.message == "liên kết tới trang hoặc tệp không tồn tại: `muc-tieu-2031.md`"
    assert found.fix.startswith(f"sửa đường dẫn (viết từ gốc trang, ví dụ `{_example()}`)")
    assert found.fix.endswith("có phải là `muc-tieu-2030.md`?")


def test_a_missing_anchor_names_the_page_and_the_closest_anchor(project: Path) -> None:
    indicator = _indicator()
    name = _post(project, f"[Chỉ tiêu](muc-tieu-2030.md#{indicator}x)")
    [found] = _found(project, name)
    assert (found.line, found.severity) == (BODY_LINE, "error")
    assert found.message == f"trang `muc-tieu-2030.md` không có mục “#{indicator}x” (liên kết `muc-tieu-2030.md#{indicator}x`)"
    assert found.fix.startswith(f"viết `muc-tieu-2030.md#{indicator}` (mục có tên gần giống nhất)")
    assert "mã mục là phần sau dấu # trên thanh địa chỉ" in found.fix


def test_an_anchor_with_nothing_close_says_how_to_find_one(project: Path) -> None:
    name = _post(project, "[Chỉ tiêu](muc-tieu-2030.md#zzzzzz)")
    [found] = _found(project, name)
    assert found.fix.startswith("bỏ `#zzzzzz` để dẫn tới đầu trang, hoặc dùng mã một mục có trên trang")


def test_an_address_copied_from_the_browser_is_accepted_with_the_relative_form(project: Path) -> None:
    indicator = _indicator()
    name = _post(project, f"[Chỉ tiêu](/muc-tieu-2030/#{indicator})")
    [found] = _found(project, name)
    assert (found.line, found.severity) == (BODY_LINE, "warning")
    assert found.message == (f"địa chỉ `/muc-tieu-2030/#{indicator}` chép từ thanh địa chỉ của trình duyệt: mở được nhưng "
                             "hỏng ở bản xem trước và khi trang web đặt trong một thư mục con của tên miền")
    assert found.fix == f"viết đường dẫn tương đối `muc-tieu-2030.md#{indicator}`"


def test_the_sites_full_address_is_accepted_with_the_relative_form(project: Path) -> None:
    site_url = _fixture_yaml("cai-dat.yml")["base_url"]
    name = _post(project, f"[Chỉ tiêu]({site_url}muc-tieu-2030/) [Nơi khác](https://example.net/muc-tieu-2030/)")
    [found] = _found(project, name)
    assert found.severity == "warning"
    assert found.message.endswith("mở được nhưng luôn mở bản đang đăng trên mạng, không mở bản xem trước hay bản lưu trên máy")
    assert found.fix == "viết đường dẫn tương đối `muc-tieu-2030.md`"


def test_a_copied_address_of_a_missing_page_is_explained(project: Path) -> None:
    name = _post(project, "[Sai](/muc-tieu-2031/)")
    [found] = _found(project, name)
    assert found.severity == "error"
    assert found.message == "địa chỉ `/muc-tieu-2031/` chép từ trình duyệt nhưng trang web không có trang này"
    assert found.fix == "viết đường dẫn tới tệp trang (tên tệp .md, không có dấu / ở đầu), ví dụ `muc-tieu-2030.md`"


def test_dot_dot_in_a_post_is_explained(project: Path) -> None:
    name = _post(project, "[Mục tiêu](../muc-tieu-2030.md)")
    [found] = _found(project, name)
    assert (found.severity, found.message) == ("error", "liên kết `../muc-tieu-2030.md` dùng `../`: trong bài viết, "
                                               "đường dẫn luôn tính từ gốc trang web, `../` làm liên kết hỏng")
    assert found.fix == "bỏ `../`, viết `muc-tieu-2030.md`"


def test_a_folder_address_warns_with_the_page_file(project: Path) -> None:
    name = _post(project, "[Tin](tin-tuc/)")
    [found] = _found(project, name)
    assert found.severity == "warning"
    assert found.message.startswith("liên kết `tin-tuc/` là địa chỉ thư mục: MkDocs không đổi địa chỉ này theo trang")
    assert found.fix == "viết đường dẫn tới tệp trang: `tin-tuc/index.md`"


def test_docs_pages_link_from_their_own_folder(project: Path) -> None:
    folder = project / "docs" / "huong-dan"
    folder.mkdir(parents=True)
    indicator = _indicator()
    (folder / "a.md").write_text(f"# Tiêu đề\n\n[Đúng](../muc-tieu-2030.md#{indicator}) [Cùng trang](#tieu-de)\n"
                                 "[Ra ngoài](../../muc-tieu-2030.md)\n[Mục](#tieu-đe)\n", encoding="utf-8")
    found = [(f.line, f.severity, f.message, f.fix) for f in _found(project, "docs/huong-dan/a.md")]
    assert found == [
        (4, "error", "liên kết `../../muc-tieu-2030.md` dùng `../` đi ra ngoài thư mục docs/: ở đó không có trang nào",
         "đường dẫn tính từ thư mục chứa trang; trang cùng thư mục viết thẳng tên tệp, ví dụ `quan-diem-chi-dao.md`, "
         "không có `../`"),
        (5, "error", "trang `huong-dan/a.md` không có mục “#tieu-đe” (liên kết `#tieu-đe`)",
         "viết `#tieu-de` (mục có tên gần giống nhất); mã mục là phần sau dấu # trên thanh địa chỉ khi mở mục đó"),
    ]


def test_links_in_yaml_texts_are_checked(project: Path) -> None:
    path = project / "content" / "thuat-ngu.yml"
    term = _fixture_yaml("thuat-ngu.yml")["terms"][0]
    old = f"explanation: {term['explanation']}"
    text = path.read_text(encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, "explanation: Xem [chỉ tiêu](muc-tieu-2030.md#khong-co-muc-nay).", 1), encoding="utf-8")
    [found] = _found(project, "content/thuat-ngu.yml")
    assert (found.line, found.severity) == (line, "error")
    assert found.message == ("trang `muc-tieu-2030.md` không có mục “#khong-co-muc-nay” "
                             "(liên kết `muc-tieu-2030.md#khong-co-muc-nay`)")


def test_anchors_follow_the_toc_extension() -> None:
    """Explicit ids, raw HTML ids and headings, a repeated heading (or one equal to an id) getting ``_1``."""
    text = ("# Mục tiêu `SITE_URL` { #dat }\n## Thảo luận\n## Thảo luận\n<section id=\"hoi\" markdown>\n## Hỏi\n"
            "<h2>Nhóm (1/2)</h2>\n```\n# không phải tiêu đề\n```\n")
    assert markdown_anchors(text) == {"dat", "thao-luan", "thao-luan_1", "hoi", "hoi_1", "nhom-1-2"}


FIELD_REFERENCE = "bien-tap/huong-dan-bien-tap/truong-du-lieu.md"


def test_every_anchor_the_lint_accepts_is_on_the_built_page(built_site: Path) -> None:
    """The lint computes anchors from the Markdown, not the build: each one must be an id the built page has."""
    linter = Linter(load_content(FIXTURE_CONTENT), ROOT / "docs")
    checked = 0
    for path, anchors in linter.sitemap.pages.items():
        if path == FIELD_REFERENCE:
            # Its headings name each file by its path in the repository: the build (CONTENT_DIR inside this
            # repository) writes tests/fixtures/xa-mau/content/…, the lint (no repository known) content/…
            # A nested content folder's lint and build disagree here only; reported, not hidden elsewhere.
            continue
        html = (built_site / page_url(path) / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r"\sid=\"([^\"]+)\"", html)) | set(re.findall(r"<a\s[^>]*name=\"([^\"]+)\"", html))
        assert anchors <= ids, (path, sorted(anchors - ids))
        checked += len(anchors)
    assert checked > 0


def test_a_reference_definition_is_checked_like_a_link(project: Path) -> None:
    name = _post(project, f"Xem [chỉ tiêu][ct] và [nơi khác][sai].\n\n[ct]: muc-tieu-2030.md#{_indicator()}\n"
                          "[sai]: muc-tieu-2031.md")
    [found] = _found(project, name)
    assert (found.line, found.severity) == (BODY_LINE + 3, "error")
    assert found.message == "liên kết tới trang hoặc tệp không tồn tại: `muc-tieu-2031.md`"


def test_a_reference_without_its_definition_says_the_brackets_would_show(project: Path) -> None:
    name = _post(project, "Xem [chỉ tiêu][ct] và [bài][].")
    first, second = _found(project, name)
    assert (first.line, first.severity) == (BODY_LINE, "error")
    assert first.message == ("liên kết `[chỉ tiêu][ct]` không có dòng định nghĩa `[ct]: …` trong cùng bài: "
                             "trang sẽ hiện nguyên các dấu ngoặc vuông, không có liên kết")
    assert first.fix == ("viết thẳng địa chỉ `[chỉ tiêu](quan-diem-chi-dao.md)`, hoặc thêm một dòng riêng "
                         "`[ct]: quan-diem-chi-dao.md` (thay bằng trang cần dẫn tới)")
    assert second.message.startswith("liên kết `[bài][]` không có dòng định nghĩa `[bài]: …`")


def test_a_reference_definition_in_a_post_is_written_from_the_site_root_like_its_links(project: Path) -> None:
    """The lint reads ``[ct]: muc-tieu-2030.md`` from the site root: the post's page must too (rebase_links)."""
    from generator.views.news import rebase_links

    name = _post(project, "Xem [chỉ tiêu][CT].\n\n[ct]: muc-tieu-2030.md")
    assert _found(project, name) == []
    [post] = [p for p in load_content(project / "content").posts if name.endswith(Path(p.source).name)]
    rebased = rebase_links(post.body, post.path)
    depth = post.path.count("/")
    assert f"[ct]: {'../' * depth}muc-tieu-2030.md" in rebased


def test_an_anchor_typed_in_capitals_suggests_its_id(project: Path) -> None:
    indicator = _indicator()
    name = _post(project, f"[Chỉ tiêu](muc-tieu-2030.md#{indicator.upper()})")
    [found] = _found(project, name)
    assert found.fix.startswith(f"viết `muc-tieu-2030.md#{indicator}` (mục có tên gần giống nhất)")


def test_a_link_address_and_title_are_not_prose(project: Path) -> None:
    """A date in a URL or a link's "title" is Markdown syntax, not the editor's wording: no date or quote warning."""
    name = _post(project, '[Tin](https://example.gov.vn/tin?ngay=2025-03-10 "Tin ngày 10.3.2025") viết ngày 10-3-2025.')
    [found] = _found(project, name)
    assert found.message == "ngày “10-3-2025” viết bằng dấu “-”"


def test_a_link_whose_words_wrap_onto_the_next_line_is_checked_at_its_address(project: Path) -> None:
    name = _post(project, "Xem [chỉ tiêu đến\nnăm 2030](muc-tieu-2031.md).")
    [found] = _found(project, name)
    assert (found.line, found.message) == (BODY_LINE + 1, "liên kết tới trang hoặc tệp không tồn tại: `muc-tieu-2031.md`")


def test_a_wrapped_link_in_a_folded_yaml_text_is_checked(project: Path) -> None:
    path = project / "content" / "thuat-ngu.yml"
    term = _fixture_yaml("thuat-ngu.yml")["terms"][0]
    old = f"explanation: {term['explanation']}"
    text = path.read_text(encoding="utf-8")
    indent = " " * (len(text[:text.index(old)].rsplit("\n", 1)[1]) + 2)
    line = text[:text.index(old)].count("\n") + 3
    path.write_text(text.replace(old, f"explanation: >-\n{indent}Xem [chỉ tiêu\n{indent}năm 2030](muc-tieu-2031.md).", 1),
                    encoding="utf-8")
    [found] = _found(project, "content/thuat-ngu.yml")
    assert (found.line, found.message) == (line, "liên kết tới trang hoặc tệp không tồn tại: `muc-tieu-2031.md`")
