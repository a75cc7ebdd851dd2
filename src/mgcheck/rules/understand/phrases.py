"""Words and phrases: the index every reader looks answers up in, longest phrase first.

Matching works on whole words, folded as ``mgcheck foods --search`` folds them (case, accents,
ø/oe, æ/ae, å/aa). Also the small helpers every room shares: "ved ikke" as a whole answer, and
units and phrases as regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from mgcheck import folding
from mgcheck.folding import Token, fold_word, phrase_key, symbol
from mgcheck.record import Record

if TYPE_CHECKING:
    from mgcheck.models.words import WordsFile


Kind = Literal[
    "value",
    "ask",
    "not_listed",
    "dont_know",
    "exclusion",
    "none",
    "connector",
    "filler",
    "negation",
]
# When one phrase is listed twice, the first kind here wins.
_PRECEDENCE: tuple[Kind, ...] = (
    "value",
    "ask",
    "not_listed",
    "dont_know",
    "exclusion",  # "neither" alone is none; before a name it takes the name out
    "none",
    "connector",
    "filler",
    "negation",
)


class Entry(Record):
    kind: Kind
    values: frozenset[str] = frozenset()


class Index:
    """Phrases by their first word, longest first, so the longest phrase wins."""

    def __init__(self) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.symbols: dict[str, Entry] = {}

    def copy(self) -> Index:
        new = Index()
        new.first = {k: list(v) for k, v in self.first.items()}
        new.symbols = dict(self.symbols)
        return new

    def add(self, phrase: str, entry: Entry) -> None:
        key = phrase_key(phrase)
        if not key:
            if symbol(phrase):
                self.symbols[symbol(phrase)] = merge(self.symbols.get(symbol(phrase)), entry)
            return
        bucket = self.first.setdefault(key[0], [])
        for position, (known, old) in enumerate(bucket):
            if known == key:
                bucket[position] = (key, merge(old, entry))
                return
        bucket.append((key, entry))
        bucket.sort(key=lambda item: -len(item[0]))

    def add_all(self, phrases: Iterable[str], entry: Entry) -> None:
        for phrase in phrases:
            self.add(phrase, entry)

    def longest(self, tokens: Sequence[Token], start: int) -> tuple[int, Entry] | None:
        for key, entry in self.first.get(tokens[start].key, ()):
            end = start + len(key)
            if end <= len(tokens) and tuple(t.key for t in tokens[start:end]) == key:
                return end, entry
        return None

    def single_words(self) -> dict[str, frozenset[str]]:
        """One-word phrases that name answers: what a misspelling may be compared with."""
        return {
            key[0]: entry.values
            for bucket in self.first.values()
            for key, entry in bucket
            if len(key) == 1 and entry.kind == "value"
        }


def merge(old: Entry | None, new: Entry) -> Entry:
    if old is None:
        return new
    if old.kind == new.kind:
        return Entry(old.kind, old.values | new.values)
    return min(old, new, key=lambda e: _PRECEDENCE.index(e.kind))


def is_dont_know(text: str, words: WordsFile) -> bool:
    """ "Ved ikke", "don't know", "?" as a whole answer (the form, a unit, a lab value)."""
    known = words.answers.dont_know.every()
    if not folding.tokens(text):
        return symbol(text) in {symbol(p) for p in known if not phrase_key(p)}
    return phrase_key(text) in {phrase_key(p) for p in known}


def alternation(phrases: Iterable[str]) -> str:
    ordered = sorted({unit_text(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in ordered)


def unit_text(text: str) -> str:
    """Units compared without case, accents or spaces around '/': 'µg / L' is 'ug/l'."""
    return re.sub(r"\s*/\s*", "/", " ".join(fold_word(text).split()))
