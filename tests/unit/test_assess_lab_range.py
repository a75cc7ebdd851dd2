"""Issue 17 point 5: a blood value judged against the person's own laboratory range.

`labs.magnesium.range` takes two numbers or the range as printed ("0,70-1,00"), in the value's
unit; without it mgcheck's default is named as a default, and a value just outside it (within
data/limits.yaml lab_spread.edge) is at the edge, not a finding in itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from mgcheck.models.answers import MagnesiumLab
from mgcheck.results.assess import Report
from mgcheck.rules.assess import Assessment
from mgcheck.store.snapshot import assess_data

Evaluate = Callable[..., tuple[Assessment, Report]]  # the `evaluate` fixture
SPREAD = assess_data().limits.lab_spread


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([0.70, 1.00], (0.70, 1.00)),
        ("0,70-1,00", (0.70, 1.00)),
        ("0.65 – 1.05 mmol/L", (0.65, 1.05)),
        ("(0,7 - 1) mmol/l", (0.7, 1.0)),
        ("0,70 til 1,00", (0.70, 1.00)),
    ],
)
def test_a_range_as_numbers_or_as_printed(given: Any, expected: tuple[float, float]) -> None:
    lab = MagnesiumLab.model_validate({"value": 0.9, "unit": "mmol/L", "range": given})
    assert lab.range == expected


@pytest.mark.parametrize(
    ("given", "unit"),
    [
        ("1,00-0,70", "mmol/L"),  # backwards
        ("normal", "mmol/L"),
        ([0.7], "mmol/L"),
        ([True, 1.0], "mmol/L"),
        ([0.7, 30], "mmol/L"),
        ("1,7-2,3", "mmol/L"),  # a range in mg/dL beside a value in mmol/L
        ("0,70-1,00", "mg/dL"),  # a range in mmol/L beside a value in mg/dL
    ],
)
def test_a_range_that_cannot_be_right_is_refused(given: Any, unit: str) -> None:
    with pytest.raises(ValidationError):
        MagnesiumLab.model_validate({"value": 0.9, "unit": unit, "range": given})


def mg(value: float, **lab: Any) -> dict[str, Any]:
    return {"age": 45, "sex": "female", "labs": {"magnesium": {"value": value, **lab}}}


def ids(report: Report) -> set[str]:
    return {f.id for f in report.findings}


def test_the_own_range_wins_both_ways(evaluate: Evaluate) -> None:
    """0.97 is normal by a 0.70-1.00 range and at the edge of the default; 0.72 is low by a
    0.75-1.05 range and normal by the default."""
    assert "magnesium-normal" in ids(evaluate(mg(0.97, unit="mmol/L", range="0,70-1,00"))[1])
    assert "magnesium-edge" in ids(evaluate(mg(0.97, unit="mmol/L"))[1])
    assert "magnesium-low" in ids(evaluate(mg(0.72, unit="mmol/L", range=[0.75, 1.05]))[1])
    assert "magnesium-normal" in ids(evaluate(mg(0.72, unit="mmol/L"))[1])


def test_the_edge_is_the_spread_in_the_data_on_both_sides(evaluate: Evaluate) -> None:
    """Just inside the edge: at the edge (info above, caution below); just beyond: a finding."""
    default = assess_data().limits.lab_range
    inside, beyond = SPREAD.edge - 0.001, SPREAD.edge + 0.006
    for value, finding in (
        (default.high + inside, "magnesium-edge"),
        (default.high + beyond, "magnesium-high"),
        (default.low - inside, "magnesium-edge"),
        (default.low - beyond, "magnesium-low"),
    ):
        _assessment, report = evaluate(mg(round(value, 3), unit="mmol/L"))
        assert finding in ids(report), (value, ids(report))


def test_no_edge_for_children_or_an_own_range(evaluate: Evaluate) -> None:
    """The edge is for the default adult range only: a child's range (RSJ-P) and a range of the
    person's own are taken as printed."""
    child = {"age": 15, "sex": "male", "labs": {"magnesium": {"value": 0.95, "unit": "mmol/L"}}}
    assert "magnesium-high" in ids(evaluate(child)[1])  # boys 6-19: 0.71-0.93
    own = mg(1.01, unit="mmol/L", range="0,70-1,00")
    assert "magnesium-high" in ids(evaluate(own)[1])


def test_the_default_is_named_as_a_default(evaluate: Evaluate) -> None:
    for lang, words in (("en", "the range mgcheck uses"), ("da", "det område, mgcheck bruger")):
        _assessment, report = evaluate(mg(0.6, unit="mmol/L"), lang=lang)
        (low,) = [f for f in report.findings if f.id == "magnesium-low"]
        assert words in low.text
        assert ("Region Zealand" if lang == "en" else "Region Sjælland") in low.text
