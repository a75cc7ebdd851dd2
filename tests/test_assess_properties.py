"""Invariants of the self-check over the whole answers space (hypothesis)."""

from __future__ import annotations

import json
import re
from typing import Any

from assess_helpers import DATA, evaluate
from hypothesis import given, settings
from hypothesis import strategies as st

from mgcheck.datafiles import load_sources, source_keys
from mgcheck.rules.assess import DANGER_SIGNS
from mgcheck.rules.limits import upper_limit
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

KNOWN_SOURCES = source_keys(load_sources())
FORM_NAMES = ["unknown", *(alias for form in DATA.forms.forms for alias in form.aliases[:2])]
DOCTOR_FIRST = {
    "kidney_disease": "doctor-first-kidney",
    "bleeding_disorder": "doctor-first-bleeding",
    "heart_rhythm": "doctor-first-heart",
    "myasthenia_gravis": "doctor-first-myasthenia",
}
AMOUNT_FINDINGS = {
    "dose-above-limit",
    "dose-within-limit",
    "dose-unknown",
    "only-if-low",
    "interaction-laxative-antacid",
}


def some(enum: Any) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from([e.value for e in enum]), unique=True)


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
            "amount_mg": draw(st.floats(min_value=1, max_value=5000)),
            "elemental": draw(st.booleans()),
            "per_day": draw(st.integers(min_value=1, max_value=6)),
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
        out["labs"] = {
            "magnesium": {
                "value": draw(st.floats(min_value=0.1, max_value=3)),
                "unit": draw(st.sampled_from(["mmol/L", "mg/dL", "mEq/L"])),
            },
            "ferritin": {"value": draw(st.floats(min_value=1, max_value=500)), "unit": "ug/L"},
        }
    return out


standards = st.sampled_from(list(Standard))


@settings(max_examples=300)
@given(answers(), standards)
def test_findings_are_ordered_and_the_report_level_is_the_first(
    person: dict[str, Any], standard: Standard
) -> None:
    _assessment, report = evaluate(person, standard)
    order = [list(Level).index(f.level) for f in report.findings]
    assert order == sorted(order)
    expected = report.findings[0].level if report.findings else Level.INFO
    assert report.level is expected


@settings(max_examples=300)
@given(answers())
def test_any_danger_sign_makes_the_report_urgent(person: dict[str, Any]) -> None:
    _assessment, report = evaluate(person)
    symptoms = set(person["symptoms_now"])
    taking = "magnesium" in person or "magnesium_laxative_or_antacid" in person["medicines"]
    signs = {s.value for s in DANGER_SIGNS}
    if not taking:
        signs.discard("muscle_weakness")
    if symptoms & signs:
        assert report.level is Level.URGENT


@settings(max_examples=300)
@given(answers())
def test_each_doctor_first_condition_always_has_its_finding(person: dict[str, Any]) -> None:
    found = {f.id for f in evaluate(person)[1].findings}
    for condition in person["conditions"]:
        if condition in DOCTOR_FIRST:
            assert DOCTOR_FIRST[condition] in found
    if person.get("pregnant") or person.get("breastfeeding"):
        assert "doctor-first-pregnancy" in found


@settings(max_examples=300)
@given(answers(), standards)
def test_under_18_no_dose_findings_and_no_amounts(
    person: dict[str, Any], standard: Standard
) -> None:
    person = {**person, "age": min(person["age"], 17)}
    _assessment, report = evaluate(person, standard)
    found = {f.id for f in report.findings}
    assert "adults-only" in found
    assert not found & (AMOUNT_FINDINGS | {"diet-low", "diet-adequate"})
    document = report.to_json()
    assert document["need_mg"] is None
    assert document["upper_limit_mg"] is None
    assert document["dose"] is None
    assert document["food_estimate"] is None
    assert all(food["mg"] is None for food in document["suggested_foods"])
    assert not re.search(r"\d mg\b", " ".join(f.text for f in report.findings))


@settings(max_examples=300)
@given(answers(), standards)
def test_nothing_suggests_more_than_the_upper_limit(
    person: dict[str, Any], standard: Standard
) -> None:
    """The only amount a finding offers as a ceiling is the standard's upper limit; a supplement
    is called within the limit only when its whole daily range is; and the article's 300 mg is
    never named without the chosen limit beside it."""
    assessment, report = evaluate(person, standard)
    if not assessment.adult:
        return
    limit = upper_limit(DATA.limits.standard(standard), person["age"])
    assert limit is not None
    assert report.upper_limit_mg == limit.mg
    found = {f.id: f for f in report.findings}
    if "dose-within-limit" in found:
        assert assessment.dose is not None
        assert assessment.dose.per_day_high <= limit.mg
    if assessment.dose is not None and assessment.dose.per_day_high > limit.mg:
        assert "dose-above-limit" in found
    if "only-if-low" in found:
        assert f"{limit.mg:.0f} mg a day" in found["only-if-low"].text
        assert "never suggests more" in found["only-if-low"].text


@settings(max_examples=150)
@given(answers(), standards)
def test_every_finding_has_words_in_both_languages_and_known_sources(
    person: dict[str, Any], standard: Standard
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
    person: dict[str, Any], standard: Standard, random: Any
) -> None:
    first = json.dumps(evaluate(person, standard)[1].to_json(), sort_keys=True)
    shuffled = {
        key: random.sample(value, len(value)) if isinstance(value, list) else value
        for key, value in person.items()
    }
    again = json.dumps(evaluate(shuffled, standard)[1].to_json(), sort_keys=True)
    assert first == again
