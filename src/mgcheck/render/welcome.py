"""What `mgcheck` with no arguments shows."""

from __future__ import annotations

from rich.panel import Panel
from rich.text import Text

from mgcheck.i18n import _
from mgcheck.render.console import stdout_console


def print_welcome() -> None:
    body = Text()
    body.append(
        _(
            "mgcheck is a self-check about magnesium and restless legs. It explains what the "
            "article “Magnesium og urolige ben” says and what the research adds, with sources."
        )
        + "\n\n"
    )
    body.append(_("Commands") + "\n", style="bold")
    body.append(
        "  mgcheck warnings   " + _("danger signs, who must ask a doctor first, limits") + "\n"
    )
    body.append("  mgcheck dose       " + _("a supplement label as elemental magnesium") + "\n")
    body.append("  mgcheck foods      " + _("foods rich in magnesium, ranked") + "\n")
    body.append(
        "  mgcheck diary      " + _("a private diary of your nights, and a comparison") + "\n"
    )
    body.append("  mgcheck sources    " + _("every source, numbered") + "\n")
    body.append("  mgcheck --help     " + _("all commands and options") + "\n\n")
    body.append(
        _("mgcheck is not a diagnosis and does not replace a doctor. In an emergency, call 112."),
        style="bold",
    )
    stdout_console().print(Panel(body, title="mgcheck", title_align="left"))
