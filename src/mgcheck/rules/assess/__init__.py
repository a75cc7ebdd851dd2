"""The self-check's medicine: answers in, findings, figures and one plan out. Pure; no words,
no I/O.

Which findings apply and the values they need are decided here; their words live in
data/findings.yaml (the triage table) and are filled in by results/assess.py. Every threshold is
in data/limits.yaml. Red flags are decided first and are never lowered by a later rule. Then the
plan (``plan``, issue 17) decides once what to do with magnesium, when to get help and what most
likely lies behind it; the findings word it: none gives magnesium advice of its own, findings
that would encourage magnesium are withheld beside a plan that restrains it, a finding with
"call 112" words takes them when the plan says 112, and every ticked symptom is named.

One module per concern, each a ``findings`` function over the :class:`Facts` worked out once:
``red_flags``, ``blood`` (blood magnesium), ``dose``, ``conditions``, ``legs`` (and iron),
``medicines`` (and the risk of being low), ``advice``; ``supplement`` reads the label as
elemental magnesium, ``hits`` holds what a rule raises, ``plan`` the one plan. This module
assembles them and is the public face: import from ``mgcheck.rules.assess``.
"""

from __future__ import annotations

from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import Action, AssessData, TimeFrame
from mgcheck.models.base import Food
from mgcheck.models.guidance import LimitsFile
from mgcheck.record import Record
from mgcheck.rules.assess import advice, blood, conditions, dose, legs, medicines, red_flags
from mgcheck.rules.assess.advice import DietEstimate, suggested_foods
from mgcheck.rules.assess.facts import (
    OLDER_AGE,
    OVERDOSE_SIGNS,
    STOMACH_SIGNS,
    Blood,
    BloodState,
    Facts,
    LabRange,
    Pattern,
    blood_reading,
    facts,
    lab_range,
    legs_pattern,
    magnesium_mmol_per_l,
    portion_mg,
    symptoms,
    taking_magnesium,
)
from mgcheck.rules.assess.hits import (
    FormName,
    HelpLines,
    Hit,
    Names,
    Num,
    Others,
    Param,
    Phrases,
    Span,
    names_of,
    out_of_hours,
)
from mgcheck.rules.assess.legs import SIGNIFICANT_DAYS
from mgcheck.rules.assess.plan import (
    EXPLAIN,
    ROWS,
    Plan,
    PlanSaid,
    Said,
    decide,
    level_of,
    plan_words,
)
from mgcheck.rules.assess.red_flags import DANGER_SIGNS
from mgcheck.rules.assess.supplement import UNKNOWN_FORM_WORDS, form_problem, supplement_dose
from mgcheck.rules.dose import Dose
from mgcheck.rules.limits import Judgement, judge, reference_intake
from mgcheck.vocab import Level, Standard, Symptom

__all__ = [
    "DANGER_SIGNS",
    "EXPLAIN",
    "OLDER_AGE",
    "OVERDOSE_SIGNS",
    "ROWS",
    "UNKNOWN_FORM_WORDS",
    "WITHHELD_ABOVE_LIMIT",
    "WITHHELD_UNLESS_KEPT",
    "WITHHELD_WHEN_MUST_STOP",
    "WITHHELD_WHEN_URGENT",
    "Assessment",
    "Blood",
    "BloodState",
    "DietEstimate",
    "Facts",
    "FormName",
    "HelpLines",
    "Hit",
    "LabRange",
    "Names",
    "Num",
    "Others",
    "Param",
    "Pattern",
    "Phrases",
    "Plan",
    "PlanSaid",
    "Said",
    "Span",
    "assess",
    "blood_reading",
    "data_level",
    "form_problem",
    "hit_level",
    "lab_range",
    "legs_pattern",
    "magnesium_mmol_per_l",
    "portion_mg",
    "suggested_foods",
    "supplement_dose",
    "symptoms",
    "taking_magnesium",
    "triage_values",
]

