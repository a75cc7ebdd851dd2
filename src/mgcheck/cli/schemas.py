"""`mgcheck schemas`: the JSON Schema of every document mgcheck writes.

One command rather than a ``--schema`` on each: ``assess --schema`` already prints the schema of
the answers file (what mgcheck reads), and the diary's documents belong to subcommands; here
every document is listed under the name its ``schema`` field carries.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mgcheck.cli import messages
from mgcheck.errors import MgcheckError
from mgcheck.i18n import N_

commands = typer.Typer()  # read by mgcheck.cli.app, which lists these commands (COMMANDS)


@commands.command(
    help=N_("List the JSON documents mgcheck writes, or print the JSON Schema of one."),
    epilog=N_(
        "Examples:  mgcheck schemas  ·  mgcheck schemas report  ·  mgcheck schemas diary.compare"
    ),
)
def schemas(
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar=N_("DOCUMENT"),
            help=N_("A document's kind, as the list names it (report, dose, diary.compare, ...)."),
            show_default=False,
        ),
    ] = None,
) -> None:
    from mgcheck.models.outputs import SHAPES

    if kind is None:
        from rich.text import Text

        from mgcheck.render.console import stdout_console, two_columns

        # Each document and the commands that write it, a command to a line ("; " apart in
        # SHAPES), wrapped under the commands in a narrow window.
        rows = [
            (f"mgcheck.{name}", Text("\n".join(writers.split("; "))))
            for name, (_shape, writers) in SHAPES.items()
        ]
        stdout_console().print(two_columns(rows, gap=2))
        return
    name = kind.removeprefix("mgcheck.")
    if name not in SHAPES:
        raise MgcheckError(messages.unknown_schema(kind, list(SHAPES)))
    from mgcheck.results.schemas import json_schema
    from mgcheck.safetext import dumps

    sys.stdout.write(dumps(json_schema(name)) + "\n")
