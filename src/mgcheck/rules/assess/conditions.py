"""Conditions that put a doctor first: kidney disease, pregnancy and breastfeeding, and the
others; and the children the check suggests no dose to. What to do with magnesium is the
plan's; these say why."""

from __future__ import annotations

from mgcheck.rules.assess.dose import reading
from mgcheck.rules.assess.facts import DRYING, Facts
from mgcheck.rules.assess.hits import Hit, names_of, out_of_hours, phrases
from mgcheck.vocab import Condition, Level, Symptom

# With myasthenia gravis, weakness or trouble breathing on magnesium may be a crisis beginning.
MYASTHENIA_SIGNS = (Symptom.MUSCLE_WEAKNESS, Symptom.BREATHING_DIFFICULTY)


def myasthenia_signs(f: Facts) -> list[Symptom]:
    if not f.taking or Condition.MYASTHENIA_GRAVIS not in f.answers.conditions:
        return []
    return [s for s in MYASTHENIA_SIGNS if s in f.symptoms]


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
        # The child's own day is said where it is not above the limit (the dose words say it
        # then); mgcheck suggests no amount (issue 17, point 6).
        within = f.dose is not None and not f.above_limit
        hits.append(
            Hit("adults-only", reading(f), variant="child-taking") if within else Hit("adults-only")
        )
    if f.kidney and f.taking:
        stomach = [s for s in DRYING if s in f.symptoms]  # these dry a person out
        hits.append(
            Hit(
                "kidney-taking-magnesium",
                {
                    "symptoms": names_of("symptoms", stomach),
                    "note": phrases(
                        "kidney-stomach" if stomach else None,
                        "kidney-measured" if f.blood is not None else "kidney-test",
                    ),
                },
            )
        )
    variant = "taking" if f.taking else None
    for condition, finding in DOCTOR_FIRST.items():
        if condition in answers.conditions and not (
            f.kidney and f.taking and condition is Condition.KIDNEY_DISEASE
        ):
            signs = myasthenia_signs(f) if condition is Condition.MYASTHENIA_GRAVIS else []
            if signs:
                # Magnesium can set off a myasthenic crisis at any dose (PIL-G, PIL-M, SmPC-E).
                hits.append(
                    Hit(
                        finding,
                        {"signs": names_of("symptoms", signs), "out_of_hours": out_of_hours()},
                        variant="signs",
                        level=Level.URGENT,
                    )
                )
            else:
                hits.append(Hit(finding, variant=variant))
    if answers.pregnant:
        hits.append(Hit("doctor-first-pregnancy", variant=variant))
    elif answers.breastfeeding:
        # Her own doctor, not the midwife: the midwife's care ends with the birth (issue 17).
        breastfeeding = "breastfeeding-taking" if f.taking else "breastfeeding"
        hits.append(Hit("doctor-first-pregnancy", variant=breastfeeding))
    return hits
