"""Comparing diary nights honestly: means, the difference and its 95 % interval, and a verdict.

Method (stated to the user): Welch's two-sample t-interval for the difference in mean leg scores,
with Welch-Satterthwaite degrees of freedom and the exact Student t of ``rules.stats`` (the one the
trial uses). No randomness, so the same diary always gives the same answer.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Sequence
from enum import Enum

from mgcheck.models.diary import Entry
from mgcheck.record import Record
from mgcheck.rules.stats import t_quantile

MIN_NIGHTS = 14  # on each side before any verdict
CONFIDENCE = 0.95


class Outcome(str, Enum):
    NOT_ENOUGH = "not_enough_nights"
    NO_CLEAR_DIFFERENCE = "no_clear_difference"
    LOWER = "lower"
    HIGHER = "higher"


class Side(Record):
    nights: int
    mean: float | None


class Comparison(Record):
    """``difference`` is second minus first: negative when the second side's legs were better."""

    first: Side
    second: Side
    difference: float | None
    low: float | None
    high: float | None
    outcome: Outcome


def _variance(values: Sequence[float], mean: float) -> float:
    """Sample variance in floating point; statistics.variance is exact and slow on many nights."""
    return math.fsum((x - mean) ** 2 for x in values) / (len(values) - 1)


def welch_interval(
    first: Sequence[float], second: Sequence[float], confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """(difference of means second - first, low, high). Needs at least two values on each side."""
    n1, n2 = len(first), len(second)
    if n1 < 2 or n2 < 2:
        raise ValueError("need at least two values on each side")
    m1, m2 = statistics.fmean(first), statistics.fmean(second)
    v1, v2 = _variance(first, m1) / n1, _variance(second, m2) / n2
    difference = m2 - m1
    se = math.sqrt(v1 + v2)
    if se == 0:
        return difference, difference, difference
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    margin = t_quantile(1 - (1 - confidence) / 2, df) * se
    return difference, difference - margin, difference + margin


def _outcome(n1: int, n2: int, difference: float, low: float, high: float) -> Outcome:
    if min(n1, n2) < MIN_NIGHTS:
        return Outcome.NOT_ENOUGH
    if low <= 0 <= high:
        return Outcome.NO_CLEAR_DIFFERENCE
    return Outcome.LOWER if difference < 0 else Outcome.HIGHER


def compare_scores(first: Sequence[float], second: Sequence[float]) -> Comparison:
    sides = (
        Side(len(first), statistics.fmean(first) if first else None),
        Side(len(second), statistics.fmean(second) if second else None),
    )
    if len(first) < 2 or len(second) < 2:
        return Comparison(sides[0], sides[1], None, None, None, Outcome.NOT_ENOUGH)
    difference, low, high = welch_interval(first, second)
    outcome = _outcome(len(first), len(second), difference, low, high)
    return Comparison(sides[0], sides[1], difference, low, high, outcome)


def compare_magnesium(entries: Sequence[Entry]) -> Comparison:
    """Nights without magnesium (first) against nights with it (second)."""
    return compare_scores(
        [e.legs for e in entries if not e.on_magnesium],
        [e.legs for e in entries if e.on_magnesium],
    )


def compare_split(entries: Sequence[Entry], split: dt.date) -> Comparison:
    """Nights before ``split`` (first) against nights from ``split`` on (second)."""
    return compare_scores(
        [e.legs for e in entries if e.night < split],
        [e.legs for e in entries if e.night >= split],
    )


class Week(Record):
    start: dt.date  # the Monday
    nights: int
    mean_legs: float
    on_magnesium: int


def weekly(entries: Sequence[Entry]) -> list[Week]:
    weeks: dict[dt.date, list[Entry]] = {}
    for entry in entries:
        monday = entry.night - dt.timedelta(days=entry.night.weekday())
        weeks.setdefault(monday, []).append(entry)
    return [
        Week(
            start,
            len(group),
            statistics.fmean(e.legs for e in group),
            sum(e.on_magnesium for e in group),
        )
        for start, group in sorted(weeks.items())
    ]
