"""How levels look and how amounts are written, for every renderer alike."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mgcheck.i18n import _, format_number
from mgcheck.vocab import Level

LEVEL_STYLE = {
    Level.URGENT: "bold red",
    Level.DOCTOR: "yellow",
    Level.CAUTION: "cyan",
    Level.INFO: "blue",
}


def mg(value: float | None) -> str:
    """``250 mg``; a dash where there is no value."""
    return "–" if value is None else _("{mg} mg").format(mg=format_number(value))


def span(low: float, high: float) -> str:
    """``250`` or ``250–350``: one number when both ends round alike."""
    a, b = format_number(low), format_number(high)
    return a if a == b else f"{a}–{b}"


def mg_span(low: float, high: float) -> str:
    """``250 mg`` or ``250–350 mg``."""
    return _("{mg} mg").format(mg=span(low, high))


def citation(numbers: Iterable[int]) -> str:
    """``[3]``, ``[2,9]``, ``[1–4]``, ``[5,16–18]``: source numbers as the text cites them, in
    order, runs of three or more as a range, and no space inside, so it never breaks across
    lines. Empty for no numbers."""
    marks = sorted(set(numbers))
    if not marks:
        return ""
    parts: list[str] = []
    start = previous = marks[0]
    for number in [*marks[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        if previous - start >= 2:
            parts.append(f"{start}–{previous}")
        else:
            parts += [str(n) for n in range(start, previous + 1)]
        if number is not None:
            start = previous = number
    return f"[{','.join(parts)}]"


# The spaces a line never breaks at: between a number and its unit ("(30 g)", "250 mg", "2 dl",
# "18 %", issue 19) and inside a phone number ("70 11 31 31", review 3).
_KEEP = re.compile(r"(?<=\d) (?=\d|(?:mg|g|kg|dl|ml|cl|l|µg|ug|kcal|mmol|%)(?![^\W\d_]))")


def wrapped_keeping_units(text: str, width: int) -> str:
    """``text`` with a line break at each space where the next word would not fit ``width``
    cells, never at a space :data:`_KEEP` keeps ("(30 / g)", "70 11 31 / 31"). Rich breaks
    lines at any Unicode space, a non-breaking one too, so the lines are made here and each
    fits: Rich then leaves them as they are. Breaks already in the text stay."""
    from rich.cells import cell_len

    kept = {match.start() for match in _KEEP.finditer(text)}
    chars = list(text)
    column = 0
    word_start = 0
    last_space: int | None = None  # the breakable space before the current word
    for at in range(len(text) + 1):
        end = at == len(text) or text[at] == "\n" or (text[at] == " " and at not in kept)
        if not end:
            continue
        length = cell_len(text[word_start:at])
        if column and column + 1 + length > width and last_space is not None:
            chars[last_space] = "\n"
            column = length
        else:
            column = column + 1 + length if column else length
        if at < len(text) and text[at] == "\n":
            column, last_space = 0, None
        else:
            last_space = at
        word_start = at + 1
    return "".join(chars)


def words_keeping_units(text: str) -> list[str]:
    """The words of ``text`` as :func:`wrapped_keeping_units` breaks it: "(30 g)" is one."""
    return _KEEP.sub("\u00a0", text).split(" ")


def signed(value: float, decimals: int = 2) -> str:
    """A number with a true minus sign (−), never the hyphen a range's dash is confused with."""
    return format_number(value, decimals).replace("-", "\u2212")


def between(low: float, high: float, decimals: int = 2) -> str:
    """ "from −2.37 to −1.37" ("fra −2,37 til −1,37"): a range no minus and dash can blur."""
    return _("from {low} to {high}").format(low=signed(low, decimals), high=signed(high, decimals))


class KeptTogether:
    """A paragraph (a Rich ``Text``) wrapped at its spaces as Rich would, but never inside a
    phone number or between a number and its unit (review 3: "70 11 31" / "31" at 80 columns
    could be misdialled). Rich breaks lines at any space, a no-break one too, so the lines are
    made here, at the width Rich offers, and Rich then leaves them as they are."""

    def __init__(self, text: Any) -> None:
        self.text = text

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.lines(options.max_width)

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.text)

    def lines(self, width: int) -> Any:
        """The text, its styles kept, broken as :func:`wrapped_keeping_units` breaks it."""
        out = self.text.copy()
        out.plain = wrapped_keeping_units(self.text.plain, width)  # same length: spans stay
        return out
