"""The help screen, laid out so that it reads in a narrow window as in a wide one.

Typer draws an options panel as a table whose columns Rich shrinks alike when the window is
narrow, so at 60 columns an option's name was cut ("--maybe-elemen…") and a value's choices
broken ("<serving|100g|ene" / "rgy>"); the epilogue's wrapped lines fell back to the margin.
:func:`format_help` draws the screen Typer draws, with Typer's own pieces (the usage line, the
help text, the commands panel, its styles and panel titles), except that

- the names of a parameter are columns that never wrap: they are always whole;
- when the window leaves an option's help less than :data:`HELP_MIN` cells beside the names
  and the value's kind (``<heltal> [1–24]``), the kind goes on the first line of the help
  instead of a column of its own, and columns no parameter fills are left out;
- the epilogue's paragraphs keep their label apart ("Examples:") with the text's wrapped lines
  under the text, and examples separated by " · " are packed whole, one or more to a line.

In a window wide enough for Typer's own table the panels come out as Typer draws them.
Imported only when help is shown (``cli.clicktext.LocalHelp.format_help``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich import box
from rich.align import Align
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Column, Table
from rich.text import Text
from typer import rich_utils
from typer.core import TyperArgument, TyperGroup, TyperOption

from mgcheck.render.console import two_columns

HELP_MIN = 24  # the fewest cells an option's help gets beside its names and kind
EXAMPLES = "  ·  "  # between two examples in an epilogue


def format_help(command: Any, ctx: Any, markup_mode: Any) -> None:
    """Print ``command``'s help as :mod:`typer.rich_utils` does, laid out as the module says."""
    console = rich_utils._get_rich_console()
    console.print(
        Padding(rich_utils.highlighter(command.get_usage(ctx)), 1),
        style=rich_utils.STYLE_USAGE_COMMAND,
    )
    if command.help:
        text = rich_utils._get_help_text(obj=command, markup_mode=markup_mode)
        console.print(Padding(Align(text, pad=False), (0, 1, 1, 1)))
    arguments: dict[str, list[Any]] = defaultdict(list)
    options: dict[str, list[Any]] = defaultdict(list)
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        panel = getattr(param, rich_utils._RICH_HELP_PANEL_NAME, None)
        if isinstance(param, TyperArgument):
            arguments[panel or rich_utils.ARGUMENTS_PANEL_TITLE].append(param)
        elif isinstance(param, TyperOption):
            options[panel or rich_utils.OPTIONS_PANEL_TITLE].append(param)
    for panels, first in (
        (arguments, rich_utils.ARGUMENTS_PANEL_TITLE),
        (options, rich_utils.OPTIONS_PANEL_TITLE),
    ):
        for title in sorted(panels, key=lambda name: name != first):  # Typer's order
            _parameters_panel(title, panels[title], ctx, markup_mode, console)
    if isinstance(command, TyperGroup):
        _commands_panels(command, ctx, markup_mode, console)
    if command.epilog:
        console.print(Padding(epilogue(command.epilog, console.width - 2), 1))


def _cells(param: Any, ctx: Any, markup_mode: Any) -> tuple[list[Text], Text, Any]:
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
    kind = Text(style=rich_utils.STYLE_TYPES, overflow="fold")
    shown = param.display_type_rich(ctx=ctx)
    if shown is not None:
        kind.append(shown)
    number_range = param._get_number_range_help_str()
    if number_range:
        kind.append(rich_utils.RANGE_STRING.format(number_range))
    names = [
        rich_utils.highlighter(",".join(longs)),
        rich_utils.highlighter(",".join(shorts)),
        rich_utils.negative_highlighter(",".join(negative_longs)),
        rich_utils.negative_highlighter(",".join(negative_shorts)),
    ]
    help_text = rich_utils._get_parameter_help(param=param, ctx=ctx, markup_mode=markup_mode)
    return names, rich_utils.types_highlighter(kind), help_text


def _parameters_panel(
    title: str, params: list[Any], ctx: Any, markup_mode: Any, console: Console
) -> None:
    if not params:
        return
    rows = [_cells(param, ctx, markup_mode) for param in params]
    star = Text(rich_utils.REQUIRED_SHORT_STRING, style=rich_utils.STYLE_REQUIRED_SHORT)
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
        box=getattr(box, rich_utils.STYLE_OPTIONS_TABLE_BOX, None),
        show_lines=rich_utils.STYLE_OPTIONS_TABLE_SHOW_LINES,
        leading=rich_utils.STYLE_OPTIONS_TABLE_LEADING,
        border_style=rich_utils.STYLE_OPTIONS_TABLE_BORDER_STYLE,
        row_styles=rich_utils.STYLE_OPTIONS_TABLE_ROW_STYLES,
        pad_edge=rich_utils.STYLE_OPTIONS_TABLE_PAD_EDGE,
        padding=rich_utils.STYLE_OPTIONS_TABLE_PADDING,
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
            border_style=rich_utils.STYLE_OPTIONS_PANEL_BORDER,
            title=title,
            title_align=rich_utils.ALIGN_OPTIONS_PANEL,
        )
    )


def _commands_panels(group: Any, ctx: Any, markup_mode: Any, console: Console) -> None:
    panels: dict[str, list[Any]] = defaultdict(list)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command and not command.hidden:
            title = getattr(command, rich_utils._RICH_HELP_PANEL_NAME, None)
            panels[title or rich_utils.COMMANDS_PANEL_TITLE].append(command)
    longest = max((len(c.name or "") for cs in panels.values() for c in cs), default=0)
    for title in sorted(panels, key=lambda name: name != rich_utils.COMMANDS_PANEL_TITLE):
        rich_utils._print_commands_panel(
            name=title,
            commands=panels[title],
            markup_mode=markup_mode,
            console=console,
            cmd_len=longest,
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
            parts.append(rich_utils.highlighter(Text(paragraph)))
            continue
        body = body.strip()
        label += ":"
        if EXAMPLES in body:
            body = "\n".join(_packed(body.split(EXAMPLES), width - cell_len(label) - 2))
        parts.append(two_columns([(label, rich_utils.highlighter(Text(body)))], gap=2))
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
