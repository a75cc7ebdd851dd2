"""The self-check's medicine: answers in, findings and figures out. Pure; no words, no I/O.

Which findings apply and the values they need are decided here; their words live in
data/findings.yaml and are filled in by mgcheck.report. Thresholds come from data/limits.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from mgcheck.datafiles import AssessData
from mgcheck.models import Food
from mgcheck.models_answers import Answers, Legs, MagnesiumLab
from mgcheck.rules.dose import (
    Dose,
    NoSuchHydrate,
    UnknownForm,
    elemental_dose,
    fraction_range,
    resolve_form,
)
from mgcheck.rules.limits import (
    ADULT_AGE,
    Judgement,
    LimitView,
    Verdict,
    judge,
    reference_intake,
)
from mgcheck.vocab import (
    Condition,
    Distress,
    Level,
    LookAlike,
    MagnesiumUnit,
    Medicine,
    Standard,
    Symptom,
)

# Signs of too much magnesium that need help now (article; rls.md 7). Muscle weakness counts only
# in someone taking magnesium: on its own it is no emergency sign.
DANGER_SIGNS = (
    Symptom.DIZZINESS_OR_FAINTING,
    Symptom.CONFUSION,
    Symptom.IRREGULAR_OR_SLOW_HEARTBEAT,
    Symptom.BREATHING_DIFFICULTY,
    Symptom.MUSCLE_WEAKNESS,
)
STOMACH_SIGNS = (Symptom.DIARRHOEA, Symptom.NAUSEA, Symptom.VOMITING, Symptom.STOMACH_CRAMPS)
DOCTOR_FIRST = {
    Condition.KIDNEY_DISEASE: "doctor-first-kidney",
    Condition.BLEEDING_DISORDER: "doctor-first-bleeding",
    Condition.HEART_RHYTHM: "doctor-first-heart",
    Condition.MYASTHENIA_GRAVIS: "doctor-first-myasthenia",
}
TIMED_INTERACTIONS = {
    Medicine.BISPHOSPHONATE: "interaction-bisphosphonate",
    Medicine.ANTIBIOTIC: "interaction-antibiotic",
    Medicine.LEVOTHYROXINE: "interaction-levothyroxine",
    Medicine.GABAPENTIN: "interaction-gabapentin",
}
DIURETICS = (Medicine.LOOP_OR_THIAZIDE_DIURETIC, Medicine.POTASSIUM_SPARING_DIURETIC)
WORSEN_LEGS = (
    Medicine.ANTIHISTAMINE,
    Medicine.ANTIDEPRESSANT,
    Medicine.ANTIPSYCHOTIC,
    Medicine.ANTINAUSEA,
)
RISK_CONDITIONS = (Condition.TYPE2_DIABETES, Condition.BOWEL_DISEASE, Condition.ALCOHOL)
RISK_MEDICINES = (Medicine.PPI, Medicine.LOOP_OR_THIAZIDE_DIURETIC)
OLDER_AGE = 70  # NIH ODS (consumers): men over 70 are among those most often low
SIGNIFICANT_DAYS = 2  # clinically significant: at least twice a week ... (rls.md 1.3)
SIGNIFICANT_DISTRESS = (Distress.MODERATE, Distress.SEVERE)  # ... with at least moderate distress
MG_MOLAR_MASS = 24.305  # g/mol: 1 mmol/L = 2.4305 mg/dL = 2 mEq/L (magnesium.md h)
UNKNOWN_FORM_WORDS = ("unknown", "ved ikke", "ukendt", "don't know", "dont know")
SUGGESTED_FOODS = 5


class Pattern(str, Enum):
    FITS = "fits"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"


# Values a finding's words need; mgcheck.report turns each into text in the chosen language.
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
class Means:
    """Look-alikes, each explained by its data/questions.yaml look_alike_means text."""

    keys: tuple[LookAlike, ...]


@dataclass(frozen=True)
class Others:
    """The other standards' upper limits, named beside the chosen one's."""

    limits: tuple[LimitView, ...]


Param = Num | Span | Names | Means | Others | Standard


@dataclass(frozen=True)
class Hit:
    id: str
    params: dict[str, Param] = field(default_factory=dict)


@dataclass(frozen=True)
class DietEstimate:
    mg: float
    by_group: dict[str, float]  # mg a day from each group
    portion_mg: dict[str, float]  # mg in one portion of each group


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
    suggested_foods: tuple[Food, ...]


def taking_magnesium(answers: Answers) -> bool:
    return (
        answers.magnesium is not None or Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID in answers.medicines
    )


def legs_pattern(legs: Legs) -> Pattern:
    """All four core criteria are required (IRLSSG 2014); three of four never 'fits'."""
    if legs.criteria_met() < 4:
        return Pattern.UNLIKELY
    return Pattern.POSSIBLE if legs.look_alikes else Pattern.FITS


def magnesium_mmol_per_l(lab: MagnesiumLab) -> float:
    if lab.unit is MagnesiumUnit.MG_DL:
        return lab.value * 10 / MG_MOLAR_MASS
    if lab.unit is MagnesiumUnit.MEQ_L:
        return lab.value / 2
    return lab.value


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
    """Elemental magnesium a day from the supplement, or None if it cannot be worked out."""
    supplement = answers.magnesium
    if supplement is None:
        return None
    if supplement.elemental:
        return elemental_dose(None, supplement.amount_mg, supplement.per_day, elemental=True)
    if _is_unknown_form(supplement.form):
        return None
    try:
        match = resolve_form(data.forms, supplement.form)
    except (UnknownForm, NoSuchHydrate):
        return None
    return elemental_dose(match, supplement.amount_mg, supplement.per_day)


def form_problem(answers: Answers, data: AssessData) -> UnknownForm | NoSuchHydrate | None:
    """Why the supplement's form cannot be read, for the answers loader to report."""
    supplement = answers.magnesium
    if supplement is None or supplement.elemental or _is_unknown_form(supplement.form):
        return None
    try:
        resolve_form(data.forms, supplement.form)
    except (UnknownForm, NoSuchHydrate) as exc:
        return exc
    return None


