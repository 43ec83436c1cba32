"""``python -m generator build-all``: every site of ``sites/`` into ``deploy/<id>/``, side by side, then the whole.

Each site is built by its own ``python -m generator --content sites/<id>/content build`` process, the single
site's command, with ``SITE_URL`` set to the site's own address (``sites.site_url``) and ``--site-dir
deploy/<id>``: its own lock, its own staging folder, its own atomic swap (``sitedir``). Processes, not threads:
MkDocs keeps state per process, and a crash or a memory leak stays inside one site. ``--jobs`` of them run at
once. A site that fails keeps its previous folder (if any), is marked on the landing page and named, Vietnamese
first, in the last lines; the exit code is then 1. Unchanged sites are skipped (``fingerprint``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..settings import DEFAULT_TIME_ZONE, SettingsError, build_date
from . import fingerprint, landing
from .sites import SiteSource, check_id, discover, root_url, select, shard, site_url

TAIL_LINES = 12
"""Lines of a failed site's output repeated in the summary (the whole output is in ``deploy/.logs/<id>.log``)."""
LOGS = ".logs"


@dataclass(frozen=True)
class Outcome:
    site: SiteSource
    status: str
    """``built``, ``skipped`` (unchanged) or ``failed``."""
    seconds: float
    message: str = ""
    """A failed site's last lines of output: its Vietnamese error first, as the single build prints it."""
    peak_mb: float = 0.0
    """The build process's peak resident memory (``ru_maxrss``; Linux counts it in KB), MB; 0 when no process ran."""
    cpu_s: float = 0.0
    """Its CPU time, user + system: above ``seconds`` when the build itself uses more than one core."""


