"""`mgcheck dose`: a supplement label as elemental magnesium, against the limits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mgcheck.cli import messages, options
from mgcheck.cli.options import (
    CompoundOption,
    ElementalOption,
    JsonOption,
    StandardOption,
)
from mgcheck.cli.types import number
from mgcheck.errors import MgcheckError
from mgcheck.i18n import N_, _
from mgcheck.rules.dose import MAX_PER_DAY
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.rules.label import LabelDose, Said

commands = typer.Typer()  # read by mgcheck.cli.app, which lists these commands (COMMANDS)


@commands.command(
    help=N_(
        "Turn the amount on a supplement label into elemental magnesium, per unit and per day, "
        "and set it against the upper limits."
    ),
    epilog=N_(
        "Examples:  mgcheck dose magnesium 100 mg  ·  mgcheck dose Magnesium citrate 150 mg 2 a "
        "day  ·  mgcheck dose magnesium citrate 400 --compound --per-day 2  ·  mgcheck dose "
        "citrate nonahydrate 1.5 g  ·  mgcheck dose bisglycinate 100 --elemental  ·  mgcheck "
        "dose glycinate 800 oxide 200 --compound  ·  mgcheck dose citrate 400 --maybe-elemental"
        "  ·  mgcheck dose oxide 500 --compound --standard iom  ·  mgcheck dose --list"
    ),
)
def dose(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar=N_("FORM AMOUNT"),
            help=N_(
                "The label as printed: the form, in Danish or English (citrat, oxide, "
                "glycinate, ...), then the amount per tablet or dose (400, 400mg, 1,5 g), and "
                "how many a day if you like (2 om dagen)."
            ),
            show_default=False,
        ),
    ] = None,
    per_day: Annotated[
        int | None,
        number(
            N_("Tablets or doses a day (default 1)."),
            1,
            MAX_PER_DAY,
            whole=True,
            quantity="per_day",
            show_default=False,
        ),
    ] = None,
    elemental: ElementalOption = False,
    compound: CompoundOption = False,
    maybe_elemental: Annotated[
        bool,
        typer.Option(
            "--maybe-elemental",
            help=N_(
                "You do not know whether the amount is magnesium itself: show both readings "
                "and judge on the higher one."
            ),
        ),
    ] = False,
    age: Annotated[
        int | None,
        number(
            N_("Age in years (default: an adult)."),
            0,
            130,
            whole=True,
            quantity="years",
            show_default=False,
        ),
    ] = None,
    list_forms: Annotated[
        bool, typer.Option("--list", help=N_("List every form with its share of magnesium."))
    ] = False,
    standard: StandardOption = Standard.NNR,
    json: JsonOption = False,
) -> None:
    """Read the label with the one label reader (rules/label.py); every medical judgement is
    made in mgcheck.rules. A label that does not say whether its amount is magnesium itself is
    asked about at a terminal, and read both ways elsewhere."""
    from mgcheck.store import snapshot

    forms = snapshot.forms()
    if list_forms:
        if words:
            raise MgcheckError(_("--list takes no form or amount."))
        from mgcheck.render.dose import forms_json, print_forms
        from mgcheck.results.dose import forms_list

        (forms_json if json else print_forms)(forms_list(forms))
        return
    said = _said(elemental, compound, maybe_elemental)
    read = read_label_words(words or [], said)
    if read.per_day is not None and per_day is not None and read.per_day != per_day:
        raise MgcheckError(messages.count_twice(read.per_day, per_day))
    if read.open and not json:
        asker = options.prompter()
        if asker is not None:
            read = asker.settle_label(read, forms)
    from mgcheck.render.dose import dose_json, print_dose
    from mgcheck.results.dose import judged

    count = per_day or read.per_day or 1
    result = judged(read.day(count), snapshot.limits(), standard, age)
    (dose_json if json else print_dose)(result)


def _said(elemental: bool, compound: bool, maybe: bool) -> Said | None:
    """What the flags say the label's amount is; at most one of them."""
    given = [
        name
        for name, on in (
            ("--elemental", elemental),
            ("--compound", compound),
            ("--maybe-elemental", maybe),
        )
        if on
    ]
    if len(given) > 1:
        raise MgcheckError(messages.not_together(given[0], given[1]))
    return "elemental" if elemental else "compound" if compound else "unknown" if maybe else None


def read_label_words(words: list[str], said: Said | None) -> LabelDose:
    """The label as printed, read by the one label reader; each problem is one clear error."""
    from mgcheck.cli import messages
    from mgcheck.rules.dose import FormProblem, InvalidAmount
    from mgcheck.rules.label import read_label
    from mgcheck.rules.understand import NotUnderstood
    from mgcheck.store import snapshot

    try:
        read = read_label(words, snapshot.forms(), snapshot.words(), said=said)
    except FormProblem as exc:
        raise MgcheckError(messages.form_on_label(exc)) from None
    if not isinstance(read, NotUnderstood):
        return read
    amount = {"format": "format", "thousands": "ambiguous", "range": "range"}.get(read.reason)
    if amount is not None and read.pieces:
        problem = InvalidAmount(read.pieces[0], amount)  # type: ignore[arg-type]
        raise MgcheckError(messages.amount(problem))
    raise MgcheckError(
        _("give a form and an amount, e.g. mgcheck dose citrate 400, or use --list.")
    )
