"""The command group: the error policy, the root options and the list of commands.

Each command lives in its own module (``cli/assess.py``, ``cli/guidance.py``, ``cli/dose.py``,
``cli/foods.py``, ``cli/diary.py``) and is registered below. Help strings are translated when
those modules are imported, so the help language must already be bound: ``mgcheck.__main__``
does that once, from ``--lang`` in ``sys.argv`` and the environment, before importing this.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from mgcheck.cli.clicktext import LocalCommand, LocalGroup, LocalHelp, adopt
from mgcheck.cli.options import with_lang
from mgcheck.errors import ExitCode, MgcheckError
from mgcheck.i18n import _, set_language
from mgcheck.render.console import error_line


class MgcheckGroup(LocalHelp, TyperGroup):
    """The one place that chooses the language and turns expected errors into one line and an
    exit code (tracebacks only with --debug). Click's usage errors are worded again in the
    run's language (``cli/messages.usage_error``) and shown by Typer as before."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adopt(self.params)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Make this run's Context from the whole command line, so ``--lang`` counts before or
        after the command name; it also becomes the process language that messages use."""
        from mgcheck.context import Context

        context = Context.from_process(args, os.environ)
        set_language(context.lang)
        ctx.obj = context
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            raise _reworded(exc) from None

    # `diary` and its nine subcommands are loaded only when asked for (or listed by --help):
    # building them costs every other command a few milliseconds of start-up.
    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *LAZY_GROUPS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in LAZY_GROUPS and cmd_name not in self.commands:
            from importlib import import_module

            from typer.main import get_group

            module, attribute = LAZY_GROUPS[cmd_name]
            sub_app = getattr(import_module(module), attribute)
            _local_classes(sub_app)
            group = get_group(sub_app)
            group.name = cmd_name
            self.add_command(group, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MgcheckError as exc:
            error_line(exc.message)
            raise typer.Exit(exc.exit_code) from None
        except UsageError as exc:
            raise _reworded(exc) from None
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            # Usage errors (Click's exceptions are TyperExceptions) keep Typer's own handling.
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


def _reworded(exc: UsageError) -> UsageError:
    """Click's usage error in the run's language, from its type and parameters; Typer then
    shows it with the usage line, as it shows Click's own."""
    from mgcheck.cli import messages
    from mgcheck.i18n import current, translator

    if type(exc).__name__ == "NoArgsIsHelpError":
        return exc
    text = messages.usage_error(exc, translator(current()))
    if text is None:
        return exc
    worded = UsageError(text[:1].upper() + text[1:], ctx=exc.ctx)
    worded.exit_code = exc.exit_code
    return worded


def _local_classes(sub_app: typer.Typer) -> None:
    """A group's commands shown in mgcheck's language too (``clicktext``), without touching
    the module that declares them: the classes are chosen before Typer builds them."""
    from typer.models import DefaultPlaceholder

    if isinstance(sub_app.info.cls, DefaultPlaceholder) or sub_app.info.cls in (None, TyperGroup):
        sub_app.info.cls = LocalGroup
    for info in sub_app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = LocalCommand


app = typer.Typer(
    cls=MgcheckGroup,
    name="mgcheck",
    help=_(
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
    debug: Annotated[
        bool, typer.Option("--debug", help=_("Show a traceback when something goes wrong."))
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help=_("Show the version and exit."),
        ),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        from mgcheck.render.welcome import print_welcome

        print_welcome([(name, SUMMARIES[name]) for name in command_names()])


COMMAND_ORDER = ("assess", "warnings", "dose", "foods", "sources", "schemas")
LAZY_GROUPS = {"diary": ("mgcheck.cli.diary", "diary_app")}  # name: (module, Typer app)
SUMMARIES: dict[str, str] = {}  # each command's line on the welcome screen, from its module


def command_names() -> list[str]:
    """The commands as the tree holds them, in --help order: the welcome screen, the README
    and the help tests all read this list, so none of them can leave a command out."""
    return [
        *(info.name or info.callback.__name__ for info in app.registered_commands if info.callback),
        *LAZY_GROUPS,
    ]


app.callback()(with_lang(main, first=True))  # --lang before the command name too


def _register() -> None:
    """Every command, in the order --help and the welcome screen list them."""
    from mgcheck.cli import assess, dose, foods, guidance, schemas

    for module in (assess, guidance, dose, foods, schemas):
        SUMMARIES.update(module.SUMMARIES)
    # The diary's line is here, not in cli/diary.py, which is imported only when it is used.
    SUMMARIES["diary"] = _("a private diary of your nights, and a comparison")

    found = {
        info.callback.__name__: info
        for module in (assess, guidance, dose, foods, schemas)
        for info in module.commands.registered_commands
        if info.callback is not None
    }
    for info in found.values():
        if info.cls in (None, TyperCommand):
            info.cls = LocalCommand
    app.registered_commands += [found[name] for name in COMMAND_ORDER]


_register()
