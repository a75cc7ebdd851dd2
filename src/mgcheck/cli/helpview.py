"""The help screen, laid out so that it reads in a narrow window as in a wide one.

Typer draws an options panel as a table whose columns Rich shrinks alike when the window is
narrow, so at 60 columns an option's name was cut ("--maybe-elemen…") and a value's choices
broken ("<serving|100g|ene" / "rgy>"); the epilogue's wrapped lines fell back to the margin.
:func:`format_help` draws the screen Typer draws (``typer.rich_utils.rich_format_help``: the
usage line, the help text, the panels, the epilogue), with Typer's public settings (its styles,
panel titles and labels in :mod:`typer.rich_utils`), except that

- the names of a parameter are columns that never wrap: they are always whole;
- when the window leaves an option's help less than :data:`HELP_MIN` cells beside the names
  and the value's kind (``<heltal> [1–24]``), the kind goes on the first line of the help
  instead of a column of its own, and columns no parameter fills are left out;
- the epilogue's paragraphs keep their label apart ("Examples:") with the text's wrapped lines
  under the text, and examples separated by " · " are packed whole, one or more to a line;
- a value's range and default are written as the language writes numbers (``range_help`` and
  ``default_help`` of ``cli.clicktext.LocalParameter``);
- every help text is translated here, as it is drawn: mgcheck declares them with ``i18n.N_``
  (marked for the catalogue, left in English), so help is in the run's language however the
  command modules were imported, and so are Typer's own labels (``i18n.localize_typer``).

It uses no private name of Typer or Click, only their public classes, attributes and
settings, so a new Typer cannot change it unseen; ``tests/cli/test_helpview.py`` checks that
the panels still come out as Typer draws them in a wide window, and ``docs/cli.md`` (a test
keeps it current) holds every help screen in both languages. Help in Rich markup only (what
mgcheck's commands declare): any other markup mode gets Typer's own screen.
Imported only when help is shown (``cli.clicktext.LocalHelp.format_help``).
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from typing import Any

from rich import box
from rich.align import Align
from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Column, Table
from rich.text import Text
from rich.theme import Theme
from typer import rich_utils as ru
from typer.core import TyperArgument, TyperGroup, TyperOption

from mgcheck.i18n import _, localize_typer
from mgcheck.render.console import two_columns

HELP_MIN = 24  # the fewest cells an option's help gets beside its names and kind
EXAMPLES = "  ·  "  # between two examples in an epilogue
PANEL = "rich_help_panel"  # the public attribute naming a parameter's or command's panel


def console() -> Console:
    """A console as Typer prints help on: its theme, highlighter, colours and width."""
    theme = {
        "option": ru.STYLE_OPTION,
        "switch": ru.STYLE_SWITCH,
        "negative_option": ru.STYLE_NEGATIVE_OPTION,
        "negative_switch": ru.STYLE_NEGATIVE_SWITCH,
        "types": ru.STYLE_TYPES,
        "types_sep": ru.STYLE_TYPES_SEPARATOR,
        "usage": ru.STYLE_USAGE,
    }
    return Console(
        theme=Theme(theme),
        highlighter=ru.highlighter,
        color_system=ru.COLOR_SYSTEM,
        force_terminal=ru.FORCE_TERMINAL,
        width=ru.MAX_WIDTH,
    )


def format_help(command: Any, ctx: Any) -> None:
    """Print ``command``'s help as Typer does, laid out as the module says."""
    localize_typer()
    out = console()
    out.print(Padding(ru.highlighter(command.get_usage(ctx)), 1), style=ru.STYLE_USAGE_COMMAND)
    if help_text(command):
        out.print(Padding(Align(_help_text(command), pad=False), (0, 1, 1, 1)))
    arguments: dict[str, list[Any]] = defaultdict(list)
    options: dict[str, list[Any]] = defaultdict(list)
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        panel = getattr(param, PANEL, None)
        if isinstance(param, TyperArgument):
            arguments[panel or ru.ARGUMENTS_PANEL_TITLE].append(param)
        elif isinstance(param, TyperOption):
            options[panel or ru.OPTIONS_PANEL_TITLE].append(param)
    for panels, first in (
        (arguments, ru.ARGUMENTS_PANEL_TITLE),
        (options, ru.OPTIONS_PANEL_TITLE),
    ):
        for title in sorted(panels, key=lambda name: name != first):  # Typer's order
            _parameters_panel(title, panels[title], ctx, out)
    if isinstance(command, TyperGroup):
        _commands_panels(command, ctx, out)
    if command.epilog:
        out.print(Padding(epilogue(_(command.epilog), out.width - 2), 1))


def help_text(command: Any) -> str:
    """A command's help in the run's language: ``LocalHelp.help_text`` for mgcheck's own
    commands, else its ``help`` translated."""
    if hasattr(command, "help_text"):
        return str(command.help_text())
    return _(command.help or "")


