"""The independent clinical review of issue 17 (tests/data/vignettes_r17.yaml), in both languages.

75 persons written from ../shared/reference/ before the rules of issue 17, each with the report
level, the one magnesium action, its time frame and the likely explanations, and phrases a
correct report must and must not contain. Each phrase is turned into concrete checks (the
`checks:` the team added to the file; see its header): a finding, an explanation, the action or
the time frame, a ticked symptom named by its label, a number as the language writes it, or words
(CONCEPTS below, one pattern per language, matched against the whole report: the plan at its top
and every finding). Where the team's expectation differs, the person says why in `team:`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mgcheck.i18n import Language, format_number
from mgcheck.models.assess_data import Action, Explanation, TimeFrame
from mgcheck.results.assess import Report
from mgcheck.rules.assess import Assessment
from mgcheck.store.snapshot import assess_data
from mgcheck.vocab import Symptom

PERSONS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "data" / "vignettes_r17.yaml").read_text(
        encoding="utf-8"
    )
)
DATA = assess_data()  # mgcheck's own data, as the commands read it
Evaluate = Callable[..., tuple[Assessment, Report]]  # the `evaluate` fixture

ACTIONS = {a.value for a in Action}
TIME_FRAMES = {t.value for t in TimeFrame}
EXPLANATIONS = {e.value for e in Explanation}

# Concept words: (English, Danish) patterns, matched case-insensitively against the report's text
# with its whitespace collapsed. Written for what the concept means, not for one sentence.
CONCEPTS: dict[str, tuple[str, str]] = {
    # --- time, help and what to tell ---
    "call-112-now": (r"call 112 now", r"ring 112 nu"),
    "call-112-if": (
        r"call 112[^.]{0,140}(breath|pulse|faint|confus|seizure)",
        r"ring 112[^.]{0,140}(vejrtrækning|puls|besvim|forvirr|kramper)",
    ),
    "out-of-hours": (r"out of hours: 1813", r"uden for åbningstid: 1813"),
    "within-days": (r"within a few days", r"inden for få dage"),
    "if-passes-today": (
        r"if it passes[^.]{0,60}today",
        r"går det over[^.]{0,80}i dag",
    ),
    "today-if-fluids": (
        r"today if you cannot keep fluids? down",
        r"i dag, hvis du ikke kan holde på væske",
    ),
    "tell-low": (
        r"(tell|say to) (them|the doctor)[^.]{0,40}magnesium is low",
        r"sig[^.]{0,40}(at )?dit magnesium er lavt",
    ),
    "tell-lithium": (
        r"tell (them|the doctor) (that )?you take lithium",
        r"sig, at du tager lithium",
    ),
    "tell-digoxin": (r"tell (them|the doctor)[^.]{0,60}digoxin", r"sig[^.]{0,60}digoxin"),
    "tell-diuretic": (r"tell (them|the doctor)[^.]{0,80}water pill", r"sig[^.]{0,80}vanddrivende"),
    "tell-magnesium": (
        r"tell (them|the doctor)[^.]{0,80}(magnesium laxative|laxative or antacid|which magnesium)",
        r"sig[^.]{0,80}(afføringsmiddel|hvilken magnesium)",
    ),
    "tell-doctor-mg": (
        r"tell your doctor[^.]{0,30}(take|plan to take|are taking) magnesium",
        r"fortæl din læge[^.]{0,40}(tager|vil tage) magnesium",
    ),
    "tell-adult": (
        r"parent or another adult you trust",
        r"forælder eller en anden voksen, du stoler på",
    ),
    "mention": (
        r"(mention|show) (it|the result|this) to your (own )?doctor",
        r"(nævn|vis) (det|svaret)[^.]{0,20}(for|til) din (egen )?læge",
    ),
    "see-doctor": (
        r"(see|talk to|show (it|the result) to|mention it to) (a|your)( own)? doctor",
        r"(gå til|tal med|vis (det|svaret) til|nævn det for) (en|din)( egen)? læge",
    ),
    "doctor-if-it-returns": (
        r"your (own )?doctor[^.]{0,60}(keeps coming back|goes on|comes back)",
        r"din egen læge[^.]{0,60}(igen|bliver ved)",
    ),
    "dizzy-escalate": (r"if you faint[^.]{0,100}(112|today)", r"besvimer du[^.]{0,100}(112|i dag)"),
    "112-chest": (r"112[^.]{0,80}chest pain", r"112[^.]{0,80}brystsmerter"),
    "112-swallow": (r"112[^.]{0,100}swallow", r"112[^.]{0,100}synke"),
    "112-self-harm": (
        r"call 112[^.]{0,80}(danger|act on them|hurt yourself)",
        r"ring 112[^.]{0,80}(fare|handle på dem|skadet dig)",
    ),
    "lithium-112": (
        r"112[^.]{0,100}(confused|unsteady)",
        r"112[^.]{0,100}(forvirret|usikker på benene)",
    ),
    "swallow": (r"swallowing", r"synke"),
    "with-parent": (r"(together )?with a parent", r"sammen med en forælder"),
    "own-doctor-gp": (r"your own doctor \(gp\)", r"din egen læge"),
    "midwife": (r"midwife", r"jordemoder"),
    "health-visitor": (r"health visitor", r"sundhedsplejerske"),
    "livslinien": (r"livslinien", r"livslinien"),
    # --- the magnesium action in words ---
    "stop-mg": (
        r"(?<!not )(?<!never )stop (taking )?(the |your )?magnesium|take no more magnesium|"
        r"magnesium: stop",
        r"(?<!ikke )stop (med )?(at tage )?magnesium|tag ikke mere magnesium|magnesium: stop",
    ),
    "pause-until": (
        r"pause[^.]{0,60}until you have talked",
        r"hold pause[^.]{0,60}til du har talt",
    ),
    "no-mg": (
        r"do not take magnesium|take no magnesium",
        r"tag ikke magnesium|tag ingen magnesium",
    ),
    "may-take": (
        r"you may (take|start)|may take up to",
        r"du kan (godt )?(tage|begynde)|må tage op til",
    ),
    "stay-under": (
        r"stay under|keep under|no more than (the limit|\d)|take no more than",
        r"hold dig under|ikke mere end (grænsen|\d)",
    ),
    "no-more-than": (r"no more than", r"ikke mere end"),
    "under-limit-mg": (r"under \d+ mg a day", r"under \d+ mg om dagen"),
    "take-less": (
        r"take less|lower (the )?dose|reduce (it|the dose|your dose|to)",
        r"tag mindre|lavere dosis|sæt dosis ned",
    ),
    "take-more": (r"take more magnesium", r"tag mere magnesium"),
    "keep-taking": (
        r"keep taking|carry on taking|you may continue",
        r"fortsæt med at tage|bliv ved med at tage",
    ),
    "incl-laxatives": (
        r"laxatives or antacids that contain it|nor laxatives or antacids",
        r"afføringsmidler eller syreneutraliserende midler med magnesium",
    ),
    "no-raise": (r"do not raise the dose", r"sæt ikke dosis op"),
    "fine": (
        r"within the (upper )?limit|is fine|nothing to change",
        r"inden for (den øvre )?grænse|er fint|intet at ændre",
    ),
    "no-need": (
        r"no need for a (magnesium )?supplement",
        r"ingen grund til et (magnesium)?tilskud",
    ),
    "child-ask": (
        r"mgcheck suggests no (amount|dose)[^.]{0,40}under 18",
        r"mgcheck foreslår ingen (mængde|dosis)[^.]{0,40}under 18",
    ),
    "ask-before-again": (
        r"before (taking|you take) (it|magnesium) again",
        r"før du tager (det|magnesium) igen",
    ),
    "prescribed": (r"if a doctor prescribed", r"har en læge ordineret"),
    "comes-first": (
        r"comes first[^.]{0,60}magnesium[^.]{0,30}wait",
        r"kommer først[^.]{0,60}magnesium[^.]{0,30}vente",
    ),
    "treated-with-mg": (
        r"low magnesium is treated with magnesium",
        r"lavt magnesium behandles med magnesium",
    ),
    "hospital-gives": (
        r"(hospital|doctor) (gives|will give)[^.]{0,40}magnesium[^.]{0,80}"
        r"not[^.]{0,30}tablets at home",
        r"(hospitalet|lægen) giver[^.]{0,40}magnesium[^.]{0,80}ikke[^.]{0,40}tabletter derhjemme",
    ),
    "doctor-gives": (
        r"doctor[^.]{0,30}(gives?|give you|decides how to give)[^.]{0,20}magnesium",
        r"lægen[^.]{0,30}(giver|beslutter, hvordan)[^.]{0,30}magnesium",
    ),
    "lithium-watch": (
        r"if you get diarrhoea or vomiting[^.]{0,140}lithium",
        r"får du diarré eller kaster op[^.]{0,160}lithium",
    ),
    # --- what the values and the label mean ---
    "low": (r"\blow\b", r"\blavt\b"),
    "high": (r"\bhigh\b", r"\bhøjt\b"),
    "low-mg": (
        r"low magnesium|magnesium is (very )?low|too little magnesium|run low on magnesium",
        r"lavt magnesium|magnesium i blodet er (meget )?lavt|for lidt magnesium|mangle magnesium",
    ),
    "high-mg": (
        r"high magnesium|magnesium is (very )?high",
        r"højt magnesium|magnesium i blodet er (meget )?højt",
    ),
    "too-much": (r"too much magnesium", r"for meget magnesium"),
    "overdose": (r"overdose|magnesium poisoning", r"overdosis|magnesiumforgiftning"),
    "blood-excess": (r"magnesium in the blood|blood level", r"magnesium i blodet|niveau i blodet"),
    "lab-phones": (r"phone the doctor", r"ringer[^.]{0,20}til lægen"),
    "potassium-calcium": (r"potassium[^.]{0,30}calcium", r"kalium[^.]{0,30}calcium"),
    "potassium": (r"potassium", r"kalium"),
    "potassium-magnesium": (
        r"(magnesium and potassium|potassium and magnesium)",
        r"(magnesium og kalium|kalium og magnesium)",
    ),
    "test-mg": (
        r"(measure|test|check)\w* (your |the )?(blood )?magnesium|magnesium (should|to) be "
        r"(measured|tested|checked)|blood test for magnesium|"
        r"blood magnesium (can )?(be )?(measured|checked)",
        r"(mål|måle|målt|tjek|tjekke)\w* (dit |din )?(magnesium|blodets magnesium)|magnesium "
        r"(skal )?(måles|tjekkes)|blodprøve for magnesium|magnesium i blodet (kan )?(blive )?målt",
    ),
    "test-ferritin": (
        r"(measure|test|check)\w* (your )?(iron|ferritin)|(iron|ferritin)\)? (checked|measured)|"
        r"blood tests? (of|for) ferritin",
        r"(mål|måle|målt|tjek)\w* (dit )?(jern|ferritin)|få målt jern|blodprøver? for ferritin",
    ),
    "below-range": (r"below [^.]{0,60}range", r"under [^.]{0,60}(referenceområde|område)"),
    "above-range": (r"above [^.]{0,60}range", r"over [^.]{0,60}(referenceområde|område)"),
    "within-range": (r"within [^.]{0,60}range", r"(inden for|ligger i) [^.]{0,60}område"),
    "within-own-range": (
        r"within your laboratory's range",
        r"inden for dit laboratoriums område",
    ),
    "below-own-range": (r"below your laboratory's range", r"under dit laboratoriums område"),
    "value-normal": (
        r"blood magnesium is normal|magnesium is normal",
        r"magnesium i blodet er normalt|magnesium er normalt",
    ),
    "range-default": (r"the range mgcheck uses", r"det område, mgcheck bruger"),
    "region-zealand": (r"region zealand", r"region sjælland"),
    "edge": (r"just (above|below)", r"lige (over|under)"),
    "near-lower": (r"near its lower end", r"nær dets nederste grænse"),
    "labs-differ": (
        r"laborator(ies|y)[^.]{0,40}(ranges? )?(differ|go up to)",
        r"laboratorier[^.]{0,40}(forskellige|går op til)",
    ),
    "compare-own": (
        r"range printed on your result",
        r"området, der står på dit svar",
    ),
    "above-all-labs": (
        r"above the upper limits? (that )?laboratories use",
        r"over de øvre grænser, laboratorier bruger",
    ),
    "girls": (r"\bgirls\b", r"\bpiger\b"),
    "boys": (r"\bboys\b", r"\bdrenge\b"),
    "above-limit": (r"above the (upper )?limit", r"over (den øvre )?grænse"),
    "under-limit": (r"(within|under) the (upper )?limit", r"(inden for|under) (den øvre )?grænse"),
    "us-350": (r"us iom: 350 mg", r"us iom: 350 mg"),
    "us-iom": (r"us iom", r"us iom"),
    "250": (r"250 mg", r"250 mg"),
    "at-most": (r"at most", r"højst"),
    "itself": (r"magnesium itself", r"selve magnesium"),
    "higher-figure": (r"higher (figure|reading)", r"højeste (tal|aflæsning)"),
    "label-table": (
        r"nutrition table[^.]{0,120}pharmac|pharmac[^.]{0,120}nutrition table",
        r"næringsdeklaration[^.]{0,120}apotek|apotek[^.]{0,120}næringsdeklaration",
    ),
    "tablets-under": (
        r"no more than \d+ a day \(tablets or doses\) keeps you under",
        r"højst \d+ om dagen \(tabletter eller doser\) holder dig under",
    ),
    "laxative-counts": (
        r"counts towards the upper limit",
        r"tæller med i den øvre grænse",
    ),
    "laxative-dose": (r"laxative dose", r"afførende dosis"),
    "lab-calls-normal": (
        r"even if your laboratory calls it normal",
        r"selv om laboratoriet kalder det normalt",
    ),
    "ferritin-normal": (r"ferritin is normal", r"ferritin er normalt"),
    "ferritin-not-low": (r"ferritin[^.]{0,60}is not low", r"ferritin[^.]{0,60}er ikke lavt"),
    "iron-not": (
        r"do(es)? not point to (low iron|too little iron|iron deficiency)",
        r"tyder ikke på (for lidt jern|jernmangel)",
    ),
    "ferritin": (r"ferritin", r"ferritin"),
    "no-iron-self": (r"do not start iron on your own", r"start ikke selv på jern"),
    "start-iron": (
        r"(?<!not )start (taking )?iron",
        r"(?<!ikke )begynd (at tage |på )?jern",
    ),
    "stop-iron": (r"(?<!not )stop (taking )?(your )?iron", r"(?<!ikke )stop (med )?(dit )?jern"),
    "iron-pregnancy": (
        r"iron[^.]{0,80}pregnan|pregnan[^.]{0,80}iron",
        r"jern[^.]{0,80}gravid|gravid[^.]{0,80}jern",
    ),
    "hours-apart": (r"\d+ hours", r"\d+ timer"),
    # --- conditions, medicines and what they do ---
    "kidney": (r"kidney disease", r"nyresygdom"),
    "kidney-article": (
        r"article[^.]{0,80}kidney[^.]{0,80}doctor|kidney[^.]{0,80}article",
        r"artiklen[^.]{0,80}nyre[^.]{0,80}læge|nyre[^.]{0,80}artiklen",
    ),
    "article-ask-first": (
        r"article[^.]{0,60}doctor[^.]{0,40}before",
        r"artiklen[^.]{0,60}læge[^.]{0,40}før",
    ),
    "kidney-check": (r"kidney function", r"nyretal"),
    "builds-up": (r"build(s)? up", r"hobe sig op|hober sig op"),
    "bleeding": (r"bleeding disorder", r"blødersygdom"),
    "heart-rhythm": (
        r"heart block|slow or irregular pulse",
        r"hjerteblok|langsom eller uregelmæssig puls",
    ),
    "conduction": (r"slows the conduction", r"sinker ledningen"),
    "myasthenia": (r"myasthenia gravis", r"myasthenia gravis"),
    "nerve-muscle": (r"signal from nerve to muscle", r"signalet fra nerve til muskel"),
    "older-clear": (r"clear magnesium less well", r"skiller sig dårligere af med magnesium"),
    "limit-pregnancy": (r"also appl(y|ies) in pregnancy", r"gælder også for gravide"),
    "limit-breastfeeding": (
        r"also appl(y|ies) while (you are )?breastfeeding",
        r"gælder også, (mens|når) du ammer",
    ),
    "pregnancy": (r"pregnan", r"gravid"),
    "no-mg-breastfeeding": (
        r"do not take magnesium while (you are )?breastfeeding",
        r"tag ikke magnesium, (mens|når) du ammer",
    ),
    "after-birth": (r"after the birth", r"efter fødslen"),
    "lithium": (r"lithium", r"lithium"),
    "lithium-fluid": (
        r"(losing fluid|fluid loss|drying out|dried out)[^.]{0,80}lithium|lithium[^.]{0,80}build",
        r"(væsketab|taber væske|tørre ud|tørret ud)[^.]{0,80}lithium|lithium[^.]{0,80}hob",
    ),
    "lithium-toxic": (
        r"too much lithium|lithium poisoning",
        r"for meget lithium|lithiumforgiftning",
    ),
    "stop-lithium": (
        r"(?<!not )stop (taking )?(your )?lithium",
        r"(?<!ikke )stop (med )?(din )?lithium",
    ),
    "digoxin": (r"digoxin", r"digoxin"),
    "digoxin-toxic": (r"too much digoxin", r"for meget digoxin"),
    "digoxin-low": (
        r"(low|too little) magnesium[^.]{0,80}digoxin",
        r"(lavt|for lidt) magnesium[^.]{0,80}digoxin",
    ),
    "loop-lose": (
        r"loop diuretics make the body lose magnesium",
        r"loop-diuretika får kroppen til at tabe magnesium",
    ),
    "thiazide-lose": (
        r"thiazide[^.]{0,60}lose[^.]{0,20}magnesium",
        r"thiazid[^.]{0,60}tabe[^.]{0,20}magnesium",
    ),
    "k-sparing-keeps": (r"keep magnesium", r"holde på magnesium"),
    "ppi-lowers": (
        r"acid-reducing medicine[^.]{0,120}(run low|lose|lower)",
        r"syrehæmmende medicin[^.]{0,120}(for lidt|tabe|sænke)",
    ),
    "bowel-lose": (
        r"bowel disease[^.]{0,100}(lose|low)",
        r"tarmsygdom[^.]{0,100}(tabe|for lidt|lavt)",
    ),
    "bowel-likeliest": (
        r"bowel disease[^.]{0,40}likel(y|iest) cause|likel(y|iest) cause[^.]{0,40}bowel disease",
        r"tarmsygdommen[^.]{0,40}sandsynlig|sandsynlig[^.]{0,40}tarmsygdom",
    ),
    "dont-stop-medicine": (
        r"do not stop (it|the [a-z -]+|your [a-z -]+)? ?on your own|"
        r"never stop a prescribed medicine",
        r"stop (den|det|dem)? ?ikke[^.]{0,20}selv|stop aldrig en ordineret medicin",
    ),
    "stop-medicine": (
        r"(?<!not )(?<!never )stop (taking )?(your |the )?(diuretic|water pill|digoxin|medicine)",
        r"(?<!ikke )(?<!aldrig )stop (med )?(din |den )?(vanddrivende|digoxin|medicin)",
    ),
    "antidepressant": (r"antidepressant", r"medicin mod depression"),
    "stop-antidepressant": (
        r"(?<!not )stop (taking )?(your |the )?antidepressant",
        r"(?<!ikke )stop (med )?(din )?medicin mod depression",
    ),
    "oxide-stomach": (r"oxide[^.]{0,100}stomach", r"oxid[^.]{0,100}mave"),
    "lower-dose": (r"lower dose", r"lavere dosis"),
    "settles": (r"(1-2|1–2) days|a day or two", r"(1-2|1–2) dage|en dag eller to"),
    "if-goes-on": (
        r"if (it|they|the diarrhoea) (goes on|go on|continues?|keeps? on)",
        r"hvis (den|de|det|diarréen) (bliver ved|fortsætter)",
    ),
    "drink": (r"drink (enough|plenty)", r"drik (nok|rigeligt)"),
    "harmless": (r"harmless|only a side effect", r"ufarlig|kun en bivirkning"),
    "unlikely-cause": (r"unlikely to cause", r"næppe (at )?(give|være årsag|forklare)"),
    "clot": (r"blood clot", r"blodprop"),
    "not-mg-cause": (
        r"(nothing to do with|not caused by) magnesium",
        r"(intet med magnesium at gøre|skyldes ikke magnesium)",
    ),
    "legs-mood": (r"(sleep|legs)[^.]{0,80}mood", r"(søvn|ben)[^.]{0,80}humør"),
    "can-be-treated": (r"can be treated|there is treatment", r"kan behandles|der er behandling"),
    "evidence-weak": (r"evidence[^.]{0,60}weak", r"beviserne[^.]{0,60}svage"),
    "only-if-low": (
        r"(helps|help) only (those|people) who are low",
        r"hjælper[^.]{0,20}kun dem, der mangler",
    ),
    "growing-pains": (r"growing pains", r"vokseværk"),
    "rls": (r"restless legs", r"urolige ben"),
}


def _concept(key: str, lang: Language) -> re.Pattern[str]:
    english, danish = CONCEPTS[key]
    return re.compile(english if lang == "en" else danish)


def report_text(report: Any) -> str:  # a Report (Any until the report carries the plan)
    """Everything a person reads: the plan at the top, then each finding's title and text."""
    plan = report.plan
    parts = [plan.time_frame.title, plan.time_frame.text, plan.action.title, plan.action.text]
    for explanation in plan.explanations:
        parts += [explanation.title, explanation.text]
    for finding in report.findings:
        parts += [finding.title, finding.text]
    return re.sub(r"\s+", " ", " ".join(parts)).casefold()


