"""The analysis of a kept n-of-1 trial: as randomised, in probabilities, with its checks beside it.

Pure: no I/O, no printing and no words. The levels, the prior and every sentence a person reads
live in ``data/trial.yaml`` with their sources (``TRIAL_SOURCES.md`` says why each one).

- **As randomised.** Every counted night (recorded, after its period's washout) counts in the arm
  the coin gave its period, whether or not the plan was followed that night; the nights that
  followed the plan are the sensitivity check beside it (``on_plan``), as are the nights written
  on time (``without_late``).
- **Complete pairs.** A pair is used when both of its periods have at least ``min_nights``
  counted nights; the others are listed with why. Whether a night was written down does not
  depend on the coin under "magnesium changes nothing", so leaving out incomplete pairs keeps the
  sign-flip test exact for the pairs that are used.
- **The exact randomisation test** over all 2^N sign flips of the used pairs' differences
  (magnesium minus none), two-sided.
- **Probabilities** from a normal model of the pair differences, d_i ~ N(mu, sigma^2): a flat
  prior on mu (as Trialist's t-test model with non-informative priors) and, for sigma^2, a scaled
  inverse chi-square prior with the weight of one pair, centred on the smallest spread a pair
  difference can have given the night-to-night spread inside the periods (never below the
  rounding of whole-number scores). The posterior of mu is then Student's t with n - 1 + 1
  degrees of freedom; it gives the 95 % interval, the probability that magnesium lowers the leg
  score, and that it lowers it by at least the difference that matters. The prior keeps six
  identical differences from giving a zero-width interval (certainty from nothing).
- **The verdict** names a direction as found only when the exact test reaches alpha and the
  interval excludes 0; an interval that excludes 0 without the test is "probably"; an interval
  that includes 0 is "no clear difference" (or "too few pairs" when the test could never reach
  alpha). Never "no clear difference" beside an interval that excludes 0.

No randomness: the same diary always gives the same result.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from enum import Enum

from mgcheck.models.diary import SCORE_MAX, check_score
from mgcheck.models.plan import Arm, Period
from mgcheck.record import Record
from mgcheck.rules.stats import t_quantile, t_upper_tail
from mgcheck.rules.trial import can_reach, check_design, minimum_p, randomization_p

# Whole-number scores carry the rounding of a continuous feeling: variance 1/12 of a point per
# night (a uniform rounding error, Sheppard). The prior's spread is never below it.
ROUNDING_VARIANCE = 1.0 / 12.0


class NightRecord(Record):
    """One diary night of the trial, as the analysis reads it."""

    legs: int
    followed: bool
    sleep: int | None = None
    side_effect: str = ""
    late: bool = False  # written more than a few days after its night
    after_result: bool = False  # written after a result of the plan was first shown

    def __post_init__(self) -> None:
        check_score("legs", self.legs)  # the diary's own check of the 0-10 score
        if self.sleep is not None:
            check_score("sleep", self.sleep)
        if not isinstance(self.followed, bool):
            raise ValueError("followed must be true or false")


class Verdict(str, Enum):
    TOO_FEW_PAIRS = "too_few_pairs"
    NO_CLEAR_DIFFERENCE = "no_clear_difference"
    PROBABLY_LOWER = "probably_lower"  # the interval excludes 0; the exact test does not reach
    PROBABLY_HIGHER = "probably_higher"
    LOWER = "lower"
    HIGHER = "higher"


class Importance(str, Enum):
    """How the 95 % interval lies against the difference the person said would matter."""

    BEYOND = "beyond"  # the whole interval is at least that far from 0, on one side
    WITHIN = "within"  # the whole interval is closer to 0 than that
    UNCLEAR = "unclear"


class Prior(Record):
    """The prior of the model, from data/trial.yaml: the weight (in pairs) of the prior guess of
    the pair differences' spread."""

    weight: float


class PeriodNights(Record):
    """What the diary holds for one planned period; every tuple lists nights (dates) in order."""

    period: Period
    washout: tuple[dt.date, ...]  # the first nights, left out whatever was recorded
    counted: tuple[dt.date, ...]  # recorded after the washout: analysed as randomised
    off_plan: tuple[dt.date, ...]  # recorded with the plan not followed (washout nights too)
    missing: tuple[dt.date, ...]  # no diary entry (washout nights too)
    mean: float | None  # mean leg score over the counted nights


class PairRow(Record):
    """One pair's sides; ``difference`` is magnesium minus none (negative: lower with it)."""

    pair: int
    magnesium_mean: float | None
    none_mean: float | None
    difference: float | None
    magnesium_nights: int
    none_nights: int
    used: bool  # both sides have enough counted nights


