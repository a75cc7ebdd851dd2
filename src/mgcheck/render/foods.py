"""`mgcheck foods` as a Rich table or a JSON document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from mgcheck.i18n import Language, _, current, format_number
from mgcheck.record import Record
from mgcheck.render.console import stdout_console, two_columns, write_json
from mgcheck.render.style import words_keeping_units, wrapped_keeping_units
from mgcheck.rules.foods import CompositionRow, FoodsResult, FoundVia
from mgcheck.vocab import COMPOSITION_ATTRIBUTION, RankBy

if TYPE_CHECKING:
    from mgcheck.models import outputs

ARTICLE_MARK = "*"
NOTE_MARK = "†"


def _rank_title(by: RankBy) -> str:
    if by is RankBy.SERVING:
        return _("Magnesium-rich foods, ranked by magnesium per serving")
    if by is RankBy.PER_100G:
        return _("Magnesium-rich foods, ranked by magnesium per 100 g")
    return _("Magnesium-rich foods, ranked by magnesium per 100 kcal")


def _num(value: float | None, decimals: int = 0) -> Text:
    # Text, not str: a number needs no markup parsing, which is a third of the table's cost.
    return Text("–" if value is None else format_number(value, decimals))


def _shown_line(shown: int, matched: int) -> str | None:
    if shown >= matched:
        return None
    return _("Showing {shown} of {matched} matches. Use --top 0 to show all.").format(
        shown=shown, matched=matched
    )


# The number columns in the order they are left out when the terminal is too narrow for all:
# least useful first. The column the foods are ranked by is never left out.
_DROP_ORDER = ("per_100kcal", "per_100g", "servings", "pct")
_NUMBER_COLUMNS = ("mg", "per_100g", "per_100kcal", "pct", "servings")


class _Rows(Record):
    """The table's cells, made once; the layout then picks columns and widths for them."""

    names: list[Text]
    servings: list[str]
    numbers: dict[str, list[Text]]
    headers: dict[str, str]


def _cells(result: FoodsResult, lang: Language) -> _Rows:
    target = format_number(result.query.target_mg)
    names: list[Text] = []
    notes = 0
    for row in result.rows:
        name = Text(row.food.name.get(lang))
        if row.food.in_article:
            name.append(ARTICLE_MARK)
        if row.food.note is not None:
            notes += 1
            name.append(NOTE_MARK * notes)
        names.append(name)
    numbers = {
        "mg": [_num(row.mg_per_serving) for row in result.rows],
        "per_100g": [_num(row.food.mg_per_100g) for row in result.rows],
        "per_100kcal": [_num(row.mg_per_100kcal) for row in result.rows],
        "pct": [_num(row.pct_of_target) for row in result.rows],
        "servings": [_num(row.servings_to_target, 1) for row in result.rows],
    }
    headers = {
        "#": "#",
        "food": _("Food"),
        "serving": _("Serving"),
        "mg": _("mg"),
        "per_100g": _("mg/100 g"),
        "per_100kcal": _("mg/100\nkcal"),
        "pct": _("% of\n{target} mg").format(target=target),
        "servings": _("servings\nto {target} mg").format(target=target),
    }
    servings = [row.food.serving.label.get(lang) for row in result.rows]
    return _Rows(names, servings, numbers, headers)


def _widest(texts: Sequence[str]) -> int:
    return max((cell_len(line) for text in texts for line in text.splitlines()), default=1)


def _longest_word(texts: Sequence[str]) -> int:
    """The widest word, a number and its unit counted as one ("(30 g)" never breaks)."""
    return max(
        (cell_len(word) for text in texts for word in words_keeping_units(text) if word),
        default=1,
    )