def holds(token: str, report: Any, text: str, lang: Language) -> bool:
    """One concrete check (see the header of tests/data/vignettes_r17.yaml)."""
    kind, _sep, value = token.partition(":")
    plan = report.plan
    explanations = [e.id for e in plan.explanations]
    if kind == "f":
        return value in {f.id for f in report.findings}
    if kind == "x":
        return value in explanations
    if kind == "x1":
        return explanations[:1] == [value]
    if kind == "a":
        return bool(plan.action.id == value)
    if kind == "t":
        return bool(plan.time_frame.id == value)
    if kind == "s":
        label = DATA.questions.labels.symptoms[Symptom(value)].get(lang)
        return label.casefold() in text
    if kind == "n":
        decimals = len(value.partition(".")[2])
        return format_number(float(value), decimals, lang).casefold() in text
    if kind == "w":
        return _concept(value, lang).search(text) is not None
    raise AssertionError(f"unknown check {token!r}")


def expected(person: dict[str, Any]) -> dict[str, Any]:
    return {**person, **(person.get("expect") or {})}


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("person", PERSONS, ids=[p["id"] for p in PERSONS])
def test_person(evaluate: Evaluate, person: dict[str, Any], lang: Language) -> None:
    want = expected(person)
    _assessment, evaluated = evaluate(person["answers"], lang=lang)
    report: Any = evaluated
    plan = report.plan
    why = person["name"]
    assert report.level.value == want["level"], why
    assert plan.action.id == want["action"], why
    assert plan.time_frame.id == want["time_frame"], why
    explanations = [e.id for e in plan.explanations] or ["none"]
    assert explanations[0] == want["explanations"][0], (why, explanations)
    sure = set(want["explanations"][:2]) - {"none"}  # the review is sure of the first two
    assert sure <= set(explanations), (why, explanations)
    text = report_text(report)
    checks = person["checks"]
    for phrase, tokens in zip(person["must_say"], checks["say"], strict=True):
        failed = [t for t in tokens if not holds(t, report, text, lang)]
        assert not failed, (why, "must say", phrase, failed)
    for phrase, tokens in zip(person["must_not_say"], checks["not_say"], strict=True):
        found = [t for t in tokens if holds(t, report, text, lang)]
        assert not found, (why, "must not say", phrase, found)