def _urgent(answers: Answers) -> list[Hit]:
    hits: list[Hit] = []
    symptoms = set(answers.symptoms_now)
    if taking_magnesium(answers):
        signs = [s.value for s in DANGER_SIGNS if s in symptoms]
        if signs:
            hits.append(Hit("urgent-overdose-signs", {"signs": Names("symptoms", tuple(signs))}))
    else:
        signs = [
            s.value for s in DANGER_SIGNS if s in symptoms and s is not Symptom.MUSCLE_WEAKNESS
        ]
        if signs:
            hits.append(Hit("urgent-danger-signs", {"signs": Names("symptoms", tuple(signs))}))
    if answers.legs and LookAlike.ONE_LEG_SWOLLEN_WARM_RED in answers.legs.look_alikes:
        hits.append(Hit("urgent-clot-signs"))
    return hits


def _doctor(answers: Answers, data: AssessData, pattern: Pattern | None) -> list[Hit]:
    hits: list[Hit] = []
    if answers.age < ADULT_AGE:
        hits.append(Hit("adults-only"))
    hits += [Hit(DOCTOR_FIRST[c]) for c in DOCTOR_FIRST if c in answers.conditions]
    if answers.pregnant or answers.breastfeeding:
        hits.append(Hit("doctor-first-pregnancy"))
    legs = answers.legs
    fitting = pattern in (Pattern.FITS, Pattern.POSSIBLE)
    if legs and fitting:
        often = legs.days_per_week >= SIGNIFICANT_DAYS and legs.distress in SIGNIFICANT_DISTRESS
        if often or legs.sleep_disturbed:
            hits.append(Hit("rls-see-doctor"))
    labs = answers.labs
    iron = data.limits.iron
    if fitting and labs and labs.ferritin and labs.ferritin.value <= iron.ferritin_ug_per_l:
        hits.append(
            Hit(
                "ferritin-low",
                {"ferritin": Num(labs.ferritin.value), "threshold": Num(iron.ferritin_ug_per_l)},
            )
        )
    if labs and labs.magnesium:
        value = magnesium_mmol_per_l(labs.magnesium)
        lab = data.limits.lab_range
        finding = (
            "magnesium-low"
            if value < lab.low
            else "magnesium-high"
            if value > lab.high
            else "magnesium-normal"
        )
        hits.append(
            Hit(finding, {"value": Num(value, 2), "low": Num(lab.low, 2), "high": Num(lab.high, 2)})
        )
    return hits


def _supplement(
    answers: Answers, data: AssessData, dose: Dose | None, judgement: Judgement | None
) -> list[Hit]:
    hits: list[Hit] = []
    supplement = answers.magnesium
    if supplement is None or answers.age < ADULT_AGE:
        return hits
    if dose is None or judgement is None:
        spans = [fraction_range(form) for form in data.forms.forms]
        low, high = min(s[0] for s in spans), max(s[1] for s in spans)
        hits.append(Hit("dose-unknown", {"range": Span(low * 100, high * 100, 1)}))
    else:
        params: dict[str, Param] = {
            "dose": Span(dose.per_day_low, dose.per_day_high),
            "standard": judgement.chosen.standard,
            "limit": Num(judgement.chosen.mg or 0),
            "others": Others(judgement.others),
        }
        above = judgement.verdict in (Verdict.ABOVE, Verdict.MAYBE_ABOVE)
        hits.append(Hit("dose-above-limit" if above else "dose-within-limit", params))
    return hits


