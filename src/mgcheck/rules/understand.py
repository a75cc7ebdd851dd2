"""Reading answers as people type them: words or numbers, units, "don't know", labels as printed.

Pure functions over data/words.yaml (issue 12): no input, no output, and no words of their own.
A result that cannot be used says why and carries what ONE short re-ask needs; ``explain`` and
its siblings turn it into that sentence with the words of data/words.yaml.

Matching works on whole words, folded as ``mgcheck foods --search`` folds them (case, accents,
ø/oe, æ/ae, å/aa), longest phrase first. Nothing is guessed silently: a word that points at
several options, a misspelling that looks like one, or a negation left over is asked back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Generic, Literal, Protocol, TypeVar

from mgcheck import folding
from mgcheck.folding import Token, fold, fold_word, foreign_digits, phrase_key, symbol
from mgcheck.i18n import Language, format_number
from mgcheck.record import Record
from mgcheck.rules.dose import InvalidAmount, name_key, parse_amount, split_parts

if TYPE_CHECKING:
    from mgcheck.models.words import Menu, Quantity, WordsFile

T = TypeVar("T")

# --- words and phrases -----------------------------------------------------------------------

_INTEGERS = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_NUMBER_WITH_LETTERS = re.compile(r"([0-9]+(?:[.,][0-9]+)*)([^\W\d_]+)")
_LIST_RANGE = re.compile(r"(?<![0-9.,])([0-9]{1,2})\s*[-–]\s*([0-9]{1,2})(?![0-9.,])")


Kind = Literal["value", "ask", "not_listed", "dont_know", "none", "connector", "filler", "negation"]
# When one phrase is listed twice, the first kind here wins.
_PRECEDENCE: tuple[Kind, ...] = (
    "value",
    "ask",
    "not_listed",
    "dont_know",
    "none",
    "connector",
    "filler",
    "negation",
)


class _Entry(Record):
    kind: Kind
    values: frozenset[str] = frozenset()


class _Index:
    """Phrases by their first word, longest first, so the longest phrase wins."""

    def __init__(self) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
        self.symbols: dict[str, _Entry] = {}

    def copy(self) -> _Index:
        new = _Index()
        new.first = {k: list(v) for k, v in self.first.items()}
        new.symbols = dict(self.symbols)
        return new

    def add(self, phrase: str, entry: _Entry) -> None:
        key = phrase_key(phrase)
        if not key:
            if symbol(phrase):
                self.symbols[symbol(phrase)] = _merge(self.symbols.get(symbol(phrase)), entry)
            return
        bucket = self.first.setdefault(key[0], [])
        for position, (known, old) in enumerate(bucket):
            if known == key:
                bucket[position] = (key, _merge(old, entry))
                return
        bucket.append((key, entry))
        bucket.sort(key=lambda item: -len(item[0]))

    def add_all(self, phrases: Iterable[str], entry: _Entry) -> None:
        for phrase in phrases:
            self.add(phrase, entry)

    def longest(self, tokens: Sequence[Token], start: int) -> tuple[int, _Entry] | None:
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


def _merge(old: _Entry | None, new: _Entry) -> _Entry:
    if old is None:
        return new
    if old.kind == new.kind:
        return _Entry(old.kind, old.values | new.values)
    return min(old, new, key=lambda e: _PRECEDENCE.index(e.kind))


# --- menus -----------------------------------------------------------------------------------

MenuName = Literal["sex", "distress", "conditions", "medicines", "symptoms", "look_alikes", "diet"]


class Label(Protocol):
    """An option's label in both languages (questions.yaml's Text)."""

    @property
    def da(self) -> str: ...

    @property
    def en(self) -> str: ...


class MenuWords(Record):
    """One menu's words and the shared small words, indexed once; see :func:`menu_words`."""

    name: MenuName
    index: _Index
    dose_units: frozenset[str]
    examples: Mapping[str, tuple[str, str]]  # value -> its first Danish and English word
    words: WordsFile


