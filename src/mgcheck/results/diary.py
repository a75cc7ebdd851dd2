"""`mgcheck diary chart` and `compare` as use cases: the nights to draw and their weekly
averages; which nights are compared with which."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mgcheck.models.diary import Entry
from mgcheck.models.plan import Plan
from mgcheck.record import Record
from mgcheck.rules.diary import Comparison, Week, compare_magnesium, compare_split, weekly

CHART_NIGHTS = 56  # eight weeks: one column per night fits an 80-column terminal


class Chart(Record):
    entries: tuple[Entry, ...]  # oldest first
    weeks: tuple[Week, ...]  # of the last CHART_NIGHTS nights shown
    plans: tuple[Plan, ...] = ()  # trial plans, to shade their periods


def chart(entries: Sequence[Entry], plans: Sequence[Plan] = ()) -> Chart:
    if not entries:
        return Chart((), (), tuple(plans))
    since = entries[-1].night - dt.timedelta(days=CHART_NIGHTS)
    return Chart(
        tuple(entries), tuple(weekly([e for e in entries if e.night > since])), tuple(plans)
    )


def compare(entries: Sequence[Entry], split: dt.date | None) -> Comparison:
    """Nights without magnesium against nights on it; with ``split``, before it against from it."""
    return compare_magnesium(entries) if split is None else compare_split(entries, split)
