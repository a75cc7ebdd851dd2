"""The command line: thin Typer commands that parse, call the rules and hand results to a renderer.

Help strings are translated when this module is imported, so the language must already be set
(``mgcheck.__main__`` does that from ``--lang`` and the environment).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from mgcheck.cli.diary import diary_app
from mgcheck.cli.options import (
    JsonOption,
    LangOption,
    StandardOption,
    apply_lang,
    read_label,
)
from mgcheck.errors import ExitCode, MgcheckError
from mgcheck.i18n import _, current
from mgcheck.render.console import error_line
from mgcheck.safetext import shown
from mgcheck.vocab import ARTICLE_DAILY_MG, Group, RankBy, Standard

if TYPE_CHECKING:
    from mgcheck.models.answers import Answers
    from mgcheck.models.assess_data import AssessData


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
app.add_typer(diary_app, name="diary")


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
    apply_lang(lang)
    if ctx.invoked_subcommand is None:
        from mgcheck.render.welcome import print_welcome

        print_welcome()


REPORT_FORMATS = (".md", ".html", ".txt", ".json")


@app.command(
    help=_(
        "The self-check: answer questions (or give an answers file) and get a report to bring "
        "to your doctor, most urgent first. It is not a diagnosis."
    ),
    epilog=_(
        "Examples:  mgcheck assess  ·  mgcheck assess --example > answers.yaml  ·  "
        "mgcheck assess --answers answers.yaml  ·  mgcheck assess --answers - < answers.json  ·  "
        "mgcheck assess --answers answers.yaml --output report.md  ·  "
        "mgcheck assess --answers answers.yaml --json  ·  mgcheck assess --schema"
    ),
)
def assess(
    answers_file: Annotated[
        str | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help=_("Read the answers from a YAML or JSON file; - reads standard input."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            metavar="FILE",
            help=_("Also write the report to FILE: .md, .html, .txt or .json."),
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=_("With --output: replace the file if it exists, without asking.")
        ),
    ] = False,
    example: Annotated[
        bool, typer.Option("--example", help=_("Print a commented example answers file."))
    ] = False,
    schema: Annotated[
        bool, typer.Option("--schema", help=_("Print the JSON Schema of the answers file."))
    ] = False,
    standard: StandardOption = Standard.NNR,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Ask or read the answers, let the rules judge, render the report."""
    apply_lang(lang)
    if example:
        from mgcheck.render.example import example_yaml

        sys.stdout.write(example_yaml())
        return
    if schema:
        import json as json_module

        from mgcheck.models.answers import Answers

        sys.stdout.write(json_module.dumps(Answers.model_json_schema(), indent=2) + "\n")
        return
    if output is not None:
        if output.suffix.lower() not in REPORT_FORMATS:
            raise MgcheckError(
                _("--output: use a file ending in {formats}").format(
                    formats=", ".join(REPORT_FORMATS)
                )
            )
        if not force and (output.exists() or output.is_symlink()):
            force = _may_replace(output)
            if not force:
                typer.echo(_("Nothing written."))
                return
    from mgcheck.store import snapshot

    data = snapshot.assess_data()
    if answers_file is None:
        answers = _interview(data)
    else:
        from mgcheck.store.answers import load_answers

        answers = load_answers(answers_file, data)
    from mgcheck.results.assess import build_report
    from mgcheck.rules.assess import assess as run_rules

    report = build_report(answers, run_rules(answers, data, standard), data, current())
    numbered = {s.key: (n, s) for n, s in enumerate(data.sources.sources, start=1)}
    sources = sorted((numbered[key] for key in report.sources), key=lambda pair: pair[0])
    if output is not None:
        from mgcheck.store.report_file import write_report

        write_report(output, report, sources, replace=force)
    if json:
        from mgcheck.render.console import write_json

        write_json("report", report.to_json())
    else:
        from mgcheck.render.report import print_report

        print_report(report, sources)
        if output is not None:
            typer.echo(_("Report written to {file}.").format(file=shown(output, 200)))


