"""Issue 18's "must show": a machine with no fonts in /usr/share/fonts and no Pango still builds the whole site,
the handout PDF (text extractable, fonts embedded) and the share images included.

The build runs in a private mount namespace (``unshare -m``, as root): an empty tmpfs over ``/usr/share/fonts``,
``/dev/null`` bound over every Pango, HarfBuzz, fontconfig and Cairo library of the system, and a ``weasyprint``
module that refuses to import. Outside CI, a machine that cannot make the namespace skips with the reason; under
``CI=true`` the test must run.
"""

from __future__ import annotations

import glob
import io
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from generator.render.share import HOME_IMAGE, indicator_image
from generator.views.meeting import PDF_PATH

from .conftest import FIXTURE, ROOT, copy_project

SYSTEM_LIBRARIES = ("libpango", "libpangoft2", "libpangocairo", "libharfbuzz", "libfontconfig", "libcairo")
PROBE = ("import ctypes, os\n"
         "print('fonts:', len(os.listdir('/usr/share/fonts')))\n"
         "for name in ('libpango-1.0.so.0', 'libfontconfig.so.1', 'libharfbuzz.so.0'):\n"
         "    try:\n"
         "        ctypes.CDLL(name); print(name, 'loads')\n"
         "    except OSError:\n"
         "        print(name, 'absent')\n"
         "try:\n"
         "    import weasyprint\n"
         "except ImportError:\n"
         "    print('weasyprint absent')\n")


def _namespace_works() -> str | None:
    """None when a private mount namespace can be made here, else why not."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return "needs Linux and root (unshare -m, mount)"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs none /mnt"],
                           capture_output=True, text=True, check=False)
    return None if probe.returncode == 0 else f"cannot make a mount namespace: {probe.stderr.strip()}"


def _libraries() -> list[str]:
    """The real files of the system's Pango/HarfBuzz/fontconfig/Cairo (not Pillow's own copies in site-packages)."""
    found = set()
    for folder in ("/usr/lib", "/usr/lib64", "/lib", "/usr/local/lib", *glob.glob("/usr/lib/*-linux-gnu")):
        for name in SYSTEM_LIBRARIES:
            found.update(os.path.realpath(p) for p in glob.glob(f"{folder}/{name}*.so*"))
    return sorted(p for p in found if os.path.isfile(p))


@pytest.fixture(scope="module")
def bare_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    reason = _namespace_works()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the fresh-machine build: {reason}")
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("bare")
    project = copy_project(folder / "project")  # the fixture commune's content
    stubs = folder / "stubs"
    stubs.mkdir()
    (stubs / "weasyprint.py").write_text("raise ImportError('WeasyPrint is not on this machine')\n", encoding="utf-8")
    site = folder / "site"
    python = shlex.quote(sys.executable)
    script = "\n".join([
        "set -e",
        "mount -t tmpfs none /usr/share/fonts",
        *(f"mount --bind /dev/null {shlex.quote(lib)}" for lib in _libraries()),
        f"{python} -c {shlex.quote(PROBE)}",
        f"exec {python} -m generator build --config-file {shlex.quote(str(project / 'mkdocs.yml'))} "
        f"--site-dir {shlex.quote(str(site))}",
    ])
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764288000", "PYTHONPATH": str(stubs)}
    env.pop("SITE_URL", None)
    result = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout


def test_the_machine_had_no_fonts_and_no_pango(bare_build) -> None:
    _, said = bare_build
    assert "fonts: 0" in said, said
    for name in ("libpango-1.0.so.0", "libfontconfig.so.1", "libharfbuzz.so.0"):
        assert f"{name} absent" in said, said
    assert "weasyprint absent" in said, said


def test_the_handout_pdf_is_there_with_its_text_and_fonts(bare_build, fixture_content) -> None:
    site, _ = bare_build
    reader = PdfReader(io.BytesIO((site / PDF_PATH).read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for viewpoint in fixture_content.viewpoints.viewpoints:
        assert " ".join(viewpoint.text.split()) in text, viewpoint.text
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"] or "/FontFile3" in descendant["/FontDescriptor"]


def test_the_share_images_are_there(bare_build, fixture_content) -> None:
    site, _ = bare_build
    settings = yaml.safe_load((FIXTURE / "content" / "cai-dat.yml").read_text(encoding="utf-8"))
    assert settings["base_url"], "the fixture has an address, so its build draws share images"
    indicators = [i.id for i in (*fixture_content.horizons[0].indicators, *fixture_content.horizons[1].indicators)]
    for path in (HOME_IMAGE, *map(indicator_image, indicators)):
        with Image.open(site / path) as png:
            assert png.format == "PNG" and png.size == (1200, 630), path
