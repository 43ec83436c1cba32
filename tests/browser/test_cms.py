"""The browser editor (quan-tri/): every routine task, walked through in Decap's form at 1280×800 and 360×640.

Decap runs in Debian's Chromium against ``decap-server`` (npm, ``node_modules/.bin``) in ``MODE=git`` on a
temporary git repository holding a copy of the fixture content, one repository per walk-through. The site is the
real build of a project copy whose ``mkdocs.yml`` turns the editor on (``editor_login: oauth`` and a login server),
served with the page's own Content-Security-Policy as a header as well as the meta tag; the test server forwards
``/api/v1`` to decap-server, so the browser talks to its own origin and the production policy is tested unchanged.
Only ``config.yml`` is replaced, by the configuration generated from the fixture content plus ``local_backend``
(test only, never in a build).

Each walk-through saves once (editorial workflow) and then checks, on the git repository: ``main`` has not moved,
a new ``cms/…`` branch holds the change, and the branch's content passes the project's loader (``load_content``,
every cross-file check) with the value typed in the form. The browser runs in Vietnam's time zone at 00:30 local
time (17:30 UTC the day before), so a date computed in UTC would be a day early. Visible text is checked for
English interface words, the page for horizontal scrolling; the phone screenshots are kept for review.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
import yaml
from PIL import Image

from generator.content import load_content
from generator.content.posts import load_post
from generator.editor.cms import CONFIG_PATH, cms_config
from generator.publish.csp import header_value
from generator.registry import plan_links
from generator.render.cms_locale import NO_REPLACE

from ..conftest import FIXTURE, ROOT, build_site, copy_project, replace_once
from ..servers import free_port, wait_for
from .conftest import PHONE, QuietHandler
from .test_csp import LISTENER

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
SCREENSHOTS = Path(os.environ.get("NQ57_SCREENSHOTS", "/tmp"))
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"1280x800": DESKTOP, "360x640": PHONE}

NOW_UTC = datetime.datetime(2025, 6, 4, 17, 30, tzinfo=datetime.UTC)
"""17:30 UTC on 4 June is 00:30 on 5 June in Vietnam: the date an editor there means by "today"."""
VIETNAM_TODAY = "2025-06-05"

ENGLISH = re.compile(r"\b(Save|Publish|Published|Delete|Add|Remove|Copy|Choose|Insert|Replace|Status|Draft|Ready|"
                     r"Review|Entries|Entry|Media|Collections?|Workflow|New|Quick add|Toggle|Expand|Collapse|UTC|Now|"
                     r"Clear|Log ?in|Logout|Changes saved|Unsaved|Search|January|February|March|April|May|June|July|"
                     r"August|September|October|November|December|mm/dd/yyyy|Notes?|Close|Link|Bold|Italic)\b")
"""English interface words Decap shows when a string is missing from its Vietnamese (issue 23 lists some)."""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the fixture content on ``main``, as the editors' repository would hold it."""
    folder = tmp_path / "cms-repo"
    shutil.copytree(FIXTURE / "content", folder / "content")
    (folder / "content" / "tin-tuc").mkdir(exist_ok=True)
    (folder / "content" / "tin-tuc" / ".gitkeep").write_text("")
    (folder / "content" / "anh").mkdir(exist_ok=True)
    Image.new("RGB", (320, 240), (30, 90, 160)).save(folder / "content" / "anh" / "da-dang.jpg")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "nội dung mẫu")
    return folder


