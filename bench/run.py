"""``make bench``: Lighthouse scores, build times against plain MkDocs, page weight; one JSON line.

Timing goals live here, not in the tests: they depend on the machine. See bench/README.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import multisite
from bench.pageweight import summary
from bench.serve import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3
NEWS_PAGES = 1000


def _run(command: list[str], cwd: Path) -> float:
    """Seconds one command takes; a failure stops the benchmark with its output."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1764288000")}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def _best(command: list[str], cwd: Path) -> float:
    return min(_run(command, cwd) for _ in range(RUNS))


def _news_page(number: int) -> str:
    """News-like Markdown (title, date, paragraphs, a list): bench data only, not site content."""
    day = 1 + number % 28
    paragraph = ("Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt, tuyên truyền Nghị quyết số 57-NQ/TW về đột phá "
                 "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tới cán bộ, đảng viên. ")
    return (f"# Bản tin thử số {number}\n\n*Ngày {day:02d}/06/2025*\n\n{paragraph * 3}\n\n"
            f"- Nội dung thứ nhất của bản tin {number}.\n- Nội dung thứ hai.\n- Nội dung thứ ba.\n\n{paragraph * 2}\n")


def _add_news(docs: Path) -> None:
    folder = docs / "ban-tin-thu"
    folder.mkdir(parents=True)
    for number in range(NEWS_PAGES):
        (folder / f"ban-tin-{number:04d}.md").write_text(_news_page(number), encoding="utf-8")


def _plain_config(project: Path, docs: str) -> Path:
    """mkdocs.yml without the nghiquyet plugin (or its former name nq57), reading already-rendered Markdown from ``docs``."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n  - (?:nghiquyet|nq57):\n(      .*\n)*", "\n", text)
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, flags=re.M)
    text = text.replace("  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'generator' / 'theme' / 'overrides'}\n", 1)
    plain = project / "mkdocs-plain.yml"
    plain.write_text(text, encoding="utf-8")
    return plain


def build_times(workdir: Path, news: bool) -> dict[str, float]:
    """Our build and plain MkDocs on the same pre-rendered Markdown, best of three each."""
    project = workdir / ("news" if news else "default")
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, project / name)
    if news:
        _add_news(project / "docs")
    python = sys.executable
    _run([python, "-m", "generator", "--content", str(project / "content"), "render", "--out", str(project / "rendered")], ROOT)
    shutil.copytree(project / "docs", project / "rendered", dirs_exist_ok=True)
    plain = _plain_config(project, "rendered")
    ours = _best([python, "-m", "generator", "--content", "content", "build", "--site-dir", "site"], project)
    mkdocs = _best([python, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d", "site-plain"], project)
    return {"ours_s": round(ours, 2), "mkdocs_s": round(mkdocs, 2), "ratio": round(ours / mkdocs, 3)}


def lighthouse(url: str, out: Path) -> dict[str, float]:
    """Median of three Lighthouse 12 mobile runs, scores 0–100 per category."""
    runs: dict[str, list[float]] = {category: [] for category in CATEGORIES}
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    out.mkdir(parents=True, exist_ok=True)
    for run in range(RUNS):
        report = out / f"lh-{run}.json"
        subprocess.run([str(LIGHTHOUSE), url, "--form-factor=mobile", "--output=json", f"--output-path={report}",
                        "--quiet", f"--chrome-flags={CHROME_FLAGS}"], env=env, check=True, capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
        for category in CATEGORIES:
            runs[category].append(round(data["categories"][category]["score"] * 100))
    failing = sorted({audit["id"] for audit in data["audits"].values()
                      if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"})
    return {**{category: statistics.median(values) for category, values in runs.items()}, "failing_audits": failing}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="nq57-bench-") as tmp:
        workdir = Path(tmp)
        default = build_times(workdir, news=False)
        with_news = build_times(workdir, news=True)
        site = workdir / "default" / "site"
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            scores = {name: lighthouse(base + path, workdir / "default" / name.replace("/", "-"))
                      for name, path in (("home", ""), ("targets", "muc-tieu-2030/"))}
        finally:
            server.shutdown()
        result = {"lighthouse_mobile": scores, "build_default": default, f"build_plus_{NEWS_PAGES}_pages": with_news,
                  "cpus": os.cpu_count(), "page_weight": summary(site)}
        # build-all of generated sites (BENCH_SITES; empty skips it): in the same line, so make bench prints one
        result["build_all"] = multisite.measure_all(multisite.counts())
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
