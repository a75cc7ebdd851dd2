"""Blood test values as the laboratory prints them: a number with its unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from mgcheck.rules.understand.numbers import (
    Expect,
    NeedsUnit,
    Number,
    Range,
    number_problem,
    read_number,
)
from mgcheck.rules.understand.phrases import is_dont_know
from mgcheck.rules.understand.problem import NotUnderstood, Unknown

if TYPE_CHECKING:
    from mgcheck.models.words import WordsFile


LabKind = Literal["magnesium", "ferritin", "transferrin_saturation"]
# The bounds the interview has always used (interview.py): they catch typing errors only.
LABS: dict[LabKind, Expect] = {
    "magnesium": Expect(0, 20, quantity="lab_magnesium", above_low=True, example=0.85),
    "ferritin": Expect(0, 10_000, quantity="lab_ferritin", above_low=True, example=40),
    "transferrin_saturation": Expect(0, 100, quantity="lab_tsat", example=18),
}


def read_lab(
    text: str, kind: LabKind, words: WordsFile
) -> Number | NeedsUnit | Unknown | NotUnderstood:
    """A blood test value with its unit: ``1,02 mmol/l``, ``18 µg/l``, ``18 ng/ml``, ``18 %``.

    Blood magnesium without a unit (``0,8``) is :class:`NeedsUnit` with mmol/L as the default,
    which Danish laboratories use; ferritin and transferrin saturation have one number scale, so
    a bare number takes the default unit. "Ved ikke" is :class:`Unknown`.
    """
    if text.strip() and is_dont_know(text.strip(), words):
        return Unknown()
    result = read_number(text, None, words, LABS[kind])
    if isinstance(result, Range):
        quantity = words.quantities.get(LABS[kind].quantity or "")
        return number_problem(text, "one_value", LABS[kind], quantity)
    return result
