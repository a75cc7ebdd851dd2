"""The command group: the error policy, the root options and the list of commands.

Each command lives in its own module (``cli/assess.py``, ``cli/guidance.py``, ``cli/dose.py``,
``cli/foods.py``, ``cli/schemas.py``, ``cli/diary.py``) and is listed in :data:`COMMANDS` with
its one-line summary. A module is imported, and its command built, only when that command runs
or a help text lists it: a command pays for itself alone. Help strings are declared with
``i18n.N_`` and translated when help is drawn (``cli/helpview.py``), so the modules may be
imported in any language; :class:`MgcheckGroup` chooses the run's language, once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Annotated, Any, NoReturn

import typer
from typer._click.exceptions import UsageError

from mgcheck.cli.lazy import LazyGroup, Where, command, group
from mgcheck.cli.options import LangOption
from mgcheck.errors import ExitCode, MgcheckError
from mgcheck.i18n import N_, _, choose_language, localize_typer, speaking
from mgcheck.render.console import error_line


class MgcheckGroup(LazyGroup):
    """The one place that chooses the language and turns expected errors into one line and an
    exit code (tracebacks only with --debug). Click's usage errors are worded again in the
    run's language (``cli/messages.usage_error``) and shown as one line too, as every other
    error is (issue 19: no boxed "Fejl"). Its commands are those of :data:`COMMANDS` and
    :data:`GROUPS`, built when asked for (``cli/lazy.py``)."""

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        """Run mgcheck in the language its command line chooses: ``--lang`` before or after
        the command name, else MGCHECK_LANG, else the locale (``i18n.choose_language``). The
        one place it is chosen, for the real entry point and in-process callers (CliRunner)
        alike; everything the run says, errors and help included, is said inside it, and the
        language spoken before is back when the run is over."""
        lang = choose_language(sys.argv[1:] if args is None else args, os.environ)
        with speaking(lang):
            return super().main(args, *more, **options)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Make this run's Context; a day in words ("--date i går") becomes one value."""
        from mgcheck.context import Context

        ctx.obj = Context.from_process()
        if any(a.casefold() == "i" for a in args):  # "--date i går": one value
            from mgcheck.cli.types import join_day_words

            args = join_day_words(args)
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            _usage_line(exc)

    def command_names(self) -> list[str]:
        return command_names()

    def build(self, name: str) -> Any:
        if name in GROUPS:
            return group(name, GROUPS[name])
        if name not in COMMANDS:
            return None
        module, _summary = COMMANDS[name]
        commands: typer.Typer = import_module(module).commands
        (info,) = [i for i in commands.registered_commands if i.callback.__name__ == name]  # type: ignore[union-attr]
        return command(info, app)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MgcheckError as exc:
            from mgcheck.cli import messages

            error_line(messages.error_text(exc))
            raise typer.Exit(exc.exit_code) from None
        except UsageError as exc:
            _usage_line(exc)
        except (typer.Abort, typer.TyperException):
            # Typer draws these itself ("Aborted.", a Click error mgcheck does not word): with
            # its labels in the run's language.
            localize_typer()
            raise
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if isinstance(exc, BrokenPipeError):  # the reader went away (| head)
                from mgcheck.render.console import reader_gone

                reader_gone()
            if ctx.params.get("debug"):
                raise
            error_line(
                _("unexpected error ({kind}). Run again with --debug for details.").format(
                    kind=type(exc).__name__
                )
            )
            raise typer.Exit(ExitCode.INTERNAL_ERROR) from None


def _usage_line(exc: UsageError) -> NoReturn:
    """Click's usage error in the run's language, from its type and parameters, as one line
    on stderr with where to find help (``mgcheck dose -h``), and its exit code (2)."""
    from mgcheck.cli import messages

    if type(exc).__name__ == "NoArgsIsHelpError":
        raise exc  # a group alone shows its help
    text = messages.usage_error(exc) or exc.format_message()
    path = exc.ctx.command_path if exc.ctx is not None else "mgcheck"
    error_line(messages.with_help(text[:1].upper() + text[1:], path))
    raise typer.Exit(exc.exit_code)


app = typer.Typer(
    cls=MgcheckGroup,
    name="mgcheck",
    help=N_(
        "A self-check about magnesium and restless legs, built on named sources. "
        "It is not a diagnosis and does not replace a doctor."
    ),
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        from mgcheck.meta import installed_version

        typer.echo(f"mgcheck {installed_version()}")
        raise typer.Exit(ExitCode.OK)


def main(
    ctx: typer.Context,
    lang: LangOption = None,  # not passed (expose_value=False): chosen by MgcheckGroup.main
    debug: Annotated[
        bool, typer.Option("--debug", help=N_("Show a traceback when something goes wrong."))
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help=N_("Show the version and exit."),
        ),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        from mgcheck.render.welcome import print_welcome

        print_welcome([(name, _(SUMMARIES[name])) for name in command_names()])


# Every command, in the order --help and the welcome screen list them: its module (which
# declares it on a ``commands`` Typer, under the command's name) and its line on the welcome
# screen; then the groups, each a Typer app in a module, with their own subgroups.
COMMANDS: dict[str, tuple[str, str]] = {
    "assess": (
        "mgcheck.cli.assess",
        N_("the self-check: questions, then a report for your doctor"),
    ),
    "warnings": (
        "mgcheck.cli.guidance",
        N_("danger signs, who must ask a doctor first, limits"),
    ),
    "dose": ("mgcheck.cli.dose", N_("a supplement label as elemental magnesium")),
    "foods": ("mgcheck.cli.foods", N_("foods rich in magnesium, ranked")),
    "sources": ("mgcheck.cli.guidance", N_("every source, numbered")),
    "schemas": ("mgcheck.cli.schemas", N_("the JSON Schema of every --json document")),
}
GROUPS: dict[str, Where] = {
    "diary": ("mgcheck.cli.diary", "diary_app", {"trial": ("mgcheck.cli.trial", "trial_app", {})}),
}
# In English (N_): the welcome screen translates them when it shows them.
SUMMARIES: dict[str, str] = {
    **{name: summary for name, (_module, summary) in COMMANDS.items()},
    "diary": N_("a private diary of your nights, and a comparison"),
}


def command_names() -> list[str]:
    """The commands as the tree holds them, in --help order: the welcome screen, the README
    and the help tests all read this list, so none of them can leave a command out."""
    return [*COMMANDS, *GROUPS]


app.callback()(main)
