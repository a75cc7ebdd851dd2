"""Regenerate the README's screenshots: SVG files exported by Rich from the real commands.

    .venv/bin/python scripts/screenshots.py

Writes docs/assess.svg (the report for `mgcheck assess --example`'s answers), docs/foods.svg and
docs/warnings.svg, in English, 100 columns wide.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
WIDTH = 100


def shoot(name: str, title: str, args: list[str], input: str | None = None) -> Path:
    from mgcheck.cli.app import app
    from mgcheck.render import console as output

    console = Console(record=True, width=WIDTH, force_terminal=True, color_system="truecolor")
    original = output.stdout_console
    output.stdout_console = lambda: console
    for module in ("mgcheck.render.foods", "mgcheck.render.guidance", "mgcheck.render.dose"):
        __import__(module)
        sys.modules[module].stdout_console = output.stdout_console  # type: ignore[attr-defined]
    try:
        result = CliRunner().invoke(app, args, input=input, catch_exceptions=False)
    finally:
        output.stdout_console = original
    if result.exit_code != 0:
        raise SystemExit(f"{' '.join(args)} failed: {result.output}")
    path = DOCS / f"{name}.svg"
    console.save_svg(str(path), title=title)
    return path


def main() -> int:
    from mgcheck.i18n import set_language
    from mgcheck.render.example import example_yaml

    set_language("en")
    # The report's last line shows how to run mgcheck again; shown as a reader would type it
    # (`mgcheck`, found on the PATH), not as this script was started.
    program = Path(sys.executable).parent / "mgcheck"
    sys.argv[0] = str(program)
    os.environ["PATH"] = f"{program.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    DOCS.mkdir(exist_ok=True)
    example = example_yaml()
    paths = [
        shoot("assess", "mgcheck assess", ["assess", "--answers", "-"], input=example),
        shoot("foods", "mgcheck foods --top 10", ["foods", "--top", "10"]),
        shoot(
            "warnings", "mgcheck warnings --section help-now", ["warnings", "--section", "help-now"]
        ),
    ]
    for path in paths:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
