"""The browser editor's configuration now lives in ``render/cms.py`` (it is an output of the build, like the feeds);
this name stays for the tools and tests that import it from here."""

from ..render.cms import CONFIG_PATH, TASKS, cms_config, model_fields, post_options
from ..views.admin import github_repo

__all__ = ["CONFIG_PATH", "TASKS", "cms_config", "github_repo", "model_fields", "post_options"]