class Shortfall(Record):
    """A pair side with fewer counted nights than a period needs: its pair is not used."""

    pair: int
    arm: Arm
    nights: int
    needed: int


class Estimate(Record):
    """The used pairs' mean difference, its 95 % interval and probabilities (the posterior of
    the model above), the exact test, and the verdict."""

    pairs_used: int
    difference: float
    low: float
    high: float
    confidence: float
    probability_better: float  # P(magnesium lowers the score); for sleep, raises it
    probability_matters: float | None  # ... by at least the difference that matters
    p_randomization: float
    minimum_p: float
    verdict: Verdict
    importance: Importance | None  # None when no difference that matters was given


class Analysis(Record):
    """Every pair (used or not), why the others were not used, and the estimate (None when
    fewer than two pairs are complete)."""

    rows: tuple[PairRow, ...]
    shortfalls: tuple[Shortfall, ...]
    estimate: Estimate | None


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


class CarryoverRow(Record):
    """The mean leg score on night ``night`` after a switch, by the arm switched to."""

    night: int
    magnesium_mean: float | None
    magnesium_count: int
    none_mean: float | None
    none_count: int


class Harms(Record):
    """Nights with a side effect written down, by arm (every recorded night, washout too)."""

    magnesium_nights: int
    magnesium_with: int
    none_nights: int
    none_with: int
    magnesium_effects: tuple[str, ...]  # the distinct words, as written
    none_effects: tuple[str, ...]


class TrialResult(Record):
    """The primary analysis (as randomised, the leg score) and what stands beside it: the
    nights that followed the plan, the nights written on time (each None when it would be the
    same analysis), sleep (None without sleep scores), carryover and harms."""

    periods: tuple[PeriodNights, ...]
    adherence: Adherence
    primary: Analysis
    on_plan: Analysis | None
    without_late: Analysis | None
    sleep: Analysis | None
    carryover: tuple[CarryoverRow, ...]
    harms: Harms
    entered_late: tuple[dt.date, ...]
    entered_after_result: tuple[dt.date, ...]


# --- the model -----------------------------------------------------------------------------------


def t_cdf(x: float, df: float) -> float:
    """P(T <= x) for Student's t."""
    return 1.0 - t_upper_tail(x, df)


def posterior(
    differences: Sequence[float],
    prior_variance: float,
    prior: Prior,
    confidence: float,
    matters: float | None,
    *,
    lower_is_better: bool = True,
) -> tuple[float, float, float, float, float | None]:
    """(mean, low, high, P(better), P(better by at least ``matters``)) for the mean pair
    difference: flat prior on the mean, scaled inverse chi-square prior on the variance with
    ``prior.weight`` pairs' weight at ``prior_variance``; the posterior of the mean is Student's
    t with n - 1 + weight degrees of freedom (Gelman et al., Bayesian Data Analysis, 3.2-3.3)."""
    n = len(differences)
    if n < 2:
        raise ValueError("need at least two pairs")
    if not prior_variance > 0 or not prior.weight > 0:
        raise ValueError("the prior needs a positive variance and weight")
    mean = math.fsum(differences) / n
    squares = math.fsum((d - mean) ** 2 for d in differences)
    df = prior.weight + n - 1
    scale = math.sqrt((prior.weight * prior_variance + squares) / df / n)
    margin = t_quantile(1.0 - (1.0 - confidence) / 2.0, df) * scale
    sign = 1.0 if lower_is_better else -1.0
    better = t_cdf(-sign * mean / scale, df)
    by = None if matters is None else t_cdf((-matters - sign * mean) / scale, df)
    return mean, mean - margin, mean + margin, better, by


def _verdict(p: float, low: float, high: float, pairs: int, alpha: float) -> Verdict:
    """A direction as found only when the exact test and the interval both say so; the
    interval alone is "probably"; an interval across 0 is no clear difference, or too few
    pairs when the test could not have reached alpha at all."""
    lower, higher = high < 0, low > 0
    if (lower or higher) and p <= alpha + 1e-12:
        return Verdict.LOWER if lower else Verdict.HIGHER
    if lower or higher:
        return Verdict.PROBABLY_LOWER if lower else Verdict.PROBABLY_HIGHER
    if not can_reach(pairs, alpha):
        return Verdict.TOO_FEW_PAIRS
    return Verdict.NO_CLEAR_DIFFERENCE


