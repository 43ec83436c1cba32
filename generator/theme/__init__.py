"""The package's theme layer: what every site gets unless it brings its own (Hugo's theme layering).

A site repository holds ``content/``, ``mkdocs.yml`` and only what it changes; the rest comes from here:

- ``overrides/``: the Material theme templates (``main.html``, ``partials/…``), searched after the site's
  own overrides folder (``theme.custom_dir`` in mkdocs.yml, or ``overrides/`` beside it) and before Material's;
- ``docs/``: files published at the same path as if they were in the site's ``docs/`` (the site's own
  scripts and stylesheets under ``assets/``, the search page), unless the site's ``docs/`` has a file at
  that path: the site's file wins, and is checked as every ``docs/`` file is (``content.docsfiles``);
- page templates (``render/templates/``, layered in ``render.environment``) and fonts (``assets/fonts/``).

Everything here is the package's code, reviewed as code: these files are not checked as pull-request
content, so the site's ``docs_allow`` does not list them.
"""

from __future__ import annotations

from collections.abc import MutableSequence
from pathlib import Path

ROOT = Path(__file__).parent
OVERRIDES = ROOT / "overrides"
"""Theme templates (Material ``custom_dir`` layer) the package ships."""
DOCS = ROOT / "docs"
"""Files published as if they were under the site's ``docs/`` (site files at the same path win)."""
SITE_OVERRIDES = "overrides"
"""The site's own theme folder, beside mkdocs.yml, used when mkdocs.yml names no ``theme.custom_dir``."""


def docs_files() -> list[str]:
    """Every file of the package's ``docs/`` layer, as a path relative to it (posix), sorted."""
    return sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*")
                  if path.is_file() and not path.name.startswith(".") and "__pycache__" not in path.parts)


def site_overrides(root: Path, custom_dir: str | None) -> Path | None:
    """The site's own theme folder: ``theme.custom_dir`` of mkdocs.yml, else ``overrides/`` beside it if present."""
    if custom_dir:
        return Path(custom_dir).resolve()
    folder = root / SITE_OVERRIDES
    return folder.resolve() if folder.is_dir() else None


def layer_theme(dirs: MutableSequence[str], site: Path | None) -> None:
    """Put the package's overrides after the site's own folder (added first when MkDocs did not add it) and
    before the theme's templates in MkDocs' search path ``dirs``; a second call changes nothing."""
    resolved = [Path(folder).resolve() for folder in dirs]
    if OVERRIDES.resolve() in resolved:
        return
    position = 0
    if site is not None:
        if site in resolved:
            position = resolved.index(site) + 1
        else:
            dirs.insert(0, str(site))
            position = 1
    dirs.insert(position, str(OVERRIDES))


def write_docs(out: Path) -> list[Path]:
    """Copy the package's ``docs/`` layer under ``out`` (``render --out``, for a builder without the plugin),
    leaving any file already there: the site's own copy wins, as in the plugin. Returns the files written."""
    written = []
    for path in docs_files():
        target = out / path
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((DOCS / path).read_bytes())
        written.append(target)
    return written
