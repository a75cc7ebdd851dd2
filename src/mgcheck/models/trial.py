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
    MIN_PAIRS,
    MIN_PERIOD_DAYS,
    min_nights_for,
    minimum_p,
)
from mgcheck.record import Record, field, fields

POINTS = "{points}"  # where a verdict puts the size of the difference


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


class Sourced(Record):
    """A sentence for the person, with the sources it rests on (or a design choice said as such)."""

    text: Text
    sources: list[Key] = field(default_factory=list)
    design_default: bool = False

    def check(self) -> None:
        _check_sourced(self.sources, self.design_default, "a text")


def _placeholders(text: Text, wanted: bool, what: str) -> None:
    for lang in ("da", "en"):
        words = text.get(lang)
        if wanted and POINTS not in words:
            raise ValueError(f"{what} ({lang}) must contain {POINTS}")
        if words.replace(POINTS, "").count("{") or words.count("}") != words.count("{"):
            raise ValueError(f"{what} ({lang}): only {POINTS} may stand in braces")


class Verdicts(Record):
    """The verdict in words; ``lower`` and ``higher`` say the size with {points}."""

    too_few_pairs: Text
    no_clear_difference: Text
    lower: Text
    higher: Text

    def check(self) -> None:
        _placeholders(self.too_few_pairs, False, "too_few_pairs")
        _placeholders(self.no_clear_difference, False, "no_clear_difference")
        _placeholders(self.lower, True, "lower")
        _placeholders(self.higher, True, "higher")


class ImportanceWords(Record):
    """The interval against the difference that would matter ({points}, the person's own figure)."""

    beyond: Text
    within: Text
    unclear: Text

    def check(self) -> None:
        for name in ("beyond", "within", "unclear"):
            _placeholders(getattr(self, name), True, name)


class TrialFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    settings: Settings
    design: Sourced
    outcome: Sourced
    analysis: Sourced
    off_plan: Sourced
    missing: Sourced
    verdicts: Verdicts
    importance: ImportanceWords
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
            "off_plan",
            "missing",
            "expectation",
            "blinding",
            "slow_onset",
        )
        return {name: getattr(self, name) for name in names}

    def citations(self) -> list[tuple[str, list[str]]]:
        """(where, source keys) for every setting and text, for the cross-check with sources."""
        cited = [(f"settings.{n}", list(s.sources)) for n, s in self.settings_by_name().items()]
        cited += [(name, list(s.sources)) for name, s in self.texts().items()]
        return cited
