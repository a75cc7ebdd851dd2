"""Simulate mgcheck's n-of-1 trial, seeded, and print what the analysis does (issue 18).

    python scripts/simulate_trial.py                 # the table: 2,000 trials per scenario
    python scripts/simulate_trial.py --trials 200    # quicker, wider error bars
    python scripts/simulate_trial.py --multipliers   # the detectable-difference multipliers

Every simulated trial is the real thing: a plan from ``plan_schedule`` (6 pairs of 7 nights,
2 washout nights, 3 of the 5 counted nights needed), nightly leg scores made whole and kept in
0-10, and ``rules.trial_analysis.analyse`` as ``diary trial result`` runs it. The nightly noise
is AR(1) (each night correlates ``rho`` with the one before); an effect of magnesium lowers the
score on magnesium nights, reaching them only ``carryover`` nights after a switch and lasting as
long after it; some nights go missing at random; on some bad nights without magnesium the person
takes it anyway (off the plan). tests/unit/test_trial_simulation.py runs a small seeded version
of the same scenarios in the suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from mgcheck.models.plan import Arm, Period
from mgcheck.record import Record
from mgcheck.rules.stats import t_quantile
from mgcheck.rules.trial import plan_schedule, randomization_p
from mgcheck.rules.trial_analysis import (
    NightRecord,
    Prior,
    Settings,
    Verdict,
    analyse,
)

START = dt.date(2025, 1, 6)
SETTINGS = Settings(
    washout_days=2, min_nights=3, alpha=0.05, confidence=0.95, matters=2.0, prior=Prior(1.0)
)


class Scenario(Record):
    name: str
    effect: float = 0.0  # points on magnesium nights (negative: lower, better)
    sd: float = 1.0
    rho: float = 0.0
    carryover: int = 0  # nights before the effect arrives (and after it leaves)
    missing: float = 0.0  # share of nights not written down
    off_plan: float = 0.0  # share of "none" nights with a bad score on which magnesium is taken


SCENARIOS = (
    Scenario("null, independent nights, SD 1"),
    Scenario("null, AR(1) 0.5, SD 1", rho=0.5),
    Scenario("null, AR(1) 0.5, SD 2", sd=2.0, rho=0.5),
    Scenario("null, AR(1) 0.5, 10 % missing, off-plan nights", rho=0.5, missing=0.1, off_plan=0.2),
    Scenario("effect -1.5, SD 1, AR(1) 0.5", effect=-1.5, rho=0.5),
    Scenario("effect -2, SD 1, AR(1) 0.5", effect=-2.0, rho=0.5),
    Scenario("effect -2, SD 2, AR(1) 0.5", effect=-2.0, sd=2.0, rho=0.5),
    Scenario("effect -2, carryover 2 nights", effect=-2.0, rho=0.5, carryover=2),
    Scenario("effect -2, carryover 4 nights", effect=-2.0, rho=0.5, carryover=4),
    Scenario("effect -2, 10 % missing", effect=-2.0, rho=0.5, missing=0.1),
    Scenario("effect -2, off-plan nights", effect=-2.0, rho=0.5, off_plan=0.2),
)


def nights_of(
    periods: Sequence[Period], scenario: Scenario, rng: random.Random
) -> dict[dt.date, NightRecord]:
    """One person's diary for the plan under ``scenario``."""
    days = [(period, night) for period in periods for night in period.nights()]
    noise = rng.gauss(0.0, 1.0)
    innovation = math.sqrt(1.0 - scenario.rho**2)
    arms = [period.arm for period, _night in days]
    nights: dict[dt.date, NightRecord] = {}
    for index, (period, night) in enumerate(days):
        if index:
            noise = scenario.rho * noise + innovation * rng.gauss(0.0, 1.0)
        # The effect needs ``carryover`` nights to come and to go: the arm that acts tonight is
        # the one of ``carryover`` nights ago.
        acting = arms[max(0, index - scenario.carryover)] if scenario.carryover else period.arm
        if index < scenario.carryover:
            acting = Arm.NONE  # before the trial nobody took magnesium
        shift = scenario.effect if acting is Arm.MAGNESIUM else 0.0
        score = min(10, max(0, round(5.0 + shift + scenario.sd * noise)))
        if rng.random() < scenario.missing:
            continue
        followed = True
        if period.arm is Arm.NONE and score >= 6 and rng.random() < scenario.off_plan:
            followed = False  # a bad night: took magnesium after all (the score is already bad)
        nights[night] = NightRecord(score, followed)
    return nights


class Tally(Record):
    trials: int
    answered: int
    called: int  # lower or higher: a direction the exact test confirms
    probable: int  # probably lower or higher
    lower: int
    covered: int


