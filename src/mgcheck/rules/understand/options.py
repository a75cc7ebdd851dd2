"""Options: the answer to a menu (one, or any number), by number or by the words that name it,
and yes, no or don't know.

A word that points at several options, a misspelling that looks like one, or a negation left
over is asked back: nothing is guessed silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Generic, Literal, Protocol, TypeVar

from mgcheck import folding
from mgcheck.folding import Token, fold_word, symbol
from mgcheck.record import Record
from mgcheck.rules.understand.phrases import Entry, Index, Kind
from mgcheck.rules.understand.problem import NotUnderstood, Reason

if TYPE_CHECKING:
    from mgcheck.models.words import Menu, WordsFile

T = TypeVar("T")


_INTEGERS = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_NUMBER_WITH_LETTERS = re.compile(r"([0-9]+(?:[.,][0-9]+)*)([^\W\d_]+)")
_LIST_RANGE = re.compile(r"(?<![0-9.,])([0-9]{1,2})\s*[-–]\s*([0-9]{1,2})(?![0-9.,])")


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
    index: Index
    dose_units: frozenset[str]
    examples: Mapping[str, tuple[str, str]]  # value -> its first Danish and English word
    words: WordsFile


def menu_words(words: WordsFile, name: MenuName) -> MenuWords:
    """Index a menu's words with the shared ones ("ved ikke", "ingen", fillers, negations)."""
    menu: Menu = getattr(words.menus, name)
    index = Index()
    for value, phrases in menu.words.items():
        index.add_all(phrases.every(), Entry("value", frozenset({value})))
    for entry in menu.ask_back:
        index.add_all(entry.every(), Entry("ask", frozenset(entry.candidates)))
    index.add_all(menu.not_listed.every(), Entry("not_listed"))
    index.add_all(words.answers.dont_know.every(), Entry("dont_know"))
    index.add_all(words.answers.none.every(), Entry("none"))
    grammar = words.grammar
    index.add_all(grammar.connectors.every(), Entry("connector"))
    index.add_all(grammar.fillers.every(), Entry("filler"))
    index.add_all(grammar.negations.every(), Entry("negation"))
    index.add_all(grammar.exclusions.every(), Entry("exclusion"))
    examples = {value: (p.da[0], p.en[0]) for value, p in menu.words.items()}
    units = frozenset(fold_word(u) for u in grammar.dose_units)
    return MenuWords(name, index, units, examples, words)


def value_key(value: object) -> str:
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


class _Scan(Record):
    """The pieces of an answer, in order."""

    values: list[tuple[frozenset[str], str]]  # what a phrase named, and the phrase as typed
    asks: list[tuple[frozenset[str], str]]
    numbers: list[tuple[int, str, int]]  # the number, as typed, and where (for the order)
    unknown: list[tuple[str, int]]
    not_listed: list[str]
    kinds: set[Kind]
    exclusions: list[str]  # "undtagen", "hverken", as typed


def _pieces(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _scan(text: str, index: Index, dose_units: frozenset[str]) -> _Scan:
    text = _LIST_RANGE.sub(_expand_list_range, text)
    tokens = folding.tokens(text)
    scan = _Scan([], [], [], [], [], set(), [])
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
            elif entry.kind == "exclusion":
                scan.exclusions.append(typed)
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


def _options_index(options: Sequence[tuple[T, Label]], words: MenuWords) -> Index:
    index = words.index.copy()
    for value, label in options:
        entry = Entry("value", frozenset({value_key(value)}))
        index.add(label.da, entry)
        index.add(label.en, entry)
    return index


def _guess(piece: str, index: Index) -> frozenset[str]:
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


def _read_options(scan: _Scan, options: Sequence[tuple[T, Label]], index: Index) -> _Read[T]:
    by_key = {value_key(value): value for value, _label in options}
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
        candidates = tuple(value for value, _label in options if value_key(value) in named)
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
        candidates = tuple(value for value, _label in options if value_key(value) in guessed)
        if candidates:
            ambiguous.append(Ambiguous(piece, candidates, guess=True))
        else:
            unknown.append((piece, where))
    in_order = tuple(piece for piece, _where in sorted(unknown, key=lambda u: u[1]))
    return _Read(tuple(values), tuple(ambiguous), in_order, tuple(not_listed))


def menu_problem(
    text: str,
    reason: Reason,
    words: MenuWords,
    options: Sequence[tuple[T, Label]],
    hint: str,
    pieces: Sequence[str] = (),
) -> NotUnderstood:
    first = value_key(options[0][0]) if options else None
    example = words.examples.get(first) if first is not None else None
    hints: dict[Reason, tuple[str, ...]] = {
        "unknown": ("unknown", hint),
        "no_match": ("unknown", hint),
        "negation": ("negation", hint),
        "exclusion": ("exclusion", hint),
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
        return menu_problem(text, "empty", words, options, "menu_one")
    index = _options_index(options, words)
    scan = _scan(text, index, words.dose_units)
    if "dont_know" in scan.kinds:
        return menu_problem(text, "dont_know", words, options, "menu_one")
    if scan.exclusions:
        return menu_problem(text, "exclusion", words, options, "menu_one", scan.exclusions)
    if "negation" in scan.kinds:
        return menu_problem(text, "negation", words, options, "menu_one")
    read = _read_options(scan, options, index)
    leftovers = (*read.unknown, *read.not_listed)
    if leftovers:
        return menu_problem(text, "unknown", words, options, "menu_one", (text.strip(),))
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
    return menu_problem(text, "no_match", words, options, "menu_one")


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
        return menu_problem(text, "dont_know", words, options, "menu_some")
    named = scan.values or scan.asks or scan.numbers or scan.unknown or scan.not_listed
    if scan.exclusions:
        # "undtagen nyresygdom", "hverken ... eller", "stoppet med alkohol": what follows is
        # taken out, so nothing of the answer is recorded; "neither" alone is none.
        if not named:
            return Picked(())
        return menu_problem(text, "exclusion", words, options, "menu_some", scan.exclusions)
    if "negation" in scan.kinds:
        return menu_problem(text, "negation", words, options, "menu_some")
    if "none" in scan.kinds:
        if named:
            return menu_problem(text, "none_and_some", words, options, "menu_some")
        return Picked(())
    read = _read_options(scan, options, index)
    if not named:
        return menu_problem(text, "no_match", words, options, "menu_some")
    return Picked(read.values, read.ambiguous, read.unknown, read.not_listed)


# --- yes, no, don't know ---------------------------------------------------------------------

Answer = Literal["yes", "no", "dont_know", "negation", "filler"]


def read_yes_no_unknown(text: str, words: WordsFile) -> bool | NotUnderstood | None:
    """``ja``/``jo``/``yes``/``j``/``y`` is True, ``nej``/``no``/``n`` False, "ved ikke" None.

    Words after the answer are allowed ("ja, det gør jeg") unless they contradict it.
    """
    index = Index()
    answers = words.answers
    index.add_all(answers.yes.every(), Entry("value", frozenset({"yes"})))
    index.add_all(answers.no.every(), Entry("value", frozenset({"no"})))
    index.add_all(answers.dont_know.every(), Entry("dont_know"))
    index.add_all(words.grammar.negations.every(), Entry("negation"))
    index.add_all(words.grammar.fillers.every(), Entry("filler"))
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
