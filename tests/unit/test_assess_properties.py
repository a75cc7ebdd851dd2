"""Invariants of the self-check over the whole answers space (hypothesis)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mgcheck.models.answers import MagnesiumLab
from mgcheck.results.assess import Report
from mgcheck.rules.assess import Assessment
from mgcheck.store.datafiles import load_sources, source_keys
from mgcheck.store.snapshot import assess_data
from mgcheck.vocab import (
    Condition,
    DietGroup,
    Distress,
    Level,
    LookAlike,
    Medicine,
    Standard,
    Symptom,
)

DATA = assess_data()  # mgcheck's own data, as the commands read it
Evaluate = Callable[..., tuple[Assessment, Report]]  # the `evaluate` fixture

KNOWN_SOURCES = source_keys(load_sources())
FORM_NAMES = ["unknown", *(alias for form in DATA.forms.forms for alias in form.aliases[:2])]
DOCTOR_FIRST = {
    "kidney_disease": "doctor-first-kidney",
    "bleeding_disorder": "doctor-first-bleeding",
    "heart_rhythm": "doctor-first-heart",
    "myasthenia_gravis": "doctor-first-myasthenia",
}
# Findings that give adult amounts; under 18 only a dose above the limit is named (issue 9, 10).
ADULT_AMOUNT_FINDINGS = {"dose-within-limit", "only-if-low", "interaction-laxative-antacid"}
ABOVE = {"dose-above-limit", "dose-far-above-limit"}
ENCOURAGING = {"deficiency-risk", "diet-low", "diet-adequate", "dose-within-limit", "only-if-low"}


def some(enum: Any) -> st.SearchStrategy[list[str]]:
    """A few values (as most people tick), or any number of them."""
    values = st.sampled_from([e.value for e in enum])
    return st.one_of(st.lists(values, unique=True, max_size=2), st.lists(values, unique=True))


# Amounts as labels print them, and any amount at all: hypothesis's own floats favour the ends of
# their range, and the band between the limit and far above it needs everyday figures.
LABEL_AMOUNTS = [25, 50, 75, 100, 120, 150, 200, 250, 300, 375, 400, 500, 750, 1000, 2000]


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    sex = draw(st.sampled_from(["female", "male"]))
    out: dict[str, Any] = {
        "age": draw(st.integers(min_value=1, max_value=120)),
        "sex": sex,
        "conditions": draw(some(Condition)),
        "medicines": draw(some(Medicine)),
        "symptoms_now": draw(some(Symptom)),
        "considering_magnesium": draw(st.booleans()),
    }
    if sex == "female" and out["age"] >= 10:
        out["pregnant"] = draw(st.booleans())
        out["breastfeeding"] = draw(st.booleans())
    if draw(st.booleans()):
        out["magnesium"] = {
            "form": draw(st.sampled_from(FORM_NAMES)),
            "amount_mg": draw(
                st.one_of(
                    st.sampled_from([float(a) for a in LABEL_AMOUNTS]),
                    st.floats(min_value=1, max_value=5000),
                )
            ),
            "elemental": draw(st.sampled_from([True, False, "unknown"])),
            "per_day": draw(st.sampled_from([1, 1, 1, 2, 2, 3, 6])),
        }
    if draw(st.booleans()):
        out["legs"] = {
            "urge_to_move": draw(st.booleans()),
            "worse_at_rest": draw(st.booleans()),
            "better_when_moving": draw(st.booleans()),
            "worse_evening_night": draw(st.booleans()),
            "look_alikes": draw(some(LookAlike)),
            "days_per_week": draw(st.integers(min_value=0, max_value=7)),
            "distress": draw(st.sampled_from([d.value for d in Distress])),
            "sleep_disturbed": draw(st.booleans()),
        }
    if draw(st.booleans()):
        out["diet"] = {g.value: draw(st.floats(min_value=0, max_value=6)) for g in DietGroup}
    if draw(st.booleans()):
        unit = draw(st.sampled_from(["mmol/L", "mg/dL", "mEq/L"]))
        magnesium: dict[str, Any] = {
            "value": draw(st.floats(min_value=0.1, max_value=3)),
            "unit": unit,
        }
        if draw(st.booleans()):
            # The laboratory's own range (issue 17 point 5), in the value's unit.
            per_mmol = {"mmol/L": 1.0, "mg/dL": 2.4305, "mEq/L": 2.0}[unit]
            low = draw(st.floats(min_value=0.6, max_value=0.85))
            high = draw(st.floats(min_value=0.93, max_value=1.1))
            magnesium["range"] = [round(low * per_mmol, 2), round(high * per_mmol, 2)]
        out["labs"] = {
            "magnesium": magnesium,
            "ferritin": {"value": draw(st.floats(min_value=1, max_value=500)), "unit": "ug/L"},
            "transferrin_saturation": {"value": draw(st.floats(min_value=0, max_value=60))},
        }
    return out


# The oracles' facts, written out here from the sources rather than read from mgcheck's code or
# data, so a wrong constant there cannot make its own test pass (issue 20, point 6).
# Signs of too much magnesium (magnesium.md c, "Hypermagnesaemia", SmPC-D): low blood pressure
# (dizziness, fainting), drowsiness, confusion, muscle weakness, breathing that slows
# (respiratory depression), a slow or irregular heartbeat.
OVERDOSE_SIGNS = {
    "dizziness",
    "fainting",
    "drowsiness",
    "confusion",
    "muscle_weakness",
    "breathing_difficulty",
    "irregular_or_slow_heartbeat",
}
# Severe signs that are a call to 112 (rls.md, red flags table, "Possible magnesium overdose"):
# breathing difficulty, fainting, a very slow or irregular pulse, confusion.
DANGER_SIGNS = {"fainting", "confusion", "irregular_or_slow_heartbeat", "breathing_difficulty"}
# 1 mmol/L = 2.4305 mg/dL = 2 mEq/L (magnesium.md h).
PER_MMOL = {"mmol/L": 1.0, "mg/dL": 2.4305, "mEq/L": 2.0}


# Upper limits for magnesium from supplements, mg a day (magnesium.md b): adults 250 (NNR 2023,
# EFSA/SCF) or 350 (IOM); children by the strictest standard at their age: IOM 65 at 1-3 (EFSA
# sets none), IOM 110 at 4-8, then EFSA's 250 from 9.
ADULT_UPPER_LIMIT_MG = {"nnr": 250, "efsa": 250, "iom": 350}


def strictest_child_limit_mg(age: int) -> int:
    return 65 if age <= 3 else 110 if age <= 8 else 250


def upper_reference_mmol(age: int) -> float:
    """The top of the Danish plasma range (RSJ-P, magnesium.md h): 0.94 mmol/L for adults from
    19; 1.0 at 1-5; 0.93 at 6-18, girls and boys alike."""
    if age >= 19:
        return 0.94
    return 1.0 if age < 6 else 0.93


def lower_reference_mmol(age: int, sex: str) -> float:
    """The bottom of the same range: 0.71 for adults; 0.76 at 1-5; girls 0.73 at 6-13 and 0.65
    at 14-18; boys 0.71 at 6-18."""
    if age >= 19:
        return 0.71
    if age < 6:
        return 0.76
    if sex == "male":
        return 0.71
    return 0.73 if age < 14 else 0.65


def taking(person: dict[str, Any]) -> bool:
    return "magnesium" in person or "magnesium_laxative_or_antacid" in person["medicines"]


def symptom_set(person: dict[str, Any]) -> set[str]:
    """The symptoms with the schema-1 combined answer read as fainting, as the rules read it."""
    return {"fainting" if s == "dizziness_or_fainting" else s for s in person["symptoms_now"]}


def blood_state(person: dict[str, Any]) -> str | None:
    """ "low", "normal", "edge" or "high": the blood value against the person's own range, or
    mgcheck's default with its 0.03 mmol/L edge for adults (issue 17 point 5), worked out here
    from the answers, not by the rules' own code."""
    blood = (person.get("labs") or {}).get("magnesium")
    if blood is None:
        return None
    lab = MagnesiumLab.model_validate(blood)  # the range as the person may write it
    per_mmol = PER_MMOL[blood["unit"]]
    mmol = blood["value"] / per_mmol
    if lab.range is not None:
        low, high, edge = lab.range[0] / per_mmol, lab.range[1] / per_mmol, 0.0
    else:
        age = person["age"]
        low, high = lower_reference_mmol(age, person["sex"]), upper_reference_mmol(age)
        edge = 0.03 if age >= 19 else 0.0  # adults only: the default range from 19 (RSJ-P)
    if mmol < low - edge - 1e-6:
        return "low"
    if mmol > high + edge + 1e-6:
        return "high"
    if mmol < low - 1e-6 or mmol > high + 1e-6:
        return "edge"
    return "normal"


