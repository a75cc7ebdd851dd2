"""The two output streams: results on stdout, diagnostics on stderr; JSON never through Rich."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

JSON_SCHEMA_VERSION = 1


def stdout_console() -> Console:
    from rich.console import Console

    # Rich honours NO_COLOR, TERM=dumb and pipes by itself; highlighting would colour numbers
    # in food names and notes, which are data, not markup.
    return Console(highlight=False)


def write_json(kind: str, payload: dict[str, Any]) -> None:
    """Write a versioned envelope: ``{"schema": "mgcheck.<kind>", "schema_version": 1, ...}``."""
    import json

    from mgcheck.i18n import current

    envelope: dict[str, Any] = {
        "schema": f"mgcheck.{kind}",
        "schema_version": JSON_SCHEMA_VERSION,
        "language": current(),
    }
    envelope.update(payload)
    sys.stdout.write(json.dumps(envelope, ensure_ascii=False, indent=2) + "\n")


def error_line(message: str) -> None:
    """Plain lines on stderr, each prefixed: no markup, so brackets in a file name print as is.

    A message of several lines (several problems in one answers file) gives one line each.
    """
    for line in message.splitlines() or [""]:
        sys.stderr.write(f"mgcheck: {line}\n")
    sys.stderr.flush()
