"""`mgcheck dose` as a use case: a label read, converted and judged, ready to draw or dump.

Every figure the renderer shows is worked out here (the band once, each variant's share and
molar mass), so ``render/dose.py`` only words and draws.
"""

from __future__ import annotations

from mgcheck.models.guidance import Form, FormsFile, LimitsFile, Variant
from mgcheck.record import Record
from mgcheck.rules.chemistry import molar_mass
from mgcheck.rules.dose import Dose, Reading, fraction_range, variant_fraction
from mgcheck.rules.limits import ADULT_AGE, DoseBand, Judgement, dose_band, dose_standard, judge
from mgcheck.vocab import Standard


class DoseResult(Record):
    """A dose as judged: the conversion, the verdict against the limits, and its band."""

    dose: Dose
    judgement: Judgement
    band: DoseBand
    limits: LimitsFile  # the words of a verdict name the limits' figures
    age: int


def judged(dose: Dose, limits: LimitsFile, standard: Standard, age: int | None) -> DoseResult:
    """Set a converted dose against the limits for this age (an adult without one)."""
    years = ADULT_AGE if age is None else age
    judgement = judge(
        limits, dose_standard(limits, standard, years), years, dose.per_day_low, dose.per_day_high
    )
    band = dose_band(limits, dose.per_day_high, years, judgement.chosen.mg)
    return DoseResult(dose, judgement, band, limits, years)


def judged_night(
    low: float,
    high: float,
    limits: LimitsFile,
    *,
    unsure: bool = False,
    standard: Standard = Standard.NNR,
) -> DoseResult | None:
    """A night's magnesium in the diary (elemental mg, a range when the label leaves doubt)
    judged as `mgcheck dose` judges a day's: the same limits, the same bands (an adult: the
    diary does not know the age). None when nothing was taken."""
    if high <= 0:
        return None
    reading: Reading = "both" if unsure else "elemental" if low == high else "label"
    dose = Dose(None, (), high, 1, not unsure, low, high, reading)
    return judged(dose, limits, standard, None)


class VariantFigures(Record):
    variant: Variant
    fraction: float  # the share of magnesium, 0-1
    molar_mass: float | None  # g/mol, where a formula gives one
    per_100mg_magnesium: float  # mg of the compound that holds 100 mg of magnesium


class FormFigures(Record):
    form: Form
    low: float  # the lowest and highest share of magnesium over its variants
    high: float
    variants: tuple[VariantFigures, ...]


def forms_list(forms: FormsFile) -> tuple[FormFigures, ...]:
    """`dose --list`: every form with each variant's share of magnesium and molar mass."""
    return tuple(
        FormFigures(
            form,
            *fraction_range(form),
            tuple(
                VariantFigures(
                    v,
                    fraction,
                    None if v.formula is None else molar_mass(v.formula),
                    100 / fraction,
                )
                for v, fraction in ((v, variant_fraction(v)) for v in form.variants)
            ),
        )
        for form in forms.forms
    )
