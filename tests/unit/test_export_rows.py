"""One shape checks a diary export's rows, JSON and CSV alike (store/validation.check_row)."""

from __future__ import annotations

from typing import Any

import pytest

from mgcheck.models.outputs import Entry, ExportPlan
from mgcheck.store.validation import RowProblem, check_row


def _problem(shape: Any, raw: dict[str, Any], *, cells: bool) -> tuple[str, str, Any, Any, bool]:
    with pytest.raises(RowProblem) as caught:
        check_row(shape, raw, cells=cells)
    p = caught.value.problem
    return p.where, p.kind, p.low, p.high, p.whole


def test_a_csv_row_becomes_the_values_json_holds() -> None:
    row = {"night": "2026-11-01", "legs": "3", "sleep": "", "magnesium_mg": "45.3", "note": "12"}
    assert check_row(Entry, row, cells=True) == {
        "night": "2026-11-01",
        "legs": 3,
        "magnesium_mg": 45.3,
        "note": "12",  # a note stays text, whatever it looks like
    }
    assert (
        check_row(Entry, {"night": "2026-11-01", "legs": "0", "followed": "false"}, cells=True)[
            "followed"
        ]
        is False
    )


@pytest.mark.parametrize("cell", ["3.0", " 3", "+3", "3_0", "٣", "three", "true"])
def test_a_csv_cell_that_is_not_a_whole_number_is_named_with_its_range(cell: str) -> None:
    where, kind, low, high, whole = _problem(Entry, {"night": "x", "legs": cell}, cells=True)
    assert (where, low, high, whole) == ("legs", 0, 10, True)
    assert kind in {"int_type", "int_parsing"}


@pytest.mark.parametrize("value", [True, "3", 3.0, None])
def test_json_is_strict_true_is_not_one_and_text_is_not_a_number(value: object) -> None:
    assert _problem(Entry, {"night": "x", "legs": value}, cells=False)[0] == "legs"


def test_out_of_range_missing_and_unknown() -> None:
    assert _problem(Entry, {"night": "x", "legs": 11}, cells=False)[1] == "less_than_equal"
    assert _problem(Entry, {"night": "x"}, cells=False)[:2] == ("legs", "missing")
    assert _problem(Entry, {"night": "x", "legs": "", "note": ""}, cells=True)[:2] == (
        "legs",
        "missing",
    )
    assert _problem(Entry, {"night": "x", "legs": 1, "dose": 1}, cells=False)[:2] == (
        "dose",
        "extra_forbidden",
    )


def test_a_nested_plan_field_is_named_by_its_path_with_its_bounds() -> None:
    plan: dict[str, Any] = {
        "id": "1",
        "created": "2026-11-01",
        "status": "active",
        "stopped_on": None,
        "seed": "123456789012",  # twelve digits: a CSV cell of a seed mgcheck accepts
        "seed_drawn": "false",
        "period_days": "7",
        "washout_days": "2",
        "min_nights": "3",
        "dose": "magnesium 100 mg",
        "dose_mg": {"low": "0", "high": "100"},
        "matters": "2.0",
        "alpha": "0.05",
        "confidence": "0.95",
        "screen": [],
        "doctor_ok": "false",
        "periods": [],
    }
    where, kind, low, _high, _whole = _problem(ExportPlan, plan, cells=True)
    assert (where, kind, low) == ("dose_mg.low", "greater_than", 0)
    plan["dose_mg"] = {"low": "100", "high": "100"}
    assert check_row(ExportPlan, plan, cells=True)["seed"] == 123456789012
    plan["periods"] = [{"pair": "13", "arm": "none", "start": "x", "end": "y"}]
    assert _problem(ExportPlan, plan, cells=True)[:4] == (
        "periods[0].pair",
        "less_than_equal",
        1,
        12,
    )
