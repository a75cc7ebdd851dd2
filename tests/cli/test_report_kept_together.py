"""A terminal report never breaks a phone number or a number from its unit across lines
(review 3: "70 11 31" / "31" at 80 columns, "70 15" / "03 00" at 60: an older reader could
misdial). Rich breaks lines at any space, a no-break one too, so the report's paragraphs are
wrapped by render/style.kept_together; here the whole report is read at several widths, in
both languages, as printed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import lines_too_wide

from mgcheck.store import snapshot

if TYPE_CHECKING:
    from conftest import Cli

PERSONS = Path(__file__).parent.parent / "data" / "review3"
NUMBERS = [
    n for n in (line.number for line in snapshot.guidance().helplines.lines) if n and " " in n
]
# A number at a line's end and its unit at the next line's start (inside a panel's border too).
UNIT_SPLIT = re.compile(r"\d[ \u00a0]*│?\n[│ ]*(mg|mmol|µg|g|%)(?![^\W\d_])")


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("width", [52, 60, 67, 80, 93, 100])
@pytest.mark.parametrize("person", ["selfharm", "digoxin_low"])
def test_no_phone_number_or_amount_is_broken(cli: Cli, person: str, width: int, lang: str) -> None:
    answers = PERSONS / f"{person}.yaml"
    env = {"COLUMNS": str(width), "TERM": "dumb", "MGCHECK_LANG": lang}
    result = cli.run("assess", "--answers", str(answers), env=env)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if person == "selfharm":  # the out-of-hours numbers are in the plan and the finding
        assert NUMBERS and all(number in out for number in NUMBERS), out
    assert not UNIT_SPLIT.search(out), out
    assert not lines_too_wide(out.splitlines(), width), out


def test_the_numbers_are_what_the_guidance_says() -> None:
    """The check above has numbers to look for: every region's out-of-hours line with spaces."""
    assert "70 11 31 31" in NUMBERS and "70 15 03 00" in NUMBERS
