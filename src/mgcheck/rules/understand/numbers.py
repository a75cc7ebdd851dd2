"""Numbers as people type them: digits with a decimal comma or point, fractions, number
words, ranges, scores "out of 10", each with the unit its question allows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mgcheck.folding import foreign_digits, phrase_key
from mgcheck.i18n import Language
from mgcheck.record import Record
from mgcheck.rules.dose import InvalidAmount, parse_amount
from mgcheck.rules.understand.phrases import alternation, is_dont_know, unit_text
from mgcheck.rules.understand.problem import NotUnderstood, Reason
from mgcheck.rules.understand.units import strip_unit

if TYPE_CHECKING:
    from mgcheck.models.words import Quantity, WordsFile


class Expect(Record):
    """What a question asks for: bounds, whole or not, and the quantity (words.yaml) for units.

    ``example`` is what a re-ask suggests ("fx 1"): a value people typically give, chosen by
    the question (1 or 2 tablets, an age of 67), never made up from the bounds: the middle of
    1 to 24 tablets is 12. ``out_of``: a score on that scale, which may be typed as people
    write a score ("7 ud af 10", "7/10"); any other scale is refused as before.
    """

    low: float
    high: float
    example: float
    whole: bool = False
    quantity: str | None = None
    above_low: bool = False  # the low bound itself is not allowed (a lab value of 0)
    out_of: int | None = None
    # Words that may follow the number (and its unit) and name what is counted: the foods of
    # a diet question ("2 skiver rugbrød", "1 æble"). They change nothing.
    nouns: tuple[str, ...] = ()

    def allows(self, value: float) -> bool:
        above = value > self.low if self.above_low else value >= self.low
        return above and value <= self.high


class Number(Record):
    value: float
    unit: str | None = None  # the quantity's unit key (mmol/L, ug/L, %), typed or the default
    # A blood test's reference range as the laboratory printed it after the value
    # ("1,05 mmol/l (0,70-1,00)"), in the value's unit; None when none was typed.
    reference: tuple[float, float] | None = None


class Range(Record):
    """ "2-3", "2 til 3": the prompt may ask which, or take the middle and say so."""

    low: float
    high: float
    unit: str | None = None

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


class NeedsUnit(Record):
    """A value whose unit matters and was not typed: ask, offering ``default`` on Enter."""

    value: float
    default: str
    units: tuple[str, ...]
    reference: tuple[float, float] | None = None  # as on :class:`Number`


_FRACTIONS = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "⅓": " 1/3", "⅔": " 2/3"}
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "⁄": "/"})
_DECIMAL = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_ZERO = re.compile(r"0+(?:[.,]0+)?")


# A number and then something that is no number: a unit mgcheck does not know ("67 kg").
_WITH_UNIT = re.compile(r"[0-9][0-9.,/ ]*[^\d\s][^\d]*")
# parse_amount's reasons for refusing an amount, as this module names them.
AMOUNT_REASONS: dict[str, Reason] = {
    "format": "format",
    "ambiguous": "thousands",
    "range": "range",
}


class _Refused(ValueError):
    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason = reason


def _decimal(number: str) -> float:
    """'1,5', '1.5', '1.250,5'; '1.000' is refused as parse_amount refuses it (1000, or 1?)."""
    if _ZERO.fullmatch(number):
        return 0.0
    try:
        return parse_amount(number)
    except InvalidAmount as exc:
        raise _Refused(AMOUNT_REASONS[exc.reason]) from None


def _single(text: str) -> float:
    text = text.strip()
    mixed = re.fullmatch(r"([0-9]+)\s+([0-9]+)\s*/\s*([0-9]+)", text)
    if mixed is not None:
        whole, top, bottom = (int(g) for g in mixed.groups())
        if bottom == 0 or top >= bottom:
            raise _Refused("format")
        return whole + top / bottom
    fraction = re.fullmatch(r"([0-9]+)\s*/\s*([0-9]+)", text)
    if fraction is not None:
        top, bottom = int(fraction.group(1)), int(fraction.group(2))
        if bottom == 0:
            raise _Refused("format")
        return top / bottom
    if _DECIMAL.fullmatch(text):
        return _decimal(text)
    raise _Refused("format")


def _number_words(text: str, lang: Language | None, words: WordsFile) -> str:
    if lang is None:
        return text
    table = {unit_text(k): v for k, v in words.numbers.words[lang].items()}
    pattern = alternation(table)
    return re.sub(
        rf"(?<![\w.,])(?:{pattern})(?![\w.,])" if pattern else r"(?!x)x",
        lambda m: f" {table[m.group()]:g} ",
        text,
    )


def _split_range(text: str, lang: Language | None, words: WordsFile) -> tuple[str, str] | None:
    numbers = words.numbers
    langs: tuple[Language, ...] = (lang,) if lang is not None else ("da", "en")
    opening = alternation(w for x in langs for w in getattr(numbers.range_open, x))
    joining = alternation(w for x in langs for w in getattr(numbers.range_and, x))
    between = alternation(w for x in langs for w in getattr(numbers.range, x))
    framed = re.fullmatch(rf"(?:{opening})\s+(.+?)\s+(?:{joining})\s+(.+)", text)
    if opening and joining and framed is not None:
        return framed.group(1), framed.group(2)
    dashed = re.fullmatch(r"([^-]+?)\s*-\s*([^-]+)", text)
    if dashed is not None:
        return dashed.group(1), dashed.group(2)
    worded = re.fullmatch(rf"(.+?)\s+(?:{between})\s+(.+)", text) if between else None
    if worded is not None:
        return worded.group(1), worded.group(2)
    return None


def _score(text: str, scale: int, words: WordsFile) -> str:
    """ "7 ud af 10", "7 af 10", "7 out of 10", "7/10": the score itself, when the scale is
    exactly the question's; anything else as it was (to be read, or refused, as before)."""
    said = alternation(words.numbers.out_of.every())
    between = rf"/|\s+(?:{said})\s+" if said else "/"
    score = re.fullmatch(rf"(.+?)\s*(?:{between})\s*([0-9]+)", text)
    if score is None or score.group(2) != str(scale):
        return text
    return score.group(1)


