"""Today's date, asked in one place, so a test or a demonstration can fix it.

``MGCHECK_TODAY`` (exactly ``YYYY-MM-DD``) stands in for the computer's date, as
``SOURCE_DATE_EPOCH`` does for build tools: the golden transcripts and the README's worked
example of a trial run on a fixed day. Anything else in it is ignored, never guessed at; a
date at the ends of the calendar (where a night before it, or a trial's weeks after it, would
not exist) is refused with one line.
"""

from __future__ import annotations

import datetime as dt
import os
import re

ENVIRONMENT = "MGCHECK_TODAY"
_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The diary's nights start in 1900; a trial may reach about three years past today.
EARLIEST = dt.date(1900, 1, 2)
LATEST = dt.date(9000, 12, 31)


def today() -> dt.date:
    fixed = os.environ.get(ENVIRONMENT, "")
    if _DATE.fullmatch(fixed):
        try:
            day = dt.date.fromisoformat(fixed)
        except ValueError:
            return dt.date.today()
        if not EARLIEST <= day <= LATEST:
            from mgcheck.errors import MgcheckError
            from mgcheck.i18n import _

            raise MgcheckError(
                _(
                    "{name}: {day} is outside the days mgcheck works with ({first} to {last})."
                ).format(name=ENVIRONMENT, day=fixed, first=EARLIEST, last=LATEST)
            )
        return day
    return dt.date.today()
