"""The browser editor's page (``bien-tap/quan-tri/``): whether Decap CMS can run there, and if not, why.

Two things must hold for the form to load: the build packaged Decap's files (``npm ci`` put
them in ``node_modules/``; ``render/outputs.cms_outputs`` copies them) and the settings name a
GitHub repository (``repo_url`` in mkdocs.yml or ``REPO_URL``), where changes become pull
requests. Otherwise the page says, in Vietnamese, what is missing; the build never fails for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .site import Site

DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
"""Decap's prebuilt browser bundle inside the project (``package.json``: ``decap-cms``, exact version)."""
BUNDLE = "decap-cms.js"
CONFIG_NAME = "config.yml"
"""The configuration beside the page (``registry.ADMIN_CONFIG``)."""
LOCALE_NAME = "vi.js"
"""Decap's missing Vietnamese and the guard keeping photo changes off ``main`` (``render/cms_locale.py``)."""
STYLE_NAME = "quan-tri.css"
"""The page's own stylesheet, not the site's (whose link colour leaked into Decap's buttons)."""

_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")

def github_repo(repo_url: str | None) -> str | None:
    """``https://github.com/owner/name`` → ``owner/name``; None for another forge or no URL (Decap's
    ``github`` backend only knows GitHub)."""
    match = _GITHUB.match(repo_url or "")
    return match.group(1) if match else None



def decap_dist(project_dir: Path, repository: Path | None = None) -> Path | None:
    """The folder holding ``decap-cms.js`` and its chunks, or None when npm has not installed it. A site in a
    sub-folder (``sites/x/mkdocs.yml``) finds the repository's ``node_modules/`` when it has none of its own."""
    for base in (project_dir, repository):
        if base is not None and (folder := Path(base) / DECAP_DIST).joinpath(BUNDLE).is_file():
            return folder
    return None


@dataclass(frozen=True)
class AdminView:
    """What the page says and loads."""

    packaged: bool
    """Decap's files are in the build."""
    repo: str | None
    """``owner/name`` on GitHub, or None."""
    repo_url: str | None
    """The repository address as set (maybe not GitHub), to name it in the message."""
    branch: str
    login: str | None
    """How editors log in (``oauth``), or None: the editor is off until a maintainer chooses."""
    config: str
    """The configuration file, relative to the page (``config.yml``)."""
    script: str
    locale: str = LOCALE_NAME
    style: str = STYLE_NAME

    @property
    def ready(self) -> bool:
        return self.packaged and self.repo is not None and self.login is not None


def admin_view(site: Site) -> AdminView:
    repo_url = site.settings.repo_url
    return AdminView(
        packaged=decap_dist(site.settings.project_dir, site.settings.repository) is not None,
        repo=github_repo(repo_url), repo_url=repo_url, branch=site.settings.edit_branch,
        login=site.settings.editor_login, config=CONFIG_NAME, script=BUNDLE,
    )
