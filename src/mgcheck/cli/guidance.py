"""`mgcheck warnings` and `mgcheck sources`: the guidance and what it rests on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mgcheck.cli import messages
from mgcheck.cli.options import JsonOption, StandardOption
from mgcheck.errors import MgcheckError
from mgcheck.i18n import N_, _
from mgcheck.safetext import shown
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    pass

commands = typer.Typer()  # read by mgcheck.cli.app, which lists these commands (COMMANDS)


@commands.command(
    help=N_(
        "Side effects, danger signs, who must ask a doctor first, upper limits, medicines and "
        "the evidence, most urgent first, each with its sources."
    ),
    epilog=N_(
        "Sections: help-now, doctor-first, side-effects, limits, medicines, only-if-low.\n\n"
        "Examples:  mgcheck warnings  ·  mgcheck warnings --section medicines  ·  "
        "mgcheck warnings --section grænser --standard iom  ·  mgcheck warnings --json"
    ),
)
def warnings(
    section: Annotated[
        str | None,
        typer.Option(
            help=N_("Show one section, by its name in English or Danish."), show_default=False
        ),
    ] = None,
    standard: StandardOption = Standard.NNR,
    json: JsonOption = False,
) -> None:
    """Show the guidance panels; the data and its ordering come from data/guidance.yaml."""
    from mgcheck.render.guidance import print_warnings, warnings_json
    from mgcheck.results.guidance import warnings as warnings_result
    from mgcheck.rules.guidance import UnknownSection
    from mgcheck.store import snapshot

    guidance = snapshot.guidance()
    limits = snapshot.limits()
    try:
        result = warnings_result(guidance, limits, section, standard)
    except UnknownSection as exc:
        raise MgcheckError(messages.unknown_section(exc)) from None
    (warnings_json if json else print_warnings)(result)


@commands.command(
    help=N_("List every source mgcheck's guidance rests on, numbered, with title, year and URL."),
    epilog=N_(
        "Examples:  mgcheck sources  ·  mgcheck sources 3 17  ·  mgcheck sources nnr2023 aasm2024  "
        "·  mgcheck sources --json"
    ),
)
def sources(
    keys: Annotated[
        list[str] | None,
        typer.Argument(
            metavar=N_("SOURCES"),
            help=N_("Only these sources: their numbers, as the other commands cite them, or keys."),
            show_default=False,
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    from mgcheck.render.guidance import print_sources, sources_json
    from mgcheck.store import snapshot

    entries = list(enumerate(snapshot.sources().sources, start=1))
    if keys:
        # A number is the place in this list, as warnings, dose and the trial cite a source.
        by_number = {str(n): s.key for n, s in entries}
        wanted = {by_number.get(k.strip(), k) for k in keys}
        unknown = [
            k for k in keys if by_number.get(k.strip(), k) not in {s.key for _n, s in entries}
        ]
        if unknown:
            raise MgcheckError(
                _("unknown source: {keys}. Run mgcheck sources for the list.").format(
                    keys=", ".join(shown(key, 40) for key in unknown[:5])
                )
            )
        entries = [(n, s) for n, s in entries if s.key in wanted]
    (sources_json if json else print_sources)(entries)
