"""Issue 18's persons, each a diary written out by hand, with the answer their trial must give.

Six pairs of 7-night periods, 2 washout nights (5 counted), a period needs 3: the default design.
The arms are written out (no coin), so every expected figure can be worked by hand.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from mgcheck.models.plan import Arm, Period
from mgcheck.rules.trial_analysis import (
    Importance,
    NightRecord,
    Prior,
    Settings,
    TrialResult,
    Verdict,
    analyse,
    posterior,
)

MONDAY = dt.date(2025, 3, 3)
ORDER = [Arm.MAGNESIUM, Arm.NONE, Arm.NONE, Arm.MAGNESIUM, Arm.MAGNESIUM, Arm.NONE] * 2
PERIODS = tuple(
    Period(
        MONDAY + dt.timedelta(days=7 * i),
        MONDAY + dt.timedelta(days=7 * i + 6),
        arm,
        i // 2 + 1,
    )
    for i, arm in enumerate(ORDER)
)
SETTINGS = Settings(
    washout_days=2, min_nights=3, alpha=0.05, confidence=0.95, matters=2.0, prior=Prior(1.0)
)


def period(pair: int, arm: Arm) -> Period:
    return next(p for p in PERIODS if p.pair == pair and p.arm is arm)


def counted(pair: int, arm: Arm) -> tuple[dt.date, ...]:
    return period(pair, arm).nights()[2:]


def diary(magnesium: int = 4, none: int = 6) -> dict[dt.date, NightRecord]:
    """Every night written down and followed: ``magnesium`` on magnesium nights, ``none`` else."""
    return {
        night: NightRecord(magnesium if p.arm is Arm.MAGNESIUM else none, True)
        for p in PERIODS
        for night in p.nights()
    }


def run(nights: dict[dt.date, NightRecord], settings: Settings = SETTINGS) -> TrialResult:
    return analyse(PERIODS, nights, settings)


# --- the model, by hand ---------------------------------------------------------------------------


def test_the_posterior_by_hand() -> None:
    """d = -1, -2, -3 (mean -2, squares 2), prior variance 1 with the weight of one pair:
    df = 1 + 2 = 3, scale^2 = (1 + 2) / 3 / 3 = 1/3. t(0.975, 3) = 3.182446, so the interval is
    -2 +- 1.837387. P(lower) = F3(2 / 0.57735) = F3(2 sqrt 3); for df 3,
    F(t) = 1/2 + (x / (1 + x^2) + atan x) / pi with x = t / sqrt 3 = 2: 1/2 + (0.4 + 1.107149) / pi
    = 0.979741. P(lower by at least 2) = F3(0) = 1/2."""
    mean, low, high, better, by = posterior([-1.0, -2.0, -3.0], 1.0, Prior(1.0), 0.95, 2.0)
    assert mean == -2.0
    assert low == pytest.approx(-3.837387, abs=1e-6)
    assert high == pytest.approx(-0.162613, abs=1e-6)
    assert better == pytest.approx(0.5 + (0.4 + math.atan(2)) / math.pi, abs=1e-9)
    assert better == pytest.approx(0.979741, abs=1e-6)
    assert by == pytest.approx(0.5, abs=1e-12)


def test_higher_is_better_turns_the_probabilities_round() -> None:
    """For sleep (10 best) a positive difference is the better one."""
    _m, _l, _h, better, _by = posterior([1.0, 2.0, 3.0], 1.0, Prior(1.0), 0.95, None)
    _m, _l, _h, better_sleep, _by = posterior(
        [1.0, 2.0, 3.0], 1.0, Prior(1.0), 0.95, None, lower_is_better=False
    )
    assert better == pytest.approx(1 - 0.979741, abs=1e-6)
    assert better_sleep == pytest.approx(0.979741, abs=1e-6)


# --- the persons of issue 18 ----------------------------------------------------------------------


def test_a_complete_diary_with_off_plan_nights_gets_its_answer() -> None:
    """Every period has 5 of 5 counted nights, but on three bad "none" nights of pair 3 the
    person took magnesium (and scored 5). As randomised every pair is -2 or close: all six lower,
    p = 2/64. The old rule left those nights out, found pair 3 short and gave no answer."""
    nights = diary()
    for night in counted(3, Arm.NONE)[:3]:
        nights[night] = NightRecord(5, followed=False)
    result = run(nights)
    estimate = result.primary.estimate
    assert estimate is not None
    assert estimate.pairs_used == 6 and result.primary.shortfalls == ()
    assert estimate.p_randomization == 2 / 64
    assert estimate.verdict is Verdict.LOWER
    # Pair 3 as randomised: magnesium 4, none (5 + 5 + 5 + 6 + 6) / 5 = 5.4: -1.4.
    assert result.primary.rows[2].difference == pytest.approx(-1.4)
    # Beside it, the nights that followed the plan: pair 3's none side has 2 of 3 and is out.
    assert result.on_plan is not None and result.on_plan.estimate is not None
    assert result.on_plan.estimate.pairs_used == 5
    assert [(s.pair, s.arm, s.nights) for s in result.on_plan.shortfalls] == [(3, Arm.NONE, 2)]


def test_one_short_side_leaves_its_pair_out_not_the_trial() -> None:
    """Three holiday nights make pair 3's magnesium side 2 of 3: that pair is left out, the
    other five are analysed, and the table still shows all six. Five pairs of -2: the interval
    excludes 0 but p can be no lower than 2/32: probably lower, not proven."""
    nights = diary()
    for night in counted(3, Arm.MAGNESIUM)[:3]:
        del nights[night]
    result = run(nights)
    assert [(r.pair, r.used) for r in result.primary.rows] == [
        (1, True),
        (2, True),
        (3, False),
        (4, True),
        (5, True),
        (6, True),
    ]
    assert result.primary.rows[2].magnesium_nights == 2
    assert [(s.pair, s.arm, s.nights, s.needed) for s in result.primary.shortfalls] == [
        (3, Arm.MAGNESIUM, 2, 3)
    ]
    estimate = result.primary.estimate
    assert estimate is not None and estimate.pairs_used == 5
    assert estimate.p_randomization == 2 / 32 == estimate.minimum_p
    assert estimate.high < 0
    assert estimate.verdict is Verdict.PROBABLY_LOWER


def test_one_tied_pair_does_not_hide_an_interval_that_excludes_zero() -> None:
    """Differences -1, -1, 0, -1, -1, -1: p = 4/64 (the tie flips freely), but the interval is
    well below 0. The old verdict was "no clear difference"; now: probably lower."""
    nights = diary(magnesium=5, none=6)
    for night in counted(3, Arm.MAGNESIUM):
        nights[night] = NightRecord(6, True)
    estimate = run(nights).primary.estimate
    assert estimate is not None
    assert [round(d, 6) for d in [-1, -1, 0, -1, -1, -1]] == [-1, -1, 0, -1, -1, -1]
    assert estimate.p_randomization == 4 / 64
    assert estimate.high < 0
    assert estimate.verdict is Verdict.PROBABLY_LOWER
    assert estimate.probability_better > 0.975


def test_six_identical_differences_give_no_certainty_from_nothing() -> None:
    """Every magnesium night 5, every other night 6: six differences of exactly -1. A t-interval
    has zero width here; the model's does not, and no probability is 0 or 1."""
    estimate = run(diary(magnesium=5, none=6)).primary.estimate
    assert estimate is not None
    assert estimate.low < -1 < estimate.high
    assert 0.99 < estimate.probability_better < 1.0
    assert estimate.probability_matters is not None
    assert 0.0 < estimate.probability_matters < 0.01
    assert estimate.verdict is Verdict.LOWER
    assert estimate.importance is Importance.WITHIN