def _markup(text: str, style: str = "") -> Text:
    """Help text in Rich markup (or with ANSI codes), highlighted as Typer does."""
    text = inspect.cleandoc(text)
    if "\033[" in text:
        return ru.highlighter(Text.from_ansi(text, style=style))
    return ru.highlighter(Text.from_markup(text, style=style))


def _help_text(command: Any) -> Group:
    """A command's help: the first paragraph on its own, the rest dimmed below it; nothing
    after a form feed; a deprecated command says so first."""
    text = inspect.cleandoc(help_text(command)).partition("\f")[0]
    first, *rest = text.split("\n\n")
    if not first.startswith("\b"):
        first = first.replace("\n", " ")
    parts: list[RenderableType] = []
    if command.deprecated:
        parts.append(Text(ru.DEPRECATED_STRING, style=ru.STYLE_DEPRECATED))
    parts.append(_markup(first.strip(), ru.STYLE_HELPTEXT_FIRST_LINE))
    if rest:
        parts += [Text(""), _markup("\n\n".join(rest), ru.STYLE_HELPTEXT)]
    return Group(*parts)


def _parameter_help(param: Any, ctx: Any) -> Columns:
    """A parameter's help, then its environment variable, default and "[required]"."""
    items: list[RenderableType] = []
    if param.help:
        paragraphs = [
            p.replace("\n", " ").strip() if not p.startswith("\b") else p.strip("\b\n") + "\n"
            for p in _(param.help).split("\n\n")
        ]
        items.append(_markup("\n".join(paragraphs).strip(), ru.STYLE_OPTION_HELP))
    envvar = getattr(param, "envvar", None)
    if envvar and getattr(param, "show_envvar", False):
        names = envvar if isinstance(envvar, str) else ", ".join(str(e) for e in envvar)
        items.append(Text(ru.ENVVAR_STRING.format(names), style=ru.STYLE_OPTION_ENVVAR))
    default = param.default_help(ctx) if hasattr(param, "default_help") else None
    if default:
        items.append(Text(ru.DEFAULT_STRING.format(default), style=ru.STYLE_OPTION_DEFAULT))
    if param.required:
        items.append(Text(ru.REQUIRED_LONG_STRING, style=ru.STYLE_REQUIRED_LONG))
    return Columns(items)


def _cells(param: Any, ctx: Any) -> tuple[list[Text], Text, Columns]:
    """A parameter's names (long, short, and the negative ones), its kind and its help, made
    as Typer makes them."""
    display = None
    if isinstance(param, TyperArgument):
        display = param.display_name_raw
        if param.metavar is None and param.nargs != 1:
            display += "..."
    longs: list[str] = []
    shorts: list[str] = []
    negative_longs: list[str] = []
    negative_shorts: list[str] = []
    for names, long, short in (
        (param.opts, longs, shorts),
        (param.secondary_opts, negative_longs, negative_shorts),
    ):
        for name in names:
            if "--" in name:
                long.append(name)
            else:
                short.append(display or name)  # an argument: its name as the help shows it
    kind = Text(style=ru.STYLE_TYPES, overflow="fold")
    shown = param.display_type_rich(ctx=ctx)
    if shown is not None:
        kind.append(shown)
    number_range = param.range_help() if hasattr(param, "range_help") else None
    if number_range:
        kind.append(ru.RANGE_STRING.format(number_range))
    names = [
        ru.highlighter(",".join(longs)),
        ru.highlighter(",".join(shorts)),
        ru.negative_highlighter(",".join(negative_longs)),
        ru.negative_highlighter(",".join(negative_shorts)),
    ]
    return names, ru.types_highlighter(kind), _parameter_help(param, ctx)


def _parameters_panel(title: str, params: list[Any], ctx: Any, console: Console) -> None:
    if not params:
        return
    rows = [_cells(param, ctx) for param in params]
    star = Text(ru.REQUIRED_SHORT_STRING, style=ru.STYLE_REQUIRED_SHORT)
    required = any(param.required for param in params)  # then a column for the stars
    names = [
        ([star.copy() if param.required else Text("")] if required else []) + row_names
        for param, (row_names, _kind, _help) in zip(params, rows, strict=True)
    ]
    widths = [max(cell.cell_len for cell in column) for column in zip(*names, strict=True)]
    kinds = max(kind.cell_len for _names, kind, _help in rows)
    # Typer's table: a cell each side of every column but the outer edges; the panel's border
    # and padding take two cells each side.
    beside = sum(widths) + 2 * len(widths) - 1
    room = console.width - 4 - beside - (kinds + 2) - 1
    kind_column = room >= HELP_MIN
    if not kind_column:  # narrow: no room for the columns no parameter fills either
        keep = [index for index, width in enumerate(widths) if width]
        widths = [widths[index] for index in keep]
        names = [[row[index] for index in keep] for row in names]
    table = Table(
        *(Column(no_wrap=True, highlight=True) for _width in widths),
        *([Column(no_wrap=True, highlight=True)] if kind_column else []),
        Column(overflow="fold", highlight=True),
        highlight=True,
        show_header=False,
        expand=True,
        box=getattr(box, ru.STYLE_OPTIONS_TABLE_BOX, None),
        show_lines=ru.STYLE_OPTIONS_TABLE_SHOW_LINES,
        leading=ru.STYLE_OPTIONS_TABLE_LEADING,
        border_style=ru.STYLE_OPTIONS_TABLE_BORDER_STYLE,
        row_styles=ru.STYLE_OPTIONS_TABLE_ROW_STYLES,
        pad_edge=ru.STYLE_OPTIONS_TABLE_PAD_EDGE,
        padding=ru.STYLE_OPTIONS_TABLE_PADDING,
    )
    for row_names, (_names, kind, help_text) in zip(names, rows, strict=True):
        if kind_column:
            table.add_row(*row_names, kind, help_text)
        elif kind.cell_len:
            table.add_row(*row_names, Group(kind, help_text))
        else:
            table.add_row(*row_names, help_text)
    console.print(
        Panel(
            table,
            border_style=ru.STYLE_OPTIONS_PANEL_BORDER,
            title=title,
            title_align=ru.ALIGN_OPTIONS_PANEL,
        )
    )


