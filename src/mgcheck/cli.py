"""The command line: thin Typer commands that parse, call the rules and hand results to a renderer.

Help strings are translated when this module is imported, so the language must already be set
(``mgcheck.__main__`` does that from ``--lang`` and the environment).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mgcheck.errors import ExitCode, MgcheckError
from mgcheck.i18n import _, set_language
from mgcheck.output import error_line
from mgcheck.vocab import ARTICLE_DAILY_MG, Group, RankBy


class Lang(str, Enum):
    da = "da"
    en = "en"


class MgcheckGroup(TyperGroup):
    """Turns expected errors into one line and an exit code; tracebacks only with --debug."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MgcheckError as exc:
            error_line(exc.message)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            # Usage errors (Click's exceptions are TyperExceptions) keep Typer's own handling.
            raise
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            if isinstance(exc, BrokenPipeError):  # the reader went away (| head)
                raise typer.Exit(ExitCode.OK) from None
            error_line(
                _("unexpected error ({kind}). Run again with --debug for details.").format(
                    kind=type(exc).__name__
                )
            )
            raise typer.Exit(ExitCode.INTERNAL_ERROR) from None


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

LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help=_("Language: da or en. Default: MGCHECK_LANG, then the system locale."),
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help=_("Print a versioned JSON document instead of a table.")),
]


def _apply_lang(lang: Lang | None) -> None:
    if lang is not None:
        set_language(lang.value)


def _version_callback(value: bool) -> None:
    if value:
        from mgcheck.meta import installed_version

        typer.echo(f"mgcheck {installed_version()}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main(
    ctx: typer.Context,
    lang: LangOption = None,
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
    _apply_lang(lang)
    if ctx.invoked_subcommand is None:
        from mgcheck.render.welcome import print_welcome

        print_welcome()


@app.command(
    help=_("Show foods rich in magnesium, ranked, with servings and sources."),
    epilog=_(
        "Examples:  mgcheck foods  ·  mgcheck foods --group nuts_seeds --top 5  ·  "
        "mgcheck foods --search rugbrød  ·  mgcheck foods --by energy --article  ·  "
        "mgcheck foods --all --search rye  ·  mgcheck foods --json"
    ),
)
def foods(
    by: Annotated[
        RankBy,
        typer.Option(
            help=_("Rank by mg per serving, per 100 g, or per 100 kcal (energy)."),
            case_sensitive=False,
        ),
    ] = RankBy.SERVING,
    group: Annotated[
        Group | None,
        typer.Option(help=_("Only foods of this group."), case_sensitive=False, show_default=False),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            help=_("Find foods by Danish or English name, ignoring case and accents."),
            show_default=False,
        ),
    ] = None,
    article: Annotated[
        bool, typer.Option("--article", help=_("Only the foods the article names."))
    ] = False,
    top: Annotated[
        int, typer.Option(min=0, help=_("Show at most this many foods; 0 shows all."))
    ] = 20,
    target: Annotated[
        float,
        typer.Option(
            min=1,
            max=2000,
            help=_("Daily amount in mg to compare each serving with (the article: about 300)."),
        ),
    ] = ARTICLE_DAILY_MG,
    all_tables: Annotated[
        bool,
        typer.Option(
            "--all",
            help=_("With --search: look in the full USDA and Fineli tables (9,453 foods)."),
        ),
    ] = False,
    foods_file: Annotated[
        Path | None,
        typer.Option(
            "--foods",
            help=_("Use your own food table (same format as data/foods.yaml)."),
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Rank the curated food table, or search the full composition tables with --all."""
    _apply_lang(lang)
    if all_tables:
        if not search:
            raise MgcheckError(_("--all needs --search TEXT: the full tables hold 9,453 foods."))
        if foods_file is not None:
            raise MgcheckError(
                _("--foods and --all do not go together: --all reads the full tables.")
            )
        from mgcheck.composition import load_composition
        from mgcheck.render.foods import composition_json, print_composition
        from mgcheck.rules.foods import search_composition

        rows, matched = search_composition(load_composition(), search, by, top)
        (composition_json if json else print_composition)(rows, matched, search, by)
        return

    from mgcheck.datafiles import load_foods
    from mgcheck.render.foods import foods_json, print_foods
    from mgcheck.rules.foods import FoodsQuery, rank_foods

    table = load_foods(foods_file)
    query = FoodsQuery(
        by=by, group=group, search=search, article_only=article, top=top, target_mg=target
    )
    result = rank_foods(table.foods, query)
    (foods_json if json else print_foods)(result)
