"""Issue 18, point 8: nothing faked, nothing lost. An imported plan is taken only if mgcheck
could have made it; every text a plan carries is escaped wherever it is shown; every plan
`plan` can make survives export and import exactly; extreme dates, numbers, names and homes
are one line and exit 2."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hostile_kit import assert_clean, assert_refused, digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgcheck.store.diary import diary_path, open_diary
from mgcheck.store.paths import user_dir

if TYPE_CHECKING:
    from conftest import Cli

TODAY = "2026-11-30"
LATER = {"MGCHECK_TODAY": "2027-06-01"}


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", TODAY)


def _answers(tmp_path: Path) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text("age: 45\nsex: male\n", encoding="utf-8")
    return str(path)


def _plan(cli: Cli, tmp_path: Path, *extra: str) -> None:
    result = cli.run(
        "diary", "trial", "plan", "--answers", _answers(tmp_path), "--dose", "magnesium 100 mg",
        "--seed", "7", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def _export(cli: Cli) -> dict[str, Any]:
    document = json.loads(cli.run("diary", "export", "--format", "json").stdout)
    assert isinstance(document, dict)
    return document


def _import_refused(cli: Cli, tmp_path: Path, document: dict[str, Any], *words: str) -> None:
    """The edited export, into an empty diary: exit 2, one line, and nothing imported."""
    cli.run("diary", "forget", "--all", "--yes")
    before = digest(user_dir())
    path = tmp_path / "edited.json"
    # A number too big for a float, as a hand-edited file may hold it (json.dumps cannot).
    path.write_text(json.dumps(document).replace('"1e309"', "1e309"), encoding="utf-8")
    assert_refused(cli.run("diary", "import", str(path), env=LATER), *words)
    assert digest(user_dir()) == before
    with open_diary() as diary:
        assert diary.plans() == [] and diary.entries() == []


@pytest.fixture
def exported(cli: Cli, tmp_path: Path) -> dict[str, Any]:
    _plan(cli, tmp_path)
    return _export(cli)


def _edited(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    edited = copy.deepcopy(document)
    edited["plans"][0].update(changes)
    return edited



def assert_inert_markdown(text: str) -> None:
    """What a person wrote (``# Heading <b>x</b> [link](https://e.com)``) reads in a Markdown
    viewer as the words it is: no heading of its own, no raw HTML, no link to its address.
    Judged by a CommonMark parser (markdown-it, which Rich brings), not by the escaping's
    spelling."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    flat = [t for token in tokens for t in [token, *(token.children or [])]]
    assert not [t for t in flat if t.type in ("html_inline", "html_block")]
    assert not [t for t in flat if t.type == "link_open" and "e.com" in str(t.attrs.get("href"))]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not [h for h in headings if "Heading" in h]

def test_an_alpha_that_is_not_mgchecks_is_refused(
    cli: Cli, tmp_path: Path, exported: dict[str, Any]
) -> None:
    """An edited export with "alpha": 0.9 gave "lower" at p = 0.5."""
    _import_refused(cli, tmp_path, _edited(exported, alpha=0.9), "plan 1", "alpha")
    _import_refused(cli, tmp_path, _edited(exported, confidence=0.5), "plan 1", "confidence")


def test_min_nights_that_is_not_the_designs_is_refused(
    cli: Cli, tmp_path: Path, exported: dict[str, Any]
) -> None:
    _import_refused(cli, tmp_path, _edited(exported, min_nights=1), "plan 1", "min_nights")


def test_a_plan_made_after_its_first_night_is_refused(
    cli: Cli, tmp_path: Path, exported: dict[str, Any]
) -> None:
    _import_refused(cli, tmp_path, _edited(exported, created="2027-03-01"), "plan 1", "created")


def test_periods_flipped_against_the_seed_are_refused(
    cli: Cli, tmp_path: Path, exported: dict[str, Any]
) -> None:
    """The report used to say "random.Random with seed 7 always gives this plan" of them."""
    edited = copy.deepcopy(exported)
    first, second = edited["plans"][0]["periods"][:2]
    first["arm"], second["arm"] = second["arm"], first["arm"]
    _import_refused(cli, tmp_path, edited, "plan 1", "seed")


def test_a_dose_above_what_plan_allows_is_refused(
    cli: Cli, tmp_path: Path, exported: dict[str, Any]
) -> None:
    """An active plan with "magnesium 2000 mg" made show and add say "Tonight: ... 2000 mg"."""
    edited = _edited(exported, dose="magnesium 2000 mg", dose_mg={"low": 2000.0, "high": 2000.0})
    _import_refused(cli, tmp_path, edited, "plan 1", "dose")


@pytest.mark.parametrize(
    "screen",
    [
        ["# Heading"],
        ["<script>alert(1)</script>"],
        ["[click](https://example.com)"],
        ["\x1b[2J\x07"],
        ["interaction-iron,doctor-first-pregnancy"],
        ["no-such-finding"],
    ],
)
def test_screen_ids_mgcheck_does_not_know_are_refused(
    cli: Cli, tmp_path: Path, exported: dict[str, Any], screen: list[str]
) -> None:
    _import_refused(cli, tmp_path, _edited(exported, screen=screen), "plan 1", "screen")


@pytest.mark.parametrize(
    ("changes", "word"),
    [
        ({"seed": 2**63}, "seed"),
        ({"dose_mg": {"low": "1e309", "high": "1e309"}}, "dose_mg"),
        ({"created": "9999-12-01"}, "created"),
    ],
)
def test_extreme_numbers_and_dates_in_a_plan_are_one_line(
    cli: Cli, tmp_path: Path, exported: dict[str, Any], changes: dict[str, Any], word: str
) -> None:
    _import_refused(cli, tmp_path, _edited(exported, **changes), "plan 1", word)


def test_a_plan_ending_at_the_end_of_the_calendar_is_one_line(
    cli: Cli, tmp_path: Path, exported: dict[str, Any]
) -> None:
    edited = copy.deepcopy(exported)
    plan = edited["plans"][0]
    last = dt.date(9999, 12, 31)
    for index, period in enumerate(reversed(plan["periods"])):
        end = last - dt.timedelta(days=7 * index)
        period["start"] = (end - dt.timedelta(days=6)).isoformat()
        period["end"] = end.isoformat()
    plan["created"] = plan["periods"][0]["start"]
    _import_refused(cli, tmp_path, edited, "plan 1")


def test_a_plan_in_the_diary_changed_outside_mgcheck_is_escaped_everywhere(
    cli: Cli, tmp_path: Path
) -> None:
    """Screen ids and the dose go raw nowhere: not into Markdown (headings, links), HTML or
    the terminal (ESC, BEL); and a comma inside an id does not make two."""
    _plan(cli, tmp_path)
    hostile = "# Heading <b>x</b> [link](https://e.com) \x1b[2J\x07, more"
    with sqlite3.connect(diary_path()) as conn:
        conn.execute("UPDATE plans SET screen = ?, dose = ?", (hostile, "mg <i>100</i> mg"))
    for args in (["diary", "trial", "show"], ["diary", "trial", "result", "--json"]):
        result = cli.run(*args)
        assert_clean(result.stdout, result.stderr)
    md, html = tmp_path / "r.md", tmp_path / "r.html"
    for path in (md, html):
        cli.run("diary", "trial", "report", "--output", str(path), env=LATER)
    text = md.read_text(encoding="utf-8")
    assert_clean(text)
    assert_inert_markdown(text)
    page = html.read_text(encoding="utf-8")
    assert_clean(page)
    assert "<b>x</b>" not in page and "<i>100</i>" not in page


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    pairs=st.integers(2, 12),
    period=st.integers(2, 28),
    washout=st.integers(0, 3),
    seed=st.integers(0, 2**63 - 1),
    matters=st.sampled_from(["0,5", "1", "1.5", "2", "2,3", "10"]),
    kind=st.sampled_from(["csv", "json"]),
    run_in=st.sampled_from([0, 7, 14, 28]),
    blinded=st.booleans(),
    standard=st.sampled_from(["nnr", "efsa", "iom"]),
    stopped=st.sampled_from([None, "side-effects", "worse", "better", "burden", "doctor", "other"]),
)
def test_every_plan_plan_can_make_survives_export_and_import_exactly(
    cli: Cli,
    tmp_path: Path,
    pairs: int,
    period: int,
    washout: int,
    seed: int,
    matters: str,
    kind: str,
    run_in: int,
    blinded: bool,
    standard: str,
    stopped: str | None,
) -> None:
    """A 12-digit --seed made the CSV backup unrestorable ("seed: must be a whole number");
    a blinded plan's, a run-in's, the standard's and a stop's fields come back as they went."""
    cli.run("diary", "forget", "--all", "--yes")
    sealed = tmp_path / "sealed.txt"
    sealed.unlink(missing_ok=True)
    _plan(
        cli, tmp_path, "--pairs", str(pairs), "--period", str(period), "--washout",
        str(min(washout, period - 1)), "--seed", str(seed), "--matters", matters,
        "--run-in", str(run_in), "--standard", standard,
        *(["--blinded", "--sealed-list", str(sealed)] if blinded else []),
    )  # fmt: skip
    if stopped is not None:
        assert cli.run("diary", "trial", "stop", "--yes", "--reason", stopped).exit_code == 0
    with open_diary() as diary:
        before = diary.plans()
    text = cli.run("diary", "export", "--format", kind).stdout
    cli.run("diary", "forget", "--all", "--yes")
    path = tmp_path / f"backup.{kind}"
    path.write_text(text, encoding="utf-8")
    result = cli.run("diary", "import", str(path))
    assert result.exit_code == 0, result.output
    with open_diary() as diary:
        assert diary.plans() == before
    assert cli.run("diary", "export", "--format", kind).stdout == text


