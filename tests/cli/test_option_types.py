"""Options take the words the questions take (issue 19, point 5), through one type per kind of
value (issue 20: one decimal-comma number type instead of nine hand parsers)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest

from mgcheck.models.diary import Entry
from mgcheck.store.diary import open_diary

if TYPE_CHECKING:
    from conftest import Cli

TODAY = "2026-12-07"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", TODAY)


def stored() -> list[Entry]:
    with open_diary() as diary:
        return diary.entries()


@pytest.mark.parametrize(
    ("lang", "typed", "count"),
    [("da", "to", 2), ("en", "two", 2), ("da", "2", 2), ("da", "3 om dagen", 3), ("en", "3", 3)],
)
def test_per_day_in_words(cli: Cli, lang: str, typed: str, count: int) -> None:
    result = cli.run("dose", "magnesium", "100", "mg", "--per-day", typed, "--json", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["per_day"] == count


@pytest.mark.parametrize(
    ("typed", "legs"), [("7/10", 7), ("7 ud af 10", 7), ("7 out of 10", 7), ("0", 0), ("ti", 10)]
)
def test_a_score_as_people_write_it(cli: Cli, typed: str, legs: int) -> None:
    result = cli.run("diary", "add", "--legs", typed, "--lang", "da")
    assert result.exit_code == 0, result.output
    assert [e.legs for e in stored()] == [legs]


@pytest.mark.parametrize("typed", ["7/8", "6,5", "11", "meget", "7 af 20"])
def test_a_score_that_is_none_is_one_line(cli: Cli, typed: str) -> None:
    result = cli.run("diary", "add", "--legs", typed, "--lang", "da")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "--legs: benscore skal være et helt tal fra 0 til 10" in result.stderr


@pytest.mark.parametrize(
    ("typed", "night"),
    [
        (["i", "går"], dt.date(2026, 12, 6)),  # unquoted, as a Dane types it
        (["i går"], dt.date(2026, 12, 6)),
        (["igår"], dt.date(2026, 12, 6)),
        (["yesterday"], dt.date(2026, 12, 6)),
        (["I", "går"], dt.date(2026, 12, 6)),
        (["i", "forgårs"], dt.date(2026, 12, 5)),
        (["i", "dag"], dt.date(2026, 12, 7)),  # tonight: its evening is today
        (["2026-11-20"], dt.date(2026, 11, 20)),
    ],
)
def test_a_night_in_words(cli: Cli, typed: list[str], night: dt.date) -> None:
    result = cli.run("diary", "add", "--date", *typed, "--legs", "3")
    assert result.exit_code == 0, result.output
    assert [e.night for e in stored()] == [night]


def test_a_night_in_words_is_never_in_the_future(cli: Cli) -> None:
    result = cli.run("diary", "add", "--date", "i", "morgen", "--legs", "3", "--lang", "da")
    assert result.exit_code == 2
    assert "ligger i fremtiden" in result.stderr and result.stderr.count("\n") == 1


def test_delete_takes_a_night_in_words(cli: Cli) -> None:
    assert cli.run("diary", "add", "--date", "yesterday", "--legs", "3").exit_code == 0
    assert cli.run("diary", "delete", "i", "går").exit_code == 0
    assert stored() == []


@pytest.mark.parametrize(("typed", "mg"), [("250,5", 250.5), ("250 mg", 250.0), ("0", 0.0)])
def test_magnesium_with_a_decimal_comma_or_a_unit(cli: Cli, typed: str, mg: float) -> None:
    assert cli.run("diary", "add", "--legs", "3", "--magnesium", typed).exit_code == 0
    assert [e.magnesium_mg for e in stored()] == [mg]


def test_foods_target_takes_a_decimal_comma_and_mg(cli: Cli) -> None:
    for typed in ("300", "300 mg", "300,0"):
        result = cli.run("foods", "--target", typed, "--top", "1", "--json")
        assert result.exit_code == 0, (typed, result.output)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["dose", "citrat", "400", "--per-day", "mange"], "--per-day: "),
        (["foods", "--top", "1,5"], "--top: "),
        (["diary", "list", "--since", "sidste uge"], "--since: "),
        (["nope"], "There is no command 'nope'."),
        (["foods", "--nope"], "There is no option --nope."),
    ],
)
def test_every_usage_error_is_one_line_with_where_help_is(
    cli: Cli, args: list[str], line: str
) -> None:
    """Issue 19: errors were sometimes a boxed "Fejl" with a usage line, sometimes one line."""
    result = cli.run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    (shown,) = result.stderr.splitlines()
    assert shown.startswith("mgcheck: ") and line in shown
    assert shown.endswith(" -h")
    assert "╭" not in result.stderr and "Usage:" not in result.stderr


def test_the_option_types_hold_every_numeric_option() -> None:
    """Every number and night a command takes goes through cli/types.py (so "1,5", "to",
    "250 mg" and "i går" are read alike everywhere): none is left to Typer's own int, float
    or date."""
    from conftest import command_tree

    from mgcheck.cli.types import Night, Number

    checked: list[str] = []
    bare: list[str] = []
    for path, command in command_tree():
        for param in getattr(command, "params", []):
            described = param.type_descriptor
            if described.annotation not in (int, float, dt.date):
                continue
            name = f"{' '.join(path)} {param.name}"
            checked.append(name)
            if not isinstance(described.parameter_info.parser, Number | Night):
                bare.append(name)
    assert bare == []
    assert {"dose per_day", "diary add legs", "diary add date", "foods target"} <= set(checked)


@pytest.mark.parametrize(
    ("path", "option", "shown"),
    [
        (["diary", "trial", "plan"], "--start", "DATO"),
        (["diary", "add"], "--date", "DATO"),
        (["diary", "add"], "--form", "FORM"),
        (["diary", "add"], "--amount", "MÆNGDE"),
        (["diary", "list"], "--since", "DATO"),
    ],
)
def test_the_danish_help_names_what_an_option_takes(
    path: list[str], option: str, shown: str
) -> None:
    """Issue 19: `--start <text>` in the Danish help; a night is a date, a label a form. (A
    process of its own: help strings are translated when their module is imported.)"""
    import os
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "mgcheck", "--lang", "da", *path, "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "100"},
    ).stdout
    (line,) = [line for line in out.splitlines() if line.lstrip("│ ").startswith(f"{option} ")]
    assert shown in line and "<tekst>" not in line and "<text>" not in line, line
