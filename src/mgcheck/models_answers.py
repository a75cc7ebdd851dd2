"""The answers of `mgcheck assess`: one model for the questions and for answers files.

The field names are the documented file format (README, `mgcheck assess --example`); keep them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from mgcheck.models import NonEmpty, Strict
from mgcheck.vocab import (
    Condition,
    Distress,
    FerritinUnit,
    LookAlike,
    MagnesiumUnit,
    Medicine,
    Sex,
    Symptom,
)

Portions = Annotated[float, Field(ge=0, le=20)]
MIN_PREGNANCY_AGE = 10  # below this, a "pregnant" answer is a typing error


# 2 added medicines, symptoms, transferrin saturation and elemental "unknown"; 1 still reads.
ANSWERS_SCHEMA_VERSION: Literal[2] = 2


class Supplement(Strict):
    form: NonEmpty  # a name `mgcheck dose --list` knows, or "unknown"
    amount_mg: float = Field(gt=0, le=100_000)
    # True: the label's mg is magnesium itself; "unknown": the person cannot tell, so both
    # readings are shown and safety is judged on the higher one.
    elemental: bool | Literal["unknown"] = False
    per_day: int = Field(default=1, ge=1, le=24)


class Legs(Strict):
    urge_to_move: bool
    worse_at_rest: bool
    better_when_moving: bool
    worse_evening_night: bool
    look_alikes: tuple[LookAlike, ...] = ()
    days_per_week: int = Field(ge=0, le=7)
    distress: Distress
    sleep_disturbed: bool = False

    def criteria_met(self) -> int:
        """How many of the four core criteria (IRLSSG A1-A4) the answers meet."""
        core = (self.urge_to_move, self.worse_at_rest, self.better_when_moving)
        return sum((*core, self.worse_evening_night))


class Diet(Strict):
    nuts_seeds: Portions = 0
    whole_grains: Portions = 0
    legumes: Portions = 0
    leafy_greens: Portions = 0
    fish: Portions = 0
    dairy: Portions = 0
    fruit: Portions = 0


class MagnesiumLab(Strict):
    value: float = Field(gt=0, le=20)
    unit: MagnesiumUnit


class FerritinLab(Strict):
    value: float = Field(gt=0, le=10_000)
    unit: FerritinUnit


class TransferrinSaturationLab(Strict):
    value: float = Field(ge=0, le=100)
    unit: Literal["%"] = "%"


class Labs(Strict):
    magnesium: MagnesiumLab | None = None
    ferritin: FerritinLab | None = None
    transferrin_saturation: TransferrinSaturationLab | None = None


class Answers(Strict):
    schema_version: Literal[1, 2] = ANSWERS_SCHEMA_VERSION  # both read alike; 2 is a superset
    age: int = Field(ge=1, le=120)
    sex: Sex
    pregnant: bool = False
    breastfeeding: bool = False
    conditions: tuple[Condition, ...] = ()
    medicines: tuple[Medicine, ...] = ()
    magnesium: Supplement | None = None
    considering_magnesium: bool = False
    symptoms_now: tuple[Symptom, ...] = ()
    legs: Legs | None = None
    diet: Diet | None = None
    labs: Labs | None = None

    @model_validator(mode="after")
    def _possible(self) -> Answers:
        if self.sex is Sex.MALE and (self.pregnant or self.breastfeeding):
            raise ValueError("pregnant and breastfeeding apply only when sex is female")
        if self.age < MIN_PREGNANCY_AGE and (self.pregnant or self.breastfeeding):
            raise ValueError(
                f"pregnant and breastfeeding need an age of {MIN_PREGNANCY_AGE} or more"
            )
        return self
