"""What `mgcheck` with no arguments shows: what it is, the commands (from the command tree),
and that it is no substitute for a doctor."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from mgcheck.i18n import _
from mgcheck.render.console import stdout_console, two_columns


def print_welcome(commands: Sequence[tuple[str, str]]) -> None:
    """``commands``: each command's name and one-line summary, in the tree's order; a summary
    that wraps goes on under the summaries, not under the names."""
    listed = [*commands, ("--help", _("all commands and options"))]
    body = Group(
        Text(
            _(
                "mgcheck is a self-check about magnesium and restless legs. It explains what the "
                "article “Magnesium og urolige ben” says and what the research adds, with sources."
            )
        ),
        Text(""),
        Text(_("Commands"), style="bold"),
        Padding(
            two_columns([(f"mgcheck {name}", Text(text)) for name, text in listed], gap=3),
            (0, 0, 0, 2),
        ),
        Text(""),
        Text(
            _(
                "Does your shell not find mgcheck? In the folder you installed it in, type "
                ".venv/bin/mgcheck instead, or first: source .venv/bin/activate"
            ),
            style="dim",
        ),
        Text(""),
        Text(
            _(
                "mgcheck is not a diagnosis and does not replace a doctor. In an emergency, "
                "call 112."
            ),
            style="bold",
        ),
    )
    stdout_console().print(Panel(body, title="mgcheck", title_align="left"))
