"""Blood test values as the laboratory prints them: a number with its unit."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from mgcheck.folding import fold
from mgcheck.rules.understand.numbers import (
    Expect,
    NeedsUnit,
    Number,
    Range,
    number_problem,
    read_number,
)
from mgcheck.rules.understand.phrases import is_dont_know, unit_text
from mgcheck.rules.understand.problem import NotUnderstood, Unknown
from mgcheck.rules.understand.units import strip_unit

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
    """A blood test value as the result prints it: ``1,02 mmol/l``, ``18 µg/l``, ``18 %``, and
    the whole line too: ``P-Magnesium 1,05 mmol/l (0,70-1,00)``.

    The test's name before the value is understood (data/words.yaml lab_names; another test's
    name is asked again, naming both), a laboratory's flag (``H``, ``L``, ``*``) is dropped, and
    the reference range printed after the value is kept (``Number.reference``) when it can be
    read: two values, low before high, in the value's unit. Blood magnesium without a unit
    (``0,8``) is :class:`NeedsUnit` with mmol/L as the default, which Danish laboratories use;
    ferritin and transferrin saturation have one number scale, so a bare number takes the
    default unit. "Ved ikke" is :class:`Unknown`.
    """
    if text.strip() and is_dont_know(text.strip(), words):
        return Unknown()
    expect = LABS[kind]
    quantity = words.quantities.get(expect.quantity or "")
    named, rest = _named(text.strip(), words)
    if named is not None and named[0] != kind:
        names = words.lab_names[kind]
        return NotUnderstood(
            text, "other_lab", ("other_lab",), (named[1],), example_words=(names.da[0], names.en[0])
        )
    value_text, reference_text = _reference(re.sub(r"\s*/\s*", "/", rest))
    value_text = _FLAG.sub(" ", value_text).strip()
    result = read_number(value_text or text, None, words, expect)
    if isinstance(result, Range):
        return number_problem(text, "one_value", expect, quantity)
    if isinstance(result, Number | NeedsUnit) and reference_text:
        unit = result.unit if isinstance(result, Number) else None
        reference = _range(_FLAG.sub(" ", reference_text), unit, expect, words)
        if reference is not None:
            return result.replace(reference=reference)
    return result


# A laboratory's mark beside a value outside its range: H(igh), L(ow), *, arrows.
_FLAG = re.compile(r"(?<!\S)(?:H|L|\*+|↑|↓)(?!\S)")
# The reference range in brackets after the value, or after "ref."/"reference"/"normal".
_BRACKETED = re.compile(r"^(.*?)[\(\[]\s*([^()\[\]]*)[\)\]]\s*$")
_AFTER_WORD = re.compile(r"^(.*?)\s(?:ref(?:erence)?\w*|normal\w*|interval\w*)\.?:?\s*(.+)$", re.I)
_REFERENCE_WORD = re.compile(r"^(?:ref(?:erence)?\w*|normal\w*|interval\w*)\.?:?\s*", re.I)


def _named(text: str, words: WordsFile) -> tuple[tuple[str, str] | None, str]:
    """The test named at the start (its kind, as typed) and the text after the name."""
    folded = fold(text)
    best: tuple[str, str, int] | None = None
    for kind, names in words.lab_names.items():
        for name in names.every():
            key = fold(name)
            ends = len(key)
            whole = folded.startswith(key) and (ends == len(folded) or not folded[ends].isalnum())
            if whole and (best is None or ends > best[2]):
                best = (kind, text[:ends], ends)
    if best is None:
        return None, text
    return (best[0], best[1]), text[best[2] :].lstrip(" :=\t")


def _reference(text: str) -> tuple[str, str]:
    """The value with its unit, and the reference range printed after it ("" if none)."""
    for pattern in (_BRACKETED, _AFTER_WORD):
        found = pattern.fullmatch(text)
        if found is not None and any(ch.isdigit() for ch in found.group(1)):
            return found.group(1).strip(), _REFERENCE_WORD.sub("", found.group(2).strip())
    return text, ""


def _range(
    text: str, unit: str | None, expect: Expect, words: WordsFile
) -> tuple[float, float] | None:
    """A reference range as printed ("0,70-1,00", "0,70 - 1,00 mmol/l"), in the value's unit."""
    bounds = Expect(expect.low, expect.high, expect.example, quantity=expect.quantity)
    read = read_number(text.strip(), None, words, bounds)
    if not isinstance(read, Range) or not read.low < read.high:
        return None
    quantity = words.quantities.get(expect.quantity or "")
    _number, typed = strip_unit(unit_text(text.strip()), quantity)
    if typed is not None and unit is not None and typed != unit:
        return None  # a range in another unit than the value: not kept
    return (read.low, read.high)
