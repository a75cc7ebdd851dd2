"""The diary comparison against hand-computed cases, and its symmetry."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgcheck.models.diary import Entry
from mgcheck.rules.diary import (
    Outcome,
    compare_magnesium,
    compare_scores,
    compare_split,
    weekly,
)


def test_hand_computed_case() -> None:
    """14 nights alternating 5 and 7 (mean 6) against 14 alternating 3 and 5 (mean 4).

    Each sample variance is 14 x 1 / 13 = 1.076923; the standard error of the difference is
    sqrt(2 x 1.076923 / 14) = 0.392232; Welch's df is exactly 26, t(0.975, 26) = 2.055529, so the
    margin is 0.806245 and the interval -2 +/- 0.806245.
    """
    without = [5, 7] * 7
    with_mg = [3, 5] * 7
    result = compare_scores(without, with_mg)
    assert (result.first.nights, result.second.nights) == (14, 14)
    assert (result.first.mean, result.second.mean) == (6, 4)
    assert result.difference == -2
    assert result.low == pytest.approx(-2.806245, abs=1e-6)
    assert result.high == pytest.approx(-1.193755, abs=1e-6)
    assert result.outcome is Outcome.LOWER


def test_fewer_than_14_nights_on_a_side_is_never_a_verdict() -> None:
    """However clear the difference: 13 nights on a side give none, 14 give one."""
    result = compare_scores([9] * 30 + [8], [1, 2] * 6 + [1])  # 13 nights with magnesium
    assert result.outcome is Outcome.NOT_ENOUGH
    assert compare_scores([1, 2] * 6 + [1], [9] * 31).outcome is Outcome.NOT_ENOUGH
    assert compare_scores([9] * 30 + [8], [1, 2] * 7).outcome is Outcome.LOWER


def test_overlapping_nights_give_no_clear_difference() -> None:
    result = compare_scores([3, 4, 5, 6, 7] * 4, [4, 5, 6, 3, 7] * 4)
    assert result.difference == 0
    assert result.outcome is Outcome.NO_CLEAR_DIFFERENCE


def test_identical_nights_have_a_zero_width_interval() -> None:
    result = compare_scores([5] * 20, [3] * 20)
    assert (result.difference, result.low, result.high) == (-2, -2, -2)
    assert result.outcome is Outcome.LOWER


def test_too_few_for_any_statistics() -> None:
    result = compare_scores([5], [])
    assert result.difference is None and result.outcome is Outcome.NOT_ENOUGH
    assert result.second.mean is None


def night(day: int, legs: int, mg: float = 0) -> Entry:
    return Entry(dt.date(2026, 11, 1) + dt.timedelta(days=day), legs, None, mg)


def test_magnesium_and_split_sides() -> None:
    entries = [night(0, 8), night(1, 2, 250), night(2, 6), night(3, 4, 100)]
    by_mg = compare_magnesium(entries)
    assert (by_mg.first.mean, by_mg.second.mean) == (7, 3)
    split = compare_split(entries, dt.date(2026, 11, 3))  # the split night is in the second side
    assert (split.first.nights, split.second.nights) == (2, 2)
    assert (split.first.mean, split.second.mean) == (5, 5)


def test_weekly_averages_start_on_monday() -> None:
    entries = [night(i, i % 3, 250 if i % 2 else 0) for i in range(10)]  # from Sunday 1 Nov
    weeks = weekly(entries)
    assert [w.start for w in weeks] == [
        dt.date(2026, 10, 26),
        dt.date(2026, 11, 2),
        dt.date(2026, 11, 9),
    ]
    assert [w.nights for w in weeks] == [1, 7, 2]
    assert weeks[1].mean_legs == pytest.approx((1 + 2 + 0 + 1 + 2 + 0 + 1) / 7)
    assert weeks[1].on_magnesium == 4


scores = st.lists(st.integers(min_value=0, max_value=10), min_size=0, max_size=60)


@given(scores, scores)
def test_swapping_the_sides_flips_the_sign_and_nothing_else(a: list[int], b: list[int]) -> None:
    forward, backward = compare_scores(a, b), compare_scores(b, a)
    assert (forward.first, forward.second) == (backward.second, backward.first)
    if forward.difference is None:
        assert backward.difference is None and backward.outcome is forward.outcome
        return
    assert backward.difference == pytest.approx(-forward.difference)
    assert backward.low == pytest.approx(-forward.high)  # type: ignore[operator]
    assert backward.high == pytest.approx(-forward.low)  # type: ignore[operator]
    flipped = {Outcome.LOWER: Outcome.HIGHER, Outcome.HIGHER: Outcome.LOWER}
    assert backward.outcome is flipped.get(forward.outcome, forward.outcome)


@given(scores, scores)
def test_the_interval_contains_the_difference(a: list[int], b: list[int]) -> None:
    result = compare_scores(a, b)
    if result.difference is not None:
        assert result.low is not None and result.high is not None
        assert result.low <= result.difference <= result.high
