"""`mgcheck warnings` as a use case: the sections asked for, and the limits worked out once."""

from __future__ import annotations

from mgcheck.models.guidance import (
    GuidanceFile,
    LimitRow,
    LimitsFile,
    Section,
    StandardData,
)
from mgcheck.record import Record
from mgcheck.rules.guidance import pick_sections
from mgcheck.rules.limits import (
    ADULT_AGE,
    AdultIntakes,
    ArticleComparison,
    adult_intakes,
    article_against_limits,
    upper_limit,
)
from mgcheck.vocab import Standard


class StandardFigures(Record):
    """One standard as the limits panel shows it."""

    data: StandardData
    adult: AdultIntakes
    adult_limit_mg: float | None
    child_limits: tuple[LimitRow, ...]


class WarningsResult(Record):
    sections: tuple[Section, ...]
    numbers: dict[str, int]  # each section's place in data/guidance.yaml, as the panels number it
    guidance: GuidanceFile
    limits: LimitsFile
    chosen: Standard
    standards: tuple[StandardFigures, ...]
    article: ArticleComparison


def warnings(
    guidance: GuidanceFile, limits: LimitsFile, section: str | None, chosen: Standard
) -> WarningsResult:
    """The guidance to show (one section, by either language's name, or all); raises
    :class:`mgcheck.rules.guidance.UnknownSection`."""
    figures = []
    for data in limits.standards:
        row = upper_limit(data, ADULT_AGE)
        figures.append(
            StandardFigures(
                data,
                adult_intakes(data),
                None if row is None else row.mg,
                tuple(r for r in data.upper_limits if r.ages[0] < ADULT_AGE),
            )
        )
    return WarningsResult(
        sections=tuple(pick_sections(guidance, section)),
        numbers={s.id: n for n, s in enumerate(guidance.sections, start=1)},
        guidance=guidance,
        limits=limits,
        chosen=chosen,
        standards=tuple(figures),
        article=article_against_limits(limits),
    )
