"""Why an answer cannot be used, and what the one short re-ask needs: shared by every room."""

from __future__ import annotations

from typing import Literal

from mgcheck.record import Record

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
    "exclusion",
    "other_lab",
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


class Unknown(Record):
    """The person does not know (a lab value, whether a label's mg is magnesium itself)."""
