"""Dates and counts in words, in the language of a Translator.

In prose a date is written out ("26. november 2026", "26 November 2026"); ``YYYY-MM-DD`` stays
for options, tables of data and files. A diary night is named by the date of its evening, but
Danes speak of a night by the morning it ends: "natten til 27. november" is the night that
starts on the evening of the 26th. :func:`night` says it that way in Danish and as "the night
of 26–27 November" in English, so no one has to know which date the diary means.
"""

from __future__ import annotations

import datetime as dt

from mgcheck.i18n import Translator


def _month(number: int, t: Translator) -> str:
    return (
        t("January"),
        t("February"),
        t("March"),
        t("April"),
        t("May"),
        t("June"),
        t("July"),
        t("August"),
        t("September"),
        t("October"),
        t("November"),
        t("December"),
    )[number - 1]


def month_name(day: dt.date, t: Translator) -> str:
    return _month(day.month, t)


def weekday_short(number: int, t: Translator) -> str:
    """Two letters for Monday (0) to Sunday (6)."""
    return (t("Mo"), t("Tu"), t("We"), t("Th"), t("Fr"), t("Sa"), t("Su"))[number]


def long_date(day: dt.date, t: Translator) -> str:
    """ "26. november 2026" or "26 November 2026"."""
    return t("{day} {month} {year}").format(day=day.day, month=_month(day.month, t), year=day.year)


def day_month(day: dt.date, t: Translator) -> str:
    """ "26. november" or "26 November": the year is clear from the context."""
    return t("{day} {month}").format(day=day.day, month=_month(day.month, t))


def night(evening: dt.date, t: Translator, *, year: bool = True) -> str:
    """The night that starts on ``evening``: "natten til 27. november 2026" / "the night of
    26–27 November 2026" (lower case, for the middle of a sentence; see :func:`sentence`)."""
    morning = evening + dt.timedelta(days=1)
    if evening.year != morning.year:
        start = long_date(evening, t)
    elif evening.month != morning.month:
        start = day_month(evening, t)
    else:
        start = str(evening.day)
    end = long_date(morning, t) if year else day_month(morning, t)
    if not year and evening.year != morning.year:
        start = day_month(evening, t)
    return t("the night of {evening}–{morning}").format(evening=start, morning=end)


def sentence(text: str) -> str:
    """``text`` with a capital first letter, to start a sentence."""
    return text[:1].upper() + text[1:]


def count_nights(n: int, t: Translator) -> str:
    """ "1 night", "2 nights" (Danish "1 nat", "2 nætter"): English and Danish both have one
    singular and one plural form, so choosing by n == 1 is right in each."""
    return (t("{n} night") if n == 1 else t("{n} nights")).format(n=t.number(n))


def count_pairs(n: int, t: Translator) -> str:
    return (t("{n} pair") if n == 1 else t("{n} pairs")).format(n=t.number(n))


def count_entries(n: int, t: Translator) -> str:
    return (t("{n} entry") if n == 1 else t("{n} entries")).format(n=t.number(n))
