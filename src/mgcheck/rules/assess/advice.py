"""Advice: magnesium only if low, the diet estimate against the need, and foods to suggest."""

from __future__ import annotations

from mgcheck.models.assess_data import AssessData
from mgcheck.models.base import Food
from mgcheck.record import Record
from mgcheck.rules.assess.facts import Facts
from mgcheck.rules.assess.hits import Hit, Num, Param
from mgcheck.rules.limits import judge

SUGGESTED_FOODS = 5


class DietEstimate(Record):
    mg: float
    by_group: dict[str, float]  # mg a day from each group
    portion_mg: dict[str, float]  # mg in one portion of each group


def suggested_foods(data: AssessData) -> tuple[Food, ...]:
    """The richest serving of each food group, best first: varied foods that would help most."""
    ranked = sorted(data.foods.foods, key=lambda f: (-f.mg_per_100g * f.serving.grams, f.id))
    best: dict[str, Food] = {}
    for food in ranked:
        best.setdefault(food.group.value, food)
    return tuple(list(best.values())[:SUGGESTED_FOODS])


def findings(f: Facts, diet: DietEstimate | None, need_mg: float | None) -> list[Hit]:
    hits: list[Hit] = []
    answers, data = f.answers, f.data
    shown_low = f.blood_low_ish  # against the person's own range when given
    wants = answers.magnesium is not None or answers.considering_magnesium
    if f.adult and wants and not shown_low:
        limit = judge(data.limits, f.standard, answers.age, 0, 0).chosen.mg or 0
        hits.append(
            Hit(
                "only-if-low",
                {
                    "article": Num(data.limits.article.daily_mg),
                    "standard": f.standard,
                    "limit": Num(limit),
                },
            )
        )
    if f.adult and diet is not None and need_mg is not None:
        params: dict[str, Param] = {
            "estimate": Num(diet.mg),
            "need": Num(need_mg),
            "standard": f.standard,
        }
        if diet.mg < need_mg:
            hits.append(Hit("diet-low", params, variant="kidney" if f.kidney else None))
        else:
            hits.append(Hit("diet-adequate", params))
    return hits