def test_no_difference_gives_no_clear_difference_and_a_middling_probability() -> None:
    """Pairs alternate +1 and -1 (magnesium 5 or 7 against 6): mean 0, p = 1."""
    nights = diary(magnesium=5, none=6)
    for pair in (2, 4, 6):
        for night in counted(pair, Arm.MAGNESIUM):
            nights[night] = NightRecord(7, True)
    estimate = run(nights).primary.estimate
    assert estimate is not None
    assert estimate.difference == 0.0
    assert estimate.p_randomization == 1.0
    assert estimate.verdict is Verdict.NO_CLEAR_DIFFERENCE
    assert estimate.probability_better == pytest.approx(0.5)


def test_fewer_than_two_complete_pairs_give_a_table_and_no_estimate() -> None:
    nights = diary()
    for pair in (1, 2, 3, 4, 5):
        for night in counted(pair, Arm.NONE)[1:]:
            del nights[night]
    result = run(nights)
    assert result.primary.estimate is None
    assert len(result.primary.rows) == 6 and [r.used for r in result.primary.rows][-1]
    assert len(result.primary.shortfalls) == 5


def test_nights_written_late_or_after_the_result_are_named_and_checked() -> None:
    """Pair 6's none side was empty when the result was first seen; four nights were written in
    afterwards (one of them late as well). They count, they are named, and the analysis without
    them leaves pair 6 out."""
    nights = diary()
    for index, night in enumerate(counted(6, Arm.NONE)):
        if index < 4:
            nights[night] = NightRecord(6, True, after_result=True, late=index == 0)
        else:
            del nights[night]
    result = run(nights)
    assert result.entered_after_result == counted(6, Arm.NONE)[:4]
    assert result.entered_late == counted(6, Arm.NONE)[:1]
    assert result.primary.estimate is not None and result.primary.estimate.pairs_used == 6
    assert result.without_late is not None and result.without_late.estimate is not None
    assert result.without_late.estimate.pairs_used == 5
    assert run(diary()).without_late is None  # nothing late: no second analysis to show


