"""`mgcheck dose`: a supplement label as elemental magnesium, against the limits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mgcheck.cli.options import JsonOption, StandardOption, context, read_label, with_lang
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.rules.understand import LabelPart

commands = typer.Typer()  # read by mgcheck.cli.app, which lists these commands (COMMANDS)


@commands.command(
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
@with_lang
def dose(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar=_("FORM AMOUNT"),
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
) -> None:
    """Convert a label amount; every medical judgement is made in mgcheck.rules."""
    from mgcheck.store import snapshot

    forms = snapshot.forms()
    if list_forms:
        if words:
            raise MgcheckError(_("--list takes no form or amount."))
        from mgcheck.render.dose import forms_json, print_forms
        from mgcheck.results.dose import forms_list

        (forms_json if json else print_forms)(forms_list(forms))
        return
    parts = _label_parts(words or [])
    if elemental and maybe_elemental:
        raise MgcheckError(_("--elemental and --maybe-elemental do not go together."))
    if maybe_elemental and len(parts) > 1:
        raise MgcheckError(_("--maybe-elemental takes one form and one amount."))
    from mgcheck.render.dose import dose_json, print_dose
    from mgcheck.results.dose import judged
    from mgcheck.rules.dose import both_readings_dose, combine_doses, elemental_dose

    doses = []
    for part in parts:
        # The flags override what the label's words say; "?" on the label means both readings.
        as_printed = "elemental" if elemental else part.reading
        both = maybe_elemental or as_printed == "unknown"
        if len(parts) > 1 and both:
            raise MgcheckError(_("--maybe-elemental takes one form and one amount."))
        is_elemental = as_printed == "elemental"
        match, amount_mg = read_label(
            forms, part.form or "", part.amount, elemental=is_elemental or both
        )
        if both:
            doses.append(both_readings_dose(forms, match, amount_mg, per_day))
        else:
            doses.append(elemental_dose(match, amount_mg, per_day, is_elemental))
    result = judged(combine_doses(doses), snapshot.limits(), standard, age)
    (dose_json if json else print_dose)(result)


def _label_parts(words: list[str]) -> tuple[LabelPart, ...]:
    """The label as printed, part by part: ``magnesium 100 mg`` and ``bisglycinat 100 mg
    elementært`` are magnesium itself, ``citrat 400`` the compound (rules/understand)."""
    from mgcheck.cli import messages
    from mgcheck.rules.dose import InvalidAmount
    from mgcheck.rules.understand import LabelReading, read_label_words
    from mgcheck.store import snapshot

    reading = read_label_words(words, snapshot.words())
    if isinstance(reading, LabelReading):
        return reading.parts
    amount = {"format": "format", "thousands": "ambiguous", "range": "range"}.get(reading.reason)
    if amount is not None and reading.pieces:
        problem = InvalidAmount(reading.pieces[0], amount)  # type: ignore[arg-type]
        raise MgcheckError(messages.amount(problem, context().t))
    raise MgcheckError(
        _("give a form and an amount, e.g. mgcheck dose citrate 400, or use --list.")
    )
