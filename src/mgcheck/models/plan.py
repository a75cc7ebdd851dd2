"""A trial plan's shapes: the arms, the periods, the plan as the diary stores it, and its bounds.

Plain records (the diary commands never need Pydantic). The bounds and
:func:`minimum_p` live here, below both ``models/trial.py`` (which checks data/trial.yaml's
defaults against them) and ``rules/trial.py`` (which plans and analyses), so neither has to
import the other: imports point down.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from mgcheck.record import Record
from mgcheck.vocab import Standard

# The 0-10 score is the diary's, defined once in models/diary.py.

# Bounds for a plan; they catch typing errors, and keep the exact test to at most 2^12 sign flips.
MIN_PAIRS, MAX_PAIRS = 2, 12
MIN_PERIOD_DAYS, MAX_PERIOD_DAYS = 2, 28
MAX_SEED = 2**63 - 1  # what SQLite's INTEGER holds


def minimum_p(pairs: int) -> float:
    """The smallest two-sided p-value the exact randomisation test can give with ``pairs`` pairs.

    There are 2^N equally likely sign patterns; the observed one and its mirror image (every sign
    flipped) always have the same |mean|, so at least 2 of the 2^N count as "at least as extreme".
    With 5 pairs the floor is 2/32 = 0.0625: no diary, however clear, can then reach p <= 0.05.
    """
    if isinstance(pairs, bool) or not isinstance(pairs, int):
        raise ValueError("pairs must be a whole number")
    if pairs < 1:
        raise ValueError(f"pairs must be at least 1, not {pairs}")
    return 2.0 / float(2**pairs)


def min_nights_for(period_days: int, washout_days: int) -> int:
    """The usable nights a period needs: most of its counted nights (3 of 5 by default).

    data/trial.yaml's ``min_nights`` says why: one odd night must not decide a whole pair.
    """
    counted = period_days - washout_days
    if counted < 1:
        raise ValueError("the washout must leave at least one night of each period")
    return counted // 2 + 1


class Arm(str, Enum):
    MAGNESIUM = "magnesium"
    NONE = "none"


class Period(Record):
    """``start`` and ``end`` are the first and last nights, both included; pairs count from 1."""

    start: dt.date
    end: dt.date
    arm: Arm
    pair: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def nights(self) -> tuple[dt.date, ...]:
        return tuple(self.start + dt.timedelta(days=i) for i in range(self.days))

    def covers(self, night: dt.date) -> bool:
        return self.start <= night <= self.end


class PlanStatus(str, Enum):
    ACTIVE = "active"
    STOPPED = "stopped"  # cancelled with `trial stop`; kept in history
    FINISHED = "finished"  # its last night has passed


class StopReason(str, Enum):
    """Why a trial was stopped (CENT item 14b), as the person says it at `trial stop`."""

    SIDE_EFFECTS = "side_effects"
    WORSE = "worse"
    BETTER = "better"
    BURDEN = "burden"
    DOCTOR = "doctor"
    OTHER = "other"


MAX_RUN_IN = 28  # nights of ordinary diary before the first period
SMALLEST_MATTERS = 0.1  # --matters: a tenth of a point is the finest a person can mean


class Plan(Record):
    """A trial as the diary keeps it: the periods themselves, never regenerated from the seed.

    A night is a night of the evening it starts (as in the diary). A stopped plan covers only
    the nights before the day it was stopped. ``dose_mg_low``/``dose_mg_high`` are the elemental
    magnesium of ``dose`` (equal unless the label leaves doubt). ``screen`` holds the ids of the
    safety screen's findings, and ``doctor_ok`` whether the person confirmed asking a doctor.

    Added with issue 18 (defaults for the plans made before): ``blinded`` (someone else keeps
    the schedule), ``run_in_days`` (ordinary diary nights before ``start`` that measure the
    person's own spread), ``extra_pairs`` (pairs added with `trial extend`, drawn from the same
    seed), ``standard`` (the upper limit the dose was judged against), ``stop_reason`` and
    ``result_seen`` (the diary's write number when a result was first shown: a night written
    after it is marked).
    """

    id: int
    created: dt.date
    status: PlanStatus
    stopped_on: dt.date | None
    seed: int
    seed_drawn: bool  # True: drawn by the computer; False: given with --seed
    period_days: int
    washout_days: int
    min_nights: int
    dose: str
    dose_mg_low: float
    dose_mg_high: float
    matters: float  # the difference in points that would matter to the person
    alpha: float
    confidence: float
    screen: tuple[str, ...]
    doctor_ok: bool
    periods: tuple[Period, ...]
    blinded: bool = False
    run_in_days: int = 0
    extra_pairs: int = 0
    standard: Standard | None = None
    stop_reason: StopReason | None = None
    result_seen: int | None = None

    @property
    def pairs(self) -> int:
        return len(self.periods) // 2

    @property
    def planned_pairs(self) -> int:
        """The pairs the plan was made with (``trial extend`` adds to them)."""
        return self.pairs - self.extra_pairs

    @property
    def run_in(self) -> tuple[dt.date, ...]:
        """The run-in nights: the ``run_in_days`` nights before the first period."""
        first = self.start - dt.timedelta(days=self.run_in_days)
        return tuple(first + dt.timedelta(days=i) for i in range(self.run_in_days))

    @property
    def start(self) -> dt.date:
        return self.periods[0].start

    @property
    def end(self) -> dt.date:
        return self.periods[-1].end

    @property
    def last_covered(self) -> dt.date:
        """The last night the plan holds for: the end, or the night before it was stopped."""
        if self.stopped_on is not None:
            return min(self.end, self.stopped_on - dt.timedelta(days=1))
        return self.end

    def period_of(self, night: dt.date) -> Period | None:
        """The period planned for ``night``, or None when the plan does not hold then."""
        if night > self.last_covered:
            return None
        return next((p for p in self.periods if p.covers(night)), None)

    def status_on(self, today: dt.date) -> PlanStatus:
        """An active plan whose last night has passed is finished, whether or not stored so."""
        if self.status is PlanStatus.ACTIVE and today > self.end:
            return PlanStatus.FINISHED
        return self.status

    def in_washout(self, night: dt.date) -> bool:
        period = self.period_of(night)
        return period is not None and (night - period.start).days < self.washout_days
