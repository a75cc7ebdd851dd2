"""Red flags: signs of too much magnesium where it is plausible, danger signs whatever the cause,
medicines that become the danger (lithium, digoxin), and what needs help now. Decided first; no
later rule lowers them. A symptom keeps its own level without an overdose story when the intake
does not make one plausible (issue 17, point 2)."""

from __future__ import annotations

from mgcheck.rules.assess.conditions import myasthenia_signs
from mgcheck.rules.assess.facts import DRYING, DRYING_SIGNS, STOMACH_SIGNS, Facts
from mgcheck.rules.assess.hits import Hit, Param, Span, names_of, out_of_hours, phrases
from mgcheck.rules.assess.legs import SIGNIFICANT_DAYS, SIGNIFICANT_DISTRESS
from mgcheck.rules.assess.plan import (
    DIGOXIN_SIGNS,
    LITHIUM_SIGNS,
    LOW_SIGNS,
    clot_suspected,
    excess_reasons,
)
from mgcheck.vocab import Condition, Level, LookAlike, Medicine, Symptom

S = Symptom
# Signs for which the words say "call 112 now" rather than "a doctor today" (rls.md 7).
CALL_112_WITH_MAGNESIUM = (
    S.BREATHING_DIFFICULTY,
    S.FAINTING,
    S.CONFUSION,
    S.IRREGULAR_OR_SLOW_HEARTBEAT,
)
CALL_112 = (S.BREATHING_DIFFICULTY, S.FAINTING)
# Symptoms that need a doctor even without magnesium, when nothing else explains them.
OTHER_SYMPTOMS = (
    S.MUSCLE_WEAKNESS,
    S.DROWSINESS,
    S.NAUSEA,
    S.VOMITING,
    S.DIARRHOEA,
    S.STOMACH_CRAMPS,
)
# Danger signs whatever the cause (rls.md 7). Dizziness alone and muscle weakness alone are not.
DANGER_SIGNS = (
    S.FAINTING,
    S.CONFUSION,
    S.IRREGULAR_OR_SLOW_HEARTBEAT,
    S.BREATHING_DIFFICULTY,
)


def _dose(f: Facts) -> Span | None:
    """The supplement's day, for "unlikely to cause this": adults with a supplement only."""
    if f.dose is None or not f.adult:
        return None
    return Span(f.dose.per_day_low, f.dose.per_day_high)


def findings(f: Facts) -> list[Hit]:
    hits: list[Hit] = []
    signs = f.too_much_signs
    if signs:
        severe = any(s in signs for s in CALL_112_WITH_MAGNESIUM)
        hits.append(
            Hit(
                "urgent-overdose-signs",
                {
                    "signs": names_of("symptoms", signs),
                    "reasons": phrases(*excess_reasons(f)),
                    "tell": phrases("tell-magnesium" if f.taking else None),
                    "out_of_hours": out_of_hours(),
                },
                variant="call-112" if severe else None,
            )
        )
    danger = [s for s in DANGER_SIGNS if s in f.symptoms and s not in signs]
    dizzy = S.DIZZINESS in f.symptoms and S.DIZZINESS not in signs
    dose = _dose(f)
    # Said only where too much magnesium is not plausible (the overdose words speak otherwise).
    unlikely = "dose-unlikely" if dose is not None and not f.plausible_excess else None
    params: dict[str, Param] = {"dose": dose} if dose is not None else {}
    if danger:
        named = danger + ([S.DIZZINESS] if dizzy else [])
        severe = any(s in f.symptoms for s in CALL_112)
        hits.append(
            Hit(
                "urgent-danger-signs",
                {
                    **params,
                    "signs": names_of("symptoms", named),
                    "note": phrases(unlikely),
                    "out_of_hours": out_of_hours(),
                },
                variant=("lung" if clot_suspected(f) else "call-112") if severe else None,
            )
        )
    elif dizzy and not f.drying:
        hits.append(
            Hit(
                "dizziness",
                {**params, "signs": names_of("symptoms", [S.DIZZINESS]), "note": phrases(unlikely)},
            )
        )
    hits += _medicine_signs(f)
    hits += _other_symptoms(f)
    if S.SPREADING_WEAKNESS_OR_NUMBNESS in f.symptoms:
        hits.append(
            Hit(
                "urgent-spreading-weakness",
                {
                    "signs": names_of("symptoms", [S.SPREADING_WEAKNESS_OR_NUMBNESS]),
                    "out_of_hours": out_of_hours(),
                },
            )
        )
    if S.THOUGHTS_OF_SELF_HARM in f.symptoms:
        hits.append(_self_harm(f))
    legs = f.answers.legs
    if legs and LookAlike.ONE_LEG_SWOLLEN_WARM_RED in legs.look_alikes:
        lung = S.BREATHING_DIFFICULTY in f.symptoms  # rls.md 7: a clot in the lung, 112
        hits.append(
            Hit(
                "urgent-clot-signs",
                {"out_of_hours": out_of_hours()},
                variant="lung" if lung else None,
            )
        )
    return hits


