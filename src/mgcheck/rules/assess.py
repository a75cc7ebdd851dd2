"""The self-check's medicine: answers in, findings and figures out. Pure; no words, no I/O.

Which findings apply and the values they need are decided here; their words live in
data/findings.yaml (the triage table) and are filled in by results/assess.py. Every threshold is
in data/limits.yaml. Red flags are decided first and are never lowered by a later rule; when
magnesium must stop, nothing that would encourage taking it is shown (WITHHELD_WHEN_MUST_STOP).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from mgcheck.models.answers import Answers, Legs, MagnesiumLab
from mgcheck.models.assess_data import AssessData
from mgcheck.models.base import Food
from mgcheck.models.guidance import LimitsFile
from mgcheck.rules.dose import (
    Dose,
    FormProblem,
    any_form_dose,
    both_readings_dose,
    elemental_dose,
    fraction_range,
    resolve_form,
)
from mgcheck.rules.limits import (
    ADULT_AGE,
    Judgement,
    LimitView,
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
    Level,
    LookAlike,
    MagnesiumUnit,
    Medicine,
    Sex,
    Standard,
    Symptom,
)

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
# Signs for which the words say "call 112 now" rather than "a doctor today" (rls.md 7).
CALL_112_WITH_MAGNESIUM = (
    Symptom.BREATHING_DIFFICULTY,
    Symptom.FAINTING,
    Symptom.CONFUSION,
    Symptom.IRREGULAR_OR_SLOW_HEARTBEAT,
)
CALL_112 = (Symptom.BREATHING_DIFFICULTY, Symptom.FAINTING)
# Symptoms that need a doctor even without magnesium, when nothing else explains them.
OTHER_SYMPTOMS = (
    Symptom.MUSCLE_WEAKNESS,
    Symptom.DROWSINESS,
    Symptom.NAUSEA,
    Symptom.VOMITING,
    Symptom.DIARRHOEA,
    Symptom.STOMACH_CRAMPS,
)
DRYING = (Symptom.VOMITING, Symptom.DIARRHOEA)
# Danger signs whatever the cause (rls.md 7). Dizziness alone and muscle weakness alone are not.
DANGER_SIGNS = (
    Symptom.FAINTING,
    Symptom.CONFUSION,
    Symptom.IRREGULAR_OR_SLOW_HEARTBEAT,
    Symptom.BREATHING_DIFFICULTY,
)
STOMACH_SIGNS = (Symptom.DIARRHOEA, Symptom.NAUSEA, Symptom.VOMITING, Symptom.STOMACH_CRAMPS)
# Schema 1 answered dizziness and fainting together; read it as fainting, the more serious.
LEGACY_SYMPTOMS = {Symptom.DIZZINESS_OR_FAINTING: Symptom.FAINTING}

DOCTOR_FIRST = {
    Condition.KIDNEY_DISEASE: "doctor-first-kidney",
    Condition.BLEEDING_DISORDER: "doctor-first-bleeding",
    Condition.HEART_RHYTHM: "doctor-first-heart",
    Condition.MYASTHENIA_GRAVIS: "doctor-first-myasthenia",
}
INTERACTIONS = {
    Medicine.DIGOXIN: "interaction-digoxin",
    Medicine.BISPHOSPHONATE: "interaction-bisphosphonate",
    Medicine.ANTIBIOTIC: "interaction-antibiotic",
    Medicine.LEVOTHYROXINE: "interaction-levothyroxine",
    Medicine.GABAPENTIN: "interaction-gabapentin",
    Medicine.IRON: "interaction-iron",
    Medicine.CALCIUM_CHANNEL_BLOCKER: "interaction-calcium-channel-blocker",
}
# Which diuretics make the body lose magnesium, and which make it keep it (magnesium.md e).
DIURETICS_LOSE = (
    Medicine.THIAZIDE_DIURETIC,
    Medicine.LOOP_DIURETIC,
    Medicine.LOOP_OR_THIAZIDE_DIURETIC,
)
DIURETICS_KEEP = (Medicine.POTASSIUM_SPARING_DIURETIC,)
DIURETIC_PHRASES = {  # data/findings.yaml phrases
    Medicine.THIAZIDE_DIURETIC: "diuretic-thiazide",
    Medicine.LOOP_DIURETIC: "diuretic-loop",
    Medicine.LOOP_OR_THIAZIDE_DIURETIC: "diuretic-loop-or-thiazide",
    Medicine.POTASSIUM_SPARING_DIURETIC: "diuretic-keeps",
}
# Medicines that can worsen restless legs (pro.medicin.dk; rls.md 4.5). The schema-1 "loop or
# thiazide" answer may be a thiazide, so it counts: the safer reading.
WORSEN_LEGS = (
    Medicine.ANTIHISTAMINE,
    Medicine.ANTIDEPRESSANT,
    Medicine.ANTIPSYCHOTIC,
    Medicine.ANTINAUSEA,
    Medicine.LITHIUM,
    Medicine.CALCIUM_CHANNEL_BLOCKER,
    Medicine.THIAZIDE_DIURETIC,
    Medicine.LOOP_OR_THIAZIDE_DIURETIC,
)
RISK_CONDITIONS = (Condition.TYPE2_DIABETES, Condition.BOWEL_DISEASE, Condition.ALCOHOL)
RISK_MEDICINES = (Medicine.PPI, *DIURETICS_LOSE)
LOOK_ALIKE_FINDINGS = {
    LookAlike.CRAMP_KNOT: "look-alike-cramp-knot",
    LookAlike.POSITION_CHANGE_RELIEVES: "look-alike-position-change-relieves",
    LookAlike.NUMB_OR_BURNING_ALWAYS: "look-alike-numb-or-burning-always",
    LookAlike.PAIN_WHEN_WALKING: "look-alike-pain-when-walking",
    LookAlike.JUST_A_HABIT: "look-alike-just-a-habit",
    LookAlike.STARTED_WITH_NEW_MEDICINE: "look-alike-started-with-new-medicine",
    LookAlike.ONE_LEG_SWOLLEN_WARM_RED: "urgent-clot-signs",
}
OLDER_AGE = 70  # NIH ODS (consumers): men over 70 are among those most often low
SIGNIFICANT_DAYS = 2  # clinically significant: at least twice a week ... (rls.md 1.3)
SIGNIFICANT_DISTRESS = (Distress.MODERATE, Distress.SEVERE)  # ... with at least moderate distress
LAB_ADULT_AGE = 19  # the Danish adult range (RSJ-P) is set for 19-100 years
MG_MOLAR_MASS = 24.305  # g/mol: 1 mmol/L = 2.4305 mg/dL = 2 mEq/L (magnesium.md h)
UNKNOWN_FORM_WORDS = ("unknown", "ved ikke", "ukendt", "don't know", "dont know")
SUGGESTED_FOODS = 5
# Out-of-hours lines named in urgent texts: every region's (guidance.yaml helplines).
OUT_OF_HOURS = ("capital", "zealand", "southern", "central", "north")
# When magnesium must stop, these would encourage taking it or reassure beside a danger sign.
WITHHELD_WHEN_MUST_STOP = (
    "deficiency-risk",
    "diet-low",
    "diet-adequate",
    "dose-within-limit",
    "only-if-low",
    "side-effects-lower-dose",
)
# Above the limit, nothing should suggest getting more magnesium.
WITHHELD_ABOVE_LIMIT = ("deficiency-risk", "diet-low", "diet-adequate")


class Pattern(str, Enum):
    FITS = "fits"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"


# Values a finding's words need; mgcheck.results.assess turns each into text in the chosen language.
@dataclass(frozen=True)
class Num:
    value: float
    decimals: int = 0


@dataclass(frozen=True)
class Span:
    low: float
    high: float
    decimals: int = 0


@dataclass(frozen=True)
class Names:
    """Answer values to be named by their labels (kind: a field of data/questions.yaml labels)."""

    kind: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Others:
    """The other standards' upper limits, named beside the chosen one's."""

    limits: tuple[LimitView, ...]


@dataclass(frozen=True)
class HelpLines:
    """Help lines by id (data/guidance.yaml), named with their numbers."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class Phrases:
    """Pieces of text from data/findings.yaml `phrases`, joined in order (may be empty)."""

    keys: tuple[str, ...]


