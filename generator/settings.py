"""One typed ``BuildSettings``, resolved once per build and passed down to every stage.

Six values may come from the environment, so that CI can set them without a
commit: ``CONTENT_DIR`` (the content folder, below ``--content`` and above ``content_dir`` in mkdocs.yml:
``content_folder``), ``SITE_URL`` (the published address, wins over ``base_url`` in
``cai-dat.yml``), ``REPO_URL`` (for edit links and the browser editor, wins over
``repo_url`` in mkdocs.yml), ``SOURCE_DATE_EPOCH`` (the build's "today", so that the same
commit gives the same site byte for byte), ``GITHUB_EVENT_NAME`` (set by GitHub Actions:
a scheduled or manual run builds with today's date; see ``build_date``) and ``SITE_MODE``
(``preview`` for a pull request's preview and ``make serve``: unapproved editorial items are
shown with a "Bản nháp" banner; unset or ``production``: they are left out, so nothing
unapproved is published by accident). Nothing else reads the environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"
"""The site's time zone when ``cai-dat.yml`` names none (``time_zone``): Vietnam, UTC+7 all year."""

MOVING_EVENTS = frozenset({"schedule", "workflow_dispatch"})
"""GitHub Actions events whose build must show today's statuses: the daily run and a manual run."""


def build_date(environ: Mapping[str, str] = os.environ, *, time_zone: str = DEFAULT_TIME_ZONE,
               project_dir: Path | None = None) -> date:
    """The build's "today", as a day in the site's time zone (``time_zone`` in ``cai-dat.yml``).

    The first that applies:

    1. ``SOURCE_DATE_EPOCH`` is set: that moment. An explicit value always wins, so any build can be
       repeated byte for byte.
    2. ``GITHUB_EVENT_NAME`` is ``schedule`` or ``workflow_dispatch``: the current date. The daily run
       exists to move statuses forward without a commit, which the commit's time never would.
    3. ``project_dir`` is in a git repository: its last commit's time (``git log -1 --format=%ct``), so a
       build of a commit (a push, a pull request, ``make build``) gives the same site on any day.
    4. The clock (no git, or a folder downloaded as a zip).

    The moment is always turned into a date in the site's zone, never in UTC: a build at 06:00 in Vietnam
    (23:00 UTC the day before) is dated the Vietnamese day.
    """
    zone = ZoneInfo(time_zone)
    if epoch := environ.get("SOURCE_DATE_EPOCH"):
        moment = int(epoch)
    elif environ.get("GITHUB_EVENT_NAME") in MOVING_EVENTS:
        moment = None
    else:
        moment = last_commit_time(project_dir)
    if moment is None:
        return datetime.now(tz=zone).date()
    return datetime.fromtimestamp(moment, tz=zone).date()


