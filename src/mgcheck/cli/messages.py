"""Every domain exception as the one line a person reads: the wording lives here only.

The rules, the models and the store raise what went wrong as data (``UnknownForm`` with its
suggestions, ``InvalidNight`` with its kind, ...); the commands turn it into an
:class:`~mgcheck.errors.MgcheckError` with :func:`error`, which asks this module for the words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _, current, format_number
from mgcheck.safetext import shown

if TYPE_CHECKING:
    from mgcheck.cli.types import OptionRefused
    from mgcheck.models.diary import InvalidNight
    from mgcheck.rules.dose import FormProblem, InvalidAmount
    from mgcheck.rules.guidance import UnknownSection
    from mgcheck.rules.trial import Fault
    from mgcheck.store.validation import InvalidAnswers, InvalidData, Problem


def error(text: str) -> MgcheckError:
    return MgcheckError(text)


def amount(exc: InvalidAmount) -> str:
    """An amount on a label (``dose``, ``diary add --amount``) that cannot be read."""
    text = shown(exc.text, 40)
    if exc.reason == "ambiguous":
        return _(
            "'{text}' could be a thousand or one: write the amount without a thousands "
            "separator, e.g. 1000 or 1,5."
        ).format(text=text)
    if exc.reason == "range":
        return _("'{text}' must be more than 0 and at most 100 g per unit.").format(text=text)
    return _("'{text}' is not an amount. Write e.g. 400, 400mg or 1,5g.").format(text=text)


def form_on_label(problem: FormProblem) -> str:
    """A form named on the command line (``dose``, ``diary add --form``)."""
    from mgcheck.rules.dose import NeedsElemental, NoSuchHydrate, UnknownForm

    if isinstance(problem, UnknownForm):
        names = ", ".join(f.name.get(current()) for f in problem.suggestions)
        query = shown(problem.query, 40)
        if names:
            return _(
                "unknown form '{query}'. Did you mean: {names}? See mgcheck dose --list."
            ).format(query=query, names=names)
        return _("unknown form '{query}'. See mgcheck dose --list.").format(query=query)
    if isinstance(problem, NeedsElemental):
        return (
            problem.entry.note.get(current())
            + " "
            + _(
                "Give the amount of magnesium the label states, with --elemental: "
                "mgcheck dose {form} 100 mg --elemental"
            ).format(form=problem.query)
        )
    assert isinstance(problem, NoSuchHydrate)
    return _("{form} has no such hydrate in mgcheck's list. Its variants: {variants}").format(
        form=problem.form.name.get(current()),
        variants=", ".join(v.label.get(current()) for v in problem.form.variants),
    )


def form_in_answers(problem: FormProblem, file: str) -> str:
    """A form named in an answers file: the file and key first, as for every answers problem."""
    from mgcheck.rules.dose import NeedsElemental, NoSuchHydrate, UnknownForm

    if isinstance(problem, UnknownForm):
        hint = ", ".join(f.id for f in problem.suggestions)
        detail = _("unknown form '{form}'").format(form=shown(problem.query))
        if hint:
            detail += " " + _("(did you mean: {names}?)").format(names=hint)
    elif isinstance(problem, NeedsElemental):
        detail = (
            problem.entry.note.get(current())
            + " "
            + _("Give the amount of magnesium the label states, with elemental: true.")
        )
    else:
        assert isinstance(problem, NoSuchHydrate)
        detail = _("{form} has no such hydrate").format(form=problem.form.id)
    return f"{file}: magnesium.form: {detail}"


def night(exc: InvalidNight, option: str, text: str) -> str:
    """A night on the command line (``--date``, ``--since``, ``NIGHT``, ...)."""
    if exc.kind == "early":
        message = _("{option}: '{text}' is before 1900-01-01; is the year right?")
    elif exc.kind == "future":
        message = _(
            "{option}: '{text}' is in the future; a night is named by the date of its evening."
        )
    else:
        message = _("{option}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25.")
    return message.format(option=option, text=shown(text, 40))


def unknown_section(exc: UnknownSection) -> str:
    return _("no section called '{name}'. Sections: {names}").format(
        name=shown(exc.name, 40), names=", ".join(exc.known)
    )


def unknown_group(name: str, known: list[str]) -> str:
    return _("no food group called '{name}'. Groups: {names}").format(
        name=shown(name, 40), names=", ".join(known)
    )


def unknown_schema(kind: str, known: list[str]) -> str:
    return _("no schema called '{name}'. Schemas: {names}").format(
        name=shown(kind, 40), names=", ".join(known)
    )


# --- the diary and its trial (issues 12 and 13) ----------------------------------------------


def value_names() -> dict[str, str]:
    """What each number on the diary's command lines is, for the line that refuses it."""
    return {
        "--legs": _("the leg score"),
        "--sleep": _("the sleep score"),
        "--magnesium": _("the magnesium taken (mg)"),
        "--period": _("the period length in nights"),
        "--pairs": _("the number of pairs"),
        "--washout": _("the washout in nights"),
        "--seed": _("the seed"),
        "--matters": _("the difference that would matter (points)"),
        "--plan": _("the plan number"),
        "--per-day": _("the number of tablets or doses a day"),
        "--age": _("the age in years"),
        "--top": _("the number of foods"),
        "--target": _("the daily amount (mg)"),
        "--run-in": _("the run-in in nights"),
    }