# When magnesium must stop, these would encourage taking it or reassure beside a danger sign.
WITHHELD_WHEN_MUST_STOP = (
    "deficiency-risk",
    "diet-low",
    "diet-adequate",
    "dose-within-limit",
    "only-if-low",
    "side-effects-lower-dose",
)
# Shown only beside a plan that keeps magnesium (under the limit), lets it start or leaves it be:
# beside stop, pause or "do not start" they would be a second, contrary piece of advice.
WITHHELD_UNLESS_KEPT = ("deficiency-risk", "dose-within-limit", "only-if-low")
# "A lower dose" only where the plan keeps the magnesium under the limit (issue 17).
LOWER_DOSE = "side-effects-lower-dose"
PREGNANCY_LEGS = "rls-pregnancy"
# Findings with words for "call 112 now" take them whenever the plan says 112; these only when
# they judge the person's signs (their other words name none).
CALL_112_NEEDS_SIGNS = ("lithium-fluid-loss",)
KEPT = (Action.KEEP_UNDER_LIMIT, Action.MAY_START, Action.FINE_AS_IS)
URGENT_TIMES = (TimeFrame.CALL_112, TimeFrame.TODAY)
# Above the limit, nothing should suggest getting more magnesium.
WITHHELD_ABOVE_LIMIT = ("deficiency-risk", "diet-low", "diet-adequate")
# Beside anything urgent, no "enough" or "within the limit": never a reassurance beside a
# danger sign; and no diet advice (review 3: "the foods below help most" beside 112, with no
# foods below). Facts a doctor needs (a blood value, with its caveat) stay.
WITHHELD_WHEN_URGENT = ("diet-adequate", "diet-low", "dose-within-limit")
# Interactions whose words give timing advice: beside a plan that holds magnesium back they say
# the interaction without it (review 2: timing advice only where magnesium is kept).
TIMED = (
    "interaction-bisphosphonate",
    "interaction-antibiotic",
    "interaction-levothyroxine",
    "interaction-gabapentin",
    "interaction-iron",
)


class Assessment(Record):
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
    plan: Plan
    said: PlanSaid  # the plan's words to use, with their values
    blood: Blood | None = None  # the blood value and the range it was judged against


def hit_level(data: AssessData, hit: Hit) -> Level:
    return hit.level or data_level(data, hit.id)


def assess(answers: Answers, data: AssessData, standard: Standard = Standard.NNR) -> Assessment:
    f = facts(answers, data, standard)
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
        *red_flags.findings(f),
        *blood.findings(f),
        *dose.findings(f),
        *conditions.findings(f),
        *legs.findings(f),
        *legs.iron_findings(f),
        *medicines.findings(f),
        *medicines.risk_findings(f),
        *advice.findings(f, diet, need),
    ]
    plan = decide(f, [hit_level(data, hit) for hit in hits])
    must_stop = f.must_stop or plan.action is Action.STOP_NOW
    if must_stop:
        hits = [h for h in hits if h.id not in WITHHELD_WHEN_MUST_STOP]
    elif f.above_limit:
        hits = [h for h in hits if h.id not in WITHHELD_ABOVE_LIMIT]
    if plan.action not in KEPT:
        hits = [h for h in hits if h.id not in WITHHELD_UNLESS_KEPT]
    if f.blood_high_ish:
        # "Within the limit" is no comfort beside a high value, even one at the edge.
        hits = [h for h in hits if h.id != "dose-within-limit"]
    if plan.action is not Action.KEEP_UNDER_LIMIT or plan.time_frame in URGENT_TIMES:
        # "A lower dose", and that it passes, is no advice beside 112 or today (review 2).
        hits = [h for h in hits if h.id != LOWER_DOSE]
    urgent = plan.time_frame in URGENT_TIMES
    if urgent or any(hit_level(data, hit) is Level.URGENT for hit in hits):
        hits = [h for h in hits if h.id not in WITHHELD_WHEN_URGENT]
        # Restless legs in pregnancy "usually go after the birth": no comfort beside 112 or
        # today (review 2: never a reassurance beside a danger sign).
        hits = [h.replace(variant="urgent") if h.id == PREGNANCY_LEGS else h for h in hits]
    if plan.time_frame is TimeFrame.CALL_112:
        texts = {finding.id: finding for finding in data.findings}
        hits = [
            h.replace(variant="call-112")
            if "call-112" in texts[h.id].variants
            and (h.id not in CALL_112_NEEDS_SIGNS or h.variant == "signs")
            and h.variant != "lung"  # already 112, and for a clot that may be in the lungs
            else h
            for h in hits
        ]
    hits = _name_every_symptom(hits, f)
    hits = _in_the_plans_words(hits, plan, f)
    order = {finding.id: n for n, finding in enumerate(data.findings)}
    levels = list(Level)
    hits.sort(key=lambda hit: (levels.index(hit_level(data, hit)), order[hit.id]))
    found = [hit_level(data, hit) for hit in hits]
    timed = level_of(plan.time_frame)
    level = min([*found, *([timed] if timed else []), Level.INFO], key=levels.index)
    upper = judge(data.limits, standard, answers.age, 0, 0).chosen.mg
    # Foods are withheld when magnesium must stop, and with kidney disease: many of the richest
    # foods are also rich in potassium and phosphate, which kidney patients are often told to
    # limit. That is general clinical knowledge, not in ../shared/reference/ ([U]), so mgcheck
    # only holds back the suggestion and states nothing about it.
    # Beside "get help now" a list of foods is noise, so urgent reports have none either.
    quiet = must_stop or f.kidney or f.above_limit or f.blood_high_ish or level is Level.URGENT
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
        plan=plan,
        said=plan_words(plan, f, level),
        blood=f.blood,
    )


