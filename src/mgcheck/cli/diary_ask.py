"""The diary's nights, numbers and labels, from the command line or asked in a terminal.

Numbers are read here rather than by Typer, so a refusal is one line in the user's language
with the allowed range (``--legs 6,5``: "benscore skal være et helt tal fra 0 til 10"), never
Click's English. What was taken is read as labels print it, like ``mgcheck dose``; the form and
amount are asked as the self-check's interview asks them, "ved ikke" allowed. (The interview's
own asking lives in cli/prompts.py; these few questions are the diary's.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mgcheck.cli import messages
from mgcheck.cli.options import context
from mgcheck.errors import MgcheckError
from mgcheck.record import Record

if TYPE_CHECKING:
    import datetime as dt

    from mgcheck.cli.prompts import Prompter
    from mgcheck.i18n import Translator
    from mgcheck.results.label import LabelDose

_WHOLE = re.compile(r"\+?[0-9]{1,19}")  # up to 2^63 - 1, the largest seed
_DECIMAL = re.compile(r"([0-9]{1,9}(?:[.,][0-9]{1,3})?)(?:\s*mg)?", re.IGNORECASE)


def whole_option(text: str, option: str, low: int, high: int, t: Translator) -> int:
    """A whole number from the command line, within ``low``-``high``; refused in words."""
    value = text.strip()
    if not _WHOLE.fullmatch(value) or not low <= int(value) <= high:
        raise MgcheckError(messages.value(option, text, low, high, True, t))
    return int(value)


def decimal_option(text: str, option: str, low: float, high: float, t: Translator) -> float:
    """A number (decimal comma or point, "mg" allowed after it) within ``low``-``high``."""
    match = _DECIMAL.fullmatch(text.strip())
    number = None if match is None else float(match.group(1).replace(",", "."))
    if number is None or not low <= number <= high:
        raise MgcheckError(messages.value(option, text, low, high, False, t))
    return number


def parse_night(text: str, option: str, *, new: bool = False) -> dt.date:
    """A night from the command line: exactly YYYY-MM-DD; one to be saved is not in the future
    nor before 1900 (a range may start or end anywhere)."""
    from mgcheck.models.diary import EARLIEST, InvalidNight
    from mgcheck.models.diary import parse_night as parse

    try:
        return parse(text, new=new, earliest=EARLIEST if new else None)
    except InvalidNight as exc:
        raise MgcheckError(messages.night(exc, option, text, context().t)) from None


class Taken(Record):
    """Magnesium taken in a night (elemental mg; a range when the label leaves doubt)."""

    low: float
    high: float
    label: str  # the label as the person gave it ("" for a plain number of mg)

    @property
    def high_or_none(self) -> float | None:
        return self.high if self.high > self.low else None


NOTHING = Taken(0.0, 0.0, "")


def from_label(
    label_words: list[str],
    asker: Prompter | None,
    t: Translator,
    *,
    elemental: bool = False,
    form_unknown: bool = False,
) -> Taken:
    """What a label says was taken; a hydrate the label leaves open is asked in a terminal
    (with "ved ikke" keeping the range) and kept as the range elsewhere."""
    from mgcheck.results.label import read_label
    from mgcheck.rules.dose import FormProblem
    from mgcheck.rules.understand import NotUnderstood
    from mgcheck.store import snapshot

    try:
        read = read_label(
            label_words,
            snapshot.forms(),
            snapshot.words(),
            elemental=elemental,
            form_unknown=form_unknown,
        )
    except FormProblem as exc:
        raise MgcheckError(messages.form_on_label(exc, t)) from None
    if isinstance(read, NotUnderstood):
        raise MgcheckError(messages.label_not_read(" ".join(label_words), t))
    if asker is not None:
        for index in read.choosable():
            read = _choose_variant(read, index, asker, t)
    label = " ".join(word for word in label_words if word != "?")
    return Taken(round(read.low, 1), round(read.high, 1), label)


def _choose_variant(read: LabelDose, index: int, asker: Prompter, t: Translator) -> LabelDose:
    from mgcheck.render.style import mg_span
    from mgcheck.rules.dose import FormMatch, elemental_dose
    from mgcheck.rules.understand import is_dont_know
    from mgcheck.store import snapshot

    part = read.parts[index]
    assert part.match is not None
    variants = part.match.variants
    name = part.match.form.name.get(t.lang)
    if name[1:2].islower():  # "Magnesiumcitrat" inside a sentence: "hvilket magnesiumcitrat"
        name = name[:1].lower() + name[1:]
    asker.say(t("The label does not say which {form} it is:").format(form=name))
    for number, variant in enumerate(variants, start=1):
        mg = elemental_dose(FormMatch(part.match.form, (variant,)), part.part.amount_mg)
        asker.say(
            f"  {number}. {variant.label.get(t.lang)} "
            + t("({mg} magnesium)").format(mg=mg_span(mg.per_unit_low, mg.per_unit_high))
        )
    keep = len(variants) + 1
    asker.say(
        f"  {keep}. "
        + t("don't know: keep the range {range}").format(
            range=mg_span(part.dose.per_unit_low, part.dose.per_unit_high)
        )
    )
    words = snapshot.words()

    def parse(text: str) -> int:
        if not text or is_dont_know(text, words):
            return keep
        chosen = int(text)
        if not 1 <= chosen <= keep:
            raise ValueError(text)
        return chosen

    chosen = asker.ask(
        t("Number (Enter: don't know): "),
        parse,
        t("Write one number from 1 to {n}.").format(n=keep),
    )
    return read if chosen == keep else read.with_variant(index, variants[chosen - 1])


def ask_taken(asker: Prompter, t: Translator, *, planning: bool = False) -> Taken:
    """Ask the form, the amount and whether it is magnesium itself with the interview's own
    questions (data/questions.yaml; "ved ikke" allowed for the form and for whether the amount
    is magnesium itself), then how many were taken that evening (or, ``planning`` a trial,
    will be taken each magnesium evening), and read it as a label."""
    from mgcheck.folding import fold
    from mgcheck.models.base import one_line
    from mgcheck.rules.dose import (
        FormProblem,
        InvalidAmount,
        NeedsElemental,
        any_form_dose,
        both_readings_dose,
        name_key,
        parse_amount,
        resolve_form,
    )
    from mgcheck.rules.understand import LabelReading, is_dont_know, read_label_words
    from mgcheck.store import snapshot

    forms, words = snapshot.forms(), snapshot.words()
    questions = snapshot.questions().questions

    def question(key: str) -> str:
        return questions[key].get(t.lang) + " "

    def form(text: str) -> tuple[str, bool]:
        """(the form as typed, "" for don't know; whether its amount is magnesium itself)."""
        if is_dont_know(text, words):
            return "", False
        one_line(text)  # a name is a name: one line, no control characters (asked again)
        if name_key(text) == "" and "magnesium" in fold(text):
            return text, True
        try:
            resolve_form(forms, text)
        except NeedsElemental:
            return text, True
        except FormProblem as exc:
            raise ValueError(text) from exc
        return text, False

    name, elemental_only = asker.ask(
        question("form"),
        form,
        t("mgcheck does not know that form. See mgcheck dose --list, or answer don't know."),
    )

    def amount(text: str) -> str:
        if name and isinstance(read_label_words([name, text], words), LabelReading):
            return text
        try:
            parse_amount(text)
        except InvalidAmount as exc:
            raise ValueError(text) from exc
        return text

    amount_text = asker.ask(
        question("amount_mg"), amount, t("Write the amount, e.g. 400, 400 mg or 1,5 g.")
    )
    count = asker.whole_number(
        t("How many tablets or doses will you take each magnesium evening? Enter for 1:")
        if planning
        else t("How many tablets or doses did you take that evening? Enter for 1:"),
        1,
        24,
        example=1,  # one tablet is usual: never the middle of 1 to 24
        optional=True,
    )
    label = [name, amount_text]
    if elemental_only:
        return _times(from_label(label, asker, t, elemental=True), count)
    reading = read_label_words(label, words) if name else None
    if isinstance(reading, LabelReading) and any(p.why in _SAID for p in reading.parts):
        return _times(from_label(label, asker, t), count)  # the label's words say how to read it
    itself = asker.confirm_or_unknown(question("elemental").rstrip())
    if name:
        if itself is None:  # either reading: kept as the range, judged on the higher
            return _times(from_label([*label, "?"], asker, t), count)
        return _times(from_label(label, asker, t, elemental=itself), count)
    amount_mg = parse_amount(amount_text)
    if itself:
        return _times(Taken(amount_mg, amount_mg, amount_text), count)
    dose = (
        any_form_dose(forms, amount_mg)
        if itself is False
        else both_readings_dose(forms, None, amount_mg)
    )
    taken = Taken(round(dose.per_unit_low, 1), round(dose.per_unit_high, 1), amount_text)
    return _times(taken, count)


def _times(taken: Taken, count: int | None) -> Taken:
    """``count`` tablets of what one holds."""
    if count is None or count == 1:
        return taken
    return Taken(
        round(taken.low * count, 1), round(taken.high * count, 1), f"{count} x {taken.label}"
    )


# How a label's own words can settle whether its amount is magnesium itself.
_SAID = ("marked", "unsure", "of_which", "as_form")