@pytest.fixture
def decap_server(repo: Path, tmp_path: Path) -> Iterator[int]:
    if not DECAP_SERVER.exists():
        message = "decap-server not installed (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    log = tmp_path / "decap-server.log"
    env = {**os.environ, **GIT_ENV, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo),
           "MODE": "git"}
    with log.open("w") as output:
        process = subprocess.Popen([str(DECAP_SERVER)], cwd=repo, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_for(port, process, log)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real build of a project copy whose mkdocs.yml turns the editor on, so the page loads Decap."""
    project = copy_project(tmp_path_factory.mktemp("cms-project") / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    replace_once(project / "mkdocs.yml", "      edit_branch: main\n",
                 "      edit_branch: main\n      editor_login: oauth\n"
                 "      editor_auth_url: https://dang-nhap.example.org\n")
    site = tmp_path_factory.mktemp("cms-built") / "site"
    result = build_site(site, config=project / "mkdocs.yml", env={"REPO_URL": "https://github.com/xa-mau/trang-nq57"})
    assert result.returncode == 0, result.stdout + result.stderr
    if not (site / "bien-tap" / "quan-tri" / "decap-cms.js").is_file():
        pytest.fail("the build did not package Decap (node_modules/decap-cms missing?)")
    return site


def local_config(address: str) -> str:
    """The configuration generated from the fixture content, plus ``local_backend`` (test only, never in a build)."""
    content = load_content(FIXTURE / "content")
    config = cms_config(content, content_prefix="content", repo="xa-mau/trang-nq57", branch="main",
                        plan_parts=[(link.id, link.title) for link in plan_links(content)])
    config["local_backend"] = {"url": f"{address}api/v1"}  # Decap wants an absolute URL
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


class EditorHandler(QuietHandler):
    """The site's files with each page's CSP header; ``/api/v1`` forwarded to the current decap-server."""

    backend: ClassVar[dict[str, int]] = {"port": 0}

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", header_value(urlsplit(self.path).path))
        super().end_headers()

    def do_POST(self) -> None:
        if not self.path.startswith("/api/v1"):
            self.send_error(405)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        request = urllib.request.Request(f"http://127.0.0.1:{self.backend['port']}{self.path}", data=body,
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, data = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, data = error.code, error.read()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def editor_server(editor_site: Path) -> Iterator[tuple[str, dict[str, int]]]:
    backend: ClassVar[dict[str, int]] = {"port": 0}
    handler = type("Handler", (EditorHandler,), {"backend": backend})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(editor_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    (editor_site / CONFIG_PATH).write_text(local_config(address), encoding="utf-8")
    yield address, backend
    server.shutdown()


@pytest.fixture
def editor_url(editor_server: tuple[str, dict[str, int]], decap_server: int) -> str:
    address, backend = editor_server
    backend["port"] = decap_server
    return address


@dataclass
class Walk:
    """One walk-through's browser page and what it saw."""

    page: object
    size: str
    problems: list[str]
    dialogs: list[str]


@pytest.fixture(params=list(VIEWPORTS))
def walk(request, browser, editor_url: str) -> Iterator[Walk]:
    """A logged-in editor in Vietnam at 00:30 local time, at one of the two window sizes."""
    size = request.param
    phone = VIEWPORTS[size] == PHONE
    context = browser.new_context(viewport=VIEWPORTS[size], locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                  is_mobile=phone, has_touch=phone, device_scale_factor=2 if phone else 1)
    context.clock.set_fixed_time(NOW_UTC)
    page = context.new_page()
    page.add_init_script(LISTENER)
    state = Walk(page, size, [], [])
    page.on("console", lambda m: state.problems.append(m.text) if "refused" in m.text.lower() else None)
    page.on("pageerror", lambda error: state.problems.append(str(error)))

    def answer(dialog) -> None:
        state.dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(editor_url + "bien-tap/quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Tin, bài").first.wait_for()
    check_screen(state)  # the list of collections, the first screen after logging in
    if phone:
        page.screenshot(path=str(SCREENSHOTS / "quan-tri-360x640.png"))
    yield state
    context.close()


def open_task(walk: Walk, hash_path: str, ready: str) -> None:
    walk.page.goto(walk.page.url.split("#")[0] + "#/" + hash_path)
    walk.page.get_by_text(ready).first.wait_for()


def save(walk: Walk, task: str) -> None:
    """Press Lưu (reachable without scrolling sideways), wait for the saved draft; check the screen; screenshot."""
    page = walk.page
    button = page.get_by_role("button", name="Lưu", exact=True)
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], box
    if walk.size == "360x640":
        page.screenshot(path=str(SCREENSHOTS / f"quan-tri-{task}-360x640.png"))
    button.click()
    page.get_by_text("Không còn thay đổi chưa lưu").first.wait_for(timeout=30_000)
    check_screen(walk)


