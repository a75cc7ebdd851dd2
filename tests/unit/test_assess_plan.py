"""Issue 17: one clinical story. The plan (action, time frame, explanations) is decided once, and
every finding words it; invariants over the whole answers space (hypothesis).

Each property was seen to fail with its rule removed, each time with a fresh hypothesis
database (see the report of issue 17): the advice scan with "Take no more than the limit" put
back into the dose-above-limit words; "no too much" with the measured-value check taken out of
Facts.plausible_excess; "every symptom named" without _name_every_symptom; "no permission under
18" with the child rows never applying; "no test suggested" with deficiency-risk's measured
words removed; the monotony of the time frame (test_assess_properties: a worse answer never
lowers the urgency) with the danger-112 row not applying with kidney disease; and "urgent only
with 112 or today" with the spreading-weakness row's time frame moved
to the next visit (the safety net then decides, which the property forbids).

The properties of review 2 (the general defects of /work/briefs/fix17.md) were each seen to fail
the same way, with a fresh hypothesis database: "a pause names its reason" with the action's
{why} left empty in plan._action; "no reassurance beside 112 or today" with `calm` always true
in plan._explanation (settles-stopping beside today), with side-effects-lower-dose kept beside
today, and with rls-pregnancy's urgent words not used ("usually go after the birth" beside
112); "the doctor's range is the judged range" with report_facts printing mgcheck's adult
default for a child's range, and again for the person's own laboratory range; "no explanation
repeats its title" with too_much_magnesium's words before this change ("Too much magnesium in
the blood is possible here"), with another_illness's pieces taken out and its words before
review 2 put back, and with kidney_disease's pieces taken out (an empty text); "too little
magnesium only with grounds" with plan._too_little_grounds always true; "a medicine never pauses
magnesium beside a low value" with the low_keeps case of plan._side taken out. Two of them found
defects, now persons of tests/data/vignettes_review2.yaml (props-pregnant-faint,
props-older-nausea).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_assess_properties import (
    PER_MMOL,
    answers,
    blood_state,
    lower_reference_mmol,
    symptom_set,
    upper_reference_mmol,
)
from test_assess_r17 import CONCEPTS

from mgcheck.i18n import Language
from mgcheck.models.assess_data import Action
from mgcheck.results.assess import Report
from mgcheck.rules.assess import EXPLAIN, ROWS, Assessment
from mgcheck.store.snapshot import assess_data
from mgcheck.vocab import Level, Symptom

DATA = assess_data()
Evaluate = Callable[..., tuple[Assessment, Report]]  # the `evaluate` fixture

# Magnesium advice: what to do with magnesium, said only by the plan at the top (issue 17 point
# 1). A finding may give reasons ("the article says: talk to a doctor before taking it"), never
# its own instruction.
ADVICE = {
    "en": re.compile(
        r"take no more magnesium|take no magnesium|stop taking (it|magnesium)|stop the magnesium"
        r"|pause (it|the magnesium|your supplement)|do not start (taking )?magnesium"
        r"|no more than the limit|\btake less\b|you may (take|start)|keep under|stay under"
    ),
    "da": re.compile(
        r"tag ikke mere magnesium|tag ingen magnesium|tag ikke magnesium|stop med magnesium"
        r"|hold pause|begynd ikke|ikke mere end grænsen|\btag mindre\b|du kan tage"
        r"|hold dig under"
    ),
}
LIMIT_PERMISSION = {
    "en": re.compile(r"no more than|stay under|keep under|under \d+ mg"),
    "da": re.compile(r"ikke mere end|hold dig under|under \d+ mg"),
}


def text_of(report: Report, *, plan: bool = True) -> str:
    parts = []
    if plan:
        p = report.plan
        parts += [p.time_frame.title, p.time_frame.text, p.action.title, p.action.text]
        parts += [x for e in p.explanations for x in (e.title, e.text)]
    parts += [x for f in report.findings for x in (f.title, f.text)]
    return re.sub(r"\s+", " ", " ".join(parts)).casefold()


def concept(key: str, lang: Language) -> re.Pattern[str]:
    english, danish = CONCEPTS[key]
    return re.compile(english if lang == "en" else danish)


def test_every_row_and_rule_of_the_table_has_its_predicate() -> None:
    """The table in data/findings.yaml and the predicates of rules/assess/plan.py name the same
    rows and rules: none is decided without a row a clinician can read, or read but never used."""
    assert [row.id for row in DATA.plan.rows] == list(ROWS)
    assert [rule.id for rule in DATA.plan.explain] == list(EXPLAIN)


@settings(max_examples=300)
@given(answers(), st.sampled_from(["en", "da"]))
def test_one_magnesium_action_per_report(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """Exactly one action, and no finding gives magnesium advice of its own beside it."""
    _assessment, report = evaluate(person, lang=lang)
    assert Action(report.plan.action.id) in Action
    advice = ADVICE[lang].search(text_of(report, plan=False))
    assert advice is None, advice


@settings(max_examples=300)
@given(answers(), st.sampled_from(["en", "da"]))
def test_no_too_much_beside_a_measured_low_or_normal_value(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    _assessment, report = evaluate(person, lang=lang)
    if blood_state(person) not in ("low", "normal"):
        return
    assert "too_much_magnesium" not in [e.id for e in report.plan.explanations]
    assert "urgent-overdose-signs" not in {f.id for f in report.findings}
    assert concept("too-much", lang).search(text_of(report)) is None


@settings(max_examples=300)
@given(answers(), st.sampled_from(["en", "da"]))
def test_every_ticked_symptom_is_named(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    _assessment, report = evaluate(person, lang=lang)
    findings = text_of(report, plan=False)
    for symptom in symptom_set(person):
        label = DATA.questions.labels.symptoms[Symptom(symptom)].get(lang).casefold()
        assert label in findings, symptom


@settings(max_examples=300)
@given(answers(), st.sampled_from(["en", "da"]))
def test_no_limit_permission_under_18(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """Under 18 mgcheck suggests no dose: no "keep under the limit", "you may take" or "fine as
    it is", and no "no more than" or "under 250 mg" anywhere in the report."""
    person = {**person, "age": min(person["age"], 17)}
    _assessment, report = evaluate(person, lang=lang)
    assert report.plan.action.id in ("stop_now", "pause_until_doctor", "do_not_start")
    permission = LIMIT_PERMISSION[lang].search(text_of(report))
    assert permission is None, permission


