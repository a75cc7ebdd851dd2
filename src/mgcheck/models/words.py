"""Pydantic model for data/words.yaml: the words people type for answers and labels (issue 12).

Validated when loaded, so a word list cannot silently lose an answer value or let one word name
two values of the same menu: either would make the interview pick the wrong answer.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from mgcheck.folding import phrase_key
from mgcheck.models.base import NonEmpty, Text
from mgcheck.record import Record, field
from mgcheck.vocab import (
    LEGACY_VALUES,
    Condition,
    DietGroup,
    Distress,
    LookAlike,
    Medicine,
    Sex,
    Symptom,
)

Number = Annotated[float, Field(ge=0, le=1000)]

# The menus and the answer values each offers; legacy values are read from files, never offered.
MENUS: dict[str, type[Enum]] = {
    "sex": Sex,
    "distress": Distress,
    "conditions": Condition,
    "medicines": Medicine,
    "symptoms": Symptom,
    "look_alikes": LookAlike,
    "diet": DietGroup,
}


def offered(menu: str) -> list[str]:
    """The answer values a menu offers, in the order of the questions."""
    return [str(e.value) for e in MENUS[menu] if e.value not in LEGACY_VALUES]


class Phrases(Record):
    """Words or phrases in each language; both are accepted whatever language is chosen."""

    da: list[NonEmpty] = field(default_factory=list)
    en: list[NonEmpty] = field(default_factory=list)

    def every(self) -> list[str]:
        return [*self.da, *self.en]


class AskBack(Phrases, kw_only=True):
    """Words that point at these options without settling which (or whether): ask back."""

    candidates: Annotated[list[NonEmpty], Field(min_length=1)]


class Menu(Record):
    words: dict[NonEmpty, Phrases]
    ask_back: list[AskBack] = field(default_factory=list)
    not_listed: Phrases = field(default_factory=Phrases)


def _keys(phrases: list[str]) -> set[tuple[str, ...]]:
    return {phrase_key(p) for p in phrases} - {()}


def _check_menu(name: str, menu: Menu) -> None:
    values = offered(name)
    if set(menu.words) != set(values):
        missing = sorted(set(values) - set(menu.words))
        extra = sorted(set(menu.words) - set(values))
        raise ValueError(
            f"{name}: missing {missing or 'nothing'}, not offered {extra or 'nothing'}"
        )
    owner: dict[tuple[str, ...], str] = {}
    for value in values:
        phrases = menu.words[value]
        if not phrases.da or not phrases.en:
            raise ValueError(f"{name}.{value}: needs at least one Danish and one English word")
        for key in _keys(phrases.every()):
            if owner.setdefault(key, value) != value:
                raise ValueError(
                    f"{name}: {' '.join(key)!r} names both {owner[key]} and {value}; "
                    "list it under ask_back if that is meant"
                )
    for entry in menu.ask_back:
        unknown = sorted(set(entry.candidates) - set(values))
        if unknown:
            raise ValueError(f"{name}.ask_back: {unknown} are not answers of this menu")
        for key in _keys(entry.every()):
            if key in owner:
                raise ValueError(f"{name}: {' '.join(key)!r} is both a word and an ask-back")
            owner[key] = "ask_back"
    for key in _keys(menu.not_listed.every()):
        if key in owner:
            raise ValueError(f"{name}: {' '.join(key)!r} is both listed and not_listed")


class Menus(Record):
    sex: Menu
    distress: Menu
    conditions: Menu
    medicines: Menu
    symptoms: Menu
    look_alikes: Menu
    diet: Menu

    def check(self) -> None:
        for name in MENUS:
            _check_menu(name, getattr(self, name))


class Answers(Record):
    """Whole answers: yes, no, don't know, and "none of them" for lists."""

    yes: Phrases
    no: Phrases
    dont_know: Phrases
    none: Phrases

    def check(self) -> None:
        yes, no, unknown = (_keys(p.every()) for p in (self.yes, self.no, self.dont_know))
        clash = (yes & no) | (yes & unknown) | (no & unknown)
        if clash:
            raise ValueError(f"answers: {sorted(clash)} mean two different answers")


class Grammar(Record):
    connectors: Phrases
    fillers: Phrases
    negations: Phrases
    exclusions: Phrases  # "undtagen", "hverken", "stoppet med": what follows is not recorded
    dose_units: list[NonEmpty]


class NumberWords(Record):
    approx: Phrases
    words: dict[str, dict[NonEmpty, Number]]
    range: Phrases
    range_open: Phrases
    range_and: Phrases
    out_of: Phrases  # a score as written: "7 ud af 10" ("7/10" needs no words)

    def check(self) -> None:
        if set(self.words) != {"da", "en"}:
            raise ValueError("numbers.words: give da and en")


class Quantity(Record, kw_only=True):
    """The units a number may carry; the first is the default when none is typed."""

    ask_unit: bool = False  # a number without a unit is asked about rather than defaulted
    every: Phrases | None = None  # "hver aften": the whole scale (7 days of 7)
    units: Annotated[
        dict[NonEmpty, Annotated[list[NonEmpty], Field(min_length=1)]], Field(min_length=1)
    ]

    @property
    def default(self) -> str:
        return next(iter(self.units))


class LabelWords(Record):
    elemental: list[NonEmpty]
    compound: list[NonEmpty]
    as_form: list[NonEmpty]
    of_which: list[NonEmpty]
    unsure: list[NonEmpty]


# The re-asks rules/understand/ may name; each must exist in both languages.
MESSAGES = frozenset(
    {
        *("empty", "menu_one", "menu_some", "unknown", "not_listed", "ask_back", "guess"),
        *("negation", "none_and_some", "dont_know_menu", "number", "whole"),
        *("thousands", "digits", "unit", "needs_unit", "one_value", "range_middle", "range_ask"),
        *("yes_no", "dont_know_number", "label", "range_higher", "exclusion", "other_lab"),
    }
)


def _check_food_groups(groups: dict[str, Phrases]) -> None:
    from mgcheck.vocab import FoodGroup

    values = [g.value for g in FoodGroup]
    if set(groups) != set(values):
        raise ValueError(f"food_groups: give exactly {values}")
    owner: dict[tuple[str, ...], str] = {}
    for value in values:
        phrases = groups[value]
        if not phrases.da or not phrases.en:
            raise ValueError(f"food_groups.{value}: needs at least one Danish and one English word")
        for key in _keys([value, *phrases.every()]):
            if owner.setdefault(key, value) != value:
                raise ValueError(f"food_groups: {' '.join(key)!r} names {owner[key]} and {value}")


class WordsFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    menus: Menus
    food_groups: dict[NonEmpty, Phrases]
    answers: Answers
    grammar: Grammar
    numbers: NumberWords
    days: dict[NonEmpty, Phrases]  # days from today ("-1") -> the words for that day
    lab_names: dict[NonEmpty, Phrases]  # a blood test -> the names laboratories print
    quantities: dict[NonEmpty, Quantity]
    label: LabelWords
    messages: dict[NonEmpty, Text]

    def check(self) -> None:
        _check_food_groups(self.food_groups)
        labs = {"magnesium", "ferritin", "transferrin_saturation"}
        if set(self.lab_names) != labs:
            raise ValueError(f"lab_names: give exactly {sorted(labs)}")
        for offset, phrases in self.days.items():
            if not offset.lstrip("-").isdigit() or not phrases.da or not phrases.en:
                raise ValueError(f"days: {offset!r} must be a whole number with da and en words")
        missing = sorted(MESSAGES - set(self.messages))
        if missing:
            raise ValueError(f"messages: missing {', '.join(missing)}")