def check_screen(walk: Walk) -> None:
    page = walk.page
    # A phone widens its layout viewport to fit wider content (innerWidth grows too): compare with the screen.
    width = page.evaluate("Math.max(document.documentElement.scrollWidth, window.innerWidth)")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide at {walk.size}"
    text = page.evaluate("document.body.innerText")
    english = sorted(set(ENGLISH.findall(text)))
    assert not english, f"English on screen at {walk.size}: {english}"
    violations = [*page.evaluate("window.__cspViolations || []"), *walk.problems]
    assert not violations, violations


def new_branch(repo: Path, before: str, prefix: str) -> str:
    """``main`` has not moved; exactly one ``cms/…`` branch (starting ``prefix``) holds the change."""
    assert git(repo, "rev-parse", "main").strip() == before, "the editor changed main"
    branches = git(repo, "branch", "--format=%(refname:short)", "--list", "cms/*").split()
    assert len(branches) == 1 and branches[0].startswith(prefix), branches
    return branches[0]


def branch_content(repo: Path, branch: str, tmp_path: Path):
    """The branch's content folder, loaded and validated by the project's loader."""
    tree = tmp_path / "branch"
    git(repo, "worktree", "add", "-q", str(tree), branch)
    return load_content(tree / "content"), tree / "content"


def main_yaml(repo: Path, name: str) -> dict:
    return yaml.safe_load(git(repo, "show", f"main:content/{name}"))


def expand(page, summary: str) -> None:
    """Open a collapsed list item by the summary it shows (the first button of the item's top bar, above it)."""
    page.get_by_text(summary, exact=True).first.locator("xpath=..").locator("button").first.click()


def open_list(page, label: str):
    """Show the items of a list whose items are collapsed (its top bar's expand button says "Mở rộng");
    returns the list, to look for fields inside it only."""
    target = page.locator("label", has_text=re.compile(f"^{re.escape(label)}$")).first.get_attribute("for")
    found = page.locator(f"[id='{target}']")
    button = found.get_by_test_id("expand-button").first
    if button.get_attribute("aria-label") == "Mở rộng":
        button.click()
    return found


def choose(page, label: str, option: str) -> None:
    page.get_by_label(label).last.click()
    page.get_by_text(option, exact=True).last.click()


# --------------------------------------------------------------------------------------------------
# The walk-throughs, one per routine task
# --------------------------------------------------------------------------------------------------


def test_post_with_photo(walk: Walk, repo: Path, tmp_path: Path) -> None:
    """A new post with a photo; its date (not typed) is Vietnam's today, and so is its file name."""
    page, before = walk.page, git(repo, "rev-parse", "main").strip()
    photo = tmp_path / "hoi-nghi-xa.jpg"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(photo)
    open_task(walk, "collections/tin-tuc/new", "Tiêu đề")
    page.get_by_label("Tiêu đề").fill("Hội nghị quán triệt Nghị quyết 57 tại xã")
    assert page.get_by_label("Ngày đăng").input_value() == VIETNAM_TODAY
    page.get_by_label("Đơn vị đưa tin").fill("Văn phòng Đảng ủy xã")
    choose(page, "Chuyên mục", "Hoạt động")
    page.get_by_label("Tóm tắt").fill("Đảng ủy xã tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW.")
    page.get_by_role("button", name="Chọn một hình").click()  # the media library: upload, then choose it
    page.locator("input[type=file]").first.set_input_files(photo)
    page.get_by_text(photo.name).first.wait_for()
    page.get_by_role("button", name="Dùng ảnh đã chọn").click()
    page.locator("[id^=alt-field]").fill("Quang cảnh hội nghị")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Sáng nay, Đảng ủy xã tổ chức hội nghị.")
    save(walk, "tin-tuc")
    branch = new_branch(repo, before, "cms/tin-tuc/")
    content, folder = branch_content(repo, branch, tmp_path)
    name = f"{VIETNAM_TODAY}-hoi-nghi-quan-triet-nghi-quyet-57-tai-xa.md"
    existing = {path.name for path in (FIXTURE / "content" / "tin-tuc").glob("*.md")}
    assert {p.source.rsplit("/", 1)[-1] for p in content.posts} - existing == {name}, "one new post, this one"
    post = load_post(folder / "tin-tuc" / name, f"content/tin-tuc/{name}")
    assert (post.meta.title, post.meta.author, post.meta.category) == \
        ("Hội nghị quán triệt Nghị quyết 57 tại xã", "Văn phòng Đảng ủy xã", "hoat-dong")
    assert post.meta.date.isoformat() == VIETNAM_TODAY
    assert post.body.strip() == "Sáng nay, Đảng ủy xã tổ chức hội nghị."
    assert post.meta.image is not None and post.meta.image.src == "hoi-nghi-xa.jpg"  # a bare name, as guides say
    assert post.photo is not None and (post.photo.width, post.photo.height) == (640, 480)
    assert not git(repo, "ls-tree", "main", "content/anh/hoi-nghi-xa.jpg"), "the photo reached main"