@settings(max_examples=300)
@given(answers(), st.sampled_from(["en", "da"]))
def test_no_test_suggested_for_a_value_given(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    _assessment, report = evaluate(person, lang=lang)
    labs = person.get("labs") or {}
    text = text_of(report)
    if "magnesium" in labs:
        assert concept("test-mg", lang).search(text) is None
    if "ferritin" in labs:
        assert concept("test-ferritin", lang).search(text) is None
    if "transferrin_saturation" in labs:
        tsat = DATA.questions.labels.other["test_tsat"].get(lang).casefold()
        assert not re.search(rf"(blood tests of|blodprøver for)[^.]*{tsat}", text)


@settings(max_examples=200)
@given(answers())
def test_an_urgent_report_says_112_or_today_and_only_then(
    evaluate: Evaluate, person: dict[str, Any]
) -> None:
    """The level and the time frame tell one story: urgent exactly when 112 or today, and the
    table's rows say so themselves (the safety net for an urgent finding never decides)."""
    assessment, report = evaluate(person)
    urgent_time = report.plan.time_frame.id in ("call_112", "today")
    assert (report.level is Level.URGENT) == urgent_time
    assert "urgent-finding" not in assessment.plan.because


@settings(max_examples=300)
@given(answers(), st.sampled_from(["en", "da"]))
def test_no_finding_names_a_later_time_than_the_plan(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """Found by a sweep of generated persons: beside a plan for 112 or today, no finding says
    "within a few days" (the digoxin words once did)."""
    _assessment, report = evaluate(person, lang=lang)
    if report.plan.time_frame.id in ("call_112", "today"):
        later = re.search(r"within a few days|inden for få dage", text_of(report, plan=False))
        assert later is None, later


@settings(max_examples=300)
@given(answers())
def test_the_explanations_never_say_too_much_and_too_little_together(
    evaluate: Evaluate, person: dict[str, Any]
) -> None:
    explanations = [e.id for e in evaluate(person)[1].plan.explanations]
    assert not {"too_much_magnesium", "too_little_magnesium"} <= set(explanations)


# --- review 2: the general defects as properties over the whole answers space ---

HELD = ("stop_now", "pause_until_doctor", "do_not_start")
URGENT_TIME = ("call_112", "today")
ROW = {row.id: row for row in DATA.plan.rows}


def taking_magnesium(person: dict[str, Any]) -> bool:
    return "magnesium" in person or "magnesium_laxative_or_antacid" in person["medicines"]


def phrase(key: str, lang: Language) -> str:
    return re.sub(r"\s+", " ", DATA.phrases[key].text.get(lang)).casefold()


@settings(max_examples=150)
@given(answers(), st.sampled_from(["en", "da"]))
def test_a_pause_names_its_reason(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """A plan that stops, pauses or holds back magnesium says why in its own words: the why of
    at least one row of the table that applied and holds it back so (review 2, point 2)."""
    _assessment, report = evaluate(person, lang=lang)
    action = report.plan.action
    if action.id not in HELD:
        return
    side = "taking" if taking_magnesium(person) else "not_taking"
    held = Action(action.id)
    whys: set[str] = set()
    for row_id in report.plan.rows:
        row = ROW[row_id]
        if row.action is not None and row.why is not None and getattr(row.action, side) == held:
            whys |= {row.why, *(["why-far-maybe"] if row.why == "why-far" else [])}
    assert whys, report.plan.rows  # a row of the table set the action
    text = re.sub(r"\s+", " ", action.text).casefold()
    named = [key for key in whys if phrase(key, lang) in text]
    assert named, (action.text, sorted(whys))


# Reassurance: that the stomach upset passes (data/findings.yaml phrases settles and
# settles-stopping, and the side-effect finding's own words), that something is harmless.
REASSURE = {
    "en": re.compile(r"within a day or two|harmless|only a side effect|usually go\b"),
    "da": re.compile(r"en dag eller to|ufarlig|kun en bivirkning|som regel over"),
}


@settings(max_examples=150)
@given(answers(), st.sampled_from(["en", "da"]))
def test_no_reassurance_beside_112_or_today(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """Never a reassurance beside a danger sign (review 2, point 3): with a time frame of 112
    or today, no part of the report says that it passes or is harmless."""
    _assessment, report = evaluate(person, lang=lang)
    if report.plan.time_frame.id not in URGENT_TIME:
        return
    text = text_of(report)
    for key in ("settles", "settles-stopping"):
        assert phrase(key, lang) not in text, key
    found = REASSURE[lang].search(text)
    assert found is None, found


def judged_range(person: dict[str, Any]) -> tuple[float, float]:
    """The range a blood magnesium is judged against, in mmol/L, from the answers: the
    person's laboratory's when given, else the Danish range for age and sex (RSJ-P)."""
    blood = person["labs"]["magnesium"]
    if "range" in blood:
        per_mmol = PER_MMOL[blood["unit"]]
        return blood["range"][0] / per_mmol, blood["range"][1] / per_mmol
    age = person["age"]
    return lower_reference_mmol(age, person["sex"]), upper_reference_mmol(age)


SPAN = re.compile(r"(\d+[.,]\d+)–(\d+[.,]\d+) mmol/L")


@settings(max_examples=150)
@given(answers(), st.sampled_from(["en", "da"]))
def test_the_doctors_part_shows_the_range_the_value_was_judged_against(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """The doctor's table (review 2, point 8, the GP's most serious finding) compares the blood
    magnesium with the range it was judged against: the person's own, else the default."""
    if "labs" not in person:
        return
    _assessment, report = evaluate(person, lang=lang)
    assert report.facts is not None
    rows = [row for row in report.facts.labs if "mmol/L" in row.compared]
    assert len(rows) == 1, report.facts.labs
    span = SPAN.search(rows[0].compared)
    assert span is not None, rows[0].compared
    shown = [float(x.replace(",", ".")) for x in span.groups()]
    low, high = judged_range(person)
    assert abs(shown[0] - low) <= 0.0051 and abs(shown[1] - high) <= 0.0051, (
        rows[0].compared,
        (low, high),
    )
    if lang == "da":
        assert "." not in span.group(0).removesuffix(" mmol/L"), span.group(0)


@settings(max_examples=150)
@given(answers(), st.sampled_from(["en", "da"]))
def test_no_explanation_just_repeats_its_title(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """An explanation says something of its own (review 2, point 6: "En anden sygdom eller
    årsag: En anden sygdom …"): its text is not empty, is not its title and does not begin
    with it."""
    _assessment, report = evaluate(person, lang=lang)
    for e in report.plan.explanations:
        title = re.sub(r"\s+", " ", e.title).casefold().strip(" .:")
        text = re.sub(r"\s+", " ", e.text).casefold().strip()
        assert text, e.id
        assert not text.startswith(title), (e.title, e.text)


# The risks of running low that the sources name (review 2, point 4): acid-reducing medicine
# and loop or thiazide diuretics (FDA-PPI; SmPC-A/B), much alcohol, bowel disease and type 2
# diabetes (NIH ODS; magnesium.md f). Written out here, not read from the rules.
LOW_RISK_MEDICINES = {"ppi", "loop_diuretic", "thiazide_diuretic", "loop_or_thiazide_diuretic"}
LOW_RISK_CONDITIONS = {"alcohol", "bowel_disease", "type2_diabetes"}


def measured_below(person: dict[str, Any]) -> bool:
    """A blood magnesium below its range (at mgcheck's edge too), from the answers."""
    blood = (person.get("labs") or {}).get("magnesium")
    if blood is None:
        return False
    mmol: float = blood["value"] / PER_MMOL[blood["unit"]]
    return mmol < judged_range(person)[0] + 1e-6


@settings(max_examples=200)
@given(answers(), st.sampled_from(["en", "da"]))
def test_too_little_magnesium_only_with_grounds(
    evaluate: Evaluate, person: dict[str, Any], lang: Language
) -> None:
    """ "Too little magnesium may play a part" only with something in the answers for it: a
    measured low value, a risk the sources name, or a diet estimate below the need."""
    _assessment, report = evaluate(person, lang=lang)
    if "too_little_magnesium" not in [e.id for e in report.plan.explanations]:
        return
    diet, need = report.diet_mg, report.need_mg
    diet_low = diet is not None and need is not None and diet < need
    grounds = (
        measured_below(person)
        or bool(LOW_RISK_MEDICINES & set(person["medicines"]))
        or bool(LOW_RISK_CONDITIONS & set(person["conditions"]))
        or diet_low
    )
    assert grounds, (person, report.diet_mg, report.need_mg)


# Medicines and look-alikes: what may be taken away from a person's answers to see whether
# they alone hold magnesium back. A magnesium laxative is magnesium itself, and lithium with
# vomiting or diarrhoea is drying out (the table's lithium-fluid-loss row): both stay.
DRYING_SYMPTOMS = {"vomiting", "diarrhoea"}


@settings(max_examples=200)
@given(
    answers(),
    st.floats(min_value=0.1, max_value=0.59),
    st.lists(st.sampled_from(["digoxin", "lithium"]), min_size=1, unique=True),
)
def test_a_medicine_or_look_alike_never_pauses_magnesium_beside_a_low_value(
    evaluate: Evaluate, person: dict[str, Any], mmol: float, medicines: list[str]
) -> None:
    """With a measured low magnesium (below every range the sources name), a row whose only
    reason is a medicine or a look-alike never stops or pauses the magnesium someone takes
    (review 2, point 2; X1, X1b: low magnesium is treated with magnesium, Rao 2013): the plan
    holds it back only if it would without the medicines and the look-alikes."""
    labs = {**(person.get("labs") or {}), "magnesium": {"value": mmol, "unit": "mmol/L"}}
    supplement = {"form": "citrate", "amount_mg": 100.0, "elemental": True, "per_day": 1}
    person = {
        **person,
        "labs": labs,
        "magnesium": person.get("magnesium", supplement),
        "medicines": sorted({*person["medicines"], *medicines}),
    }
    drying = "lithium" in person["medicines"] and DRYING_SYMPTOMS & set(person["symptoms_now"])
    kept = ["magnesium_laxative_or_antacid", *(["lithium"] if drying else [])]
    without = {**person, "medicines": [m for m in person["medicines"] if m in kept]}
    if "legs" in person:
        without["legs"] = {**person["legs"], "look_alikes": []}
    action = evaluate(person)[1].plan.action.id
    if action in ("stop_now", "pause_until_doctor"):
        assert evaluate(without)[1].plan.action.id in ("stop_now", "pause_until_doctor"), action
