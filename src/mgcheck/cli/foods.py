"""`mgcheck foods`: foods rich in magnesium, ranked; the full tables with --all."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mgcheck.cli.options import JsonOption
from mgcheck.cli.types import number
from mgcheck.errors import MgcheckError
from mgcheck.i18n import N_, _, current
from mgcheck.vocab import ARTICLE_DAILY_MG, FoodGroup, RankBy

if TYPE_CHECKING:
    from mgcheck.rules.foods import FoundVia

commands = typer.Typer()  # read by mgcheck.cli.app, which lists these commands (COMMANDS)


@commands.command(
    help=N_("Show foods rich in magnesium, ranked, with servings and sources."),
    epilog=N_(
        "Examples:  mgcheck foods  ·  mgcheck foods --group nuts_seeds --top 5  ·  "
        "mgcheck foods --search rugbrød  ·  mgcheck foods --by energy --article  ·  "
        "mgcheck foods --all --search rye  ·  mgcheck foods --json"
    ),
)
def foods(
    by: Annotated[
        RankBy,
        typer.Option(
            help=N_("Rank by mg per serving, per 100 g, or per 100 kcal (energy)."),
            case_sensitive=False,
        ),
    ] = RankBy.SERVING,
    group: Annotated[
        str | None,
        typer.Option(
            metavar=N_("GROUP"),
            help=N_(
                "Only foods of this group: nuts, legumes, whole grains, vegetables, fish, dairy, "
                "fruit or other (the keys nuts_seeds, whole_grains work too)."
            ),
            show_default=False,
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            help=N_("Find foods by Danish or English name, ignoring case and accents."),
            show_default=False,
        ),
    ] = None,
    article: Annotated[
        bool, typer.Option("--article", help=N_("Only the foods the article names."))
    ] = False,
    top: Annotated[
        int, number(N_("Show at most this many foods; 0 shows all."), 0, whole=True)
    ] = 20,
    target: Annotated[
        float,
        number(
            N_("Daily amount in mg to compare each serving with (the article: about 300)."),
            1,
            2000,
            quantity="mg",
        ),
    ] = ARTICLE_DAILY_MG,
    all_tables: Annotated[
        bool,
        typer.Option(
            "--all",
            help=N_("With --search: look in the full USDA and Fineli tables (9,453 foods)."),
        ),
    ] = False,
    foods_file: Annotated[
        Path | None,
        typer.Option(
            "--foods",
            help=N_("Use your own food table (same format as data/foods.yaml)."),
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Rank the curated food table, or search the full composition tables with --all."""
    if all_tables:
        if not search:
            raise MgcheckError(_("--all needs --search TEXT: the full tables hold 9,453 foods."))
        if foods_file is not None:
            raise MgcheckError(
                _("--foods and --all do not go together: --all reads the full tables.")
            )
        from mgcheck.render.foods import composition_json, print_composition
        from mgcheck.rules.foods import search_composition
        from mgcheck.store.composition import load_composition

        full = load_composition()
        rows, matched = search_composition(full, search, by, top)
        found_via: list[FoundVia] = []
        if not matched:  # a Danish name, say: the tables are English (and Finnish)
            from mgcheck.rules.foods import found_via_curated
            from mgcheck.store import snapshot

            found_via = found_via_curated(snapshot.foods().foods, full, search)
            rows = [found.row for found in found_via if found.row is not None]
        (composition_json if json else print_composition)(rows, matched, search, by, found_via)
        return

    from mgcheck.render.foods import foods_json, print_foods
    from mgcheck.rules.foods import FoodsQuery, rank_foods
    from mgcheck.store import snapshot

    if foods_file is None:
        table = snapshot.foods()
    else:
        from mgcheck.cli import messages
        from mgcheck.store.datafiles import load_foods
        from mgcheck.store.validation import InvalidData

        try:
            table = load_foods(foods_file)
        except InvalidData as exc:
            raise MgcheckError(messages.invalid_data(exc)) from None
    query = FoodsQuery(
        by=by,
        group=None if group is None else _group(group),
        search=search,
        article_only=article,
        top=top,
        target_mg=target,
    )
    result = rank_foods(table.foods, query)
    (foods_json if json else print_foods)(result)


def _group(name: str) -> FoodGroup:
    """``--group`` by any name of data/words.yaml, Danish or English."""
    from mgcheck.cli import messages
    from mgcheck.rules.foods import find_group
    from mgcheck.store import snapshot

    groups = snapshot.words().food_groups
    found = find_group(name, {value: p.every() for value, p in groups.items()})
    if found is None:
        names = [getattr(p, current())[0] for p in groups.values()]
        raise MgcheckError(messages.unknown_group(name, names))
    return found