def _layout(
    cells: _Rows, width: int, ranked_by: str | None
) -> tuple[list[str], int, int, list[str]]:
    """Which number columns fit in ``width``, and the widths of the name and serving columns.

    A food's name is never cut: its column is at least as wide as the longest word in it, and
    the names wrap between words. Number columns are left out, least useful first, until the
    rest fits; the ranked-by column stays. Returns (columns, name width, serving width,
    columns left out).
    """
    keep = list(_NUMBER_COLUMNS)
    left_out: list[str] = []
    droppable = [key for key in _DROP_ORDER if key != ranked_by]
    names = [name.plain for name in cells.names]
    food = (
        _longest_word([*names, cells.headers["food"]]),
        _widest([*names, cells.headers["food"]]),
    )
    serving = (
        _longest_word([*cells.servings, cells.headers["serving"]]),
        _widest([*cells.servings, cells.headers["serving"]]),
    )
    number = str(len(names))
    while True:
        fixed = _widest([number]) + sum(
            _widest([cells.headers[key], *(t.plain for t in cells.numbers[key])]) for key in keep
        )
        # Each column has a space either side but not at the table's edges, the columns a
        # separator between them, and the table an edge on each side (SIMPLE_HEAD: spaces).
        columns = len(keep) + 3
        gaps = 2 * columns - 2 + (columns - 1) + 2
        room = width - fixed - gaps
        if room >= food[0] + serving[0] or not droppable:
            break
        left_out.append(droppable.pop(0))
        keep.remove(left_out[-1])
    if room >= food[1] + serving[1]:
        return keep, food[1], serving[1], left_out
    # Not room for both on one line: each column gets its longest word, and the rest of the
    # room is shared in proportion to how much more each needs.
    spare = max(0, room - food[0] - serving[0])
    more = (food[1] - food[0], serving[1] - serving[0])
    food_extra = spare * more[0] // max(1, sum(more))
    food_width = food[0] + food_extra
    serving_width = serving[0] + min(more[1], spare - food_extra)
    return keep, food_width, serving_width, left_out


