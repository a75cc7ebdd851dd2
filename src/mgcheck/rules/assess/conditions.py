"""Conditions that put a doctor first: kidney disease, pregnancy, and the others; and the
children the check gives no amounts to."""

from __future__ import annotations

from mgcheck.rules.assess.facts import STOMACH_SIGNS, Facts
from mgcheck.rules.assess.hits import Hit, names_of
from mgcheck.vocab import Condition

DOCTOR_FIRST = {
    Condition.KIDNEY_DISEASE: "doctor-first-kidney",
    Condition.BLEEDING_DISORDER: "doctor-first-bleeding",
    Condition.HEART_RHYTHM: "doctor-first-heart",
    Condition.MYASTHENIA_GRAVIS: "doctor-first-myasthenia",
}


def findings(f: Facts) -> list[Hit]:
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
                {"symptoms": names_of("symptoms", stomach)} if stomach else {},
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
