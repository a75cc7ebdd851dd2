"""The one plan of a report (issue 17): from all the answers, once, before any words.

- the magnesium **action**: exactly one (``Action``); where rows of the table disagree, the most
  restraining wins, for someone taking magnesium and for someone who is not;
- its **time frame**: the most urgent any row gives (``TimeFrame``); never less than "today"
  beside an urgent finding;
- the likely **explanations**, ranked by the order of the rules that bring them in.

Which rows apply is decided here (``ROWS``, ``EXPLAIN``: one predicate per id); what each row
decides, and the words, are in data/findings.yaml ``plan:`` for a clinician to review
(docs/triage.md shows the table). Every finding words this plan and gives no magnesium advice of
its own; the plan's words are filled in by results/assess.py.
"""

from __future__ import annotations

from collections.abc import Callable

from mgcheck.models.assess_data import Action, Explanation, PlanRow, TimeFrame
from mgcheck.record import Record, field
from mgcheck.rules.assess.conditions import myasthenia_signs
from mgcheck.rules.assess.facts import (
    DRYING,
    STOMACH_SIGNS,
    BloodState,
    Facts,
    Pattern,
)
from mgcheck.rules.assess.hits import (
    OUT_OF_HOURS,
    FormName,
    HelpLines,
    Names,
    Num,
    Others,
    Param,
    Phrases,
    Span,
    names_of,
    phrases,
)
from mgcheck.rules.assess.legs import SIGNIFICANT_DAYS, SIGNIFICANT_DISTRESS
from mgcheck.rules.assess.medicines import DIURETICS_LOSE as LOSE_DIURETICS
from mgcheck.rules.assess.medicines import LOSE_PHRASES, stomach_form
from mgcheck.rules.limits import judge
from mgcheck.vocab import Condition, Level, LookAlike, Medicine, Symptom

S = Symptom
# Signs for which the words say "call 112 now" (rls.md 7).
SEVERE = (S.BREATHING_DIFFICULTY, S.FAINTING, S.CONFUSION, S.IRREGULAR_OR_SLOW_HEARTBEAT)
DANGER = (*SEVERE, S.SPREADING_WEAKNESS_OR_NUMBNESS)
# Early signs of too much lithium (US label via magnesium.md l [S]): diarrhoea, vomiting,
# drowsiness, muscular weakness; confusion is a later one.
LITHIUM_SIGNS = (S.VOMITING, S.DIARRHOEA, S.DROWSINESS, S.MUSCLE_WEAKNESS, S.CONFUSION)
# Digoxin: early toxicity is mostly nausea and vomiting, then a slow or irregular pulse and
# confusion (Rao 2013 [V]; magnesium.md l).
DIGOXIN_SIGNS = (S.NAUSEA, S.VOMITING, S.IRREGULAR_OR_SLOW_HEARTBEAT, S.CONFUSION, S.FAINTING)
LOW_SIGNS = (S.MUSCLE_WEAKNESS, S.IRREGULAR_OR_SLOW_HEARTBEAT)  # FDA-PPI; magnesium.md g


def _any(f: Facts, symptoms: tuple[Symptom, ...]) -> bool:
    return any(s in f.symptoms for s in symptoms)


def clot_suspected(f: Facts) -> bool:
    legs = f.answers.legs
    return legs is not None and LookAlike.ONE_LEG_SWOLLEN_WARM_RED in legs.look_alikes


def _state(f: Facts, *states: BloodState) -> bool:
    return f.blood is not None and f.blood.state in states


def _lithium_signs(f: Facts) -> bool:
    return Medicine.LITHIUM in f.medicines and _any(f, LITHIUM_SIGNS)


def _lithium_drying(f: Facts) -> bool:
    """Lithium with vomiting or diarrhoea: losing fluid builds lithium up (magnesium.md l)."""
    return Medicine.LITHIUM in f.medicines and _any(f, DRYING)


def _digoxin_signs(f: Facts) -> bool:
    return Medicine.DIGOXIN in f.medicines and _any(f, DIGOXIN_SIGNS)


