"""How levels look and how amounts are written, for every renderer alike."""

from __future__ import annotations

import re
from collections.abc import Iterable

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


# A number and the unit after it: "(30 g)", "250 mg", "2 dl", "18 %".
_NUMBER_UNIT = re.compile(r"(\d)[ \u00a0](?=(?:mg|g|kg|dl|ml|cl|l|µg|ug|kcal|mmol|%)(?![^\W\d_]))")


def wrapped_keeping_units(text: str, width: int) -> str:
    """``text`` wrapped to ``width`` at spaces, but never between a number and its unit
    ("(30 / g)", issue 19). Rich breaks lines at any Unicode space, a non-breaking one too, so
    the lines are made here (textwrap breaks only at ASCII whitespace) and each fits its
    column: Rich then leaves them as they are."""
    import textwrap

    glued = _NUMBER_UNIT.sub("\\1\u00a0", text)
    lines = textwrap.wrap(glued, max(1, width), break_on_hyphens=False) or [""]
    return "\n".join(lines).replace("\u00a0", " ")


def words_keeping_units(text: str) -> list[str]:
    """The words of ``text`` as :func:`wrapped_keeping_units` breaks it: "(30 g)" is one."""
    return _NUMBER_UNIT.sub("\\1\u00a0", text).split(" ")


def signed(value: float, decimals: int = 2) -> str:
    """A number with a true minus sign (−), never the hyphen a range's dash is confused with."""
    return format_number(value, decimals).replace("-", "\u2212")


def between(low: float, high: float, decimals: int = 2) -> str:
    """ "from −2.37 to −1.37" ("fra −2,37 til −1,37"): a range no minus and dash can blur."""
    return _("from {low} to {high}").format(low=signed(low, decimals), high=signed(high, decimals))
