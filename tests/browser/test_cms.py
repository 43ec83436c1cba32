"""The browser editor (quan-tri/): a post made through Decap's form is a valid post file.

Decap runs in Debian's Chromium against ``decap-server`` (npm, ``node_modules/.bin``) in
``MODE=git`` on a temporary git repository holding a copy of the fixture content. The site is
the real build (with ``REPO_URL`` set, so the page loads Decap), served with the page's own
Content-Security-Policy as a header as well as the meta tag; the test server also forwards
``/api/v1`` to decap-server, so the browser talks to its own origin and the production policy
is tested unchanged. Only ``config.yml`` is replaced, by the configuration generated from the
fixture content plus ``local_backend`` (test only, never in a build).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from PIL import Image

from generator.content import load_content
from generator.content.posts import load_post
from generator.editor.cms import CONFIG_PATH, cms_config
from generator.publish.csp import header_value
from generator.registry import plan_links

from ..conftest import FIXTURE, ROOT, build_site
from ..servers import free_port, wait_for
from .conftest import PHONE, QuietHandler
from .test_csp import LISTENER

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
SCREENSHOT = Path(os.environ.get("NQ57_SCREENSHOTS", "/tmp")) / "quan-tri-360x640.png"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository with the fixture content, as the editors' repository would hold it."""
    folder = tmp_path_factory.mktemp("cms-repo")
    shutil.copytree(FIXTURE / "content", folder / "content")
    (folder / "content" / "tin-tuc").mkdir(exist_ok=True)
    (folder / "content" / "tin-tuc" / ".gitkeep").write_text("")
    (folder / "content" / "anh").mkdir(exist_ok=True)
    (folder / "content" / "anh" / ".gitkeep").write_text("")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-qm", "nội dung mẫu"]):
        subprocess.run(command, cwd=folder, env=env, check=True)
    return folder


@pytest.fixture(scope="module")
def decap_server(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    if not DECAP_SERVER.exists():
        message = "decap-server not installed (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    log = tmp_path_factory.mktemp("decap-log") / "decap-server.log"
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo), "MODE": "git",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
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
    """The real build with a GitHub repository set, so the page loads Decap."""
    site = tmp_path_factory.mktemp("cms-built") / "site"
    result = build_site(site, env={"REPO_URL": "https://github.com/xa-mau/trang-nq57"})
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
    """The site's files with each page's CSP header; ``/api/v1`` forwarded to decap-server."""

    backend_port = 0

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", header_value(urlsplit(self.path).path))
        super().end_headers()

    def do_POST(self) -> None:
        if not self.path.startswith("/api/v1"):
            self.send_error(405)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        request = urllib.request.Request(f"http://127.0.0.1:{self.backend_port}{self.path}", data=body,
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
def editor_url(editor_site: Path, decap_server: int) -> Iterator[str]:
    handler = type("Handler", (EditorHandler,), {"backend_port": decap_server})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(editor_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    (editor_site / CONFIG_PATH).write_text(local_config(address), encoding="utf-8")
    yield address
    server.shutdown()


def test_a_post_made_in_the_form_is_a_valid_post(browser, editor_url: str, repo: Path, tmp_path: Path) -> None:
    """Log in, fill the form, upload a photo, save (a draft branch: editorial workflow), mark ready, publish
    (merged into main); the file written is a valid post whose photo is in content/anh/."""
    photo = tmp_path / "hoi-nghi-xa.jpg"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(photo)
    # A desktop window: Decap's editor is wider than a phone (see test_editor_on_a_phone_screen).
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.add_init_script(LISTENER)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "refused" in m.text.lower() else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())  # "Bạn có chắc rằng bạn muốn công bố mục này?"
    page.goto(editor_url + "bien-tap/quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(editor_url + "bien-tap/quan-tri/#/collections/tin-tuc/new")
    page.get_by_label("Tiêu đề").fill("Hội nghị quán triệt Nghị quyết 57 tại xã")
    page.get_by_label("Ngày đăng").fill("2025-06-05")  # Chromium's date input takes the ISO form from scripts
    page.get_by_label("Đơn vị đưa tin").fill("Văn phòng Đảng ủy xã")
    page.get_by_label("Chuyên mục").click()
    page.get_by_text("Hoạt động", exact=True).click()
    page.get_by_label("Tóm tắt").fill("Đảng ủy xã tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW.")
    page.get_by_role("button", name="Chọn một hình").click()  # the media library: upload, then choose it
    page.locator("input[type=file]").first.set_input_files(photo)
    page.get_by_text(photo.name).first.wait_for()
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.locator("[id^=alt-field]").fill("Quang cảnh hội nghị")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Sáng nay, Đảng ủy xã tổ chức hội nghị.")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Thay đổi đã được lưu").first.wait_for(timeout=20_000)
    branches = subprocess.run(["git", "branch", "--list", "cms/*"], cwd=repo, capture_output=True, text=True).stdout
    assert "cms/tin-tuc/2025-06-05-" in branches, branches  # saved as a branch to review, not on main
    page.get_by_role("button", name="Trạng: Bản nháp").click()
    page.get_by_text("Sẵn sàng", exact=True).first.click()
    page.get_by_role("button", name="Trạng: Sẵn sàng").wait_for()
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_text("Công bố ngay").first.click()
    page.get_by_role("button", name="Đã công bố").wait_for(timeout=20_000)
    violations = [*page.evaluate("window.__cspViolations || []"), *problems]
    context.close()

    written = sorted((repo / "content" / "tin-tuc").glob("*.md"))
    assert [p.name for p in written] == ["2025-06-05-hoi-nghi-quan-triet-nghi-quyet-57-tai-xa.md"], written
    post = load_post(written[0], f"content/tin-tuc/{written[0].name}")
    assert post.meta.title == "Hội nghị quán triệt Nghị quyết 57 tại xã"
    assert post.meta.author == "Văn phòng Đảng ủy xã"
    assert post.meta.category == "hoat-dong"
    assert post.meta.date.isoformat() == "2025-06-05"
    assert post.meta.summary == "Đảng ủy xã tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW."
    assert post.body.strip() == "Sáng nay, Đảng ủy xã tổ chức hội nghị."
    assert post.meta.image is not None and post.meta.image.src == "hoi-nghi-xa.jpg"  # a bare name, as guides say
    assert post.meta.image.alt == "Quang cảnh hội nghị"
    assert post.photo is not None and post.photo.path == repo / "content" / "anh" / "hoi-nghi-xa.jpg"
    assert (post.photo.width, post.photo.height) == (640, 480)
    assert not violations, violations


def test_editor_on_a_phone_screen(browser, editor_url: str) -> None:
    """The login screen at 360×640, in Vietnamese, with no CSP violation; the screenshot is kept for review."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN")
    page = context.new_page()
    page.add_init_script(LISTENER)
    page.goto(editor_url + "bien-tap/quan-tri/")
    page.get_by_role("button", name="Đăng nhập").wait_for()
    page.screenshot(path=str(SCREENSHOT))
    violations = page.evaluate("window.__cspViolations || []")
    context.close()
    assert not violations, violations