def _legs_relevant(f: Facts) -> bool:
    """Leg symptoms a doctor should hear of: the pattern may fit, or they bother often."""
    legs = f.answers.legs
    if legs is None or f.pattern is None or clot_suspected(f):
        return False  # one swollen, warm, red leg is the clot's until a doctor has seen it
    often = legs.days_per_week >= SIGNIFICANT_DAYS and legs.distress in SIGNIFICANT_DISTRESS
    return f.pattern is not Pattern.UNLIKELY or often or legs.sleep_disturbed


def iron_normal(f: Facts) -> bool:
    """Ferritin above the range where guidelines still consider iron, and no low saturation."""
    labs, iron = f.answers.labs, f.data.limits.iron
    if labs is None or labs.ferritin is None:
        return False
    tsat = labs.transferrin_saturation
    return labs.ferritin.value > iron.ferritin_iv_upper_ug_per_l and (
        tsat is None or tsat.value >= iron.tsat_pct
    )


def iron_low(f: Facts) -> bool:
    labs, iron = f.answers.labs, f.data.limits.iron
    if labs is None:
        return False
    ferritin, tsat = labs.ferritin, labs.transferrin_saturation
    return (ferritin is not None and ferritin.value <= iron.ferritin_iv_upper_ug_per_l) or (
        tsat is not None and tsat.value < iron.tsat_pct
    )


def unexplained_danger(f: Facts) -> tuple[Symptom, ...]:
    """The danger signs (and dizziness) that too much magnesium does not explain."""
    explained = set(f.too_much_signs)
    return tuple(s for s in (*DANGER, S.DIZZINESS) if s in f.symptoms and s not in explained)


# The grounds for "too little magnesium" without a measured value that the sources name
# (review 2): acid-reducing medicine, loop or thiazide diuretics (FDA-PPI; SmPC-A/B), much
# alcohol, bowel disease, type 2 diabetes (NIH ODS; lab handbooks: magnesium.md f), or a diet
# estimate below the need.
GROUND_CONDITIONS = (Condition.TYPE2_DIABETES, Condition.BOWEL_DISEASE, Condition.ALCOHOL)


def low_grounds(f: Facts) -> tuple[str, ...]:
    """The risks the answers name for running low on magnesium, as answer values."""
    conditions = [c.value for c in GROUND_CONDITIONS if c in f.answers.conditions]
    return (*conditions, *(m.value for m in f.loses_magnesium))


def _too_little_grounds(f: Facts) -> bool:
    return bool(low_grounds(f)) or f.diet_low


Predicate = Callable[[Facts], bool]

