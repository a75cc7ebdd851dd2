"""What several rules need, worked out once from the answers: the dose and its judgement, the
blood value against the person's own range or mgcheck's default, the leg pattern, and when too
much magnesium is plausible at all (issue 17: symptoms judged in proportion)."""

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
    reference_intake,
    upper_limit,
)
from mgcheck.vocab import (
    Condition,
    Distress,
    MagnesiumUnit,
    Medicine,
    Sex,
    Standard,
    Symptom,
)

# Signs of too much magnesium (SmPC-D: hypotension, drowsiness, confusion, weakness, slowed
# breathing, slow pulse; rls.md 7). Dizziness stands in for low blood pressure: an inference,
# taken as the safer reading. They count only where too much magnesium is plausible at all.
OVERDOSE_SIGNS = (
    Symptom.FAINTING,
    Symptom.DIZZINESS,
    Symptom.DROWSINESS,
    Symptom.CONFUSION,
    Symptom.IRREGULAR_OR_SLOW_HEARTBEAT,
    Symptom.BREATHING_DIFFICULTY,
    Symptom.MUSCLE_WEAKNESS,
)
# The first signs in SmPC-D's order; they count where the kidneys, age or a measured high value
# make them likely to come from magnesium (magnesium.md c).
EARLY_SIGNS = (Symptom.NAUSEA, Symptom.VOMITING)
STOMACH_SIGNS = (Symptom.DIARRHOEA, Symptom.NAUSEA, Symptom.VOMITING, Symptom.STOMACH_CRAMPS)
# Vomiting and diarrhoea dry a person out; from 70 or with kidney disease that is urgent, and
# dried out the kidneys clear magnesium less well (magnesium.md d: dehydration is a
# contraindication).
DRYING = (Symptom.VOMITING, Symptom.DIARRHOEA)
# With these beside vomiting or diarrhoea the person may be drying out (PIL-M: exsiccosis).
DRYING_SIGNS = (Symptom.DIZZINESS, Symptom.MUSCLE_WEAKNESS)
# Schema 1 answered dizziness and fainting together; read it as fainting, the more serious.
LEGACY_SYMPTOMS = {Symptom.DIZZINESS_OR_FAINTING: Symptom.FAINTING}
OLDER_AGE = 70  # NIH ODS (consumers): men over 70 are among those most often low
LAB_ADULT_AGE = 19  # the Danish adult range (RSJ-P) is set for 19-100 years
MG_MOLAR_MASS = 24.305  # g/mol: 1 mmol/L = 2.4305 mg/dL = 2 mEq/L (magnesium.md h)
# Medicines that make the body lose magnesium (FDA-PPI; SmPC-A/B; magnesium.md e). The schema-1
# "loop or thiazide" answer is one of the two.
LOSE_MAGNESIUM = (
    Medicine.PPI,
    Medicine.LOOP_DIURETIC,
    Medicine.THIAZIDE_DIURETIC,
    Medicine.LOOP_OR_THIAZIDE_DIURETIC,
)


class Pattern(str, Enum):
    FITS = "fits"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"


class LabRange(Record):
    low: float
    high: float
    child: bool  # a children's range (RSJ-P), not the adult one


class BloodState(str, Enum):
    """A blood magnesium against its range: the person's own, or mgcheck's default."""

    CRITICAL_LOW = "critical_low"  # below the value laboratories phone to the doctor
    LOW = "low"
    EDGE_LOW = "edge_low"  # just below the default range: at the edge, not a finding in itself
    NORMAL = "normal"
    EDGE_HIGH = "edge_high"
    HIGH = "high"
    CRITICAL_HIGH = "critical_high"


class Blood(Record):
    """The person's blood magnesium, as typed and in mmol/L, and what it means."""

    given: float
    unit: MagnesiumUnit
    mmol: float
    range: LabRange  # in mmol/L: the person's own (converted), or the default for age and sex
    own: bool  # the range printed on the person's result
    state: BloodState
    beyond: bool  # outside every adult range the sources name (MaGNet, labhandbok)

    @property
    def low_ish(self) -> bool:
        return self.state in (BloodState.CRITICAL_LOW, BloodState.LOW, BloodState.EDGE_LOW)

    @property
    def low(self) -> bool:
        return self.state in (BloodState.CRITICAL_LOW, BloodState.LOW)

    @property
    def high_ish(self) -> bool:
        return self.state in (BloodState.EDGE_HIGH, BloodState.HIGH, BloodState.CRITICAL_HIGH)

    @property
    def high(self) -> bool:
        return self.state in (BloodState.HIGH, BloodState.CRITICAL_HIGH)

    @property
    def not_high(self) -> bool:
        """Measured low or normal: too much magnesium is ruled out (magnesium.md l)."""
        return not self.high_ish


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


