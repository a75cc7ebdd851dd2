"""Units: the unit typed after a number ("mmol/l", "µg/l", "om dagen"), or the answer to
"which unit?"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mgcheck.rules.understand.phrases import is_dont_know, unit_text
from mgcheck.rules.understand.problem import NotUnderstood, Unknown

if TYPE_CHECKING:
    from mgcheck.models.words import Quantity, WordsFile


def strip_unit(text: str, quantity: Quantity | None) -> tuple[str, str | None]:
    if quantity is None:
        return text, None
    spelled = sorted(
        (
            (unit_text(word), unit)
            for unit, spellings in quantity.units.items()
            for word in spellings
        ),
        key=lambda pair: -len(pair[0]),
    )
    for word, unit in spelled:
        if text.endswith(word):
            rest = text[: -len(word)]
            if not rest or rest[-1].isspace() or rest[-1].isdigit():
                return rest.strip(), unit
    return text, None


def read_unit(text: str, quantity: str, words: WordsFile) -> str | Unknown | NotUnderstood:
    """The answer to "which unit?": a unit as typed, its number in the list, or Enter for the
    default; "ved ikke" is :class:`Unknown` (the prompt may then take the default and say so).
    """
    known = words.quantities[quantity]
    units = list(known.units)
    typed = unit_text(text.strip())
    if not typed:
        return known.default
    if is_dont_know(text.strip(), words):
        return Unknown()
    for unit, spellings in known.units.items():
        if typed in {unit_text(s) for s in (unit, *spellings)}:
            return unit
    if text.strip().isascii() and typed.isdigit() and 1 <= int(typed) <= len(units):
        return units[int(typed) - 1]
    return NotUnderstood(text, "unit", ("unit",), units=tuple(units))
