"""Ranking and searching foods: pure functions over validated models."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from itertools import accumulate
from typing import NamedTuple

from mgcheck.folding import fold, fold_many, phrase_key
from mgcheck.models.base import Food
from mgcheck.record import Record
from mgcheck.vocab import ARTICLE_DAILY_MG, FoodGroup, RankBy


def find_group(name: str, names: Mapping[str, Iterable[str]]) -> FoodGroup | None:
    """The food group a person named, in Danish or English (``nødder``, ``bælgfrugter``,
    ``nuts_seeds``); ``names`` are each group's words (data/words.yaml food_groups)."""
    key = phrase_key(name)
    for value, words in names.items():
        if key and key in {phrase_key(w) for w in (value, *words)}:
            return FoodGroup(value)
    return None


def name_matches(food: Food, query: str) -> bool:
    """True when the folded query occurs in a Danish or English name (or what it stands in for)."""
    needle = fold(query.strip())
    names = [food.name.da, food.name.en]
    if food.proxy_for is not None:
        names += [food.proxy_for.da, food.proxy_for.en]
    return any(needle in fold(name) for name in names)


class FoodsQuery(Record):
    """What the user asked for; ``top`` of None or 0 means every match."""

    by: RankBy = RankBy.SERVING
    group: FoodGroup | None = None
    search: str | None = None
    article_only: bool = False
    top: int | None = None
    target_mg: float = ARTICLE_DAILY_MG

    def __post_init__(self) -> None:
        if self.target_mg <= 0 or (self.top is not None and self.top < 0):
            raise ValueError("target_mg must be positive and top not negative")


class FoodRow(Record):
    food: Food
    mg_per_serving: float
    mg_per_100kcal: float | None
    pct_of_target: float
    servings_to_target: float | None


class FoodsResult(Record):
    query: FoodsQuery
    rows: list[FoodRow]
    matched: int


def food_row(food: Food, target_mg: float) -> FoodRow:
    per_serving = food.mg_per_100g * food.serving.grams / 100
    return FoodRow(
        food=food,
        mg_per_serving=per_serving,
        mg_per_100kcal=(food.mg_per_100g / food.kcal_per_100g * 100)
        if food.kcal_per_100g
        else None,
        pct_of_target=per_serving / target_mg * 100,
        servings_to_target=(target_mg / per_serving) if per_serving else None,
    )


def _sort_key(row: FoodRow, by: RankBy) -> tuple[float, str]:
    if by is RankBy.SERVING:
        value = row.mg_per_serving
    elif by is RankBy.PER_100G:
        value = row.food.mg_per_100g
    else:
        value = row.mg_per_100kcal if row.mg_per_100kcal is not None else -1.0
    # Highest first; the id breaks ties so the order never depends on the file's order.
    return (-value, row.food.id)


def rank_foods(foods: Iterable[Food], query: FoodsQuery) -> FoodsResult:
    selected = [
        food
        for food in foods
        if (query.group is None or food.group is query.group)
        and (not query.article_only or food.in_article)
        and (not query.search or name_matches(food, query.search))
    ]
    rows = sorted(
        (food_row(food, query.target_mg) for food in selected),
        key=lambda row: _sort_key(row, query.by),
    )
    shown = rows if not query.top else rows[: query.top]
    return FoodsResult(query=query, rows=shown, matched=len(rows))


class CompositionRow(NamedTuple):
    """One food of the full composition tables (kept as a tuple: 9,453 of them load at once)."""

    dataset: str
    source_id: str
    description: str
    food_group: str
    mg_per_100g: float
    kcal_per_100g: float


def words_match(description: str, query: str) -> bool:
    """Every word of the query must start a word of the description: 'rye' finds 'Bread, rye'
    but not 'fryers'."""
    words = fold(description).replace(",", " ").replace("(", " ").replace("/", " ").split()
    return all(any(word.startswith(term) for word in words) for term in fold(query).split())