def to_mmol_per_l(value: float, unit: MagnesiumUnit) -> float:
    if unit is MagnesiumUnit.MG_DL:
        return value * 10 / MG_MOLAR_MASS
    if unit is MagnesiumUnit.MEQ_L:
        return value / 2
    return value


def magnesium_mmol_per_l(lab: MagnesiumLab) -> float:
    return to_mmol_per_l(lab.value, lab.unit)


def lab_range(limits: LimitsFile, age: int, sex: Sex) -> LabRange:
    """The Danish reference range for this age and sex: the adult one from 19 (RSJ-P)."""
    if age >= LAB_ADULT_AGE:
        return LabRange(limits.lab_range.low, limits.lab_range.high, child=False)
    for band in limits.child_lab_ranges.bands:
        if band.covers(age) and band.sex in (None, sex):
            return LabRange(band.low, band.high, child=True)
    raise ValueError(f"no reference range for age {age}, {sex.value}")


def blood_reading(lab: MagnesiumLab, limits: LimitsFile, age: int, sex: Sex) -> Blood:
    """The value against the range printed on the person's result when given (MaGNet: ranges
    differ between laboratories), else against mgcheck's default for the age and sex. Without
    an own range, an adult value within the spread's edge is at the edge, not a finding."""
    mmol = magnesium_mmol_per_l(lab)
    critical, spread = limits.lab_critical, limits.lab_spread
    if lab.range is not None:
        low, high = (to_mmol_per_l(bound, lab.unit) for bound in lab.range)
        judged, own = LabRange(low, high, child=False), True
    else:
        judged, own = lab_range(limits, age, sex), False
    edge = 0.0 if own or judged.child else spread.edge
    # Rounded as the reports show them: 0.94 typed is 0.94, never 0.9400000001 above a range.
    value = round(mmol, 4)
    if value < critical.low:
        state = BloodState.CRITICAL_LOW
    elif value > critical.high:
        state = BloodState.CRITICAL_HIGH
    elif value < round(judged.low - edge, 4):
        state = BloodState.LOW
    elif value < judged.low:
        state = BloodState.EDGE_LOW
    elif value > round(judged.high + edge, 4):
        state = BloodState.HIGH
    elif value > judged.high:
        state = BloodState.EDGE_HIGH
    else:
        state = BloodState.NORMAL
    beyond = value < spread.lowest_low or value > spread.highest_high
    return Blood(lab.value, lab.unit, mmol, judged, own, state, beyond)


