"""Supplement labels as printed: each compound's form and amount, whether the amount is
magnesium itself, the whole compound, or not said, and how many a day the words after it give.

A form named with an amount ("Magnesium citrat 150 mg", "magnesiumcitrat 400 mg") does not say
which: Danish labels often put the magnesium itself beside the product's name, so the reading
is left open ("unsaid") for the label reader (rules/label.py) to judge on both, or to ask.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from mgcheck.folding import fold, phrase_key, symbol
from mgcheck.record import Record
from mgcheck.rules.dose import MAX_PER_DAY, InvalidAmount, name_key, parse_amount, split_parts
from mgcheck.rules.understand.numbers import AMOUNT_REASONS
from mgcheck.rules.understand.problem import NotUnderstood

if TYPE_CHECKING:
    from mgcheck.models.words import WordsFile


# elemental: magnesium itself; compound: the whole compound; unknown: the person is unsure
# ("?"); unsaid: the label names a form and an amount without saying which the amount is.
LabelAmount = Literal["elemental", "compound", "unknown", "unsaid"]
Why = Literal[
    "marked", "magnesium_only", "as_form", "of_which", "form_named", "unsure", "hydrate_named"
]


class LabelPart(Record):
    """One compound of a label: its form as printed (None: only "magnesium") and its amount."""

    form: str | None
    amount: str
    amount_mg: float
    reading: LabelAmount  # the amount is magnesium itself, the whole compound, or not said
    why: Why


class LabelReading(Record):
    parts: tuple[LabelPart, ...]
    per_day: int | None = None  # "2 om dagen", "x 2", "2 tabletter" after the amount


_AMOUNT_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?:mg|g)?|mg|g", re.IGNORECASE)
_EDGES = "()[]{},;:!?\"'."


def _is_magnesium(word: str) -> bool:
    return name_key(word) == "" and "magnesium" in fold(word)


def _label_tokens(label_words: Sequence[str]) -> list[str]:
    tokens: list[str] = []
    for word in (w for chunk in label_words for w in chunk.split()):
        asked = word.endswith("?")
        word = word.strip(_EDGES)
        if word:
            tokens.append(word)
        if asked:
            tokens.append("?")
    return tokens


def _word_key(word: str) -> str:
    return " ".join(phrase_key(word)) or symbol(word)


def _find(
    keys: Sequence[str], start: int, phrases: Mapping[tuple[str, ...], str]
) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for phrase, kind in phrases.items():
        end = start + len(phrase)
        matches = end <= len(keys) and tuple(keys[start:end]) == phrase
        if matches and (best is None or end > best[0]):
            best = (end, kind)
    return best


def _phrase_table(groups: Mapping[str, Iterable[str]]) -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for kind, phrases in groups.items():
        for phrase in phrases:
            key = phrase_key(phrase) or (symbol(phrase),)
            table.setdefault(key, kind)
    return table


def _strip_markers(
    tokens: Sequence[str], words: WordsFile
) -> tuple[list[str], list[tuple[int, str, bool]]]:
    """Take out "elementært", "rent magnesium", "forbindelse", "?": the words left, and where
    each mark was.

    A mark right after an amount applies to that part; elsewhere, to the part it stands in.
    """
    markers = _phrase_table(
        {
            "elemental": words.label.elemental,
            "compound": words.label.compound,
            "unsure": words.label.unsure,
        }
    )
    keys = [_word_key(t) for t in tokens]
    clean: list[str] = []
    marks: list[tuple[int, str, bool]] = []  # position in clean, kind, applies to the part before
    i = 0
    while i < len(tokens):
        found = _find(keys, i, markers)
        if found is None:
            clean.append(tokens[i])
            i += 1
            continue
        end, kind = found
        before = bool(clean) and _AMOUNT_WORD.fullmatch(clean[-1]) is not None
        if not before and any(_is_magnesium(t) for t in tokens[i:end]):
            clean.append("magnesium")  # "rent magnesium 100 mg": the name stays
        marks.append((len(clean), kind, before))
        i = end
    while len(clean) >= 2 and _is_magnesium(clean[-1]) and _AMOUNT_WORD.fullmatch(clean[-2]):
        clean.pop()  # "100 mg magnesium": magnesium itself
        marks.append((len(clean), "elemental", True))
    return clean, marks


def as_printed(label_words: Sequence[str], words: WordsFile) -> str:
    """The label as its package prints it: the words typed, without what only the person says
    of it ("forbindelse", "compound", "?"), as the diary and the trial keep it."""
    said = _phrase_table({"compound": words.label.compound, "unsure": ["?"]})
    typed = [w for chunk in label_words for w in chunk.split()]
    keys = [_word_key(w.strip(_EDGES)) or w for w in typed]
    kept: list[str] = []
    i = 0
    while i < len(typed):
        found = _find(keys, i, said)
        if found is None:
            kept.append(typed[i].rstrip("?") if typed[i] != "?" else "")
            i += 1
        else:
            i = found[0]
    return " ".join(w for w in kept if w)


def _count_word(word: str, words: WordsFile) -> int | None:
    """A count as typed: digits, or a number word of either language ("to", "two")."""
    if word.isascii() and word.isdigit():
        return int(word)
    key = _word_key(word)
    for lang in ("da", "en"):
        for spelled, value in words.numbers.words[lang].items():
            if _word_key(spelled) == key and value == int(value):
                return int(value)
    return None


def _per_day_phrases(words: WordsFile) -> set[str]:
    spellings = [s for unit in words.quantities["per_day"].units.values() for s in unit]
    return {_word_key(s) for s in [*spellings, *words.quantities["per_day"].units]}


def _count_tail(tail: Sequence[str], words: WordsFile) -> int | None:
    """ "2 om dagen", "2 gange dagligt", "to om dagen", "x 2", "2x", "× 2": how many a day."""
    split: list[str] = []
    for word in tail:  # "2x" and "x2" as two words
        glued = re.fullmatch(r"([0-9]+)([x×])|([x×])([0-9]+)", word, re.IGNORECASE)
        split += [g for g in glued.groups() if g] if glued else [word]
    if not split:
        return None
    phrases = _per_day_phrases(words)
    times = {"x", "×"}
    if split[0].casefold() in times and len(split) >= 2:
        count, rest = _count_word(split[1], words), split[2:]
    else:
        count, rest = _count_word(split[0], words), split[1:]
        if rest and rest[0].casefold() in times:
            rest = rest[1:]
        elif not rest:
            return None  # a bare number after the amount is no count
    if count is None or (rest and _word_key(" ".join(rest)) not in phrases):
        return None
    return count


def _trailing_count(tokens: list[str], words: WordsFile) -> tuple[list[str], int | None]:
    """The words of a label, and the count typed after its last amount ("150 mg 2 om dagen")."""
    asked = ["?"] if tokens and tokens[-1] == "?" else []
    body = tokens[: len(tokens) - len(asked)]
    for k in range(1, len(body)):
        if not any(ch.isdigit() for w in body[:k] for ch in w):
            continue  # no amount before it
        count = _count_tail(body[k:], words)
        if count is not None:
            return [*body[:k], *asked], count
    return tokens, None


def _trailing_form(clean: list[str], words: WordsFile) -> tuple[list[str], str | None]:
    """ "Magnesium 100 mg (som citrat)": the form after the last amount, and the words before."""
    as_form = _phrase_table({"as_form": words.label.as_form})
    keys = [_word_key(w) for w in clean]
    for k in range(1, len(clean)):
        if not _AMOUNT_WORD.fullmatch(clean[k - 1]):
            continue
        found = _find(keys, k, as_form)
        rest = clean[found[0] :] if found is not None else []
        if rest and not any(_AMOUNT_WORD.fullmatch(w) for w in rest):
            return clean[:k], " ".join(rest)
    return clean, None


def read_label_words(label_words: Sequence[str], words: WordsFile) -> LabelReading | NotUnderstood:
    """Read a label as printed into parts, each with whether its amount is magnesium itself.

    ``magnesium 100 mg``: elemental (labels print the magnesium so). ``bisglycinat 100 mg
    elementært``, ``rent magnesium 100 mg``, ``Magnesium (som citrat) 100 mg``, ``Magnesium
    100 mg (fra citrat)``: elemental. ``magnesiumcitrat 400 mg forbindelse``: the compound.
    ``magnesiumcitrat 400mg``, ``Magnesium citrat 150 mg``: not said (unsaid). ``citrat 500 mg
    heraf magnesium 80 mg``: one part, 80 mg elemental. With "?" or "ved ikke": unknown (judge
    on both readings). A count after the amount ("2 om dagen", "x 2") is ``per_day``. Mixed
    labels are split as :func:`split_parts` splits them, and amounts read by
    :func:`parse_amount`.
    """
    tokens, per_day = _trailing_count(_label_tokens(label_words), words)
    clean, marks = _strip_markers(tokens, words)
    clean, trailing = _trailing_form(clean, words)
    # A mark after the words cut off ("100 mg (som citrat)?") belongs to the last part.
    marks = [(min(at, len(clean)), kind, before or at >= len(clean)) for at, kind, before in marks]
    problem = NotUnderstood(" ".join(label_words), "label", ("label",))
    try:
        parts = split_parts(clean)
    except ValueError:
        return problem
    of_which = _phrase_table({"of_which": words.label.of_which})
    as_form = _phrase_table({"as_form": words.label.as_form})
    read: list[LabelPart] = []
    start = 0
    for number, (name, amount) in enumerate(parts):
        end = start + len(name.split()) + len(amount.split())
        try:
            amount_mg = parse_amount(amount)
        except InvalidAmount as exc:
            reason = AMOUNT_REASONS[exc.reason]
            return NotUnderstood(problem.text, reason, ("label",), pieces=(amount,))
        part = _label_part(name, amount, amount_mg, of_which, as_form, read)
        if trailing is not None and number == len(parts) - 1 and name_key(name) == "":
            part = LabelPart(trailing, amount, amount_mg, "elemental", "as_form")
        for at, kind, before in marks:
            if (before and at == end) or (not before and start <= at < end):
                reading: LabelAmount = _MARKED[kind]
                if part.reading != "unknown":
                    part = LabelPart(part.form, amount, amount_mg, reading, _why(kind))
        read.append(part)
        start = end
    if trailing is not None and read[-1].why != "as_form" and read[-1].reading != "unknown":
        return problem  # "citrat 100 mg som oxid": two forms named, and no telling which
    if per_day is not None and not 1 <= per_day <= MAX_PER_DAY:
        return NotUnderstood(problem.text, "range", ("label",), pieces=(str(per_day),))
    return LabelReading(tuple(read), per_day)


_MARKED: dict[str, LabelAmount] = {
    "elemental": "elemental",
    "compound": "compound",
    "unsure": "unknown",
}


def _why(kind: str) -> Why:
    return "unsure" if kind == "unsure" else "marked"


def _label_part(
    name: str,
    amount: str,
    amount_mg: float,
    of_which: Mapping[tuple[str, ...], str],
    as_form: Mapping[tuple[str, ...], str],
    read: list[LabelPart],
) -> LabelPart:
    names = name.split()
    keys = [_word_key(n) for n in names]
    for start in range(len(names)):
        found = _find(keys, start, of_which)
        if found is None:
            continue
        before = [n for n in names[:start] if not _is_magnesium(n)]
        if before:
            return LabelPart(" ".join(before), amount, amount_mg, "elemental", "of_which")
        if read:  # "citrat 500 mg heraf magnesium 80 mg": the 80 mg restates the citrate
            previous = read.pop()
            return LabelPart(previous.form, amount, amount_mg, "elemental", "of_which")
        return LabelPart(None, amount, amount_mg, "elemental", "of_which")
    if len(names) > 1 and _is_magnesium(names[0]):
        found = _find(keys, 1, as_form)
        if found is not None and found[0] < len(names):
            form = " ".join(names[found[0] :])
            return LabelPart(form, amount, amount_mg, "elemental", "as_form")
    if name_key(name) == "":
        return LabelPart(None, amount, amount_mg, "elemental", "magnesium_only")
    return LabelPart(name, amount, amount_mg, "unsaid", "form_named")
