"""The files mgcheck reads and writes: exact round trips, strict reading, bounded resources.

Issue 10, points 2, 9, 11, 12 (values) and 13.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml
from helpers import run
from hostile_kit import MiB, assert_clean, assert_refused, error_lines, limits, mgcheck

from mgcheck.datafiles import FOODS_FILE
from mgcheck.diary.store import diary_path

NIGHT = dt.date(2026, 11, 1)
GOOD_ANSWERS = "age: 52\nsex: female\n"


# --- 2. every note survives export -> import exactly -----------------------------------------


# --- 9. spreadsheet formulas ------------------------------------------------------------------


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
        ("age: true\nsex: female\n", ["age: Input should be a valid integer"]),
        ("age: 52.0\nsex: female\n", ["age: Input should be a valid integer"]),
        ('age: "52"\nsex: female\n', ["age: Input should be a valid integer"]),
        ('age: 52\nsex: female\npregnant: "yes"\n', ["pregnant: Input should be a valid boolean"]),
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
def test_answers_are_read_strictly(tmp_path: Path, text: str, words: list[str]) -> None:
    assert_refused(run("assess", "--answers", _file(tmp_path, text)), *words)


def test_a_food_table_with_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    text = FOODS_FILE.read_text(encoding="utf-8").replace(
        "schema_version: 1", "schema_version: 1\nschema_version: 1", 1
    )
    assert_refused(run("foods", "--foods", _file(tmp_path, text)), "schema_version", "twice")


def test_shipped_data_files_have_no_duplicate_keys_or_anchors() -> None:
    from mgcheck.datafiles import DATA_DIR
    from mgcheck.strictload import load_yaml

    for path in sorted(DATA_DIR.glob("*.yaml")):
        load_yaml(path.read_text(encoding="utf-8"), path.name)


# --- 12. values that used to give exit 1 ------------------------------------------------------

HUGE = "9" * 5000
DEEP = "[" * 100_000 + "]" * 100_000


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


def test_a_long_unknown_key_is_named_cut_short(tmp_path: Path) -> None:
    text = GOOD_ANSWERS + "k" * 1000 + ": 1\n"  # YAML itself refuses keys over 1,024
    assert (
        len(assert_refused(run("assess", "--answers", _file(tmp_path, text)), "unknown key")) < 300
    )


def test_anchors_and_aliases_are_refused_in_user_files(tmp_path: Path) -> None:
    text = "age: &age 52\nsex: female\n"
    assert_refused(run("assess", "--answers", _file(tmp_path, text)), "anchors")
    data = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))
    foods = yaml.safe_dump(data, allow_unicode=True).replace("foods:\n", "foods: &all\n", 1)
    assert_refused(run("foods", "--foods", _file(tmp_path, foods)), "anchors")
