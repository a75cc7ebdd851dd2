"""The legs: the restless-legs pattern, its look-alikes, medicines that worsen it, and iron."""

from __future__ import annotations

from mgcheck.rules.assess.facts import Facts, Pattern
from mgcheck.rules.assess.hits import Hit, Names, Num, Param, Phrases, names_of
from mgcheck.vocab import Distress, LookAlike, Medicine

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
LOOK_ALIKE_FINDINGS = {
    LookAlike.CRAMP_KNOT: "look-alike-cramp-knot",
    LookAlike.POSITION_CHANGE_RELIEVES: "look-alike-position-change-relieves",
    LookAlike.NUMB_OR_BURNING_ALWAYS: "look-alike-numb-or-burning-always",
    LookAlike.PAIN_WHEN_WALKING: "look-alike-pain-when-walking",
    LookAlike.JUST_A_HABIT: "look-alike-just-a-habit",
    LookAlike.STARTED_WITH_NEW_MEDICINE: "look-alike-started-with-new-medicine",
    LookAlike.ONE_LEG_SWOLLEN_WARM_RED: "urgent-clot-signs",
}
SIGNIFICANT_DAYS = 2  # clinically significant: at least twice a week ... (rls.md 1.3)
SIGNIFICANT_DISTRESS = (Distress.MODERATE, Distress.SEVERE)  # ... with at least moderate distress


def findings(f: Facts) -> list[Hit]:
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
    labs = f.answers.labs
    # A ferritin the person gave is explained, not asked for again (issue 17, point 6).
    iron_given = labs is not None and labs.ferritin is not None
    hits.append(Hit("magnesium-evidence", variant="measured" if iron_given else None))
    worsening = [m for m in WORSEN_LEGS if m in f.medicines]
    if worsening:
        notes = (
            *(["antihistamine-sedating"] if Medicine.ANTIHISTAMINE in worsening else []),
            *(["legacy-thiazide"] if Medicine.LOOP_OR_THIAZIDE_DIURETIC in worsening else []),
        )
        hits.append(
            Hit(
                "rls-medicine-may-worsen",
                {"medicines": names_of("medicines", worsening), "note": Phrases(notes)},
            )
        )
    return hits


def iron_findings(f: Facts) -> list[Hit]:
    """Iron studies matter in anyone with leg symptoms (AASM 2024), whatever the pattern; a
    value given without leg symptoms is explained too, never met with "get it tested"."""
    labs = f.answers.labs
    if labs is None or (labs.ferritin is None and labs.transferrin_saturation is None):
        return []
    iron = f.data.limits.iron
    ferritin, tsat = labs.ferritin, labs.transferrin_saturation
    params: dict[str, Param] = {
        "threshold": Num(iron.ferritin_ug_per_l),
        "upper": Num(iron.ferritin_iv_upper_ug_per_l),
        "tsat": Num(iron.tsat_pct),
    }
    if ferritin is not None:  # ug/L, µg/L and ng/mL are the same unit
        params["ferritin"] = Num(ferritin.value)
    if tsat is not None:
        params["value"] = Num(tsat.value)
    if f.answers.legs is None:
        low = ferritin is not None and ferritin.value <= iron.ferritin_ug_per_l
        notes = (
            None if ferritin is None else "ferritin-at-or-below" if low else "ferritin-not-low",
            None if tsat is None else "tsat-given",
        )
        return [Hit("iron-values", params | {"note": Phrases(tuple(n for n in notes if n))})]
    hits: list[Hit] = []
    if ferritin is not None:
        if ferritin.value <= iron.ferritin_ug_per_l:
            taking_iron = Medicine.IRON in f.medicines
            hits.append(Hit("ferritin-low", params, variant="taking-iron" if taking_iron else None))
        elif ferritin.value <= iron.ferritin_iv_upper_ug_per_l:
            hits.append(Hit("ferritin-borderline", params))
    if tsat is not None and tsat.value < iron.tsat_pct:
        above = ferritin is not None and ferritin.value > iron.ferritin_ug_per_l
        hits.append(Hit("tsat-low", params, variant="ferritin-above" if above else None))
    normal_ferritin = ferritin is not None and ferritin.value > iron.ferritin_iv_upper_ug_per_l
    if normal_ferritin and (tsat is None or tsat.value >= iron.tsat_pct):
        hits.append(Hit("iron-not-low", params, variant=None if tsat else "ferritin-only"))
    return hits
