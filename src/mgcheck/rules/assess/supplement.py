"""The supplement as elemental magnesium a day, however much of its label is known."""

from __future__ import annotations

from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import AssessData
from mgcheck.rules.dose import Dose, FormProblem, resolve_form
from mgcheck.rules.label import read_supplement

UNKNOWN_FORM_WORDS = ("unknown", "ved ikke", "ukendt", "don't know", "dont know")


def _is_unknown_form(name: str) -> bool:
    return name.strip().casefold() in UNKNOWN_FORM_WORDS


def supplement_dose(answers: Answers, data: AssessData) -> Dose | None:
    """Elemental magnesium a day from the supplement, as a range where the label leaves doubt,
    read by the one label reader (rules/label.py) as `dose` and the diary read the same label.

    An unknown form spans every form's share of magnesium, and an unknown "is it elemental?"
    spans both readings; safety is judged on the high end (issue 9, point 13).
    """
    supplement = answers.magnesium
    if supplement is None:
        return None
    form = "" if _is_unknown_form(supplement.form) else supplement.form
    read = read_supplement(form, supplement.amount_mg, supplement.elemental, data.forms)
    return read.day(supplement.per_day)


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
