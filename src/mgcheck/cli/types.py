"""The values options take, read as the questions read them: one type per kind of value.

The interview understands "to", "1,5", "7 ud af 10" and "i går"; the options take the same words
(issue 19, point 5), read by the same rules (:mod:`mgcheck.rules.understand`), and one number
type replaces the decimal commas once parsed by hand in nine places (issue 20):

- :class:`Number` — a number within bounds, whole or not: ``--per-day to``, ``--target 1,5``,
  ``--magnesium 250 mg``, ``--matters 1,5``, ``--seed 12345``;
- :class:`Score` — a 0-10 score as people write one: ``--legs 7``, ``--legs 7/10``,
  ``--sleep "7 ud af 10"``;
- :class:`Night` — a night by the date of its evening: ``--date 2026-11-20``, ``--date i går``,
  ``--date yesterday``.

Each is a Typer ``parser``: a value it cannot use raises :class:`OptionRefused`, which
``cli/messages.py`` words as one line naming the option, the range and what was typed. The
options are declared with :func:`number`, :func:`score` and :func:`night` so that a bound is
written once, for the check and for the help.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import typer

from mgcheck.i18n import _, current

Kind = Literal["whole", "number", "night"]


class OptionRefused(ValueError):
    """A value an option cannot use: what was typed, what kind of value the option takes and
    its bounds (``night``: why the date cannot be used)."""

    def __init__(
        self,
        text: str,
        kind: Kind,
        low: float = 0,
        high: float = 0,
        night: Literal["form", "early", "future"] = "form",
    ) -> None:
        super().__init__(text)
        self.text = text
        self.kind = kind
        self.low = low
        self.high = high
        self.night = night


class Number:
    """A number from ``low`` to ``high`` as the questions read one: a decimal comma or point,
    a number word in the run's language ("to", "two"), a unit the quantity allows ("250 mg",
    "2 om dagen"); ``whole`` refuses "6,5"."""

    def __init__(
        self, low: float, high: float, *, whole: bool = False, quantity: str | None = None
    ) -> None:
        self.low = low
        self.high = high
        self.whole = whole
        self.quantity = quantity

    def __call__(self, value: Any) -> float | int:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value  # the option's default, as declared
        text = str(value)
        read = self.read(text)
        if read is None or not self.low <= read <= self.high:
            raise OptionRefused(text, "whole" if self.whole else "number", self.low, self.high)
        return int(read) if self.whole else read

    def read(self, text: str) -> float | None:
        from mgcheck.rules.understand import Expect, Number, read_number
        from mgcheck.store import snapshot

        if text.isascii() and text.isdigit():
            return int(text)  # a plain whole number of any size (a seed, a plan's number)
        expect = Expect(self.low, self.high, self.low, whole=self.whole, quantity=self.quantity)
        read = read_number(text, current(), snapshot.words(), expect)
        return read.value if isinstance(read, Number) else None


class Score(Number):
    """A 0-10 score: ``7``, ``7/10``, ``7 ud af 10``, ``7 out of 10``."""

    def __init__(self, low: int, high: int) -> None:
        super().__init__(low, high, whole=True)

    def read(self, text: str) -> float | None:
        from mgcheck.rules.understand import Expect, Number, read_number
        from mgcheck.store import snapshot

        expect = Expect(self.low, self.high, self.low, whole=True, out_of=int(self.high))
        read = read_number(text, current(), snapshot.words(), expect)
        return read.value if isinstance(read, Number) else None


# Danish names a day in two words; typed after a night's option without quotes (``--date i
# går``) the shell splits them, so they are joined again before the command line is parsed.
NIGHT_OPTIONS = frozenset({"--date", "--since", "--until", "--split", "--start"})


def join_day_words(args: list[str]) -> list[str]:
    """``--date i går`` as ``--date "i går"``: a day in words after a night's option (or after
    ``diary delete``) is one value, however the shell split it."""
    from mgcheck.rules.understand import read_day
    from mgcheck.store import snapshot

    joined: list[str] = []
    i = 0
    while i < len(args):
        joined.append(args[i])
        takes_night = args[i] in NIGHT_OPTIONS or args[i] == "delete"
        if takes_night and i + 2 < len(args) and args[i + 1].casefold() == "i":
            words = snapshot.words()
            pair = f"{args[i + 1]} {args[i + 2]}"
            if read_day(pair, words) is not None and read_day(args[i + 1], words) is None:
                joined.append(pair)
                i += 3
                continue
        i += 1
    return joined


class Night:
    """A night, named by the date of its evening: YYYY-MM-DD, or a day in words ("i går",
    "yesterday", "i dag", "i forgårs"). ``new``: a night to be saved, so not in the future."""

    def __init__(self, *, new: bool = False) -> None:
        self.new = new

    def __call__(self, value: Any) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from mgcheck.clock import today
        from mgcheck.models.diary import EARLIEST, InvalidNight, parse_night
        from mgcheck.rules.understand import read_day
        from mgcheck.store import snapshot

        text = str(value)
        offset = read_day(text, snapshot.words())
        if offset is not None:
            night = today() + dt.timedelta(days=offset)
            if self.new and night > today():
                raise OptionRefused(text, "night", night="future")
            return night
        try:
            return parse_night(text, new=self.new, earliest=EARLIEST if self.new else None)
        except InvalidNight as exc:
            raise OptionRefused(text, "night", night=exc.kind) from None


def number(
    help: str,
    low: float,
    high: float | None = None,
    *,
    whole: bool = False,
    quantity: str | None = None,
    metavar: str | None = None,
    name: str | None = None,
    show_default: bool = True,
    show_range: bool = True,
) -> Any:
    """A numeric option: the bounds written once, for the check and for the help's range
    (``show_range=False`` where the help's own words give it, or it is no help: a seed)."""
    top = float("inf") if high is None else high
    return typer.Option(
        *([name] if name else []),
        parser=Number(low, top, whole=whole, quantity=quantity),
        min=low if show_range else None,
        max=high if show_range else None,
        metavar=metavar,
        help=help,
        show_default=show_default,
    )


def score(help: str, low: int, high: int, *, name: str | None = None) -> Any:
    """A 0-10 score option (``--legs 7/10``)."""
    return typer.Option(
        *([name] if name else []),
        parser=Score(low, high),
        metavar=f"{low}-{high}",
        help=help,
        show_default=False,
    )


def night(help: str, *, new: bool = False, name: str | None = None) -> Any:
    """A night option (``--date i går``), shown as DATE in the help's language."""
    return typer.Option(
        *([name] if name else []),
        parser=Night(new=new),
        metavar=_("DATE"),
        help=help,
        show_default=False,
    )