def _caution(answers: Answers) -> list[Hit]:
    hits: list[Hit] = []
    medicines = set(answers.medicines)
    symptoms = set(answers.symptoms_now)
    taking = taking_magnesium(answers)
    if taking:
        stomach = [s.value for s in STOMACH_SIGNS if s in symptoms]
        if stomach:
            hits.append(
                Hit("side-effects-lower-dose", {"symptoms": Names("symptoms", tuple(stomach))})
            )
    if taking or answers.considering_magnesium:
        hits += [Hit(TIMED_INTERACTIONS[m]) for m in TIMED_INTERACTIONS if m in medicines]
        diuretics = [m.value for m in DIURETICS if m in medicines]
        if diuretics:
            hits.append(
                Hit("interaction-diuretic", {"which": Names("medicines", tuple(diuretics))})
            )
    if Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID in medicines and answers.age >= ADULT_AGE:
        # Its words give adult amounts (the limit, 5,000 mg): under 18, adults-only speaks instead.
        hits.append(Hit("interaction-laxative-antacid"))
    legs = answers.legs
    if legs:
        worsening = [m.value for m in WORSEN_LEGS if m in medicines]
        if worsening:
            hits.append(
                Hit("rls-medicine-may-worsen", {"medicines": Names("medicines", tuple(worsening))})
            )
        if legs.look_alikes:
            hits.append(Hit("rls-look-alike", {"items": Means(tuple(legs.look_alikes))}))
    reasons = [c.value for c in RISK_CONDITIONS if c in answers.conditions]
    risk_medicines = [m.value for m in RISK_MEDICINES if m in medicines]
    older = answers.age >= OLDER_AGE
    if reasons or risk_medicines or older:
        params: dict[str, Param] = {
            "reasons": Names("risk", (*reasons, *risk_medicines, *(["older_age"] if older else [])))
        }
        hits.append(Hit("deficiency-risk", params))
    return hits


def _info(
    answers: Answers,
    data: AssessData,
    standard: Standard,
    pattern: Pattern | None,
    need_mg: float | None,
    diet: DietEstimate | None,
) -> list[Hit]:
    hits: list[Hit] = []
    legs = answers.legs
    if legs and pattern is not None:
        if pattern is Pattern.UNLIKELY:
            hits.append(Hit("rls-pattern-unlikely", {"count": Num(legs.criteria_met())}))
        else:
            hits.append(Hit(f"rls-pattern-{pattern.value}"))
        if answers.pregnant:
            hits.append(Hit("rls-pregnancy"))
        hits.append(Hit("magnesium-evidence"))
    adult = answers.age >= ADULT_AGE
    labs = answers.labs
    shown_low = (
        labs is not None
        and labs.magnesium is not None
        and magnesium_mmol_per_l(labs.magnesium) < data.limits.lab_range.low
    )
    wants = answers.magnesium is not None or answers.considering_magnesium
    if adult and wants and not shown_low:
        limit = judge(data.limits, standard, answers.age, 0, 0).chosen.mg or 0
        hits.append(
            Hit(
                "only-if-low",
                {
                    "article": Num(data.limits.article.daily_mg),
                    "standard": standard,
                    "limit": Num(limit),
                },
            )
        )
    if adult and diet is not None and need_mg is not None:
        params: dict[str, Param] = {
            "estimate": Num(diet.mg),
            "need": Num(need_mg),
            "standard": standard,
        }
        hits.append(Hit("diet-low" if diet.mg < need_mg else "diet-adequate", params))
    return hits


def assess(answers: Answers, data: AssessData, standard: Standard = Standard.NNR) -> Assessment:
    adult = answers.age >= ADULT_AGE
    std = data.limits.standard(standard)
    intake = reference_intake(
        std, answers.age, answers.sex.value, answers.pregnant, answers.breastfeeding
    )
    dose = supplement_dose(answers, data)
    judgement = (
        judge(data.limits, standard, answers.age, dose.per_day_low, dose.per_day_high)
        if dose is not None
        else None
    )
    pattern = legs_pattern(answers.legs) if answers.legs else None
    diet: DietEstimate | None = None
    if answers.diet is not None:
        portions = portion_mg(data)
        by_group = {group: getattr(answers.diet, group) * mg for group, mg in portions.items()}
        diet = DietEstimate(sum(by_group.values()), by_group, portions)
    need = intake.mg if intake is not None else None
    hits = [
        *_urgent(answers),
        *_doctor(answers, data, pattern),
        *_supplement(answers, data, dose, judgement),
        *_caution(answers),
        *_info(answers, data, standard, pattern, need, diet),
    ]
    order = {
        finding.id: (list(Level).index(finding.level), n) for n, finding in enumerate(data.findings)
    }
    hits.sort(key=lambda hit: order[hit.id])
    level = data_level(data, hits[0].id) if hits else Level.INFO
    upper = judge(data.limits, standard, answers.age, 0, 0).chosen.mg
    return Assessment(
        hits=tuple(hits),
        level=level,
        standard=standard,
        adult=adult,
        need_mg=need if adult else None,
        need_has_no_pregnancy_value=bool(intake and intake.no_separate_pregnancy_value),
        upper_limit_mg=upper if adult else None,
        dose=dose if adult else None,
        judgement=judgement if adult else None,
        diet=diet if adult else None,
        pattern=pattern,
        suggested_foods=suggested_foods(data),
    )


def data_level(data: AssessData, finding_id: str) -> Level:
    return next(f.level for f in data.findings if f.id == finding_id)
