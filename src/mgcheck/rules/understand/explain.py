"""The words of a re-ask: each result that cannot be used as one short sentence, in the
user's language, with the words of data/words.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from mgcheck.i18n import Language, format_number
from mgcheck.rules.understand.numbers import NeedsUnit, Range
from mgcheck.rules.understand.options import (
    Ambiguous,
    Label,
    MenuWords,
    Picked,
    menu_problem,
    value_key,
)
from mgcheck.rules.understand.problem import NotUnderstood

if TYPE_CHECKING:
    from mgcheck.models.words import WordsFile

T = TypeVar("T")


def _shown(value: float, lang: Language) -> str:
    decimals = 0 if value == int(value) else (1 if value * 10 == int(value * 10) else 2)
    return format_number(value, decimals, lang)


def explain(result: NotUnderstood, words: WordsFile, lang: Language) -> str:
    """The one short re-ask for an answer that could not be used, in the user's language."""
    example = ""
    if result.example_words is not None:
        example = result.example_words[0 if lang == "da" else 1]
    elif result.example is not None:
        example = _shown(result.example, lang)
    fields = {
        "n": str(result.n or ""),
        "example": example,
        "pieces": ", ".join(f'"{p}"' for p in result.pieces),
        "low": _shown(result.low, lang) if result.low is not None else "",
        "high": _shown(result.high, lang) if result.high is not None else "",
        "units": ", ".join(result.units),
        "text": result.text.strip(),
    }
    return " ".join(words.messages[h].get(lang).format(**fields) for h in result.hints)


def explain_ambiguous(
    ambiguous: Ambiguous[T],
    options: Sequence[tuple[T, Label]],
    words: WordsFile,
    lang: Language,
) -> str:
    """Ask back: the candidates numbered 1, 2, ... with their labels."""
    labels = {value_key(value): label for value, label in options}
    listed = " ".join(
        f"{n}. {getattr(labels[value_key(c)], lang)}"
        for n, c in enumerate(ambiguous.candidates, start=1)
    )
    key = "guess" if ambiguous.guess else "ask_back"
    return words.messages[key].get(lang).format(phrase=ambiguous.phrase, candidates=listed)


def explain_picked(
    picked: Picked[T], options: Sequence[tuple[T, Label]], words: MenuWords, lang: Language
) -> list[str]:
    """What to say about the not-listed and unknown pieces of a list answer (not the ask-backs)."""
    lines: list[str] = []
    messages = words.words.messages
    if picked.not_listed:
        pieces = ", ".join(picked.not_listed)
        lines.append(messages["not_listed"].get(lang).format(pieces=pieces))
    if picked.unknown:
        problem = menu_problem("", "unknown", words, options, "menu_some", picked.unknown)
        lines.append(explain(problem, words.words, lang))
    return lines


def explain_range(result: Range, words: WordsFile, lang: Language, *, middle: bool) -> str:
    """Say that the middle is taken (``middle``), or ask which of the two."""
    fields = {
        "low": _shown(result.low, lang),
        "high": _shown(result.high, lang),
        "middle": _shown(result.middle, lang),
    }
    return words.messages["range_middle" if middle else "range_ask"].get(lang).format(**fields)


def explain_unit(result: NeedsUnit, words: WordsFile, lang: Language) -> str:
    """Ask for the unit, naming them all and the default taken on Enter."""
    return (
        words.messages["needs_unit"]
        .get(lang)
        .format(units=", ".join(result.units), default=result.default)
    )


def explain_higher(result: Range, words: WordsFile, lang: Language) -> str:
    """ "Ved ikke" to "is it 4 or 5?": say that the higher is counted (the safer count)."""
    return words.messages["range_higher"].get(lang).format(high=_shown(result.high, lang))
