"""Pydantic models for the data files, validated by scripts/snapshot.py and the tests."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from mgcheck.i18n import Language, _
from mgcheck.safetext import is_clean
from mgcheck.vocab import FoodGroup, State

# Field rather than StringConstraints: it avoids importing pydantic.types (~5 ms at start-up).
NonEmpty = Annotated[str, Field(pattern=r"\S")]


def one_line(text: str) -> str:
    if not is_clean(text):
        raise ValueError(_("must be one line of text without control characters"))
    return text


# A name a person typed (a supplement form): it lands in reports, so one line, no controls.
Name = Annotated[str, Field(pattern=r"\S", max_length=100), AfterValidator(one_line)]
# Answers files are read strictly: `age: true` is not 1, `pregnant: "yes"` is not True, and
# `amount_mg: .nan` is not an amount (Pydantic's lax mode would accept all three).
StrictInt = Annotated[int, Field(strict=True)]
StrictBool = Annotated[bool, Field(strict=True)]
StrictFloat = Annotated[float, Field(strict=True, allow_inf_nan=False)]

# Bounds that catch typing errors without excluding any real food: the highest values in
# USDA SR28 + Fineli 20 are 1,100 mg/100 g (low-sodium salt) and 902 kcal/100 g (beef tallow).
MAX_MG_PER_100G = 1500.0
MAX_KCAL_PER_100G = 950.0


class Strict(BaseModel):
    # defer_build: a validator is compiled only for a model that validates something (a user's
    # file); mgcheck's own data comes from the snapshot through model_construct.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A user-visible text that exists in both languages."""

    da: NonEmpty
    en: NonEmpty

    def get(self, lang: Language) -> str:
        return self.da if lang == "da" else self.en


class Dataset(str, Enum):
    USDA_SR28 = "USDA SR28"
    FINELI_20 = "Fineli release 20.0"


class Source(Strict):
    dataset: Dataset
    id: NonEmpty
    description: NonEmpty


class Serving(Strict):
    grams: float = Field(gt=0, le=1000)
    label: Text


class Food(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    name: Text
    group: FoodGroup
    state: State
    mg_per_100g: float = Field(ge=0, le=MAX_MG_PER_100G)
    kcal_per_100g: float = Field(ge=0, le=MAX_KCAL_PER_100G)
    serving: Serving
    source: Source
    in_article: bool = False
    proxy_for: Text | None = None
    note: Text | None = None


class FoodTable(Strict):
    schema_version: int = Field(ge=1, le=1)
    foods: list[Food] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> FoodTable:
        seen: set[str] = set()
        for index, food in enumerate(self.foods):
            if food.id in seen:
                raise ValueError(f"duplicate id {food.id!r} (food #{index + 1})")
            seen.add(food.id)
        return self
