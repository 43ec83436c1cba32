"""One walk over a content model's JSON Schema: every field, its kind, whether required, its description.

Three things need the list of fields a content file may hold: the "có phải ý
bạn là …" hint for a mistyped key, the field reference in the editor guide and
the JSON Schema for VS Code. All three read ``model_json_schema()`` through this
module, so they cannot disagree with each other or with the models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

KIND = "x-kind"
"""A JSON Schema annotation naming a kind the walker cannot infer from ``type`` (a date written as text)."""


@dataclass(frozen=True)
class FieldDoc:
    """One field as the guide lists it: ``list[].child`` path, kind, required, what it means."""

    name: str
    kind: str
    required: bool
    description: str


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Follow a ``$ref`` and unwrap ``X | None`` (``anyOf`` with a null branch)."""
    while True:
        if "$ref" in schema:
            schema = {**defs[schema["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in schema.items() if k != "$ref"}}
        elif "anyOf" in schema:
            branches = [branch for branch in schema["anyOf"] if branch.get("type") != "null"]
            merged = {k: v for k, v in schema.items() if k != "anyOf"}
            schema = {**branches[0], **merged} if len(branches) == 1 else merged | {"anyOf": branches}
            if "anyOf" in schema:
                return schema
        else:
            return schema


def kind(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    """The kind of a value in the editor's words: chữ, số, ngày, danh sách: …, một trong: …"""
    schema = _resolve(schema, defs)
    if KIND in schema:
        return schema[KIND]
    if "enum" in schema or "const" in schema:
        values = schema.get("enum") or [schema["const"]]
        return "một trong: " + ", ".join(f"`{value}`" for value in values)
    match schema.get("type"):
        case "array":
            return "danh sách: " + kind(schema.get("items", {}), defs)
        case "object":
            return "nhóm trường"
        case "string":
            return "chữ"
        case "integer":
            return "số nguyên"
        case "number":
            return "số"
        case "boolean":
            return "`true`/`false`"
    return "giá trị"


def fields(model: type[BaseModel]) -> list[FieldDoc]:
    """Every field reachable from ``model``, nested ones as ``parent.child`` or ``list[].child``, in model order."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    found: list[FieldDoc] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        required = set(node.get("required", []))
        for name, raw in node.get("properties", {}).items():
            value = _resolve(raw, defs)
            items = _resolve(value.get("items", {}), defs) if value.get("type") == "array" else None
            nested, suffix = (items, "[]") if items and "properties" in items else (value, "")
            inherited = (value.get("description") or nested.get("description") or "").strip()
            description = raw.get("description") or (inherited.splitlines()[0] if inherited else "")
            found.append(FieldDoc(prefix + name, kind(raw, defs), name in required, description))
            if "properties" in nested:
                walk(nested, f"{prefix}{name}{suffix}.")

    walk(schema, "")
    return found


def field_names(model: type[BaseModel]) -> set[str]:
    """The last part of every field path: the vocabulary for 'did you mean'."""
    return {doc.name.rsplit(".", 1)[-1] for doc in fields(model)}