# When each row of data/findings.yaml `plan.rows` applies.
ROWS: dict[str, Predicate] = {
    "too-much-severe": lambda f: _any(f, SEVERE) and bool(set(f.too_much_signs) & set(SEVERE)),
    "too-much-signs": lambda f: bool(f.too_much_signs),
    "blood-critical-high": lambda f: _state(f, BloodState.CRITICAL_HIGH),
    "blood-high-beyond": lambda f: (
        _state(f, BloodState.HIGH) and f.blood is not None and f.blood.beyond
    ),
    "blood-high": lambda f: _state(f, BloodState.HIGH),
    "blood-edge-high": lambda f: _state(f, BloodState.EDGE_HIGH),
    "blood-critical-low": lambda f: _state(f, BloodState.CRITICAL_LOW),
    "blood-low-rhythm": lambda f: f.blood_low and S.IRREGULAR_OR_SLOW_HEARTBEAT in f.symptoms,
    "blood-low-signs": lambda f: f.blood_low and _any(f, LOW_SIGNS),
    "blood-low-beyond": lambda f: f.blood_low and f.blood is not None and f.blood.beyond,
    "blood-low": lambda f: _state(f, BloodState.LOW),
    "blood-edge-low": lambda f: _state(f, BloodState.EDGE_LOW),
    "digoxin-low": lambda f: Medicine.DIGOXIN in f.medicines and f.blood_low_ish,
    "lithium-danger": lambda f: (
        Medicine.LITHIUM in f.medicines
        and (
            S.CONFUSION in f.symptoms or (S.THOUGHTS_OF_SELF_HARM in f.symptoms and _any(f, DRYING))
        )
    ),
    "lithium-fluid-loss": _lithium_drying,
    "lithium-signs": lambda f: _lithium_signs(f) and not _lithium_drying(f),
    "digoxin-signs": _digoxin_signs,
    "danger-112": lambda f: _any(f, (S.BREATHING_DIFFICULTY, S.FAINTING)),
    "danger-today": lambda f: _any(f, (S.CONFUSION, S.IRREGULAR_OR_SLOW_HEARTBEAT)),
    "danger-pause": lambda f: _any(f, DANGER) and not f.blood_low,
    "spreading-weakness": lambda f: S.SPREADING_WEAKNESS_OR_NUMBNESS in f.symptoms,
    "self-harm": lambda f: S.THOUGHTS_OF_SELF_HARM in f.symptoms,
    "clot": clot_suspected,
    "older-supplement-diarrhoea": lambda f: f.supplement and f.older and S.DIARRHOEA in f.symptoms,
    "older-drying": lambda f: f.older_drying,
    "drying": lambda f: f.drying,
    "dose-toxic": lambda f: (
        f.dose is not None and f.dose.per_day_high >= f.data.limits.dose_bands.toxic_mg
    ),
    "dose-far-kidney": lambda f: f.far_above and f.kidney,
    "dose-far-above": lambda f: f.far_above,
    "kidney-taking": lambda f: f.kidney and f.taking,
    "kidney": lambda f: f.kidney,
    "heart-rhythm": lambda f: Condition.HEART_RHYTHM in f.answers.conditions,
    "myasthenia": lambda f: Condition.MYASTHENIA_GRAVIS in f.answers.conditions,
    "myasthenia-signs": lambda f: bool(myasthenia_signs(f)),
    "bleeding": lambda f: Condition.BLEEDING_DISORDER in f.answers.conditions,
    "laxative-with-supplement": lambda f: f.laxative and f.supplement,
    "child-above": lambda f: not f.adult and f.above_limit,
    "child": lambda f: not f.adult,
    "dose-above": lambda f: f.adult and f.above_limit,
    "digoxin": lambda f: (
        Medicine.DIGOXIN in f.medicines
        and (f.taking or f.answers.considering_magnesium)
        and not f.blood_low_ish
    ),
    "pregnant": lambda f: f.answers.pregnant,
    "adult-considering": lambda f: f.adult and f.answers.considering_magnesium,
    "adult": lambda f: f.adult,
}


def _too_much_said(f: Facts) -> bool:
    """Too much magnesium is among the explanations (measured, plausible, or a dose above the
    limit with stomach upset): an unmeasured "too little" beside it would only confuse."""
    return any(EXPLAIN[rule](f) for rule in ("measured-high", "plausible-excess", "intake-above"))


def _kidney_explains(f: Facts) -> bool:
    """Kidney disease explains leg symptoms (rls.md 4.3), or magnesium that builds up: a high
    value or signs of too much (with nothing to explain, it is no explanation)."""
    return f.kidney and (_legs_relevant(f) or f.blood_high_ish or bool(f.too_much_signs))


# When each rule of data/findings.yaml `plan.explain` brings its explanation in.
EXPLAIN: dict[str, Predicate] = {
    "self-harm": lambda f: S.THOUGHTS_OF_SELF_HARM in f.symptoms,
    "clot": clot_suspected,
    "kidney-legs": lambda f: f.kidney and _legs_relevant(f) and not f.too_much_signs,
    "measured-high": lambda f: f.blood_high or (f.blood_high_ish and bool(f.too_much_signs)),
    "plausible-excess": lambda f: bool(f.overdose_signs),
    "kidney": _kidney_explains,
    "lithium": _lithium_signs,
    "lithium-other": _lithium_signs,
    "digoxin": _digoxin_signs,
    "digoxin-other": _digoxin_signs,
    "intake-above": lambda f: (
        f.supplement
        and f.above_limit
        and _any(f, STOMACH_SIGNS)
        and (f.blood is None or not f.blood.not_high)
    ),
    "measured-low": lambda f: f.blood_low_ish,
    "low-medicine": lambda f: f.blood_low_ish and bool(f.loses_magnesium),
    "red-flags": lambda f: bool(unexplained_danger(f)),
    "myasthenia-signs": lambda f: bool(myasthenia_signs(f)),
    "drying": lambda f: f.drying,
    "excess-other": lambda f: (f.blood_high or bool(f.too_much_signs)) and not f.kidney,
    "bowel-risk": lambda f: (
        Condition.BOWEL_DISEASE in f.answers.conditions
        and f.blood is None
        and _any(f, STOMACH_SIGNS)
        and not _too_much_said(f)
    ),
    "supplement-stomach": lambda f: f.supplement and _any(f, STOMACH_SIGNS),
    "low-symptoms": lambda f: f.blood_low_ish and bool(f.symptoms),
    "older-stomach": lambda f: f.older and _any(f, DRYING),
    "iron": lambda f: (
        (_legs_relevant(f) and f.pattern is not Pattern.UNLIKELY and not iron_normal(f))
        or (f.answers.legs is not None and iron_low(f))
    ),
    "legs-magnesium": lambda f: (
        _legs_relevant(f)
        and f.adult
        and f.blood is None
        and not f.kidney
        and not _too_much_said(f)
        and _too_little_grounds(f)
    ),
    "legs-other": lambda f: (
        _legs_relevant(f)
        and (not f.adult or (iron_normal(f) and f.blood is not None and not f.blood_low_ish))
    ),
}