def _environment(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["SITE_URL"] = url  # the site's own address: a global SITE_URL is the deploy's root, never a site's
    env.pop("CONTENT_DIR", None)
    return env


def _run_measured(command: list[str], cwd: Path, env: dict[str, str], stdout, stderr) -> tuple[int, float, float]:
    """Run ``command`` and wait for it with ``os.wait4``: its exit code, its peak resident memory in MB (the
    largest process of its tree: the kernel folds the children it waited for into its ``ru_maxrss``) and its CPU
    seconds (user + system, children included). Per process, so right with ``--jobs`` processes at once, where
    ``getrusage(RUSAGE_CHILDREN)`` mixes them."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
    try:
        _, status, usage = os.wait4(process.pid, 0)
    except BaseException:
        process.kill()
        process.wait()
        raise
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    return process.returncode, round(usage.ru_maxrss / 1024, 1), round(usage.ru_utime + usage.ru_stime, 2)


def build_one(site: SiteSource, out: Path, url: str, root: Path) -> Outcome:
    """One site in its own process; its full output goes to ``deploy/.logs/<id>.log``."""
    started = time.monotonic()
    try:
        check_id(site.id)
    except SettingsError as exc:
        return Outcome(site, "failed", 0.0, f"LỖI: {exc}")
    command = [sys.executable, "-m", "generator", "--content", str(site.content.resolve()), "build",
               "--config-file", str(site.config_file.resolve()), "--site-dir", str((out / site.id).resolve())]
    log = out / LOGS / f"{site.id}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stdout, tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
        code, peak, cpu = _run_measured(command, root, _environment(url), stdout, stderr)
        stdout.seek(0)
        stderr.seek(0)
        output, errors = stdout.read(), stderr.read()
    seconds = time.monotonic() - started
    log.write_text(output + errors, encoding="utf-8")
    if code == 0:
        return Outcome(site, "built", seconds, peak_mb=peak, cpu_s=cpu)
    lines = [line for line in errors.splitlines()
             if line.strip() and not line.startswith(("WARNING:", "INFO:", "DEBUG:", "CẢNH BÁO", "BẢN CHÍNH THỨC"))]
    return Outcome(site, "failed", seconds, "\n".join(lines[-TAIL_LINES:]), peak_mb=peak, cpu_s=cpu)


def assemble(out: Path, parts: list[Path]) -> dict[str, object]:
    """Move the site folders, logs and manifest entries that CI's shards built (each part a shard's ``--out``) into
    ``out``; returns the merged manifest."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = fingerprint.read_manifest(out)
    for part in parts:
        manifest.update(fingerprint.read_manifest(part))
        for folder in sorted(p for p in part.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if (folder / "index.html").is_file() and folder.name != landing.ROLLUP and folder.name != "assets":
                shutil.rmtree(out / folder.name, ignore_errors=True)
                shutil.move(folder, out / folder.name)
        for log in sorted((part / LOGS).glob("*.log")):
            (out / LOGS).mkdir(exist_ok=True)
            shutil.move(log, out / LOGS / log.name)
    fingerprint.write_manifest(out, manifest)
    return manifest


def build_all(root: Path, out: Path, *, jobs: int | None = None, only: list[str] | None = None, force: bool = False,
              given_url: str | None = None, hosting_out: Path | None = None, dist_out: Path | None = None,
              shard_spec: str | None = None, parts: list[Path] | None = None) -> int:
    """Build the sites, then the landing page, roll-up, sitemap index, hosting files and (``dist_out``) the archive.
    With ``parts`` (``--assemble``), nothing is built: the shards' folders are gathered, then the whole is written."""
    base = root_url(given_url or os.environ.get("SITE_URL"))
    sites = discover(root)
    if parts is not None:
        manifest = assemble(out, parts)
        failed = sorted(k for k, v in manifest.items() if isinstance(v, dict) and v.get("status") == "failed")
        messages = [(k, str(manifest[k].get("error", ""))) for k in failed]  # type: ignore[union-attr]
        missing = sorted(s.id for s in sites if s.id not in manifest)
        messages += [(k, "LỖI: không phần nào (--shard) mang trang này về (no shard brought this site)") for k in missing]
        return _finish(root, out, base, sites, manifest, failed + missing, messages, len(sites), hosting_out, dist_out)
    chosen = shard(select(sites, only), shard_spec)
    out.mkdir(parents=True, exist_ok=True)
    generator = fingerprint.generator_hash()
    today = build_date(os.environ, time_zone=DEFAULT_TIME_ZONE, project_dir=root).isoformat()
    manifest = fingerprint.read_manifest(out)
    _remove_gone(out, manifest, sites)
    hashes = {site.id: fingerprint.site_hash(site, site_url(base, site.id), generator, today) for site in chosen}
    to_build, outcomes = [], []
    for site in chosen:
        previous = manifest.get(site.id)
        previous = previous if isinstance(previous, dict) else {}
        if not force and previous.get("hash") == hashes[site.id] and (out / site.id / "index.html").is_file():
            outcomes.append(Outcome(site, "skipped", 0.0))
        else:
            to_build.append(site)
    workers = max(1, jobs or os.cpu_count() or 1)
    print(f"build-all: {len(to_build)} trang cần dựng, {len(outcomes)} trang không đổi (bỏ qua), {workers} tiến trình song song")
    with ThreadPoolExecutor(max_workers=workers) as pool:  # each thread waits on one build process
        for outcome in pool.map(lambda s: build_one(s, out, site_url(base, s.id), root), to_build):
            word = {"built": "đã dựng", "failed": "LỖI"}[outcome.status]
            print(f"  {outcome.site.id}: {word} ({outcome.seconds:.1f} s, {outcome.peak_mb:.0f} MB)", flush=True)
            outcomes.append(outcome)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    for outcome in outcomes:
        old = manifest.get(outcome.site.id)
        entry = dict(old) if isinstance(old, dict) else {}
        if outcome.status == "built":
            entry.update(hash=hashes[outcome.site.id], built=stamp, seconds=round(outcome.seconds, 2))
        if outcome.status != "skipped":
            entry.update(peak_mb=outcome.peak_mb, cpu_s=outcome.cpu_s)  # the last build's (make bench reads them)
        entry["status"] = outcome.status if outcome.status != "skipped" else entry.get("status", "built")
        if outcome.status == "failed":
            entry.pop("hash", None)  # a failed site is tried again next time, whatever changed
            entry["error"] = outcome.message
        else:
            entry.pop("error", None)
        manifest[outcome.site.id] = entry
    manifest = {key: value for key, value in manifest.items() if key in {site.id for site in sites}}
    fingerprint.write_manifest(out, manifest)
    failed = sorted(outcome.site.id for outcome in outcomes if outcome.status == "failed")
    messages = [(o.site.id, o.message) for o in sorted(outcomes, key=lambda o: o.site.id) if o.status == "failed"]
    code = _finish(root, out, base, sites, manifest, failed, messages, len(chosen), hosting_out, dist_out)
    if code == 0:
        built = sum(outcome.status == "built" for outcome in outcomes)
        print(f"Đã dựng {built} trang, bỏ qua {len(outcomes) - built} trang không đổi, vào {out}")
    return code


def _remove_gone(out: Path, manifest: dict[str, object], sites: list[SiteSource]) -> None:
    """A site whose folder left ``sites/`` leaves the deploy too: a ``deploy/`` kept between runs (a server's, CI's
    cache) would otherwise publish it for ever. Only folders the manifest names as built sites are removed."""
    present = {site.id for site in sites}
    for site_id in sorted(set(manifest) - present):
        try:
            check_id(site_id)
        except SettingsError:
            continue  # never a path outside the deploy
        if (out / site_id).is_dir():
            shutil.rmtree(out / site_id)
            print(f"build-all: đã gỡ {site_id}/ (không còn trong sites/)")


def _finish(root: Path, out: Path, base: str, sites: list[SiteSource], manifest: dict[str, object], failed: list[str],
            messages: list[tuple[str, str]], attempted: int, hosting_out: Path | None, dist_out: Path | None) -> int:
    """The whole deploy's files, then the verdict: 1, naming each failed site (Vietnamese first), when one failed."""
    today = build_date(os.environ, time_zone=DEFAULT_TIME_ZONE, project_dir=root).isoformat()
    landing.write_deploy(root, out, base, sites, manifest, today=today)
    hosting_dir = hosting_out or out.parent / "hosting"
    landing.write_hosting(hosting_dir, base, [s for s in sites if (out / s.id / "index.html").is_file()],
                          root_dir=landing.SERVER_ROOT)
    if dist_out is not None:
        print(f"Đã tạo {landing.write_dist(out, hosting_dir, dist_out, today)}")
    if not failed:
        return 0
    for site_id, message in messages:
        print(f"\n--- {site_id} ---\n{message}", file=sys.stderr)
    print(f"\nLỖI: {len(failed)}/{attempted} trang dựng thất bại: {', '.join(failed)}; các trang khác đã dựng, trang "
          f"chủ đánh dấu trang lỗi; nhật ký đầy đủ ở {out / LOGS}/<tên>.log\n(en) {len(failed)} site(s) failed: "
          f"{', '.join(failed)}", file=sys.stderr)
    return 1


def run(args) -> int:
    """The ``build-all`` command (``cli.py`` hands over its arguments)."""
    try:
        return build_all(Path.cwd(), args.out, jobs=args.jobs, only=args.only, force=args.force,
                         given_url=args.site_url, hosting_out=args.hosting_out, dist_out=args.dist,
                         shard_spec=args.shard, parts=args.assemble)
    except SettingsError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    except landing.LandingError as exc:  # the landing pages failed the publish gate: nothing of them was written
        print(exc, file=sys.stderr)
        return 1


def add_command(commands) -> None:
    """The ``build-all`` sub-command and its options (called from ``cli.parser``)."""
    command = commands.add_parser("build-all", help="dựng mọi trang trong sites/<tên>/ vào deploy/<tên>/, kèm trang chủ")
    command.add_argument("--out", type=Path, default=Path("deploy"), help="thư mục đăng (mặc định deploy)")
    command.add_argument("--jobs", type=int, default=None, help="số trang dựng cùng lúc (mặc định: số lõi CPU)")
    command.add_argument("--only", nargs="+", metavar="TÊN", help="chỉ dựng các trang này (tên thư mục trong sites/)")
    command.add_argument("--force", action="store_true", help="dựng lại cả trang không đổi")
    command.add_argument("--shard", metavar="K/N", help="chỉ dựng phần thứ K trong N phần (CI chia máy), ví dụ 2/4")
    command.add_argument("--assemble", nargs="+", type=Path, metavar="THƯ_MỤC", help="không dựng: gom các thư mục đăng "
                         "mà từng phần (--shard) đã dựng vào --out, rồi ghi trang chủ, sơ đồ trang, cấu hình máy chủ")
    command.add_argument("--site-url", help="địa chỉ gốc nơi đăng (mặc định biến SITE_URL); trang <tên> ở <địa chỉ>/<tên>/")
    command.add_argument("--hosting-out", type=Path, default=None, help="nơi ghi cấu hình nginx, Apache, IIS chung "
                         "(mặc định hosting/ cạnh thư mục đăng)")
    command.add_argument("--dist", type=Path, default=None, help="ghi thêm một tệp zip có ngày và SHA-256 vào thư mục này")
    command.set_defaults(run=run, locate=False)