def _in_the_plans_words(hits: list[Hit], plan: Plan, f: Facts) -> list[Hit]:
    """Findings speak within the plan (review 2): timing advice only where magnesium is kept or
    may start, and a stomach upset the plan puts down to the supplement is not also called a
    cause mgcheck cannot tell."""
    kept = plan.action in KEPT
    supplement = {"side_effect_of_supplement", "too_much_magnesium"} & {
        e.value for e in plan.explanations
    }
    out: list[Hit] = []
    for hit in hits:
        if hit.id in TIMED and not kept:
            hit = hit.replace(variant="held", params={})
        elif hit.id == "interaction-digoxin":
            variant = hit.variant if kept or hit.variant == "measured" else None
            apart = Phrases(("digoxin-apart",) if kept else ())
            hit = hit.replace(variant=variant, params={**hit.params, "apart": apart})
        if hit.id == "symptoms-see-doctor" and hit.variant is None and supplement:
            named = hit.params.get("symptoms")
            if isinstance(named, Names) and set(named.keys) <= {s.value for s in STOMACH_SIGNS}:
                hit = hit.replace(variant="supplement")
        out.append(hit)
    return out


def _name_every_symptom(hits: list[Hit], f: Facts) -> list[Hit]:
    """Every ticked symptom is named where it is judged (issue 17, point 2): one that no
    finding names is judged with the symptoms a doctor should see."""
    named = {
        key
        for hit in hits
        for value in hit.params.values()
        if isinstance(value, Names) and value.kind == "symptoms"
        for key in value.keys
    }
    left = [s for s in Symptom if s in f.symptoms and s.value not in named]
    if not left:
        return hits
    for n, hit in enumerate(hits):
        if hit.id == "symptoms-see-doctor":
            have = hit.params["symptoms"]
            assert isinstance(have, Names)
            keys = (*have.keys, *(s.value for s in left))
            hits[n] = hit.replace(params={**hit.params, "symptoms": Names("symptoms", keys)})
            return hits
    return [
        *hits,
        Hit(
            "symptoms-see-doctor",
            {
                "symptoms": names_of("symptoms", left),
                "note": Phrases(()),
                "out_of_hours": out_of_hours(),
            },
        ),
    ]


def data_level(data: AssessData, finding_id: str) -> Level:
    return next(f.level for f in data.findings if f.id == finding_id)


def triage_values(limits: LimitsFile) -> dict[str, Num]:
    """The thresholds the triage table's `when` texts name, from data/limits.yaml."""
    bands, iron, critical = limits.dose_bands, limits.iron, limits.lab_critical
    spread = limits.lab_spread
    return {
        "critical_low": Num(critical.low, 2),
        "critical_high": Num(critical.high, 2),
        "edge": Num(spread.edge, 2),
        "lowest": Num(spread.lowest_low, 2),
        "highest": Num(spread.highest_high, 2),
        "far": Num(bands.far_above_mg),
        "toxic": Num(bands.toxic_mg),
        "ferritin": Num(iron.ferritin_ug_per_l),
        "ferritin_upper": Num(iron.ferritin_iv_upper_ug_per_l),
        "tsat": Num(iron.tsat_pct),
        "days": Num(SIGNIFICANT_DAYS),
    }
