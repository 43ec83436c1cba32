"""Whether a site must be built again: one hash of everything its build reads, kept in a manifest.

The hash covers the site's content folder; its settings file with what a build reads beside it (``templates/``,
``overrides/``, ``docs/``, the editor's guide: ``BESIDE_SETTINGS``); the generator itself (its version and every
file of the installed package, so a developer's change counts too); and the values a build reads from the
environment (the site's address, ``REPO_URL``, ``SITE_MODE``, the build's date). The manifest (``.build-all.json``
in the deploy folder) holds each site's last good hash; a site whose hash is unchanged and whose folder is still
there is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .. import __version__
from .sites import SiteSource

MANIFEST = ".build-all.json"
PACKAGE = Path(__file__).resolve().parents[1]
BESIDE_SETTINGS = ("templates", "overrides", "docs", "CONTRIBUTING.md", "huong-dan-bien-tap")
"""What a build reads beside its settings file: page and theme templates, docs/, the editor's guide."""
ENVIRONMENT = ("REPO_URL", "SITE_MODE", "SOURCE_DATE_EPOCH", "GITHUB_EVENT_NAME")
SKIPPED_PARTS = frozenset({"__pycache__", ".git", "node_modules"})


def _files(folder: Path) -> Iterable[Path]:
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not SKIPPED_PARTS.intersection(path.relative_to(folder).parts):
            yield path


def tree_hash(folders: Iterable[Path]) -> str:
    """SHA-256 over each file's path (relative to its folder) and bytes, in sorted order."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in _files(folder):
            name = path.relative_to(folder).as_posix() if folder.is_dir() else path.name
            digest.update(f"{folder.name}/{name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def generator_hash() -> str:
    """The installed generator: its version and its files (code, templates, theme); computed once per run."""
    return tree_hash([PACKAGE]) + __version__


def site_hash(site: SiteSource, url: str, generator: str, today: str, environ: Mapping[str, str] = os.environ) -> str:
    settings_dir = site.config_file.parent
    parts = [site.content, site.config_file, *(settings_dir / name for name in BESIDE_SETTINGS)]
    digest = hashlib.sha256()
    digest.update(tree_hash(parts).encode())
    digest.update(generator.encode())
    digest.update(json.dumps({"url": url, "today": today, **{k: environ.get(k, "") for k in ENVIRONMENT}},
                             sort_keys=True).encode())
    return digest.hexdigest()


def read_manifest(out: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(out: Path, manifest: Mapping[str, object]) -> None:
    """Written to a temporary file and renamed: a killed run leaves the old manifest or the new, never half."""
    path = out / MANIFEST
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)
