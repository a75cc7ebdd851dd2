"""Red flags: signs of too much magnesium, danger signs whatever the cause, and what needs help
now. Decided first; no later rule lowers them."""

from __future__ import annotations

from mgcheck.rules.assess.facts import DRYING, STOMACH_SIGNS, Facts
from mgcheck.rules.assess.hits import Hit, names_of, out_of_hours
from mgcheck.vocab import Level, LookAlike, Symptom

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
# Danger signs whatever the cause (rls.md 7). Dizziness alone and muscle weakness alone are not.
DANGER_SIGNS = (
    Symptom.FAINTING,
    Symptom.CONFUSION,
    Symptom.IRREGULAR_OR_SLOW_HEARTBEAT,
    Symptom.BREATHING_DIFFICULTY,
)


def _spoken_for(symptom: Symptom, f: Facts) -> bool:
    """A symptom another finding speaks to: a sign of too much magnesium (the overdose
    finding), or a stomach upset with a supplement (a lower dose; with kidney disease or a
    dose far above the limit, their own findings). A magnesium laxative or antacid alone has
    no such finding, so its symptoms send the person to a doctor as anyone's would."""
    if symptom in f.overdose_signs:
        return True
    return f.answers.magnesium is not None and symptom in STOMACH_SIGNS


def findings(f: Facts) -> list[Hit]:
    hits: list[Hit] = []
    if f.overdose_signs:
        severe = any(s in f.symptoms for s in CALL_112_WITH_MAGNESIUM)
        hits.append(
            Hit(
                "urgent-overdose-signs",
                {"signs": names_of("symptoms", f.overdose_signs), "out_of_hours": out_of_hours()},
                variant="call-112" if severe else None,
            )
        )
    elif danger := [s for s in DANGER_SIGNS if s in f.symptoms]:
        severe = any(s in f.symptoms for s in CALL_112)
        hits.append(
            Hit(
                "urgent-danger-signs",
                {"signs": names_of("symptoms", danger), "out_of_hours": out_of_hours()},
                variant="call-112" if severe else None,
            )
        )
    elif Symptom.DIZZINESS in f.symptoms:
        hits.append(Hit("dizziness"))
    other = [s for s in OTHER_SYMPTOMS if s in f.symptoms and not _spoken_for(s, f)]
    # Vomiting or diarrhoea dry out older people and people with kidney disease whatever the
    # cause: a supplement that explains them does not make them safer (unless they are signs
    # of too much magnesium, already urgent above).
    drying = (
        [s for s in DRYING if s in f.symptoms and s not in f.overdose_signs]
        if f.older or f.kidney
        else []
    )
    if other or drying:
        named = other + [s for s in drying if s not in other]
        hits.append(
            Hit(
                "symptoms-see-doctor",
                {"symptoms": names_of("symptoms", named), "out_of_hours": out_of_hours()},
                variant=("older-taking" if f.taking else "older") if drying else None,
                level=Level.URGENT if drying else None,
            )
        )
    if Symptom.SPREADING_WEAKNESS_OR_NUMBNESS in f.symptoms:
        hits.append(Hit("urgent-spreading-weakness", {"out_of_hours": out_of_hours()}))
    if Symptom.THOUGHTS_OF_SELF_HARM in f.symptoms:
        hits.append(Hit("urgent-self-harm", {"out_of_hours": out_of_hours()}))
    legs = f.answers.legs
    if legs and LookAlike.ONE_LEG_SWOLLEN_WARM_RED in legs.look_alikes:
        lung = Symptom.BREATHING_DIFFICULTY in f.symptoms  # rls.md 7: a clot in the lung, 112
        hits.append(
            Hit(
                "urgent-clot-signs",
                {"out_of_hours": out_of_hours()},
                variant="lung" if lung else None,
            )
        )
    return hits