def must_stop(person: dict[str, Any], dose_high: float | None) -> bool:
    """Issue 9 point 4 with issue 17's proportion: signs of too much count only where too much
    is plausible (kidneys, a magnesium laxative, a dose far above the limit, a measured high
    value) and never against a measured low or normal value. Worked out from the answers."""
    symptoms = symptom_set(person)
    kidney = "kidney_disease" in person["conditions"]
    older = person["age"] >= 70  # NIH: older adults clear less (magnesium.md c)
    state = blood_state(person)
    high = state == "high"
    laxative = "magnesium_laxative_or_antacid" in person["medicines"]
    far = dose_high is not None and dose_high >= 1000
    early = {"nausea", "vomiting"} if kidney or older or high else set()
    signs = OVERDOSE_SIGNS | early
    plausible = (
        taking(person)
        and state in (None, "high", "edge")
        and (kidney or laxative or far or state in ("high", "edge"))
    )
    # Dried out, the kidneys clear magnesium less well (magnesium.md d): pause it.
    drying = (kidney or older) and bool(symptoms & {"vomiting", "diarrhoea"})
    return (
        high
        or far
        or (plausible and bool(symptoms & signs))
        or (kidney and taking(person))
        or (drying and taking(person))
    )


standards = st.sampled_from(list(Standard))


