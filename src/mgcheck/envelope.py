"""The one JSON envelope: every document mgcheck writes starts the same way.

``{"schema": "mgcheck.<kind>", "schema_version": 1, "language": …, …}``: `--json` of every
command, the report file (``--output report.json``) and the diary export (which has no
language: its data are the same in both). Readers check ``schema`` and ``schema_version``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SCHEMA_VERSION = 1


def schema_name(kind: str) -> str:
    return f"mgcheck.{kind}"


def envelope(
    kind: str, payload: Mapping[str, object], language: str | None = None
) -> dict[str, Any]:
    """``payload`` under the versioned header; ``language`` where the words depend on it."""
    document: dict[str, Any] = {"schema": schema_name(kind), "schema_version": SCHEMA_VERSION}
    if language is not None:
        document["language"] = language
    document.update(payload)
    return document
