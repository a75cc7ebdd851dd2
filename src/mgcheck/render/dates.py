"""Dates and counts in words, in the language spoken now (``i18n.current``).

In prose a date is written out ("26. november 2026", "26 November 2026"); ``YYYY-MM-DD`` stays
for options, tables of data and files. A diary night is named by the date of its evening, but
Danes speak of a night by the morning it ends: "natten til 27. november" is the night that
starts on the evening of the 26th. :func:`night` says it that way in Danish and as "the night
of 26–27 November" in English, so no one has to know which date the diary means.
"""

from __future__ import annotations

import datetime as dt

from mgcheck.i18n import _, format_number


def _month(number: int) -> str:
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )[number - 1]


def month_name(day: dt.date) -> str:
    return _month(day.month)


def weekday_short(number: int) -> str:
    """Two letters for Monday (0) to Sunday (6)."""
    return (_("Mo"), _("Tu"), _("We"), _("Th"), _("Fr"), _("Sa"), _("Su"))[number]


def long_date(day: dt.date) -> str:
    """ "26. november 2026" or "26 November 2026"."""
    return _("{day} {month} {year}").format(day=day.day, month=_month(day.month), year=day.year)


def day_month(day: dt.date) -> str:
    """ "26. november" or "26 November": the year is clear from the context."""
    return _("{day} {month}").format(day=day.day, month=_month(day.month))


def night(evening: dt.date, *, year: bool = True) -> str:
    """The night that starts on ``evening``: "natten til 27. november 2026" / "the night of
    26–27 November 2026" (lower case, for the middle of a sentence; see :func:`sentence`)."""
    morning = evening + dt.timedelta(days=1)
    if evening.year != morning.year:
        start = long_date(evening)
    elif evening.month != morning.month:
        start = day_month(evening)
    else:
        start = str(evening.day)
    end = long_date(morning) if year else day_month(morning)
    if not year and evening.year != morning.year:
        start = day_month(evening)
    return _("the night of {evening}–{morning}").format(evening=start, morning=end)


def sentence(text: str) -> str:
    """``text`` with a capital first letter, to start a sentence."""
    return text[:1].upper() + text[1:]


def count_nights(n: int) -> str:
    """ "1 night", "2 nights" (Danish "1 nat", "2 nætter"): English and Danish both have one
    singular and one plural form, so choosing by n == 1 is right in each."""
    return (_("{n} night") if n == 1 else _("{n} nights")).format(n=format_number(n))


def count_pairs(n: int) -> str:
    return (_("{n} pair") if n == 1 else _("{n} pairs")).format(n=format_number(n))


def count_entries(n: int) -> str:
    return (_("{n} entry") if n == 1 else _("{n} entries")).format(n=format_number(n))