def test_a_published_photo_is_never_replaced(walk: Walk, repo: Path, tmp_path: Path) -> None:
    """Uploading a photo with a published photo's name is refused in Vietnamese; nothing is deleted on main."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page, before = walk.page, git(repo, "rev-parse", "main").strip()
    photo = tmp_path / "da-dang.jpg"
    Image.new("RGB", (64, 48), (0, 0, 0)).save(photo)
    open_task(walk, "collections/tin-tuc/new", "Tiêu đề")
    for attempt in range(3):  # the library lists the published photos once loaded; opened too early, it may stay empty
        page.get_by_role("button", name="Chọn một hình").click()
        try:
            page.get_by_text("da-dang.jpg").first.wait_for(timeout=15_000)
            break
        except PlaywrightTimeout:  # load the editor again, then open the library again
            page.screenshot(path=str(SCREENSHOTS / f"quan-tri-thu-vien-anh-{walk.size}-{attempt}.png"))
            if attempt == 2:
                raise
            page.reload()
            page.get_by_text("Tiêu đề").first.wait_for()
    page.locator("input[type=file]").first.set_input_files(photo)
    page.wait_for_timeout(1500)
    assert walk.dialogs == [NO_REPLACE.replace("{name}", "da-dang.jpg")], walk.dialogs
    assert git(repo, "rev-parse", "main").strip() == before
    assert git(repo, "ls-tree", "main", "content/anh/da-dang.jpg"), "the published photo was deleted"


def test_organisation_results(walk: Walk, repo: Path, tmp_path: Path) -> None:
    """A new results file for an organisation of the register that had none: one session recorded."""
    page, before = walk.page, git(repo, "rev-parse", "main").strip()
    organisation = "Chi bộ Trường Mầm non Minh Hòa"
    open_task(walk, "collections/ket-qua-to-chuc/new", "Tên tổ chức")
    choose(page, "Tên tổ chức", organisation)
    page.get_by_role("button", name=re.compile("^Thêm hội nghị")).click()
    page.get_by_label("Ngày tổ chức").fill("20/3/2025")  # typed ngày/tháng/năm, whatever the browser's language
    page.get_by_label("Hình thức").fill("sinh hoạt chi bộ thường kỳ")
    page.get_by_label("Số đảng viên của tổ chức dự buổi này").fill("9")
    page.get_by_label("Số lượt quần chúng").fill("0")
    save(walk, "ket-qua-to-chuc")
    branch = new_branch(repo, before, "cms/ket-qua-to-chuc/")
    content, _ = branch_content(repo, branch, tmp_path)
    (record,) = [r for r in content.grassroots_records if r.meta.organisation == organisation]
    assert [(s.date.isoformat(), s.form, s.members, s.citizens) for s in record.meta.sessions] == \
        [("2025-03-20", "sinh hoạt chi bộ thường kỳ", 9, 0)]


def test_register(walk: Walk, repo: Path, tmp_path: Path) -> None:
    """An organisation added to the register; the kinds and the other organisations are kept."""
    page, before = walk.page, git(repo, "rev-parse", "main").strip()
    original = main_yaml(repo, "to-chuc-co-so.yml")
    open_task(walk, "collections/so-to-chuc-co-so/entries/to-chuc-co-so", "Tổ chức")
    page.get_by_role("button", name=re.compile("^Thêm tổ chức")).click()
    page.get_by_label("Tên tổ chức", exact=True).last.fill("Chi bộ Trạm Y tế xã")
    page.get_by_label("Loại tổ chức").last.fill("chi bộ cơ quan")
    page.get_by_label("Số đảng viên sinh hoạt trực tiếp ở tổ chức này").last.fill("6")
    save(walk, "so-to-chuc-co-so")
    branch = new_branch(repo, before, "cms/so-to-chuc-co-so/")
    content, folder = branch_content(repo, branch, tmp_path)
    assert content.grassroots.organisations[-1].model_dump(exclude_none=True) == \
        {"name": "Chi bộ Trạm Y tế xã", "kind": "chi bộ cơ quan", "members": 6}
    saved = yaml.safe_load((folder / "to-chuc-co-so.yml").read_text(encoding="utf-8"))
    assert saved["kinds"] == original["kinds"] and saved["organisations"][:-1] == original["organisations"]


def test_target_measurement(walk: Walk, repo: Path, tmp_path: Path) -> None:
    """A measured value added to the first indicator; every quoted value of the plan file is unchanged."""
    page, before = walk.page, git(repo, "rev-parse", "main").strip()
    original = main_yaml(repo, "muc-tieu/2030.yml")
    first = next(p for p in original["paragraphs"] if p.get("indicators"))
    paragraph_index = original["paragraphs"].index(first)
    indicator = first["indicators"][0]
    open_task(walk, "collections/so-lieu-chi-tieu/entries/muc-tieu-2030", "Đoạn")
    assert not page.get_by_role("button", name=re.compile("^Thêm đoạn")).count()  # plan items: no add
    expand(page, first["text"])
    expand(page, indicator["title"])
    page.get_by_role("button", name=re.compile("^Thêm số liệu thực tế")).first.click()
    page.get_by_label("Giá trị đo được").last.fill("12.5")
    page.get_by_label("Năm của số liệu").last.fill("2024")
    choose(page, "Phạm vi", "tỉnh")
    page.get_by_label("Nguồn số liệu").last.fill("Báo cáo số 10-BC/UBND của Ủy ban nhân dân xã")
    save(walk, "muc-tieu-2030")
    branch = new_branch(repo, before, "cms/so-lieu-chi-tieu/")
    content, folder = branch_content(repo, branch, tmp_path)
    saved = yaml.safe_load((folder / "muc-tieu/2030.yml").read_text(encoding="utf-8"))
    added = saved["paragraphs"][paragraph_index]["indicators"][0]["measurements"][-1]
    assert added == {"value": 12.5, "year": 2024, "scope": "province",
                     "source": "Báo cáo số 10-BC/UBND của Ủy ban nhân dân xã"}
    saved["paragraphs"][paragraph_index]["indicators"][0]["measurements"].pop()
    if not saved["paragraphs"][paragraph_index]["indicators"][0]["measurements"] and \
            "measurements" not in indicator:
        del saved["paragraphs"][paragraph_index]["indicators"][0]["measurements"]
    assert saved == original  # the plan's own wording and numbers, as they were
    assert content.horizons[0].indicators[0].measurements[-1].value == 12.5


def test_question_and_answer(walk: Walk, repo: Path, tmp_path: Path) -> None:
    """A Q&A item added to the first group, quoting the plan; the loader checks the quote and the source."""
    page, before = walk.page, git(repo, "rev-parse", "main").strip()
    original = main_yaml(repo, "hoi-dap.yml")
    group = original["groups"][0]
    known = group["questions"][0]
    open_task(walk, "collections/hoi-dap-thuat-ngu/entries/hoi-dap", "Tiêu đề trang")
    expand(page, group["title"])
    questions = open_list(page, "Câu hỏi của nhóm (không bắt buộc)")
    questions.get_by_role("button", name=re.compile("^Thêm câu hỏi")).first.click()
    questions.get_by_label("Mã câu hỏi", exact=False).last.fill("khi-nao-quan-triet")
    questions.get_by_label("Câu hỏi, như người đọc hỏi").last.fill("Khi nào chi bộ quán triệt Nghị quyết?")
    questions.get_by_label("Câu trả lời ngắn do Ban biên tập viết").last.fill("Trong kỳ sinh hoạt chi bộ thường kỳ.")
    questions.get_by_role("button", name=re.compile("^Thêm câu trích")).last.click()
    questions.get_by_label("Câu trích nguyên văn", exact=False).last.fill(known["quotes"][0])
    questions.get_by_label("Đoạn văn bản mà câu trả lời dựa vào").last.fill(known["source"])
    save(walk, "hoi-dap")
    branch = new_branch(repo, before, "cms/hoi-dap-thuat-ngu/")
    content, _ = branch_content(repo, branch, tmp_path)
    added = content.questions.groups[0].questions[-1]
    assert (added.id, added.question, list(added.quotes), added.source) == \
        ("khi-nao-quan-triet", "Khi nào chi bộ quán triệt Nghị quyết?", known["quotes"], known["source"])


def test_footer_contact(walk: Walk, repo: Path, tmp_path: Path) -> None:
    """The footer's phone number changed; the site's name, level and address are not in the form and are kept."""
    page, before = walk.page, git(repo, "rev-parse", "main").strip()
    original = main_yaml(repo, "cai-dat.yml")
    open_task(walk, "collections/lien-he/entries/cai-dat", "Đầu mối liên hệ")
    assert not page.get_by_label("Tên trang", exact=False).count()  # maintainers' settings are not offered
    page.get_by_label("Số điện thoại").fill("0216 3885 999")
    save(walk, "cai-dat")
    branch = new_branch(repo, before, "cms/lien-he/")
    content, folder = branch_content(repo, branch, tmp_path)
    assert content.settings.contact.phone == "0216 3885 999"
    saved = yaml.safe_load((folder / "cai-dat.yml").read_text(encoding="utf-8"))
    assert saved == {**original, "contact": {**original["contact"], "phone": "0216 3885 999"}}


def test_the_editors_page_has_no_site_stylesheet(editor_site: Path) -> None:
    """The site's link colour made Decap's "new post" button 1.18:1: the page loads only its own stylesheet."""
    page = (editor_site / "bien-tap" / "quan-tri" / "index.html").read_text(encoding="utf-8")
    assert "assets/study.css" not in page and "quan-tri.css" in page
    assert page.index("decap-cms.js") < page.index("vi.js")




AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CONTRAST = """() => axe.run(document, {runOnly: ['color-contrast']}).then(r => r.violations.flatMap(
    v => v.nodes.map(n => n.target.join(' ') + ': ' + n.any.map(a => a.message).join('; '))))"""


@pytest.mark.parametrize("screen", ["collections/tin-tuc", "collections/tin-tuc/new",
                                    "collections/ket-qua-to-chuc/entries/chi-bo-cong-an-xa"])
def test_contrast_is_aa_on_a_phone(browser, editor_url: str, screen: str) -> None:
    """axe-core's colour-contrast rule (WCAG 2.1 AA) on the list of posts and two forms, at 360×640."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(editor_url + "bien-tap/quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Tin, bài").first.wait_for()
    page.goto(editor_url + "bien-tap/quan-tri/#/" + screen)
    page.get_by_text("Tin, bài" if screen.count("/") == 1 else "Lưu").first.wait_for()
    page.wait_for_timeout(500)
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")  # through DevTools: the page's CSP does not apply
    found = page.evaluate(CONTRAST)
    if screen == "collections/tin-tuc":
        page.screenshot(path=str(SCREENSHOTS / "quan-tri-tin-tuc-list-360x640.png"))
    context.close()
    assert not found, found