def _importance(
    verdict: Verdict, low: float, high: float, smallest: float, pairs: int, alpha: float
) -> Importance:
    """BEYOND needs the exact test's verdict too; WITHIN needs enough pairs for the test to
    have had a chance. Either way the interval comes from the model, never of zero width."""
    if verdict in (Verdict.LOWER, Verdict.HIGHER) and (high <= -smallest or low >= smallest):
        return Importance.BEYOND
    if can_reach(pairs, alpha) and -smallest < low and high < smallest:
        return Importance.WITHIN
    return Importance.UNCLEAR


# --- the analysis ---------------------------------------------------------------------------------

Score = Callable[[NightRecord], int | None]
Keep = Callable[[NightRecord], bool]


class Settings(Record):
    """How a plan is analysed (all from the plan as stored and data/trial.yaml)."""

    washout_days: int
    min_nights: int
    alpha: float
    confidence: float
    matters: float | None
    prior: Prior


def _sides(
    summaries: Sequence[tuple[Period, tuple[dt.date, ...]]],
    nights: Mapping[dt.date, NightRecord],
    score: Score,
    keep: Keep,
) -> dict[tuple[int, Arm], list[int]]:
    sides: dict[tuple[int, Arm], list[int]] = {}
    for period, counted in summaries:
        values = [score(nights[d]) for d in counted if keep(nights[d])]
        sides[(period.pair, period.arm)] = [v for v in values if v is not None]
    return sides


def _within_variance(sides: Mapping[tuple[int, Arm], list[int]], used: Sequence[int]) -> float:
    """The pooled night-to-night variance inside the used pairs' periods, at least the
    rounding of whole-number scores."""
    squares, df = 0.0, 0
    for pair in used:
        for arm in (Arm.MAGNESIUM, Arm.NONE):
            values = sides[(pair, arm)]
            if len(values) > 1:
                mean = math.fsum(values) / len(values)
                squares += math.fsum((v - mean) ** 2 for v in values)
                df += len(values) - 1
    return max(squares / df if df else 0.0, ROUNDING_VARIANCE)


def analyse_sides(
    pair_numbers: Sequence[int],
    sides: Mapping[tuple[int, Arm], list[int]],
    settings: Settings,
    *,
    lower_is_better: bool = True,
) -> Analysis:
    """The pairs as a table, the complete ones analysed (see the module's docstring)."""
    rows: list[PairRow] = []
    shortfalls: list[Shortfall] = []
    for pair in pair_numbers:
        mg, none = sides[(pair, Arm.MAGNESIUM)], sides[(pair, Arm.NONE)]
        short = [
            Shortfall(pair, arm, len(values), settings.min_nights)
            for arm, values in ((Arm.MAGNESIUM, mg), (Arm.NONE, none))
            if len(values) < settings.min_nights
        ]
        shortfalls += short
        mg_mean = math.fsum(mg) / len(mg) if mg else None
        none_mean = math.fsum(none) / len(none) if none else None
        difference = None if mg_mean is None or none_mean is None else mg_mean - none_mean
        rows.append(PairRow(pair, mg_mean, none_mean, difference, len(mg), len(none), not short))
    used = [r for r in rows if r.used]
    if len(used) < 2:
        return Analysis(tuple(rows), tuple(shortfalls), None)
    differences = [r.difference for r in used if r.difference is not None]
    spread = _within_variance(sides, [r.pair for r in used])
    # A pair difference is a mean of m nights minus a mean of m' nights: its variance is at
    # least the nightly variance times 1/m + 1/m', averaged over the used pairs.
    per_pair = math.fsum(1 / r.magnesium_nights + 1 / r.none_nights for r in used) / len(used)
    mean, low, high, better, by = posterior(
        differences,
        spread * per_pair,
        settings.prior,
        settings.confidence,
        settings.matters,
        lower_is_better=lower_is_better,
    )
    p = randomization_p(differences)
    verdict = _verdict(p, low, high, len(used), settings.alpha)
    importance = (
        None
        if settings.matters is None
        else _importance(verdict, low, high, settings.matters, len(used), settings.alpha)
    )
    estimate = Estimate(
        pairs_used=len(used),
        difference=mean,
        low=low,
        high=high,
        confidence=settings.confidence,
        probability_better=better,
        probability_matters=by,
        p_randomization=p,
        minimum_p=minimum_p(len(used)),
        verdict=verdict,
        importance=importance,
    )
    return Analysis(tuple(rows), tuple(shortfalls), estimate)


def _period_nights(
    period: Period, nights: Mapping[dt.date, NightRecord], washout_days: int
) -> PeriodNights:
    dates = period.nights()
    counted = tuple(d for d in dates[washout_days:] if d in nights)
    scores = [nights[d].legs for d in counted]
    return PeriodNights(
        period=period,
        washout=dates[:washout_days],
        counted=counted,
        off_plan=tuple(d for d in dates if d in nights and not nights[d].followed),
        missing=tuple(d for d in dates if d not in nights),
        mean=math.fsum(scores) / len(scores) if scores else None,
    )


