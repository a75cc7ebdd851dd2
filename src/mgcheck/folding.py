"""Text normalisation shared by every layer: how two spellings of the same word compare equal.

``fold`` is what ``mgcheck foods --search`` and the form names of ``mgcheck dose`` compare; the
word and phrase keys are what data/words.yaml (checked in ``models/words.py``) and the reading of
answers (``rules/understand/``) compare. Pure functions, no imports of mgcheck: the models and
the rules both stand on this module, so neither has to import the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from mgcheck.record import Record


def fold(text: str) -> str:
    """Fold case and accents so 'rodbede', 'RØDBEDE' and 'rødbede' compare equal.

    æ becomes 'ae' and ø 'o' (they do not decompose in Unicode); å, é and friends lose their
    marks; the Danish spellings 'aa' (å) and 'oe' (ø) are folded the same way on both sides.
    """
    text = text.casefold()
    if not text.isascii():  # the full tables are mostly ASCII: skip the costly part for them
        text = text.replace("æ", "ae").replace("ø", "o")
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    while "aa" in text or "oe" in text:  # until stable, so folding twice changes nothing
        text = text.replace("aa", "a").replace("oe", "o")
    return text


def fold_many(texts: Sequence[str]) -> list[str]:
    """``[fold(t) for t in texts]``, with the ASCII texts folded as one joined text.

    Folding acts on each character, and the "aa"/"oe" pairs it merges cannot span a line
    break, so folding the joined texts folds each one; one call instead of 9,453 makes
    searching the full food tables fast (an all-ASCII string is also the fastest kind to work
    on). The few texts with other characters (whose accents need the slow part of folding)
    or with a line break of their own are folded one by one.
    """
    plain = [i for i, text in enumerate(texts) if text.isascii()]
    parts = _fold_ascii("\n".join([texts[i] for i in plain])).split("\n") if plain else []
    if len(parts) != len(plain):  # a text with a line break of its own
        return [fold(text) for text in texts]
    if len(plain) == len(texts):
        return parts
    folded = [""] * len(texts)
    for i, part in zip(plain, parts, strict=True):
        folded[i] = part
    for i in set(range(len(texts))).difference(plain):
        folded[i] = fold(texts[i])
    return folded


def _fold_ascii(text: str) -> str:
    """What :func:`fold` does to ASCII text. ``lower`` is ``casefold`` for ASCII and several
    times faster; :func:`fold_many` folds the texts with other characters again, whole."""
    text = text.lower()
    while "aa" in text or "oe" in text:
        text = text.replace("aa", "a").replace("oe", "o")
    return text


def fold_word(word: str) -> str:
    """A word as answers compare it: folded, with the micro sign read as u (µg, ug)."""
    return fold(word.replace("µ", "u").replace("μ", "u"))


_APOSTROPHES = str.maketrans("", "", "'’`´")
# A number with its decimal or list separators and any letters stuck to it ("40mg", "1,3"), or
# a run of letters and digits. Only ASCII digits start a number: "³" is a word, and refused.
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*[^\W\d_]*|[^\W_]+")


def foreign_digits(text: str) -> bool:
    """True if ``text`` holds a digit other than 0-9 ("³", "٣"): never read as a number."""
    return any((ch.isdigit() or ch.isnumeric()) and not ch.isascii() for ch in text)


class Token(Record):
    text: str  # as typed
    key: str  # folded; never matches anything when the word holds a non-ASCII digit
    gap: bool  # punctuation (a comma, a semicolon, "&") came before it


def tokens(text: str) -> list[Token]:
    """The words of ``text`` in order, each with its folded key and whether punctuation
    separated it from the word before."""
    text = text.translate(_APOSTROPHES)
    found: list[Token] = []
    last = 0
    for match in _TOKEN.finditer(text):
        word = match.group()
        key = "\x00" + word if foreign_digits(word) else fold_word(word)
        found.append(Token(word, key, bool(found) and bool(text[last : match.start()].strip())))
        last = match.end()
    return found


def phrase_key(text: str) -> tuple[str, ...]:
    """The folded words of a phrase: what two spellings of the same answer have in common."""
    return tuple(t.key for t in tokens(text))


def symbol(text: str) -> str:
    """A phrase without words ("?"), compared as typed."""
    return "".join(text.split())