def test_three_thousand_plans_import_in_seconds(cli: Cli, tmp_path: Path) -> None:
    """Importing compared every plan with every other; now it is linear in the plans."""
    _plan(cli, tmp_path, "--pairs", "2", "--period", "2", "--washout", "0", "--seed", "1")
    template = _export(cli)["plans"][0]
    plans = []
    for number in range(3000):
        plan = copy.deepcopy(template)
        shift = dt.timedelta(days=8 * number)
        plan["id"] = number + 1
        plan["status"] = "finished"
        plan["created"] = (dt.date(1940, 1, 1) + shift).isoformat()
        for index, p in enumerate(plan["periods"]):
            p["start"] = (dt.date(1940, 1, 1) + shift + dt.timedelta(days=2 * index)).isoformat()
            p["end"] = (dt.date(1940, 1, 2) + shift + dt.timedelta(days=2 * index)).isoformat()
        plans.append(plan)
    document = {"schema": "mgcheck.diary", "schema_version": 2, "entries": [], "plans": plans}
    cli.run("diary", "forget", "--all", "--yes")
    path = tmp_path / "many.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    began = time.perf_counter()
    result = cli.run("diary", "import", str(path))
    took = time.perf_counter() - began
    assert result.exit_code == 0, result.output
    assert "3000 trial plans" in result.stdout
    assert took < 30, took  # minutes before; a few seconds on a loaded 2-core machine


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "9999-12-31", "9999-06-01"])
@pytest.mark.parametrize(
    "args",
    [
        ["diary", "add", "--legs", "3"],
        ["diary", "trial", "show"],
        ["diary", "trial", "result"],
        ["diary", "chart"],
    ],
)
def test_mgcheck_today_at_the_ends_of_the_calendar_is_one_line(
    cli: Cli, day: str, args: list[str]
) -> None:
    result = cli.run(*args, env={"MGCHECK_TODAY": day})
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert_refused(result)