def _foods_table(
    result: FoodsResult, cells: _Rows, keep: Sequence[str], food: int, serving: int
) -> Table:
    table = Table(
        title=_rank_title(result.query.by),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(cells.headers["food"], width=food, overflow="fold")
    table.add_column(cells.headers["serving"], width=serving, overflow="fold")
    for key in keep:
        table.add_column(cells.headers[key], justify="right", no_wrap=True)
    for index, (name, label) in enumerate(zip(cells.names, cells.servings, strict=True)):
        numbers = [cells.numbers[key][index] for key in keep]
        shown = Text(wrapped_keeping_units(label, serving))  # "(30 g)" never "(30 / g)"
        table.add_row(Text(str(index + 1)), name, shown, *numbers)
    return table


def print_foods(result: FoodsResult) -> None:
    lang = current()
    console = stdout_console()
    if not result.rows:
        console.print(_("No food matches. Try a shorter word, another --group, or --all --search."))
        return
    ranked_by = {RankBy.PER_100G: "per_100g", RankBy.ENERGY: "per_100kcal"}.get(result.query.by)
    cells = _cells(result, lang)
    keep, food, serving, left_out = _layout(cells, console.width, ranked_by)
    console.print(_foods_table(result, cells, keep, food, serving))
    footer: list[str | RenderableType] = [
        _("mg: magnesium in one serving. {mark} named in the article.").format(mark=ARTICLE_MARK)
    ]
    noted = [row for row in result.rows if row.food.note is not None]
    for number, row in enumerate(noted, start=1):
        note = row.food.note
        assert note is not None
        text = Text(f"{row.food.name.get(lang)}: {note.get(lang)}", style="dim")
        # the note's wrapped lines under its text, not under its mark
        footer.append(two_columns([(Text(NOTE_MARK * number, style="dim"), text)]))
    shown = _shown_line(len(result.rows), result.matched)
    if shown:
        footer.append(shown)
    if left_out:
        footer.append(
            _("A wider window shows more columns ({columns}); --json has every figure.").format(
                columns=", ".join(_column_names(left_out, result))
            )
        )
    footer.append(
        _("Values per 100 g from USDA SR28 and Fineli release 20; servings are mgcheck's own.")
    )
    for line in footer:
        console.print(Text(line, style="dim") if isinstance(line, str) else line)


def _column_names(keys: Sequence[str], result: FoodsResult) -> list[str]:
    target = format_number(result.query.target_mg)
    names = {
        "per_100g": _("mg/100 g"),
        "per_100kcal": _("mg/100 kcal"),
        "pct": _("% of {target} mg").format(target=target),
        "servings": _("servings to {target} mg").format(target=target),
    }
    return [names[key] for key in keys]


def foods_json(result: FoodsResult) -> None:
    lang = current()
    rows: list[outputs.FoodOut] = []
    for row in result.rows:
        food = row.food
        rows.append(
            {
                "id": food.id,
                "name": food.name.get(lang),
                "names": {"da": food.name.da, "en": food.name.en},
                "group": food.group.value,
                "state": food.state.value,
                "mg_per_100g": food.mg_per_100g,
                "kcal_per_100g": food.kcal_per_100g,
                "serving_g": food.serving.grams,
                "serving_label": food.serving.label.get(lang),
                "mg_per_serving": round(row.mg_per_serving, 1),
                "mg_per_100kcal": None
                if row.mg_per_100kcal is None
                else round(row.mg_per_100kcal, 1),
                "pct_of_target": round(row.pct_of_target, 1),
                "servings_to_target": None
                if row.servings_to_target is None
                else round(row.servings_to_target, 2),
                "in_article": food.in_article,
                "proxy_for": None if food.proxy_for is None else food.proxy_for.get(lang),
                "note": None if food.note is None else food.note.get(lang),
                "source": {
                    "dataset": food.source.dataset.value,
                    "id": food.source.id,
                    "description": food.source.description,
                },
            }
        )
    query = result.query
    payload: outputs.FoodsPayload = {
        "query": {
            "by": query.by.value,
            "group": None if query.group is None else query.group.value,
            "search": query.search,
            "article": query.article_only,
            "top": 0 if query.top is None else query.top,  # 0 and None: every match
            "target_mg": query.target_mg,
        },
        "matched": result.matched,
        "shown": len(rows),
        "foods": rows,
    }
    write_json("foods", payload)


def print_composition(
    rows: Sequence[CompositionRow],
    matched: int,
    query: str,
    by: RankBy,
    found_via: Sequence[FoundVia] = (),
) -> None:
    lang = current()
    console = stdout_console()
    if not rows:
        console.print(
            _(
                "No food in the full tables matches “{query}”. They name foods in English "
                "(and Finnish): try the English word."
            ).format(query=query)
        )
        _print_tries(console, found_via)
        return
    title = _("Full food tables: “{query}”, ranked by {rank}").format(
        query=query,
        rank=_("mg/100 kcal") if by is RankBy.ENERGY else _("mg/100 g"),
    )
    table = Table(
        title=title, title_justify="left", header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False
    )
    table.add_column("#", justify="right")
    table.add_column(_("Food (as named in the source)"))
    table.add_column(_("Source"))
    table.add_column(_("mg/100 g"), justify="right")
    table.add_column(_("kcal/100 g"), justify="right")
    for index, row in enumerate(rows, start=1):
        table.add_row(
            Text(str(index)),
            Text(row.description),
            Text(f"{row.dataset} {row.source_id}"),
            _num(row.mg_per_100g),
            _num(row.kcal_per_100g),
        )
    console.print(table)
    sources = [
        _("{name} ({source})").format(
            name=found.food.name.get(lang), source=f"{found.row.dataset} {found.row.source_id}"
        )
        for found in found_via
        if found.row is not None
    ]
    if sources:
        console.print(
            Text(
                _(
                    "No row of the full tables has the word “{query}”: they name foods in "
                    "English. Found through mgcheck's own table: {foods}."
                ).format(query=query, foods="; ".join(sources)),
                style="dim",
            )
        )
    _print_tries(console, found_via)
    shown = _shown_line(len(rows), matched) if matched else None
    if shown:
        console.print(Text(shown, style="dim"))
    if by is RankBy.SERVING:
        console.print(
            Text(_("The full tables have no servings; ranked per 100 g instead."), style="dim")
        )
    console.print(
        Text(_("Data: {attribution}.").format(attribution=COMPOSITION_ATTRIBUTION), style="dim")
    )


def _print_tries(console: Console, found_via: Sequence[FoundVia]) -> None:
    tries = dict(pair for found in found_via for pair in found.tries)
    if not tries:
        return
    console.print(
        Text(
            _("English words to try: {searches}.").format(
                searches=", ".join(
                    (
                        _("--search “{words}” (1 food)")
                        if n == 1
                        else _("--search “{words}” ({n} foods)")
                    ).format(words=words, n=n)
                    for words, n in tries.items()
                )
            ),
            style="dim",
        )
    )


def composition_json(
    rows: Sequence[CompositionRow],
    matched: int,
    query: str,
    by: RankBy,
    found_via: Sequence[FoundVia] = (),
) -> None:
    lang = current()
    payload: outputs.CompositionPayload = {
        "query": {"search": query, "by": by.value},
        "matched": matched,
        "shown": len(rows),
        "attribution": COMPOSITION_ATTRIBUTION,
        "foods": [
            {
                "dataset": row.dataset,
                "id": row.source_id,
                "description": row.description,
                "food_group": row.food_group,
                "mg_per_100g": row.mg_per_100g,
                "kcal_per_100g": row.kcal_per_100g,
            }
            for row in rows
        ],
        "found_via": [
            {
                "id": found.food.id,
                "name": found.food.name.get(lang),
                "source": {
                    "dataset": found.food.source.dataset.value,
                    "id": found.food.source.id,
                },
                "searches": [{"search": words, "matched": n} for words, n in found.tries],
            }
            for found in found_via
        ],
    }
    write_json("composition", payload)