ACTIONS = list(Action)  # the most restraining first
TIME_FRAMES = list(TimeFrame)  # the most urgent first
URGENT_TIME = (TimeFrame.CALL_112, TimeFrame.TODAY)


class Plan(Record):
    """The one plan: what the rows decided, and which rows and rules applied (for the words
    and for a clinician reading the JSON)."""

    action: Action
    time_frame: TimeFrame
    explanations: tuple[Explanation, ...]
    rows: tuple[str, ...]  # the table rows that applied, in the table's order
    because: tuple[str, ...]  # the rows that set the action and the time frame
    restraint: Action  # what the rows say for someone taking magnesium (must it stop?)
    # Review 2: the rows whose reasons the time frame names and whose why the action says,
    # and the explain rules that applied (another illness names what each points to).
    timed_by: tuple[str, ...] = ()
    held_by: tuple[str, ...] = ()
    explained_by: tuple[str, ...] = ()


HELD = (Action.STOP_NOW, Action.PAUSE_UNTIL_DOCTOR, Action.DO_NOT_START)


def _side(row: PlanRow, taking: bool, low: bool = False) -> Action | None:
    """What a row says of magnesium for someone taking it or not. Beside a measured low value a
    row that holds it back only for a medicine, a look-alike or a caution the low value
    outweighs says nothing (review 2: low magnesium is treated with magnesium; Rao 2013,
    magnesium.md l); rows where magnesium itself can harm at any level still hold it back."""
    if row.action is None:
        return None
    action = row.action.taking if taking else row.action.not_taking
    if low and taking and row.low_keeps and action in HELD:
        return None  # someone not taking it is still told to let the doctor decide how
    return action


def decide(f: Facts, levels: list[Level]) -> Plan:
    """The plan from the facts and the levels of the findings raised for them."""
    table = f.data.plan
    low = f.blood_low_ish
    applied = [row for row in table.rows if ROWS[row.id](f)]
    actions = [(a, row.id) for row in applied if (a := _side(row, f.taking, low)) is not None]
    action, by_action = min(actions, key=lambda pair: ACTIONS.index(pair[0]))
    taking_side = [a for row in applied if (a := _side(row, True, low)) is not None]
    restraint = min(taking_side, key=ACTIONS.index) if taking_side else action
    times = [(row.time_frame, row.id) for row in applied if row.time_frame is not None]
    time_frame, by_time = min(times, key=lambda pair: TIME_FRAMES.index(pair[0]))
    if Level.URGENT in levels and time_frame not in URGENT_TIME:
        # A safety net: an urgent finding is always "today" at least. The properties check that
        # the table's rows already say so (it never decides a plan on its own).
        time_frame, by_time = TimeFrame.TODAY, "urgent-finding"
    # What the time frame names: the rows that set it (at 112, those for today too: every red
    # flag is named at the top) and what the action says: every row that set it.
    named = (time_frame, TimeFrame.TODAY) if time_frame is TimeFrame.CALL_112 else (time_frame,)
    timed_by = tuple(row.id for row in applied if row.time_frame in named)
    held_by = tuple(
        row.id for row in applied if action in HELD and _side(row, f.taking, low) is action
    )
    explanations: list[Explanation] = []
    explained_by: list[str] = []
    for rule in table.explain:
        if EXPLAIN[rule.id](f):
            explained_by.append(rule.id)
            if rule.explanation not in explanations:
                explanations.append(rule.explanation)
    return Plan(
        action=action,
        time_frame=time_frame,
        explanations=tuple(explanations),
        rows=tuple(row.id for row in applied),
        because=tuple(dict.fromkeys((by_action, by_time))),
        restraint=restraint,
        timed_by=timed_by,
        held_by=held_by,
        explained_by=tuple(explained_by),
    )