def _may_replace(output: Path) -> bool:
    """Ask before replacing a file (before any question of the self-check); refuse without a
    terminal unless --force."""
    from mgcheck.cli import options as cli_common
    from mgcheck.store.report_file import already_exists

    asker = cli_common.prompter()
    if asker is None:
        raise already_exists(output)
    return asker.confirm(_("{file} already exists. Replace it?").format(file=shown(output, 200)))


def _interview(data: AssessData) -> Answers:
    if sys.stdin is None or not sys.stdin.isatty():
        raise MgcheckError(
            _(
                "no terminal to ask the questions in. Give the answers in a file instead: "
                "mgcheck assess --answers FILE (mgcheck assess --example shows the format)."
            )
        )
    from mgcheck.cli.prompts import Interview
    from mgcheck.models.answers import Answers
    from mgcheck.render.console import stdout_console

    console = stdout_console()
    console.print(
        _(
            "mgcheck asks a few questions (a few minutes). It is not a diagnosis. "
            "Ctrl-C stops at any time; nothing is saved."
        ),
        style="bold",
    )
    interview = Interview(
        data, current(), input, lambda text: console.print(text, markup=False, highlight=False)
    )
    from pydantic import ValidationError

    try:
        return Answers.model_validate(interview.run())
    except ValidationError as exc:  # e.g. a form name with control characters in it
        from mgcheck.store.answers import invalid_answers

        raise invalid_answers(exc, _("your answers")) from None


