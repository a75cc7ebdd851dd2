"""The one label reader: a supplement label as printed, as elemental magnesium (issue 17, point 4).

`mgcheck dose`, `assess` (its interview and its answers file), `diary add` and `diary trial
plan` all read a label here, so one label gives one reading and one band everywhere. The words
are read by ``rules.understand.read_label_words``; each part is then converted as the forms data
say (``rules.dose``):

- the label says the amount is magnesium itself ("magnesium 100 mg", "bisglycinat 100 mg
  elementært", "Magnesium (som citrat) 150 mg", "citrat 500 mg heraf magnesium 80 mg"), or the
  person does: read as it is;
- the label names the compound with its water ("citrat nonahydrat 1,5 g", "epsom salt 30 g"), or
  the person says the amount is the compound ("forbindelse", ``--compound``, "nej" to the
  question): the compound's share of magnesium;
- the label names a form and an amount and says neither ("Magnesium citrat 150 mg",
  "magnesiumcitrat 400 mg"): **open**. Danish labels often print the magnesium itself beside the
  product's name, so reading it silently as the compound could under-count six-fold. An open
  label is read both ways (``Dose.reading == "both"``) and judged on the higher; a command at a
  terminal asks the person first (:meth:`LabelDose.answered`).

Pure: data in, a reading out; no words (a problem is a ``NotUnderstood`` or the rules'
``FormProblem``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from mgcheck.models.guidance import FormsFile, Variant
from mgcheck.models.words import WordsFile
from mgcheck.record import Record
from mgcheck.rules.dose import (
    Dose,
    FormMatch,
    FormProblem,
    NeedsElemental,
    UnknownForm,
    any_form_dose,
    both_readings_dose,
    combine_doses,
    elemental_dose,
    resolve_form,
)
from mgcheck.rules.understand import LabelPart, LabelReading, NotUnderstood, read_label_words

# What the person says the label's amount is: magnesium itself, the whole compound, or that they
# do not know (both readings, judged on the higher).
Said = Literal["elemental", "compound", "unknown"]
# Who settled how a part is read: its own words, the person, or nobody (both readings).
SettledBy = Literal["label", "person", "open"]


class PartDose(Record):
    """One compound of a label, converted: ``match`` is the form where it is known (None for
    "magnesium" alone or an unknown form), ``dose`` its elemental magnesium per unit (a range
    when in doubt), ``settled`` who said how to read its amount."""

    part: LabelPart
    match: FormMatch | None
    dose: Dose
    settled: SettledBy


class LabelDose(Record):
    """A label as elemental magnesium, part by part, per unit; ``per_day`` is the count its
    words gave ("2 om dagen"), if any."""

    parts: tuple[PartDose, ...]
    per_day: int | None = None

    @property
    def low(self) -> float:
        """Magnesium per unit, the lowest reading."""
        return sum(p.dose.per_unit_low for p in self.parts)

    @property
    def high(self) -> float:
        """Magnesium per unit, the highest reading: safety is judged on it."""
        return sum(p.dose.per_unit_high for p in self.parts)

    @property
    def open(self) -> bool:
        """Some part names a form and an amount without saying which the amount is, and nobody
        has said: it is read both ways. A command at a terminal asks (:meth:`answered`)."""
        return any(p.settled == "open" for p in self.parts)

    @property
    def unsure(self) -> bool:
        """Some part is read both ways (open, or the person does not know): the words that send
        the person to the label's nutrition table or the pharmacy apply."""
        return any(p.dose.reading == "both" for p in self.parts)

    def day(self, per_day: int) -> Dose:
        """The label taken ``per_day`` times a day, as one dose for ``results.dose.judged``."""
        doses = [p.dose.replace(per_day=per_day) for p in self.parts]
        return combine_doses(doses)

    def choosable(self) -> tuple[int, ...]:
        """The parts read as a compound whose hydrate the label leaves open: a person at a
        terminal may pick the variant; elsewhere the range is kept."""
        return tuple(
            i
            for i, p in enumerate(self.parts)
            if p.match is not None and p.dose.reading == "label" and p.dose.uncertain
        )

    def with_variant(self, index: int, variant: Variant) -> LabelDose:
        """The same label with part ``index`` read as ``variant`` (the one the person named)."""
        part = self.parts[index]
        assert part.match is not None
        match = FormMatch(part.match.form, (variant,))
        new = PartDose(part.part, match, elemental_dose(match, part.part.amount_mg), part.settled)
        return self.replace(parts=(*self.parts[:index], new, *self.parts[index + 1 :]))

    def answered(self, said: Said, forms: FormsFile) -> LabelDose:
        """The open parts read as the person answered the question about them."""
        parts = tuple(
            _convert(p.part, said, "person", forms, p.match, form_unknown=False)
            if p.settled == "open"
            else p
            for p in self.parts
        )
        return self.replace(parts=parts)