@settings(max_examples=300)
@given(answers(), standards)
def test_findings_are_ordered_and_the_report_level_is_the_first(
    evaluate: Evaluate, person: dict[str, Any], standard: Standard
) -> None:
    _assessment, report = evaluate(person, standard)
    order = [list(Level).index(f.level) for f in report.findings]
    assert order == sorted(order)
    expected = report.findings[0].level if report.findings else Level.INFO
    assert report.level is expected


@settings(max_examples=300)
@given(answers())
def test_any_danger_sign_makes_the_report_urgent(
    evaluate: Evaluate, person: dict[str, Any]
) -> None:
    _assessment, report = evaluate(person)
    symptoms = symptom_set(person)
    signs = DANGER_SIGNS | {"spreading_weakness_or_numbness", "thoughts_of_self_harm"}
    # Signs of too much count where too much is plausible (issue 17 point 2): kidney disease or
    # a magnesium laxative, with no measured low or normal value.
    kidney = "kidney_disease" in person["conditions"]
    laxative = "magnesium_laxative_or_antacid" in person["medicines"]
    if taking(person) and (kidney or laxative) and blood_state(person) in (None, "high", "edge"):
        signs |= OVERDOSE_SIGNS
    if symptoms & signs:
        assert report.level is Level.URGENT
    elif symptoms == {"dizziness"} and not taking(person) and blood_state(person) is None:
        assert "dizziness" in {f.id for f in report.findings}  # seen, but no emergency


