"""`mgcheck diary chart` as a use case: the nights to draw and their weekly averages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mgcheck.models.diary import Entry
from mgcheck.models.plan import Plan
from mgcheck.record import Record
from mgcheck.rules.diary import Week, weekly

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
