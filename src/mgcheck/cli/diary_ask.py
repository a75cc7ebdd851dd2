"""What was taken on a night of the diary or the trial, from the command line or asked.

What was taken is read as labels print it, by the one label reader (rules/label.py) that
``mgcheck dose`` uses; the form and amount are asked as the self-check's interview asks them,
"ved ikke" allowed. (The diary's numbers and nights are read by the option types of
cli/types.py; the interview's own asking lives in cli/prompts.py.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from mgcheck.cli import messages
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _, current
from mgcheck.record import Record

if TYPE_CHECKING:
    from mgcheck.cli.prompts import Prompter
    from mgcheck.rules.label import LabelDose, Said


class Taken(Record):
    """Magnesium taken in a night (elemental mg; a range when the label leaves doubt)."""

    low: float
    high: float
    label: str  # the label as the person gave it ("" for a plain number of mg)
    # Read both ways: the label does not say whether its amount is magnesium itself (and
    # nobody said), so the person is sent to its nutrition table or the pharmacy.
    unsure: bool = False

    @property
    def high_or_none(self) -> float | None:
        return self.high if self.high > self.low else None


NOTHING = Taken(0.0, 0.0, "")


def from_label(
    label_words: list[str],
    asker: Prompter | None,
    *,
    said: Said | None = None,
    form_unknown: bool = False,
) -> Taken:
    """What a label says was taken, read by the one label reader (rules/label.py), as many
    times as its words say ("2 om dagen"). At a terminal a label that does not say whether its
    amount is magnesium itself is asked about, and a hydrate it leaves open may be chosen;
    elsewhere both are kept as the range."""
    from mgcheck.rules.dose import FormProblem
    from mgcheck.rules.label import read_label
    from mgcheck.rules.understand import NotUnderstood, as_printed
    from mgcheck.store import snapshot

    try:
        read = read_label(
            label_words, snapshot.forms(), snapshot.words(), said=said, form_unknown=form_unknown
        )
    except FormProblem as exc:
        raise MgcheckError(messages.form_on_label(exc)) from None
    if isinstance(read, NotUnderstood):
        raise MgcheckError(messages.label_not_read(" ".join(label_words)))
    return taken_from(read, asker, as_printed(label_words, snapshot.words()), read.per_day)


def taken_from(read: LabelDose, asker: Prompter | None, label: str, count: int | None) -> Taken:
    """A label read, settled at a terminal, ``count`` times (None: once)."""
    from mgcheck.store import snapshot

    if asker is not None:
        if read.open:
            read = asker.settle_label(read, snapshot.forms())
        for index in read.choosable():
            read = _choose_variant(read, index, asker)
    times = count or 1
    return Taken(round(read.low * times, 1), round(read.high * times, 1), label, read.unsure)


def _choose_variant(read: LabelDose, index: int, asker: Prompter) -> LabelDose:
    from mgcheck.render.style import mg_span
    from mgcheck.rules.dose import FormMatch, elemental_dose
    from mgcheck.rules.understand import is_dont_know
    from mgcheck.store import snapshot

    part = read.parts[index]
    assert part.match is not None
    variants = part.match.variants
    name = part.match.form.name.get(current())
    if name[1:2].islower():  # "Magnesiumcitrat" inside a sentence: "hvilket magnesiumcitrat"
        name = name[:1].lower() + name[1:]
    asker.say(_("The label does not say which {form} it is:").format(form=name))
    for number, variant in enumerate(variants, start=1):
        mg = elemental_dose(FormMatch(part.match.form, (variant,)), part.part.amount_mg)
        asker.say(
            f"  {number}. {variant.label.get(current())} "
            + _("({mg} magnesium)").format(mg=mg_span(mg.per_unit_low, mg.per_unit_high))
        )
    keep = len(variants) + 1
    asker.say(
        f"  {keep}. "
        + _("don't know: keep the range {range}").format(
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
        _("Number (Enter: don't know): "),
        parse,
        _("Write one number from 1 to {n}.").format(n=keep),
    )
    return read if chosen == keep else read.with_variant(index, variants[chosen - 1])


def ask_taken(asker: Prompter, *, planning: bool = False) -> Taken:
    """Ask the form, the amount and whether it is magnesium itself with the interview's own
    questions (data/questions.yaml; "ved ikke" allowed for the form and for whether the amount
    is magnesium itself), then how many were taken that evening (or, ``planning`` a trial,
    will be taken each magnesium evening), and read it with the one label reader. A whole
    label typed at the first question ("Magnesium citrat 150 mg", as the self-check takes it)
    answers the amount too."""
    from mgcheck.folding import fold
    from mgcheck.models.base import one_line
    from mgcheck.rules.dose import (
        FormProblem,
        InvalidAmount,
        NeedsElemental,
        name_key,
        parse_amount,
        resolve_form,
    )
    from mgcheck.rules.label import LabelDose, read_label, read_supplement
    from mgcheck.rules.understand import is_dont_know
    from mgcheck.store import snapshot

    forms, words = snapshot.forms(), snapshot.words()
    questions = snapshot.questions().questions
    whole: list[LabelDose] = []  # a whole label typed at the form question

    def question(key: str) -> str:
        return questions[key].get(current()) + " "

    def form(text: str) -> tuple[str, bool]:
        """(the form as typed, "" for don't know; whether its amount is magnesium itself)."""
        if is_dont_know(text, words):
            return "", False
        one_line(text)  # a name is a name: one line, no control characters (asked again)
        if any(ch.isdigit() for ch in text):
            try:
                read = read_label(text.split(), forms, words)
            except FormProblem as exc:
                raise ValueError(text) from exc
            if isinstance(read, LabelDose):
                whole[:] = [read]
                return text, False
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
        _("mgcheck does not know that form. See mgcheck dose --list, or answer don't know."),
    )

    def count_asked() -> int | None:
        return asker.whole_number(
            _("How many tablets or doses will you take each magnesium evening? Enter for 1:")
            if planning
            else _("How many tablets or doses did you take that evening? Enter for 1:"),
            1,
            24,
            example=1,  # one tablet is usual: never the middle of 1 to 24
            optional=True,
        )

    if whole:
        read, label = whole[0], name
        count = read.per_day or count_asked()
    else:

        def amount(text: str) -> str:
            try:
                parse_amount(text)
            except InvalidAmount as exc:
                raise ValueError(text) from exc
            return text

        amount_text = asker.ask(
            question("amount_mg"), amount, _("Write the amount, e.g. 400, 400 mg or 1,5 g.")
        )
        label = f"{name} {amount_text}" if name else amount_text
        count = count_asked()
        if name:
            said: Said | None = "elemental" if elemental_only else None
            found = read_label([name, amount_text], forms, words, said=said)
            assert isinstance(found, LabelDose)  # the form and the amount were each read
            read = found
        else:  # "ved ikke" to the form: any form's share, asked whether it is magnesium itself
            itself = asker.confirm_or_unknown(question("elemental").rstrip())
            amount_mg = parse_amount(amount_text)
            read = read_supplement("", amount_mg, "unknown" if itself is None else itself, forms)
    taken = taken_from(read, asker, label, count)
    if count and count > 1 and not read.per_day:
        return taken.replace(label=f"{count} x {label}")
    return taken


def too_much(taken: Taken) -> NoReturn:
    """More magnesium than a diary night holds (a label of grams read as magnesium itself,
    say): what `mgcheck dose` would say of it first, then why it is not saved."""
    from mgcheck.models.diary import MAX_MAGNESIUM_MG
    from mgcheck.render.dose import print_night_amount
    from mgcheck.results.dose import judged_night
    from mgcheck.store import snapshot

    judged = judged_night(taken.low, taken.high, snapshot.limits(), unsure=taken.unsure)
    print_night_amount(judged)
    raise MgcheckError(messages.too_much_for_a_night(taken.low, taken.high, MAX_MAGNESIUM_MG))