class Facts(Record):
    """What several rules need, worked out once from the answers."""

    answers: Answers
    data: AssessData
    standard: Standard
    taking: bool
    symptoms: set[Symptom]
    medicines: set[Medicine]
    kidney: bool
    blood: Blood | None
    dose: Dose | None
    dose_standard: Standard | None  # the chosen standard for adults, the strictest for children
    judgement: Judgement | None
    pattern: Pattern | None
    # The diet estimate is below the person's need (an adult who answered the diet questions).
    diet_low: bool = False

    @property
    def blood_mmol(self) -> float | None:
        return None if self.blood is None else self.blood.mmol

    @property
    def adult(self) -> bool:
        return self.answers.age >= ADULT_AGE

    @property
    def older(self) -> bool:
        return self.answers.age >= OLDER_AGE

    @property
    def supplement(self) -> bool:
        return self.answers.magnesium is not None

    @property
    def laxative(self) -> bool:
        return Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID in self.medicines

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
        """Measured above the range in use (the edge is not a finding in itself)."""
        return self.blood is not None and self.blood.high

    @property
    def blood_high_ish(self) -> bool:
        return self.blood is not None and self.blood.high_ish

    @property
    def blood_low(self) -> bool:
        return self.blood is not None and self.blood.low

    @property
    def blood_low_ish(self) -> bool:
        return self.blood is not None and self.blood.low_ish

    @property
    def plausible_excess(self) -> bool:
        """Too much magnesium is plausible: taking it, never against a measured low or normal
        value (magnesium.md l), and only where a measured high value, the kidneys, a magnesium
        laxative, a dose far above the limit, or age with a dose above it make it so (NF-UL:
        toxicity needs poor kidneys or very large laxative doses; magnesium.md c)."""
        if not self.taking or (self.blood is not None and self.blood.not_high):
            return False
        return (
            self.blood_high_ish
            or self.kidney
            or self.laxative
            or self.far_above
            or (self.older and self.above_limit)
        )

    @property
    def excess_signs(self) -> tuple[Symptom, ...]:
        """The ticked symptoms that are signs of too much magnesium where it is plausible."""
        early = self.kidney or self.older or self.blood_high_ish
        signs = OVERDOSE_SIGNS + (EARLY_SIGNS if early else ())
        return tuple(s for s in signs if s in self.symptoms)

    @property
    def overdose_signs(self) -> tuple[Symptom, ...]:
        """Signs of too much magnesium in someone for whom it is plausible: none otherwise."""
        return self.excess_signs if self.plausible_excess else ()

    @property
    def too_much_signs(self) -> tuple[Symptom, ...]:
        """Signs of too much magnesium, plausible from intake or shown by a measured value."""
        if self.plausible_excess or self.blood_high_ish:
            return self.excess_signs
        return ()

    @property
    def drying(self) -> bool:
        """Vomiting or diarrhoea with dizziness or weakness: perhaps drying out."""
        return any(s in self.symptoms for s in DRYING) and any(
            s in self.symptoms for s in DRYING_SIGNS
        )

    @property
    def older_drying(self) -> bool:
        """Vomiting or diarrhoea from 70 or with kidney disease, whatever the cause."""
        return (self.older or self.kidney) and any(s in self.symptoms for s in DRYING)

    @property
    def drying_while_taking(self) -> bool:
        return self.taking and self.older_drying

    @property
    def must_stop(self) -> bool:
        """Magnesium must stop (or pause) for now: never encourage it beside this."""
        kidney_and_magnesium = self.kidney and self.taking
        return (
            self.blood_high
            or self.far_above
            or bool(self.too_much_signs)
            or kidney_and_magnesium
            or self.drying_while_taking
        )

    @property
    def loses_magnesium(self) -> tuple[Medicine, ...]:
        return tuple(m for m in LOSE_MAGNESIUM if m in self.medicines)


def portion_mg(data: AssessData) -> dict[str, float]:
    """Magnesium in one portion of each diet group: the mean serving of the foods it lists."""
    foods = {food.id: food for food in data.foods.foods}
    out: dict[str, float] = {}
    for group, ids in data.diet.groups.items():
        servings = [foods[i].mg_per_100g * foods[i].serving.grams / 100 for i in ids]
        out[group.value] = sum(servings) / len(servings)
    return out


def _diet_low(answers: Answers, data: AssessData, standard: Standard) -> bool:
    """An adult's diet estimate below the need for their age and sex (the diet-low finding)."""
    if answers.diet is None or answers.age < ADULT_AGE:
        return False
    std = data.limits.standard(standard)
    intake = reference_intake(
        std, answers.age, answers.sex, answers.pregnant, answers.breastfeeding
    )
    if intake is None:
        return False
    portions = portion_mg(data)
    estimate: float = sum(float(getattr(answers.diet, g)) * mg for g, mg in portions.items())
    return estimate < intake.mg


def facts(answers: Answers, data: AssessData, standard: Standard) -> Facts:
    dose = supplement_dose(answers, data)
    chosen = dose_standard(data.limits, standard, answers.age)
    # Under 4, only the US figures set a limit; with none at all, adults-only speaks for it.
    limited = upper_limit(data.limits.standard(chosen), answers.age) is not None
    judgement = None
    if dose is not None and limited:
        judgement = judge(data.limits, chosen, answers.age, dose.per_day_low, dose.per_day_high)
    labs = answers.labs
    blood = None
    if labs and labs.magnesium:
        blood = blood_reading(labs.magnesium, data.limits, answers.age, answers.sex)
    return Facts(
        answers=answers,
        data=data,
        standard=standard,
        taking=taking_magnesium(answers),
        symptoms=symptoms(answers),
        medicines=set(answers.medicines),
        kidney=Condition.KIDNEY_DISEASE in answers.conditions,
        blood=blood,
        dose=dose,
        dose_standard=chosen if limited else None,
        judgement=judgement,
        pattern=legs_pattern(answers.legs) if answers.legs else None,
        diet_low=_diet_low(answers, data, standard),
    )