def value(option: str, text: str, low: float, high: float, whole: bool) -> str:
    """A number on the command line that is not one, or out of range: in the user's language,
    with the range ("--legs: benscore skal være et helt tal fra 0 til 10 (ikke '6,5')")."""
    what = value_names().get(option, option)
    message = (
        _("{option}: {what} must be a whole number from {low} to {high} (not '{text}').")
        if whole
        else _("{option}: {what} must be a number from {low} to {high} (not '{text}').")
    )
    decimals = 0 if whole or (low == int(low) and high == int(high)) else 1
    return message.format(
        option=option,
        what=what,
        low=format_number(low, decimals),
        high=format_number(high, decimals),
        text=shown(text, 40),
    )


def option_refused(option: str, refused: OptionRefused) -> str:
    """A value one of mgcheck's option types (cli/types.py) cannot use, worded as the diary's
    numbers always were: the option, what it is, its range and what was typed."""
    from mgcheck.models.diary import InvalidNight

    if refused.kind == "night":
        return night(InvalidNight(refused.night), option, refused.text)
    if refused.high == float("inf"):
        what = value_names().get(option, option)
        message = (
            _("{option}: {what} must be a whole number of {low} or more (not '{text}').")
            if refused.kind == "whole"
            else _("{option}: {what} must be a number of {low} or more (not '{text}').")
        )
        low = format_number(refused.low, 0 if float(refused.low).is_integer() else 2)
        return message.format(option=option, what=what, low=low, text=shown(refused.text, 40))
    return value(option, refused.text, refused.low, refused.high, refused.kind == "whole")


def not_together(first: str, second: str) -> str:
    """Two flags that say opposite things (``--elemental`` and ``--compound``)."""
    return _("{first} and {second} do not go together.").format(first=first, second=second)


def goes_with_label(option: str) -> str:
    """A flag about a label's amount given without the label (``diary add --elemental``)."""
    return _("{option} goes with --form and --amount.").format(option=option)


def count_twice(said: int, option: int) -> str:
    """A count in the label's words ("2 om dagen") and a different ``--per-day``."""
    return _("the label says {words} a day and --per-day says {option}: give one.").format(
        words=said, option=option
    )


def too_much_for_a_night(low: float, high: float, most: float) -> str:
    """A night's magnesium above what the diary holds: not saved, and why."""

    amount = format_number(high) if high == low else f"{format_number(low)}–{format_number(high)}"
    return _(
        "{amount} mg magnesium in one night is more than the diary holds (at most {most} mg), "
        "so it was not saved. Check the amount on the label."
    ).format(amount=amount, most=format_number(most))


