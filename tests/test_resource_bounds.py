"""Bounded work: no photo, name or title a pull request can add makes the build slow or large.

Photos are checked from their header before any pixel is decoded (side, pixel count, Pillow's
decompression-bomb guard), in a process whose address space is capped at 1 GB: a refusal is a
Vietnamese message and a non-zero exit, never a traceback or a MemoryError. A photo within the
limits is decoded in bounded memory. Share images lay out only what can show, whatever the length.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from generator.content.photos import MAX_PIXELS, MAX_SIDE, PhotoError, open_photo
from generator.render.share import INK, MUTED, Line, draw, fit

from .conftest import ROOT, problems_for

ADDRESS_SPACE = 1024 * 1024 * 1024
"""1 GB: before the bounds, a 59 MP PNG needed 1.2 GB and a 48 MP RGBA PNG 1.1 GB of memory."""

POST = """---
title: Hội nghị quán triệt
date: 2025-04-01
author: Văn phòng Đảng ủy xã
category: chi-dao
summary: Bài thử của bộ kiểm thử.
image:
  src: {src}
  alt: Quang cảnh hội nghị
---
Nội dung bài.
"""
SRC_LINE = 8


def with_photo(content: Path, name: str, size: tuple[int, int], mode: str = "1") -> Path:
    """A post whose photo has ``size`` pixels; mode "1" keeps the test's own memory small (the header is what counts)."""
    (content / "anh").mkdir(exist_ok=True)
    (content / "tin-tuc").mkdir(exist_ok=True)
    Image.new(mode, size).save(content / "anh" / name, compress_level=1)
    (content / "tin-tuc" / "2025-04-01-bai-thu.md").write_text(POST.format(src=name), encoding="utf-8")
    return content / "anh" / name


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_capped(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator …`` (or ``python -c``) with its address space capped at ``ADDRESS_SPACE``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env,
                          preexec_fn=_limit_memory, timeout=300, check=False)


OVERSIZED = {
    "tall-strip": ((400, 20_000), "quá dài hoặc quá rộng (400×20000 điểm ảnh)"),
    "wide-strip": ((MAX_SIDE + 1, 10), f"quá dài hoặc quá rộng ({MAX_SIDE + 1}×10 điểm ảnh)"),
    "59-megapixels": ((7_700, 7_700), "quá nhiều điểm ảnh (7700×7700, 59,3 triệu điểm ảnh)"),
    "decompression-bomb": ((10_001, 10_001), f"quá nhiều điểm ảnh (hơn {2 * MAX_PIXELS // 1_000_000} triệu)"),
}


@pytest.mark.parametrize(("size", "shown"), OVERSIZED.values(), ids=OVERSIZED.keys())
def test_an_oversized_photo_is_refused_from_its_header_in_capped_memory(
        fixture_copy: Path, size: tuple[int, int], shown: str) -> None:
    with_photo(fixture_copy, "anh-lon.png", size)
    [problem] = problems_for(fixture_copy)
    assert problem.file.endswith("tin-tuc/2025-04-01-bai-thu.md") and problem.line == SRC_LINE and problem.field == "image.src"
    assert problem.message_vi.startswith(f"ảnh anh-lon.png {shown}")
    assert "không dùng ảnh quét" in problem.message_vi

    done = run_capped("-m", "generator", "--content", str(fixture_copy), "validate")
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in output and "MemoryError" not in output, output
    assert f"anh-lon.png {shown}" in output


def test_an_oversized_heic_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "toan-canh.heic"
    Image.new("RGB", (MAX_SIDE + 100, 64), "white").save(path)
    with pytest.raises(PhotoError, match=f"toan-canh.heic quá dài hoặc quá rộng \\({MAX_SIDE + 100}×64"):
        open_photo(path)


@pytest.mark.parametrize(("name", "real"), [("anh.jpg", "TIFF"), ("anh.png", "EPS"), ("anh.webp", "PSD"), ("anh.heic", "ICO")])
def test_only_photo_decoders_run_whatever_the_file_name_says(tmp_path: Path, name: str, real: str) -> None:
    """EPS would start Ghostscript; every other format Pillow knows is a larger attack surface than a photo needs."""
    path = tmp_path / name
    if real == "PSD":
        path.write_bytes(b"8BPS\x00\x01" + bytes(6) + b"\x00\x03\x00\x00\x00\x10\x00\x00\x00\x10\x00\x08\x00\x03" + bytes(64))
    else:
        Image.new("RGB", (16, 16)).save(path, real)
    assert Image.open(path).format == real, "Pillow itself would open it"
    with pytest.raises(PhotoError, match=f"không đọc được ảnh {name}"):
        open_photo(path)


def test_a_48_megapixel_photo_with_transparency_is_published_within_1_gb(tmp_path: Path) -> None:
    """The largest photo a phone makes, in the costliest mode (RGBA): 1.1 GB before decoding was bounded."""
    path = tmp_path / "dien-thoai.png"
    Image.new("RGBA", (8_000, 6_000), (180, 40, 40, 128)).save(path, compress_level=1)
    script = ("import sys; from pathlib import Path; from generator.content.photos import open_photo; "
              "from generator.render.photos import encode; "
              "files = encode(open_photo(Path(sys.argv[1]))); print(len(files), max(len(b) for _, b in files))")
    done = run_capped("-c", script, str(path))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[0] == "6", "three widths, WebP and JPEG"


# --------------------------------------------------------------------------
# Share images
# --------------------------------------------------------------------------

def _seconds(title: str) -> float:
    start = time.perf_counter()
    draw([Line("Kế hoạch thực hiện", "regular", 34, 26, 1, MUTED), Line(title, "bold", 60, 40, 3, INK)], "xa-mau")
    return time.perf_counter() - start


@pytest.mark.parametrize("word", ["Quy mô kinh tế số ", "x"], ids=["words", "one-word"])
def test_a_100_kb_title_costs_what_a_normal_one_does(word: str) -> None:
    normal = min(_seconds("Quy mô kinh tế số so với GDP") for _ in range(2))
    huge = _seconds(word * (100_000 // len(word)))
    assert huge < max(3 * normal, 0.5), (huge, normal)


def test_a_title_that_does_not_fit_is_cut_with_an_ellipsis_inside_the_image() -> None:
    block = Line("Chuyển đổi số " * 200 + "x" * 5_000, "bold", 60, 40, 3, INK)
    font, lines = fit(block, 1056)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1056 for line in lines)
    font, lines = fit(Line("x" * 5_000, "bold", 60, 40, 3, INK), 1056)
    assert len(lines) == 3 and lines[-1].endswith("…") and all(font.getlength(line) <= 1056 for line in lines)
