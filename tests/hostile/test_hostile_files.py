"""The files mgcheck reads and writes: exact round trips, strict reading, bounded resources.

Issue 10, points 2, 9, 11, 12 (values) and 13.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from hostile_kit import MiB, assert_clean, assert_refused, digest, error_lines, limits, mgcheck
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgcheck.models.diary import MAX_NOTE, Entry, InvalidEntry
from mgcheck.store.datafiles import FOODS_FILE
from mgcheck.store.diary import diary_path, open_diary
from mgcheck.store.diary_files import parse_export, to_csv, to_json
from mgcheck.store.paths import user_dir

if TYPE_CHECKING:
    from conftest import Cli

NIGHT = dt.date(2026, 11, 1)
GOOD_ANSWERS = "age: 52\nsex: female\n"


def stored() -> list[Entry]:
    with open_diary() as diary:
        return diary.entries()


def accepted(note: str) -> Entry | None:
    """The entry `diary add` would save with this note, or None if it refuses the note."""
    try:
        return Entry(NIGHT, 5, 7, 247.5, note)
    except InvalidEntry:
        return None


# --- 2. every note survives export -> import exactly -----------------------------------------


@pytest.mark.parametrize(
    "note",
    ["a\rb", "trailing\r", "\r", "\r\n", "crlf\r\nline", '"\r"', "tab\tin", " spaces "],
)
def test_carriage_returns_survive_the_csv_round_trip(cli: Cli, tmp_path: Path, note: str) -> None:
    add = cli.run("diary", "add", "--date", "2026-11-01", "--legs", "5", "--note", note)
    assert add.exit_code == 0, add.output
    first = cli.run("diary", "export")
    path = tmp_path / "diary.csv"
    path.write_bytes(first.stdout_bytes)  # .stdout would turn \r\n into \n
    assert cli.run("diary", "forget", "--all", "--yes").exit_code == 0
    result = cli.run("diary", "import", str(path))
    assert result.exit_code == 0, result.output
    assert [e.note for e in stored()] == [note]
    assert cli.run("diary", "export").stdout_bytes == first.stdout_bytes  # byte-identical


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.lists(st.text(max_size=MAX_NOTE), min_size=1, max_size=4))
def test_every_accepted_note_survives_csv_and_json_exactly(notes: list[str]) -> None:
    entries = []
    for offset, note in enumerate(notes):
        entry = accepted(note)
        if entry is not None:
            entries.append(Entry(NIGHT + dt.timedelta(days=offset), 5, None, 0.0, entry.note))
    for text in (to_csv(entries), to_json(entries)):
        back = parse_export(text.encode("utf-8"), "export")
        assert back == entries
        assert (to_csv(back), to_json(back)) == (to_csv(entries), to_json(entries))


# --- 9. spreadsheet formulas ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ('=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http'),
        ("+1", "'+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1"),
        ("'=1", "''=1"),
        ("'plain", "'plain"),
        ("plain=1", "plain=1"),
    ],
)
def test_formula_cells_are_neutralised_and_restored(note: str, cell: str) -> None:
    entries = [Entry(NIGHT, 5, None, 0.0, note)]
    text = to_csv(entries)
    line = text.split("\n", 1)[1]
    assert line.startswith("2026-11-01,5,,0.0,,," + cell), text
    assert parse_export(text.encode(), "x") == entries


# --- 13. strict reading ----------------------------------------------------------------------


def _file(tmp_path: Path, text: str, name: str = "in.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("age: 52\nsex: female\nage: 10\n", ["age", "twice"]),
        ('{"age": 52, "sex": "female", "age": 10}', ["age", "twice"]),
        ("age: 52\nsex: female\nlegs: {urge_to_move: true, urge_to_move: false}\n", ["twice"]),
        ("age: true\nsex: female\n", ["age: must be a whole number from 1 to 120"]),
        ("age: 52.0\nsex: female\n", ["age: must be a whole number from 1 to 120"]),
        ('age: "52"\nsex: female\n', ["age: must be a whole number from 1 to 120"]),
        ('age: 52\nsex: female\npregnant: "yes"\n', ["pregnant: must be true or false"]),
        ("age: 52\nsex: female\nmagnesium: {form: citrate, amount_mg: true}\n", ["amount_mg"]),
        ("age: 52\nsex: female\nmagnesium: {form: citrate, amount_mg: .nan}\n", ["amount_mg"]),
        ("age: 52\nsex: female\nmagnesium: {form: citrate, amount_mg: .inf}\n", ["amount_mg"]),
        ("age: 52\nsex: female\ndiet: {fish: true}\n", ["diet.fish"]),
    ],
    ids=[
        "yaml-duplicate",
        "json-duplicate",
        "nested-duplicate",
        "age-true",
        "age-float",
        "age-string",
        "pregnant-string",
        "amount-bool",
        "amount-nan",
        "amount-inf",
        "portions-bool",
    ],
)
def test_answers_are_read_strictly(cli: Cli, tmp_path: Path, text: str, words: list[str]) -> None:
    assert_refused(cli.run("assess", "--answers", _file(tmp_path, text)), *words)


def test_a_food_table_with_a_duplicate_key_is_refused(cli: Cli, tmp_path: Path) -> None:
    text = FOODS_FILE.read_text(encoding="utf-8").replace(
        "schema_version: 1", "schema_version: 1\nschema_version: 1", 1
    )
    assert_refused(cli.run("foods", "--foods", _file(tmp_path, text)), "schema_version", "twice")


def test_shipped_data_files_have_no_duplicate_keys_or_anchors() -> None:
    from mgcheck.store.datafiles import DATA_DIR
    from mgcheck.store.strictload import load_yaml

    for path in sorted(DATA_DIR.glob("*.yaml")):
        load_yaml(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize(
    "night",
    [
        "2026-W01-1",
        "20260101xx",
        "2026-1-01",
        " 2026-11-01",
        "2026-11-01 ",
        "２０２６-11-01",
        "2026-11-0١",
        "0001-01-01",
        "1899-12-31",
    ],
)
def test_nights_are_exactly_yyyy_mm_dd_and_plausible(cli: Cli, tmp_path: Path, night: str) -> None:
    result = cli.run("diary", "add", "--date", night, "--legs", "3")
    assert_refused(result, "--date")
    csv_file = _file(tmp_path, f"night,legs\n{night},3\n", "in.csv")
    assert_refused(cli.run("diary", "import", csv_file), "night")
    assert not diary_path().exists() or stored() == []


def test_a_night_in_the_future_is_refused(cli: Cli, tmp_path: Path) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert_refused(cli.run("diary", "add", "--date", tomorrow, "--legs", "3"), "future")
    csv_file = _file(tmp_path, f"night,legs\n{tomorrow},3\n", "in.csv")
    assert_refused(cli.run("diary", "import", csv_file), "future")
    today = dt.date.today().isoformat()
    assert cli.run("diary", "add", "--date", today, "--legs", "3").exit_code == 0


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"schema": "mgcheck.diary", "schema_version": 4, "entries": []}, ["schema_version 4"]),
        ({"schema": "mgcheck.diary", "entries": []}, ["schema_version"]),
        ({"schema": "mgcheck.diary", "schema_version": True, "entries": []}, ["schema_version"]),
    ],
)
def test_a_diary_export_of_an_unknown_version_is_refused(
    cli: Cli, tmp_path: Path, document: dict[str, object], words: list[str]
) -> None:
    assert_refused(
        cli.run("diary", "import", _file(tmp_path, json.dumps(document), "d.json")), *words
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            '{"schema": "mgcheck.diary", "schema_version": 1, "schema_version": 1, "entries": []}',
            ["schema_version", "twice"],
        ),
        (
            '{"schema": "mgcheck.diary", "schema_version": 1, '
            '"entries": [{"night": "2026-11-01", "legs": 3, "legs": 9}]}',
            ["legs", "twice"],
        ),
        (
            '{"schema": "mgcheck.diary", "schema_version": 1, '
            '"entries": [{"night": "2026-11-01", "legs": "3"}]}',
            ["legs"],
        ),
        (
            '{"schema": "mgcheck.diary", "schema_version": 1, '
            '"entries": [{"night": "2026-11-01", "legs": 3, "magnesium_mg": "250"}]}',
            ["magnesium_mg"],
        ),
    ],
    ids=["top-duplicate", "entry-duplicate", "legs-string", "magnesium-string"],
)
def test_diary_json_is_read_strictly(cli: Cli, tmp_path: Path, text: str, words: list[str]) -> None:
    assert_refused(cli.run("diary", "import", _file(tmp_path, text, "d.json")), *words)
    assert not diary_path().exists() or stored() == []


# --- 12. values that used to give exit 1 ------------------------------------------------------

HUGE = "9" * 5000
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("args", "content"),
    [
        (["assess", "--answers"], f"age: {HUGE}\nsex: female\n"),
        (["assess", "--answers"], '{"age": ' + HUGE + ', "sex": "female"}'),
        (["assess", "--answers"], '{"age": 52, "sex": "female", "x": ' + DEEP + "}"),
        (["assess", "--answers"], "age: 52\nsex: female\nx: " + DEEP + "\n"),
        (["assess", "--answers"], '{"age": 52, "sex": "female", "medicines": ["\\ud800"]}'),
        (["assess", "--answers"], '{"age": 52, "sex": "f\\udcffmale"}'),
        (
            ["assess", "--answers"],
            '{"age": 52, "sex": "female", "magnesium": {"form": "citr\\ud800ate", '
            '"amount_mg": 400}}',
        ),
        (["assess", "--answers"], "age: 2026-02-30\nsex: female\n"),
        (["foods", "--foods"], "schema_version: " + HUGE + "\nfoods: []\n"),
        (["diary", "import"], "night,legs\n2026-11-01," + HUGE + "\n"),
        (["diary", "import"], "night,legs\n2026-11-01,³\n"),
        (["diary", "import"], "night,legs,magnesium_mg\n2026-11-01,3,٣\n"),
        (["diary", "import"], "night,legs,magnesium_mg\n2026-11-01,3,1_000\n"),
        (["diary", "import"], "night,legs,note\n2026-11-01,3," + "x" * 200_000 + "\n"),
        (["diary", "import"], 'night,legs,note\n2026-11-01,3,"' + "x" * 200_000 + "\n"),
        (
            ["diary", "import"],
            '{"schema": "mgcheck.diary", "schema_version": 1, "entries": [{"night": '
            '"2026-11-01", "legs": ' + HUGE + "}]}",
        ),
        (
            ["diary", "import"],
            '{"schema": "mgcheck.diary", "schema_version": 1, "entries": ' + DEEP + "}",
        ),
        (
            ["diary", "import"],
            '{"schema": "mgcheck.diary", "schema_version": 1, "entries": [{"night": '
            '"2026-11-01", "legs": 3, "note": "\\ud800"}]}',
        ),
        (
            ["diary", "import"],
            '{"schema": "mgcheck.diary", "schema_version": 1, "entries": [{"night": '
            '"2026-11-01", "legs": 3, "magnesium_mg": 1e999}]}',
        ),
    ],
    ids=[
        "answers-huge-int",
        "answers-json-huge-int",
        "answers-json-deep",
        "answers-yaml-deep",
        "answers-surrogate-list",
        "answers-surrogate-enum",
        "answers-surrogate-form",
        "answers-bad-date",
        "foods-huge-int",
        "csv-huge-int",
        "csv-superscript-digit",
        "csv-arabic-digit",
        "csv-underscore-number",
        "csv-long-field",
        "csv-long-quoted-field",
        "json-huge-int",
        "json-deep",
        "json-surrogate",
        "json-infinity",
    ],
)
def test_bad_values_are_exit_2_with_one_short_line(
    cli: Cli, tmp_path: Path, args: list[str], content: str
) -> None:
    before = digest(user_dir())
    result = cli.run(*args, _file(tmp_path, content))
    stderr = assert_refused(result)
    assert len(stderr) < 400  # never the whole value
    assert digest(user_dir()) == before


@pytest.mark.parametrize(
    "note", ["\udcff", "a\ud800b", "x\x00y"], ids=["surrogate-escape", "surrogate", "nul"]
)
def test_notes_that_cannot_be_stored_as_text_are_refused(cli: Cli, note: str) -> None:
    assert_refused(cli.run("diary", "add", "--legs", "3", "--note", note), "note")


def test_a_year_1_row_does_not_break_the_chart(cli: Cli) -> None:
    with open_diary() as diary:
        diary.add(Entry(NIGHT, 4))
    import sqlite3

    conn = sqlite3.connect(diary_path())
    conn.execute("INSERT INTO entries (night, legs) VALUES ('0001-01-01', 3)")
    conn.commit()
    conn.close()
    for command in (["chart"], ["list"], ["compare"], ["chart", "--since", "0001-01-01"]):
        result = cli.run("diary", *command)
        assert_refused(result, "0001-01-01")
        assert "2026-11-01" in result.stdout or command == ["compare"]


# --- 11. bounded memory, bounded time, short messages ---------------------------------------

BOMB = """a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
sex: *h
age: *h
"""


@pytest.mark.parametrize(
    ("args", "source"),
    [
        (["assess", "--answers"], "bomb"),
        (["foods", "--foods"], "bomb"),
        (["foods", "--foods"], "/dev/zero"),
        (["diary", "import"], "/dev/zero"),
        (["assess", "--answers"], "/dev/zero"),
        (["diary", "import"], "big"),
    ],
    ids=["answers-bomb", "foods-bomb", "foods-zero", "import-zero", "answers-zero", "import-big"],
)
def test_hostile_inputs_use_bounded_memory_and_time(
    tmp_path: Path, args: list[str], source: str
) -> None:
    if source == "bomb":
        source = _file(tmp_path, BOMB)
    elif source == "big":
        path = tmp_path / "big.csv"
        path.write_text("night,legs\n" + "2026-11-01,3\n" * (2 * MiB), encoding="utf-8")
        source = str(path)
    started = time.monotonic()
    out = mgcheck(*args, source, preexec=limits(memory=1024 * MiB), timeout=30)
    assert time.monotonic() - started < 15
    assert out.returncode == 2, out
    stderr = out.stderr.decode()
    assert len(error_lines(stderr)) == 1
    assert len(stderr) < 300
    assert_clean(stderr)
    assert not diary_path().exists()


def test_a_long_unknown_key_is_named_cut_short(cli: Cli, tmp_path: Path) -> None:
    text = GOOD_ANSWERS + "k" * 1000 + ": 1\n"  # YAML itself refuses keys over 1,024
    assert (
        len(assert_refused(cli.run("assess", "--answers", _file(tmp_path, text)), "unknown key"))
        < 300
    )


def test_anchors_and_aliases_are_refused_in_user_files(cli: Cli, tmp_path: Path) -> None:
    text = "age: &age 52\nsex: female\n"
    assert_refused(cli.run("assess", "--answers", _file(tmp_path, text)), "anchors")
    data = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))
    foods = yaml.safe_dump(data, allow_unicode=True).replace("foods:\n", "foods: &all\n", 1)
    assert_refused(cli.run("foods", "--foods", _file(tmp_path, foods)), "anchors")


def test_long_arguments_are_cut_in_messages(cli: Cli) -> None:
    for args in (
        ["dose", "x" * 100_000, "400"],
        ["dose", "citrate", "4" * 100_000],
        ["diary", "add", "--legs", "3", "--date", "9" * 100_000],
        ["warnings", "--section", "s" * 100_000],
        ["sources", "k" * 100_000],
    ):
        assert len(assert_refused(cli.run(*args))) < 300, args[0]


def test_a_clean_message_for_every_kind_of_export_damage(cli: Cli, tmp_path: Path) -> None:
    """A quick sanity check that the export reader names rows and never prints raw input."""
    result = cli.run(
        "diary", "import", _file(tmp_path, "night,legs\n2026-11-01,\x1b[2J\n", "x.csv")
    )
    assert_refused(result, "row 1", "legs")
    assert_clean(result.stderr)
