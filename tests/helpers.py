"""Running the CLI in-process the way a user would."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner, Result

from mgcheck.cli.app import app


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, input=input, catch_exceptions=False)


def run_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data