@app.command(
    help=_(
        "Side effects, danger signs, who must ask a doctor first, upper limits, medicines and "
        "the evidence, most urgent first, each with its sources."
    ),
    epilog=_(
        "Sections: help-now, doctor-first, side-effects, limits, medicines, only-if-low.  "
        "Examples:  mgcheck warnings  ·  mgcheck warnings --section medicines  ·  "
        "mgcheck warnings --section grænser --standard iom  ·  mgcheck warnings --json"
    ),
)
def warnings(
    section: Annotated[
        str | None,
        typer.Option(
            help=_("Show one section, by its name in English or Danish."), show_default=False
        ),
    ] = None,
    standard: StandardOption = Standard.NNR,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Show the guidance panels; the data and its ordering come from data/guidance.yaml."""
    apply_lang(lang)
    from mgcheck.render.guidance import print_warnings, warnings_json
    from mgcheck.rules.guidance import UnknownSection, pick_sections
    from mgcheck.store import snapshot

    guidance = snapshot.guidance()
    limits = snapshot.limits()
    try:
        sections = pick_sections(guidance, section)
    except UnknownSection as exc:
        raise MgcheckError(
            _("no section called '{name}'. Sections: {names}").format(
                name=shown(exc.name, 40), names=", ".join(exc.known)
            )
        ) from None
    (warnings_json if json else print_warnings)(sections, guidance, limits, standard)


@app.command(
    help=_(
        "Turn the amount on a supplement label into elemental magnesium, per unit and per day, "
        "and set it against the upper limits."
    ),
    epilog=_(
        "Examples:  mgcheck dose citrate 400  ·  mgcheck dose magnesiumcitrat 400 --per-day 2  ·  "
        "mgcheck dose citrat nonahydrat 1,5 g  ·  mgcheck dose bisglycinat 100 --elemental  ·  "
        "mgcheck dose glycinat 800 oxid 200  ·  mgcheck dose citrat 400 --maybe-elemental  ·  "
        "mgcheck dose oxid 500 --standard iom  ·  mgcheck dose --list"
    ),
)
def dose(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FORM AMOUNT",
            help=_(
                "The form on the label, in Danish or English (citrat, oxide, glycinate, ...), "
                "then the amount per tablet or dose (400, 400mg, 1,5 g)."
            ),
            show_default=False,
        ),
    ] = None,
    per_day: Annotated[
        int, typer.Option("--per-day", min=1, max=24, help=_("Tablets or doses a day."))
    ] = 1,
    elemental: Annotated[
        bool,
        typer.Option(
            "--elemental", help=_("The amount is already elemental magnesium, as labels often say.")
        ),
    ] = False,
    maybe_elemental: Annotated[
        bool,
        typer.Option(
            "--maybe-elemental",
            help=_(
                "You do not know whether the amount is magnesium itself: show both readings "
                "and judge on the higher one."
            ),
        ),
    ] = False,
    age: Annotated[
        int | None,
        typer.Option(
            min=0, max=130, help=_("Age in years (default: an adult)."), show_default=False
        ),
    ] = None,
    list_forms: Annotated[
        bool, typer.Option("--list", help=_("List every form with its share of magnesium."))
    ] = False,
    standard: StandardOption = Standard.NNR,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Convert a label amount; every medical judgement is made in mgcheck.rules."""
    apply_lang(lang)
    from mgcheck.store import snapshot

    forms = snapshot.forms()
    if list_forms:
        if words:
            raise MgcheckError(_("--list takes no form or amount."))
        from mgcheck.render.dose import forms_json, print_forms

        (forms_json if json else print_forms)(forms)
        return
    from mgcheck.rules.dose import split_parts

    try:
        parts = split_parts(words or [])
    except ValueError:
        raise MgcheckError(
            _("give a form and an amount, e.g. mgcheck dose citrate 400, or use --list.")
        ) from None
    if elemental and maybe_elemental:
        raise MgcheckError(_("--elemental and --maybe-elemental do not go together."))
    if maybe_elemental and len(parts) > 1:
        raise MgcheckError(_("--maybe-elemental takes one form and one amount."))
    from mgcheck.render.dose import dose_json, print_dose
    from mgcheck.rules.dose import both_readings_dose, combine_doses, elemental_dose
    from mgcheck.rules.limits import ADULT_AGE, dose_standard, judge

    doses = []
    for form, amount in parts:
        match, amount_mg = read_label(forms, form, amount, elemental=elemental or maybe_elemental)
        if maybe_elemental:
            doses.append(both_readings_dose(forms, match, amount_mg, per_day))
        else:
            doses.append(elemental_dose(match, amount_mg, per_day, elemental))
    result = combine_doses(doses)
    limits = snapshot.limits()
    years = ADULT_AGE if age is None else age
    verdict = judge(
        limits,
        dose_standard(limits, standard, years),
        years,
        result.per_day_low,
        result.per_day_high,
    )
    (dose_json if json else print_dose)(result, verdict, limits, years)


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
    apply_lang(lang)
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

        rows, matched = search_composition(load_composition(), search, by, top)
        (composition_json if json else print_composition)(rows, matched, search, by)
        return

    from mgcheck.render.foods import foods_json, print_foods
    from mgcheck.rules.foods import FoodsQuery, rank_foods
    from mgcheck.store import snapshot

    if foods_file is None:
        table = snapshot.foods()
    else:
        from mgcheck.store.datafiles import load_foods

        table = load_foods(foods_file)
    query = FoodsQuery(
        by=by, group=group, search=search, article_only=article, top=top, target_mg=target
    )
    result = rank_foods(table.foods, query)
    (foods_json if json else print_foods)(result)


@app.command(
    help=_("List every source mgcheck's guidance rests on, numbered, with title, year and URL."),
    epilog=_(
        "Examples:  mgcheck sources  ·  mgcheck sources nnr2023 aasm2024  ·  mgcheck sources --json"
    ),
)
def sources(
    keys: Annotated[
        list[str] | None,
        typer.Argument(
            help=_("Only these source keys (as the panels name them)."), show_default=False
        ),
    ] = None,
    json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    apply_lang(lang)
    from mgcheck.render.guidance import print_sources, sources_json
    from mgcheck.store import snapshot

    entries = list(enumerate(snapshot.sources().sources, start=1))
    if keys:
        unknown = [k for k in keys if k not in {s.key for _n, s in entries}]
        if unknown:
            raise MgcheckError(
                _("unknown source key: {keys}. Run mgcheck sources for the list.").format(
                    keys=", ".join(shown(key, 40) for key in unknown[:5])
                )
            )
        entries = [(n, s) for n, s in entries if s.key in keys]
    (sources_json if json else print_sources)(entries)