def level_of(time_frame: TimeFrame) -> Level | None:
    """The least level a time frame carries: help today or 112 is urgent; within days, a doctor."""
    if time_frame in URGENT_TIME:
        return Level.URGENT
    if time_frame is TimeFrame.WITHIN_DAYS:
        return Level.DOCTOR
    return None


# --- the plan's words: which of them, and the values they need (results/assess.py fills them) ---


class Said(Record):
    """One part of the plan as it is to be worded: its id, other words for the situation, and
    the values those words need."""

    id: str
    variant: str | None = None
    params: dict[str, Param] = field(default_factory=dict)


class PlanSaid(Record):
    action: Said
    time_frame: Said
    explanations: tuple[Said, ...]


def _who(f: Facts) -> str:
    """Whom to talk to: the doctor with a parent under 18, the midwife in pregnancy, the own
    doctor while breastfeeding (the midwife's care ends with the birth), else the doctor."""
    if not f.adult:
        return "who-child"
    if f.answers.pregnant:
        return "who-midwife"
    if f.answers.breastfeeding:
        return "who-gp"
    return "who-doctor"


def _limit(f: Facts) -> dict[str, Param]:
    judgement = judge(f.data.limits, f.standard, f.answers.age, 0, 0)
    return {
        "limit": Num(judgement.chosen.mg or 0),
        "standard": f.standard,
        "others": Others(judgement.others),
    }


