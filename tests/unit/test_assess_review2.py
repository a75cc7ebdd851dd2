"""Two independent reviews of the finished report (issue 17, review 2): the persons of
tests/data/vignettes_review2.yaml, each defect the reviewers found as a concrete check in Danish
and English, numbered by the lead's list (/work/briefs/fix17.md), and the general ones as
properties over the whole answers space.

The checks read what a person reads: the plan at the top (its time frame, its magnesium action,
its explanations), every finding, the overall level's words and the doctor's part of the
document. See the header of the YAML file for the check language.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_assess_r17 import CONCEPTS as R17

from mgcheck.i18n import Language, format_number, set_language
from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import Action, Explanation, TimeFrame
from mgcheck.render import report as files
from mgcheck.render.document import Section, write
from mgcheck.results.assess import AssessResult, evaluate
from mgcheck.store.snapshot import assess_data
from mgcheck.vocab import Level, Standard

PERSONS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "data" / "vignettes_review2.yaml").read_text(
        encoding="utf-8"
    )
)
DATA = assess_data()
DAY = dt.date(2026, 12, 8)
NEVER = r"(?!x)x"  # a pattern for a language the check is not about

# Concepts: (English, Danish) patterns, matched case-insensitively against one part of the report
# with its whitespace collapsed; written for what the reviewers said, not for one sentence.
CONCEPTS: dict[str, tuple[str, str]] = {
    **R17,
    # --- item 1: the time frame names what set it ---
    "mg-112-list": (
        r"call 112[^.]{0,40}trouble breathing, fainting, confusion",
        r"ring 112[^.]{0,40}vejrtrækningsbesvær, besvimelse, forvirring",
    ),
    "low-named": (
        r"magnesium is (very )?low",
        r"magnesium (i blodet )?er (meget )?lavt",
    ),
    "lithium-named": (r"lithium", r"lithium"),
    "112-lithium": (r"call 112[^.]{0,60}confused", r"ring 112[^.]{0,60}forvirret"),
    "digoxin-named": (r"digoxin", r"digoxin"),
    "112-digoxin": (r"call 112[^.]{0,40}faint", r"ring 112[^.]{0,40}besvim"),
    "self-harm-named": (r"thoughts of harming yourself", r"tanker om at skade dig selv"),
    "clot-named": (r"blood clot", r"blodprop"),
    "too-much-named": (r"too much magnesium", r"for meget magnesium"),
    # --- item 2: a pause names its reason, never withheld beside a low value for a medicine ---
    "not-good-idea": (
        r"something in your answers|makes tablets unwise",
        r"noget i dine svar|ikke er en god idé",
    ),
    "pause-words": (r"take no magnesium|pause (it|them)\b", r"tag ingen magnesium|hold pause"),
    "why-lithium": (
        r"losing fluid makes lithium build up",
        r"væsketab får lithium til at hobe sig op",
    ),
    "why-heart": (
        r"heart block[^.]{0,120}(doctor|conduction)",
        r"hjerteblok[^.]{0,140}(læge|ledning)",
    ),
    "why-kidney": (r"kidney disease[^.]{0,60}build up", r"nyresygdom[^.]{0,60}hobe sig op"),
    # --- item 3: no reassurance beside anything urgent ---
    "reassure": (
        r"a day or two|(1-2|1–2) days|harmless|only a side effect",
        r"en dag eller to|(1-2|1–2) dage|ufarlig|kun en bivirkning",
    ),
    # Found by the property (tests/unit/test_assess_plan.py): restless legs in pregnancy "pass".
    "after-birth": (r"usually go after the birth", r"går som regel over efter fødslen"),
    # --- item 4 ---
    "too-little-maybe": (r"may play a part", r"kan spille ind"),
    # --- item 5: the overall level's words ---
    "help-today": (r"get help today", r"få hjælp i dag"),
    "get-help-now": (r"get help now", r"få hjælp nu"),
    "call-112": (r"call 112 now", r"ring 112 nu"),
    "within-days": (r"within a few days", r"inden for få dage"),
    # --- item 6 ---
    "kidney-legs": (
        r"kidney disease[^.]{0,80}restless legs|restless legs[^.]{0,80}kidney",
        r"nyresygdom[^.]{0,80}urolige ben|urolige ben[^.]{0,80}nyre",
    ),
    "high-not-legs": (
        r"high magnesium is not among the causes of restless legs",
        r"højt magnesium er ikke blandt de årsager til urolige ben",
    ),
    "title-only": (
        r"another illness or cause may lie behind",
        r"en anden sygdom eller årsag kan ligge bag",
    ),
    # Found by the property (tests/unit/test_assess_plan.py): a title said again as its text.
    "title-repeated": (
        r"(too much magnesium|too little iron|another illness or cause|kidney disease): \1",
        r"(for meget magnesium|for lidt jern|en anden sygdom eller årsag|nyresygdom): \1",
    ),
    "worse-which": (
        r"get help today if you[^.]{0,100}(drowsy|weakness|pulse|cramps|nausea|fluids)",
        r"få hjælp i dag, hvis du[^.]{0,100}(sløv|muskelsvaghed|puls|kramper|kvalme|væske)",
    ),
    "if-worse-vague": (
        r"get help today if it gets worse",
        r"få hjælp i dag, hvis det bliver værre",
    ),
    # --- item 7 ---
    "iron-low-for-rls": (r"low for restless legs", r"lave? for urolige ben"),
    "iron-deficient": (r"point to too little iron", r"peger på for lidt jern"),
    "may-take-title": (r"magnesium: you may take it", r"magnesium: du kan tage det"),
    "only-if-low-title": (r"only if you are low", r"kun hvis du mangler"),
    "prescribed-call": (
        r"prescribed[^.]{0,80}call[^.]{0,60}before you take",
        r"ordineret[^.]{0,80}ring[^.]{0,60}før du tager",
    ),
    "stop-not-self": (r"do not stop on your own|do not stop (it )?yourself", r"stop ikke selv"),
    "soon": (r"\bsoon\b", r"\bsnart\b"),
    "timing": (
        r"at the same time|apart in time|\d+ hours",
        r"på samme tid|adskilt i tid|\d+ timer",
    ),
    "maybe-above": (
        r"may (take|be|give) more than the upper limit|may be above the upper limit",
        r"måske mere end den øvre grænse|kan være over den øvre grænse",
    ),
    "fact-above": (r"you take more than the upper limit", r"du tager mere end den øvre grænse"),
    "cannot-tell": (r"mgcheck cannot tell which", r"mgcheck kan ikke sige hvilken"),
    "diuretic-lose": (
        r"loop diuretics make the body lose magnesium",
        r"loop-diuretika får kroppen til at tabe magnesium",
    ),
    # --- item 8: the doctor's part ---
    "own-range-inge": (r"0\.70[-–]1\.00 mmol/l", r"0,70[-–]1,00 mmol/l"),
    "own-range-p09": (r"0\.66[-–]1\.07 mmol/l", r"0,66[-–]1,07 mmol/l"),
    "default-range": (r"0\.71[-–]0\.94", r"0,71[-–]0,94"),
    "girls-range": (r"0\.65[-–]0\.93", r"0,65[-–]0,93"),
    "flag-high": (r"above (the|its) range", r"over området"),
    "flag-normal": (r"within (the|its) range", r"inden for området"),
    "told": (r"what mgcheck told the person", r"hvad mgcheck har sagt til personen"),
    "readings": (
        r"whole compound.{0,160}magnesium itself|magnesium itself.{0,160}whole compound",
        r"hele forbindelsen.{0,160}selve magnesium|selve magnesium.{0,160}hele forbindelsen",
    ),
    "glycinate": (r"bisglycinate", r"bisglycinat"),
    # --- item 9 ---
    "injected": (r"inject", r"indsprøjtning"),
    # --- item 10 ---
    "dose-170": (r"170–2,000 mg", r"170–2\.000 mg"),
    "dose-227": (r"\b227\b", r"\b227\b"),
    # --- review 3 (the third reviewer's whole-report reading) ---
    "cramps-today": (
        r"get help today if you get muscle cramps",
        r"få hjælp i dag, hvis du får muskelkramper",
    ),
    "hvad-der-goer": (NEVER, r"hvad der gør"),
    "pulse-today": (
        r"get help today if[^.]{0,80}slow or irregular pulse",
        r"få hjælp i dag, hvis[^.]{0,80}langsom eller uregelmæssig puls",
    ),
    "pulse-112": (
        r"call 112[^.]{0,80}very slow or irregular pulse",
        r"ring 112[^.]{0,80}meget langsom eller uregelmæssig puls",
    ),
    "passes-at-once": (r"if it passes at once", r"går det over med det samme"),
    "diet-low": (
        r"your diet may give too little magnesium",
        r"din kost giver måske for lidt magnesium",
    ),
    # --- item 11: Danish wording ---
    "udviskes": (r"it can blur", r"udviskes"),
    "sinker": (NEVER, r"\bsinker\b"),
    "forsinker": (NEVER, r"forsinker"),
    "andre-kvinder": (r"the value for other women", r"værdien for andre kvinder"),
    "et-svar": (r"you have a blood magnesium result", r"du har et svar på magnesium"),
}

# The checks that fail before the fixes of review 2 (committed failing first; each fix removes
# its own). Strict: a check that passes while listed here fails the suite.
# "id:item" in both languages, "id:item:da" in one.
_XFAIL = """
"""
XFAIL = {
    (name, int(item), lang)
    for entry in _XFAIL.split()
    for name, item, *only in [entry.split(":")]
    for lang in (only or ["da", "en"])
}
XFAIL_PLAN: set[str] = set()


def run(person: dict[str, Any], lang: Language) -> AssessResult:
    set_language(lang)  # the renderers speak the process language, as in a run
    return evaluate(Answers.model_validate(person["answers"]), DATA, Standard.NNR, lang)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def parts(result: AssessResult) -> dict[str, str]:
    """Each part of the report a check can look in, as one string (the process language is the
    report's: set by ``run``)."""
    report = result.report
    plan = report.plan
    document = files.document(report, result.sources, DAY)
    doctor = next(s for s in document.sections if s.new_page)
    text = write(document, "markdown")  # a table's row on one line
    start = text.index(f"\n## {doctor.title}\n")
    end = text.index(f"\n## {document.references_title}\n", start)
    heads = [document.banner.text if document.banner else ""]
    heads += [getattr(b, "text", "") for b in doctor.blocks[:2]]
    out = {
        "tf": f"{plan.time_frame.title} {plan.time_frame.text}",
        "ac": f"{plan.action.title} {plan.action.text}",
        "xp": " ".join(f"{e.title}: {e.text}" for e in plan.explanations),
        "fi": " ".join(f"{f.title}. {f.text}" for f in report.findings),
        "doc": text[start:end],
        "head": " ".join(heads),
        "fig": " ".join(label for label, _value, _cites in files.figures(report)),
    }
    out["all"] = " ".join((out["tf"], out["ac"], out["xp"], out["fi"]))
    return {key: _flat(value) for key, value in out.items()}


def holds(token: str, result: AssessResult, text: dict[str, str], lang: Language) -> bool:
    """One concrete check (the header of tests/data/vignettes_review2.yaml)."""
    kind, _sep, value = token.partition(":")
    report = result.report
    plan = report.plan
    explanations = [e.id for e in plan.explanations]
    if kind == "x1":
        return explanations[:1] == [value]
    if kind == "x":
        return value in explanations
    if kind == "a":
        return bool(plan.action.id == value)
    if kind == "t":
        return bool(plan.time_frame.id == value)
    if kind == "f":
        return value in {f.id for f in report.findings}
    if kind == "n":
        decimals = len(value.partition(".")[2])
        return format_number(float(value), decimals, lang).casefold() in text["all"]
    if kind == "cite":
        finding, _sep, key = value.partition(":")
        return any(f.id == finding and key in f.sources for f in report.findings)
    if kind == "plancite":
        return value in plan.sources
    english, danish = CONCEPTS[value]
    return re.search(english if lang == "en" else danish, text[kind]) is not None


def _for(lang: Language, tokens: list[str]) -> list[str]:
    """The tokens that apply in ``lang``: a da: or en: token only in its language."""
    return [
        t[3:] if t[:3] == f"{lang}:" else t
        for t in tokens
        if t[:3] in (f"{lang}:",) or t[:3] not in ("da:", "en:")
    ]


CHECKS = [
    pytest.param(
        person,
        check,
        lang,
        id=f"{person['id']}-item{check['item']}-{lang}",
        marks=[pytest.mark.xfail(strict=True)]
        if (person["id"], check["item"], lang) in XFAIL
        else [],
    )
    for person in PERSONS
    for check in person["checks"]
    for lang in ("da", "en")
    if _for(lang, check["say"] + check["not_say"])
]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "person",
    [
        pytest.param(
            p, id=p["id"], marks=[pytest.mark.xfail(strict=True)] if p["id"] in XFAIL_PLAN else []
        )
        for p in PERSONS
    ],
)
def test_the_plan(person: dict[str, Any], lang: Language) -> None:
    """The level, the action, the time frame and the first explanations the team expects."""
    result = run(person, lang)
    plan = result.report.plan
    why = person["name"]
    assert result.report.level.value == person["level"], why
    assert plan.action.id == person["action"], why
    assert plan.time_frame.id == person["time_frame"], why
    explanations = [e.id for e in plan.explanations]
    assert explanations[:1] == person["explanations"][:1], (why, explanations)
    assert set(person["explanations"]) <= set(explanations), (why, explanations)


