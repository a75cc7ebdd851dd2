"""A randomised n-of-1 trial of magnesium: its schedule, whether a night followed it, whether
mgcheck could have made it, and the exact randomisation test its analysis rests on.

Pure: no I/O, no printing and no words; the methodological defaults and every sentence a person
reads live in ``data/trial.yaml`` beside their sources (``TRIAL_SOURCES.md`` says why each one).
The analysis itself is ``rules/trial_analysis.py``; what a design can find,
``rules/trial_design.py``.

Design (AHRQ n-of-1 User's Guide, chapter 4; Guyatt et al. 1988): N pairs of periods, one
``magnesium`` and one ``none`` period in each pair, the order inside a pair decided by a fair coin.
Under "magnesium makes no difference" each pair's difference would only have changed sign had the
coin fallen the other way, so all 2^N sign flips are equally likely: the exact test's p-value is
the share of them at least as extreme as what happened.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from collections.abc import Sequence
from enum import Enum

from mgcheck.models.diary import SCORE_MAX
from mgcheck.models.plan import MAX_PAIRS as MAX_PAIRS
from mgcheck.models.plan import MAX_PERIOD_DAYS as MAX_PERIOD_DAYS
from mgcheck.models.plan import MIN_PAIRS as MIN_PAIRS
from mgcheck.models.plan import MIN_PERIOD_DAYS as MIN_PERIOD_DAYS
from mgcheck.models.plan import Arm as Arm
from mgcheck.models.plan import Period as Period
from mgcheck.models.plan import Plan, min_nights_for
from mgcheck.models.plan import minimum_p as minimum_p

# The shapes and bounds live in models/plan.py (below this module and models/trial.py); they
# are re-exported here because the rules are where a reader looks for them.
from mgcheck.record import Record

# Sign flips whose |sum| is within this (relative) distance of the observed |sum| count as ties:
# the same sum reached in a different order of additions can differ in the last bits.
_TIE = 1e-9


def _check_int(name: str, value: object, low: int, high: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number")
    if value < low or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise ValueError(f"{name} must be {bounds}, not {value}")
    return value


def plan_schedule(start: dt.date, pairs: int, period_days: int, seed: int) -> tuple[Period, ...]:
    """``pairs`` pairs of contiguous periods; within each pair a fair coin picks the order.

    One independent coin per pair (block randomisation in pairs) keeps both arms equally often
    early and late, so a slow drift in the legs cannot pose as an effect, while the order stays
    unpredictable. ``random.Random(seed)`` makes the plan reproducible from its seed alone (the
    integer seeding of ``random.Random`` has been stable since Python 3.2). Negative seeds are
    refused because ``random.Random`` treats ``-n`` like ``n``.
    """
    if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
        raise ValueError("start must be a date")
    _check_int("pairs", pairs, MIN_PAIRS, MAX_PAIRS)
    _check_int("period_days", period_days, MIN_PERIOD_DAYS, MAX_PERIOD_DAYS)
    _check_int("seed", seed, 0, None)
    rng = random.Random(seed)
    length = dt.timedelta(days=period_days)
    last = dt.timedelta(days=period_days - 1)
    periods: list[Period] = []
    for pair in range(1, pairs + 1):
        first = Arm.MAGNESIUM if rng.random() < 0.5 else Arm.NONE
        second = Arm.NONE if first is Arm.MAGNESIUM else Arm.MAGNESIUM
        for arm in (first, second):
            begin = start + length * len(periods)
            periods.append(Period(begin, begin + last, arm, pair))
    return tuple(periods)


def can_reach(pairs: int, alpha: float) -> bool:
    """Whether a trial with ``pairs`` pairs can reach p <= ``alpha`` at all."""
    return minimum_p(pairs) <= alpha


# --- whether a night followed its plan: the one rule --------------------------------------------


def followed_is_consistent(
    arm: Arm, magnesium_mg: float, followed: bool, *, blinded: bool = False
) -> bool:
    """Whether ``followed`` can be true of a night of ``arm`` on which ``magnesium_mg`` was taken.

    A night without magnesium follows a "none" night and cannot follow a magnesium night; a
    night with magnesium cannot follow a "none" night. On a magnesium night with magnesium,
    either is possible (a different dose from the plan's is the person's call). In a blinded
    trial the night's capsule is the plan, whatever it holds: ``magnesium_mg`` is magnesium
    taken besides it, and a night with any cannot have followed the plan.
    """
    took = magnesium_mg > 0
    if blinded:
        return not (took and followed)
    if arm is Arm.NONE:
        return followed is not took
    return took or not followed


def followed_by_magnesium(arm: Arm, magnesium_mg: float, *, blinded: bool = False) -> bool:
    """What the magnesium taken alone says: magnesium on a magnesium night, none on a "none"
    night. (Whether a different dose still counts is asked of the person, never guessed.) In a
    blinded trial: no magnesium besides the night's capsule."""
    if blinded:
        return magnesium_mg <= 0
    return (magnesium_mg > 0) is (arm is Arm.MAGNESIUM)