def menu_words(words: WordsFile, name: MenuName) -> MenuWords:
    """Index a menu's words with the shared ones ("ved ikke", "ingen", fillers, negations)."""
    menu: Menu = getattr(words.menus, name)
    index = _Index()
    for value, phrases in menu.words.items():
        index.add_all(phrases.every(), _Entry("value", frozenset({value})))
    for entry in menu.ask_back:
        index.add_all(entry.every(), _Entry("ask", frozenset(entry.candidates)))
    index.add_all(menu.not_listed.every(), _Entry("not_listed"))
    index.add_all(words.answers.dont_know.every(), _Entry("dont_know"))
    index.add_all(words.answers.none.every(), _Entry("none"))
    grammar = words.grammar
    index.add_all(grammar.connectors.every(), _Entry("connector"))
    index.add_all(grammar.fillers.every(), _Entry("filler"))
    index.add_all(grammar.negations.every(), _Entry("negation"))
    examples = {value: (p.da[0], p.en[0]) for value, p in menu.words.items()}
    units = frozenset(fold_word(u) for u in grammar.dose_units)
    return MenuWords(name, index, units, examples, words)


def _value_key(value: object) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


class Chosen(Record, Generic[T]):
    value: T


class Ambiguous(Record, Generic[T]):
    """Words that point at several options (or, with ``guess``, a spelling that looks like one).

    The prompt asks back naming the candidates; "none of them" must be a possible answer.
    """

    phrase: str  # as typed
    candidates: tuple[T, ...]
    guess: bool = False


class Picked(Record, Generic[T]):
    """What a list answer named: the values understood, and what still needs a question."""

    values: tuple[T, ...]
    ambiguous: tuple[Ambiguous[T], ...] = ()
    unknown: tuple[str, ...] = ()  # pieces not understood, as typed
    not_listed: tuple[str, ...] = ()  # known names that are none of the options

    @property
    def complete(self) -> bool:
        """True when the answer can be used as it is (nothing to ask back)."""
        return not self.ambiguous and not self.unknown


Reason = Literal[
    "empty",
    "unknown",
    "no_match",
    "negation",
    "none_and_some",
    "dont_know",
    "format",
    "thousands",
    "digits",
    "range",
    "whole",
    "unit",
    "one_value",
    "label",
]


class NotUnderstood(Record):
    """Why an answer cannot be used, and what the re-ask needs (``hints`` name its messages)."""

    text: str
    reason: Reason
    hints: tuple[str, ...] = ()
    pieces: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    example: float | None = None
    example_words: tuple[str, str] | None = None  # Danish, English
    units: tuple[str, ...] = ()
    n: int | None = None


class _Scan(Record):
    """The pieces of an answer, in order."""

    values: list[tuple[frozenset[str], str]]  # what a phrase named, and the phrase as typed
    asks: list[tuple[frozenset[str], str]]
    numbers: list[tuple[int, str, int]]  # the number, as typed, and where (for the order)
    unknown: list[tuple[str, int]]
    not_listed: list[str]
    kinds: set[Kind]