def last_commit_time(folder: Path | None) -> int | None:
    """The last commit's time (seconds since 1970) of the repository holding ``folder``; None without git or a repository."""
    git = shutil.which("git")
    if folder is None or git is None or not Path(folder).is_dir():
        return None
    try:
        result = subprocess.run([git, "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None


class SettingsError(ValueError):
    """A build setting that cannot work; the message says in Vietnamese what to set instead."""


MODE_VARIABLE = "SITE_MODE"
"""The environment variable that makes a build a preview (``preview``); unset means ``production``."""
MODES = ("production", "preview")


def _preview(mode: str | None) -> bool:
    """Only the exact word ``preview`` shows drafts; a typo fails the build rather than publishing them."""
    value = (mode or "production").strip().lower()
    if value not in MODES:
        raise SettingsError(
            f"{MODE_VARIABLE} “{mode}” không hợp lệ; đặt `production` (bản chính thức, chỉ đăng mục đã duyệt, mặc định) "
            "hoặc `preview` (bản xem trước, hiện cả mục chưa duyệt kèm dòng “Bản nháp — chưa duyệt”)")
    return value == "preview"


def _with_slash(url: str | None) -> str | None:
    return url.rstrip("/") + "/" if url else None


def _site_url(url: str | None) -> str | None:
    """The published address must be absolute: feeds, QR codes and the calendar carry it to other apps."""
    if url and not url.startswith(("https://", "http://")):
        raise SettingsError(
            f"SITE_URL “{url}” thiếu “https://” ở đầu; đặt địa chỉ đầy đủ, ví dụ https://ten-to-chuc.github.io/nghi-quyet/ "
            "(GitHub: Settings → Secrets and variables → Actions → Variables → SITE_URL)")
    return _with_slash(url)


@dataclass(frozen=True)
class BuildSettings:
    """What one build needs to know beyond the content itself."""

    content_dir: Path
    """The folder of the YAML content (``content_dir`` in mkdocs.yml, ``--content`` on the command line)."""
    today: date
    """The day statuses are computed for (``build_date``: a day in the site's time zone)."""
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
    preview: bool = False
    """A preview build (``SITE_MODE=preview``): unapproved editorial items are shown, each with a draft banner.
    False (the default, a production build) publishes approved items only (``content.approval``)."""
    root: Path | None = None
    """The folder of the site's settings file (mkdocs.yml, docs/, CONTRIBUTING.md); None: the content's parent."""
    repository: Path | None = None
    """The repository's root (the folder holding ``.git``), which edit links and the browser editor's folders are
    relative to; None: ``root``."""

    @classmethod
    def resolve(cls, content_dir: Path, *, base_url: str | None, repo_url: str | None,
                environ: Mapping[str, str] = os.environ, edit_branch: str = "main", editor_auth_url: str | None = None,
                editor_login: str | None = None, embed_origins: tuple[str, ...] = (), time_zone: str = DEFAULT_TIME_ZONE,
                root: Path | None = None) -> BuildSettings:
        """Environment over configuration, once; every later stage reads only this object. ``repo_url``,
        ``edit_branch``, ``editor_auth_url`` and ``embed_origins`` come from maintainer configuration
        (``generator.maintainer``: mkdocs.yml), never from content; ``time_zone`` from ``cai-dat.yml``."""
        content_dir = Path(content_dir)
        return cls(
            content_dir=content_dir,
            today=build_date(environ, time_zone=time_zone,
                             project_dir=Path(root) if root is not None else content_dir.resolve().parent),
            site_url=_site_url(environ.get("SITE_URL") or base_url),
            repo_url=(environ.get("REPO_URL") or repo_url or "").rstrip("/") or None,
            edit_branch=edit_branch,
            editor_auth_url=editor_auth_url,
            editor_login=editor_login,
            embed_origins=tuple(embed_origins),
            preview=_preview(environ.get(MODE_VARIABLE)),
            root=Path(root) if root is not None else None,
            repository=repository_root(Path(root) if root is not None else Path(content_dir).resolve().parent),
        )

    @property
    def project_dir(self) -> Path:
        """The site's folder: where mkdocs.yml, CONTRIBUTING.md and docs/ live (the content's parent by default)."""
        return self.root.resolve() if self.root is not None else self.content_dir.resolve().parent

    @property
    def content_prefix(self) -> str:
        """The content folder as a path in the repository (``content``, ``sites/x/content``), for edit links and
        the browser editor's folders. A content folder outside the repository keeps only its own name."""
        content = self.content_dir.resolve()
        base = (self.repository or self.project_dir).resolve()
        return content.relative_to(base).as_posix() if content.is_relative_to(base) else content.name

    @property
    def site_path(self) -> str:
        """The URL path the site is served under: ``/`` or ``/nghi-quyet/``."""
        return urlsplit(self.site_url).path if self.site_url else "/"

    @property
    def site_host(self) -> str | None:
        return urlsplit(self.site_url).hostname if self.site_url else None


CONFIG_FILE = "mkdocs.yml"


def content_folder(given: Path | None, option: str | None, config_dir: Path,
                   environ: Mapping[str, str] = os.environ) -> Path:
    """The content folder of a command or a build: ``--content`` (``given``) over the ``CONTENT_DIR`` variable over
    the ``content_dir`` option in mkdocs.yml (``option``, relative to ``config_dir``, the file's folder) over
    ``content`` beside mkdocs.yml. The command line and the variable are relative to the current folder."""
    if given is not None:
        return Path(given)
    if environ.get("CONTENT_DIR"):
        return Path(environ["CONTENT_DIR"])
    return config_dir / (option or "content")


def config_file_for(content_dir: Path) -> Path | None:
    """The settings file of a content folder: the nearest mkdocs.yml in its parent or above (None: there is none).
    ``sites/x/content`` without ``sites/x/mkdocs.yml`` takes the repository's."""
    for folder in Path(content_dir).resolve().parents:
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
    return None


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` that holds ``.git`` (a folder, or a worktree's file); None outside
    a repository."""
    folder = Path(folder).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
