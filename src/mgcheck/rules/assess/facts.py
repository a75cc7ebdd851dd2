"""What several rules need, worked out once from the answers: the dose and its judgement, the
blood value in mmol/L, the leg pattern, which symptoms count as signs of too much magnesium."""

from __future__ import annotations

from enum import Enum

from mgcheck.models.answers import Answers, Legs, MagnesiumLab
from mgcheck.models.assess_data import AssessData
from mgcheck.models.guidance import LimitsFile
from mgcheck.record import Record
from mgcheck.rules.assess.supplement import supplement_dose
from mgcheck.rules.dose import Dose
from mgcheck.rules.limits import (
    ADULT_AGE,
    Judgement,
    Verdict,
    dose_standard,
    far_above_mg,
    judge,
    upper_limit,
)
from mgcheck.vocab import Condition, Distress, MagnesiumUnit, Medicine, Sex, Standard, Symptom

# Signs of too much magnesium in someone taking it (SmPC-D: hypotension, drowsiness, confusion,
# weakness, slowed breathing, slow pulse; rls.md 7). Dizziness stands in for low blood pressure:
# an inference, taken as the safer reading.
OVERDOSE_SIGNS = (
    Symptom.FAINTING,
    Symptom.DIZZINESS,
    Symptom.DROWSINESS,
    Symptom.CONFUSION,
    Symptom.IRREGULAR_OR_SLOW_HEARTBEAT,
    Symptom.BREATHING_DIFFICULTY,
    Symptom.MUSCLE_WEAKNESS,
)
# With kidney disease or from 70, early signs count too (magnesium.md c: toxicity at moderate
# doses with poor kidneys; older adults clear less and take more laxatives and antacids).
EARLY_SIGNS = (Symptom.NAUSEA, Symptom.VOMITING)
STOMACH_SIGNS = (Symptom.DIARRHOEA, Symptom.NAUSEA, Symptom.VOMITING, Symptom.STOMACH_CRAMPS)
# Vomiting and diarrhoea dry a person out; from 70 or with kidney disease that is urgent, and
# dried out the kidneys clear magnesium less well (magnesium.md d: dehydration is a
# contraindication), so magnesium is paused.
DRYING = (Symptom.VOMITING, Symptom.DIARRHOEA)
# Schema 1 answered dizziness and fainting together; read it as fainting, the more serious.
LEGACY_SYMPTOMS = {Symptom.DIZZINESS_OR_FAINTING: Symptom.FAINTING}
OLDER_AGE = 70  # NIH ODS (consumers): men over 70 are among those most often low
LAB_ADULT_AGE = 19  # the Danish adult range (RSJ-P) is set for 19-100 years
MG_MOLAR_MASS = 24.305  # g/mol: 1 mmol/L = 2.4305 mg/dL = 2 mEq/L (magnesium.md h)


class Pattern(str, Enum):
    FITS = "fits"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"


class LabRange(Record):
    low: float
    high: float
    child: bool  # a children's range (RSJ-P), not the adult one


def taking_magnesium(answers: Answers) -> bool:
    """A supplement, or a laxative or antacid with magnesium: all count towards the limit."""
    return (
        answers.magnesium is not None or Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID in answers.medicines
    )


def symptoms(answers: Answers) -> set[Symptom]:
    """The symptoms, with schema-1 values read as their schema-2 meaning."""
    return {LEGACY_SYMPTOMS.get(s, s) for s in answers.symptoms_now}


def legs_pattern(legs: Legs) -> Pattern:
    """All four core criteria fit (IRLSSG 2014); a look-alike makes it only possible.

    In very severe cases the relief on moving (A3) or the evening pattern (A4) may be lost
    (rls.md 1.1), so urge and rest (A1, A2) with severe distress is 'possible', never 'fits'.
    """
    if legs.criteria_met() == 4:
        return Pattern.POSSIBLE if legs.look_alikes else Pattern.FITS
    if legs.urge_to_move and legs.worse_at_rest and legs.distress is Distress.SEVERE:
        return Pattern.POSSIBLE
    return Pattern.UNLIKELY