def _medicine_signs(f: Facts) -> list[Hit]:
    """Lithium and digoxin named where they are the danger (issue 17, point 3)."""
    hits: list[Hit] = []
    if Medicine.LITHIUM in f.medicines:
        lithium = [s for s in LITHIUM_SIGNS if s in f.symptoms]
        if lithium:
            hits.append(
                Hit(
                    "lithium-fluid-loss",
                    {"signs": names_of("symptoms", lithium), "out_of_hours": out_of_hours()},
                    variant="signs",
                    level=Level.URGENT,
                )
            )
        elif f.taking or f.answers.considering_magnesium:
            hits.append(Hit("lithium-fluid-loss"))
    if Medicine.DIGOXIN in f.medicines:
        digoxin = [s for s in DIGOXIN_SIGNS if s in f.symptoms]
        if digoxin:
            diuretic = any(
                m in f.medicines
                for m in (
                    Medicine.LOOP_DIURETIC,
                    Medicine.THIAZIDE_DIURETIC,
                    Medicine.LOOP_OR_THIAZIDE_DIURETIC,
                    Medicine.POTASSIUM_SPARING_DIURETIC,
                )
            )
            hits.append(
                Hit(
                    "digoxin-signs",
                    {
                        "signs": names_of("symptoms", digoxin),
                        "also": phrases("digoxin-diuretic" if diuretic else None),
                        "check": phrases(
                            "digoxin-show-result" if f.blood is not None else "digoxin-check"
                        ),
                        "out_of_hours": out_of_hours(),
                    },
                )
            )
    return hits


def _spoken_for(f: Facts) -> set[Symptom]:
    """Symptoms another finding judges: too much magnesium, lithium, digoxin, myasthenia; the
    rest are judged here (a stomach upset on a kept supplement by the side-effect words)."""
    spoken = set(f.too_much_signs)
    if Medicine.LITHIUM in f.medicines:
        spoken |= set(LITHIUM_SIGNS)
    if Medicine.DIGOXIN in f.medicines:
        spoken |= set(DIGOXIN_SIGNS)
    spoken |= set(myasthenia_signs(f))
    if f.blood_low:
        spoken |= set(LOW_SIGNS)  # named by the low-magnesium words
    return spoken & f.symptoms


def _other_symptoms(f: Facts) -> list[Hit]:
    """Symptoms no other finding judges, named and judged together: drying out (vomiting or
    diarrhoea with dizziness or weakness) for a doctor within days; from 70 or with kidney
    disease, vomiting or diarrhoea today (they dry a person out whatever the cause)."""
    spoken = _spoken_for(f)
    other = [s for s in OTHER_SYMPTOMS if s in f.symptoms and s not in spoken]
    if f.supplement and not f.older_drying and not f.drying:
        # A stomach upset on a supplement: the side-effect words judge it.
        other = [s for s in other if s not in STOMACH_SIGNS]
    drying = [s for s in DRYING if s in f.symptoms and s not in f.too_much_signs]
    if f.drying:
        named = [
            s for s in dict.fromkeys((*DRYING, *DRYING_SIGNS, *OTHER_SYMPTOMS)) if s in f.symptoms
        ]
        bowel = Condition.BOWEL_DISEASE in f.answers.conditions
        older = f.older_drying
        return [
            Hit(
                "symptoms-see-doctor",
                {
                    "symptoms": names_of("symptoms", named),
                    "note": phrases("bowel-likely" if bowel else None),
                    "out_of_hours": out_of_hours(),
                },
                variant="older-taking" if older and f.taking else "older" if older else "drying",
                level=Level.URGENT if older else None,
            )
        ]
    if f.older_drying and drying:
        named = list(dict.fromkeys([*other, *drying]))
        return [
            Hit(
                "symptoms-see-doctor",
                {
                    "symptoms": names_of("symptoms", named),
                    "note": phrases(),
                    "out_of_hours": out_of_hours(),
                },
                variant="older-taking" if f.taking else "older",
                level=Level.URGENT,
            )
        ]
    if other:
        return [
            Hit(
                "symptoms-see-doctor",
                {
                    "symptoms": names_of("symptoms", other),
                    "note": phrases(),
                    "out_of_hours": out_of_hours(),
                },
            )
        ]
    return []


def _self_harm(f: Facts) -> Hit:
    legs = f.answers.legs
    troubled = legs is not None and (
        legs.sleep_disturbed
        or (legs.days_per_week >= SIGNIFICANT_DAYS and legs.distress in SIGNIFICANT_DISTRESS)
    )
    return Hit(
        "urgent-self-harm",
        {
            "signs": names_of("symptoms", [S.THOUGHTS_OF_SELF_HARM]),
            "adult": phrases(None if f.adult else "self-harm-tell-adult"),
            "legs": phrases("self-harm-legs" if troubled else None),
            "out_of_hours": out_of_hours(),
        },
    )
