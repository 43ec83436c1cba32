"""``make bench-sites`` (and the end of ``make bench``): ``build-all`` on 10 and 100 generated sites; one JSON line each.

The sites are copies of the fixture commune (tests/fixtures/xa-mau) with different organisation names, in a
temporary repository shaped as tests/multisite_repo.py shapes one. Per count: a full build with ``--jobs`` equal to
the cores (``full_s``, ``per_site_s`` = full / sites, ``speed_up`` against the sequential run, measured for
counts up to ``SEQUENTIAL_MAX`` only: it costs a whole second build), the no-op run when nothing changed
(``noop_s``), the rebuild after one site changed (``one_changed_s``), the deploy's size and the peak memory of the
largest process (``peak_worker_mb``, ``ru_maxrss`` of the finished children). ``BENCH_SITES=10,100`` chooses the
counts. Runs under ``nice``: the machine may be shared.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "xa-mau" / "content"
SITE_URL = "https://tinh.example.net/nghi-quyet/"
SEQUENTIAL_MAX = 10


def make_repo(root: Path, count: int) -> Path:
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, root / name)
    for name in ("docs", "huong-dan-bien-tap"):
        shutil.copytree(ROOT / name, root / name)
    if (ROOT / "node_modules").exists():
        (root / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    for number in range(1, count + 1):
        content = Path(shutil.copytree(FIXTURE, root / "sites" / f"xa-{number:03d}" / "content"))
        settings = content / "cai-dat.yml"
        lines = [f"organisation: Đảng ủy xã Thử Nghiệm {number}" if line.startswith("organisation:") else line
                 for line in settings.read_text(encoding="utf-8").splitlines()]
        settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def build_all(repo: Path, *args: str) -> float:
    env = {**os.environ, "SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1764288000")}
    start = time.perf_counter()
    result = subprocess.run(["nice", sys.executable, "-m", "generator", "build-all", "--out", "deploy", *args], cwd=repo,
                            env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"build-all failed:\n{result.stdout}{result.stderr}")
    return round(time.perf_counter() - start, 2)


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(count: int, work: Path) -> dict[str, object]:
    cores = os.cpu_count() or 1
    repo = make_repo(work / f"sites-{count}", count)
    figures: dict[str, object] = {"sites": count, "jobs": cores}
    if count <= SEQUENTIAL_MAX:
        figures["sequential_s"] = build_all(repo, "--jobs", "1")
        shutil.rmtree(repo / "deploy")
    figures["full_s"] = build_all(repo, "--jobs", str(cores))
    figures["per_site_s"] = round(figures["full_s"] / count, 2)  # type: ignore[operator]
    if "sequential_s" in figures:
        figures["speed_up"] = round(figures["sequential_s"] / figures["full_s"], 2)  # type: ignore[operator]
    figures["noop_s"] = build_all(repo, "--jobs", str(cores))
    settings = repo / "sites" / "xa-001" / "content" / "cai-dat.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Thử Nghiệm 1", "Thử Nghiệm Một"), encoding="utf-8")
    figures["one_changed_s"] = build_all(repo, "--jobs", str(cores))
    figures["deploy_mb"] = round(size(repo / "deploy") / 1e6, 1)
    figures["peak_worker_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    shutil.rmtree(repo)
    return figures


def main() -> None:
    counts = [int(n) for n in os.environ.get("BENCH_SITES", "10,100").split(",") if n.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-sites-") as folder:
        for count in counts:
            print(json.dumps({"build_all": measure(count, Path(folder))}), flush=True)


if __name__ == "__main__":
    main()