def magnesium_mmol_per_l(lab: MagnesiumLab) -> float:
    if lab.unit is MagnesiumUnit.MG_DL:
        return lab.value * 10 / MG_MOLAR_MASS
    if lab.unit is MagnesiumUnit.MEQ_L:
        return lab.value / 2
    return lab.value


def lab_range(limits: LimitsFile, age: int, sex: Sex) -> LabRange:
    """The Danish reference range for this age and sex: the adult one from 19 (RSJ-P)."""
    if age >= LAB_ADULT_AGE:
        return LabRange(limits.lab_range.low, limits.lab_range.high, child=False)
    for band in limits.child_lab_ranges.bands:
        if band.covers(age) and band.sex in (None, sex):
            return LabRange(band.low, band.high, child=True)
    raise ValueError(f"no reference range for age {age}, {sex.value}")


class Facts(Record):
    """What several rules need, worked out once from the answers."""

    answers: Answers
    data: AssessData
    standard: Standard
    taking: bool
    symptoms: set[Symptom]
    medicines: set[Medicine]
    kidney: bool
    blood_mmol: float | None
    dose: Dose | None
    dose_standard: Standard | None  # the chosen standard for adults, the strictest for children
    judgement: Judgement | None
    pattern: Pattern | None

    @property
    def adult(self) -> bool:
        return self.answers.age >= ADULT_AGE

    @property
    def older(self) -> bool:
        return self.answers.age >= OLDER_AGE

    @property
    def far_above(self) -> bool:
        if self.dose is None:
            return False
        limit = self.judgement.chosen.mg if self.judgement is not None else None
        return self.dose.per_day_high >= far_above_mg(self.data.limits, self.answers.age, limit)

    @property
    def above_limit(self) -> bool:
        """The high end of the day's range is over the limit used for this person."""
        verdict = self.judgement.verdict if self.judgement is not None else None
        return self.far_above or verdict in (Verdict.ABOVE, Verdict.MAYBE_ABOVE)

    @property
    def blood_high(self) -> bool:
        if self.blood_mmol is None:
            return False
        answers = self.answers
        return self.blood_mmol > lab_range(self.data.limits, answers.age, answers.sex).high

    @property
    def overdose_signs(self) -> tuple[Symptom, ...]:
        if not self.taking:
            return ()
        signs = OVERDOSE_SIGNS + (EARLY_SIGNS if self.kidney or self.older else ())
        return tuple(s for s in signs if s in self.symptoms)

    @property
    def must_stop(self) -> bool:
        """Magnesium must stop (or pause) for now: never encourage it beside this."""
        kidney_and_magnesium = self.kidney and self.taking
        return (
            self.blood_high
            or self.far_above
            or bool(self.overdose_signs)
            or kidney_and_magnesium
            or self.drying_while_taking
        )

    @property
    def drying_while_taking(self) -> bool:
        """Vomiting or diarrhoea from 70 or with kidney disease, while taking magnesium."""
        return (
            self.taking and (self.older or self.kidney) and any(s in self.symptoms for s in DRYING)
        )


def facts(answers: Answers, data: AssessData, standard: Standard) -> Facts:
    dose = supplement_dose(answers, data)
    chosen = dose_standard(data.limits, standard, answers.age)
    # Under 4, only the US figures set a limit; with none at all, adults-only speaks for it.
    limited = upper_limit(data.limits.standard(chosen), answers.age) is not None
    judgement = None
    if dose is not None and limited:
        judgement = judge(data.limits, chosen, answers.age, dose.per_day_low, dose.per_day_high)
    labs = answers.labs
    blood = magnesium_mmol_per_l(labs.magnesium) if labs and labs.magnesium else None
    return Facts(
        answers=answers,
        data=data,
        standard=standard,
        taking=taking_magnesium(answers),
        symptoms=symptoms(answers),
        medicines=set(answers.medicines),
        kidney=Condition.KIDNEY_DISEASE in answers.conditions,
        blood_mmol=blood,
        dose=dose,
        dose_standard=chosen if limited else None,
        judgement=judgement,
        pattern=legs_pattern(answers.legs) if answers.legs else None,
    )
