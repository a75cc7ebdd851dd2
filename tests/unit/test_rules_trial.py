"""The n-of-1 trial's core: the randomisation test by hand and the schedule (the analysis is
tests/unit/test_trial_analysis.py, the simulations tests/unit/test_trial_simulation.py)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import pytest

from mgcheck.rules.trial import (
    MAX_PAIRS,
    Arm,
    Period,
    can_reach,
    minimum_p,
    plan_schedule,
    randomization_p,
)

MONDAY = dt.date(2025, 3, 3)


# --- the exact randomisation test, written out by hand ------------------------------------------


def test_randomization_p_three_pairs_all_lower() -> None:
    """d = [-2, -1, -3], observed |sum| = 6. The 8 sign patterns (signs of 2, 1, 3) give sums:

    +++ 6, ++- 0, +-+ 4, +-- -2, -++ 2, -+- -4, --+ 0, --- -6.
    |sum| >= 6 for +++ and --- only: p = 2/8 = 0.25.
    """
    assert randomization_p([-2, -1, -3]) == 0.25


def test_randomization_p_three_pairs_with_one_disagreeing() -> None:
    """d = [-2, 1, -3], observed |sum| = 4. Same 8 sums as above (sizes 2, 1, 3):

    |6|, |0|, |4|, |-2|, |2|, |-4|, |0|, |-6| -> at least 4: 6, 4, -4, -6 -> p = 4/8 = 0.5.
    """
    assert randomization_p([-2, 1, -3]) == 0.5


def test_randomization_p_two_pairs_with_a_tie() -> None:
    """d = [1, -1], observed |sum| = 0: every one of the 4 patterns (2, 0, 0, -2) ties or beats it.

    And d = [0.5, 0.5] (sum 1): patterns 1, 0, 0, -1 -> p = 2/4.
    """
    assert randomization_p([1.0, -1.0]) == 1.0
    assert randomization_p([0.5, 0.5]) == 0.5


def test_randomization_p_four_pairs_enumerated() -> None:
    """d = [-1.5, -0.5, -1, 0.5], observed |sum| = 2.5; sizes 1.5, 0.5, 1, 0.5 (16 patterns).

    |sum| over the 16 sign patterns of (1.5, 0.5, 1, 0.5): the sums are 3.5, 2.5, 1.5, 0.5,
    2.5, 1.5, 0.5, -0.5, 0.5, -0.5, -1.5, -2.5, -0.5, -1.5, -2.5, -3.5; at least 2.5 in size:
    3.5, 2.5, 2.5, -2.5, -2.5, -3.5 -> p = 6/16 = 0.375.
    """
    assert randomization_p([-1.5, -0.5, -1.0, 0.5]) == 6 / 16


def test_floating_ties_count_as_ties() -> None:
    """0.1 + 0.2 != 0.3 in floating point; the pattern that mirrors it must still count."""
    assert randomization_p([0.1, 0.2, -0.3]) == 1.0
    assert randomization_p([0.1 + 0.2, -0.3]) == 1.0


def test_randomization_p_matches_brute_force_on_random_cases() -> None:
    rng = random.Random(7)
    for _ in range(50):
        n = rng.randint(2, 8)
        d = [rng.choice([-3, -2, -1, -0.5, 0, 0.5, 1, 2]) + rng.random() / 4 for _ in range(n)]
        observed = abs(sum(d))
        count = 0
        for mask in range(2**n):
            total = sum(x if mask >> i & 1 else -x for i, x in enumerate(d))
            count += abs(total) >= observed - 1e-9
        assert randomization_p(d) == count / 2**n


def test_randomization_p_refuses_empty_and_too_many() -> None:
    with pytest.raises(ValueError):
        randomization_p([])
    with pytest.raises(ValueError):
        randomization_p([1.0] * (MAX_PAIRS + 1))


@pytest.mark.parametrize(
    ("pairs", "floor", "reaches"),
    [(2, 0.5, False), (3, 0.25, False), (5, 0.0625, False), (6, 0.03125, True), (8, 1 / 128, True)],
)
def test_minimum_p(pairs: int, floor: float, reaches: bool) -> None:
    assert minimum_p(pairs) == floor
    assert can_reach(pairs, 0.05) is reaches  # the usual two-sided 5 % level
    # The floor is attained: every pair pointing the same way.
    assert randomization_p([-1.0] * pairs) == floor


# --- the schedule -------------------------------------------------------------------------------


def _orders(periods: Sequence[Period]) -> tuple[Arm, ...]:
    return tuple(p.arm for p in periods[::2])


@pytest.mark.parametrize("seed", [0, 1, 2, 99, 123456789])
def test_schedule_has_one_period_of_each_arm_per_pair_and_is_contiguous(seed: int) -> None:
    periods = plan_schedule(MONDAY, 6, 7, seed)
    assert len(periods) == 12
    assert periods[0].start == MONDAY
    for index, period in enumerate(periods):
        assert period.pair == index // 2 + 1
        assert period.days == 7
        assert period.end - period.start == dt.timedelta(days=6)
        if index:
            assert period.start == periods[index - 1].end + dt.timedelta(days=1)
    for pair in range(1, 7):
        arms = sorted(p.arm.value for p in periods if p.pair == pair)
        assert arms == ["magnesium", "none"]


def test_schedule_is_reproducible_for_a_seed() -> None:
    assert plan_schedule(MONDAY, 8, 5, 42) == plan_schedule(MONDAY, 8, 5, 42)


def test_different_seeds_give_different_orders_and_both_orders_occur() -> None:
    orders = {_orders(plan_schedule(MONDAY, 6, 7, seed)) for seed in range(200)}
    # 64 possible orders; 200 seeds should find most of them, certainly more than one.
    assert len(orders) > 40
    firsts = [order[k] for order in orders for k in range(6)]
    share = firsts.count(Arm.MAGNESIUM) / len(firsts)
    assert 0.4 < share < 0.6
    assert _orders(plan_schedule(MONDAY, 6, 7, 1)) != _orders(plan_schedule(MONDAY, 6, 7, 2))


def test_each_pair_has_its_own_coin() -> None:
    """Over many seeds, magnesium comes first in each pair about half the time, independently."""
    counts = [0] * 6
    both_first = 0
    seeds = 2000
    for seed in range(seeds):
        order = _orders(plan_schedule(MONDAY, 6, 7, seed))
        for k, arm in enumerate(order):
            counts[k] += arm is Arm.MAGNESIUM
        both_first += order[0] is Arm.MAGNESIUM and order[1] is Arm.MAGNESIUM
    # Binomial(2000, 1/2): SD 22.4; 4 SD is about 90. Pairs 1 and 2 together: p = 1/4, SD 19.4.
    for count in counts:
        assert abs(count - seeds / 2) < 90
    assert abs(both_first - seeds / 4) < 78


@pytest.mark.parametrize(
    ("pairs", "period_days", "seed", "words"),
    [
        (1, 7, 0, "pairs must be from 2 to 12"),
        (13, 7, 0, "pairs must be from 2 to 12"),
        (6, 1, 0, "period_days must be from 2 to 28"),
        (6, 29, 0, "period_days must be from 2 to 28"),
        (6, 7, -1, "seed must be at least 0"),
        (True, 7, 0, "pairs must be a whole number"),
        (6, 7.0, 0, "period_days must be a whole number"),
    ],
)
def test_schedule_refuses_out_of_bounds(
    pairs: int, period_days: int, seed: int, words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        plan_schedule(MONDAY, pairs, period_days, seed)


def test_schedule_refuses_a_datetime() -> None:
    with pytest.raises(ValueError, match="start must be a date"):
        plan_schedule(dt.datetime(2025, 3, 3, 21, 0), 6, 7, 0)
