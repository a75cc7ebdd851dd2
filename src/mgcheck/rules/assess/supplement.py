"""The supplement as elemental magnesium a day, however much of its label is known."""

from __future__ import annotations

from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import AssessData
from mgcheck.rules.dose import (
    Dose,
    FormProblem,
    any_form_dose,
    both_readings_dose,
    elemental_dose,
    resolve_form,
)

UNKNOWN_FORM_WORDS = ("unknown", "ved ikke", "ukendt", "don't know", "dont know")


def _is_unknown_form(name: str) -> bool:
    return name.strip().casefold() in UNKNOWN_FORM_WORDS


def supplement_dose(answers: Answers, data: AssessData) -> Dose | None:
    """Elemental magnesium a day from the supplement, as a range where the label leaves doubt.

    An unknown form spans every form's share of magnesium, and an unknown "is it elemental?"
    spans both readings; safety is judged on the high end (issue 9, point 13).
    """
    supplement = answers.magnesium
    if supplement is None:
        return None
    amount, per_day = supplement.amount_mg, supplement.per_day
    if supplement.elemental is True:
        return elemental_dose(None, amount, per_day, elemental=True)
    match = None
    if not _is_unknown_form(supplement.form):
        try:
            match = resolve_form(data.forms, supplement.form)
        except FormProblem:
            match = None  # judged as any form, on the high end
    if supplement.elemental == "unknown":
        return both_readings_dose(data.forms, match, amount, per_day)
    if match is None:
        return any_form_dose(data.forms, amount, per_day)
    return elemental_dose(match, amount, per_day)


def form_problem(answers: Answers, data: AssessData) -> FormProblem | None:
    """Why the supplement's form cannot be read, for the answers loader to report."""
    supplement = answers.magnesium
    if supplement is None or supplement.elemental is True or _is_unknown_form(supplement.form):
        return None
    try:
        resolve_form(data.forms, supplement.form)
    except FormProblem as exc:
        return exc
    return None