def number_problem(
    text: str, reason: Reason, expect: Expect, quantity: Quantity | None
) -> NotUnderstood:
    hint = "whole" if expect.whole else "number"
    hints: dict[Reason, tuple[str, ...]] = {
        "empty": ("empty", hint),
        "dont_know": ("dont_know_number",),
        "thousands": ("thousands",),
        "digits": ("digits", hint),
        "unit": ("unit",),
        "one_value": ("one_value", hint),
    }
    units = tuple(quantity.units) if quantity is not None else ()
    return NotUnderstood(
        text,
        reason,
        hints.get(reason, (hint,)),
        low=expect.low,
        high=expect.high,
        example=expect.example,
        units=units,
    )


def _strip_nouns(flat: str, nouns: tuple[str, ...]) -> str:
    """ "2 skiver rugbrød" -> "2 skiver": a food of the question's own group after the number."""
    for noun in sorted({unit_text(n) for n in nouns}, key=len, reverse=True):
        if flat.endswith(" " + noun):
            rest = flat[: -len(noun)].strip()
            return re.sub(r"\s(?:of|af)$", "", rest)  # "2 slices of rye bread"
    return flat


def read_number(
    text: str, lang: Language | None, words: WordsFile, expect: Expect
) -> Number | NeedsUnit | Range | NotUnderstood:
    """A number as typed: ``67 år``, ``1,5``, ``1.5``, ``½``, ``1 1/2``, ``1½``, ``2-3``.

    ``1.000`` is refused as :func:`parse_amount` refuses it (a thousand, or one?), and so are
    digits other than 0-9 (``³``). A range comes back as :class:`Range` for the prompt to ask
    about or halve. ``lang`` picks the number words ("to" is 2 in Danish); None: digits only.
    """
    quantity = words.quantities.get(expect.quantity) if expect.quantity else None
    raw = text.strip()
    if not raw:
        return number_problem(text, "empty", expect, quantity)
    if is_dont_know(raw, words):
        return number_problem(text, "dont_know", expect, quantity)
    for fraction, spelled in _FRACTIONS.items():
        raw = raw.replace(fraction, spelled)
    raw = raw.translate(_DASHES).replace("\u00a0", " ")
    if foreign_digits(raw):
        return number_problem(text, "digits", expect, quantity)
    flat = unit_text(raw).rstrip(".!")
    approx = alternation(words.numbers.approx.every())
    flat = re.sub(rf"(?<!\w)(?:{approx})(?![^\W\d_])", " ", flat).strip() if approx else flat
    every = quantity.every if quantity is not None else None
    if every is not None and phrase_key(raw) in {phrase_key(p) for p in every.every()}:
        assert quantity is not None
        return Number(float(expect.high), quantity.default)  # "hver aften": all of them
    unit: str | None = None
    for _pass in range(3):  # "2 skiver rugbrød om dagen": units and a food, in any order
        before = flat
        flat = _strip_nouns(flat, expect.nouns)
        flat, stripped = strip_unit(flat, quantity)
        unit = unit or stripped
        if flat == before:
            break
    typed = flat  # before number words: "syv og tres" is no number with a unit
    flat = " ".join(_number_words(flat, lang, words).split())
    if expect.out_of is not None:
        flat = _score(flat, expect.out_of, words)
    try:
        pair = _split_range(flat, lang, words)
        if pair is not None:
            low, high = _single(pair[0]), _single(pair[1])
        else:
            low = high = _single(flat)
    except _Refused as refused:
        reason = refused.reason
        if reason == "format" and _WITH_UNIT.fullmatch(typed):
            # Naming the units helps only where there is a choice (mmol/L or mg/dL); a
            # question with one unit ("2 skiver" for portions) gets its usual hint instead.
            reason = "unit" if quantity is not None and len(quantity.units) > 1 else "format"
        return number_problem(text, reason, expect, quantity)
    if low > high:
        return number_problem(text, "format", expect, quantity)
    for value in (low, high):
        if not expect.allows(value):
            return number_problem(text, "range", expect, quantity)
        if expect.whole and value != int(value):
            return number_problem(text, "whole", expect, quantity)
    if low != high:
        return Range(low, high, unit or (quantity.default if quantity else None))
    if quantity is not None and unit is None and quantity.ask_unit:
        return NeedsUnit(low, quantity.default, tuple(quantity.units))
    return Number(low, unit or (quantity.default if quantity else None))
