"""Red flags: signs of too much magnesium, danger signs whatever the cause, and what needs help
now. Decided first; no later rule lowers them."""

from __future__ import annotations

from mgcheck.rules.assess.facts import Facts
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
DRYING = (Symptom.VOMITING, Symptom.DIARRHOEA)
# Danger signs whatever the cause (rls.md 7). Dizziness alone and muscle weakness alone are not.
DANGER_SIGNS = (
    Symptom.FAINTING,
    Symptom.CONFUSION,
    Symptom.IRREGULAR_OR_SLOW_HEARTBEAT,
    Symptom.BREATHING_DIFFICULTY,
)


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
    if not f.taking and (other := [s for s in OTHER_SYMPTOMS if s in f.symptoms]):
        drying = (f.older or f.kidney) and any(s in f.symptoms for s in DRYING)
        hits.append(
            Hit(
                "symptoms-see-doctor",
                {"symptoms": names_of("symptoms", other), "out_of_hours": out_of_hours()},
                variant="older" if drying else None,
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
