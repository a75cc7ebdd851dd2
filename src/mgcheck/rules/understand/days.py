"""Days in words: "i går", "yesterday", "i dag", as a night is named on the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mgcheck.folding import phrase_key

if TYPE_CHECKING:
    from mgcheck.models.words import WordsFile


def read_day(text: str, words: WordsFile) -> int | None:
    """How many days from today ``text`` names (-1 for "i går"/"yesterday"), in either
    language; None when it names no day in words (a date, say)."""
    key = phrase_key(text)
    if not key:
        return None
    for offset, phrases in words.days.items():
        if key in {phrase_key(p) for p in phrases.every()}:
            return int(offset)
    return None
