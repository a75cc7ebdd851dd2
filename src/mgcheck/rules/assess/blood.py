"""A blood magnesium result against the critical values and the Danish reference range."""

from __future__ import annotations

from mgcheck.rules.assess.facts import Facts, lab_range
from mgcheck.rules.assess.hits import Hit, Num, Param, out_of_hours


def findings(f: Facts) -> list[Hit]:
    if f.blood_mmol is None:
        return []
    critical = f.data.limits.lab_critical
    value = Num(f.blood_mmol, 2)
    if f.blood_mmol < critical.low:
        return [
            Hit(
                "magnesium-critical-low",
                {"value": value, "low": Num(critical.low, 2), "out_of_hours": out_of_hours()},
            )
        ]
    if f.blood_mmol > critical.high:
        return [
            Hit(
                "magnesium-critical-high",
                {"value": value, "high": Num(critical.high, 2), "out_of_hours": out_of_hours()},
            )
        ]
    answers = f.answers
    normal = lab_range(f.data.limits, answers.age, answers.sex)
    finding = (
        "magnesium-low"
        if f.blood_mmol < normal.low
        else "magnesium-high"
        if f.blood_mmol > normal.high
        else "magnesium-normal"
    )
    params: dict[str, Param] = {
        "value": value,
        "low": Num(normal.low, 2),
        "high": Num(normal.high, 2),
    }
    return [Hit(finding, params, variant="child" if normal.child else None)]
