"""What a trial design can find for one person: their nights' spread and correlation (from
the run-in), the spread of a pair difference that follows, and the smallest difference the
design would find 4 times in 5; and designs of the same length side by side.

Pure: no I/O, no words. Night-to-night noise is taken as a first-order autoregressive series
(AR(1): each night correlates ``rho`` with the one before, ``rho^k`` with the one k nights
before), the simplest model of serial correlation (Tang & Landes 2020). A pair difference is
the mean of one period's counted nights minus the mean of the other's; its variance follows
exactly from the AR(1) covariances of those nights. The smallest difference found is that
spread times a multiplier for the number of pairs, worked out once by simulating the trial's
own verdict (``scripts/simulate_trial.py --multipliers``; data/trial.yaml keeps the table).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

from mgcheck.models.plan import MAX_PAIRS, MIN_PERIOD_DAYS
from mgcheck.record import Record

MIN_RUN_IN_NIGHTS = 7  # fewer nights measure no spread worth stating
MIN_COUNTED = 3  # a design offered keeps at least 3 counted nights a period: one odd night
# cannot decide it, and a shorter period leaves no room for a carryover to show
MAX_CORRELATION = 0.9  # a run-in of two weeks cannot tell 0.95 from 0.9; keep the figures finite


class Spread(Record):
    """The person's nights as the run-in measured them."""

    nights: int
    mean: float
    sd: float
    correlation: float  # lag 1, from the nights written on consecutive evenings (0 when unknown)


def measure(scores: Mapping[dt.date, int]) -> Spread | None:
    """The spread and lag-1 correlation of ``scores`` (night -> leg score), or None for fewer
    than :data:`MIN_RUN_IN_NIGHTS` nights. The correlation pairs each night with the evening
    before when both were written; it is kept within 0 and :data:`MAX_CORRELATION` (a negative
    estimate from a few nights is noise, and would flatter the design)."""
    if len(scores) < MIN_RUN_IN_NIGHTS:
        return None
    values = list(scores.values())
    mean = math.fsum(values) / len(values)
    variance = math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1)
    pairs = [
        (scores[night - dt.timedelta(days=1)], value)
        for night, value in scores.items()
        if night - dt.timedelta(days=1) in scores
    ]
    correlation = 0.0
    if len(pairs) >= 3 and variance > 0:
        product = math.fsum((a - mean) * (b - mean) for a, b in pairs) / len(pairs)
        correlation = min(max(product / variance, 0.0), MAX_CORRELATION)
    return Spread(len(values), mean, math.sqrt(variance), correlation)


def pair_sd(sd: float, correlation: float, period_days: int, washout_days: int) -> float:
    """The standard deviation of one pair's difference: the mean of the counted nights of one
    period minus that of the next, under AR(1) noise of ``sd`` and lag-1 ``correlation``."""
    if period_days < MIN_PERIOD_DAYS or not 0 <= washout_days < period_days:
        raise ValueError("a period needs at least one counted night")
    first = list(range(washout_days, period_days))
    second = [period_days + k for k in first]
    m = len(first)

    def covariance(a: Sequence[int], b: Sequence[int]) -> float:
        return math.fsum(correlation ** abs(i - j) for i in a for j in b) / (len(a) * len(b))

    variance = covariance(first, first) + covariance(second, second) - 2 * covariance(first, second)
    assert m > 0
    return sd * math.sqrt(max(variance, 0.0))


def detectable(
    pairs: int,
    period_days: int,
    washout_days: int,
    sd: float,
    correlation: float,
    multipliers: Mapping[int, float],
) -> float | None:
    """The smallest difference (in points) this design would find 4 times in 5 for nights of
    this spread and correlation; None when the design can never reach the test's level (too
    few pairs: no multiplier)."""
    multiplier = multipliers.get(pairs)
    if multiplier is None:
        return None
    return multiplier * pair_sd(sd, correlation, period_days, washout_days)


class Design(Record):
    """A design of about the same length as the plan's, and what it would find."""

    pairs: int
    period_days: int
    washout_days: int
    nights: int
    smallest: float | None  # None: it cannot reach the test's level


def alternatives(
    nights: int,
    washout_days: int,
    sd: float,
    correlation: float,
    multipliers: Mapping[int, float],
    least_pairs: int,
) -> tuple[Design, ...]:
    """Designs that fit in about ``nights`` nights (6x7, 7x6, 8x5, ...): for each period length
    that leaves at least :data:`MIN_COUNTED` counted nights after the washout, as many pairs as
    fit (at least ``least_pairs``, at most what the exact test enumerates), best first."""
    found: list[Design] = []
    for period_days in range(max(MIN_PERIOD_DAYS, washout_days + MIN_COUNTED), 15):
        pairs = min(nights // (2 * period_days), MAX_PAIRS)
        if pairs < least_pairs:
            continue
        smallest = detectable(pairs, period_days, washout_days, sd, correlation, multipliers)
        found.append(Design(pairs, period_days, washout_days, 2 * pairs * period_days, smallest))
    found.sort(key=lambda d: (d.smallest is None, d.smallest or 0.0, -d.period_days))
    return tuple(found)