def test_a_plan_on_the_last_days_of_the_calendar_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = cli.run(
        "diary", "trial", "plan", "--answers", _answers(tmp_path), "--dose", "magnesium 100 mg",
        env={"MGCHECK_TODAY": "9999-12-01"},
    )  # fmt: skip
    assert_refused(result, "MGCHECK_TODAY")


def test_an_over_long_output_name_is_one_line(cli: Cli, tmp_path: Path) -> None:
    _plan(cli, tmp_path)
    name = tmp_path / ("y" * 300 + ".md")
    assert_refused(cli.run("diary", "trial", "report", "--output", str(name)))


def test_an_over_long_home_is_one_line(cli: Cli, tmp_path: Path) -> None:
    home = tmp_path / ("x" * 300)
    for args in (["diary", "add", "--legs", "3"], ["diary", "trial", "show"], ["diary", "list"]):
        assert_refused(cli.run(*args, env={"MGCHECK_HOME": str(home)}), "MGCHECK_HOME")


def test_an_order_changed_in_the_diary_is_said_plainly_not_called_random(
    cli: Cli, tmp_path: Path
) -> None:
    _plan(cli, tmp_path)
    with sqlite3.connect(diary_path()) as conn:
        conn.execute(
            "UPDATE plan_periods SET arm = CASE arm WHEN 'none' THEN 'magnesium' ELSE 'none' END "
            "WHERE pair = 1"
        )
    report = tmp_path / "r.md"
    assert cli.run("diary", "trial", "report", "--output", str(report)).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert "not drawn by mgcheck" in text
    assert "always gives this plan" not in text


def test_a_side_effect_is_escaped_in_the_list_and_the_report(cli: Cli, tmp_path: Path) -> None:
    """What the person wrote as a side effect goes raw into no terminal, Markdown or HTML."""
    _plan(cli, tmp_path, "--run-in", "0", "--pairs", "6")
    with open_diary() as diary:
        (plan,) = diary.plans()
    hostile = "# Heading <b>x</b> [link](https://e.com) \x1b[2J\x07"
    first = plan.periods[0].start.isoformat()
    added = cli.run(
        "diary", "add", "--date", first, "--legs", "5", "--as-planned", "--side-effect", hostile,
        env={"MGCHECK_TODAY": first},
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = cli.run("diary", "list", env=LATER)
    assert_clean(listed.stdout, listed.stderr)
    assert "[# Heading <b>x</b>" in listed.stdout
    md, html = tmp_path / "r.md", tmp_path / "r.html"
    for path in (md, html):
        assert cli.run("diary", "trial", "report", "--output", str(path), env=LATER).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert_clean(text)
    assert "Heading" in text
    assert_inert_markdown(text)
    page = html.read_text(encoding="utf-8")
    assert_clean(page)
    assert "Heading" in page and "<b>x</b>" not in page
