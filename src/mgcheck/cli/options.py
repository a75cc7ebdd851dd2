"""What every command shares: --json, --standard, --lang, the run's Context, the prompter.

Imported by every command module; help strings are marked with N_() and translated when shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from mgcheck.i18n import N_, Language, _
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.cli.prompts import Prompter
    from mgcheck.context import Context


F = TypeVar("F", bound=Callable[..., Any])


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


def with_lang(command: F, *, first: bool = False) -> F:
    """Give ``command`` the ``--lang`` option, so it works after the command name too.

    The language is chosen once for the whole command line (:class:`mgcheck.context.Context`,
    made by :class:`mgcheck.cli.app.MgcheckGroup` before any command runs), so the command
    itself never sees the option: this wrapper parses it for Typer and lets it go.
    """
    import functools
    import inspect

    signature = inspect.signature(command, eval_str=True)
    lang = inspect.Parameter(
        "lang", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=_LANG_OPTION
    )
    params = list(signature.parameters.values())
    # Where --help lists it: last before --help, or (the root) first after the Typer context.
    at = sum(1 for p in params if p.annotation is typer.Context) if first else len(params)

    @functools.wraps(command)
    def parsed(*args: Any, lang: object = None, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    parsed.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*params[:at], lang, *params[at:]]
    )
    parsed.__annotations__ = {**command.__annotations__, "lang": _LANG_OPTION}
    return parsed  # type: ignore[return-value]


def take_lang(group: typer.Typer) -> None:
    """Let ``group`` (``diary``, ``diary trial``) take --lang after its name, as every command
    does; without a command it shows its help, as the group alone does."""
    group.callback(invoke_without_command=True)(with_lang(_group))


def _group(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # `mgcheck diary --lang en`: as `mgcheck diary`
        from typer._click.exceptions import NoArgsIsHelpError

        raise NoArgsIsHelpError(ctx)


_LANG_OPTION = Annotated[
    Optional[Language],  # noqa: UP045 - evaluated at run time on Python 3.10 too
    typer.Option(
        "--lang",
        help=N_("Language: da or en. Default: MGCHECK_LANG, then the system locale."),
        show_default=False,
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
