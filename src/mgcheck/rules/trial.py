"""A randomised n-of-1 trial of magnesium: the schedule, and the analysis of its pairs.

Pure: no I/O, no printing and no words; the methodological defaults and every sentence a person
reads live in ``data/trial.yaml`` beside their sources (``TRIAL_SOURCES.md`` says why each one).

Design (AHRQ n-of-1 User's Guide, chapter 4; Guyatt et al. 1988): N pairs of periods, one
``magnesium`` and one ``none`` period in each pair, the order inside a pair decided by a fair coin.
The person scores the legs every night (0-10). The analysis works on pairs, because the pair is the
unit that was randomised:

- per pair, the mean of the usable nights with magnesium minus the mean without;
- the mean of those pair differences with a t-interval over pairs (df = pairs - 1), using the
  exact Student t of ``rules.stats``;
- the exact randomisation test: under "magnesium makes no difference" each pair's difference
  would only have changed sign had the coin fallen the other way, so all 2^N sign flips are
  equally likely and the p-value is the share of them at least as extreme as what happened.

No randomness in the analysis: the same diary always gives the same result. The levels (alpha and
the interval's confidence) are data/trial.yaml's, stored with each plan; no default here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from collections.abc import Mapping, Sequence
from enum import Enum

from mgcheck.models.diary import SCORE_MAX, check_score
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
from mgcheck.rules.stats import t_quantile

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


def t_interval(differences: Sequence[float], confidence: float) -> tuple[float, float, float]:
    """(mean, low, high): the t-interval for the mean pair difference, df = pairs - 1."""
    n = len(differences)
    if n < 2:
        raise ValueError("need at least two pairs for an interval")
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be strictly between 0 and 1")
    mean = math.fsum(differences) / n
    sd = math.sqrt(math.fsum((d - mean) ** 2 for d in differences) / (n - 1))
    margin = t_quantile(1.0 - (1.0 - confidence) / 2.0, n - 1) * sd / math.sqrt(n)
    return mean, mean - margin, mean + margin


# --- analysing a kept diary -----------------------------------------------------------------------


class NightRecord(Record):
    """One diary night of the trial: the leg score (0-10) and whether the plan was followed."""

    legs: int
    followed: bool

    def __post_init__(self) -> None:
        check_score("legs", self.legs)  # the diary's own check of the 0-10 score
        if not isinstance(self.followed, bool):
            raise ValueError("followed must be true or false")


class Verdict(str, Enum):
    TOO_FEW_PAIRS = "too_few_pairs"
    NO_CLEAR_DIFFERENCE = "no_clear_difference"
    LOWER = "lower"
    HIGHER = "higher"


class Importance(str, Enum):
    """How the 95 % interval lies against the difference the person said would matter."""

    BEYOND = "beyond"  # the whole interval is at least that far from 0, on one side
    WITHIN = "within"  # the whole interval is closer to 0 than that
    UNCLEAR = "unclear"


class PeriodNights(Record):
    """What the diary holds for one planned period; every tuple lists nights (dates) in order."""

    period: Period
    washout: tuple[dt.date, ...]  # the first nights, left out whatever was recorded
    usable: tuple[dt.date, ...]  # recorded, after the washout, plan followed: analysed
    off_plan: tuple[dt.date, ...]  # recorded with the plan not followed (washout nights too)
    missing: tuple[dt.date, ...]  # no diary entry (washout nights too)
    mean: float | None  # mean leg score over the usable nights


class PairResult(Record):
    """``difference`` is magnesium minus none: negative when the legs were better with magnesium."""

    pair: int
    magnesium_mean: float
    none_mean: float
    difference: float
    magnesium_nights: int
    none_nights: int


class Estimate(Record):
    pairs: tuple[PairResult, ...]
    difference: float  # mean of the pair differences
    low: float
    high: float
    confidence: float
    p_randomization: float
    minimum_p: float
    verdict: Verdict
    importance: Importance | None  # None when no smallest difference was given


class Shortfall(Record):
    """A pair side with fewer usable nights than the analysis needs."""

    pair: int
    arm: Arm
    usable: int
    needed: int


class Refusal(Record):
    """Why no estimate was made: every pair side that is short of usable nights."""

    shortfalls: tuple[Shortfall, ...]


class Adherence(Record):
    """Counts over every planned night, washout nights included (the plan holds on them too).

    ``share_followed`` is followed / planned: a missing night counts as not known to be followed.
    """

    planned: int
    recorded: int
    followed: int
    off_plan: int
    missing: int
    share_followed: float


class TrialResult(Record):
    """Exactly one of ``estimate`` and ``refusal`` is set.

    ``as_randomised`` is the same analysis with off-plan nights counted in the arm they were
    planned for (intention to treat); it is set only when some analysed-period night was off
    plan and the analysis then has enough nights, so a report can show whether the choice to
    leave those nights out changes the answer.
    """

    periods: tuple[PeriodNights, ...]
    adherence: Adherence
    estimate: Estimate | None
    refusal: Refusal | None
    as_randomised: Estimate | None


def _check_design(periods: Sequence[Period], washout_days: int, min_nights: int) -> list[int]:
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
    _check_design(periods, washout_days, min_nights)
    for index, period in enumerate(periods):
        if period.days != period_days:
            raise ValueError(f"period {index + 1} is not {period_days} nights long")
        if period.pair != index // 2 + 1:
            raise ValueError(f"period {index + 1} is not in pair {index // 2 + 1}")
        if index and period.start != periods[index - 1].end + dt.timedelta(days=1):
            raise ValueError(f"period {index + 1} does not follow the one before")


def _period_nights(
    period: Period, nights: Mapping[dt.date, NightRecord], washout_days: int
) -> PeriodNights:
    dates = period.nights()
    washout = dates[:washout_days]
    recorded = [d for d in dates if d in nights]
    usable = tuple(d for d in dates[washout_days:] if d in nights and nights[d].followed)
    scores = [nights[d].legs for d in usable]
    return PeriodNights(
        period=period,
        washout=washout,
        usable=usable,
        off_plan=tuple(d for d in recorded if not nights[d].followed),
        missing=tuple(d for d in dates if d not in nights),
        mean=math.fsum(scores) / len(scores) if scores else None,
    )


def _verdict(
    p: float, low: float, high: float, difference: float, pairs: int, alpha: float
) -> Verdict:
    """Lower or higher only when the randomisation test and the interval both say so.

    The randomisation test is exact whatever the shape of the nightly scores, but says nothing
    about size; the t-interval gives the size but leans on roughly normal pair differences. Asking
    for both (p <= alpha AND an interval that excludes 0) keeps the false-alarm rate at or below
    alpha (the test alone guarantees that) and never names a direction the interval disputes.
    With too few pairs the test cannot reach alpha at all, which the verdict says first.
    """
    if not can_reach(pairs, alpha):
        return Verdict.TOO_FEW_PAIRS
    if p <= alpha + 1e-12 and (high < 0 or low > 0):
        return Verdict.LOWER if difference < 0 else Verdict.HIGHER
    return Verdict.NO_CLEAR_DIFFERENCE


def _importance(verdict: Verdict, low: float, high: float, smallest: float) -> Importance:
    """Compare the interval with the difference that would matter, without overclaiming.

    BEYOND needs a verdict of lower or higher as well: an interval past the line that the
    randomisation test does not back is not reported as mattering. WITHIN (any difference is
    smaller than what matters) needs enough pairs for the test to have had a chance.
    """
    if verdict in (Verdict.LOWER, Verdict.HIGHER) and (high <= -smallest or low >= smallest):
        return Importance.BEYOND
    if verdict is not Verdict.TOO_FEW_PAIRS and -smallest < low and high < smallest:
        return Importance.WITHIN
    return Importance.UNCLEAR


def _estimate(
    pair_numbers: list[int],
    sides: Mapping[tuple[int, Arm], list[int]],
    alpha: float,
    confidence: float,
    smallest_difference: float | None,
) -> Estimate:
    pairs: list[PairResult] = []
    for pair in pair_numbers:
        with_mg, without = sides[(pair, Arm.MAGNESIUM)], sides[(pair, Arm.NONE)]
        mg_mean = math.fsum(with_mg) / len(with_mg)
        none_mean = math.fsum(without) / len(without)
        pairs.append(
            PairResult(pair, mg_mean, none_mean, mg_mean - none_mean, len(with_mg), len(without))
        )
    differences = [p.difference for p in pairs]
    mean, low, high = t_interval(differences, confidence)
    p = randomization_p(differences)
    verdict = _verdict(p, low, high, mean, len(pairs), alpha)
    importance = (
        None
        if smallest_difference is None
        else _importance(verdict, low, high, smallest_difference)
    )
    return Estimate(
        pairs=tuple(pairs),
        difference=mean,
        low=low,
        high=high,
        confidence=confidence,
        p_randomization=p,
        minimum_p=minimum_p(len(pairs)),
        verdict=verdict,
        importance=importance,
    )


def _shortfalls(
    pair_numbers: list[int], sides: Mapping[tuple[int, Arm], list[int]], min_nights: int
) -> tuple[Shortfall, ...]:
    return tuple(
        Shortfall(pair, arm, len(sides[(pair, arm)]), min_nights)
        for pair in pair_numbers
        for arm in (Arm.MAGNESIUM, Arm.NONE)
        if len(sides[(pair, arm)]) < min_nights
    )


def analyse(
    periods: Sequence[Period],
    nights: Mapping[dt.date, NightRecord],
    washout_days: int,
    min_nights: int,
    *,
    alpha: float,
    confidence: float,
    smallest_difference: float | None = None,
) -> TrialResult:
    """Analyse a kept trial diary; refuse (with every short pair side) rather than guess.

    Usable nights: recorded, after the first ``washout_days`` nights of their period, and on plan.
    The washout nights are left out because the arm just switched: magnesium taken the days before
    may still act, or may not act yet. Off-plan nights are kept and listed but left out of the
    estimate, which answers "what happens to my legs on the nights I follow each arm"; the same
    analysis with them counted as planned is returned beside it (``as_randomised``). Missing nights
    are not filled in. A pair side with fewer than ``min_nights`` usable nights stops the analysis:
    dropping the pair, or guessing its nights, would change the design the test relies on.
    Nights outside every period are ignored.
    """
    pair_numbers = _check_design(periods, washout_days, min_nights)
    if not 0.0 < alpha < 1.0 or not 0.0 < confidence < 1.0:
        raise ValueError("alpha and confidence must be strictly between 0 and 1")
    if smallest_difference is not None and not 0.0 < smallest_difference <= SCORE_MAX:
        raise ValueError(f"smallest_difference must be above 0 and at most {SCORE_MAX}")
    ordered = sorted(periods, key=lambda p: p.start)
    summaries = tuple(_period_nights(p, nights, washout_days) for p in ordered)

    planned = sum(p.days for p in ordered)
    recorded = sum(s.period.days - len(s.missing) for s in summaries)
    off_plan = sum(len(s.off_plan) for s in summaries)
    adherence = Adherence(
        planned=planned,
        recorded=recorded,
        followed=recorded - off_plan,
        off_plan=off_plan,
        missing=planned - recorded,
        share_followed=(recorded - off_plan) / planned,
    )

    sides: dict[tuple[int, Arm], list[int]] = {}
    as_planned: dict[tuple[int, Arm], list[int]] = {}
    for summary in summaries:
        period = summary.period
        sides[(period.pair, period.arm)] = [nights[d].legs for d in summary.usable]
        analysed = period.nights()[washout_days:]
        as_planned[(period.pair, period.arm)] = [nights[d].legs for d in analysed if d in nights]

    short = _shortfalls(pair_numbers, sides, min_nights)
    if short:
        return TrialResult(summaries, adherence, None, Refusal(short), None)
    estimate = _estimate(pair_numbers, sides, alpha, confidence, smallest_difference)
    sensitivity = None
    if as_planned != sides and not _shortfalls(pair_numbers, as_planned, min_nights):
        sensitivity = _estimate(pair_numbers, as_planned, alpha, confidence, smallest_difference)
    return TrialResult(summaries, adherence, estimate, None, sensitivity)


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
