"""Medicines beside magnesium (interactions, diuretics) and the reasons to be low in it."""

from __future__ import annotations

from mgcheck.rules.assess.facts import OLDER_AGE, STOMACH_SIGNS, Facts
from mgcheck.rules.assess.hits import Hit, Names, Phrases, names_of
from mgcheck.vocab import Condition, Medicine

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
RISK_CONDITIONS = (Condition.TYPE2_DIABETES, Condition.BOWEL_DISEASE, Condition.ALCOHOL)
RISK_MEDICINES = (Medicine.PPI, *DIURETICS_LOSE)


def findings(f: Facts) -> list[Hit]:
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
                    {"which": names_of("medicines", lose + keep), "effects": Phrases(phrases)},
                )
            )
    if Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID in f.medicines and f.adult:
        # Its words give adult amounts (the limit, 5,000 mg): under 18, adults-only speaks instead.
        hits.append(Hit("interaction-laxative-antacid"))
    if f.answers.magnesium is not None and not f.kidney and not f.far_above:
        # With kidney disease or a dose far above the limit, "a lower dose" is the wrong advice.
        stomach = [s for s in STOMACH_SIGNS if s in f.symptoms]
        if stomach:
            hits.append(Hit("side-effects-lower-dose", {"symptoms": names_of("symptoms", stomach)}))
    return hits


def risk_findings(f: Facts) -> list[Hit]:
    answers = f.answers
    reasons = [c.value for c in RISK_CONDITIONS if c in answers.conditions]
    risk_medicines = [m.value for m in RISK_MEDICINES if m in f.medicines]
    older = answers.age >= OLDER_AGE
    if not (reasons or risk_medicines or older):
        return []
    keys = (*reasons, *risk_medicines, *(["older_age"] if older else []))
    return [Hit("deficiency-risk", {"reasons": Names("risk", keys)})]