Param = Num | Span | Names | Others | HelpLines | Phrases | Standard


@dataclass(frozen=True)
class Hit:
    id: str
    params: dict[str, Param] = field(default_factory=dict)
    variant: str | None = None  # other words for the person's situation (findings.yaml)
    level: Level | None = None  # set only when the finding escalates above its own level


@dataclass(frozen=True)
class DietEstimate:
    mg: float
    by_group: dict[str, float]  # mg a day from each group
    portion_mg: dict[str, float]  # mg in one portion of each group


@dataclass(frozen=True)
class LabRange:
    low: float
    high: float
    child: bool  # a children's range (RSJ-P), not the adult one


@dataclass(frozen=True)
class Assessment:
    """What the rules conclude. Amounts are None for under-18s: the check shows none to them."""

    hits: tuple[Hit, ...]
    level: Level
    standard: Standard
    adult: bool
    need_mg: float | None
    need_has_no_pregnancy_value: bool
    upper_limit_mg: float | None
    dose: Dose | None
    judgement: Judgement | None
    diet: DietEstimate | None
    pattern: Pattern | None
    must_stop: bool
    suggested_foods: tuple[Food, ...]


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


def portion_mg(data: AssessData) -> dict[str, float]:
    """Magnesium in one portion of each diet group: the mean serving of the foods it lists."""
    foods = {food.id: food for food in data.foods.foods}
    out: dict[str, float] = {}
    for group, ids in data.diet.groups.items():
        servings = [foods[i].mg_per_100g * foods[i].serving.grams / 100 for i in ids]
        out[group.value] = sum(servings) / len(servings)
    return out


