"""How levels look and how amounts are written, for every renderer alike."""

from __future__ import annotations

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