def _action(plan: Plan, f: Facts) -> Said:
    action, urgent = plan.action, plan.time_frame in URGENT_TIME
    params: dict[str, Param] = {"who": phrases(_who(f)), **_limit(f)}
    dose = f.dose
    if dose is not None:
        params["dose"] = Span(dose.per_day_low, dose.per_day_high)
    tablets = 0
    if dose is not None and dose.reading == "both" and dose.per_unit_high > 0:
        limit = f.judgement.chosen.mg if f.judgement is not None else None
        tablets = int((limit or 0) // dose.per_unit_high)
        params["tablets"] = Num(tablets)
    lithium_watch = Medicine.LITHIUM in f.medicines and not _lithium_signs(f)
    restrain = action in (Action.STOP_NOW, Action.PAUSE_UNTIL_DOCTOR)
    params["why"] = phrases(*dict.fromkeys(_why(row_id, f) for row_id in plan.held_by))
    also = phrases(
        "dose-now" if restrain and dose is not None and f.adult else None,
        "prescribed" if f.taking and restrain and not urgent else None,
        "lithium-watch"
        if lithium_watch and action in (Action.KEEP_UNDER_LIMIT, Action.MAY_START)
        else None,
        "label-tablets"
        if action is Action.KEEP_UNDER_LIMIT
        and dose is not None
        and dose.reading == "both"
        and tablets >= 1
        else None,
    )
    params["also"] = also
    variant: str | None = None
    if not f.adult and action in (Action.STOP_NOW, Action.PAUSE_UNTIL_DOCTOR, Action.DO_NOT_START):
        variant = "child"
    elif action is Action.STOP_NOW:
        variant = "low" if f.blood_low else "urgent" if urgent else None
    elif action is Action.PAUSE_UNTIL_DOCTOR:
        variant = "low" if f.blood_low else None
    elif action is Action.DO_NOT_START:
        variant = "high" if f.blood_high_ish else "low" if f.blood_low else None
    elif action is Action.KEEP_UNDER_LIMIT:
        if f.blood_low:
            variant = "low"
        elif dose is not None and dose.reading == "both" and f.above_limit:
            variant = "label"
        elif f.above_limit:
            variant = "above"
        elif urgent:
            variant = "urgent"  # the urgent matter is not magnesium: it is said second
    elif action is Action.MAY_START:
        if f.blood_low and plan.time_frame is TimeFrame.CALL_112:
            variant = "low-112"
        elif f.blood_low:
            variant = "low"
        elif urgent:
            variant = "urgent"
    return Said(action.value, variant, params)


def _why(row_id: str, f: Facts) -> str:
    """The phrase that says why a row holds magnesium back (its `why:`), in the words that fit
    the label: "may give" where the label is read both ways."""
    row = next(r for r in f.data.plan.rows if r.id == row_id)
    assert row.why is not None  # PlanRow.check: a row that holds magnesium back says why
    if row.why == "why-far" and f.dose is not None and f.dose.reading == "both":
        return "why-far-maybe"
    return row.why


def _time_frame(plan: Plan, f: Facts, level: Level) -> Said:
    digoxin = Medicine.DIGOXIN in f.medicines and (_digoxin_signs(f) or f.blood_low_ish)
    diuretic = any(m in f.medicines for m in (*LOSE_DIURETICS, Medicine.POTASSIUM_SPARING_DIURETIC))
    tell = phrases(
        "tell-low" if f.blood_low else "tell-high" if f.blood_high else None,
        "tell-magnesium" if f.taking and (f.too_much_signs or f.blood_high_ish) else None,
        "tell-lithium" if _lithium_signs(f) else None,
        ("tell-digoxin-diuretic" if diuretic else "tell-digoxin") if digoxin else None,
    )
    variant = None
    if plan.time_frame is TimeFrame.NEXT_VISIT:
        variant = {Level.DOCTOR: "doctor", Level.CAUTION: "caution"}.get(level, "info")
    # Review 2: the time frame names what set it, and when to get help sooner for that.
    rows = {row.id: row for row in f.data.plan.rows}
    timed = [rows[row_id] for row_id in plan.timed_by]
    because = [row.reason for row in timed if row.reason is not None]
    if "reason-too-much-severe" in because:  # says the same as the milder one, and more
        because = [key for key in because if key != "reason-too-much"]
    escalate = [row.escalate for row in timed if row.escalate is not None]
    if plan.time_frame is TimeFrame.CALL_112:
        escalate = []  # nothing is sooner than 112
    elif not escalate and plan.time_frame is TimeFrame.TODAY:
        escalate = ["escalate-general"]  # the safety net's: never decides (a property)
    params: dict[str, Param] = {
        "out_of_hours": HelpLines(OUT_OF_HOURS),
        "tell": tell,
        "because": phrases(*dict.fromkeys(because)),
        "escalate": phrases(*dict.fromkeys(escalate)),
        "danger": names_of("symptoms", [s for s in DANGER if s in f.symptoms]),
    }
    return Said(plan.time_frame.value, variant, params)


# The piece of "another illness or cause" each rule that brings it in says (review 2: it names
# what in the answers points there; data/findings.yaml phrases).
OTHER: dict[str, str] = {
    "lithium-other": "other-lithium",
    "digoxin-other": "other-digoxin",
    "red-flags": "other-danger",
    "myasthenia-signs": "other-myasthenia",
    "drying": "other-drying",
    "excess-other": "other-excess",
    "low-symptoms": "other-low",
    "older-stomach": "other-older",
}


def _explanation(explanation: Explanation, plan: Plan, f: Facts) -> Said:
    bowel = Condition.BOWEL_DISEASE in f.answers.conditions
    calm = plan.time_frame not in URGENT_TIME  # no reassurance beside anything urgent
    if explanation is Explanation.TOO_MUCH_MAGNESIUM:
        if f.blood_high_ish:
            # High magnesium is not a cause of restless legs the sources name (rls.md 4).
            legs: dict[str, Param] = {
                "legs": phrases("high-not-legs" if _legs_relevant(f) else None)
            }
            return Said(explanation.value, "measured", legs)
        if f.too_much_signs:
            return Said(explanation.value, None, {"reasons": phrases(*excess_reasons(f))})
        maybe = f.dose is not None and f.dose.reading == "both"
        # That it passes is said once: with the side effect, when that is listed too.
        once = calm and Explanation.SIDE_EFFECT_OF_SUPPLEMENT not in plan.explanations
        intake: dict[str, Param] = {
            "above": phrases("intake-maybe-above" if maybe else "intake-above"),
            "settles": phrases("settles" if once else None),
        }
        return Said(explanation.value, "intake", intake)
    if explanation is Explanation.TOO_LITTLE_MAGNESIUM:
        why: dict[str, Param] = {"why": phrases("bowel-lose" if bowel else None)}
        if f.blood is not None and f.blood.state is BloodState.EDGE_LOW:
            return Said(explanation.value, "edge", why)
        if f.blood_low_ish:
            return Said(explanation.value, "measured", why)
        if bowel and _any(f, STOMACH_SIGNS):
            return Said(explanation.value, "risk", why)
        grounds = low_grounds(f)
        why["risks"] = Names("risk", grounds)
        why["grounds"] = phrases(
            "ground-risk" if grounds else None, "ground-diet" if f.diet_low else None
        )
        return Said(explanation.value, None, why)
    if explanation is Explanation.SELF_HARM:
        mood: dict[str, Param] = {"legs": phrases("self-harm-legs" if _legs_relevant(f) else None)}
        return Said(explanation.value, None, mood)
    if explanation is Explanation.KIDNEY_DISEASE:
        kidney: dict[str, Param] = {
            "legs": phrases("kidney-legs" if _legs_relevant(f) else None),
            "magnesium": phrases("kidney-magnesium" if f.taking or f.blood_high_ish else None),
        }
        return Said(explanation.value, None, kidney)
    if explanation is Explanation.MEDICINE_LOWERS_MAGNESIUM:
        effects = tuple(LOSE_PHRASES[m] for m in f.loses_magnesium)
        return Said(explanation.value, None, {"effects": Phrases(effects)})
    if explanation is Explanation.SIDE_EFFECT_OF_SUPPLEMENT:
        form = stomach_form(f)
        params: dict[str, Param] = {
            "form_note": phrases("form-stomach" if form else None),
            "settles": phrases("settles-stopping" if calm else None),
        }
        if form:
            params["form"] = FormName(form)
        return Said(explanation.value, None, params)
    if explanation is Explanation.IRON_DEFICIENCY:
        labs = f.answers.labs
        given = labs is not None and (
            labs.ferritin is not None or labs.transferrin_saturation is not None
        )
        iron = f.data.limits.iron
        values: dict[str, Param] = {
            "ferritin": Num(iron.ferritin_ug_per_l),
            "tsat": Num(iron.tsat_pct),
        }
        if not given:
            return Said(explanation.value, None, values)
        return Said(explanation.value, "measured" if iron_low(f) else "borderline", values)
    if explanation is Explanation.ANOTHER_ILLNESS:
        child_legs = not f.adult and _legs_relevant(f)
        pieces = [OTHER[rule] for rule in plan.explained_by if rule in OTHER]
        if "legs-other" in plan.explained_by and not child_legs:
            pieces.append("other-legs")
        because = phrases(
            "bowel-likely" if bowel and _any(f, STOMACH_SIGNS) else None,
            *dict.fromkeys(pieces),
            "growing-pains" if child_legs else None,
        )
        danger = names_of("symptoms", list(unexplained_danger(f)))
        return Said(explanation.value, None, {"why": because, "danger": danger})
    return Said(explanation.value)


def plan_words(plan: Plan, f: Facts, level: Level) -> PlanSaid:
    """Which words the plan is said in, and their values: decided here, worded elsewhere."""
    return PlanSaid(
        action=_action(plan, f),
        time_frame=_time_frame(plan, f, level),
        explanations=tuple(_explanation(e, plan, f) for e in plan.explanations),
    )


def excess_reasons(f: Facts) -> tuple[str | None, ...]:
    """Why too much magnesium is plausible here, each a phrase of data/findings.yaml."""
    return (
        "excess-high" if f.blood_high else "excess-edge" if f.blood_high_ish else None,
        "excess-kidney" if f.kidney else None,
        "excess-laxative" if f.laxative else None,
        "excess-far" if f.far_above and not f.kidney else None,
        "excess-older" if f.older and f.above_limit and not f.far_above else None,
    )
