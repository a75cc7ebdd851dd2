"""Reference intakes, upper limits and the verdict on a daily amount. Pure: data in, facts out."""

from __future__ import annotations

from enum import Enum

from mgcheck.models.guidance import LimitRow, LimitsFile, StandardData
from mgcheck.record import Record
from mgcheck.vocab import Sex, Standard

ADULT_AGE = 18


class Intake(Record):
    standard: Standard
    mg: float
    # True when the person is pregnant or breastfeeding and the standard has no separate value:
    # ``mg`` is then the value for other women of that age, which the renderer must say.
    no_separate_pregnancy_value: bool = False


def reference_intake(
    data: StandardData,
    age: int,
    sex: Sex,
    pregnant: bool = False,
    breastfeeding: bool = False,
) -> Intake | None:
    """The standard's intake for this person, or None where mgcheck has no value (under 1 year)."""
    row = next((r for r in data.intakes if r.covers(age)), None)
    if row is None:
        return None
    base = row.female if sex is Sex.FEMALE else row.male
    if sex is Sex.FEMALE and (pregnant or breastfeeding):
        special = row.pregnant if pregnant else row.breastfeeding
        if special is None:
            return Intake(data.id, base, no_separate_pregnancy_value=True)
        return Intake(data.id, special)
    return Intake(data.id, base)


class AdultIntakes(Record):
    """The range of a standard's adult values: IOM splits adults by age, NNR and EFSA do not."""

    female: tuple[float, float]
    male: tuple[float, float]


def adult_intakes(data: StandardData) -> AdultIntakes:
    rows = [r for r in data.intakes if r.ages[0] >= ADULT_AGE]
    if not rows:
        raise ValueError(f"{data.id.value}: no intake band starts at {ADULT_AGE} or later")
    female = [r.female for r in rows]
    male = [r.male for r in rows]
    return AdultIntakes((min(female), max(female)), (min(male), max(male)))


def upper_limit(data: StandardData, age: int) -> LimitRow | None:
    """The limit for supplemental magnesium at this age, or None where the standard sets none."""
    return next((r for r in data.upper_limits if r.covers(age)), None)


class Verdict(str, Enum):
    WITHIN = "within"  # at or under the chosen limit and every other standard's
    WITHIN_CHOSEN_ONLY = "within_chosen_only"  # under the chosen limit, over another standard's
    MAYBE_ABOVE = "maybe_above"  # the range straddles the chosen limit (unknown hydrate)
    ABOVE = "above"  # over the chosen limit
    NO_LIMIT = "no_limit"  # the chosen standard sets no limit at this age


class LimitView(Record):
    standard: Standard
    short: str
    mg: float | None


class Judgement(Record):
    verdict: Verdict
    chosen: LimitView
    others: tuple[LimitView, ...]
    exceeded_others: tuple[Standard, ...]
    article_mg: float | None  # None under 18: the article's figure is for adults


def judge(
    limits: LimitsFile, standard: Standard, age: int, low_mg: float, high_mg: float
) -> Judgement:
    """Set a daily amount (a range when the hydrate is unknown) against the upper limits."""
    if low_mg < 0 or high_mg < low_mg:
        raise ValueError("need 0 <= low_mg <= high_mg")

    def view(which: Standard) -> LimitView:
        data = limits.standard(which)
        row = upper_limit(data, age)
        return LimitView(which, data.short, None if row is None else row.mg)

    chosen = view(standard)
    others = tuple(view(s) for s in Standard if s is not standard)
    exceeded = tuple(o.standard for o in others if o.mg is not None and high_mg > o.mg)
    if chosen.mg is None:
        verdict = Verdict.NO_LIMIT
    elif low_mg > chosen.mg:
        verdict = Verdict.ABOVE
    elif high_mg > chosen.mg:
        verdict = Verdict.MAYBE_ABOVE
    elif exceeded:
        verdict = Verdict.WITHIN_CHOSEN_ONLY
    else:
        verdict = Verdict.WITHIN
    article = limits.article.daily_mg if age >= ADULT_AGE else None
    return Judgement(verdict, chosen, others, exceeded, article)


class DoseBand(str, Enum):
    """How far above the limit a day's magnesium is (data/limits.yaml dose_bands)."""

    ORDINARY = "ordinary"
    FAR_ABOVE = "far_above"  # stop and talk to a doctor
    TOXIC = "toxic"  # toxicity has been reported: a doctor today


def far_above_mg(limits: LimitsFile, age: int, limit_mg: float | None) -> float:
    """Where "far above the limit" starts: 1,000 mg, or for a child four times its limit."""
    bands = limits.dose_bands
    if age >= ADULT_AGE or limit_mg is None:
        return bands.far_above_mg
    return min(bands.far_above_mg, bands.far_above_times_limit * limit_mg)


def dose_band(
    limits: LimitsFile, per_day_high_mg: float, age: int = ADULT_AGE, limit_mg: float | None = None
) -> DoseBand:
    """Judged on the high end of the day's range: the safer reading."""
    if per_day_high_mg >= limits.dose_bands.toxic_mg:
        return DoseBand.TOXIC
    if per_day_high_mg >= far_above_mg(limits, age, limit_mg):
        return DoseBand.FAR_ABOVE
    return DoseBand.ORDINARY


def dose_standard(limits: LimitsFile, chosen: Standard, age: int) -> Standard:
    """The chosen standard for adults; for a child the one with the lowest limit at its age.

    Where the standards disagree mgcheck takes the stricter value, and for children the US
    figures are stricter (65 mg at 1-3, 110 mg at 4-8; magnesium.md b).
    """
    if age >= ADULT_AGE:
        return chosen
    rows = [
        (row.mg, list(Standard).index(s.id), s.id)
        for s in limits.standards
        if (row := upper_limit(s, age)) is not None
    ]
    return min(rows)[2] if rows else chosen


class ArticleComparison(Record):
    """Where the article's daily amount sits against each standard's adult limit."""

    article_mg: float
    above: tuple[LimitView, ...]
    at_or_below: tuple[LimitView, ...]


def article_against_limits(limits: LimitsFile) -> ArticleComparison:
    views = []
    for data in limits.standards:
        row = upper_limit(data, ADULT_AGE)
        views.append(LimitView(data.id, data.short, None if row is None else row.mg))
    article = limits.article.daily_mg
    return ArticleComparison(
        article,
        tuple(v for v in views if v.mg is not None and article > v.mg),
        tuple(v for v in views if v.mg is not None and article <= v.mg),
    )
