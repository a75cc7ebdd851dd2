"""The shapes of the food table and of every text in both languages.

Records (:mod:`mgcheck.record`): the snapshot reader builds them at run time without Pydantic.
Their annotations carry the constraints (``Field`` in ``Annotated``, evaluated only when a
validator is derived by ``store/checked.py``) and ``check`` the checks across fields.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field

from mgcheck.i18n import Language, _
from mgcheck.record import Record
from mgcheck.safetext import is_clean
from mgcheck.vocab import FoodGroup, State

# Field rather than StringConstraints: it avoids importing pydantic.types (~5 ms at start-up).
NonEmpty = Annotated[str, Field(pattern=r"\S")]


def one_line(text: str) -> str:
    if not is_clean(text):
        raise ValueError(_("must be one line of text without control characters"))
    return text


# Bounds that catch typing errors without excluding any real food: the highest values in
# USDA SR28 + Fineli 20 are 1,100 mg/100 g (low-sodium salt) and 902 kcal/100 g (beef tallow).
MAX_MG_PER_100G = 1500.0
MAX_KCAL_PER_100G = 950.0


class Text(Record):
    """A user-visible text that exists in both languages."""

    da: NonEmpty
    en: NonEmpty

    def get(self, lang: Language) -> str:
        return self.da if lang == "da" else self.en


class Dataset(str, Enum):
    USDA_SR28 = "USDA SR28"
    FINELI_20 = "Fineli release 20.0"


class Source(Record):
    dataset: Dataset
    id: NonEmpty
    description: NonEmpty


class Serving(Record):
    grams: Annotated[float, Field(gt=0, le=1000)]
    label: Text


class Food(Record):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    name: Text
    group: FoodGroup
    state: State
    mg_per_100g: Annotated[float, Field(ge=0, le=MAX_MG_PER_100G)]
    kcal_per_100g: Annotated[float, Field(ge=0, le=MAX_KCAL_PER_100G)]
    serving: Serving
    source: Source
    in_article: bool = False
    proxy_for: Text | None = None
    note: Text | None = None


class FoodTable(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    foods: Annotated[list[Food], Field(min_length=1)]

    def check(self) -> None:
        seen: set[str] = set()
        for index, food in enumerate(self.foods):
            if food.id in seen:
                raise ValueError(f"duplicate id {food.id!r} (food #{index + 1})")
            seen.add(food.id)
