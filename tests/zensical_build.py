"""Build a folder of rendered Markdown (``python -m generator render --out DIR``) with Zensical.

A prototype helper for a test, not a test itself. Findings with zensical 0.0.73 (the newest release
PyPI alone can install: 0.0.74 and later require ``zensical-ui``, which PyPI does not serve):

- CLI: ``python -m zensical build -f CONFIG [--clean] [--strict]`` (also the ``zensical`` script).
  Without ``-f`` it looks in the current folder for ``zensical.toml``, then ``mkdocs.yml``/``mkdocs.yaml``.
  The format is chosen by the file's extension: ``.toml`` is Zensical's own (settings under ``[project]``),
  anything else is read as mkdocs.yml with PyYAML's full Loader, so ``!!python/name:`` tags work.
- We write the mkdocs.yml format: in TOML, ``toc.slugify`` is ``{object = "dotted.name", kwds = {...}}``
  and Zensical *calls* ``object(**kwds)`` to get the slugify function (a factory, like
  ``pymdownx.slugs.slugify``), so a plain function such as ``generator.text.toc_slugify`` can't be named there.
- ``docs_dir`` and ``site_dir`` are relative to the config file's folder and must lie inside it (else
  "docs_dir must be within project root"); Zensical keeps a ``.cache/`` folder beside the config file.
  ``theme.custom_dir`` may lie anywhere (absolute path is fine) and extends the Material-like built-in theme:
  our ``generator/theme/overrides/main.html`` (``{% extends "base.html" %}``, ``{% block content %}{{ super() }}``,
  ``| url``) works, so pages get the ``data-pagefind-body`` wrapper; ``template:`` in front matter works.
- ``markdown_extensions`` given explicitly replaces Zensical's default list (``toc``, ``tables`` and
  ``pymdownx.superfences`` are always added); without it Zensical turns on ~20 extensions.
- ``use_directory_urls`` defaults to true: ``page.md`` becomes ``page/index.html``, ``index.md`` stays
  ``index.html``, and ``muc-tieu-2030.md#kinh-te-so`` becomes ``../muc-tieu-2030/#kinh-te-so``.
  Non-Markdown files in docs_dir (``assets/``, ``*.ics``) are copied as they are; it also writes
  ``404.html``, ``search.json`` (its own search index) and ``sitemap.xml``.
- ``--strict`` checks internal links and anchors ("page does not exist", "anchor does not exist") and
  exits 1 with a Python traceback ending in "Aborted because --strict flag is set"; its warnings carry
  ANSI colours even when piped. Without it the same build exits 0 and prints "N issues found".
- No network at build time (builds under ``unshare -n``); ``theme.font: false`` keeps Google Fonts links
  out of the pages. ~27 pages build in about 0.5 s.
- The theme emits inline ``<script>`` tags of its own (3 per page: ``__md_scope``, palette, tabbed hash)
  plus a ``<script id="__config" type="application/json">``, besides the ones our main.html adds.
- MkDocs plugins do not run (our nghiquyet plugin is simply not listed): ``print_qr``, ``edit_url`` and the
  plugin's post-build steps are absent, so call ``generator.search.index_site(site_dir)`` and
  ``generator.offline.write_service_worker(...)`` on the output yourself; both work on Zensical's output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "generator" / "theme" / "overrides"
"""The package's theme templates (the MkDocs plugin layers them; here they are Zensical's ``custom_dir``)."""
CONFIG_NAME = "zensical-nq57.yml"

# The same extensions as mkdocs.yml; slugify is written as !!python/name:generator.text.toc_slugify.
MARKDOWN_EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
]


def zensical_config(markdown_dir: Path, site_dir: Path, *, site_name: str, nav: list | None = None,
                    site_url: str | None = None) -> tuple[Path, str]:
    """(folder the config file goes in, its YAML text): the folder is the one holding both directories.
    ``site_url``: where the site is published (the 404 page links from its path, as MkDocs does)."""
    from generator.text import toc_slugify

    markdown_dir, site_dir = markdown_dir.resolve(), site_dir.resolve()
    root = Path(os.path.commonpath([markdown_dir, site_dir]))
    if root in (markdown_dir, site_dir) or root == Path(root.anchor):
        raise ValueError(f"Zensical needs docs and site side by side in one folder (not nested): {markdown_dir}, {site_dir}")
    config: dict = {
        "site_name": site_name,
        "docs_dir": str(markdown_dir.relative_to(root)),
        "site_dir": str(site_dir.relative_to(root)),
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "vi", "font": False, "custom_dir": str(OVERRIDES)},
        "extra_css": ["assets/site.css"],
        "markdown_extensions": [*MARKDOWN_EXTENSIONS, {"toc": {"permalink": False, "slugify": toc_slugify}}],
        "not_in_nav": "/tim-kiem.md\n",
    }
    if nav is not None:
        config["nav"] = nav
    if site_url:
        config["site_url"] = site_url
    return root, yaml.dump(config, Dumper=yaml.Dumper, allow_unicode=True, sort_keys=False)


def build_with_zensical(
    markdown_dir: Path, site_dir: Path, *, site_name: str, nav: list | None = None, site_url: str | None = None
) -> subprocess.CompletedProcess:
    """Write the config beside ``markdown_dir`` and ``site_dir`` (they must share a parent folder) and build.

    ``nav`` is mkdocs.yml's form (``[{"Trang chủ": "index.md"}, ...]``); None lets Zensical list the pages.
    Returns the finished process (check ``returncode``; Zensical prints "Build finished" on stdout).
    """
    root, text = zensical_config(markdown_dir, site_dir, site_name=site_name, nav=nav, site_url=site_url)
    config = root / CONFIG_NAME
    config.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--config-file", str(config), "--clean"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