def _pieces(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _scan(text: str, index: _Index, dose_units: frozenset[str]) -> _Scan:
    text = _LIST_RANGE.sub(_expand_list_range, text)
    tokens = folding.tokens(text)
    scan = _Scan([], [], [], [], [], set())
    pending: list[Token] = []

    def flush() -> None:
        if pending:
            scan.unknown.append((_pieces(pending), len(scan.numbers) + len(scan.unknown)))
            pending.clear()

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.gap:
            flush()
        found = index.longest(tokens, i)
        if found is not None:
            flush()
            end, entry = found
            typed = _pieces(tokens[i:end])
            scan.kinds.add(entry.kind)
            if entry.kind == "value":
                scan.values.append((entry.values, typed))
            elif entry.kind == "ask":
                scan.asks.append((entry.values, typed))
            elif entry.kind == "not_listed":
                scan.not_listed.append(typed)
            i = end
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if _INTEGERS.fullmatch(token.text):
            flush()
            if following is not None and following.key in dose_units and not following.gap:
                i += 2  # "40 mg": a dose, not an option number
                continue
            for part in re.split(r"[.,]", token.text):
                scan.numbers.append((int(part), part, len(scan.numbers) + len(scan.unknown)))
            i += 1
            continue
        stuck = _NUMBER_WITH_LETTERS.fullmatch(token.text)
        if stuck is not None and fold_word(stuck.group(2)) in dose_units:
            flush()
            i += 1
            continue
        pending.append(token)
        i += 1
    flush()
    if not tokens and symbol(text) in index.symbols:
        scan.kinds.add(index.symbols[symbol(text)].kind)
    return scan


def _expand_list_range(match: re.Match[str]) -> str:
    """In a list answer, "1-3" means 1, 2 and 3."""
    low, high = int(match.group(1)), int(match.group(2))
    if not low < high:
        return match.group()
    return ", ".join(str(n) for n in range(low, high + 1))


def _options_index(options: Sequence[tuple[T, Label]], words: MenuWords) -> _Index:
    index = words.index.copy()
    for value, label in options:
        entry = _Entry("value", frozenset({_value_key(value)}))
        index.add(label.da, entry)
        index.add(label.en, entry)
    return index


def _guess(piece: str, index: _Index) -> frozenset[str]:
    """Answer values a misspelt word may mean ("furosemidd"); asked back, never taken."""
    key = fold_word(piece)
    if " " in piece or len(key) < 5 or not key.isalpha():
        return frozenset()
    singles = {word: values for word, values in index.single_words().items() if len(word) >= 5}
    import difflib  # only an unknown name needs suggestions

    close = difflib.get_close_matches(key, list(singles), n=3, cutoff=0.85)
    return frozenset().union(*(singles[c] for c in close))


class _Read(Record, Generic[T]):
    values: tuple[T, ...]
    ambiguous: tuple[Ambiguous[T], ...]
    unknown: tuple[str, ...]
    not_listed: tuple[str, ...]


def _read_options(scan: _Scan, options: Sequence[tuple[T, Label]], index: _Index) -> _Read[T]:
    by_key = {_value_key(value): value for value, _label in options}
    values: list[T] = []
    not_listed = list(scan.not_listed)
    for named, typed in scan.values:
        known = [by_key[k] for k in sorted(named) if k in by_key]
        if not known:
            not_listed.append(typed)  # an answer this question does not offer (iron, say)
        for value in known:
            if value not in values:
                values.append(value)
    ambiguous: list[Ambiguous[T]] = []
    for named, typed in scan.asks:
        candidates = tuple(value for value, _label in options if _value_key(value) in named)
        if not candidates:
            not_listed.append(typed)
        elif not set(candidates) & set(values):  # "vanddrivende: furosemid" is settled
            ambiguous.append(Ambiguous(typed, candidates))
    unknown: list[tuple[str, int]] = []
    worded = bool(scan.values or scan.asks or scan.not_listed)
    for number, typed, where in scan.numbers:
        if 1 <= number <= len(options) and (not worded or options[number - 1][0] in values):
            if options[number - 1][0] not in values:
                values.append(options[number - 1][0])
        else:
            unknown.append((typed, where))
    for piece, where in scan.unknown:
        guessed = _guess(piece, index)
        candidates = tuple(value for value, _label in options if _value_key(value) in guessed)
        if candidates:
            ambiguous.append(Ambiguous(piece, candidates, guess=True))
        else:
            unknown.append((piece, where))
    in_order = tuple(piece for piece, _where in sorted(unknown, key=lambda u: u[1]))
    return _Read(tuple(values), tuple(ambiguous), in_order, tuple(not_listed))


def _menu_problem(
    text: str,
    reason: Reason,
    words: MenuWords,
    options: Sequence[tuple[T, Label]],
    hint: str,
    pieces: Sequence[str] = (),
) -> NotUnderstood:
    first = _value_key(options[0][0]) if options else None
    example = words.examples.get(first) if first is not None else None
    hints: dict[Reason, tuple[str, ...]] = {
        "unknown": ("unknown", hint),
        "no_match": ("unknown", hint),
        "negation": ("negation", hint),
        "none_and_some": ("none_and_some",),
        "dont_know": ("dont_know_menu", hint),
        "empty": ("empty", hint),
    }
    if reason == "no_match":
        pieces = (text.strip(),)
    return NotUnderstood(
        text,
        reason,
        hints.get(reason, (hint,)),
        tuple(pieces),
        example_words=example,
        n=len(options),
    )


def choose_one(
    text: str, options: Sequence[tuple[T, Label]], words: MenuWords
) -> Chosen[T] | Ambiguous[T] | NotUnderstood:
    """One option, by its number or by any word that names it (``kvinde``, ``male``, ``en del``).

    Words that name several options come back as :class:`Ambiguous` with the candidates.
    Anything left over that is not understood makes the whole answer unclear: better one more
    question than a wrong answer, quoting the answer whole as typed ("1,5", not its "5").
    """
    if not text.strip():
        return _menu_problem(text, "empty", words, options, "menu_one")
    index = _options_index(options, words)
    scan = _scan(text, index, words.dose_units)
    if "dont_know" in scan.kinds:
        return _menu_problem(text, "dont_know", words, options, "menu_one")
    if "negation" in scan.kinds:
        return _menu_problem(text, "negation", words, options, "menu_one")
    read = _read_options(scan, options, index)
    leftovers = (*read.unknown, *read.not_listed)
    if leftovers:
        return _menu_problem(text, "unknown", words, options, "menu_one", (text.strip(),))
    if len(read.values) == 1:
        (value,) = read.values
        if all(value in a.candidates for a in read.ambiguous):
            return Chosen(value)
    candidates: list[T] = list(read.values)
    for ambiguous in read.ambiguous:
        candidates += [c for c in ambiguous.candidates if c not in candidates]
    if len(candidates) == 1 and read.ambiguous:
        return Ambiguous(read.ambiguous[0].phrase, tuple(candidates), read.ambiguous[0].guess)
    if candidates:
        order = [value for value, _label in options if value in candidates]
        return Ambiguous(text.strip(), tuple(order))
    return _menu_problem(text, "no_match", words, options, "menu_one")


def choose_some(
    text: str, options: Sequence[tuple[T, Label]], words: MenuWords
) -> Picked[T] | NotUnderstood:
    """Any number of options: numbers and words, separated by commas, spaces, "og", "and", "&".

    Empty, or a word for none ("ingen", "none", "nej"), is none. Pieces not understood come back
    by name, words that point at several options with their candidates (:class:`Picked`).
    A negation ("ikke nyresygdom"), or "none" together with an option, is refused as unclear.
    """
    if not text.strip():
        return Picked(())
    index = _options_index(options, words)
    scan = _scan(text, index, words.dose_units)
    if "dont_know" in scan.kinds:
        return _menu_problem(text, "dont_know", words, options, "menu_some")
    if "negation" in scan.kinds:
        return _menu_problem(text, "negation", words, options, "menu_some")
    named = scan.values or scan.asks or scan.numbers or scan.unknown or scan.not_listed
    if "none" in scan.kinds:
        if named:
            return _menu_problem(text, "none_and_some", words, options, "menu_some")
        return Picked(())
    read = _read_options(scan, options, index)
    if not named:
        return _menu_problem(text, "no_match", words, options, "menu_some")
    return Picked(read.values, read.ambiguous, read.unknown, read.not_listed)


# --- yes, no, don't know ---------------------------------------------------------------------

Answer = Literal["yes", "no", "dont_know", "negation", "filler"]


def read_yes_no_unknown(text: str, words: WordsFile) -> bool | NotUnderstood | None:
    """``ja``/``jo``/``yes``/``j``/``y`` is True, ``nej``/``no``/``n`` False, "ved ikke" None.

    Words after the answer are allowed ("ja, det gør jeg") unless they contradict it.
    """
    index = _Index()
    answers = words.answers
    index.add_all(answers.yes.every(), _Entry("value", frozenset({"yes"})))
    index.add_all(answers.no.every(), _Entry("value", frozenset({"no"})))
    index.add_all(answers.dont_know.every(), _Entry("dont_know"))
    index.add_all(words.grammar.negations.every(), _Entry("negation"))
    index.add_all(words.grammar.fillers.every(), _Entry("filler"))
    problem = NotUnderstood(text, "empty" if not text.strip() else "no_match", ("yes_no",))
    tokens = folding.tokens(text)
    if not tokens:
        entry = index.symbols.get(symbol(text))
        return None if entry is not None and entry.kind == "dont_know" else problem
    said: list[str] = []
    i = 0
    while i < len(tokens):
        found = index.longest(tokens, i)
        if found is None:
            if not said:
                return problem  # the answer must come first
            i += 1
            continue
        end, entry = found
        if entry.kind == "value":
            said.append(next(iter(entry.values)))
        elif entry.kind in ("dont_know", "negation"):
            said.append(entry.kind)
        elif not said:
            return problem
        i = end
    first = said[0]
    rest = set(said[1:])
    if first == "yes" and rest <= {"yes"}:
        return True
    if first == "no" and rest <= {"no", "negation"}:
        return False
    if first == "dont_know" and rest <= {"dont_know"}:
        return None
    return problem


# --- numbers ---------------------------------------------------------------------------------


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

    def allows(self, value: float) -> bool:
        above = value > self.low if self.above_low else value >= self.low
        return above and value <= self.high


class Number(Record):
    value: float
    unit: str | None = None  # the quantity's unit key (mmol/L, ug/L, %), typed or the default


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


class Unknown(Record):
    """The person does not know (a lab value, whether a label's mg is magnesium itself)."""


_FRACTIONS = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "⅓": " 1/3", "⅔": " 2/3"}
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "⁄": "/"})
_DECIMAL = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_ZERO = re.compile(r"0+(?:[.,]0+)?")


