"""A blood magnesium result against the critical values and the person's own laboratory range,
or mgcheck's default range named as a default (issue 17, point 5). A value the person typed is
explained, never met with "get it tested"."""

from __future__ import annotations

from mgcheck.rules.assess.facts import Blood, BloodState, Facts
from mgcheck.rules.assess.hits import Hit, Num, Param, Phrases, names_of, out_of_hours, phrases
from mgcheck.rules.assess.plan import LOW_SIGNS
from mgcheck.vocab import Level, MagnesiumUnit, Sex


def _measured(blood: Blood) -> Phrases:
    """The value as typed and in mmol/L: "1.5 mg/dL (about 0.62 mmol/L)"."""
    units = {
        MagnesiumUnit.MMOL_L: "unit-mmol",
        MagnesiumUnit.MG_DL: "unit-mg-dl",
        MagnesiumUnit.MEQ_L: "unit-meq-l",
    }
    return phrases(units[blood.unit])


def _whose(f: Facts, blood: Blood) -> tuple[str | None, str]:
    """The variant and the phrase that name the range the value is judged against."""
    if blood.own:
        return None, "range-own"
    if blood.range.child:
        sex = f.answers.sex
        band = next(
            b
            for b in f.data.limits.child_lab_ranges.bands
            if b.covers(f.answers.age) and b.sex in (None, sex)
        )
        who = "children" if band.sex is None else "girls" if sex is Sex.FEMALE else "boys"
        return "child", f"range-{who}"
    return "default-range", "range-default"


def _band_ages(f: Facts) -> dict[str, Param]:
    for band in f.data.limits.child_lab_ranges.bands:
        if band.covers(f.answers.age) and band.sex in (None, f.answers.sex):
            return {"age_from": Num(band.ages[0]), "age_to": Num(band.ages[1] or band.ages[0])}
    return {}


def findings(f: Facts) -> list[Hit]:
    blood = f.blood
    if blood is None:
        return []
    critical, spread = f.data.limits.lab_critical, f.data.limits.lab_spread
    values: dict[str, Param] = {
        "value": Num(blood.mmol, 2),
        "given": Num(blood.given, _decimals(blood.given)),
        "low": Num(blood.range.low, 2),
        "high": Num(blood.range.high, 2),
        "measured": _measured(blood),
        "lowest": Num(spread.lowest_low, 2),
        "highest": Num(spread.highest_high, 2),
    }
    if blood.state is BloodState.CRITICAL_LOW:
        signs = [s for s in LOW_SIGNS if s in f.symptoms]
        return [
            Hit(
                "magnesium-critical-low",
                {
                    **values,
                    "critical": Num(critical.low, 2),
                    "signs": names_of("symptoms", signs),
                    "note": phrases("low-signs" if signs else None),
                    "out_of_hours": out_of_hours(),
                },
            )
        ]
    if blood.state is BloodState.CRITICAL_HIGH:
        return [
            Hit(
                "magnesium-critical-high",
                {**values, "critical": Num(critical.high, 2), "out_of_hours": out_of_hours()},
            )
        ]
    variant, whose = _whose(f, blood)
    values |= {"range": phrases(whose), **_band_ages(f)}
    if blood.state is BloodState.LOW:
        signs = [s for s in LOW_SIGNS if s in f.symptoms]
        note = (
            "low-signs" if signs else None,
            "low-beyond" if blood.beyond else None if blood.own else "compare-own",
        )
        return [
            Hit(
                "magnesium-low",
                {
                    **values,
                    "signs": names_of("symptoms", signs),
                    "note": phrases(*note),
                    "out_of_hours": out_of_hours(),
                },
                variant=variant,
                level=Level.URGENT if signs else None,
            )
        ]
    if blood.state is BloodState.HIGH:
        beyond = "high-beyond" if blood.beyond else None if blood.own else "compare-own"
        return [Hit("magnesium-high", {**values, "note": phrases(beyond)}, variant=variant)]
    if blood.state in (BloodState.EDGE_LOW, BloodState.EDGE_HIGH):
        low_side = blood.state is BloodState.EDGE_LOW
        return [
            Hit(
                "magnesium-edge",
                values,
                variant="low-side" if low_side else None,
                level=Level.CAUTION if low_side else None,
            )
        ]
    near = (
        "near-lower"
        if blood.mmol - blood.range.low <= spread.edge
        else "near-upper"
        if blood.range.high - blood.mmol <= spread.edge
        else None
    )
    near = None if blood.own or blood.range.child else near
    return [Hit("magnesium-normal", {**values, "note": phrases(near)}, variant=variant)]


def _decimals(value: float) -> int:
    """As many decimals as the value was typed with, up to two (1.5 stays 1.5)."""
    for decimals in (0, 1):
        if abs(value - round(value, decimals)) < 1e-9:
            return decimals
    return 2