def test_the_persons_and_their_checks_are_well_formed() -> None:
    """75 persons; every check names a real finding, explanation, action, time frame, symptom
    or concept; every phrase has its checks; `expect:` only where `team:` says why."""
    assert len(PERSONS) >= 40
    assert len({p["id"] for p in PERSONS}) == len(PERSONS)
    findings = {f.id for f in DATA.findings}
    symptoms = {s.value for s in Symptom}
    for person in PERSONS:
        assert "team" in person or "expect" not in person, person["id"]
        want = expected(person)
        assert want["action"] in ACTIONS and want["time_frame"] in TIME_FRAMES, person["id"]
        assert set(want["explanations"]) <= EXPLANATIONS | {"none"}, person["id"]
        checks = person["checks"]
        assert len(checks["say"]) == len(person["must_say"]), person["id"]
        assert len(checks["not_say"]) == len(person["must_not_say"]), person["id"]
        for token in [t for item in checks["say"] + checks["not_say"] for t in item]:
            kind, _sep, value = token.partition(":")
            known = {
                "f": findings,
                "x": EXPLANATIONS,
                "x1": EXPLANATIONS,
                "a": ACTIONS,
                "t": TIME_FRAMES,
                "s": symptoms,
                "w": set(CONCEPTS),
            }
            if kind == "n":
                float(value)
            else:
                assert value in known[kind], (person["id"], token)


def test_every_concept_is_used() -> None:
    used = {
        t[2:]
        for p in PERSONS
        for item in p["checks"]["say"] + p["checks"]["not_say"]
        for t in item
        if t.startswith("w:")
    }
    assert set(CONCEPTS) - used == set()
