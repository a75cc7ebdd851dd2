"""How levels look and how amounts are written, for every renderer alike."""

from __future__ import annotations

from mgcheck.i18n import _, format_number
from mgcheck.vocab import Level

LEVEL_STYLE = {
    Level.URGENT: "bold red",
    Level.DOCTOR: "yellow",
    Level.CAUTION: "cyan",
    Level.INFO: "blue",
}


def mg(value: float | None) -> str:
    """``250 mg``; a dash where there is no value."""
    return "–" if value is None else _("{mg} mg").format(mg=format_number(value))


def span(low: float, high: float) -> str:
    """``250`` or ``250–350``: one number when both ends round alike."""
    a, b = format_number(low), format_number(high)
    return a if a == b else f"{a}–{b}"


def mg_span(low: float, high: float) -> str:
    """``250 mg`` or ``250–350 mg``."""
    return _("{mg} mg").format(mg=span(low, high))


def signed(value: float, decimals: int = 2) -> str:
    """A number with a true minus sign (−), never the hyphen a range's dash is confused with."""
    return format_number(value, decimals).replace("-", "\u2212")


def between(low: float, high: float, decimals: int = 2) -> str:
    """ "from −2.37 to −1.37" ("fra −2,37 til −1,37"): a range no minus and dash can blur."""
    return _("from {low} to {high}").format(low=signed(low, decimals), high=signed(high, decimals))
