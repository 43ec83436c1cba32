"""``python -m generator build-all`` on a repository of three communes (tests/multisite_repo.py).

One real run builds two good sites and one broken one, with a global ``SITE_URL`` that is the deploy's root: each
site must get its own address under it, every link of every page must resolve to a file under ``deploy/``, the
broken site must fail alone and be named, and the landing page, the roll-up, the sitemap index, the combined
hosting files and the archive must describe exactly what was built. The incremental tests run last: they
rebuild and change the sites.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml

from generator.multisite import sites as multisite_sites
from generator.views.admin import decap_dist

from .conftest import ROOT
from .multisite_repo import BROKEN, SITES, make_repo
from .servers import APACHE_MODULES

ROOT_URL = "https://tinh.example.net/nghi-quyet/"
REPO_URL = "https://github.com/example/tinh"
EPOCH = "1764288000"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def build_all(repo: Path, *args: str, site_url: str = ROOT_URL) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_URL": site_url, "REPO_URL": REPO_URL, "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("CONTENT_DIR", None)
    return subprocess.run([sys.executable, "-m", "generator", "build-all", "--jobs", "2", *args], cwd=repo, env=env,
                          capture_output=True, text=True, check=False, timeout=900)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("province") / "repo")


@pytest.fixture(scope="module")
def first_run(repo: Path) -> subprocess.CompletedProcess[str]:
    return build_all(repo, "--out", "deploy", "--hosting-out", "hosting", "--dist", "dist")


@pytest.fixture(scope="module")
def deploy(repo: Path, first_run) -> Path:
    return repo / "deploy"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def unresolved(deploy: Path, root_url: str) -> list[str]:
    """Every link of every page under ``deploy`` (served at ``root_url``) that names no file of the deploy."""
    base = urlsplit(root_url)
    missing, checked = [], 0
    for page in sorted(deploy.rglob("*.html")):
        relative = page.relative_to(deploy).as_posix()
        if relative.startswith("."):
            continue
        page_url = urljoin(root_url, relative.removesuffix("index.html"))
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.urls:
            target = urlsplit(urljoin(page_url, link))
            if target.scheme not in ("http", "https") or target.netloc != base.netloc:
                continue
            assert target.path.startswith(base.path), f"{relative}: {link} leaves the deploy's address"
            path = deploy / target.path.removeprefix(base.path)
            if target.path.endswith("/"):
                path = path / "index.html"
            checked += 1
            if not path.is_file():
                missing.append(f"{relative}: {link}")
    assert checked > 1000, "too few links to prove anything"
    return missing


def test_the_broken_site_fails_alone_and_is_named_vietnamese_first(first_run, deploy: Path) -> None:
    assert first_run.returncode == 1, first_run.stdout + first_run.stderr
    last = first_run.stderr.strip().splitlines()
    summary = next(line for line in last if line.startswith("LỖI:") and "trang dựng thất bại" in line)
    assert BROKEN in summary and not any(site in summary for site in SITES)
    assert first_run.stderr.index(summary) < first_run.stderr.index("(en) 1 site(s) failed")
    assert f"sites/{BROKEN}/content/cai-dat.yml" in first_run.stderr  # the file of the mistake, as a single build says
    for site_id in SITES:
        assert (deploy / site_id / "index.html").is_file()
    assert not (deploy / BROKEN).exists()


def test_each_sites_build_process_peak_memory_is_recorded(deploy: Path) -> None:
    """``make bench`` reads each worker's peak memory from the manifest: a real process's, not the whole run's.
    A Python process that imported MkDocs and pydantic holds tens of MB at least; a site build stays far under 2 GB."""
    manifest = json.loads((deploy / ".build-all.json").read_text(encoding="utf-8"))
    for site_id in [*SITES, BROKEN]:
        assert 30 < manifest[site_id]["peak_mb"] < 2000, (site_id, manifest[site_id])


def test_each_site_has_its_own_address_under_the_global_root(deploy: Path) -> None:
    for site_id in SITES:
        own = f"{ROOT_URL}{site_id}/"
        tree = ElementTree.parse(deploy / site_id / "sitemap.xml")
        locations = [loc.text for loc in tree.getroot().iterfind("s:url/s:loc", NS)]
        assert locations and all(loc.startswith(own) for loc in locations), locations[:3]
        not_found = (deploy / site_id / "404.html").read_text(encoding="utf-8")
        assert f"{urlsplit(own).path}assets/" in not_found  # the error page's assets at the site's own path


def test_every_link_of_every_page_resolves_under_the_deploy(deploy: Path) -> None:
    assert unresolved(deploy, ROOT_URL) == []


def test_edit_links_and_editor_folders_are_the_sites_own(deploy: Path) -> None:
    for site_id in SITES:
        prefix = f"sites/{site_id}/content"
        plan = (deploy / site_id / "ke-hoach" / "index.html")
        pages = [plan] if plan.is_file() else sorted((deploy / site_id).rglob("index.html"))
        edits = {m for page in pages for m in re.findall(rf'href="({re.escape(REPO_URL)}/edit/[^"]+)"',
                                                            page.read_text(encoding="utf-8"))}
        assert edits and all(f"/edit/main/{prefix}/" in link or "/edit/main/docs/" in link for link in edits), edits
        config = yaml.safe_load((deploy / site_id / "bien-tap" / "quan-tri" / "config.yml").read_text(encoding="utf-8"))
        folders = [config["media_folder"]] + [c["folder"] for c in config["collections"] if "folder" in c]
        files = [f["file"] for c in config["collections"] for f in c.get("files", [])]
        assert folders and files
        assert all(path.startswith(prefix + "/") for path in folders + files), folders + files
        # The editor is packaged from the repository's node_modules/ (the site has none of its own) whenever npm put it there.
        assert (deploy / site_id / "bien-tap" / "quan-tri" / "decap-cms.js").is_file() == (decap_dist(ROOT) is not None)
        guide = " ".join(page.read_text(encoding="utf-8") for page in (deploy / site_id / "bien-tap").rglob("index.html"))
        named = set(re.findall(r"sites/[a-z-]+/content", guide))
        assert named == {prefix}, named  # the editor's guide names this site's files only


def test_the_landing_page_lists_every_organisation_and_marks_the_failed_one(repo: Path, deploy: Path) -> None:
    page = (deploy / "index.html").read_text(encoding="utf-8")
    for site_id in SITES:
        settings = yaml.safe_load((repo / "sites" / site_id / "content" / "cai-dat.yml").read_text(encoding="utf-8"))
        assert f'<a href="{site_id}/">{settings["organisation"]}</a>' in page
        plan = yaml.safe_load((repo / "sites" / site_id / "content" / "ke-hoach.yml").read_text(encoding="utf-8"))
        assert f"<dt>Cấp</dt><dd>{settings['level']}</dd>" in page
        assert f"<dt>Nghị quyết</dt><dd>{plan['resolution']['kind']} {plan['resolution']['number']}</dd>" in page
    assert "20/11/2025" in page  # the last commit touching the sites (tests/multisite_repo.py)
    card = re.search(rf'<li class="([^"]*)" id="{BROKEN}">(.*?)</li>', page, re.S)
    assert card and "tc-site--error" in card[1] and "Lỗi" in card[2]
    assert f'href="{BROKEN}/"' not in page  # nothing to link to: it never built
    assert "<script>" not in page and 'src="assets/org-filter.js"' in page
    assert '<a href="/nghi-quyet/">' in (deploy / "404.html").read_text(encoding="utf-8")  # served at any address
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<meta charset")


def test_one_sitemap_index_names_each_built_sites_sitemap(deploy: Path) -> None:
    tree = ElementTree.parse(deploy / "sitemap.xml")
    locations = sorted(loc.text for loc in tree.getroot().iterfind("s:sitemap/s:loc", NS))
    assert locations == sorted([f"{ROOT_URL}sitemap-trang-chu.xml", *(f"{ROOT_URL}{s}/sitemap.xml" for s in SITES)])
    for location in locations:
        assert (deploy / location.removeprefix(ROOT_URL)).is_file()


def test_the_roll_up_sums_each_sites_own_figures(deploy: Path) -> None:
    """Expected sums from the organisations' rows of each site's JSON, not from the totals the roll-up adds."""
    rows = [row for site_id in SITES
            for row in json.loads((deploy / site_id / "ket-qua-thuc-hien.json").read_text(encoding="utf-8"))["organisations"]]
    assert rows
    rollup = json.loads((deploy / "tong-hop.json").read_text(encoding="utf-8"))
    totals = rollup["totals"]
    assert totals["organisations"] == len(rows)
    for name in ("sessions", "members_attending", "citizens"):
        assert totals[name] == sum(row[name] or 0 for row in rows), name
    assert totals["plans"] == sum(row["plan"] is not None for row in rows)
    assert totals["reports"] == sum(row["report"] is not None for row in rows)
    for kind in {row["kind"] for row in rows}:
        group = next(g for g in rollup["by_kind"] if g["kind"] == kind)
        assert group["sessions"] == sum(row["sessions"] or 0 for row in rows if row["kind"] == kind)
    page = (deploy / "tong-hop" / "index.html").read_text(encoding="utf-8")
    for site_id in SITES:
        assert f'href="../{site_id}/ket-qua-thuc-hien/"' in page
    assert f"{totals['sessions']} hội nghị, lớp" in page.replace(".", "")


def test_the_combined_hosting_files_are_valid_and_name_every_site(repo: Path, deploy: Path, tmp_path: Path) -> None:
    hosting = repo / "hosting"
    nginx = (hosting / "nginx.conf").read_text(encoding="utf-8")
    for site_id in SITES:
        assert f"location ^~ /nghi-quyet/{site_id}/ {{" in nginx
        assert (hosting / site_id / "web.config").is_file()
    assert "location ^~ /nghi-quyet/ {" in nginx
    temp = "\n".join(f"    {kind}_temp_path {tmp_path}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = tmp_path / "main.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\nhttp {{\n{temp}\n"
                    f"  server {{\n    listen 127.0.0.1:8;\n    include {hosting}/nginx.conf;\n  }}\n}}\n")
    check = subprocess.run(["nginx", "-t", "-q", "-e", str(tmp_path / "error.log"), "-c", str(main)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    modules = "\n".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so" for name in APACHE_MODULES)
    apache = tmp_path / "apache-main.conf"
    apache.write_text(f'ServerRoot "{tmp_path}"\nPidFile "{tmp_path}/apache.pid"\nErrorLog "{tmp_path}/apache-error.log"\n'
                      f'{modules}\nListen 127.0.0.1:8\nServerName 127.0.0.1\nDocumentRoot "{tmp_path}"\n'
                      f'Include "{hosting}/apache.conf"\n')
    check = subprocess.run(["apache2", "-t", "-f", str(apache)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_one_dist_archive_holds_the_deploy_and_the_hosting_files(repo: Path, deploy: Path) -> None:
    archives = sorted((repo / "dist").glob("*.zip"))
    assert len(archives) == 1
    names = set(zipfile.ZipFile(archives[0]).namelist())
    assert {"site/index.html", "site/tong-hop/index.html", "hosting/nginx.conf", "hosting/apache.conf"} <= names
    assert all(f"site/{s}/index.html" in names for s in SITES)
    assert not any("/." in name for name in names)  # no manifest, lock or log


def test_a_deploy_at_the_root_of_a_host_resolves_too(repo: Path) -> None:
    run = build_all(repo, "--out", "deploy-root", "--only", "xa-a", site_url="https://goc.example.net")
    assert run.returncode == 0, run.stderr
    assert unresolved(repo / "deploy-root", "https://goc.example.net/") == []
    assert multisite_sites.site_url(multisite_sites.root_url("https://goc.example.net"), "xa-a") == "https://goc.example.net/xa-a/"


def test_an_unchanged_site_is_skipped_and_force_rebuilds_it(repo: Path, deploy: Path) -> None:
    stamps = {site_id: (deploy / site_id / "index.html").stat().st_mtime_ns for site_id in SITES}
    again = build_all(repo, "--out", "deploy")
    assert again.returncode == 1  # the broken site is tried again every time, and fails again
    assert "2 trang không đổi" in again.stdout, again.stdout
    assert {s: (deploy / s / "index.html").stat().st_mtime_ns for s in SITES} == stamps
    forced = build_all(repo, "--out", "deploy", "--only", "xa-a", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (deploy / "xa-a" / "index.html").stat().st_mtime_ns != stamps["xa-a"]
    assert (deploy / "xa-b" / "index.html").stat().st_mtime_ns == stamps["xa-b"]
    assert f'id="{BROKEN}"' in (deploy / "index.html").read_text(encoding="utf-8")  # --only keeps every site listed


def test_a_changed_site_alone_is_rebuilt(repo: Path, deploy: Path) -> None:
    stamps = {site_id: (deploy / site_id / "index.html").stat().st_mtime_ns for site_id in SITES}
    settings = repo / "sites" / "xa-b" / "content" / "cai-dat.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Đông Tiến", "Đông Thịnh"), encoding="utf-8")
    run = build_all(repo, "--out", "deploy", "--only", "xa-a", "xa-b")
    assert run.returncode == 0, run.stderr
    assert (deploy / "xa-a" / "index.html").stat().st_mtime_ns == stamps["xa-a"]
    assert (deploy / "xa-b" / "index.html").stat().st_mtime_ns != stamps["xa-b"]
    assert "Đảng ủy phường Đông Thịnh" in (deploy / "index.html").read_text(encoding="utf-8")


def test_a_site_removed_from_sites_leaves_a_kept_deploy(repo: Path, deploy: Path) -> None:
    """CI keeps deploy/ between runs: a commune removed from sites/ must not stay published."""
    (deploy / "xa-cu").mkdir()
    (deploy / "xa-cu" / "index.html").write_text("<!doctype html><title>cũ</title>", encoding="utf-8")
    manifest = json.loads((deploy / ".build-all.json").read_text(encoding="utf-8"))
    manifest["xa-cu"] = {"status": "built", "hash": "x"}
    (deploy / ".build-all.json").write_text(json.dumps(manifest), encoding="utf-8")
    (deploy / "khong-phai-trang").mkdir()  # a folder the manifest never named is left alone
    run = build_all(repo, "--out", "deploy", "--only", "xa-a")
    assert run.returncode == 0, run.stderr
    assert not (deploy / "xa-cu").exists() and (deploy / "khong-phai-trang").is_dir()
    assert (deploy / "xa-a" / "index.html").is_file() and (deploy / "xa-b" / "index.html").is_file()
    assert "xa-cu" not in json.loads((deploy / ".build-all.json").read_text(encoding="utf-8"))
    assert 'id="xa-cu"' not in (deploy / "index.html").read_text(encoding="utf-8")


def test_an_unknown_site_or_a_missing_root_address_is_a_vietnamese_error(repo: Path) -> None:
    unknown = build_all(repo, "--out", "deploy", "--only", "xa-z")
    assert unknown.returncode == 1 and unknown.stderr.startswith("LỖI: không có trang xa-z") and "Traceback" not in unknown.stderr
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    missing = subprocess.run([sys.executable, "-m", "generator", "build-all"], cwd=repo, env=env, capture_output=True,
                             text=True, check=False)
    assert missing.returncode == 1 and missing.stderr.startswith("LỖI: build-all cần địa chỉ gốc")


def test_shards_split_the_sites_and_cover_each_once() -> None:
    fake = [multisite_sites.SiteSource(f"xa-{n}", Path(f"sites/xa-{n}"), Path("mkdocs.yml")) for n in range(7)]
    parts = [multisite_sites.shard(fake, f"{k}/3") for k in (1, 2, 3)]
    assert sorted(site.id for part in parts for site in part) == sorted(site.id for site in fake)
    assert [len(part) for part in parts] == [3, 2, 2]
    with pytest.raises(multisite_sites.SettingsError, match="K/N"):
        multisite_sites.shard(fake, "4/3")


def test_assembling_the_shards_gathers_their_folders_and_marks_a_missing_site(tmp_path: Path) -> None:
    """CI's last job: each shard's deploy folder (a stand-in page per site here) gathered, the whole written once."""
    repo = make_repo(tmp_path / "repo")
    for number, site_id in enumerate(SITES, start=1):
        part = repo / "shards" / str(number)
        (part / site_id).mkdir(parents=True)
        (part / site_id / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
        (part / ".build-all.json").write_text(json.dumps({site_id: {"status": "built", "hash": "x"}}), encoding="utf-8")
    shards = sorted(str(p) for p in (repo / "shards").iterdir())
    run = build_all(repo, "--out", "deploy", "--assemble", *shards)
    assert run.returncode == 1 and f"(en) 1 site(s) failed: {BROKEN}" in run.stderr  # no shard brought it
    manifest = json.loads((repo / "deploy" / ".build-all.json").read_text(encoding="utf-8"))
    assert set(manifest) == set(SITES)
    page = (repo / "deploy" / "index.html").read_text(encoding="utf-8")
    assert all(f'<a href="{site_id}/">' in page for site_id in SITES)
    assert 'tc-site--error" id="xa-c"' in page


def test_a_site_in_a_sub_folder_packages_the_repositorys_editor(tmp_path: Path) -> None:
    """``sites/x/mkdocs.yml`` has no node_modules/ beside it: the repository's Decap is used, never silently none."""
    from generator.views.admin import BUNDLE, DECAP_DIST

    repository, site = tmp_path, tmp_path / "sites" / "x"
    site.mkdir(parents=True)
    assert decap_dist(site, repository) is None
    (repository / DECAP_DIST).mkdir(parents=True)
    (repository / DECAP_DIST / BUNDLE).write_text("/* decap */", encoding="utf-8")
    assert decap_dist(site) is None
    assert decap_dist(site, repository) == repository / DECAP_DIST