def suggested_foods(data: AssessData) -> tuple[Food, ...]:
    """The richest serving of each food group, best first: varied foods that would help most."""
    ranked = sorted(data.foods.foods, key=lambda f: (-f.mg_per_100g * f.serving.grams, f.id))
    best: dict[str, Food] = {}
    for food in ranked:
        best.setdefault(food.group.value, food)
    return tuple(list(best.values())[:SUGGESTED_FOODS])


def _is_unknown_form(name: str) -> bool:
    return name.strip().casefold() in UNKNOWN_FORM_WORDS


def supplement_dose(answers: Answers, data: AssessData) -> Dose | None:
    """Elemental magnesium a day from the supplement, as a range where the label leaves doubt.

    An unknown form spans every form's share of magnesium, and an unknown "is it elemental?"
    spans both readings; safety is judged on the high end (issue 9, point 13).
    """
    supplement = answers.magnesium
    if supplement is None:
        return None
    amount, per_day = supplement.amount_mg, supplement.per_day
    if supplement.elemental is True:
        return elemental_dose(None, amount, per_day, elemental=True)
    match = None
    if not _is_unknown_form(supplement.form):
        try:
            match = resolve_form(data.forms, supplement.form)
        except FormProblem:
            match = None  # judged as any form, on the high end
    if supplement.elemental == "unknown":
        return both_readings_dose(data.forms, match, amount, per_day)
    if match is None:
        return any_form_dose(data.forms, amount, per_day)
    return elemental_dose(match, amount, per_day)


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


@dataclass(frozen=True)
class _Facts:
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
            self.blood_high or self.far_above or bool(self.overdose_signs) or kidney_and_magnesium
        )