@pytest.mark.parametrize(("person", "check", "lang"), CHECKS)
def test_the_defect_is_gone(person: dict[str, Any], check: dict[str, Any], lang: Language) -> None:
    result = run(person, lang)
    text = parts(result)
    failed = [t for t in _for(lang, check["say"]) if not holds(t, result, text, lang)]
    found = [t for t in _for(lang, check["not_say"]) if holds(t, result, text, lang)]
    assert not failed and not found, (person["id"], check["item"], failed, found)


def test_the_persons_and_their_checks_are_well_formed() -> None:
    """Every check names a concept, an explanation, an action, a time frame, a finding or a
    source mgcheck has, so a misspelt one cannot make a check pass; every item of the lead's
    list that a person shows has a check."""
    findings = {f.id for f in DATA.findings}
    sources = {s.key for s in DATA.sources.sources}
    assert len({p["id"] for p in PERSONS}) == len(PERSONS)
    for person in PERSONS:
        assert person["expected"].strip() and person["who"].strip()
        assert Level(person["level"]) and Action(person["action"])
        assert TimeFrame(person["time_frame"])
        for check in person["checks"]:
            assert 1 <= check["item"] <= 12
            for token in check["say"] + check["not_say"]:
                token = token[3:] if token[:3] in ("da:", "en:") else token
                kind, _sep, value = token.partition(":")
                if kind in ("x1", "x"):
                    assert Explanation(value)
                elif kind == "a":
                    assert Action(value)
                elif kind == "t":
                    assert TimeFrame(value)
                elif kind == "f":
                    assert value in findings
                elif kind == "n":
                    float(value)
                elif kind == "cite":
                    finding, _sep, key = value.partition(":")
                    assert finding in findings and key in sources, token
                elif kind == "plancite":
                    assert value in sources, token
                else:
                    assert kind in ("tf", "ac", "xp", "fi", "all", "doc", "head", "fig"), token
                    assert value in CONCEPTS, token
    items = {check["item"] for person in PERSONS for check in person["checks"]}
    assert items >= {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}


def _doctor(result: AssessResult) -> Section:
    document = files.document(result.report, result.sources, DAY)
    return next(s for s in document.sections if s.new_page)