def _command_help(command: Any) -> Text:
    """A command's line in its group's panel: the first paragraph of its short help or help
    (Typer keeps its line breaks in Rich markup)."""
    short = _(command.short_help) if command.short_help else help_text(command)
    first = inspect.cleandoc(short).split("\n\n")[0]
    if first.startswith("\b"):
        first = first.replace("\b\n", "")
    return _markup(first.strip(), ru.STYLE_OPTION_HELP)


def _commands_panels(group: Any, ctx: Any, console: Console) -> None:
    panels: dict[str, list[Any]] = defaultdict(list)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command and not command.hidden:
            panels[getattr(command, PANEL, None) or ru.COMMANDS_PANEL_TITLE].append(command)
    longest = max((len(c.name or "") for cs in panels.values() for c in cs), default=0)
    for title in sorted(panels, key=lambda name: name != ru.COMMANDS_PANEL_TITLE):
        table = Table(
            highlight=False,
            show_header=False,
            expand=True,
            box=getattr(box, ru.STYLE_COMMANDS_TABLE_BOX, None),
            show_lines=ru.STYLE_COMMANDS_TABLE_SHOW_LINES,
            leading=ru.STYLE_COMMANDS_TABLE_LEADING,
            border_style=ru.STYLE_COMMANDS_TABLE_BORDER_STYLE,
            row_styles=ru.STYLE_COMMANDS_TABLE_ROW_STYLES,
            pad_edge=ru.STYLE_COMMANDS_TABLE_PAD_EDGE,
            padding=ru.STYLE_COMMANDS_TABLE_PADDING,
        )
        # The names' column as wide as the longest in any panel, so the panels line up.
        table.add_column(style=ru.STYLE_COMMANDS_TABLE_FIRST_COLUMN, no_wrap=True, width=longest)
        table.add_column("Description", justify="left", no_wrap=False, ratio=10)
        deprecated = any(command.deprecated for command in panels[title])
        for command in panels[title]:
            name = Text(command.name or "")
            row: list[RenderableType | None] = [name, _command_help(command)]
            if command.deprecated:
                name.stylize(ru.STYLE_DEPRECATED_COMMAND)
                row.append(Text(ru.DEPRECATED_STRING, style=ru.STYLE_DEPRECATED))
            elif deprecated:
                row.append(None)
            table.add_row(*row)
        console.print(
            Panel(
                table,
                border_style=ru.STYLE_COMMANDS_PANEL_BORDER,
                title=title,
                title_align=ru.ALIGN_COMMANDS_PANEL,
            )
        )


def epilogue(text: str, width: int) -> RenderableType:
    """An epilogue's paragraphs (``\\n\\n`` apart), each "Label:  text" as two columns, the
    text's lines under its first; examples (" · " apart) whole, as many to a line as fit
    ``width``."""
    parts: list[RenderableType] = []
    for paragraph in text.split("\n\n"):
        if parts:
            parts.append(Text(""))
        label, colon, body = paragraph.partition(":")
        if not colon or " " in label.strip() or not body.startswith(" "):
            parts.append(ru.highlighter(Text(paragraph)))
            continue
        body = body.strip()
        label += ":"
        if EXAMPLES in body:
            body = "\n".join(_packed(body.split(EXAMPLES), width - cell_len(label) - 2))
        parts.append(two_columns([(label, ru.highlighter(Text(body)))], gap=2))
    return Group(*parts)


def _packed(items: list[str], width: int) -> list[str]:
    """``items`` joined by " · ", a new line wherever the next one would not fit ``width``."""
    lines: list[str] = []
    for item in items:
        if lines and cell_len(lines[-1] + EXAMPLES + item) <= width:
            lines[-1] += EXAMPLES + item
        else:
            lines.append(item)
    return lines