def _facts(answers: Answers, data: AssessData, standard: Standard) -> _Facts:
    dose = supplement_dose(answers, data)
    chosen = dose_standard(data.limits, standard, answers.age)
    # Under 4, only the US figures set a limit; with none at all, adults-only speaks for it.
    limited = upper_limit(data.limits.standard(chosen), answers.age) is not None
    judgement = None
    if dose is not None and limited:
        judgement = judge(data.limits, chosen, answers.age, dose.per_day_low, dose.per_day_high)
    labs = answers.labs
    blood = magnesium_mmol_per_l(labs.magnesium) if labs and labs.magnesium else None
    return _Facts(
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


def _out_of_hours() -> HelpLines:
    return HelpLines(OUT_OF_HOURS)


def _names(kind: str, values: list[Symptom] | list[Medicine] | tuple[Symptom, ...]) -> Names:
    return Names(kind, tuple(v.value for v in values))


# --- the rules, most urgent first ----------------------------------------------------------


def _red_flags(f: _Facts) -> list[Hit]:
    hits: list[Hit] = []
    if f.overdose_signs:
        severe = any(s in f.symptoms for s in CALL_112_WITH_MAGNESIUM)
        hits.append(
            Hit(
                "urgent-overdose-signs",
                {"signs": _names("symptoms", f.overdose_signs), "out_of_hours": _out_of_hours()},
                variant="call-112" if severe else None,
            )
        )
    elif danger := [s for s in DANGER_SIGNS if s in f.symptoms]:
        severe = any(s in f.symptoms for s in CALL_112)
        hits.append(
            Hit(
                "urgent-danger-signs",
                {"signs": _names("symptoms", danger), "out_of_hours": _out_of_hours()},
                variant="call-112" if severe else None,
            )
        )
    elif Symptom.DIZZINESS in f.symptoms:
        hits.append(Hit("dizziness"))
    if not f.taking and (other := [s for s in OTHER_SYMPTOMS if s in f.symptoms]):
        drying = (f.older or f.kidney) and any(s in f.symptoms for s in DRYING)
        hits.append(
            Hit(
                "symptoms-see-doctor",
                {"symptoms": _names("symptoms", other), "out_of_hours": _out_of_hours()},
                variant="older" if drying else None,
                level=Level.URGENT if drying else None,
            )
        )
    if Symptom.SPREADING_WEAKNESS_OR_NUMBNESS in f.symptoms:
        hits.append(Hit("urgent-spreading-weakness", {"out_of_hours": _out_of_hours()}))
    if Symptom.THOUGHTS_OF_SELF_HARM in f.symptoms:
        hits.append(Hit("urgent-self-harm", {"out_of_hours": _out_of_hours()}))
    legs = f.answers.legs
    if legs and LookAlike.ONE_LEG_SWOLLEN_WARM_RED in legs.look_alikes:
        lung = Symptom.BREATHING_DIFFICULTY in f.symptoms  # rls.md 7: a clot in the lung, 112
        hits.append(
            Hit(
                "urgent-clot-signs",
                {"out_of_hours": _out_of_hours()},
                variant="lung" if lung else None,
            )
        )
    return hits


def _blood_magnesium(f: _Facts) -> list[Hit]:
    if f.blood_mmol is None:
        return []
    critical = f.data.limits.lab_critical
    value = Num(f.blood_mmol, 2)
    if f.blood_mmol < critical.low:
        return [
            Hit(
                "magnesium-critical-low",
                {"value": value, "low": Num(critical.low, 2), "out_of_hours": _out_of_hours()},
            )
        ]
    if f.blood_mmol > critical.high:
        return [
            Hit(
                "magnesium-critical-high",
                {"value": value, "high": Num(critical.high, 2), "out_of_hours": _out_of_hours()},
            )
        ]
    answers = f.answers
    normal = lab_range(f.data.limits, answers.age, answers.sex)
    finding = (
        "magnesium-low"
        if f.blood_mmol < normal.low
        else "magnesium-high"
        if f.blood_mmol > normal.high
        else "magnesium-normal"
    )
    params: dict[str, Param] = {
        "value": value,
        "low": Num(normal.low, 2),
        "high": Num(normal.high, 2),
    }
    return [Hit(finding, params, variant="child" if normal.child else None)]


def _dose(f: _Facts) -> list[Hit]:
    """The supplement against the limits: far above, above, within, or not convertible."""
    supplement, dose, judgement = f.answers.magnesium, f.dose, f.judgement
    if supplement is None or dose is None:
        return []
    hits: list[Hit] = []
    if dose.match is None and dose.reading in ("any_form", "both"):
        spans = [fraction_range(form) for form in f.data.forms.forms]
        low, high = min(s[0] for s in spans), max(s[1] for s in spans)
        hits.append(
            Hit(
                "dose-unknown",
                {"range": Span(low * 100, high * 100, 1)},
                variant="both" if dose.reading == "both" else None,
            )
        )
    if judgement is None or f.dose_standard is None:
        return hits  # no standard sets a limit at this age: adults-only speaks for it
    limit_mg = judgement.chosen.mg or 0
    # A day's amount within a milligram of the limit is shown with a decimal: 250.3 is not 250.
    near = bool(limit_mg) and abs(dose.per_day_high - limit_mg) < 1
    params: dict[str, Param] = {
        "dose": Span(dose.per_day_low, dose.per_day_high, 1 if near else 0),
        "standard": f.dose_standard,
        "limit": Num(judgement.chosen.mg or 0),
        "others": Others(judgement.others),
    }
    bands = f.data.limits.dose_bands
    if f.far_above:
        params |= {"toxic": Num(bands.toxic_mg), "out_of_hours": _out_of_hours()}
        # Kidney disease with a laxative-range dose is the toxicity case itself (magnesium.md c).
        variant = "toxic" if dose.per_day_high >= bands.toxic_mg else "kidney" if f.kidney else None
        hits.append(
            Hit(
                "dose-far-above-limit",
                params,
                variant=variant,
                level=Level.URGENT if variant else None,
            )
        )
    elif judgement.verdict in (Verdict.ABOVE, Verdict.MAYBE_ABOVE):
        # With kidney disease, "no more than the limit" would imply the limit is fine: it is not.
        # From 70, or with kidney disease, above the limit is for a doctor (magnesium.md c).
        variant = (
            "kidney"
            if f.kidney
            else "older"
            if f.older
            else "maybe"
            if judgement.verdict is Verdict.MAYBE_ABOVE
            else None
        )
        level = Level.DOCTOR if variant in ("kidney", "older") else None
        hits.append(Hit("dose-above-limit", params, variant=variant, level=level))
    elif f.adult and Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID not in f.medicines:
        # With a magnesium laxative or antacid as well, the day's total is unknown: no "within".
        hits.append(Hit("dose-within-limit", params))
    return hits


def _conditions(f: _Facts) -> list[Hit]:
    hits: list[Hit] = []
    answers = f.answers
    if not f.adult:
        hits.append(Hit("adults-only"))
    if f.kidney and f.taking:
        stomach = [s for s in STOMACH_SIGNS if s in f.symptoms]
        kidney_variant = (
            "urgent"
            if f.overdose_signs
            else "stomach"
            if stomach
            else "laxative"
            if answers.magnesium is None
            else None
        )
        hits.append(
            Hit(
                "kidney-taking-magnesium",
                {"symptoms": _names("symptoms", stomach)} if stomach else {},
                variant=kidney_variant,
            )
        )
    variant = "taking" if f.taking else None
    for condition, finding in DOCTOR_FIRST.items():
        if condition in answers.conditions and not (
            f.kidney and f.taking and condition is Condition.KIDNEY_DISEASE
        ):
            hits.append(Hit(finding, variant=variant))
    if answers.pregnant or answers.breastfeeding:
        hits.append(Hit("doctor-first-pregnancy", variant=variant))
    return hits


def _legs(f: _Facts) -> list[Hit]:
    legs, pattern = f.answers.legs, f.pattern
    if legs is None or pattern is None:
        return []
    hits = [
        Hit(LOOK_ALIKE_FINDINGS[a])
        for a in legs.look_alikes
        if a is not LookAlike.ONE_LEG_SWOLLEN_WARM_RED  # a red flag, decided above
    ]
    often = legs.days_per_week >= SIGNIFICANT_DAYS and legs.distress in SIGNIFICANT_DISTRESS
    if often or legs.sleep_disturbed:
        labs = f.answers.labs
        tests = [
            *([] if labs and labs.ferritin else ["test_ferritin"]),
            *([] if labs and labs.transferrin_saturation else ["test_tsat"]),
            "test_kidney",
        ]
        hits.append(
            Hit(
                "rls-see-doctor",
                {"tests": Names("other", tuple(tests))},
                variant="unlikely" if pattern is Pattern.UNLIKELY else None,
            )
        )
    if pattern is Pattern.UNLIKELY:
        hits.append(Hit("rls-pattern-unlikely", {"count": Num(legs.criteria_met())}))
    else:
        severe = pattern is Pattern.POSSIBLE and legs.criteria_met() < 4
        hits.append(Hit(f"rls-pattern-{pattern.value}", variant="severe" if severe else None))
    if f.answers.pregnant:
        hits.append(Hit("rls-pregnancy"))
    hits.append(Hit("magnesium-evidence"))
    worsening = [m for m in WORSEN_LEGS if m in f.medicines]
    if worsening:
        notes = (
            *(["antihistamine-sedating"] if Medicine.ANTIHISTAMINE in worsening else []),
            *(["legacy-thiazide"] if Medicine.LOOP_OR_THIAZIDE_DIURETIC in worsening else []),
        )
        hits.append(
            Hit(
                "rls-medicine-may-worsen",
                {"medicines": _names("medicines", worsening), "note": Phrases(notes)},
            )
        )
    return hits


def _iron(f: _Facts) -> list[Hit]:
    """Iron studies matter in anyone with leg symptoms (AASM 2024), whatever the pattern."""
    labs = f.answers.labs
    if f.answers.legs is None or labs is None:
        return []
    iron = f.data.limits.iron
    hits: list[Hit] = []
    if labs.ferritin is not None:  # ug/L, µg/L and ng/mL are the same unit
        value = labs.ferritin.value
        params: dict[str, Param] = {
            "ferritin": Num(value),
            "threshold": Num(iron.ferritin_ug_per_l),
            "upper": Num(iron.ferritin_iv_upper_ug_per_l),
        }
        if value <= iron.ferritin_ug_per_l:
            taking_iron = Medicine.IRON in f.medicines
            hits.append(Hit("ferritin-low", params, variant="taking-iron" if taking_iron else None))
        elif value <= iron.ferritin_iv_upper_ug_per_l:
            hits.append(Hit("ferritin-borderline", params))
    tsat = labs.transferrin_saturation
    if tsat is not None and tsat.value < iron.tsat_pct:
        hits.append(Hit("tsat-low", {"value": Num(tsat.value), "tsat": Num(iron.tsat_pct)}))
    return hits


def _medicines(f: _Facts) -> list[Hit]:
    hits: list[Hit] = []
    if f.taking or f.answers.considering_magnesium:
        hits += [
            Hit(finding, variant="taking" if f.taking and medicine is Medicine.DIGOXIN else None)
            for medicine, finding in INTERACTIONS.items()
            if medicine in f.medicines
        ]
        lose = [m for m in DIURETICS_LOSE if m in f.medicines]
        keep = [m for m in DIURETICS_KEEP if m in f.medicines]
        if lose or keep:
            # One sentence per diuretic taken, so the text names only those (issue 9 point 4).
            phrases = tuple(DIURETIC_PHRASES[m] for m in lose + keep)
            hits.append(
                Hit(
                    "interaction-diuretic",
                    {"which": _names("medicines", lose + keep), "effects": Phrases(phrases)},
                )
            )
    if Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID in f.medicines and f.adult:
        # Its words give adult amounts (the limit, 5,000 mg): under 18, adults-only speaks instead.
        hits.append(Hit("interaction-laxative-antacid"))
    if f.answers.magnesium is not None and not f.kidney and not f.far_above:
        # With kidney disease or a dose far above the limit, "a lower dose" is the wrong advice.
        stomach = [s for s in STOMACH_SIGNS if s in f.symptoms]
        if stomach:
            hits.append(Hit("side-effects-lower-dose", {"symptoms": _names("symptoms", stomach)}))
    return hits


def _risk(f: _Facts) -> list[Hit]:
    answers = f.answers
    reasons = [c.value for c in RISK_CONDITIONS if c in answers.conditions]
    risk_medicines = [m.value for m in RISK_MEDICINES if m in f.medicines]
    older = answers.age >= OLDER_AGE
    if not (reasons or risk_medicines or older):
        return []
    keys = (*reasons, *risk_medicines, *(["older_age"] if older else []))
    return [Hit("deficiency-risk", {"reasons": Names("risk", keys)})]


def _advice(f: _Facts, diet: DietEstimate | None, need_mg: float | None) -> list[Hit]:
    hits: list[Hit] = []
    answers, data = f.answers, f.data
    shown_low = f.blood_mmol is not None and f.blood_mmol < data.limits.lab_range.low
    wants = answers.magnesium is not None or answers.considering_magnesium
    if f.adult and wants and not shown_low:
        limit = judge(data.limits, f.standard, answers.age, 0, 0).chosen.mg or 0
        hits.append(
            Hit(
                "only-if-low",
                {
                    "article": Num(data.limits.article.daily_mg),
                    "standard": f.standard,
                    "limit": Num(limit),
                },
            )
        )
    if f.adult and diet is not None and need_mg is not None:
        params: dict[str, Param] = {
            "estimate": Num(diet.mg),
            "need": Num(need_mg),
            "standard": f.standard,
        }
        if diet.mg < need_mg:
            hits.append(Hit("diet-low", params, variant="kidney" if f.kidney else None))
        else:
            hits.append(Hit("diet-adequate", params))
    return hits


def hit_level(data: AssessData, hit: Hit) -> Level:
    return hit.level or data_level(data, hit.id)


def assess(answers: Answers, data: AssessData, standard: Standard = Standard.NNR) -> Assessment:
    f = _facts(answers, data, standard)
    std = data.limits.standard(standard)
    intake = reference_intake(
        std, answers.age, answers.sex, answers.pregnant, answers.breastfeeding
    )
    diet: DietEstimate | None = None
    if answers.diet is not None:
        portions = portion_mg(data)
        by_group = {group: getattr(answers.diet, group) * mg for group, mg in portions.items()}
        diet = DietEstimate(sum(by_group.values()), by_group, portions)
    need = intake.mg if intake is not None else None
    hits = [
        *_red_flags(f),
        *_blood_magnesium(f),
        *_dose(f),
        *_conditions(f),
        *_legs(f),
        *_iron(f),
        *_medicines(f),
        *_risk(f),
        *_advice(f, diet, need),
    ]
    must_stop = f.must_stop
    if must_stop:
        hits = [h for h in hits if h.id not in WITHHELD_WHEN_MUST_STOP]
    elif f.above_limit:
        hits = [h for h in hits if h.id not in WITHHELD_ABOVE_LIMIT]
    order = {finding.id: n for n, finding in enumerate(data.findings)}
    levels = list(Level)
    hits.sort(key=lambda hit: (levels.index(hit_level(data, hit)), order[hit.id]))
    level = hit_level(data, hits[0]) if hits else Level.INFO
    upper = judge(data.limits, standard, answers.age, 0, 0).chosen.mg
    # Foods are withheld when magnesium must stop, and with kidney disease: many of the richest
    # foods are also rich in potassium and phosphate, which kidney patients are often told to
    # limit. That is general clinical knowledge, not in ../shared/reference/ ([U]), so mgcheck
    # only holds back the suggestion and states nothing about it.
    # Beside "get help now" a list of foods is noise, so urgent reports have none either.
    quiet = must_stop or f.kidney or f.above_limit or level is Level.URGENT
    foods = () if quiet else suggested_foods(data)
    adult = f.adult
    return Assessment(
        hits=tuple(hits),
        level=level,
        standard=standard,
        adult=adult,
        need_mg=need if adult else None,
        need_has_no_pregnancy_value=bool(intake and intake.no_separate_pregnancy_value),
        upper_limit_mg=upper if adult else None,
        dose=f.dose if adult else None,
        judgement=f.judgement if adult else None,
        diet=diet if adult else None,
        pattern=f.pattern,
        must_stop=must_stop,
        suggested_foods=foods,
    )


def data_level(data: AssessData, finding_id: str) -> Level:
    return next(f.level for f in data.findings if f.id == finding_id)


def triage_values(limits: LimitsFile) -> dict[str, Num]:
    """The thresholds the triage table's `when` texts name, from data/limits.yaml."""
    bands, iron, critical = limits.dose_bands, limits.iron, limits.lab_critical
    return {
        "critical_low": Num(critical.low, 2),
        "critical_high": Num(critical.high, 2),
        "far": Num(bands.far_above_mg),
        "toxic": Num(bands.toxic_mg),
        "ferritin": Num(iron.ferritin_ug_per_l),
        "ferritin_upper": Num(iron.ferritin_iv_upper_ug_per_l),
        "tsat": Num(iron.tsat_pct),
        "days": Num(SIGNIFICANT_DAYS),
    }