def settled_followed(
    arm: Arm, magnesium_mg: float, stated: bool | None, *, blinded: bool = False
) -> bool:
    """``stated`` where the magnesium taken allows it, else what the magnesium says."""
    if stated is not None and followed_is_consistent(arm, magnesium_mg, stated, blinded=blinded):
        return stated
    return followed_by_magnesium(arm, magnesium_mg, blinded=blinded)


# --- the exact randomisation test ---------------------------------------------------------------


def randomization_p(differences: Sequence[float]) -> float:
    """Exact two-sided randomisation p-value over all 2^N sign flips of the pair differences.

    Under the null hypothesis (magnesium changes nothing) the coin in pair i only decided the
    sign of its difference d_i. The statistic is |sum d_i| (equivalent to |mean|, N being fixed);
    the p-value is the share of the 2^N sign patterns whose |sum| is at least the observed one,
    ties within a relative 1e-9 included. The sums are built pair by pair: 2^(N+1) additions.
    """
    if not differences:
        raise ValueError("need at least one pair difference")
    if len(differences) > MAX_PAIRS:
        raise ValueError(f"at most {MAX_PAIRS} pairs")
    observed = abs(math.fsum(differences))
    magnitudes = [abs(d) for d in differences]
    tolerance = _TIE * max(1.0, math.fsum(magnitudes))
    sums = [0.0]
    for size in magnitudes:
        sums = [s + size for s in sums] + [s - size for s in sums]
    extreme = sum(1 for s in sums if abs(s) >= observed - tolerance)
    return extreme / len(sums)


# --- a plan's design ---------------------------------------------------------------------------


def check_design(periods: Sequence[Period], washout_days: int, min_nights: int) -> list[int]:
    """The pair numbers, after checking the periods form pairs of both arms without overlap."""
    if not periods:
        raise ValueError("no periods")
    ordered = sorted(periods, key=lambda p: p.start)
    for before, after in itertools.pairwise(ordered):
        if after.start <= before.end:
            raise ValueError(f"periods overlap on {after.start.isoformat()}")
    arms: dict[int, list[Arm]] = {}
    for period in periods:
        if period.end < period.start:
            raise ValueError(f"a period ends before it starts ({period.start.isoformat()})")
        arms.setdefault(period.pair, []).append(period.arm)
    for pair, found in arms.items():
        if sorted(found) != sorted([Arm.MAGNESIUM, Arm.NONE]):
            raise ValueError(f"pair {pair} must have one magnesium and one none period")
    if not MIN_PAIRS <= len(arms) <= MAX_PAIRS:
        raise ValueError(f"the trial must have from {MIN_PAIRS} to {MAX_PAIRS} pairs")
    shortest = min(p.days for p in periods)
    _check_int("washout_days", washout_days, 0, shortest - 1)
    _check_int("min_nights", min_nights, 1, shortest - washout_days)
    return sorted(arms)


def check_periods(
    periods: Sequence[Period], period_days: int, washout_days: int, min_nights: int
) -> None:
    """A stored plan's periods are what :func:`plan_schedule` makes: in order, contiguous, each
    ``period_days`` long, pairs numbered 1, 2, ... with one period of each arm (ValueError if
    not). A plan read back from a file or the diary is checked so, never trusted."""
    _check_int("period_days", period_days, MIN_PERIOD_DAYS, MAX_PERIOD_DAYS)
    check_design(periods, washout_days, min_nights)
    for index, period in enumerate(periods):
        if period.days != period_days:
            raise ValueError(f"period {index + 1} is not {period_days} nights long")
        if period.pair != index // 2 + 1:
            raise ValueError(f"period {index + 1} is not in pair {index // 2 + 1}")
        if index and period.start != periods[index - 1].end + dt.timedelta(days=1):
            raise ValueError(f"period {index + 1} does not follow the one before")