# A number and then something that is no number: a unit mgcheck does not know ("67 kg").
_WITH_UNIT = re.compile(r"[0-9][0-9.,/ ]*[^\d\s][^\d]*")
# parse_amount's reasons for refusing an amount, as this module names them.
_AMOUNT_REASONS: dict[str, Reason] = {
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
        raise _Refused(_AMOUNT_REASONS[exc.reason]) from None


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


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted({_unit_text(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in ordered)


def _unit_text(text: str) -> str:
    """Units compared without case, accents or spaces around '/': 'µg / L' is 'ug/l'."""
    return re.sub(r"\s*/\s*", "/", " ".join(fold_word(text).split()))


def _strip_unit(text: str, quantity: Quantity | None) -> tuple[str, str | None]:
    if quantity is None:
        return text, None
    spelled = sorted(
        (
            (_unit_text(word), unit)
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


def _number_words(text: str, lang: Language | None, words: WordsFile) -> str:
    if lang is None:
        return text
    table = {_unit_text(k): v for k, v in words.numbers.words[lang].items()}
    pattern = _alternation(table)
    return re.sub(
        rf"(?<![\w.,])(?:{pattern})(?![\w.,])" if pattern else r"(?!x)x",
        lambda m: f" {table[m.group()]:g} ",
        text,
    )


def _split_range(text: str, lang: Language | None, words: WordsFile) -> tuple[str, str] | None:
    numbers = words.numbers
    langs: tuple[Language, ...] = (lang,) if lang is not None else ("da", "en")
    opening = _alternation(w for x in langs for w in getattr(numbers.range_open, x))
    joining = _alternation(w for x in langs for w in getattr(numbers.range_and, x))
    between = _alternation(w for x in langs for w in getattr(numbers.range, x))
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
    said = _alternation(words.numbers.out_of.every())
    between = rf"/|\s+(?:{said})\s+" if said else "/"
    score = re.fullmatch(rf"(.+?)\s*(?:{between})\s*([0-9]+)", text)
    if score is None or score.group(2) != str(scale):
        return text
    return score.group(1)


def _number_problem(
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
        return _number_problem(text, "empty", expect, quantity)
    if is_dont_know(raw, words):
        return _number_problem(text, "dont_know", expect, quantity)
    for fraction, spelled in _FRACTIONS.items():
        raw = raw.replace(fraction, spelled)
    raw = raw.translate(_DASHES).replace("\u00a0", " ")
    if foreign_digits(raw):
        return _number_problem(text, "digits", expect, quantity)
    flat = _unit_text(raw).rstrip(".!")
    approx = _alternation(words.numbers.approx.every())
    flat = re.sub(rf"(?<!\w)(?:{approx})(?![^\W\d_])", " ", flat).strip() if approx else flat
    flat, unit = _strip_unit(flat, quantity)
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
        return _number_problem(text, reason, expect, quantity)
    if low > high:
        return _number_problem(text, "format", expect, quantity)
    for value in (low, high):
        if not expect.allows(value):
            return _number_problem(text, "range", expect, quantity)
        if expect.whole and value != int(value):
            return _number_problem(text, "whole", expect, quantity)
    if low != high:
        return Range(low, high, unit or (quantity.default if quantity else None))
    if quantity is not None and unit is None and quantity.ask_unit:
        return NeedsUnit(low, quantity.default, tuple(quantity.units))
    return Number(low, unit or (quantity.default if quantity else None))


def is_dont_know(text: str, words: WordsFile) -> bool:
    """ "Ved ikke", "don't know", "?" as a whole answer (the form, a unit, a lab value)."""
    known = words.answers.dont_know.every()
    if not folding.tokens(text):
        return symbol(text) in {symbol(p) for p in known if not phrase_key(p)}
    return phrase_key(text) in {phrase_key(p) for p in known}


def read_unit(text: str, quantity: str, words: WordsFile) -> str | Unknown | NotUnderstood:
    """The answer to "which unit?": a unit as typed, its number in the list, or Enter for the
    default; "ved ikke" is :class:`Unknown` (the prompt may then take the default and say so).
    """
    known = words.quantities[quantity]
    units = list(known.units)
    typed = _unit_text(text.strip())
    if not typed:
        return known.default
    if is_dont_know(text.strip(), words):
        return Unknown()
    for unit, spellings in known.units.items():
        if typed in {_unit_text(s) for s in (unit, *spellings)}:
            return unit
    if text.strip().isascii() and typed.isdigit() and 1 <= int(typed) <= len(units):
        return units[int(typed) - 1]
    return NotUnderstood(text, "unit", ("unit",), units=tuple(units))


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
        return _number_problem(text, "one_value", LABS[kind], quantity)
    return result


# --- labels as printed -----------------------------------------------------------------------

LabelAmount = Literal["elemental", "compound", "unknown"]
Why = Literal["marked", "magnesium_only", "as_form", "of_which", "form_named", "unsure"]


class LabelPart(Record):
    """One compound of a label: its form as printed (None: only "magnesium") and its amount."""

    form: str | None
    amount: str
    amount_mg: float
    reading: LabelAmount  # the amount is magnesium itself, the whole compound, or not known
    why: Why


class LabelReading(Record):
    parts: tuple[LabelPart, ...]


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
    """Take out "elementært", "rent magnesium", "?": the words left, and where each mark was.

    A mark right after an amount applies to that part; elsewhere, to the part it stands in.
    """
    markers = _phrase_table({"elemental": words.label.elemental, "unsure": words.label.unsure})
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
    100 mg (fra citrat)``: elemental. ``magnesiumcitrat 400mg``: the compound. ``citrat 500 mg
    heraf magnesium 80 mg``: one part, 80 mg elemental. With "?" or "ved ikke": unknown (judge
    on both readings). Mixed labels are split as :func:`split_parts` splits them, and amounts
    read by :func:`parse_amount`.
    """
    clean, marks = _strip_markers(_label_tokens(label_words), words)
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
            reason = _AMOUNT_REASONS[exc.reason]
            return NotUnderstood(problem.text, reason, ("label",), pieces=(amount,))
        part = _label_part(name, amount, amount_mg, of_which, as_form, read)
        if trailing is not None and number == len(parts) - 1 and name_key(name) == "":
            part = LabelPart(trailing, amount, amount_mg, "elemental", "as_form")
        for at, kind, before in marks:
            if (before and at == end) or (not before and start <= at < end):
                reading: LabelAmount = "unknown" if kind == "unsure" else "elemental"
                if part.reading != "unknown":
                    part = LabelPart(part.form, amount, amount_mg, reading, _why(kind))
        read.append(part)
        start = end
    if trailing is not None and read[-1].why != "as_form" and read[-1].reading != "unknown":
        return problem  # "citrat 100 mg som oxid": two forms named, and no telling which
    return LabelReading(tuple(read))


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
    return LabelPart(name, amount, amount_mg, "compound", "form_named")


# --- the words of a re-ask -------------------------------------------------------------------


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
    labels = {_value_key(value): label for value, label in options}
    listed = " ".join(
        f"{n}. {getattr(labels[_value_key(c)], lang)}"
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
        problem = _menu_problem("", "unknown", words, options, "menu_some", picked.unknown)
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
