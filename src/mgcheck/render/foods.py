"""`mgcheck foods` as a Rich table or a JSON document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from mgcheck.i18n import _, current, format_number
from mgcheck.render.console import stdout_console, write_json
from mgcheck.rules.foods import CompositionRow, FoodRow, FoodsResult
from mgcheck.vocab import COMPOSITION_ATTRIBUTION, RankBy

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


def print_foods(result: FoodsResult) -> None:
    lang = current()
    console = stdout_console()
    if not result.rows:
        console.print(_("No food matches. Try a shorter word, another --group, or --all --search."))
        return
    target = format_number(result.query.target_mg)
    table = Table(
        title=_rank_title(result.query.by),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("#", justify="right")
    table.add_column(_("Food"))
    table.add_column(_("Serving"))
    for header in (
        _("mg"),
        _("mg/100 g"),
        _("mg/100\nkcal"),
        _("% of\n{target} mg").format(target=target),
        _("servings\nto {target} mg").format(target=target),
    ):
        table.add_column(header, justify="right", no_wrap=True)
    notes: list[FoodRow] = []
    for index, row in enumerate(result.rows, start=1):
        food = row.food
        name = Text(food.name.get(lang))
        if food.in_article:
            name.append(ARTICLE_MARK)
        if food.note is not None:
            notes.append(row)
            name.append(NOTE_MARK * len(notes))
        table.add_row(
            Text(str(index)),
            name,
            Text(food.serving.label.get(lang)),
            _num(row.mg_per_serving),
            _num(food.mg_per_100g),
            _num(row.mg_per_100kcal),
            _num(row.pct_of_target),
            _num(row.servings_to_target, 1),
        )
    console.print(table)
    footer = [
        _("mg: magnesium in one serving. {mark} named in the article.").format(mark=ARTICLE_MARK)
    ]
    for number, row in enumerate(notes, start=1):
        note = row.food.note
        assert note is not None
        footer.append(f"{NOTE_MARK * number} {row.food.name.get(lang)}: {note.get(lang)}")
    shown = _shown_line(len(result.rows), result.matched)
    if shown:
        footer.append(shown)
    footer.append(
        _("Values per 100 g from USDA SR28 and Fineli release 20; servings are mgcheck's own.")
    )
    for line in footer:
        console.print(Text(line, style="dim"))


def foods_json(result: FoodsResult) -> None:
    lang = current()
    rows: list[dict[str, Any]] = []
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
    write_json(
        "foods",
        {
            "query": {
                "by": query.by.value,
                "group": None if query.group is None else query.group.value,
                "search": query.search,
                "article": query.article_only,
                "top": query.top,
                "target_mg": query.target_mg,
            },
            "matched": result.matched,
            "shown": len(rows),
            "foods": rows,
        },
    )


def print_composition(rows: Sequence[CompositionRow], matched: int, query: str, by: RankBy) -> None:
    console = stdout_console()
    if not rows:
        console.print(
            _("No food in the full tables matches “{query}”. Try another word.").format(query=query)
        )
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
    shown = _shown_line(len(rows), matched)
    if shown:
        console.print(Text(shown, style="dim"))
    if by is RankBy.SERVING:
        console.print(
            Text(_("The full tables have no servings; ranked per 100 g instead."), style="dim")
        )
    console.print(
        Text(_("Data: {attribution}.").format(attribution=COMPOSITION_ATTRIBUTION), style="dim")
    )


def composition_json(rows: Sequence[CompositionRow], matched: int, query: str, by: RankBy) -> None:
    write_json(
        "composition",
        {
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
        },
    )