@settings(max_examples=300)
@given(answers())
def test_each_doctor_first_condition_always_has_its_finding(
    evaluate: Evaluate, person: dict[str, Any]
) -> None:
    found = {f.id for f in evaluate(person)[1].findings}
    for condition in person["conditions"]:
        if condition == "kidney_disease" and taking(person):
            assert "kidney-taking-magnesium" in found  # not "before you start": already taking
            assert "doctor-first-kidney" not in found
        elif condition in DOCTOR_FIRST:
            assert DOCTOR_FIRST[condition] in found
    if person.get("pregnant") or person.get("breastfeeding"):
        assert "doctor-first-pregnancy" in found


@settings(max_examples=300)
@given(answers(), standards)
def test_under_18_no_suggested_amounts_but_a_dose_above_the_limit_is_said(
    evaluate: Evaluate, person: dict[str, Any], standard: Standard
) -> None:
    person = {**person, "age": min(person["age"], 17)}
    assessment, report = evaluate(person, standard)
    found = {f.id for f in report.findings}
    assert "adults-only" in found
    assert not found & (ADULT_AMOUNT_FINDINGS | {"diet-low", "diet-adequate"})
    dose = assessment.dose
    if "magnesium" in person:
        # Children are judged against the strictest standard at their age (the review's note 3).
        from mgcheck.models.answers import Answers
        from mgcheck.rules.assess import supplement_dose

        high = supplement_dose(Answers.model_validate(person), DATA)
        assert high is not None
        if high.per_day_high > strictest_child_limit_mg(person["age"]):
            assert found & ABOVE
    assert dose is None  # no figures for under-18s
    document = report.to_json()
    assert document["need_mg"] is None
    assert document["upper_limit_mg"] is None
    assert document["dose"] is None
    assert document["food_estimate"] is None
    assert all(food["mg"] is None for food in document["suggested_foods"])
    # Only the limits themselves are named: in adults-only (with the child's own day) and when a
    # dose is above them; "mg/dL" is a blood value's unit, not an amount.
    others = [f.text for f in report.findings if f.id not in ABOVE | {"adults-only"}]
    assert not re.search(r"\d mg(?![/\w])", " ".join(others))


@settings(max_examples=300)
@given(answers(), standards)
def test_nothing_suggests_more_than_the_upper_limit(
    evaluate: Evaluate, person: dict[str, Any], standard: Standard
) -> None:
    """The only amount a finding offers as a ceiling is the standard's upper limit; a supplement
    is called within the limit only when its whole daily range is; and the article's 300 mg is
    never named without the chosen limit beside it."""
    assessment, report = evaluate(person, standard)
    if not assessment.adult:
        return
    limit = ADULT_UPPER_LIMIT_MG[standard.value]
    assert report.upper_limit_mg == limit
    found = {f.id: f for f in report.findings}
    if "dose-within-limit" in found:
        assert assessment.dose is not None
        assert assessment.dose.per_day_high <= limit
    if assessment.dose is not None and assessment.dose.per_day_high > limit:
        assert ABOVE & set(found)
    if "only-if-low" in found:
        assert f"{limit} mg a day" in found["only-if-low"].text
        assert "never suggests more" in found["only-if-low"].text


@settings(max_examples=150)
@given(answers(), standards)
def test_every_finding_has_words_in_both_languages_and_known_sources(
    evaluate: Evaluate, person: dict[str, Any], standard: Standard
) -> None:
    _a, english = evaluate(person, standard, "en")
    _b, danish = evaluate(person, standard, "da")
    assert [f.id for f in english.findings] == [f.id for f in danish.findings]
    for en, da in zip(english.findings, danish.findings, strict=True):
        assert en.title and en.text and da.title and da.text
        assert da.text != en.text
        assert "{" not in en.text + da.text  # every placeholder filled
        assert set(en.sources) <= KNOWN_SOURCES and en.sources


