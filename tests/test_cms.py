"""The browser editor's configuration (generator/editor/cms.py) and page (quan-tri/), on the fixture content.

Expected values come from the fixture's YAML and from the model's declarations, never from the
function under test; the browser test (tests/browser/test_cms.py) runs the form itself.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import yaml

from generator.content import models
from generator.editor.cms import CONFIG_PATH, cms_config, github_repo
from generator.publish.csp import header_value
from generator.registry import plan_links
from generator.render import outputs
from generator.render.pages import render_pages

from .conftest import FIXTURE, settings

TODAY = date(2025, 6, 1)
FIXTURE_CONTENT = FIXTURE / "content"


def _config(content, repo: str | None = "xa-mau/trang-nq57") -> dict:
    return cms_config(content, content_prefix="content", repo=repo, branch="main",
                      plan_parts=[(link.id, link.title) for link in plan_links(content)])


def _fields(config: dict) -> dict[str, dict]:
    (posts,) = config["collections"]
    return {field["name"]: field for field in posts["fields"]}


def test_posts_are_a_folder_collection_of_front_matter_files_saved_as_pull_requests(fixture_content) -> None:
    config = _config(fixture_content)
    (posts,) = config["collections"]
    assert posts["folder"] == "content/tin-tuc" and posts["format"] == "frontmatter" and posts["extension"] == "md"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "xa-mau/trang-nq57", "branch": "main"}
    assert config["media_folder"] == "content/anh" and config["public_folder"] == ""
    assert "local_backend" not in config  # only a test's override turns it on


def test_every_required_post_field_is_in_the_form_and_required(fixture_content) -> None:
    fields = _fields(_config(fixture_content))
    required = {name for name, info in models.Post.model_fields.items() if info.is_required()}
    assert required == {"title", "date", "author", "category", "summary"}
    for name in required:
        assert fields[name].get("required", True) is True, name
    for name in set(models.Post.model_fields) - required:
        assert fields[name]["required"] is False, name
    assert fields["body"]["widget"] == "markdown"


def test_labels_and_hints_are_the_models_vietnamese_title_and_description(fixture_content) -> None:
    fields = _fields(_config(fixture_content))
    assert fields["title"]["label"] == "Tiêu đề" and fields["summary"]["label"] == "Tóm tắt"
    for name, info in models.Post.model_fields.items():
        assert fields[name]["label"] == info.title, name
        assert fields[name]["hint"] == info.description, name
    image = {field["name"]: field for field in fields["image"]["fields"]}
    assert image["src"]["widget"] == "image" and image["alt"]["label"] == "Mô tả ảnh"
    # Decap would refuse a post without a photo if alt were required inside the optional object: the form leaves
    # it optional, its hint says "bắt buộc" and the loader still refuses a photo without alt.
    assert fields["image"]["required"] is False and image["alt"]["required"] is False
    assert "bắt buộc" in image["alt"]["hint"]


def test_select_options_are_the_fixtures_categories_and_plan_parts(fixture_content) -> None:
    news = yaml.safe_load((FIXTURE_CONTENT / "tin-tuc.yml").read_text(encoding="utf-8"))
    fields = _fields(_config(fixture_content))
    assert fields["category"]["widget"] == "select"
    assert [(o["value"], o["label"]) for o in fields["category"]["options"]] == \
        [(c["id"], c["name"]) for c in news["categories"]]
    assert fields["related"]["multiple"] is True
    targets = yaml.safe_load((FIXTURE_CONTENT / "muc-tieu-2030.yml").read_text(encoding="utf-8"))
    indicators = {i["id"] for paragraph in targets["paragraphs"] for i in paragraph.get("indicators", [])}
    units = yaml.safe_load((FIXTURE_CONTENT / "to-chuc-thuc-hien.yml").read_text(encoding="utf-8"))["units"]
    values = {o["value"] for o in fields["related"]["options"]}
    assert indicators and indicators | {unit["id"] for unit in units} <= values
    assert not news.get("tags")  # the fixture names no tag: a free list with the slug rule, not an empty select
    assert fields["tags"]["widget"] == "list" and "sinh-hoat-chi-bo" in fields["tags"]["pattern"][1]


def test_dates_are_written_iso_and_shown_day_first_without_time(fixture_content) -> None:
    field = _fields(_config(fixture_content))["date"]
    assert (field["widget"], field["format"], field["date_format"], field["time_format"]) == \
        ("datetime", "YYYY-MM-DD", "DD/MM/YYYY", False)


def test_slug_field_says_what_to_type_not_a_regular_expression(fixture_content) -> None:
    pattern, message = _fields(_config(fixture_content))["slug"]["pattern"]
    assert pattern.startswith("^") and "chữ thường không dấu" in message and "[" not in message


def test_repository_is_taken_from_a_github_address_only() -> None:
    assert github_repo("https://github.com/ubnd-yen-binh/nq57") == "ubnd-yen-binh/nq57"
    assert github_repo("https://github.com/ubnd-yen-binh/nq57.git") == "ubnd-yen-binh/nq57"
    assert github_repo("https://gitlab.com/ubnd/nq57") is None and github_repo(None) is None


def _admin_page(content, build) -> str:
    (page,) = [p for p in render_pages(content, build) if p.path == "bien-tap/quan-tri.md"]
    return page.markdown


def test_without_a_repository_the_page_says_in_vietnamese_what_to_set(fixture_content) -> None:
    text = _admin_page(fixture_content, settings(TODAY, FIXTURE_CONTENT))
    assert "repo_url: https://github.com/" in text and "REPO_URL" in text
    assert "cms_script" not in text  # Decap is not loaded


def test_another_forge_is_named_and_refused(fixture_content) -> None:
    build = dataclasses.replace(settings(TODAY, FIXTURE_CONTENT), repo_url="https://gitlab.com/ubnd/nq57")
    text = _admin_page(fixture_content, build)
    assert "Kho mã không phải GitHub" in text and "https://gitlab.com/ubnd/nq57" in text


def test_without_npm_files_only_the_configuration_is_written(fixture_content, monkeypatch) -> None:
    monkeypatch.setattr(outputs, "decap_dist", lambda project: None)
    written = outputs.cms_outputs(fixture_content, settings(TODAY, FIXTURE_CONTENT))
    assert [o.path for o in written] == [CONFIG_PATH]
    config = yaml.safe_load(written[0].content)
    assert config["collections"][0]["folder"] == "content/tin-tuc"


def test_decap_bundle_chunks_and_licence_are_copied_not_maps(fixture_content, monkeypatch, tmp_path: Path) -> None:
    names = ["decap-cms.js", "977.decap-cms.js", "ab12.wasm", "decap-cms.js.LICENSE.txt", "decap-cms.js.map",
             "977.decap-cms.js.map", "cms.js", "977.cms.js", "cms.css"]
    for name in names:
        (tmp_path / name).write_text(name)
    monkeypatch.setattr(outputs, "decap_dist", lambda project: tmp_path)
    written = {o.path for o in outputs.cms_outputs(fixture_content, settings(TODAY, FIXTURE_CONTENT))}
    assert written == {CONFIG_PATH, *(f"bien-tap/quan-tri/{n}" for n in names[:4])}


def test_only_the_editor_gets_inline_styles_and_githubs_api() -> None:
    admin, page = header_value("bien-tap/quan-tri/"), header_value("tin-tuc/")
    assert "'unsafe-inline'" in admin and "connect-src 'self' blob: https://api.github.com;" in admin
    assert "'unsafe-inline'" not in page and "github" not in page
    assert "script-src 'self' 'unsafe-eval';" in admin and "unsafe-eval" not in page


def test_the_login_server_comes_from_settings(fixture_content) -> None:
    parts: list[tuple[str, str]] = []
    plain = cms_config(fixture_content, content_prefix="content", repo="a/b", branch="main", plan_parts=parts)
    assert "base_url" not in plain["backend"]
    own = cms_config(fixture_content, content_prefix="content", repo="a/b", branch="main", plan_parts=parts,
                     auth_url="https://dang-nhap.example.org/")
    assert own["backend"]["base_url"] == "https://dang-nhap.example.org"