def run(scenario: Scenario, trials: int, seed: int) -> Tally:
    rng = random.Random(seed)
    answered = called = probable = lower = covered = 0
    for number in range(trials):
        periods = plan_schedule(START, 6, 7, seed * 100_003 + number)
        estimate = analyse(periods, nights_of(periods, scenario, rng), SETTINGS).primary.estimate
        if estimate is None:
            continue
        answered += 1
        called += estimate.verdict in (Verdict.LOWER, Verdict.HIGHER)
        probable += estimate.verdict in (Verdict.PROBABLY_LOWER, Verdict.PROBABLY_HIGHER)
        lower += estimate.verdict is Verdict.LOWER
        covered += estimate.low <= scenario.effect <= estimate.high
    return Tally(trials, answered, called, probable, lower, covered)


def calibration(trials: int, seed: int, bins: int = 5) -> list[tuple[float, float, int]]:
    """(mean P(better), share truly better, trials) per bin of P(better), over trials whose
    true effect is drawn evenly from -2 to +1 points (SD 1.5, AR(1) 0.3, 10 % missing)."""
    rng = random.Random(seed)
    rows: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for number in range(trials):
        effect = rng.uniform(-2.0, 1.0)
        scenario = Scenario("calibration", effect=effect, sd=1.5, rho=0.3, missing=0.1)
        periods = plan_schedule(START, 6, 7, seed * 100_003 + number)
        estimate = analyse(periods, nights_of(periods, scenario, rng), SETTINGS).primary.estimate
        if estimate is None:
            continue
        p = estimate.probability_better
        rows[min(int(p * bins), bins - 1)].append((p, effect < 0))
    return [
        (
            math.fsum(p for p, _ in row) / len(row),
            sum(better for _, better in row) / len(row),
            len(row),
        )
        for row in rows
        if row
    ]


# --- the detectable-difference multipliers ------------------------------------------------------


def _lower(differences: Sequence[float], alpha: float, quantile: float) -> bool:
    """The verdict "lower" for pair differences of unit spread (the prior's variance 1, the
    weight of one pair: n degrees of freedom, whose t ``quantile`` the caller works out once)."""
    n = len(differences)
    mean = math.fsum(differences) / n
    squares = math.fsum((d - mean) ** 2 for d in differences)
    scale = math.sqrt((1.0 + squares) / n / n)
    high = mean + quantile * scale
    return high < 0 and randomization_p(differences) <= alpha + 1e-12


def multiplier(pairs: int, draws: int, seed: int, power: float = 0.8) -> float:
    """The shift (in pair-difference SDs) at which "lower" comes ``power`` of the time: for
    each draw of standard normal pair differences, the smallest shift that gives "lower"
    (bisection), then that shift's ``power`` quantile over the draws."""
    rng = random.Random(seed)
    quantile = t_quantile(0.975, pairs)
    thresholds = []
    for _ in range(draws):
        z = [rng.gauss(0.0, 1.0) for _ in range(pairs)]
        low, high = 0.0, 12.0
        for _step in range(30):
            middle = (low + high) / 2
            if _lower([v - middle for v in z], 0.05, quantile):
                high = middle
            else:
                low = middle
        thresholds.append(high)
    thresholds.sort()
    return thresholds[min(len(thresholds) - 1, math.ceil(power * len(thresholds)) - 1)]


def _share(part: int, whole: int) -> str:
    return "–" if not whole else f"{100 * part / whole:5.1f} %"


def table(trials: int, seed: int) -> Iterable[str]:
    yield f"{trials} trials per scenario, seed {seed}; 6 pairs of 7 nights, 2 washout, 3 needed"
    yield ""
    yield "| scenario | answered | lower/higher | probably | covers the effect |"
    yield "|---|---|---|---|---|"
    for index, scenario in enumerate(SCENARIOS):
        tally = run(scenario, trials, seed + index)
        yield (
            f"| {scenario.name} | {_share(tally.answered, tally.trials)} | "
            f"{_share(tally.called, tally.answered)} | {_share(tally.probable, tally.answered)} | "
            f"{_share(tally.covered, tally.answered)} |"
        )
    yield ""
    yield "Calibration of P(magnesium lowers the score): effects drawn evenly from -2 to +1"
    yield "| mean P(better) | share truly better | trials |"
    yield "|---|---|---|"
    for predicted, observed, count in calibration(trials, seed + 99):
        yield f"| {predicted:.2f} | {observed:.2f} | {count} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--multipliers", action="store_true")
    args = parser.parse_args()
    if args.multipliers:
        for pairs in range(6, 13):
            value = multiplier(pairs, args.trials, args.seed + pairs)
            print(f"{pairs}: {value:.2f}")
        return
    for line in table(args.trials, args.seed):
        print(line)


if __name__ == "__main__":
    main()
