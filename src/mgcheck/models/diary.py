"""One night in the diary. A plain frozen dataclass: the diary commands never need Pydantic."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from mgcheck.i18n import _

SCORE_MIN, SCORE_MAX = 0, 10
MAX_MAGNESIUM_MG = 5000.0  # elemental mg in one night; more is a typing error
MAX_NOTE = 500
EARLIEST = dt.date(1900, 1, 1)  # an earlier night is a typing error (and year 1 breaks dates)
# Exactly YYYY-MM-DD in ASCII digits: date.fromisoformat alone also takes 2026-W01-1, 20260101.
_NIGHT = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Characters SQLite cannot store as UTF-8 text (lone surrogates, e.g. from undecodable
# arguments) and NUL, which ends a C string.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


class InvalidNight(ValueError):
    """Why a text is not a night mgcheck accepts: its form, too early, or in the future."""

    def __init__(self, kind: Literal["form", "early", "future"]) -> None:
        super().__init__(kind)
        self.kind = kind


def parse_night(text: str, *, new: bool = False, earliest: dt.date | None = EARLIEST) -> dt.date:
    """A night written exactly as YYYY-MM-DD; a ``new`` one (to be saved) is not in the future."""
    if not _NIGHT.fullmatch(text):
        raise InvalidNight("form")
    try:
        night = dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidNight("form") from None
    if earliest is not None and night < earliest:
        raise InvalidNight("early")
    if new and night > dt.date.today():
        raise InvalidNight("future")
    return night


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
        if not isinstance(self.night, dt.date) or self.night < EARLIEST:
            raise InvalidEntry("night", _("must be a date from 1900-01-01 on"))
        check_score("legs", self.legs)
        if self.sleep is not None:
            check_score("sleep", self.sleep)
        magnesium = self.magnesium_mg
        if (
            isinstance(magnesium, bool)
            or not isinstance(magnesium, (int, float))
            or not (0 <= magnesium <= MAX_MAGNESIUM_MG)
        ):
            raise InvalidEntry(
                "magnesium_mg", _("must be from 0 to {high}").format(high=f"{MAX_MAGNESIUM_MG:.0f}")
            )
        if not isinstance(self.note, str) or len(self.note) > MAX_NOTE:
            raise InvalidEntry("note", _("at most {n} characters of text").format(n=MAX_NOTE))
        if _NOT_TEXT.search(self.note):
            raise InvalidEntry(
                "note", _("holds a character that cannot be stored (a NUL or a broken character)")
            )

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


def entry_dict(entry: Entry) -> dict[str, Any]:
    """An entry as the JSON export and `diary list --json` write it."""
    return {
        "night": entry.night.isoformat(),
        "legs": entry.legs,
        "sleep": entry.sleep,
        "magnesium_mg": entry.magnesium_mg,
        "note": entry.note,
    }
