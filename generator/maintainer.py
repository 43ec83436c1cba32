"""Security settings only maintainers change: the nghiquyet plugin's options in ``mkdocs.yml`` (SECURITY.md).

Where the browser editor sends the GitHub login (``editor_auth_url``), which repository and branch it writes to
(``repo_url``, ``edit_branch``) and which portals may frame the widgets (``embed_origins``) decide what a stranger's
page can do with the site. They used to live in ``content/cai-dat.yml``, which any content pull request (and the
browser editor) changes; they now live in ``mkdocs.yml``, which ``.github/CODEOWNERS`` reserves for maintainers,
and CI's ``REPO_URL`` variable. A content file that still carries one of them is refused with a message saying where
the value moved (``MOVED``).

    plugins:
      - nghiquyet:
          content_dir: content
          repo_url: https://github.com/ten-to-chuc/trang-nghi-quyet
          edit_branch: main
          editor_login: oauth
          editor_auth_url: https://dang-nhap.example.gov.vn
          embed_origins:
            - https://example.gov.vn
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .content.models import MOVED_SETTINGS, Origin, Text, Url
from .settings import SettingsError

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "nghiquyet"
LEGACY_PLUGIN = "nq57"  # allow-listed in tests/test_no_organisation_in_code.py
"""The plugin's name in 0.2.0 and earlier: ``mkdocs.yml`` files that still say ``- nq57:`` keep working (pyproject's entry
points name both)."""
PLUGIN_NAMES = (PLUGIN, LEGACY_PLUGIN)

MOVED = MOVED_SETTINGS


class MaintainerConfig(BaseModel):
    """Cài đặt an toàn của trang, chỉ người duy trì kho mã được đổi (tùy chọn của plugin nghiquyet trong mkdocs.yml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    repo_url: Url | None = None
    """Địa chỉ kho mã nguồn (liên kết “Chỉnh sửa”, trình biên tập); biến môi trường REPO_URL được ưu tiên."""
    edit_branch: Text = "main"
    """Nhánh chứa nội dung trong kho mã nguồn."""
    editor_login: Literal["oauth", "token"] | None = None
    """Cách đăng nhập trang quản trị `quan-tri/`: `oauth` (máy chủ đăng nhập `editor_auth_url`); để trống thì tắt
    trình biên tập (trừ khi đã ghi `editor_auth_url`, khi đó hiểu là `oauth`)."""
    editor_auth_url: Url | None = None
    """Địa chỉ máy chủ đăng nhập GitHub (OAuth) của trang quản trị `quan-tri/`."""
    embed_origins: tuple[Origin, ...] = Field((), max_length=20)
    """Các cổng thông tin được phép nhúng khung tiện ích `nhung/` (iframe)."""

    @classmethod
    def from_options(cls, options: Mapping[str, Any], where: str = CONFIG_FILE) -> MaintainerConfig:
        """Validate the plugin's options (``content_dir`` aside); a mistake is a Vietnamese SettingsError."""
        values = {key: value for key, value in options.items() if key in cls.model_fields and value is not None}
        try:
            return cls(**values)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"])
            raise SettingsError(f"{where}: tùy chọn `{field}` của plugin {PLUGIN} không hợp lệ "
                                f"(giá trị hiện có: “{error.get('input')}”): "
                                f"{_expected(str(error['loc'][0]))}") from None


    @property
    def login(self) -> str | None:
        """How editors log in: the chosen ``editor_login``, ``oauth`` when only a login server is named, else None
        (the editor is off: the page says what to set)."""
        return self.editor_login or ("oauth" if self.editor_auth_url else None)


LOGIN_SERVER_HELP = ("dựng một máy chủ đăng nhập GitHub (OAuth) theo sổ tay handbook/editor-tools.md, "
                     "mục “Soạn bài trên trình duyệt”, rồi ghi địa chỉ vào `editor_auth_url`")


def check_editor_login(config: MaintainerConfig, github_repo: str | None, where: str = CONFIG_FILE) -> None:
    """Refuse a build whose browser editor would load (a GitHub repository and a login chosen) but where nobody
    could log in: Decap's GitHub login goes through an OAuth server, and without ``editor_auth_url`` it falls
    back to Netlify's, which only serves sites hosted there (the site is on GitHub Pages or the organisation's
    server). Decap has no personal-access-token sign-in, so ``token`` is refused with what to choose instead.
    Without a GitHub repository the editor does not load at all, and the page says what to set."""
    if github_repo is None or config.login is None:
        return
    if config.login == "token":
        raise SettingsError(f"{where}: `editor_login: token` (đăng nhập bằng mã truy cập cá nhân) chưa dùng được: "
                            "trình biên tập Decap CMS chỉ đăng nhập GitHub qua máy chủ OAuth. Ghi `editor_login: oauth` "
                            f"và {LOGIN_SERVER_HELP}; hoặc xóa `editor_login` để tắt trình biên tập.")
    if config.editor_auth_url is None:
        raise SettingsError(f"{where}: trình biên tập `quan-tri/` đã bật (`editor_login: oauth`, kho {github_repo}) "
                            "nhưng chưa có máy chủ đăng nhập: không ai đăng nhập được (mặc định của Decap chỉ chạy trên "
                            f"Netlify). Hãy {LOGIN_SERVER_HELP}; hoặc xóa `editor_login` để tắt trình biên tập.")


def _expected(field: str) -> str:
    return {"editor_login": "`oauth` (máy chủ đăng nhập `editor_auth_url`), hoặc bỏ trống để tắt trình biên tập",
            "embed_origins": "mỗi mục là một gốc như `https://example.gov.vn` (https:// và tên miền, "
                             "không có đường dẫn, không có dấu / ở cuối)",
            "edit_branch": "tên nhánh, ví dụ `main`"}.get(field, "địa chỉ web đầy đủ bắt đầu bằng https://")


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` tags (the TOC slug function): read them as nothing, run nothing."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The plugin's options (under either name) as written in ``config_file`` (empty when the file or the entry is missing)."""
    if not config_file.is_file():
        return {}
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    for entry in (data or {}).get("plugins") or []:
        for name in PLUGIN_NAMES:
            if isinstance(entry, dict) and name in entry:
                return dict(entry[name] or {})
    return {}


def maintainer_config(project_dir: Path) -> MaintainerConfig:
    """The security settings of the project whose root is ``project_dir`` (for the command line)."""
    return MaintainerConfig.from_options(plugin_options(project_dir / CONFIG_FILE))