@settings(max_examples=150)
@given(answers(), standards, st.randoms())
def test_the_json_is_deterministic_and_ignores_list_order(
    evaluate: Evaluate, person: dict[str, Any], standard: Standard, random: Any
) -> None:
    first = json.dumps(evaluate(person, standard)[1].to_json(), sort_keys=True)
    shuffled = {
        key: random.sample(value, len(value)) if isinstance(value, list) else value
        for key, value in person.items()
    }
    again = json.dumps(evaluate(shuffled, standard)[1].to_json(), sort_keys=True)
    assert first == again


@settings(max_examples=300)
@given(answers(), standards)
def test_nothing_encourages_magnesium_when_it_must_stop(
    evaluate: Evaluate, person: dict[str, Any], standard: Standard
) -> None:
    """Issue 9 point 4: no deficiency-risk, diet-low, within-limit or foods beside a stop."""
    from mgcheck.models.answers import Answers
    from mgcheck.rules.assess import supplement_dose

    dose = supplement_dose(Answers.model_validate(person), DATA)
    assessment, report = evaluate(person, standard)
    if must_stop(person, None if dose is None else dose.per_day_high):
        assert assessment.must_stop
        assert not {f.id for f in report.findings} & ENCOURAGING
        assert report.to_json()["suggested_foods"] == []


@settings(max_examples=300)
@given(answers(), standards)
def test_no_enough_or_within_the_limit_beside_anything_urgent(
    evaluate: Evaluate, person: dict[str, Any], standard: Standard
) -> None:
    """Never a reassurance beside a danger sign: an urgent report says nothing is enough."""
    _, report = evaluate(person, standard)
    if report.level is Level.URGENT:
        assert not {f.id for f in report.findings} & {"diet-adequate", "dose-within-limit"}


@settings(max_examples=300)
@given(answers())
def test_advice_fits_the_persons_situation(evaluate: Evaluate, person: dict[str, Any]) -> None:
    """Someone taking magnesium is not told "before you start"; someone who is not, not to stop."""
    for lang in ("en", "da"):
        text = " ".join(f.text for f in evaluate(person, lang=lang)[1].findings).casefold()
        if taking(person):
            assert "before you start" not in text and "før du begynder" not in text
        else:
            for stop in ("stop taking it", "pause your supplement", "hold op med at tage det"):
                assert stop not in text
            assert "hold pause med tilskuddet" not in text


# --- a worse answer never lowers the level, nor the urgency of the time frame ----------------

LEVELS = list(Level)


@dataclass(frozen=True)
class Urgency:
    """The report's level and the plan's time frame, each as an index (0 the most urgent): one
    answer is at least as urgent as another when both are (issue 17: never a lower level, never
    a less urgent time frame)."""

    level: int
    time: int

    def __le__(self, other: Urgency) -> bool:
        return self.level <= other.level and self.time <= other.time


def level_of(person: dict[str, Any], evaluate: Evaluate) -> Urgency:
    from mgcheck.models.assess_data import TimeFrame

    report = evaluate(person)[1]
    time = list(TimeFrame).index(TimeFrame(report.plan.time_frame.id))
    return Urgency(LEVELS.index(report.level), time)


@settings(max_examples=200)
@given(answers(), st.data())
def test_adding_a_condition_medicine_symptom_or_look_alike_never_lowers_the_urgency(
    evaluate: Evaluate, person: dict[str, Any], data: st.DataObject
) -> None:
    choices: list[tuple[str, list[str]]] = [
        ("conditions", [c.value for c in Condition]),
        ("medicines", [m.value for m in Medicine]),
        ("symptoms_now", [s.value for s in Symptom]),
    ]
    field, values = data.draw(st.sampled_from(choices))
    value = data.draw(st.sampled_from(values))
    worse = {**person, field: sorted({*person[field], value})}
    assert level_of(worse, evaluate) <= level_of(person, evaluate)
    if person.get("legs"):
        look = data.draw(st.sampled_from([e.value for e in LookAlike]))
        legs = {**person["legs"], "look_alikes": sorted({*person["legs"]["look_alikes"], look})}
        assert level_of({**person, "legs": legs}, evaluate) <= level_of(person, evaluate)


