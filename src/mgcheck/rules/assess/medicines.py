"""Medicines beside magnesium (interactions, diuretics) and the reasons to be low in it."""

from __future__ import annotations

from mgcheck.rules.assess.facts import OLDER_AGE, STOMACH_SIGNS, BloodState, Facts
from mgcheck.rules.assess.hits import FormName, Hit, Names, Phrases, names_of, phrases
from mgcheck.vocab import Condition, Level, Medicine

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
# What makes the body lose magnesium, in the words of the explanation (plan.py).
LOSE_PHRASES = {Medicine.PPI: "ppi-lowers", **DIURETIC_PHRASES}
RISK_CONDITIONS = (Condition.TYPE2_DIABETES, Condition.BOWEL_DISEASE, Condition.ALCOHOL)
RISK_MEDICINES = (Medicine.PPI, *DIURETICS_LOSE)
# The forms most often linked to stomach upset (NIH ODS via LIVESTRONG [V2]; magnesium.md c).
STOMACH_FORMS = ("carbonate", "chloride", "gluconate", "oxide")


def stomach_form(f: Facts) -> str | None:
    """The supplement's form, when it is one of those that most often upset the stomach."""
    dose = f.dose
    if dose is None or dose.match is None or dose.match.form.id not in STOMACH_FORMS:
        return None
    return dose.match.form.id


def findings(f: Facts) -> list[Hit]:
    hits: list[Hit] = []
    measured = f.blood is not None
    digoxin_low = Medicine.DIGOXIN in f.medicines and f.blood_low_ish
    if digoxin_low:
        # A measured low magnesium with digoxin is itself a reason to call, today (Rao 2013;
        # review 3), whether or not magnesium is taken or considered: the plan's digoxin-low row.
        hits.append(Hit(INTERACTIONS[Medicine.DIGOXIN], variant="measured", level=Level.URGENT))
    if f.taking or f.answers.considering_magnesium:
        for medicine, finding in INTERACTIONS.items():
            if medicine not in f.medicines or (medicine is Medicine.DIGOXIN and digoxin_low):
                continue
            taking = f.taking and medicine is Medicine.DIGOXIN
            hits.append(Hit(finding, variant="taking" if taking else None))
        lose = [m for m in DIURETICS_LOSE if m in f.medicines]
        keep = [m for m in DIURETICS_KEEP if m in f.medicines]
        # Beside a measured high value "the body loses magnesium" could read as a reason to
        # take it (review 2, the GP's Inge); the plan and the value speak there instead.
        if (lose or keep) and not f.blood_high_ish:
            # One sentence per diuretic taken, so the text names only those (issue 9 point 4).
            effects = tuple(DIURETIC_PHRASES[m] for m in lose + keep)
            hits.append(
                Hit(
                    "interaction-diuretic",
                    {
                        "which": names_of("medicines", lose + keep),
                        "effects": Phrases(effects),
                        "test": phrases(None if measured else "diuretic-test"),
                    },
                )
            )
    if f.laxative and f.adult:
        # Its words give adult amounts (the limit, 5,000 mg): under 18, adults-only speaks instead.
        if f.supplement:
            # Together, the day's total is unknown and often far above the limit (issue 17).
            hits.append(
                Hit(
                    "interaction-laxative-antacid",
                    {"note": phrases("laxative-older" if f.older else None)},
                    variant="with-supplement",
                    level=Level.DOCTOR,
                )
            )
        else:
            hits.append(Hit("interaction-laxative-antacid"))
    if f.supplement and not f.kidney and not f.far_above:
        # With kidney disease or a dose far above the limit, "a lower dose" is the wrong advice;
        # the plan withholds these words too unless it keeps the magnesium under the limit.
        stomach = [s for s in STOMACH_SIGNS if s in f.symptoms]
        if stomach:
            form = stomach_form(f)
            hits.append(
                Hit(
                    "side-effects-lower-dose",
                    {
                        "symptoms": names_of("symptoms", stomach),
                        "form_note": phrases("form-stomach" if form else None),
                        **({"form": FormName(form)} if form else {}),
                    },
                )
            )
    return hits


def risk_findings(f: Facts) -> list[Hit]:
    """Reasons to be low in magnesium, with a blood test to ask about; when the value was given,
    what it means instead (issue 17 point 6)."""
    if f.blood is not None and f.blood.state is not BloodState.NORMAL:
        # Beside a high value "more likely to run low" would contradict it; beside a low one
        # the value, and the explanation of what lowers it, say more.
        return []
    answers = f.answers
    reasons = [c.value for c in RISK_CONDITIONS if c in answers.conditions]
    risk_medicines = [m.value for m in RISK_MEDICINES if m in f.medicines]
    older = answers.age >= OLDER_AGE
    if not (reasons or risk_medicines or older):
        return []
    keys = (*reasons, *risk_medicines, *(["older_age"] if older else []))
    variant = "measured" if f.blood is not None else None
    return [Hit("deficiency-risk", {"reasons": Names("risk", keys)}, variant=variant)]
