"""The answers of `mgcheck assess`: one model for the questions and for answers files.

The field names are the documented file format (README, `mgcheck assess --example`); keep them.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from mgcheck.i18n import _
from mgcheck.models.strict import Name, Strict, StrictBool, StrictFloat, StrictInt
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

Portions = Annotated[StrictFloat, Field(ge=0, le=20)]
MIN_PREGNANCY_AGE = 10  # below this, a "pregnant" answer is a typing error


# 2 added medicines, symptoms, transferrin saturation and elemental "unknown"; 1 still reads.
ANSWERS_SCHEMA_VERSION: Literal[2] = 2


def _elemental(value: object) -> object:
    """true, false or "unknown", and nothing that merely looks like them ("yes", 1)."""
    if value is True or value is False or value == "unknown":
        return value
    raise ValueError(_("must be true, false or unknown"))


Elemental = Annotated[bool | Literal["unknown"], BeforeValidator(_elemental)]


def _schema_version(value: object) -> object:
    if isinstance(value, bool) or value not in (1, 2):
        raise ValueError(_("must be 1 or 2"))
    return value


SchemaVersion = Annotated[Literal[1, 2], BeforeValidator(_schema_version)]


class Supplement(Strict):
    form: Name  # a name `mgcheck dose --list` knows, or "unknown"
    amount_mg: StrictFloat = Field(gt=0, le=100_000)
    # True: the label's mg is magnesium itself; "unknown": the person cannot tell, so both
    # readings are shown and safety is judged on the higher one.
    elemental: Elemental = False
    per_day: StrictInt = Field(default=1, ge=1, le=24)


class Legs(Strict):
    urge_to_move: StrictBool
    worse_at_rest: StrictBool
    better_when_moving: StrictBool
    worse_evening_night: StrictBool
    look_alikes: tuple[LookAlike, ...] = ()
    days_per_week: StrictInt = Field(ge=0, le=7)
    distress: Distress
    sleep_disturbed: StrictBool = False

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


# The range printed on a result, as people copy it: "0,70-1,00", "0.70–1.00 mmol/L", "(0,7 - 1)".
_RANGE = re.compile(
    r"^\(?\s*(\d+(?:[.,]\d+)?)\s*(?:-|–|—|til|to)\s*(\d+(?:[.,]\d+)?)\s*"
    r"(?:mmol/l|mg/dl|meq/l)?\s*\)?\s*(?:mmol/l|mg/dl|meq/l)?$",
    re.IGNORECASE,
)
RANGE_MAX = 20.0  # as a value: no blood magnesium range reaches it in any unit
RANGE_PLAUSIBLE = (0.40, 1.70)  # mmol/L: every reference range in magnesium.md h and l


def read_range(value: object) -> tuple[float, float]:
    """A laboratory's range, as two numbers or as it is printed ("0,70-1,00"): the lowest and
    the highest, in the unit of the value beside it (issue 17, point 5)."""
    bounds: list[object]
    if isinstance(value, str):
        found = _RANGE.match(value.strip())
        if found is None:
            raise ValueError(
                _('must be the range printed on the result, e.g. [0.70, 1.00] or "0,70-1,00"')
            )
        bounds = [float(n.replace(",", ".")) for n in found.group(1, 2)]
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        bounds = list(value)
    else:
        raise ValueError(
            _('must be the range printed on the result, e.g. [0.70, 1.00] or "0,70-1,00"')
        )
    numbers: list[float] = []
    for bound in bounds:
        if isinstance(bound, bool) or not isinstance(bound, (int, float)):
            raise ValueError(
                _('must be the range printed on the result, e.g. [0.70, 1.00] or "0,70-1,00"')
            )
        if not 0 < bound <= RANGE_MAX:
            raise ValueError(
                _('must be the range printed on the result, e.g. [0.70, 1.00] or "0,70-1,00"')
            )
        numbers.append(float(bound))
    low, high = numbers
    if not low < high:
        raise ValueError(_("the lowest value of the range must come first"))
    return low, high


LabRangeValue = Annotated[tuple[float, float], BeforeValidator(read_range)]


class MagnesiumLab(Strict):
    value: StrictFloat = Field(gt=0, le=20)
    unit: MagnesiumUnit
    # The laboratory's own range, printed on the result, in the same unit as the value.
    range: LabRangeValue | None = None

    @model_validator(mode="after")
    def _range_in_the_unit(self) -> MagnesiumLab:
        """A range typed in another unit than the value (1,7-2,3 beside 0,80 mmol/L) would
        judge the value against the wrong numbers: refuse it. Every reference range mgcheck's
        sources name, children's included, lies within 0.40-1.70 mmol/L (magnesium.md h, l)."""
        if self.range is not None:
            per_mmol = {
                MagnesiumUnit.MMOL_L: 1.0,
                MagnesiumUnit.MG_DL: 2.4305,
                MagnesiumUnit.MEQ_L: 2.0,
            }
            low, high = (bound / per_mmol[self.unit] for bound in self.range)
            if not (RANGE_PLAUSIBLE[0] <= low and high <= RANGE_PLAUSIBLE[1]):
                raise ValueError(
                    _(
                        "the range does not look like one in {unit}: give it in the same unit as "
                        "the value"
                    ).format(unit=self.unit.value)
                )
        return self


class FerritinLab(Strict):
    value: StrictFloat = Field(gt=0, le=10_000)
    unit: FerritinUnit


class TransferrinSaturationLab(Strict):
    value: StrictFloat = Field(ge=0, le=100)
    unit: Literal["%"] = "%"


class Labs(Strict):
    magnesium: MagnesiumLab | None = None
    ferritin: FerritinLab | None = None
    transferrin_saturation: TransferrinSaturationLab | None = None


class Answers(Strict):
    schema_version: SchemaVersion = ANSWERS_SCHEMA_VERSION  # both read alike; 2 is a superset
    age: StrictInt = Field(ge=1, le=120)
    sex: Sex
    pregnant: StrictBool = False
    breastfeeding: StrictBool = False
    conditions: tuple[Condition, ...] = ()
    medicines: tuple[Medicine, ...] = ()
    magnesium: Supplement | None = None
    considering_magnesium: StrictBool = False
    symptoms_now: tuple[Symptom, ...] = ()
    legs: Legs | None = None
    diet: Diet | None = None
    labs: Labs | None = None

    @model_validator(mode="after")
    def _possible(self) -> Answers:
        if self.sex is Sex.MALE and (self.pregnant or self.breastfeeding):
            raise ValueError(_("pregnant and breastfeeding apply only when sex is female"))
        if self.age < MIN_PREGNANCY_AGE and (self.pregnant or self.breastfeeding):
            raise ValueError(
                _("pregnant and breastfeeding need an age of {age} or more").format(
                    age=MIN_PREGNANCY_AGE
                )
            )
        return self


def bounds(model: type[Strict], field: str) -> tuple[float, float]:
    """The lowest and highest value ``model.field`` accepts, as its Field declares them: the
    interview asks within the same bounds the answers file is checked against."""
    low = high = None
    for rule in model.model_fields[field].metadata:
        low = getattr(rule, "ge", None) if low is None else low
        high = getattr(rule, "le", None) if high is None else high
    if low is None or high is None:
        raise LookupError(f"{model.__name__}.{field} declares no ge/le bounds")
    return low, high


def whole_bounds(model: type[Strict], field: str) -> tuple[int, int]:
    low, high = bounds(model, field)
    return int(low), int(high)