@settings(max_examples=200)
@given(answers(), st.floats(min_value=1, max_value=5000), st.floats(min_value=1, max_value=5000))
def test_a_bigger_dose_never_lowers_the_urgency(
    evaluate: Evaluate, person: dict[str, Any], a: float, b: float
) -> None:
    supplement = person.get("magnesium") or {"form": "citrate", "elemental": True, "per_day": 1}
    low, high = sorted((a, b))
    smaller = {**person, "magnesium": {**supplement, "amount_mg": low}}
    bigger = {**person, "magnesium": {**supplement, "amount_mg": high}}
    assert level_of(bigger, evaluate) <= level_of(smaller, evaluate)


@settings(max_examples=200)
@given(answers(), st.floats(min_value=0.1, max_value=5), st.floats(min_value=0.1, max_value=5))
def test_blood_magnesium_further_from_the_range_never_lowers_the_urgency(
    evaluate: Evaluate, person: dict[str, Any], a: float, b: float
) -> None:
    """Values in mmol/L: further below the low end, or further above the high end, is worse."""
    low = lower_reference_mmol(person["age"], person["sex"])
    middle = (low + upper_reference_mmol(person["age"])) / 2
    near, far = sorted((a, b), key=lambda v: abs(v - middle))
    if (near - middle) * (far - middle) < 0:
        return  # on opposite sides of the range: not comparable
    labs = person.get("labs") or {}

    def with_value(value: float) -> dict[str, Any]:
        return {**person, "labs": {**labs, "magnesium": {"value": value, "unit": "mmol/L"}}}

    if far > middle and "deficiency-risk" in {f.id for f in evaluate(with_value(near))[1].findings}:
        # Issue 17: "more likely to run low" is said only beside a normal value (beside a high
        # one it would contradict the value), so a value above the range may drop that caution:
        # a 70-year-old at 0.88 mmol/L is "worth watching", at 0.97 (just above) "looks fine".
        return
    assert level_of(with_value(far), evaluate) <= level_of(with_value(near), evaluate)


@settings(max_examples=200)
@given(answers(), st.floats(min_value=1, max_value=500), st.floats(min_value=1, max_value=500))
def test_lower_ferritin_or_saturation_never_lowers_the_urgency(
    evaluate: Evaluate, person: dict[str, Any], a: float, b: float
) -> None:
    low, high = sorted((a, b))
    labs = person.get("labs") or {}
    for key, values in (
        ("ferritin", ({"value": low, "unit": "ug/L"}, {"value": high, "unit": "ug/L"})),
        ("transferrin_saturation", ({"value": low / 10}, {"value": high / 10})),
    ):
        worse = {**person, "labs": {**labs, key: values[0]}}
        better = {**person, "labs": {**labs, key: values[1]}}
        assert level_of(worse, evaluate) <= level_of(better, evaluate)


@settings(max_examples=200)
@given(answers(), st.integers(0, 7), st.integers(0, 7), st.data())
def test_more_days_more_distress_or_bad_sleep_never_lowers_the_urgency(
    evaluate: Evaluate, person: dict[str, Any], a: int, b: int, data: st.DataObject
) -> None:
    legs = person.get("legs")
    if legs is None:
        return
    fewer, more = sorted((a, b))
    assert level_of({**person, "legs": {**legs, "days_per_week": more}}, evaluate) <= level_of(
        {**person, "legs": {**legs, "days_per_week": fewer}}, evaluate
    )
    order = [d.value for d in Distress]
    i, j = sorted(data.draw(st.lists(st.integers(0, 3), min_size=2, max_size=2)))
    assert level_of({**person, "legs": {**legs, "distress": order[j]}}, evaluate) <= level_of(
        {**person, "legs": {**legs, "distress": order[i]}}, evaluate
    )
    assert level_of({**person, "legs": {**legs, "sleep_disturbed": True}}, evaluate) <= level_of(
        {**person, "legs": {**legs, "sleep_disturbed": False}}, evaluate
    )
