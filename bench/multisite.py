"""``make bench-sites`` (and the ``build_all`` part of ``make bench``'s line): ``build-all`` on 10 and 100 sites; one JSON line.

The sites are copies of the fixture commune (tests/fixtures/xa-mau) with different organisation names, in a
temporary repository shaped as tests/multisite_repo.py shapes one. Per count, the same steps whatever the count:
a full sequential build (``--jobs 1``: ``sequential_s``), a full build with ``--jobs`` equal to the cores
(``full_s``, ``per_site_s`` = full / sites, ``speed_up`` = sequential / full), the no-op run when nothing changed
(``noop_s``), the rebuild after one site changed (``one_changed_s``), the deploy's size, and the peak memory of
each worker: every site's build process's own ``ru_maxrss`` (``os.wait4`` in ``build-all``, kept as ``peak_mb`` in
``deploy/.build-all.json``), summarised as ``worker_peak_mb`` {min, median, max} for the sequential and the
parallel run (a worker is the same process either way; the parallel figure is the one that matters with
``--jobs``: the machine holds ``jobs`` × that at once, ``jobs_peak_mb``). ``cpu_per_site_s`` is one site's CPU time (user +
system, its children included) and ``cores_used_by_one_build`` that over its wall time in the sequential run:
near the core count, one build already fills the machine and ``--jobs`` cannot speed it up. ``BENCH_SITES=10,100`` chooses the
counts; every count's figures go into one line, ``{"build_all": {"10": {...}, "100": {...}}}``. Runs under
``nice``: the machine may be shared.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "xa-mau" / "content"
SITE_URL = "https://tinh.example.net/nghi-quyet/"


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


def workers(deploy: Path, key: str) -> list[float]:
    """One figure of each site's build process, as ``build-all`` recorded it in its manifest."""
    manifest = json.loads((deploy / ".build-all.json").read_text(encoding="utf-8"))
    values = [float(entry[key]) for entry in manifest.values() if isinstance(entry, dict) and key in entry]
    if not values:
        sys.exit(f"build-all recorded no {key} in deploy/.build-all.json")
    return values


def worker_peaks(deploy: Path) -> dict[str, float]:
    """Each site's build process's peak memory (MB): min, median, max over the workers."""
    peaks = workers(deploy, "peak_mb")
    return {"min": min(peaks), "median": round(statistics.median(peaks), 1), "max": max(peaks), "workers": len(peaks)}


def measure(count: int, work: Path) -> dict[str, object]:
    cores = os.cpu_count() or 1
    repo = make_repo(work / f"sites-{count}", count)
    deploy = repo / "deploy"
    figures: dict[str, object] = {"sites": count, "jobs": cores}
    figures["sequential_s"] = build_all(repo, "--jobs", "1")
    sequential_peaks = worker_peaks(deploy)
    # CPU seconds per site over wall seconds per site: near the core count, one build already fills the machine
    figures["cpu_per_site_s"] = round(statistics.median(workers(deploy, "cpu_s")), 2)
    figures["cores_used_by_one_build"] = round(figures["cpu_per_site_s"] * count / figures["sequential_s"], 2)  # type: ignore[operator]
    shutil.rmtree(deploy)
    figures["full_s"] = build_all(repo, "--jobs", str(cores))
    parallel_peaks = worker_peaks(deploy)
    figures["per_site_s"] = round(figures["full_s"] / count, 2)  # type: ignore[operator]
    figures["speed_up"] = round(figures["sequential_s"] / figures["full_s"], 2)  # type: ignore[operator]
    figures["noop_s"] = build_all(repo, "--jobs", str(cores))
    settings = repo / "sites" / "xa-001" / "content" / "cai-dat.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Thử Nghiệm 1", "Thử Nghiệm Một"), encoding="utf-8")
    figures["one_changed_s"] = build_all(repo, "--jobs", str(cores))
    figures["deploy_mb"] = round(size(deploy) / 1e6, 1)
    figures["worker_peak_mb"] = {"sequential": sequential_peaks, "parallel": parallel_peaks}
    figures["jobs_peak_mb"] = round(cores * parallel_peaks["max"], 1)
    shutil.rmtree(repo)
    return figures


def table(results: dict[str, dict[str, object]]) -> str:
    """The human table under the JSON line (stderr: the JSON line stays alone on stdout)."""
    rows = ["sites | sequential s | --jobs s | per site s | speed-up | no-op s | one changed s | deploy MB | "
            "worker peak MB (median/max)"]
    for figures in results.values():
        peaks = figures["worker_peak_mb"]["parallel"]  # type: ignore[index]
        rows.append(" | ".join(str(v) for v in (figures["sites"], figures["sequential_s"], figures["full_s"],
                                                  figures["per_site_s"], figures["speed_up"], figures["noop_s"],
                                                  figures["one_changed_s"], figures["deploy_mb"],
                                                  f"{peaks['median']}/{peaks['max']}")))
    return "\n".join(rows)


def counts() -> list[int]:
    return [int(n) for n in os.environ.get("BENCH_SITES", "10,100").split(",") if n.strip()]


def measure_all(numbers: list[int]) -> dict[str, dict[str, object]]:
    """Every count's figures, keyed by the count; the human table goes to stderr."""
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-sites-") as folder:
        for count in numbers:
            results[str(count)] = measure(count, Path(folder))
            print(f"bench-sites: {count} sites measured", file=sys.stderr, flush=True)
    if results:
        print(table(results), file=sys.stderr)
    return results


def main() -> None:
    print(json.dumps({"build_all": measure_all(counts())}), flush=True)


if __name__ == "__main__":
    main()
