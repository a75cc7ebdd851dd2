"""Today's date, asked in one place, so a test or a demonstration can fix it.

``MGCHECK_TODAY`` (exactly ``YYYY-MM-DD``) stands in for the computer's date, as
``SOURCE_DATE_EPOCH`` does for build tools: the golden transcripts and the README's worked
example of a trial run on a fixed day. Anything else in it is ignored, never guessed at.
"""

from __future__ import annotations

import datetime as dt
import os
import re

ENVIRONMENT = "MGCHECK_TODAY"
_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


def today() -> dt.date:
    fixed = os.environ.get(ENVIRONMENT, "")
    if _DATE.fullmatch(fixed):
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass
    return dt.date.today()