# --- could mgcheck have made this plan? ------------------------------------------------------


class Fault(str, Enum):
    """Why a plan is not one `diary trial plan` could have made (an edited or foreign export)."""

    ALPHA = "alpha"  # not mgcheck's level
    CONFIDENCE = "confidence"
    MIN_NIGHTS = "min_nights"  # not most of the counted nights
    CREATED_AFTER_START = "created_after_start"
    CREATED_IN_FUTURE = "created_in_future"
    START_TOO_LATE = "start_too_late"  # more than a year after it was made
    ORDER = "order"  # the periods are not what the seed and design give
    DRAWN_SEED = "drawn_seed"  # a drawn seed mgcheck cannot draw
    DOSE = "dose"  # above the upper limit plan allows (or no magnesium)
    SCREEN = "screen"  # a finding id mgcheck does not know
    DOCTOR_OK = "doctor_ok"  # confirmed, though the screen found nothing
    MATTERS = "matters"
    STOPPED = "stopped"  # stopped before it was made
    EXTRA_PAIRS = "extra_pairs"  # fewer than the least pairs as planned


class PlanFacts(Record):
    """What a plan may hold, from mgcheck's own data: the levels and defaults of trial.yaml,
    the highest dose `plan` allows under the plan's standard, the screen's finding ids."""

    alpha: float
    confidence: float
    max_dose_mg: float
    finding_ids: frozenset[str]
    today: dt.date
    drawn_seeds: int  # a drawn seed is below this
    smallest_matters: float
    latest_start_days: int


def plan_faults(plan: Plan, facts: PlanFacts) -> list[tuple[str, Fault]]:
    """Every (field, fault) of ``plan`` (a models.plan.Plan) against what mgcheck could have
    made: its levels are mgcheck's, it was made on or before its first night (and not after
    today), its periods are what its seed and design give, its dose is within the limit, its
    screen ids are findings mgcheck knows. Dates come first: a plan at the end of the calendar
    is refused before any date arithmetic on it."""
    faults: list[tuple[str, Fault]] = []
    if plan.created > facts.today:
        faults.append(("created", Fault.CREATED_IN_FUTURE))
    if plan.created > plan.start:
        faults.append(("created", Fault.CREATED_AFTER_START))
    if (plan.start - plan.created).days > facts.latest_start_days:
        faults.append(("periods", Fault.START_TOO_LATE))
    if plan.stopped_on is not None and plan.stopped_on < plan.created:
        faults.append(("stopped_on", Fault.STOPPED))
    if faults:
        return faults
    if abs(plan.alpha - facts.alpha) > 1e-12:
        faults.append(("alpha", Fault.ALPHA))
    if abs(plan.confidence - facts.confidence) > 1e-12:
        faults.append(("confidence", Fault.CONFIDENCE))
    if plan.min_nights != min_nights_for(plan.period_days, plan.washout_days):
        faults.append(("min_nights", Fault.MIN_NIGHTS))
    if plan.planned_pairs < MIN_PAIRS:
        faults.append(("extra_pairs", Fault.EXTRA_PAIRS))
    elif not drawn_by_seed(plan):
        faults.append(("seed", Fault.ORDER))
    if plan.seed_drawn and plan.seed >= facts.drawn_seeds:
        faults.append(("seed", Fault.DRAWN_SEED))
    if not 0 < plan.dose_mg_low <= plan.dose_mg_high <= facts.max_dose_mg:
        faults.append(("dose", Fault.DOSE))
    if any(key not in facts.finding_ids for key in plan.screen):
        faults.append(("screen", Fault.SCREEN))
    if plan.doctor_ok and not plan.screen:
        faults.append(("doctor_ok", Fault.DOCTOR_OK))
    if not facts.smallest_matters <= plan.matters <= SCORE_MAX:
        faults.append(("matters", Fault.MATTERS))
    return faults


def drawn_by_seed(plan: Plan) -> bool:
    """Whether the plan's periods are exactly what :func:`plan_schedule` gives for its seed,
    first night, pairs and period length (an extended plan too: its added pairs are the same
    generator's next coins). False for an order mgcheck did not draw."""
    try:
        drawn = plan_schedule(plan.start, plan.pairs, plan.period_days, plan.seed)
    except (ValueError, OverflowError):
        return False
    return drawn == plan.periods
