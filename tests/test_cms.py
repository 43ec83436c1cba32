"""The browser editor's configuration (generator/render/cms.py) and page (bien-tap/quan-tri/), on the fixture content.

Expected values come from the fixture's YAML and from the model's declarations, never from the
function under test; the browser test (tests/browser/test_cms.py) runs the form itself.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.content import models
from generator.editor.cms import CONFIG_PATH, cms_config, github_repo
from generator.maintainer import MaintainerConfig, check_editor_login
from generator.publish.csp import header_value
from generator.registry import plan_links
from generator.render import cms_locale as locale
from generator.render import outputs
from generator.render.pages import render_pages
from generator.settings import SettingsError

from .conftest import FIXTURE, ROOT, settings

TODAY = date(2025, 6, 1)
FIXTURE_CONTENT = FIXTURE / "content"


def _config(content, repo: str | None = "xa-mau/trang-nq57") -> dict:
    return cms_config(content, content_prefix="content", repo=repo, branch="main",
                      plan_parts=[(link.id, link.title) for link in plan_links(content)])


def _collection(config: dict, name: str) -> dict:
    (found,) = [c for c in config["collections"] if c["name"] == name]
    return found


def _fields(config: dict) -> dict[str, dict]:
    return {field["name"]: field for field in _collection(config, "tin-tuc")["fields"]}


def _file(config: dict, file_name: str) -> dict:
    (found,) = [f for c in config["collections"] for f in c.get("files", []) if f["file"] == f"content/{file_name}"]
    return found


def test_posts_are_a_folder_collection_of_front_matter_files_saved_as_pull_requests(fixture_content) -> None:
    config = _config(fixture_content)
    posts = _collection(config, "tin-tuc")
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
    targets = yaml.safe_load((FIXTURE_CONTENT / "muc-tieu/2030.yml").read_text(encoding="utf-8"))
    indicators = {i["id"] for paragraph in targets["paragraphs"] for i in paragraph.get("indicators", [])}
    units = yaml.safe_load((FIXTURE_CONTENT / "to-chuc-thuc-hien.yml").read_text(encoding="utf-8"))["units"]
    values = {o["value"] for o in fields["related"]["options"]}
    assert indicators and indicators | {unit["id"] for unit in units} <= values
    assert news["tags"], "the fixture names its tags: a select of them, several allowed"
    assert fields["tags"]["widget"] == "select" and fields["tags"]["multiple"] is True
    assert [(o["value"], o["label"]) for o in fields["tags"]["options"]] == [(t["id"], t["name"]) for t in news["tags"]]


def test_tags_are_a_free_list_until_one_is_named(fixture_copy) -> None:
    """No tag named in tin-tuc.yml: a free list with the slug rule, not an empty select."""
    from generator.content import load_content

    path = fixture_copy / "tin-tuc.yml"
    news = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump({key: value for key, value in news.items() if key != "tags"}, allow_unicode=True),
                    encoding="utf-8")
    for post in (fixture_copy / "tin-tuc").glob("*.md"):  # their tags would be unnamed (a lint warning, no error)
        post.write_text(re.sub(r"(?m)^tags: .*\n", "", post.read_text(encoding="utf-8")), encoding="utf-8")
    fields = _fields(_config(load_content(fixture_copy)))
    assert fields["tags"]["widget"] == "list" and "sinh-hoat-chi-bo" in fields["tags"]["field"]["pattern"][1]


def test_dates_are_written_iso_and_shown_day_first_without_time(fixture_content) -> None:
    field = _fields(_config(fixture_content))["date"]
    assert (field["widget"], field["format"], field["date_format"], field["time_format"]) == \
        ("datetime", "YYYY-MM-DD", "DD/MM/YYYY", False)
    # The browser's day (Vietnam), not UTC's: at 00:30 in Hà Nội a new post is dated today, not yesterday.
    assert field["picker_utc"] is False and field["default"] == "{{now}}"
    # The file name takes the date as written; {{year}}-{{month}}-{{day}} would read it as a UTC instant.
    assert _collection(_config(fixture_content), "tin-tuc")["slug"] == "{{fields.date}}-{{slug}}"


def test_every_routine_task_has_a_collection_and_nothing_can_be_deleted(fixture_content) -> None:
    config = _config(fixture_content)
    files = {f["file"] for c in config["collections"] for f in c.get("files", [])}
    assert files == {f"content/{name}" for name in ("muc-tieu/2030.yml", "muc-tieu/2045.yml", "to-chuc-co-so.yml",
                                                    "hoi-dap.yml", "lam-ro.yml", "thuat-ngu.yml",
                                                    "trac-nghiem.yml", "cai-dat.yml")}
    records = _collection(config, "ket-qua-to-chuc")
    assert (records["folder"], records["format"], records["create"]) == ("content/to-chuc-co-so", "yml", True)
    assert all(c["delete"] is False for c in config["collections"])
    assert config["publish_mode"] == "editorial_workflow"


def test_results_name_an_organisation_of_the_register(fixture_content) -> None:
    register = yaml.safe_load((FIXTURE_CONTENT / "to-chuc-co-so.yml").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in _collection(_config(fixture_content), "ket-qua-to-chuc")["fields"]}
    assert [o["value"] for o in fields["organisation"]["options"]] == [o["name"] for o in register["organisations"]]
    sessions = {f["name"]: f for f in fields["sessions"]["fields"]}
    # typed ngày/tháng/năm as DocDate reads it, not a date picker in the browser's order (mm/dd/yyyy in English)
    assert sessions["date"]["widget"] == "string"
    assert sessions["date"]["pattern"][1] == "phải là ngày, viết 10/3/2025 hoặc 2025-03-10"
    members = models.StudySession.model_fields["members"]
    assert sessions["members"]["min"] == members.metadata[0].ge == 0 and sessions["members"]["value_type"] == "int"


def test_plan_files_offer_only_the_measurements(fixture_content) -> None:
    """muc-tieu/2030.yml quotes the plan: paragraphs and indicators are shown only to reach their measurements,
    and cannot be added, removed or reordered; no text of the plan is a form field."""
    (paragraphs,) = _file(_config(fixture_content), "muc-tieu/2030.yml")["fields"]
    (indicators,) = paragraphs["fields"]
    (measurements,) = indicators["fields"]
    assert (paragraphs["name"], indicators["name"], measurements["name"]) == ("paragraphs", "indicators", "measurements")
    for plan_list in (paragraphs, indicators):
        assert (plan_list["allow_add"], plan_list["allow_remove"], plan_list["allow_reorder"]) == (False, False, False)
    assert [f["name"] for f in measurements["fields"]] == list(models.Measurement.model_fields)
    scope = {f["name"]: f for f in measurements["fields"]}["scope"]
    assert [(o["value"], o["label"]) for o in scope["options"]] == \
        [("national", "cả nước"), ("province", "tỉnh"), ("local", "địa bàn của cơ quan")]  # as models.Measurement explains


def test_settings_offer_the_footer_only(fixture_content) -> None:
    fields = [f["name"] for f in _file(_config(fixture_content), "cai-dat.yml")["fields"]]
    assert fields == ["contact", "governing_body", "responsible_person", "notice"]
    assert "base_url" not in fields and "calendar_domain" not in fields


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
    monkeypatch.setattr(outputs, "decap_dist", lambda project, repository=None: None)
    written = outputs.cms_outputs(fixture_content, settings(TODAY, FIXTURE_CONTENT))
    assert [o.path for o in written] == [CONFIG_PATH, "bien-tap/quan-tri/vi.js", "bien-tap/quan-tri/quan-tri.css"]
    config = yaml.safe_load(written[0].content)
    assert config["collections"][0]["folder"] == "content/tin-tuc"


def test_decap_bundle_chunks_and_licence_are_copied_not_maps(fixture_content, monkeypatch, tmp_path: Path) -> None:
    names = ["decap-cms.js", "977.decap-cms.js", "ab12.wasm", "decap-cms.js.LICENSE.txt", "decap-cms.js.map",
             "977.decap-cms.js.map", "cms.js", "977.cms.js", "cms.css"]
    for name in names:
        (tmp_path / name).write_text(name)
    monkeypatch.setattr(outputs, "decap_dist", lambda project, repository=None: tmp_path)
    written = {o.path for o in outputs.cms_outputs(fixture_content, settings(TODAY, FIXTURE_CONTENT))}
    admin = "bien-tap/quan-tri"
    assert written == {CONFIG_PATH, f"{admin}/vi.js", f"{admin}/quan-tri.css", *(f"{admin}/{n}" for n in names[:4])}


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


def test_without_a_login_choice_the_editor_is_off_and_the_page_says_what_to_set(fixture_content, monkeypatch) -> None:
    from generator.views import admin

    monkeypatch.setattr(admin, "decap_dist", lambda project, repository=None: project)  # as if npm had installed Decap
    build = dataclasses.replace(settings(TODAY, FIXTURE_CONTENT), repo_url="https://github.com/xa-mau/trang-nq57")
    text = _admin_page(fixture_content, build)
    assert "cms_script" not in text and "editor_login: oauth" in text and "editor_auth_url" in text
    chosen = dataclasses.replace(build, editor_login="oauth", editor_auth_url="https://dang-nhap.example.org")
    page = _admin_page(fixture_content, chosen)
    assert "cms_script: decap-cms.js" in page and "cms_locale: vi.js" in page and "cms_style: quan-tri.css" in page


@pytest.mark.parametrize(("options", "expected"), [
    ({"editor_login": "oauth"}, "mkdocs.yml: trình biên tập `quan-tri/` đã bật (`editor_login: oauth`, kho a/b) "
                                "nhưng chưa có máy chủ đăng nhập"),
    ({"editor_login": "token", "editor_auth_url": "https://dang-nhap.example.org"},
     "mkdocs.yml: `editor_login: token` (đăng nhập bằng mã truy cập cá nhân) chưa dùng được"),
])
def test_an_editor_nobody_can_log_in_to_fails_the_build_in_vietnamese(options: dict, expected: str) -> None:
    with pytest.raises(SettingsError) as caught:
        check_editor_login(MaintainerConfig.from_options(options), "a/b")
    assert str(caught.value).startswith(expected), caught.value
    assert "handbook/editor-tools.md" in str(caught.value)  # where the login server is explained


def test_a_login_server_alone_means_oauth_and_no_repository_means_no_check() -> None:
    server = MaintainerConfig.from_options({"editor_auth_url": "https://dang-nhap.example.org"})
    assert server.login == "oauth"
    check_editor_login(server, "a/b")  # can log in: no error
    check_editor_login(MaintainerConfig.from_options({"editor_login": "oauth"}), None)  # the editor does not load
    assert MaintainerConfig().login is None
    with pytest.raises(SettingsError, match="editor_login"):
        MaintainerConfig.from_options({"editor_login": "netlify"})


def test_the_build_refuses_oauth_without_a_login_server(project_copy: Path, tmp_path: Path) -> None:
    from .conftest import CI_REPO_URL, build_site, replace_once

    replace_once(project_copy / "mkdocs.yml", "      edit_branch: main\n", "      edit_branch: main\n      editor_login: oauth\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "cu.html").write_text("bản cũ")
    result = build_site(site, config=project_copy / "mkdocs.yml", env={"REPO_URL": CI_REPO_URL})
    assert result.returncode != 0
    assert "chưa có máy chủ đăng nhập" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (site / "cu.html").read_text() == "bản cũ"  # the previous site is intact


def test_every_english_string_of_decap_has_vietnamese() -> None:
    """Decap's English strings (its own locale files) all have a Vietnamese text: Decap's or ``locale.PHRASES``."""
    import json
    import subprocess

    source = ROOT / "node_modules" / "decap-cms-locales" / "src"
    if not source.is_dir():
        pytest.skip("decap-cms-locales not installed (npm ci)")
    script = ("const f=(o,p='',r={})=>{for(const[k,v]of Object.entries(o)){if(v&&typeof v==='object')f(v,p+k+'.',r);"
              "else r[p+k]=v}return r};Promise.all([import(process.argv[1]),import(process.argv[2])])"
              ".then(([en,vi])=>console.log(JSON.stringify([Object.keys(f(en.default)),Object.keys(f(vi.default))])))")
    english, vietnamese = json.loads(subprocess.run(
        ["node", "--input-type=module", "-e", script, str(source / "en" / "index.js"), str(source / "vi" / "index.js")],
        capture_output=True, text=True, check=True).stdout)

    def flat(tree: dict, prefix: str = "") -> set[str]:
        return {key for name, value in tree.items()
                for key in (flat(value, f"{prefix}{name}.") if isinstance(value, dict) else {prefix + name})}

    missing = set(english) - set(vietnamese) - flat(locale.PHRASES)
    assert not missing, sorted(missing)


def test_the_guard_answers_decaps_replace_question_itself() -> None:
    script = locale.script()
    assert r"already exists\. Do you want to replace it\?" in script  # Decap's hard-coded English question
    assert locale.DELETE_MEDIA in script and "registerLocale" in script
    assert 'nav button[class*="-AppHeaderButton"]' in locale.STYLE
