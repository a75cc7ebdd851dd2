"""Fuzzing the three kinds of file a person hands to mgcheck: answers, food tables, diary exports.

Whatever the file holds, mgcheck exits 0 or 2, says what is wrong in short "mgcheck: " lines
without a traceback, prints no raw control character, and changes no file when it refuses.
Memory is bounded by the size caps (tested with real limits in test_hostile_files.py).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from hostile_kit import assert_clean, digest, error_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgcheck.models.answers import Answers
from mgcheck.store.datafiles import FOODS_FILE

if TYPE_CHECKING:
    from conftest import Cli

FUZZ = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
# Text that includes every kind of control character, and (for JSON) lone surrogates.
TEXT = st.text(st.characters(codec=None, categories=None), max_size=40)
HOSTILE_TEXT = st.one_of(
    TEXT,
    st.sampled_from(["\x1b]0;x\x07", "\x9b2J", "=1+1", "\r", "a\nb", "&a", "*a", "<<", "'", ""]),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([-1, 0, 1, 52, 121]),
    st.floats(allow_nan=True, allow_infinity=True),
    HOSTILE_TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(HOSTILE_TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)


def _serialise(data: Any, how: str) -> str:
    if how == "json":
        return json.dumps(data, ensure_ascii=False, allow_nan=True)
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, ValueError, OverflowError):
        return json.dumps(data, ensure_ascii=True, allow_nan=True)


# Anchors, aliases, broken lines, NUL, a stray brace or quote, invalid UTF-8, a huge number.
INSERTIONS = [b"&a ", b"*a", b"\n", b"\x00", b"{", b"'", b"\xff", b"9" * 5000]


@st.composite
def mutated(draw: st.DrawFn, data: Any) -> bytes:
    """The document as YAML or JSON, perhaps with a few bytes changed, cut or repeated."""
    text = _serialise(data, draw(st.sampled_from(["yaml", "json"])))
    raw = text.encode("utf-8", "surrogatepass")
    for _ in range(draw(st.integers(0, 3))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        edit = draw(st.sampled_from(["replace", "insert", "cut", "repeat"]))
        if edit == "replace":
            raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
        elif edit == "insert":
            raw = raw[:at] + draw(st.sampled_from(INSERTIONS)) + raw[at:]
        elif edit == "cut":
            raw = raw[:at]
        else:
            raw = raw[:at] + raw[at:] * 2
    return raw


def _check(result: Any, before: dict[str, str], folder: Path) -> None:
    assert result.exit_code in (0, 2), (result.exit_code, result.output)
    lines = error_lines(result.stderr)
    assert all(len(line) < 500 for line in lines), result.stderr
    assert_clean(result.stdout, result.stderr)
    if result.exit_code == 2:
        assert lines
        assert digest(folder) == before


ANSWER_KEYS = [*Answers.model_fields, "legs", "magnesium", "diet", "labs"]


@st.composite
def answers_documents(draw: st.DrawFn) -> bytes:
    base: dict[Any, Any] = {"age": draw(st.sampled_from([52, 10, 17, True, "52"])), "sex": "female"}
    for _ in range(draw(st.integers(0, 5))):
        key = draw(st.one_of(st.sampled_from(ANSWER_KEYS), HOSTILE_TEXT))
        base[key] = draw(VALUES)
    if draw(st.booleans()):
        base["magnesium"] = {
            "form": draw(st.one_of(st.sampled_from(["citrate", "oxid", "unknown"]), HOSTILE_TEXT)),
            "amount_mg": draw(st.one_of(st.just(400), SCALARS)),
        }
    return draw(mutated(base))


@settings(max_examples=50, deadline=None, suppress_health_check=FUZZ)
@given(document=answers_documents())
def test_fuzz_answers_files(cli: Cli, document: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.yaml"
        path.write_bytes(document)
        before = digest(Path(folder))
        result = cli.run("assess", "--answers", str(path), "--json")
        _check(result, before, Path(folder))
        if result.exit_code == 0:
            json.loads(result.stdout)


FOODS: dict[str, Any] = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))
FOOD_FIELDS = [
    "id",
    "name",
    "group",
    "state",
    "mg_per_100g",
    "kcal_per_100g",
    "serving",
    "source",
    "in_article",
    "proxy_for",
    "note",
]


@st.composite
def food_tables(draw: st.DrawFn) -> bytes:
    foods = [dict(f) for f in FOODS["foods"][:3]]
    table: dict[Any, Any] = {"schema_version": 1, "foods": foods}
    for _ in range(draw(st.integers(0, 4))):
        food = draw(st.sampled_from(foods))
        field = draw(st.one_of(st.sampled_from(FOOD_FIELDS), HOSTILE_TEXT))
        if field == "name" and draw(st.booleans()):
            food["name"] = {"da": draw(HOSTILE_TEXT), "en": draw(HOSTILE_TEXT)}
        else:
            food[field] = draw(VALUES)
    return draw(mutated(table))


@settings(max_examples=60, deadline=None, suppress_health_check=FUZZ)
@given(document=food_tables(), as_json=st.booleans())
def test_fuzz_food_tables(cli: Cli, document: bytes, as_json: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "foods.yaml"
        path.write_bytes(document)
        before = digest(Path(folder))
        args = ["foods", "--foods", str(path), "--top", "0"]
        result = cli.run(*args, *(["--json"] if as_json else []))
        _check(result, before, Path(folder))


CELLS = st.one_of(
    st.sampled_from(["2026-11-01", "2026-11-02", "2026-02-30", "3", "10", "11", "-1", "", "250.5"]),
    HOSTILE_TEXT,
    SCALARS,
)
COLUMNS = ["night", "legs", "sleep", "magnesium_mg", "note"]


@st.composite
def diary_exports(draw: st.DrawFn) -> bytes:
    rows = []
    for day in range(draw(st.integers(0, 4))):
        row: dict[str, Any] = {"night": f"2026-10-{day + 1:02d}", "legs": 3, "note": draw(TEXT)}
        for _ in range(draw(st.integers(0, 2))):
            row[draw(st.one_of(st.sampled_from(COLUMNS), HOSTILE_TEXT))] = draw(CELLS)
        rows.append(row)
    if draw(st.booleans()):
        document = {"schema": "mgcheck.diary", "schema_version": 1, "entries": rows}
        if draw(st.booleans()):
            return draw(mutated(document))
        return json.dumps(document, ensure_ascii=draw(st.booleans())).encode(
            "utf-8", "surrogatepass"
        )
    out = io.StringIO()
    columns = sorted({str(k) for row in rows for k in row} | {"night", "legs"})
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(columns)
    for row in rows:
        writer.writerow([str(row.get(c, "")) for c in columns])
    raw = out.getvalue().encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        raw = raw[:at] + draw(st.sampled_from([b"\r", b'"', b",", b"\xff", b"\n"])) + raw[at:]
    return raw


@settings(max_examples=80, deadline=None, suppress_health_check=FUZZ)
@given(document=diary_exports())
def test_fuzz_diary_imports(cli: Cli, document: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        env = {"MGCHECK_HOME": str(home)}
        assert (
            cli.run("diary", "add", "--date", "2026-10-02", "--legs", "1", env=env).exit_code == 0
        )
        path = Path(folder) / "in.csv"
        path.write_bytes(document)
        before = digest(home)
        result = cli.run("diary", "import", str(path), env=env)
        _check(result, before, home)
        for args in (["list", "--all"], ["list", "--all", "--json"]):
            shown = cli.run("diary", *args, env=env)
            assert shown.exit_code == 0, shown.output
            assert_clean(shown.stdout, shown.stderr)