def test_carryover_shows_the_score_by_night_after_each_switch() -> None:
    """The legs answer magnesium only from its fifth night: 6 on nights 1-4, 3 after. Night 5
    is counted (after a 2-night washout), so a longer carryover shows in the table."""
    nights = diary(magnesium=3, none=6)
    for p in PERIODS:
        if p.arm is Arm.MAGNESIUM:
            for night in p.nights()[:4]:
                nights[night] = NightRecord(6, True)
    rows = run(nights).carryover
    assert [r.night for r in rows] == list(range(1, 8))
    assert [r.magnesium_mean for r in rows] == [6, 6, 6, 6, 3, 3, 3]
    assert [r.none_mean for r in rows] == [6] * 7
    # Only true switches: the first period (magnesium after nothing) and a pair boundary with
    # the same arm on both sides (none then none, magnesium then magnesium) are not.
    assert rows[0].magnesium_count == 3 and rows[0].none_count == 4


def test_side_effects_are_counted_by_arm() -> None:
    nights = diary()
    first = period(1, Arm.MAGNESIUM).nights()
    nights[first[0]] = NightRecord(4, True, side_effect="løs mave")
    nights[first[1]] = NightRecord(4, True, side_effect="løs mave ")
    nights[period(1, Arm.NONE).nights()[0]] = NightRecord(6, True, side_effect="hovedpine")
    harms = run(nights).harms
    assert (harms.magnesium_nights, harms.magnesium_with) == (42, 2)
    assert (harms.none_nights, harms.none_with) == (42, 1)
    assert harms.magnesium_effects == ("løs mave",)
    assert harms.none_effects == ("hovedpine",)


def test_sleep_is_a_secondary_outcome_where_higher_is_better() -> None:
    nights = {
        night: NightRecord(record.legs, True, sleep=7 if record.legs == 4 else 5)
        for night, record in diary().items()
    }
    sleep = run(nights).sleep
    assert sleep is not None and sleep.estimate is not None
    assert sleep.estimate.difference == 2.0
    assert sleep.estimate.verdict is Verdict.HIGHER
    assert sleep.estimate.probability_better > 0.99
    assert sleep.estimate.probability_matters is None
    assert run(diary()).sleep is None