def plan_fault(file: str, number: int, field: str, fault: Fault) -> str:
    """An imported plan that `diary trial plan` could not have made: the file, the plan, the
    field and why; nothing is imported."""
    from mgcheck.rules.trial import Fault

    why = {
        Fault.ALPHA: _("not mgcheck's level; every plan is analysed at mgcheck's own"),
        Fault.CONFIDENCE: _("not mgcheck's level; every plan is analysed at mgcheck's own"),
        Fault.MIN_NIGHTS: _("not what the design gives (most of a period's counted nights)"),
        Fault.CREATED_AFTER_START: _(
            "after the plan's first night: an order drawn after its nights had begun would no "
            "longer be random"
        ),
        Fault.CREATED_IN_FUTURE: _("in the future"),
        Fault.START_TOO_LATE: _("start more than a year after the plan was made"),
        Fault.ORDER: _("the periods are not in the order its seed gives: mgcheck did not draw it"),
        Fault.DRAWN_SEED: _("larger than any seed mgcheck draws"),
        Fault.DOSE: _("above the upper limit for supplements that mgcheck plans trials within"),
        Fault.SCREEN: _("holds ids that are not findings of mgcheck's safety check"),
        Fault.DOCTOR_OK: _("set, though the safety check found nothing to ask a doctor about"),
        Fault.MATTERS: _("must be from 0.1 to 10 points"),
        Fault.STOPPED: _("before the plan was made"),
        Fault.EXTRA_PAIRS: _("leaves fewer than 2 pairs as planned"),
    }[fault]
    return _("{file}: plan {number}: {field}: {problem}; nothing was imported.").format(
        file=file, number=number, field=field, problem=why
    )


def label_not_read(text: str) -> str:
    """``--form``/``--amount`` (or ``--dose``) that are not a form and an amount."""
    return _(
        "'{text}' is not a label mgcheck can read. Write the form and the amount as the label "
        "prints them, e.g. magnesiumcitrat 400 mg, magnesium 100 mg or bisglycinat 100 mg "
        "elementært."
    ).format(text=shown(text, 60))


# --- answers files: Pydantic's error types in the user's words, with the allowed range ----------

_WHOLE = {"int_type", "int_parsing", "int_from_float"}
_NUMBER = {"float_type", "float_parsing", "finite_number"}
_RANGE = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def _bound(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else 2)


def answers_problem(problem: Problem) -> str:
    """One problem of an answers file, as a person reads it: what the key must be."""
    kind = problem.kind
    if kind == "extra_forbidden":
        return _("unknown key")
    if kind == "missing":
        return _("missing")
    said: str | None = None
    if kind in _WHOLE | _NUMBER | _RANGE and problem.low is not None and problem.high is not None:
        low, high = _bound(problem.low), _bound(problem.high)
        if problem.whole:
            said = _("must be a whole number from {low} to {high}")
        elif problem.low_open:
            said = _("must be a number above {low} and at most {high}")
        else:
            said = _("must be a number from {low} to {high}")
        said = said.format(low=low, high=high)
    elif kind in _WHOLE:
        said = _("must be a whole number")
    elif kind in _NUMBER:
        said = _("must be a number")
    elif kind in {"bool_type", "bool_parsing"}:
        said = _("must be true or false")
    elif kind in {"enum", "literal_error"} and problem.choices:
        said = _("must be one of: {choices}").format(choices=", ".join(problem.choices))
    elif kind in {"list_type", "tuple_type"}:
        said = _("must be a list, e.g. [] for none")
    elif kind in {"model_type", "model_attributes_type", "dict_type"}:
        said = _("must hold its keys, as mgcheck assess --example shows")
    elif kind == "string_type":
        said = _("must be text")
    elif kind == "string_too_long":
        said = _("must be at most 100 characters")
    elif kind == "string_pattern_mismatch":
        said = _("must not be empty")
    elif kind == "invalid_key":
        said = _("must be a key name, as mgcheck assess --example shows")
    if said is None:
        return problem.detail  # a model's own reason, already in the user's language
    if problem.value is not None:
        said += " " + _("(the file has {value})").format(value=problem.value)
        comma = re.fullmatch(r'"(\d+),(\d+)"', problem.value)
        if comma is not None and kind in _WHOLE | _NUMBER:
            said += "; " + _("a file writes decimals with a point: {number}").format(
                number=f"{comma.group(1)}.{comma.group(2)}"
            )
    return said


def error_text(exc: MgcheckError) -> str:
    """What the command line shows for ``exc``: a file's problems worded in the run's language
    (their exceptions carry Pydantic's English), any other error as it was worded."""
    from mgcheck.store.validation import InvalidAnswers, InvalidData

    if isinstance(exc, InvalidAnswers):
        return invalid_answers(exc)
    if isinstance(exc, InvalidData):
        return invalid_data(exc)
    return exc.message


def invalid_answers(exc: InvalidAnswers) -> str:
    """Every problem of an answers file, a line each, naming the file and the key."""
    return "\n".join(
        f"{exc.name}: {p.where or _('answers')}: {answers_problem(p)}" for p in exc.problems
    )


