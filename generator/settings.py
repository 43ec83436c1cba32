"""One typed ``BuildSettings``, resolved once per build and passed down to every stage.

Three values may come from the environment, so that CI can set them without a
commit: ``SITE_URL`` (the published address, wins over ``base_url`` in
``cai-dat.yml``), ``REPO_URL`` (for edit links and the browser editor, wins over
``repo_url`` in mkdocs.yml) and ``SOURCE_DATE_EPOCH`` (the build's "today", so that the same
commit gives the same site byte for byte). Nothing else reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit


def build_date(environ: Mapping[str, str] = os.environ) -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today's date in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


class SettingsError(ValueError):
    """A build setting that cannot work; the message says in Vietnamese what to set instead."""


def _with_slash(url: str | None) -> str | None:
    return url.rstrip("/") + "/" if url else None


def _site_url(url: str | None) -> str | None:
    """The published address must be absolute: feeds, QR codes and the calendar carry it to other apps."""
    if url and not url.startswith(("https://", "http://")):
        raise SettingsError(
            f"SITE_URL “{url}” thiếu “https://” ở đầu; đặt địa chỉ đầy đủ, ví dụ https://ten-to-chuc.github.io/nq57/ "
            "(GitHub: Settings → Secrets and variables → Actions → Variables → SITE_URL)")
    return _with_slash(url)


@dataclass(frozen=True)
class BuildSettings:
    """What one build needs to know beyond the content itself."""

    content_dir: Path
    """The folder of the YAML content (``content_dir`` in mkdocs.yml, ``--content`` on the command line)."""
    today: date
    """The day statuses are computed for."""
    site_url: str | None = None
    """The published address with one trailing slash, or None (no feeds, no QR codes, relative links only)."""
    repo_url: str | None = None
    """The repository's web address, for edit links; None hides them."""
    edit_branch: str = "main"
    """The branch edit links and the browser editor write to."""
    editor_login: str | None = None
    """How editors log in to the browser editor (``oauth``), or None: the editor is off (``maintainer.check_editor_login``)."""
    editor_auth_url: str | None = None
    """The browser editor's GitHub login server (Decap's ``base_url``); None: Decap's default (Netlify only)."""
    embed_origins: tuple[str, ...] = ()
    """Portal origins allowed to frame the widgets (CSP ``frame-ancestors``)."""

    @classmethod
    def resolve(cls, content_dir: Path, *, base_url: str | None, repo_url: str | None,
                environ: Mapping[str, str] = os.environ, edit_branch: str = "main", editor_auth_url: str | None = None,
                editor_login: str | None = None, embed_origins: tuple[str, ...] = ()) -> BuildSettings:
        """Environment over configuration, once; every later stage reads only this object. ``repo_url``,
        ``edit_branch``, ``editor_auth_url`` and ``embed_origins`` come from maintainer configuration
        (``generator.maintainer``: mkdocs.yml), never from content."""
        return cls(
            content_dir=Path(content_dir),
            today=build_date(environ),
            site_url=_site_url(environ.get("SITE_URL") or base_url),
            repo_url=(environ.get("REPO_URL") or repo_url or "").rstrip("/") or None,
            edit_branch=edit_branch,
            editor_auth_url=editor_auth_url,
            editor_login=editor_login,
            embed_origins=tuple(embed_origins),
        )

    @property
    def project_dir(self) -> Path:
        """The repository root: the content folder's parent (where CONTRIBUTING.md and docs/ live)."""
        return self.content_dir.resolve().parent

    @property
    def content_prefix(self) -> str:
        """The content folder as a path in the repository (``content``), for edit links."""
        return self.content_dir.resolve().relative_to(self.project_dir).as_posix()

    @property
    def site_path(self) -> str:
        """The URL path the site is served under: ``/`` or ``/nq57/``."""
        return urlsplit(self.site_url).path if self.site_url else "/"

    @property
    def site_host(self) -> str | None:
        return urlsplit(self.site_url).hostname if self.site_url else None
