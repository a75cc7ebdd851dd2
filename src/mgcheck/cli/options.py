"""What every command shares: --json, --standard, --lang, the run's Context, the prompter.

Imported by every command module; help strings are marked with N_() and translated when shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from mgcheck.i18n import N_, Language, _
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.cli.prompts import Prompter
    from mgcheck.context import Context


def context() -> Context:
    """This run's :class:`~mgcheck.context.Context`: made once when the command line is parsed."""
    from typer._click.globals import get_current_context

    from mgcheck.context import Context, from_environment

    current = get_current_context(silent=True)
    obj = None if current is None else current.find_root().obj
    return obj if isinstance(obj, Context) else from_environment()


def prompter() -> Prompter | None:
    """Someone to ask when a person is at a terminal; None when input is piped or absent."""
    run = context()
    if not run.stdin_is_terminal:
        return None
    from mgcheck.cli.prompts import Prompter

    console = run.console()
    from mgcheck.render.console import sayer

    return Prompter(input, sayer(console))


def may_replace(path: Path, asker: Prompter | None = None) -> bool:
    """Whether to write over ``path``, which exists: the one "Replace it?" question, asked in a
    terminal; without one, refused with a pointer to --force (nothing is overwritten unasked)."""
    from mgcheck.safetext import shown
    from mgcheck.store.report_file import already_exists

    asker = asker or prompter()
    if asker is None:
        raise already_exists(path)
    return asker.confirm(_("{file} already exists. Replace it?").format(file=shown(path, 200)))


def alone_shows_help(group: typer.Typer) -> None:
    """Let ``group`` (``diary``, ``diary trial``) given only options (``mgcheck diary --lang
    en``) show its help, as the group alone does, instead of "a command is missing"."""
    group.callback(invoke_without_command=True)(_group)


def _group(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # `mgcheck diary --lang en`: as `mgcheck diary`
        from typer._click.exceptions import NoArgsIsHelpError

        raise NoArgsIsHelpError(ctx)


# Declared once, on the root (cli/app.py); each group gives it to the commands and groups it
# builds (cli/lazy.py). Its value is not passed on (expose_value=False): the language is chosen
# once, from the whole command line, by cli.app.MgcheckGroup.main; the option checks the value
# and shows it in every command's help.
LangOption = Annotated[
    Optional[Language],  # noqa: UP045 - evaluated at run time on Python 3.10 too
    typer.Option(
        "--lang",
        help=N_("Language: da or en. Default: MGCHECK_LANG, then the system locale."),
        show_default=False,
        expose_value=False,
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help=N_("Print a versioned JSON document instead of a table.")),
]

# What a label's amount is, as the person says it (dose, diary add): over the label's words.
ElementalOption = Annotated[
    bool,
    typer.Option(
        "--elemental", help=N_("The amount is already elemental magnesium, as labels often say.")
    ),
]
CompoundOption = Annotated[
    bool,
    typer.Option(
        "--compound", help=N_("The amount is the whole compound (magnesium citrate, oxide, ...).")
    ),
]

StandardOption = Annotated[
    Standard,
    typer.Option(
        "--standard",
        help=N_(
            "Reference values: nnr (Nordic, NNR 2023; Denmark follows it), efsa (EFSA) or iom (US)."
        ),
        case_sensitive=False,
    ),
]
