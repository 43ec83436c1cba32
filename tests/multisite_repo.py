"""A provincial repository for the multi-site tests: three communes under ``sites/``, copies of the fixture xa-mau.

Shared by tests/test_multisite.py (the real ``build-all``) and tests/browser/test_multisite_landing.py (the landing
page alone). Names are set here, so expected values come from these files, never from the code under test.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .conftest import FIXTURE, ROOT

SITES = {
    "xa-a": "Đảng ủy xã Minh Hòa",
    "xa-b": "Đảng ủy phường Đông Tiến",
}
BROKEN = "xa-c"
"""Its level is one the schema refuses (``thôn``): the build of this site alone fails, with a Vietnamese message."""


def make_repo(root: Path, sites: dict[str, str] = SITES, broken: str | None = BROKEN) -> Path:
    """``root`` with the repository's shared settings (mkdocs.yml, docs/, the guide) and one folder per site."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "huong-dan-bien-tap", root / "huong-dan-bien-tap")
    if (ROOT / "node_modules").exists():
        (root / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    for site_id, organisation in {**sites, **({broken: "Đảng ủy xã Hỏng"} if broken else {})}.items():
        content = Path(shutil.copytree(FIXTURE / "content", root / "sites" / site_id / "content"))
        settings = content / "cai-dat.yml"
        text = settings.read_text(encoding="utf-8")
        text = "\n".join(f"organisation: {organisation}" if line.startswith("organisation:") else line
                         for line in text.splitlines()) + "\n"
        if site_id == broken:
            text = text.replace("\nlevel: xã\n", "\nlevel: thôn\n")
        settings.write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run([*git, "-C", str(root), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(root), "commit", "-q", "-m", "sites", "--date", "2025-11-20T10:00:00+07:00"],
                   check=True, env={"GIT_COMMITTER_DATE": "2025-11-20T10:00:00+07:00", "PATH": "/usr/bin:/bin"})
    return root
