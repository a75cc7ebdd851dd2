"""Every domain exception as the one line a person reads: the wording lives here only.

The rules, the models and the store raise what went wrong as data (``UnknownForm`` with its
suggestions, ``InvalidNight`` with its kind, ...); the commands turn it into an
:class:`~mgcheck.errors.MgcheckError` with :func:`error`, which asks this module for the words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mgcheck.errors import MgcheckError
from mgcheck.i18n import Translator
from mgcheck.safetext import shown

if TYPE_CHECKING:
    from mgcheck.models.diary import InvalidNight
    from mgcheck.rules.dose import FormProblem, InvalidAmount
    from mgcheck.rules.guidance import UnknownSection


def error(text: str) -> MgcheckError:
    return MgcheckError(text)


def amount(exc: InvalidAmount, t: Translator) -> str:
    """An amount on a label (``dose``, ``diary add --amount``) that cannot be read."""
    text = shown(exc.text, 40)
    if exc.reason == "ambiguous":
        return t(
            "'{text}' could be a thousand or one: write the amount without a thousands "
            "separator, e.g. 1000 or 1,5."
        ).format(text=text)
    if exc.reason == "range":
        return t("'{text}' must be more than 0 and at most 100 g per unit.").format(text=text)
    return t("'{text}' is not an amount. Write e.g. 400, 400mg or 1,5g.").format(text=text)


def form_on_label(problem: FormProblem, t: Translator) -> str:
    """A form named on the command line (``dose``, ``diary add --form``)."""
    from mgcheck.rules.dose import NeedsElemental, NoSuchHydrate, UnknownForm

    if isinstance(problem, UnknownForm):
        names = ", ".join(f.name.get(t.lang) for f in problem.suggestions)
        query = shown(problem.query, 40)
        if names:
            return t(
                "unknown form '{query}'. Did you mean: {names}? See mgcheck dose --list."
            ).format(query=query, names=names)
        return t("unknown form '{query}'. See mgcheck dose --list.").format(query=query)
    if isinstance(problem, NeedsElemental):
        return (
            problem.entry.note.get(t.lang)
            + " "
            + t(
                "Give the amount of magnesium the label states, with --elemental: "
                "mgcheck dose {form} 100 mg --elemental"
            ).format(form=problem.query)
        )
    assert isinstance(problem, NoSuchHydrate)
    return t("{form} has no such hydrate in mgcheck's list. Its variants: {variants}").format(
        form=problem.form.name.get(t.lang),
        variants=", ".join(v.label.get(t.lang) for v in problem.form.variants),
    )


def form_in_answers(problem: FormProblem, file: str, t: Translator) -> str:
    """A form named in an answers file: the file and key first, as for every answers problem."""
    from mgcheck.rules.dose import NeedsElemental, NoSuchHydrate, UnknownForm

    if isinstance(problem, UnknownForm):
        hint = ", ".join(f.id for f in problem.suggestions)
        detail = t("unknown form '{form}'").format(form=shown(problem.query))
        if hint:
            detail += " " + t("(did you mean: {names}?)").format(names=hint)
    elif isinstance(problem, NeedsElemental):
        detail = (
            problem.entry.note.get(t.lang)
            + " "
            + t("Give the amount of magnesium the label states, with elemental: true.")
        )
    else:
        assert isinstance(problem, NoSuchHydrate)
        detail = t("{form} has no such hydrate").format(form=problem.form.id)
    return f"{file}: magnesium.form: {detail}"


def night(exc: InvalidNight, option: str, text: str, t: Translator) -> str:
    """A night on the command line (``--date``, ``--since``, ``NIGHT``, ...)."""
    if exc.kind == "early":
        message = t("{option}: '{text}' is before 1900-01-01; is the year right?")
    elif exc.kind == "future":
        message = t(
            "{option}: '{text}' is in the future; a night is named by the date of its evening."
        )
    else:
        message = t("{option}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25.")
    return message.format(option=option, text=shown(text, 40))


def unknown_section(exc: UnknownSection, t: Translator) -> str:
    return t("no section called '{name}'. Sections: {names}").format(
        name=shown(exc.name, 40), names=", ".join(exc.known)
    )


def unknown_schema(kind: str, known: list[str], t: Translator) -> str:
    return t("no schema called '{name}'. Schemas: {names}").format(
        name=shown(kind, 40), names=", ".join(known)
    )


# --- the diary and its trial (issues 12 and 13) ----------------------------------------------


def value_names(t: Translator) -> dict[str, str]:
    """What each number on the diary's command lines is, for the line that refuses it."""
    return {
        "--legs": t("the leg score"),
        "--sleep": t("the sleep score"),
        "--magnesium": t("the magnesium taken (mg)"),
        "--period": t("the period length in nights"),
        "--pairs": t("the number of pairs"),
        "--washout": t("the washout in nights"),
        "--seed": t("the seed"),
        "--matters": t("the difference that would matter (points)"),
        "--plan": t("the plan number"),
    }


def value(option: str, text: str, low: float, high: float, whole: bool, t: Translator) -> str:
    """A number on the command line that is not one, or out of range: in the user's language,
    with the range ("--legs: benscore skal være et helt tal fra 0 til 10 (ikke '6,5')")."""
    what = value_names(t).get(option, option)
    message = (
        t("{option}: {what} must be a whole number from {low} to {high} (not '{text}').")
        if whole
        else t("{option}: {what} must be a number from {low} to {high} (not '{text}').")
    )
    decimals = 0 if whole or (low == int(low) and high == int(high)) else 1
    return message.format(
        option=option,
        what=what,
        low=t.number(low, decimals),
        high=t.number(high, decimals),
        text=shown(text, 40),
    )


def label_not_read(text: str, t: Translator) -> str:
    """``--form``/``--amount`` (or ``--dose``) that are not a form and an amount."""
    return t(
        "'{text}' is not a label mgcheck can read. Write the form and the amount as the label "
        "prints them, e.g. magnesiumcitrat 400 mg, magnesium 100 mg or bisglycinat 100 mg "
        "elementært."
    ).format(text=shown(text, 60))
