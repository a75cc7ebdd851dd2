"""Schema-1 answers files still load, and issue 9 never lowers the level they got before.

tests/data/answers_v1_corpus.json holds 400 seeded random answers written in the schema-1 format
with the level and findings mgcheck gave them before issue 9 (commit 065d8ff). Each must still
load; its level may only rise, and only where one of issue 9's new or widened findings says why.
Issue 17 lowers a level in two named situations only (ISSUE_17_LOWERS): a sign of too much
magnesium where too much is not plausible keeps the symptom's own level (point 2), and a blood
value just outside mgcheck's default range, with no range of the person's own, is at the edge
(point 5).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mgcheck.results.assess import Report
from mgcheck.rules.assess import OVERDOSE_SIGNS, Assessment
from mgcheck.vocab import Level

CORPUS: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "answers_v1_corpus.json").read_text(
        encoding="utf-8"
    )
)["cases"]
Evaluate = Callable[..., tuple[Assessment, Report]]  # the `evaluate` fixture
LEVELS = list(Level)
# Findings issue 9 added or widened; a level that rose must be explained by one of them.
ISSUE_9 = {
    "magnesium-critical-low",
    "magnesium-critical-high",
    "dose-far-above-limit",
    "dose-above-limit",  # now also for teenagers and unknown forms judged on the high end
    "kidney-taking-magnesium",
    "rls-see-doctor",  # now whatever the pattern
    "ferritin-low",  # now with any leg symptoms
    "ferritin-borderline",
    "urgent-overdose-signs",  # kidney disease: nausea and vomiting count
    "look-alike-pain-when-walking",
    "look-alike-started-with-new-medicine",
    "look-alike-numb-or-burning-always",
    "magnesium-low",  # children's ranges
    "magnesium-high",
    "rls-medicine-may-worsen",  # the schema-1 loop-or-thiazide answer may be a thiazide
    # From the black-box review of issue 9: ticked symptoms are never dropped, and 112 words.
    "symptoms-see-doctor",
}
# Findings issue 17 added or raised: medicines named where they are the danger, a magnesium
# laxative beside a supplement, myasthenia with weakness on magnesium (point 3 and r17-07).
ISSUE_17 = {
    "interaction-laxative-antacid",
    "lithium-fluid-loss",
    "digoxin-signs",
    "doctor-first-myasthenia",
}


def _issue_17_lowers(case: dict[str, Any], report: Report) -> bool:
    """Why issue 17 may give this case a lower level than before, if it may."""
    found = {f.id for f in report.findings}
    if "magnesium-edge" in found:
        return True  # point 5: at the edge of the default range, not a finding in itself
    answers = case["answers"]
    taking = "magnesium" in answers or "magnesium_laxative_or_antacid" in answers.get(
        "medicines", []
    )
    signs = {s.value for s in OVERDOSE_SIGNS} | {"dizziness_or_fainting", "nausea", "vomiting"}
    ticked = set(answers.get("symptoms_now", [])) & signs
    # point 2: the symptom keeps its own level where too much magnesium is not plausible
    return taking and bool(ticked) and "urgent-overdose-signs" not in found


def test_the_corpus_is_what_it_says() -> None:
    assert len(CORPUS) == 400
    assert {c["level"] for c in CORPUS} == {level.value for level in Level}


def test_schema_1_answers_load_and_never_get_a_lower_level(evaluate: Evaluate) -> None:
    lowered: list[int] = []
    unexplained: list[tuple[int, list[str]]] = []
    raised = lowered_by_17 = 0
    for number, case in enumerate(CORPUS):
        _assessment, report = evaluate(case["answers"])
        before, now = LEVELS.index(Level(case["level"])), LEVELS.index(report.level)
        if now > before and _issue_17_lowers(case, report):
            lowered_by_17 += 1
        elif now > before:
            lowered.append(number)
        elif now < before:
            raised += 1
            at_level = {f.id for f in report.findings if f.level is report.level}
            if not at_level & (ISSUE_9 | ISSUE_17):
                unexplained.append((number, sorted(at_level)))
    assert lowered == [], "schema-1 answers that now get a less urgent report"
    assert lowered_by_17 < len(CORPUS) // 20  # a few, in the named situations only
    assert unexplained == [], "levels that rose without one of issue 9's or 17's findings"
    assert 0 < raised < len(CORPUS)  # issue 9 changes some levels, not all