def _resolve(forms: FormsFile, name: str | None, reading: str) -> FormMatch | None:
    """The form a part names, where the rules know it. A name mgcheck does not know is an error
    (a typing slip must not pass as "any form"), except where the amount is magnesium itself
    (the form then does not matter) or the person is unsure (any form's share, as before)."""
    if name is None:
        return None
    try:
        return resolve_form(forms, name)
    except (UnknownForm, NeedsElemental):
        if reading in ("elemental", "unknown"):
            return None
        raise
    except FormProblem:
        if reading == "elemental":
            return None
        raise


def _convert(
    part: LabelPart,
    reading: str,
    settled: SettledBy,
    forms: FormsFile,
    match: FormMatch | None,
    *,
    form_unknown: bool,
) -> PartDose:
    """One part as elemental magnesium per unit, read as ``reading`` says."""
    amount = part.amount_mg
    if reading == "elemental":
        return PartDose(part, match, elemental_dose(match, amount, 1, True), settled)
    if reading == "compound":
        if match is None:
            return PartDose(part, None, any_form_dose(forms, amount), settled)
        return PartDose(part, match, elemental_dose(match, amount), settled)
    low_match = None if form_unknown else match
    return PartDose(part, match, both_readings_dose(forms, low_match, amount), settled)


def read_label(
    label_words: Sequence[str],
    forms: FormsFile,
    words: WordsFile,
    *,
    said: Said | None = None,
    form_unknown: bool = False,
) -> LabelDose | NotUnderstood:
    """A label as printed ("magnesiumcitrat 400mg", "magnesium 100 mg", "bisglycinat 100 mg
    elementært", "citrat 400 mg?", "Magnesium citrat 150 mg 2 om dagen") as elemental
    magnesium, part by part.

    ``said`` is what the person said of every amount (``--elemental``, ``--compound``,
    ``--maybe-elemental``, or an answers file's ``elemental``), which counts over the label's
    own words; ``form_unknown``: the person said "ved ikke" to the form, so any form's share
    is the low end. A form mgcheck does not know, or one whose share it cannot compute, raises
    the rules' ``FormProblem`` where the reading needs the form.
    """
    reading = read_label_words(label_words, words)
    if isinstance(reading, NotUnderstood):
        return reading
    return _read(reading, forms, said=said, form_unknown=form_unknown)


def _read(
    reading: LabelReading, forms: FormsFile, *, said: Said | None, form_unknown: bool
) -> LabelDose:
    parts: list[PartDose] = []
    for part in reading.parts:
        kind: str = said or part.reading
        settled: SettledBy = "person" if said is not None else "label"
        name = None if form_unknown else part.form
        if kind == "unsaid":
            match = _resolve(forms, name, "unsaid")
            if match is not None and match.by_variant:
                # "citrat nonahydrat 1,5 g", "epsom salt 30 g": the compound, named whole.
                named = part.replace(reading="compound", why="hydrate_named")
                parts.append(_convert(named, "compound", "label", forms, match, form_unknown=False))
                continue
            parts.append(_convert(part, "both", "open", forms, match, form_unknown=form_unknown))
            continue
        match = _resolve(forms, name, kind)
        parts.append(_convert(part, kind, settled, forms, match, form_unknown=form_unknown))
    return LabelDose(tuple(parts), reading.per_day)


def read_supplement(
    form: str, amount_mg: float, elemental: bool | Literal["unknown"], forms: FormsFile
) -> LabelDose:
    """An answers file's supplement (form, amount_mg, elemental) read as the same label would
    be: the person has said what the amount is (``elemental``), so nothing is left open. A
    form of "ved ikke"/"unknown" is any form; a name mgcheck does not know is read as any form
    too (the answers loader reports it on its own)."""
    said: Said = "elemental" if elemental is True else "unknown" if elemental else "compound"
    part = LabelPart(None, f"{amount_mg:g} mg", amount_mg, said, "marked")
    match: FormMatch | None = None
    if said != "elemental" and form.strip():
        try:
            match = resolve_form(forms, form)
        except FormProblem:
            match = None
    return LabelDose((_convert(part, said, "person", forms, match, form_unknown=False),))