def _carryover(
    ordered: Sequence[Period], nights: Mapping[dt.date, NightRecord]
) -> tuple[CarryoverRow, ...]:
    """Mean leg score by night after each switch (a period after one of the other arm), by
    the arm switched to: an effect still changing after the washout shows here."""
    length = max(p.days for p in ordered)
    scores: dict[tuple[Arm, int], list[int]] = {}
    previous: Arm | None = None
    for period in ordered:
        if previous is not None and period.arm is not previous:
            for index, day in enumerate(period.nights()):
                if day in nights:
                    scores.setdefault((period.arm, index + 1), []).append(nights[day].legs)
        previous = period.arm
    rows = []
    for night in range(1, length + 1):
        mg = scores.get((Arm.MAGNESIUM, night), [])
        none = scores.get((Arm.NONE, night), [])
        rows.append(
            CarryoverRow(
                night,
                math.fsum(mg) / len(mg) if mg else None,
                len(mg),
                math.fsum(none) / len(none) if none else None,
                len(none),
            )
        )
    return tuple(rows)


def _harms(ordered: Sequence[Period], nights: Mapping[dt.date, NightRecord]) -> Harms:
    counts = {Arm.MAGNESIUM: [0, 0], Arm.NONE: [0, 0]}
    words: dict[Arm, dict[str, None]] = {Arm.MAGNESIUM: {}, Arm.NONE: {}}
    for period in ordered:
        for day in period.nights():
            night = nights.get(day)
            if night is None:
                continue
            counts[period.arm][0] += 1
            if night.side_effect.strip():
                counts[period.arm][1] += 1
                words[period.arm][night.side_effect.strip()] = None
    return Harms(
        magnesium_nights=counts[Arm.MAGNESIUM][0],
        magnesium_with=counts[Arm.MAGNESIUM][1],
        none_nights=counts[Arm.NONE][0],
        none_with=counts[Arm.NONE][1],
        magnesium_effects=tuple(words[Arm.MAGNESIUM]),
        none_effects=tuple(words[Arm.NONE]),
    )


def analyse(
    periods: Sequence[Period], nights: Mapping[dt.date, NightRecord], settings: Settings
) -> TrialResult:
    """Analyse a kept trial diary (see the module's docstring). Nights outside every period
    are ignored; missing nights are never filled in."""
    pair_numbers = check_design(periods, settings.washout_days, settings.min_nights)
    if not 0.0 < settings.alpha < 1.0 or not 0.0 < settings.confidence < 1.0:
        raise ValueError("alpha and confidence must be strictly between 0 and 1")
    if settings.matters is not None and not 0.0 < settings.matters <= SCORE_MAX:
        raise ValueError(f"matters must be above 0 and at most {SCORE_MAX}")
    ordered = sorted(periods, key=lambda p: p.start)
    summaries = tuple(_period_nights(p, nights, settings.washout_days) for p in ordered)

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
    counted = [(s.period, s.counted) for s in summaries]

    def legs(night: NightRecord) -> int | None:
        return night.legs

    def everything(_night: NightRecord) -> bool:
        return True

    def on_plan(night: NightRecord) -> bool:
        return night.followed

    def on_time(night: NightRecord) -> bool:
        return not (night.late or night.after_result)

    primary = analyse_sides(pair_numbers, _sides(counted, nights, legs, everything), settings)
    analysed = [nights[d] for _period, dates in counted for d in dates]
    followed = None
    if not all(n.followed for n in analysed):
        sides = _sides(counted, nights, legs, on_plan)
        followed = analyse_sides(pair_numbers, sides, settings)
    timely = None
    if not all(on_time(n) for n in analysed):
        timely = analyse_sides(pair_numbers, _sides(counted, nights, legs, on_time), settings)
    sleep = None
    if any(n.sleep is not None for n in analysed):
        sides = _sides(counted, nights, lambda n: n.sleep, everything)
        sleep = analyse_sides(
            pair_numbers, sides, settings.replace(matters=None), lower_is_better=False
        )
    in_periods = sorted(d for p in ordered for d in p.nights() if d in nights)
    return TrialResult(
        periods=summaries,
        adherence=adherence,
        primary=primary,
        on_plan=followed,
        without_late=timely,
        sleep=sleep,
        carryover=_carryover(ordered, nights),
        harms=_harms(ordered, nights),
        entered_late=tuple(d for d in in_periods if nights[d].late),
        entered_after_result=tuple(d for d in in_periods if nights[d].after_result),
    )