def invalid_data(exc: InvalidData) -> str:
    """A food table (``foods --foods``) that fails: the item, the field and what it must be."""
    where = f"{exc.where}: " if exc.where else ""
    message = f"{exc.file}: {where}{answers_problem(exc.problem)}"
    if exc.more == 1:
        message += " " + _("(and 1 more problem)")
    elif exc.more:
        message += " " + _("(and {n} more problems)").format(n=exc.more)
    return message


# --- the command line: Click's usage errors, worded from their type and parameters ---------------

_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", re.DOTALL)
_NO_COMMAND = re.compile(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", re.DOTALL)


def _option_name(param: Any) -> str:
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
    if opts:
        return str(opts[0])
    from mgcheck.cli.clicktext import shown_metavar

    metavar = getattr(param, "metavar", None)
    return (shown_metavar(metavar) if metavar else str(param.name)).upper()


def _bad_value(exc: Any) -> str | None:
    """A value Typer refused for an option or argument: what it takes, and what was given."""
    param = exc.param
    if param is None:
        return None
    option = _option_name(param)
    cause = exc.__cause__
    errors = cause.errors() if hasattr(cause, "errors") else []
    refused = errors[0].get("ctx", {}).get("error") if errors else None
    if refused is not None and type(refused).__name__ == "OptionRefused":
        return option_refused(option, refused)
    given = errors[0].get("input") if errors else None
    value = f" ({_('not {value}').format(value=shown(given, 40))})" if given is not None else ""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    descriptor = getattr(param, "type_descriptor", None)
    whole = descriptor is not None and getattr(descriptor, "annotation", None) is int
    if low is not None or high is not None:
        if low is not None and high is not None:
            text = (
                _("{option}: use a whole number from {low} to {high}")
                if whole
                else _("{option}: use a number from {low} to {high}")
            )
            return text.format(option=option, low=_bound(low), high=_bound(high)) + value
        if low is not None:
            text = (
                _("{option}: use a whole number of {low} or more")
                if whole
                else _("{option}: use a number of {low} or more")
            )
            return text.format(option=option, low=_bound(low)) + value
    choices = getattr(descriptor, "choices", None) if descriptor is not None else None
    if choices:
        names = ", ".join(str(getattr(c, "value", c)) for c in choices)
        return _("{option}: use one of {choices}").format(option=option, choices=names) + value
    kind = errors[0].get("type") if errors else None
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("{option}: use a whole number").format(option=option) + value
    if kind in {"float_parsing", "float_type", "finite_number"}:
        return _("{option}: use a number").format(option=option) + value
    return None


def with_help(message: str, command: str) -> str:
    """A usage error's one line, with where the command's help is."""
    return _("{message} Help: {command} -h").format(message=message.rstrip(), command=command)


def usage_error(exc: Any) -> str | None:
    """Click's usage error (typer/_click/exceptions.py) in the user's language, from its type
    and parameters; None keeps Click's own words (an error mgcheck has not worded)."""
    from typer._click import exceptions as click

    if isinstance(exc, click.NoSuchOption):
        text = _("there is no option {option}.").format(option=shown(exc.option_name, 40))
        if exc.possibilities:
            text += " " + _("Did you mean {options}?").format(
                options=", ".join(sorted(exc.possibilities))
            )
        return text
    if isinstance(exc, click.BadOptionUsage):
        option = shown(exc.option_name, 40)
        if "does not take a value" in exc.message:
            return _("{option} takes no value.").format(option=option)
        return _("{option} needs a value after it.").format(option=option)
    if isinstance(exc, click.MissingParameter):
        name = _option_name(exc.param) if exc.param is not None else ""
        return _("{name} is missing.").format(name=name)
    if isinstance(exc, click.BadParameter):
        return _bad_value(exc)
    extra = _EXTRA.fullmatch(exc.message)
    if extra is not None:
        return _("unexpected words: {words}. Text with spaces goes in quotes.").format(
            words=shown(extra.group(1), 80)
        )
    missing = _NO_COMMAND.fullmatch(exc.message)
    if missing is not None:
        text = _("there is no command '{name}'.").format(name=shown(missing.group(1), 40))
        if missing.group(2):
            text += " " + _("Did you mean {commands}?").format(commands=missing.group(2))
        return text
    if exc.message == "Missing command.":
        return _("a command is missing.")
    return None
