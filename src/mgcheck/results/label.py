"""What a supplement label says was taken, as elemental magnesium: `diary add` and the trial's dose.

Labels as printed (issue 12) are read by ``rules.understand.read_label_words`` into parts, each
converted as ``mgcheck dose`` converts it; where the label leaves doubt the result is a range.
A module of its own, so that drawing the diary's chart does not load the word reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from mgcheck.models.guidance import FormsFile, Variant
from mgcheck.models.words import WordsFile
from mgcheck.record import Record
from mgcheck.rules.dose import (
    Dose,
    FormMatch,
    FormProblem,
    any_form_dose,
    both_readings_dose,
    elemental_dose,
    resolve_form,
)
from mgcheck.rules.understand import LabelPart, NotUnderstood, read_label_words


class PartDose(Record):
    """One compound of a label, converted: ``match`` is None when the amount is magnesium itself
    (or the form is not known), ``dose`` its elemental magnesium (a range when in doubt)."""

    part: LabelPart
    match: FormMatch | None
    dose: Dose


class LabelDose(Record):
    parts: tuple[PartDose, ...]

    @property
    def low(self) -> float:
        return sum(p.dose.per_unit_low for p in self.parts)

    @property
    def high(self) -> float:
        return sum(p.dose.per_unit_high for p in self.parts)

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
        new = PartDose(part.part, match, elemental_dose(match, part.part.amount_mg))
        return LabelDose((*self.parts[:index], new, *self.parts[index + 1 :]))


def read_label(
    label_words: Sequence[str],
    forms: FormsFile,
    words: WordsFile,
    *,
    elemental: bool = False,
    form_unknown: bool = False,
) -> LabelDose | NotUnderstood:
    """A label as printed ("magnesiumcitrat 400mg", "magnesium 100 mg", "bisglycinat 100 mg
    elementært", "citrat 400 mg?") as elemental magnesium, each part as ``mgcheck dose`` reads it.

    With ``elemental`` every amount is magnesium itself (the form then does not matter); with
    ``form_unknown`` (the person said "ved ikke" to the form) the amount is any form's compound
    (or, if also unsure whether it is magnesium itself, either). A form mgcheck does not know,
    or one whose share it cannot compute, raises the rules' ``FormProblem``.
    """
    reading = read_label_words(label_words, words)
    if isinstance(reading, NotUnderstood):
        return reading
    parts: list[PartDose] = []
    for part in reading.parts:
        kind = "elemental" if elemental else part.reading
        if kind == "elemental":
            parts.append(PartDose(part, None, elemental_dose(None, part.amount_mg, 1, True)))
            continue
        match: FormMatch | None = None
        if part.form is not None and not form_unknown:
            try:
                match = resolve_form(forms, part.form)
            except FormProblem:
                if kind == "compound":
                    raise
        if kind == "compound":
            dose = (
                any_form_dose(forms, part.amount_mg)
                if match is None
                else elemental_dose(match, part.amount_mg)
            )
        else:
            dose = both_readings_dose(forms, match, part.amount_mg)
        parts.append(PartDose(part, match, dose))
    return LabelDose(tuple(parts))
