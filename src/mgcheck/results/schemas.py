"""The JSON Schema of one document mgcheck writes, made from its shape in models/outputs.py."""

from __future__ import annotations

from typing import Any

from mgcheck.envelope import SCHEMA_VERSION, schema_name
from mgcheck.models.outputs import SHAPES


def json_schema(kind: str) -> dict[str, Any]:
    """The document ``mgcheck.<kind>`` as JSON Schema (2020-12), its ``schema`` field fixed."""
    from pydantic import TypeAdapter

    shape, _writer = SHAPES[kind]
    schema = TypeAdapter(shape).json_schema()
    schema["properties"]["schema"] = {"const": schema_name(kind)}
    # The shape's own version (the diary export is at 2), else the envelope's.
    version = schema["properties"]["schema_version"].get("const", SCHEMA_VERSION)
    schema["properties"]["schema_version"] = {"const": version}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_name(kind),
        **schema,
        "title": schema_name(kind),
    }