def test_nights_outside_the_plan_are_ignored_and_nothing_is_random() -> None:
    nights = diary()
    before = dict(nights)
    nights[MONDAY - dt.timedelta(days=1)] = NightRecord(10, True)
    assert run(nights) == run(before) == run(dict(before))


# --- what the analysis refuses, and what it leaves out ----------------------------------------


def test_washout_nights_are_left_out() -> None:
    """The first two nights of each period are 10 on magnesium and 0 without: left out, every
    pair is 0; counted, they would make magnesium 4 points worse."""
    nights = diary(magnesium=2, none=2)
    for p in PERIODS:
        for night in p.nights()[:2]:
            nights[night] = NightRecord(10 if p.arm is Arm.MAGNESIUM else 0, True)
    estimate = run(nights).primary.estimate
    assert estimate is not None and estimate.difference == 0.0
    with_washout = run(nights, SETTINGS.replace(washout_days=0)).primary.estimate
    assert with_washout is not None
    assert with_washout.difference == pytest.approx((10 * 2 + 2 * 5) / 7 - (0 * 2 + 2 * 5) / 7)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"washout_days": 7}, "washout_days must be from 0 to 6"),
        ({"min_nights": 6}, "min_nights must be from 1 to 5"),
        ({"min_nights": 0}, "min_nights must be from 1"),
        ({"alpha": 1.0}, "alpha and confidence"),
        ({"matters": 11.0}, "matters must be above 0 and at most 10"),
    ],
)
def test_impossible_settings_are_refused(changes: dict[str, float], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        run(diary(), SETTINGS.replace(**changes))


def test_a_broken_design_is_refused() -> None:
    periods = list(PERIODS)
    with pytest.raises(ValueError, match="pair 1 must have one magnesium and one none"):
        analyse([periods[0], *periods[2:]], {}, SETTINGS)
    twin = Period(periods[1].start, periods[1].end, Arm.MAGNESIUM, 1)
    with pytest.raises(ValueError, match="pair 1 must have one magnesium"):
        analyse([periods[0], twin, *periods[2:]], {}, SETTINGS)
    overlapping = Period(periods[1].start - dt.timedelta(days=1), periods[1].end, Arm.NONE, 1)
    with pytest.raises(ValueError, match="overlap"):
        analyse([periods[0], overlapping, *periods[2:]], {}, SETTINGS)
    with pytest.raises(ValueError):
        analyse([], {}, SETTINGS)


def test_a_night_record_refuses_impossible_scores() -> None:
    for bad in (-1, 11, 2.5, True):
        with pytest.raises(ValueError):
            NightRecord(bad, True)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        NightRecord(3, True, sleep=12)


def test_the_verdict_needs_both_the_test_and_the_interval() -> None:
    """Six pairs all lower, but one so extreme the interval crosses 0: no direction named,
    though the exact test alone (p = 2/64) would say lower. Differences -10 and -1 x 5."""
    nights = diary(magnesium=9, none=10)
    for night in counted(1, Arm.MAGNESIUM):
        nights[night] = NightRecord(0, True)
    estimate = run(nights).primary.estimate
    assert estimate is not None
    assert estimate.p_randomization == 2 / 64
    assert estimate.low < 0 < estimate.high
    assert estimate.verdict is Verdict.NO_CLEAR_DIFFERENCE


def test_too_few_pairs_to_reach_the_level_is_said_so() -> None:
    """Four pairs can never reach p <= 0.05 (the floor is 2/16): with an interval across 0 the
    verdict is "too few pairs", and "within" is never claimed."""
    nights = diary(magnesium=5, none=5)
    for pair in (1, 3):
        for night in counted(pair, Arm.MAGNESIUM):
            nights[night] = NightRecord(6, True)
    estimate = analyse(PERIODS[:8], nights, SETTINGS).primary.estimate
    assert estimate is not None and estimate.pairs_used == 4
    assert estimate.verdict is Verdict.TOO_FEW_PAIRS
    assert estimate.importance is Importance.UNCLEAR
