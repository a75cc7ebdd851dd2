"""Pydantic model for data/trial.yaml: the n-of-1 trial's defaults and words, each with its sources.

Every number the trial uses by default is here with the keys of its sources and a one-line why.
Where no source gives the number itself, ``design_default`` says so: the number is mgcheck's own
choice, and ``why`` gives the reasoning (TRIAL_SOURCES.md has the longer version).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from mgcheck.models.base import Text
from mgcheck.models.diary import SCORE_MAX
from mgcheck.models.guidance import Key
from mgcheck.models.plan import (
    MAX_PAIRS,
    MAX_PERIOD_DAYS,
    MAX_RUN_IN,
    MIN_PAIRS,
    MIN_PERIOD_DAYS,
    min_nights_for,
    minimum_p,
)
from mgcheck.record import Record, field, fields

POINTS = "{points}"  # where a verdict puts the size of the difference
CHANCES = ("{better}", "{matters}", "{by}")  # the probabilities, and the difference that matters


def _check_sourced(sources: list[str], design_default: bool, what: str) -> None:
    if not design_default and not sources:
        raise ValueError(f"{what}: needs sources, or design_default: true with the reason in 'why'")


class Setting(Record, kw_only=True):
    sources: list[Key] = field(default_factory=list)
    design_default: bool = False  # True: no source gives this number; it is mgcheck's choice
    why: Text

    def check(self) -> None:
        _check_sourced(self.sources, self.design_default, "a setting")


class IntSetting(Setting, kw_only=True):
    value: Annotated[int, Field(strict=True)]


class FloatSetting(Setting, kw_only=True):
    value: float


class Settings(Record):
    period_days: IntSetting
    pairs: IntSetting
    washout_days: IntSetting
    min_nights: IntSetting
    smallest_difference: FloatSetting
    confidence: FloatSetting
    alpha: FloatSetting
    prior_pairs: FloatSetting  # the prior's weight, in pairs (rules/trial_analysis.py)
    late_days: IntSetting  # a night written more than this many days after it is named
    run_in_days: IntSetting  # ordinary diary nights before the first period
    power: FloatSetting  # the plan names the difference found this often

    def check(self) -> None:
        period, pairs = self.period_days.value, self.pairs.value
        washout, min_nights = self.washout_days.value, self.min_nights.value
        if not MIN_PERIOD_DAYS <= period <= MAX_PERIOD_DAYS:
            raise ValueError(f"period_days must be from {MIN_PERIOD_DAYS} to {MAX_PERIOD_DAYS}")
        if not MIN_PAIRS <= pairs <= MAX_PAIRS:
            raise ValueError(f"pairs must be from {MIN_PAIRS} to {MAX_PAIRS}")
        if not 0 <= washout < period:
            raise ValueError("washout_days must leave at least one night of each period")
        if not 1 <= min_nights <= period - washout:
            raise ValueError("min_nights must be from 1 to the nights left after the washout")
        if not 0 < self.smallest_difference.value <= SCORE_MAX:
            raise ValueError(f"smallest_difference must be above 0 and at most {SCORE_MAX}")
        alpha, confidence = self.alpha.value, self.confidence.value
        if not 0 < alpha < 1 or abs(alpha - (1 - confidence)) > 1e-9:
            raise ValueError("alpha must be 1 - confidence, so the interval and the test agree")
        if minimum_p(pairs) > alpha:
            raise ValueError("the default number of pairs must be able to reach p <= alpha")
        if min_nights != min_nights_for(period, washout):
            raise ValueError("min_nights must be most of the counted nights (counted // 2 + 1)")
        if not 0 < self.prior_pairs.value <= 2:
            raise ValueError("prior_pairs must be above 0 and at most 2 pairs: weakly informative")
        if not 0 <= self.late_days.value <= 28:
            raise ValueError("late_days must be from 0 to 28")
        if not 0 <= self.run_in_days.value <= MAX_RUN_IN:
            raise ValueError(f"run_in_days must be from 0 to {MAX_RUN_IN}")
        if not 0.5 <= self.power.value < 1:
            raise ValueError("power must be from 0.5 to below 1")


class Multiplier(Record):
    pairs: Annotated[int, Field(strict=True)]
    value: Annotated[float, Field(gt=0)]


class Detect(Record, kw_only=True):
    """What a design can find: the multiplier per number of pairs (from simulation, see
    scripts/simulate_trial.py), and the spreads shown before the run-in has measured one."""

    multipliers: list[Multiplier]
    assumed_sd: list[Annotated[float, Field(gt=0, le=SCORE_MAX)]]
    assumed_correlation: Annotated[float, Field(ge=0, lt=1)]
    sources: list[Key] = field(default_factory=list)
    design_default: bool = False
    why: Text

    def by_pairs(self) -> dict[int, float]:
        return {m.pairs: m.value for m in self.multipliers}

    def check(self) -> None:
        _check_sourced(self.sources, self.design_default, "detect")
        pairs = [m.pairs for m in self.multipliers]
        if pairs != sorted(set(pairs)) or not pairs:
            raise ValueError("detect.multipliers: each number of pairs once, in order")
        if pairs[0] < MIN_PAIRS or pairs[-1] > MAX_PAIRS:
            raise ValueError(f"detect.multipliers: pairs from {MIN_PAIRS} to {MAX_PAIRS}")
        values = [m.value for m in self.multipliers]
        if values != sorted(values, reverse=True):
            raise ValueError("detect.multipliers: more pairs must find smaller differences")


class Sourced(Record):
    """A sentence for the person, with the sources it rests on (or a design choice said as such).
    ``report`` is the same sentence for the report file, which speaks about the person to
    whoever reads it (a doctor); None where ``text`` already does."""

    text: Text
    sources: list[Key] = field(default_factory=list)
    design_default: bool = False
    report: Text | None = None

    def words(self, *, report: bool = False) -> Text:
        """The terminal's words, or with ``report`` the report file's."""
        return self.report if report and self.report is not None else self.text

    def check(self) -> None:
        _check_sourced(self.sources, self.design_default, "a text")


def _placeholders(text: Text, wanted: tuple[str, ...], what: str) -> None:
    """``text`` holds each of ``wanted`` in both languages, and nothing else in braces."""
    for lang in ("da", "en"):
        words = text.get(lang)
        for name in wanted:
            if name not in words:
                raise ValueError(f"{what} ({lang}) must contain {name}")
        rest = words
        for name in wanted:
            rest = rest.replace(name, "")
        if rest.count("{") or rest.count("}"):
            raise ValueError(f"{what} ({lang}): only {', '.join(wanted) or 'nothing'} in braces")


class Verdicts(Record):
    """The verdict in words; a direction says the size with {points}."""

    too_few_pairs: Text
    no_clear_difference: Text
    probably_lower: Text
    probably_higher: Text
    lower: Text
    higher: Text

    def check(self) -> None:
        _placeholders(self.too_few_pairs, (), "too_few_pairs")
        _placeholders(self.no_clear_difference, (), "no_clear_difference")
        for name in ("probably_lower", "probably_higher", "lower", "higher"):
            _placeholders(getattr(self, name), (POINTS,), name)


class TrialFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    settings: Settings
    detect: Detect
    design: Sourced
    outcome: Sourced
    analysis: Sourced
    off_plan: Sourced
    missing: Sourced
    verdicts: Verdicts
    report_verdicts: Verdicts  # the same, for the report file: about the person, not to them
    chances: Text  # the two probabilities: {better}, and {by} for {matters} points
    report_chances: Text  # the same, for the report file
    model: Sourced  # where the interval and the probabilities come from
    late: Sourced  # nights written late or after a result
    carryover: Sourced  # the table by night after each switch
    harms: Sourced  # side effects, by arm
    power: Sourced  # what the smallest difference found assumes
    expectation: Sourced  # what an unblinded trial cannot exclude
    blinding: Sourced  # how to blind it
    slow_onset: Sourced  # what short periods cannot show

    def settings_by_name(self) -> dict[str, Setting]:
        return {name: getattr(self.settings, name) for name in fields(Settings)}

    def texts(self) -> dict[str, Sourced]:
        names = (
            "design",
            "outcome",
            "analysis",
            "model",
            "off_plan",
            "missing",
            "late",
            "carryover",
            "harms",
            "power",
            "expectation",
            "blinding",
            "slow_onset",
        )
        return {name: getattr(self, name) for name in names}

    def check(self) -> None:
        _placeholders(self.chances, CHANCES, "chances")
        _placeholders(self.report_chances, CHANCES, "report_chances")
        reach = [
            n for n in range(MIN_PAIRS, MAX_PAIRS + 1) if minimum_p(n) <= self.settings.alpha.value
        ]
        if [m.pairs for m in self.detect.multipliers] != reach:
            raise ValueError(
                "detect.multipliers: one for each number of pairs that can reach alpha"
            )

    def citations(self) -> list[tuple[str, list[str]]]:
        """(where, source keys) for every setting and text, for the cross-check with sources."""
        cited = [(f"settings.{n}", list(s.sources)) for n, s in self.settings_by_name().items()]
        cited.append(("detect", list(self.detect.sources)))
        cited += [(name, list(s.sources)) for name, s in self.texts().items()]
        return cited