_SEPARATORS = str.maketrans(",(/", "   ")  # split words as words_match does


def matching_rows(descriptions: Sequence[str], query: str) -> list[int]:
    """The indexes of the descriptions that :func:`words_match` the query, in order.

    The same answer as asking each description (a test holds them equal), found at once: the
    descriptions are folded and joined, and each query word is one regular-expression search
    for it at the start of a word; asking 9,453 rows one by one took about 17 ms.
    """
    terms = fold(query).split()
    if not terms:
        return list(range(len(descriptions)))
    folded = fold_many(descriptions)
    text = "\n".join(folded).translate(_SEPARATORS)
    starts = list(accumulate((len(one) + 1 for one in folded), initial=0))
    found: set[int] | None = None
    for term in terms:
        # The term holds no space, so a hit at a word's start is never hidden inside another
        # hit; a plain search (fast) with the word start checked after it.
        hits = (hit.start() for hit in re.finditer(re.escape(term), text))
        rows = {bisect_right(starts, at) - 1 for at in hits if at == 0 or text[at - 1].isspace()}
        found = rows if found is None else found & rows
    return sorted(found or ())


def search_composition(
    rows: Sequence[CompositionRow], query: str, by: RankBy, top: int | None
) -> tuple[list[CompositionRow], int]:
    """Return the best matches (ranked per 100 g or per 100 kcal) and how many matched in all."""
    found = [rows[i] for i in matching_rows([row.description for row in rows], query)]

    def key(row: CompositionRow) -> tuple[float, str, str]:
        if by is RankBy.ENERGY:
            value = row.mg_per_100g / row.kcal_per_100g * 100 if row.kcal_per_100g else -1.0
        else:
            value = row.mg_per_100g
        return (-value, row.dataset, row.source_id)

    found.sort(key=key)
    return (found[:top] if top else found), len(found)


class FoundVia(Record):
    """A curated food a word named when the full tables did not: its source row there, and
    searches in the tables' own (English) words that find something."""

    food: Food
    row: CompositionRow | None
    tries: tuple[tuple[str, int], ...]  # the words to search for, and how many foods each finds


def _words(text: str) -> list[str]:
    return fold(text).replace(",", " ").replace("(", " ").replace(")", " ").split()


FEW = 10  # a search that finds at most this many rows is specific enough to suggest


def _count(rows: Sequence[CompositionRow], query: str) -> int:
    return len(matching_rows([row.description for row in rows], query))


def _searches(food: Food, rows: Sequence[CompositionRow]) -> list[tuple[str, int]]:
    """Searches in the tables' own words that find something: the shortest start of the
    food's source description that finds at most a few rows ("bread pumpernickel"), and
    what it stands in for ("Danish rye bread"), with one word left out if need be."""
    found: dict[str, int] = {}
    words = _words(food.source.description)
    for end in range(1, len(words) + 1):
        query = " ".join(words[:end])
        count = _count(rows, query)
        if count and (count <= FEW or end == len(words)):
            found[query] = count
            break
    if food.proxy_for is not None:
        words = _words(food.proxy_for.en)
        attempts = [words, *(words[:i] + words[i + 1 :] for i in range(len(words)))]
        for attempt in attempts if len(words) > 1 else [words]:
            query = " ".join(attempt)
            count = _count(rows, query)
            if count:
                found.setdefault(query, count)
                break
    return list(found.items())


def found_via_curated(
    curated: Iterable[Food], rows: Sequence[CompositionRow], query: str
) -> list[FoundVia]:
    """``query`` named no row of the full tables (they are in English and Finnish) but names
    curated foods (Danish names): each one's source row, and English words to search for."""
    by_id = {(row.dataset, row.source_id): row for row in rows}
    return [
        FoundVia(
            food,
            by_id.get((food.source.dataset.value, food.source.id)),
            tuple(_searches(food, rows)),
        )
        for food in curated
        if name_matches(food, query)
    ]
