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


def chart(
    entries: Sequence[Entry], plans: Sequence[Plan] = (), today: dt.date | None = None
) -> Chart:
    """The nights to draw; a blinded trial that is still running is not shaded (its arms are
    kept from the person until it has ended)."""
    from mgcheck.models.plan import PlanStatus

    plans = [
        p
        for p in plans
        if not (p.blinded and today is not None and p.status_on(today) is PlanStatus.ACTIVE)
    ]
    if not entries:
        return Chart((), (), tuple(plans))
    since = entries[-1].night - dt.timedelta(days=CHART_NIGHTS)
    return Chart(
        tuple(entries), tuple(weekly([e for e in entries if e.night > since])), tuple(plans)
    )


def peeking(plans: Sequence[Plan], entries: Sequence[Entry], today: dt.date) -> Plan | None:
    """A running trial whose nights ``entries`` include: comparing them before the trial ends
    would look at its answer early (a chance finding gets likelier), so they are refused."""
    from mgcheck.models.plan import PlanStatus

    for plan in plans:
        if plan.status_on(today) is PlanStatus.ACTIVE and any(
            plan.start <= e.night <= plan.end for e in entries
        ):
            return plan
    return None


def compare(entries: Sequence[Entry], split: dt.date | None) -> Comparison:
    """Nights without magnesium against nights on it; with ``split``, before it against from it."""
    return compare_magnesium(entries) if split is None else compare_split(entries, split)
