"""Reading answers as people type them: words or numbers, units, "don't know", labels as printed.

Pure functions over data/words.yaml (issue 12): no input, no output, and no words of their own.
A result that cannot be used says why and carries what ONE short re-ask needs; ``explain`` and
its siblings turn it into that sentence with the words of data/words.yaml.

One room per thing understood (issue 20), each standing on the ones above it:

``problem``   why an answer cannot be used (:class:`NotUnderstood`), and :class:`Unknown`
``phrases``   the index of words and phrases, longest first; "ved ikke" as a whole answer
``options``   menus (one option, or any number) and yes/no/don't know
``units``     the unit after a number, and the answer to "which unit?"
``numbers``   numbers as typed: decimal commas, fractions, words, ranges, scores
``labs``      blood test values as the laboratory prints them
``labels``    supplement labels as printed
``days``      days in words ("i går", "yesterday"), as nights are named
``explain``   the words of a re-ask

The names below are the package's API: import them from here.
"""

from __future__ import annotations

from mgcheck.rules.understand.days import read_day
from mgcheck.rules.understand.explain import (
    explain,
    explain_ambiguous,
    explain_higher,
    explain_picked,
    explain_range,
    explain_unit,
)
from mgcheck.rules.understand.labels import (
    LabelAmount,
    LabelPart,
    LabelReading,
    Why,
    as_printed,
    read_label_words,
)
from mgcheck.rules.understand.labs import LABS, LabKind, read_lab
from mgcheck.rules.understand.numbers import (
    Expect,
    NeedsUnit,
    Number,
    Range,
    read_number,
)
from mgcheck.rules.understand.options import (
    Ambiguous,
    Answer,
    Chosen,
    Label,
    MenuName,
    MenuWords,
    Picked,
    choose_one,
    choose_some,
    menu_words,
    read_yes_no_unknown,
)
from mgcheck.rules.understand.phrases import is_dont_know
from mgcheck.rules.understand.problem import NotUnderstood, Reason, Unknown
from mgcheck.rules.understand.units import read_unit

__all__ = [
    "LABS",
    "Ambiguous",
    "Answer",
    "Chosen",
    "Expect",
    "LabKind",
    "Label",
    "LabelAmount",
    "LabelPart",
    "LabelReading",
    "MenuName",
    "MenuWords",
    "NeedsUnit",
    "NotUnderstood",
    "Number",
    "Picked",
    "Range",
    "Reason",
    "Unknown",
    "Why",
    "as_printed",
    "choose_one",
    "choose_some",
    "explain",
    "explain_ambiguous",
    "explain_higher",
    "explain_picked",
    "explain_range",
    "explain_unit",
    "is_dont_know",
    "menu_words",
    "read_day",
    "read_lab",
    "read_label_words",
    "read_number",
    "read_unit",
    "read_yes_no_unknown",
]
