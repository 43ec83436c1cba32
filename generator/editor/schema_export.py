"""JSON Schema of every content file, exported from the pydantic models (``python -m generator schema``).

Each YAML file names its schema on the first line (``# yaml-language-server:
$schema=../schema/<file>.json``), so VS Code with the YAML extension offers
completion and underlines a wrong key or value while the editor types.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content.loader import EXTRA_SCHEMAS, content_files

SCHEMA_DIR = "schema"
"""Folder of the exported schemas, at the repository root (committed, tested to be current)."""

def schemas() -> dict[str, str]:
    """File name under ``schema/`` → JSON text, one per content file."""
    found = {}
    for name, model in ({entry.name: entry.model for entry in content_files()} | EXTRA_SCHEMAS).items():
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        text = json.dumps(document, ensure_ascii=False, allow_nan=False, indent=2, sort_keys=True)
        found[Path(name).stem + ".json"] = text + "\n"
    return found


def modeline(yaml_name: str) -> str:
    """The first line of a content YAML file that points VS Code at its schema."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{Path(yaml_name).stem}.json"


def stale(root: Path) -> list[str]:
    """Schema files that are missing or differ from the models (empty when up to date)."""
    return [name for name, text in schemas().items()
            if not (root / SCHEMA_DIR / name).is_file() or (root / SCHEMA_DIR / name).read_text(encoding="utf-8") != text]


def write(root: Path) -> list[Path]:
    """Write every schema under ``root/schema``; returns the files written."""
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
