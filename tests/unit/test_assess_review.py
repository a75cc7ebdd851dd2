"""The independent clinical review's vignettes (tests/data/vignettes_review.yaml).

A reviewer who had read only ../shared/reference/ wrote these persons and decided each expected
level and finding before mgcheck's rules for issue 9 were written. Where the team's expectation
differs, the case says why in `team:`. Every id a case names must be a finding mgcheck has, so a
misspelt id cannot make a case pass.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mgcheck.results.assess import Report
from mgcheck.rules.assess import Assessment
from mgcheck.store.snapshot import assess_data

REVIEW: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "data" / "vignettes_review.yaml").read_text(
        encoding="utf-8"
    )
)

DATA = assess_data()  # mgcheck's own data, as the commands read it
Evaluate = Callable[..., tuple[Assessment, Report]]  # the `evaluate` fixture


@pytest.mark.parametrize("case", REVIEW, ids=[c["name"] for c in REVIEW])
def test_review_vignette(evaluate: Evaluate, case: dict[str, Any]) -> None:
    assessment, report = evaluate(case["answers"])
    found = {hit.id for hit in assessment.hits}
    present, absent = set(case.get("present") or ()), set(case.get("absent") or ())
    assert report.level.value == case["level"], case["why"]
    assert present <= found, (present - found, case["why"])
    assert not absent & found, (absent & found, case["why"])
    if "suggested_foods_empty" in case:
        assert (not report.foods) is case["suggested_foods_empty"], case["why"]


def test_every_named_finding_exists() -> None:
    known = {f.id for f in DATA.findings}
    named = {i for c in REVIEW for key in ("present", "absent") for i in c.get(key) or ()}
    assert named - known == set()


def test_the_review_is_large_and_explains_itself() -> None:
    assert len(REVIEW) >= 45
    assert all(c["why"].strip() for c in REVIEW)
