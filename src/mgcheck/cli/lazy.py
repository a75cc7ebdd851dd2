"""Groups whose commands are built only when they run or a help text lists them.

Typer builds a Click command from each function it was given, evaluating the function's
annotations and making every option; for the whole tree (six commands, the diary's nine, the
trial's five) that cost every run of mgcheck more than 10 ms, for the one command it runs. A
:class:`LazyGroup` keeps where its commands are and has Typer build one when it is asked for
(``get_command``), in the order ``list_commands`` gives.

A group's commands are those declared on its Typer app (``source``) and its subgroups, each a
Typer app in a module named by :data:`Where` (imported only then). The root group
(``cli.app.MgcheckGroup``) finds its commands in their modules the same way.

The root declares ``--lang`` (``cli.options.LangOption``, on its callback); each group gives a
copy of its own to every command and subgroup it builds (:meth:`LazyGroup.get_command`), so
``--lang`` is accepted, and shown in the help, before and after any command name, and no
command declares it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from importlib import import_module
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import DefaultPlaceholder

from mgcheck.cli.clicktext import LocalCommand, LocalGroup

# A subgroup: (module, the Typer app's name in it, its own subgroups).
Where = tuple[str, str, "Mapping[str, Where]"]


class LazyGroup(LocalGroup):
    """A group whose commands Typer builds when first asked for (see the module)."""

    source: typer.Typer | None = None
    subgroups: Mapping[str, Where] = {}

    def command_names(self) -> list[str]:
        """The commands in --help order: those declared on the app, then the subgroups."""
        declared = (
            [] if self.source is None else [_name(i) for i in self.source.registered_commands]
        )
        return [*declared, *self.subgroups]

    def build(self, name: str) -> Any:
        """The command ``name`` made by Typer now, or None if the group has none of that name."""
        if name in self.subgroups:
            return group(name, self.subgroups[name])
        if self.source is not None:
            for info in self.source.registered_commands:
                if _name(info) == name:
                    return command(info, self.source)
        return None

    def lang_option(self) -> Any:
        """A copy of this group's ``--lang`` option, for a command or subgroup it builds."""
        (lang,) = [param for param in self.params if param.name == "lang"]
        return copy.copy(lang)

    def list_commands(self, ctx: Any) -> list[str]:
        return self.command_names()

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            built = self.build(cmd_name)
            if built is not None:
                built.params.append(self.lang_option())  # its last option, before --help
                self.add_command(built, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.command_names():
            # Typer suggests a close name among the commands built so far: build them all.
            for name in self.command_names():
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


def _name(info: Any) -> str:
    """The name Typer gives a declared command."""
    from typer.main import get_command_name

    return str(info.name or get_command_name(info.callback.__name__))


def command(info: Any, app: typer.Typer) -> Any:
    """One command declared on ``app``, shown in mgcheck's language (``clicktext``)."""
    from typer.main import get_command_from_info

    if info.cls in (None, TyperCommand):
        info.cls = LocalCommand
    return get_command_from_info(
        info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


def group(name: str, where: Where) -> LazyGroup:
    """The Typer app ``where`` names, as a :class:`LazyGroup` called ``name``: its own options
    and callback now, its commands when asked for."""
    from typer.main import get_group

    module, attribute, subgroups = where
    app: typer.Typer = getattr(import_module(module), attribute)
    shell = copy.copy(app)  # the same settings and callback, without the commands
    shell.registered_commands = []
    shell.registered_groups = []
    shell.info = copy.copy(app.info)
    if isinstance(app.info.cls, DefaultPlaceholder) or app.info.cls in (None, TyperGroup):
        shell.info.cls = LazyGroup
    built = get_group(shell)
    assert isinstance(built, LazyGroup)
    built.name = name
    built.source = app
    built.subgroups = subgroups
    return built
