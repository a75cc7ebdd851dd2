"""One night in the diary. A plain frozen dataclass: the diary commands never need Pydantic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mgcheck.i18n import _

SCORE_MIN, SCORE_MAX = 0, 10
MAX_MAGNESIUM_MG = 5000.0  # elemental mg in one night; more is a typing error
MAX_NOTE = 500


class InvalidEntry(ValueError):
    """What is wrong with an entry; ``field`` names it for the error line."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class Entry:
    night: dt.date  # the date of the evening the night began
    legs: int  # leg symptoms, 0 (none) to 10 (worst)
    sleep: int | None = None  # sleep, 0 (none) to 10 (best); None when not recorded
    magnesium_mg: float = 0.0  # elemental magnesium taken; 0 = none
    note: str = ""

    def __post_init__(self) -> None:
        check_score("legs", self.legs)
        if self.sleep is not None:
            check_score("sleep", self.sleep)
        if not 0 <= self.magnesium_mg <= MAX_MAGNESIUM_MG:
            raise InvalidEntry(
                "magnesium_mg", _("must be from 0 to {high}").format(high=f"{MAX_MAGNESIUM_MG:.0f}")
            )
        if len(self.note) > MAX_NOTE or "\x00" in self.note:
            raise InvalidEntry("note", _("at most {n} characters of text").format(n=MAX_NOTE))

    @property
    def on_magnesium(self) -> bool:
        return self.magnesium_mg > 0


def check_score(field: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidEntry(field, _("must be a whole number"))
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise InvalidEntry(
            field, _("must be from {low} to {high}").format(low=SCORE_MIN, high=SCORE_MAX)
        )
