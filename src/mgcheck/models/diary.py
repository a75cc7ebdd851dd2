"""One night in the diary. A plain record (:mod:`mgcheck.record`): the diary commands never
need Pydantic."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from mgcheck.clock import today
from mgcheck.i18n import _
from mgcheck.record import Record

SCORE_MIN, SCORE_MAX = 0, 10  # the nightly leg and sleep scores: the one definition
MAX_MAGNESIUM_MG = 5000.0  # elemental mg in one night; more is a typing error
MAX_NOTE = 500
MAX_SIDE_EFFECT = 100  # a few words: "løs mave", "kvalme"
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
    if new and night > today():
        raise InvalidNight("future")
    return night


class InvalidEntry(ValueError):
    """What is wrong with an entry; ``field`` names it for the error line."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class Entry(Record):
    """One night. ``magnesium_mg_high`` is set only when the label leaves doubt (a hydrate the
    label does not name, or "ved ikke" whether its mg is magnesium itself): the night then took
    from ``magnesium_mg`` to ``magnesium_mg_high``. ``followed`` is set only for a night a trial
    plan holds for: whether the person did what the plan said (the rule is rules/trial.py's).
    ``side_effect`` is what the person noticed that night (a few words, "" for none).
    ``written_on`` is the day the entry was written and ``written`` the diary's write number
    (one more than any before it), so a night written late, or after a result was seen, can be
    marked; both are None for nights from an export made before they were kept."""

    night: dt.date  # the date of the evening the night began
    legs: int  # leg symptoms, 0 (none) to 10 (worst)
    sleep: int | None = None  # sleep, 0 (none) to 10 (best); None when not recorded
    magnesium_mg: float = 0.0  # elemental magnesium taken (the lower end of a range); 0 = none
    note: str = ""
    magnesium_mg_high: float | None = None
    followed: bool | None = None
    side_effect: str = ""
    written_on: dt.date | None = None
    written: int | None = None

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
        high = self.magnesium_mg_high
        if high is not None and (
            isinstance(high, bool)
            or not isinstance(high, (int, float))
            or not (0 < magnesium < high <= MAX_MAGNESIUM_MG)
        ):
            raise InvalidEntry(
                "magnesium_mg_high",
                _("must be above magnesium_mg (above 0) and at most {high}").format(
                    high=f"{MAX_MAGNESIUM_MG:.0f}"
                ),
            )
        if self.followed is not None and not isinstance(self.followed, bool):
            raise InvalidEntry("followed", _("must be true, false or empty"))
        if not isinstance(self.note, str) or len(self.note) > MAX_NOTE:
            raise InvalidEntry("note", _("at most {n} characters of text").format(n=MAX_NOTE))
        if _NOT_TEXT.search(self.note):
            raise InvalidEntry(
                "note", _("holds a character that cannot be stored (a NUL or a broken character)")
            )
        side = self.side_effect
        if not isinstance(side, str) or len(side) > MAX_SIDE_EFFECT or _NOT_TEXT.search(side):
            raise InvalidEntry(
                "side_effect", _("at most {n} characters of text").format(n=MAX_SIDE_EFFECT)
            )
        if self.written_on is not None and (
            not isinstance(self.written_on, dt.date) or self.written_on < self.night
        ):
            raise InvalidEntry("written_on", _("must be a date on or after the night"))
        written = self.written
        if written is not None and (
            isinstance(written, bool) or not isinstance(written, int) or written < 1
        ):
            raise InvalidEntry("written", _("must be a whole number from 1"))

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
