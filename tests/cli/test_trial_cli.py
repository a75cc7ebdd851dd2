"""`mgcheck diary trial` through the real commands: every subcommand and every refusal (issue 13).

"Today" is fixed with MGCHECK_TODAY, so the plans, the calendars and "tonight" are the same on
every run. A plan made on 30 November 2026 starts on the evening of 1 December.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from mgcheck.models.diary import Entry
from mgcheck.models.plan import Arm, Plan, PlanStatus
from mgcheck.store.diary import open_diary

if TYPE_CHECKING:
    from conftest import Cli, Typed

TODAY = "2026-11-30"
START = dt.date(2026, 12, 1)
# Issue 17: a form named with an amount does not say whether the amount is magnesium itself;
# "forbindelse" says it is the whole compound (kept as the label prints it, without the word).
DOSE = "magnesiumcitrat 400 mg forbindelse"
PRINTED = "magnesiumcitrat 400 mg"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", TODAY)


def later(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", day.isoformat())


def answers_file(tmp_path: Path, text: str = "age: 67\nsex: female\n") -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def make_plan(cli: Cli, tmp_path: Path, *extra: str, answers: str | None = None) -> Any:
    """A plan that starts tomorrow (no run-in, unless ``extra`` asks for one)."""
    run_in = [] if "--run-in" in extra else ["--run-in", "0"]
    return cli.run(
        "diary",
        "trial",
        "plan",
        "--answers",
        answers or answers_file(tmp_path),
        "--dose",
        DOSE,
        "--seed",
        "7",
        *run_in,
        *extra,
    )


def plans() -> list[Plan]:
    with open_diary() as diary:
        return diary.plans()


def entries() -> list[Entry]:
    with open_diary() as diary:
        return diary.entries()


def one_line(result: Any, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mgcheck: "), result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert "Traceback" not in result.output


def fill(
    plan: Plan,
    effect: float = -2.5,
    seed: int = 3,
    skip: frozenset[dt.date] = frozenset(),
    off_plan: frozenset[dt.date] = frozenset(),
) -> None:
    """Every planned night written down and followed (unless in ``skip``/``off_plan``): legs
    6 + effect on magnesium nights + N(0, 1) noise, as the store's own import keeps them."""
    rng = random.Random(seed)
    rows = []
    for period in plan.periods:
        for night in period.nights():
            mg = period.arm is Arm.MAGNESIUM
            legs = max(0, min(10, round(6 + (effect if mg else 0) + rng.gauss(0, 1))))
            if night in skip:
                continue
            took = mg != (night in off_plan)
            rows.append(Entry(night, legs, None, 55.0 if took else 0.0, "", None, None))
    with open_diary() as diary:
        diary.import_entries(rows)


# --- plan ----------------------------------------------------------------------------------------


def test_plan_states_the_design_up_front_and_stores_the_periods(cli: Cli, tmp_path: Path) -> None:
    result = make_plan(cli, tmp_path)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Safety check: nothing in your answers calls for a doctor first." in out
    assert "One number every night: your legs on the diary's scale from 0" in out
    assert "6 pairs of 7-night periods (84 nights)" in out
    assert "A difference of 2 points in your nightly leg score." in out
    assert "the smallest p-value this design can reach is 2/64 = 0.031" in out.lower()
    assert "one pair with no difference already prevents it" in out
    assert "seed 7, chosen with --seed" in out
    assert "The first night: the night of 1–2 December 2026: week 1 of 12" in out
    (plan,) = plans()
    assert (plan.id, plan.seed, plan.seed_drawn, plan.status) == (1, 7, False, PlanStatus.ACTIVE)
    assert plan.start == START and len(plan.periods) == 12 and plan.pairs == 6
    assert (plan.washout_days, plan.min_nights, plan.matters) == (2, 3, 2.0)
    assert (plan.dose, plan.dose_mg_low, plan.dose_mg_high) == (PRINTED, 45.3, 64.7)
    for pair in range(1, 7):
        assert sorted(p.arm.value for p in plan.periods if p.pair == pair) == ["magnesium", "none"]


def test_the_periods_are_stored_not_regenerated(cli: Cli, tmp_path: Path) -> None:
    """Changing the rules' coin after planning changes nothing already planned."""
    assert make_plan(cli, tmp_path).exit_code == 0
    stored = plans()[0].periods
    with open_diary() as diary:
        again = diary.plans()[0].periods
    assert again == stored
    import sqlite3

    from mgcheck.store.diary import diary_path

    conn = sqlite3.connect(diary_path())
    assert conn.execute("SELECT count(*) FROM plan_periods").fetchone()[0] == 12
    conn.close()


def test_a_seed_reproduces_the_plan_and_without_one_a_seed_is_drawn_and_kept(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mgcheck.rules.trial import plan_schedule

    assert make_plan(cli, tmp_path).exit_code == 0
    assert plans()[0].periods == plan_schedule(START, 6, 7, 7)
    assert cli.run("diary", "trial", "stop", "--yes").exit_code == 0
    result = cli.run(
        "diary",
        "trial",
        "plan",
        "--answers",
        answers_file(tmp_path),
        "--dose",
        DOSE,
        "--start",
        "2026-12-05",
    )
    assert result.exit_code == 0, result.output
    drawn = plans()[-1]
    assert drawn.seed_drawn and drawn.periods == plan_schedule(
        dt.date(2026, 12, 5), 6, 7, drawn.seed
    )
    assert "drawn by the computer" in " ".join(result.stdout.split())  # wrapped anywhere


def test_fewer_than_six_pairs_are_warned_about(cli: Cli, tmp_path: Path) -> None:
    result = make_plan(cli, tmp_path, "--pairs", "5")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "2/32 = 0.062" in out or "2/32 = 0.063" in out
    assert "That is above 0.05: with 5 pairs no diary, however clear" in out
    assert "Use at least 6 pairs." in out


def test_one_plan_at_a_time_and_the_running_one_is_named(cli: Cli, tmp_path: Path) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    one_line(make_plan(cli, tmp_path), "trial plan 1 (made 30 November 2026) is still running")
    assert len(plans()) == 1


def test_a_finished_plan_makes_room_for_a_new_one(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    assert make_plan(cli, tmp_path).exit_code == 0
    first, second = plans()
    assert first.status is PlanStatus.FINISHED and second.status is PlanStatus.ACTIVE
    assert second.start == dt.date(2027, 3, 2)


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ("age: 16\nsex: male\n", ["only for adults (18 or over)"]),
        (
            "age: 50\nsex: male\nsymptoms_now: [confusion, irregular_or_slow_heartbeat]\n",
            ["call for help now", "mgcheck assess"],
        ),
    ],
)
def test_no_plan_for_a_child_or_someone_who_needs_help_now(
    cli: Cli, tmp_path: Path, answers: str, words: list[str]
) -> None:
    one_line(make_plan(cli, tmp_path, answers=answers_file(tmp_path, answers)), *words)
    assert plans() == []


def test_no_plan_above_the_upper_limit_and_it_says_why(cli: Cli, tmp_path: Path) -> None:
    result = cli.run(
        "diary",
        "trial",
        "plan",
        "--answers",
        answers_file(tmp_path),
        "--dose",
        "magnesium 300 mg",
        "--lang",
        "da",
    )
    one_line(result, "300 mg magnesium pr. nat", "over den øvre grænse på 250 mg", "NNR")
    # The higher reading decides: a citrate whose hydrate is open gives 227-323 mg.
    result = cli.run(
        "diary", "trial", "plan", "--answers", answers_file(tmp_path), "--dose",
        "citrat 2 g forbindelse",
    )  # fmt: skip
    one_line(result, "227–323 mg magnesium a night", "above the upper limit")
    # Issue 17: a label that does not say whether its 2 g is magnesium itself: both readings.
    result = cli.run(
        "diary", "trial", "plan", "--answers", answers_file(tmp_path), "--dose", "citrat 2 g"
    )
    one_line(result, "170–2,000 mg magnesium a night", "above the upper limit")
    iom = cli.run(
        "diary",
        "trial",
        "plan",
        "--answers",
        answers_file(tmp_path),
        "--dose",
        "magnesium 300 mg",
        "--standard",
        "iom",
    )
    assert iom.exit_code == 0, iom.output  # 350 mg in the US figures


@pytest.mark.parametrize(
    ("answers", "ids", "titles"),
    [
        ("conditions: [kidney_disease]", ["doctor-first-kidney"], ["Kidney disease"]),
        ("pregnant: true", ["doctor-first-pregnancy"], ["Pregnancy and breastfeeding"]),
        (
            "conditions: [heart_rhythm, myasthenia_gravis]",
            ["doctor-first-heart"],
            ["Heart rhythm problems; Myasthenia gravis"],
        ),
        ("conditions: [bleeding_disorder]", ["doctor-first-bleeding"], ["A bleeding disorder"]),
        (
            "medicines: [digoxin, loop_diuretic]",
            ["interaction-digoxin", "interaction-diuretic"],
            ["Digoxin (heart medicine); Water pills and magnesium"],
        ),
        (
            "medicines: [antibiotic, bisphosphonate]",
            ["interaction-antibiotic"],
            ["Tetracycline and quinolone antibiotics"],
        ),
        (
            "medicines: [magnesium_laxative_or_antacid]",
            ["interaction-laxative-antacid"],
            ["Laxatives and antacids containing magnesium"],
        ),
    ],
)
def test_who_must_ask_a_doctor_first_is_told_so_and_must_confirm(
    cli: Cli, tmp_path: Path, answers: str, ids: list[str], titles: list[str]
) -> None:
    file = answers_file(tmp_path, f"age: 34\nsex: female\n{answers}\n")
    refused = make_plan(cli, tmp_path, answers=file)
    one_line(
        refused, "talk to your doctor first", "--doctor-ok", *titles
    )  # the titles; the ids are the plan's
    assert plans() == []
    planned = make_plan(cli, tmp_path, "--doctor-ok", answers=file)
    assert planned.exit_code == 0, planned.output
    assert "Safety check: talk to your doctor before this trial." in planned.stdout
    (plan,) = plans()
    assert set(ids) <= set(plan.screen) and plan.doctor_ok


def test_the_screen_uses_the_self_checks_own_findings(cli: Cli, tmp_path: Path) -> None:
    """Not a second copy of the medicine rules: the shown findings are assess's, word for word."""
    from mgcheck.models.answers import Answers
    from mgcheck.results.assess import evaluate
    from mgcheck.store.snapshot import assess_data

    answers = {"age": 70, "sex": "male", "medicines": ["digoxin"], "considering_magnesium": True}
    report = evaluate(Answers.model_validate(answers), assess_data()).report
    digoxin = next(f for f in report.findings if f.id == "interaction-digoxin")
    file = answers_file(tmp_path, "age: 70\nsex: male\nmedicines: [digoxin]\n")
    result = make_plan(cli, tmp_path, "--doctor-ok", answers=file)
    assert " ".join(digoxin.text.split()) in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--start", "2026-11-29"], ["--start", "from today to a year ahead"]),
        (["--start", "2028-01-01"], ["--start"]),
        (["--period", "1"], ["--period", "from 2 to 28", "'1'"]),
        (["--pairs", "13"], ["--pairs", "the number of pairs must be a whole number from 2 to 12"]),
        (["--washout", "7"], ["--washout", "from 0 to 6"]),
        (["--seed", "-1"], ["--seed"]),
        (["--matters", "0"], ["--matters"]),
        (["--matters", "2,5", "--pairs", "x"], ["--pairs", "'x'"]),
    ],
)
def test_bad_settings_are_one_line_with_the_range(
    cli: Cli, tmp_path: Path, args: list[str], words: list[str]
) -> None:
    one_line(make_plan(cli, tmp_path, *args), *words)


def test_bad_settings_are_refused_in_danish(cli: Cli, tmp_path: Path) -> None:
    one_line(
        make_plan(cli, tmp_path, "--period", "7,5", "--lang", "da"),
        "--period: periodens længde i nætter skal være et helt tal fra 2 til 28 (ikke '7,5').",
    )


def test_without_a_terminal_the_answers_and_the_dose_are_needed(cli: Cli, tmp_path: Path) -> None:
    one_line(cli.run("diary", "trial", "plan", "--dose", DOSE), "--answers FILE", "--doctor-ok")
    one_line(cli.run("diary", "trial", "plan", "--answers", answers_file(tmp_path)), "--dose TEXT")
    one_line(
        cli.run("diary", "trial", "plan", "--answers", answers_file(tmp_path), "--dose", "lots"),
        "not a label mgcheck can read",
    )


def test_plan_json_is_the_schedule_in_the_trial_schema(cli: Cli, tmp_path: Path) -> None:
    result = make_plan(cli, tmp_path, "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "mgcheck.trial"
    assert [p["arm"] for p in document["periods"]] == [p.arm.value for p in plans()[0].periods]
    assert document["periods"][0] == {
        "pair": 1,
        "arm": document["periods"][0]["arm"],
        "start": "2026-12-01",
        "end": "2026-12-07",
        "counted_from": "2026-12-03",
    }
    assert document["plan"]["minimum_p"] == 2 / 64 and document["plan"]["can_reach_alpha"]
    schema = json.loads(cli.run("schemas", "trial").stdout)
    jsonschema.Draft202012Validator(schema).validate(document)


# --- show and stop -------------------------------------------------------------------------------


def test_show_draws_the_calendar_with_today_and_tonight(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2026, 12, 10))
    result = cli.run("diary", "trial", "show", "--lang", "da")
    assert result.exit_code == 0
    assert "[10" in result.stdout  # today's evening in brackets
    assert "I aften: natten til 11. december 2026: uge 2 af 12" in " ".join(result.stdout.split())
    assert "ma    ti    on    to    fr    lø    sø" in result.stdout  # room for ✓ and ✗
    assert " 3M✗ " in result.stdout and "[10U ]" in result.stdout
    document = json.loads(cli.run("diary", "trial", "show", "--json").stdout)
    assert document["tonight"]["night"] == "2026-12-10"
    assert document["tonight"]["period"] == 2


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("width", [60, 80])
def test_the_calendar_and_the_plan_fit_the_terminal(
    cli: Cli, tmp_path: Path, lang: str, width: int
) -> None:
    result = cli.run(
        "diary",
        "trial",
        "plan",
        "--answers",
        answers_file(tmp_path),
        "--dose",
        DOSE,
        "--lang",
        lang,
        "--period",
        "28",
        "--pairs",
        "12",
        "--seed",
        "3",
        env={"COLUMNS": str(width)},
    )
    assert result.exit_code == 0, result.output
    widest = max(len(line.rstrip()) for line in result.stdout.splitlines())
    assert widest <= width, widest
    show = cli.run("diary", "trial", "show", "--lang", lang, env={"COLUMNS": str(width)})
    assert max(len(line.rstrip()) for line in show.stdout.splitlines()) <= width


def test_show_without_a_plan_and_the_history(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.run("diary", "trial", "show").stdout.startswith("No trial plan yet.")
    one_line(cli.run("diary", "trial", "show", "--json"), "no trial plan yet")
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2026, 12, 3))
    assert cli.run("diary", "trial", "stop", "--yes").exit_code == 0
    assert make_plan(cli, tmp_path, "--start", "2026-12-04").exit_code == 0
    history = cli.run("diary", "trial", "show", "--all")
    assert "stopped" in history.stdout and "active" in history.stdout
    document = json.loads(cli.run("diary", "trial", "show", "--all", "--json").stdout)
    assert [p["status"] for p in document["plans"]] == ["stopped", "active"]
    jsonschema.Draft202012Validator(
        json.loads(cli.run("schemas", "trial.history").stdout)
    ).validate(document)
    old = cli.run("diary", "trial", "show", "--plan", "1")
    assert "Stopped on 3 December 2026." in old.stdout and "×" in old.stdout
    one_line(cli.run("diary", "trial", "show", "--plan", "9"), "no trial plan 9")


def test_stop_asks_or_needs_yes_and_keeps_the_history(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_line(cli.run("diary", "trial", "stop"), "no trial is running")
    assert make_plan(cli, tmp_path).exit_code == 0
    one_line(cli.run("diary", "trial", "stop"), "--yes")
    later(monkeypatch, dt.date(2026, 12, 5))
    add = cli.run("diary", "add", "--legs", "4", "--as-planned")
    assert add.exit_code == 0
    result = cli.run("diary", "trial", "stop", "--yes")
    assert result.exit_code == 0
    assert "Trial plan 1 stopped on 5 December 2026." in result.stdout
    (plan,) = plans()
    assert plan.status is PlanStatus.STOPPED and plan.stopped_on == dt.date(2026, 12, 5)
    assert [e.followed for e in entries()] == [True]  # the night before stays in the trial
    one_line(cli.run("diary", "trial", "stop", "--yes"), "no trial is running")


# --- diary add knows the plan ------------------------------------------------------------------


def _nights(plan: Plan, arm: Arm) -> list[dt.date]:
    return [n for p in plan.periods if p.arm is arm for n in p.nights()[plan.washout_days :]]


def test_add_says_the_plan_and_records_whether_it_was_followed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    plan = plans()[0]
    mg_night = _nights(plan, Arm.MAGNESIUM)[0]
    none_night = _nights(plan, Arm.NONE)[0]
    later(monkeypatch, dt.date(2027, 3, 1))
    planned = cli.run("diary", "add", "--date", mg_night.isoformat(), "--legs", "3", "--as-planned")
    assert planned.exit_code == 0
    assert "week " in planned.stdout and "; followed." in planned.stdout
    none = cli.run("diary", "add", "--date", none_night.isoformat(), "--legs", "6")
    assert "; followed." in none.stdout  # no magnesium on a "none" night: as planned
    off = cli.run(
        "diary",
        "add",
        "--date",
        (none_night + dt.timedelta(1)).isoformat(),
        "--legs",
        "6",
        "--magnesium",
        "100",
    )
    assert "not followed: the night stays in the diary, marked" in " ".join(off.stdout.split())
    missed = cli.run(
        "diary",
        "add",
        "--date",
        (mg_night + dt.timedelta(1)).isoformat(),
        "--legs",
        "6",
        "--magnesium",
        "0",
    )
    assert "not followed" in missed.stdout
    other = cli.run(
        "diary",
        "add",
        "--date",
        (mg_night + dt.timedelta(2)).isoformat(),
        "--legs",
        "4",
        "--form",
        "magnesium",
        "--amount",
        "100mg",
    )
    assert "; followed." in other.stdout  # magnesium on a magnesium night, no one to ask
    stored = {e.night: e for e in entries()}
    assert stored[mg_night].followed and (
        stored[mg_night].magnesium_mg,
        stored[mg_night].magnesium_mg_high,
    ) == (45.3, 64.7)
    assert stored[none_night].followed is True and stored[none_night].magnesium_mg == 0
    assert stored[none_night + dt.timedelta(1)].followed is False
    assert stored[mg_night + dt.timedelta(1)].followed is False
    # followed and the magnesium never contradict one another
    from mgcheck.rules.trial import followed_is_consistent

    for entry in stored.values():
        period = plan.period_of(entry.night)
        assert period is not None and entry.followed is not None
        assert followed_is_consistent(period.arm, entry.magnesium_mg, entry.followed)


def test_a_magnesium_night_without_an_answer_is_asked_for_not_guessed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    night = _nights(plans()[0], Arm.MAGNESIUM)[0]
    one_line(
        cli.run("diary", "add", "--date", night.isoformat(), "--legs", "3"),
        "the trial plan says magnesium that night",
        "--as-planned",
        "--magnesium 0",
    )
    assert entries() == []


def test_as_planned_outside_a_plan_is_refused(cli: Cli) -> None:
    one_line(
        cli.run("diary", "add", "--date", "2026-11-20", "--legs", "3", "--as-planned"),
        "no trial plan holds for the night of 20–21 November 2026",
    )


def test_tonights_arm_is_said_after_writing_last_night(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2026, 12, 2))
    result = cli.run("diary", "add", "--legs", "5", "--as-planned", "--lang", "da")
    out = " ".join(result.stdout.split())
    assert "Gemt: natten til 2. december 2026, ben 5" in out
    assert "I aften: natten til 3. december 2026: uge 1 af 12" in out


def test_in_a_terminal_a_different_dose_is_asked_about(
    cli: Cli, typed: Typed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    nights = _nights(plans()[0], Arm.MAGNESIUM)
    for night, answer, followed in ((nights[0], "n", False), (nights[1], "j", True)):
        script = typed(answer)
        result = cli.run(
            "diary",
            "add",
            "--date",
            night.isoformat(),
            "--legs",
            "4",
            "--magnesium",
            "200",
            "--lang",
            "da",
        )
        assert result.exit_code == 0, result.output
        assert (
            "Planens dosis er magnesiumcitrat 400 mg (45–65 mg magnesium); du tog 200 mg."
            in (script.prompts[0])
        )
        assert {e.night: e.followed for e in entries()}[night] is followed


def test_in_a_terminal_the_plan_is_asked_as_a_plain_question(
    cli: Cli, typed: Typed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Legs, sleep, "did you take X as planned?", a side effect, note: no mg to type on a trial
    night; the night is named once (its line says the plan), not twice (issue 19)."""
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    night = _nights(plans()[0], Arm.MAGNESIUM)[0]
    script = typed("4", "", "j", "", "")
    said = script.said
    result = cli.run("diary", "add", "--date", night.isoformat(), "--lang", "da")
    assert result.exit_code == 0, result.output
    assert said[0].startswith(f"Natten til {night.day + 1}. december 2026: uge 1 af 12, magnesium")
    assert f"Natten til {night.day + 1}. december 2026" not in said
    assert script.prompts[2].startswith("Tog du magnesiumcitrat 400 mg (45–65 mg magnesium)")
    assert script.prompts[3].startswith("Mærkede du noget")
    (entry,) = entries()
    assert entry.followed and entry.magnesium_mg == 45.3


# --- result ------------------------------------------------------------------------------------


def test_a_running_trial_is_not_finished_yet_and_says_what_is_left(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 1, 1))
    result = cli.run("diary", "trial", "result")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "Not finished yet: 53 nights left (pairs 3–6); the last is the night of 22–23" in out
    document = json.loads(cli.run("diary", "trial", "result", "--json").stdout)
    assert document["verdict"] == "not_finished" and document["finished"] is False
    assert "difference" not in document and "pairs" not in document  # no peeking
    assert document["progress"]["left"] == 53


def test_a_finished_trial_gets_its_result(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    fill(plans()[0])
    result = cli.run("diary", "trial", "result")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "Your leg score was lower in the magnesium periods, by about 2.2 points" in out
    assert "All 6 pairs were used." in out
    assert "Exact randomisation test: p = 0.031 (the smallest possible with 6 pairs: 0.031)." in out
    assert "The probability that magnesium lowers your leg score is over 99 %" in out
    assert "Nights: 84 planned, 84 written down, 84 as planned, 0 off the plan, 0 missing" in out
    assert "your legs were better" not in out  # no causal claim in an unblinded trial
    assert "You knew when you were taking magnesium." in out  # the expectation caveat
    assert "someone else – a relative or the pharmacy – can fill identical capsules" in out
    # Cited by the numbers of mgcheck sources (Guyatt 1988 is 70, the Users' Guides 71), never
    # by key, and the command that shows exactly those works.
    assert "from expectation. [70,71]" in out and "guyatt1988" not in out
    assert "mgcheck sources 9 34 70 71 74 75" in out
    document = json.loads(cli.run("diary", "trial", "result", "--json").stdout)
    assert document["verdict"] == "lower" and document["finished"]
    assert document["analysis"] == "as_randomised" and document["pairs_used"] == 6
    assert len(document["pairs"]) == 6 and all(p["used"] for p in document["pairs"])
    assert all(p["difference"] == p["magnesium_mean"] - p["none_mean"] for p in document["pairs"])
    assert document["interval"]["low"] < document["difference"] < document["interval"]["high"]
    assert document["p_randomization"] == 2 / 64
    assert 0.99 < document["probability_better"] < 1
    assert 0 < document["probability_matters"] < 1
    assert document["adherence"]["share_followed"] == 1.0
    schema = json.loads(cli.run("schemas", "trial").stdout)
    jsonschema.Draft202012Validator(schema).validate(document)


def test_no_effect_gives_no_clear_difference_and_off_plan_nights_are_checked(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    plan = plans()[0]
    off = frozenset(_nights(plan, Arm.NONE)[:2])
    fill(plan, effect=0.0, off_plan=off)
    document = json.loads(cli.run("diary", "trial", "result", "--json").stdout)
    assert document["verdict"] in ("no_clear_difference", "probably_lower", "probably_higher")
    assert document["adherence"]["off_plan"] == 2
    assert document["on_plan"] is not None
    out = " ".join(cli.run("diary", "trial", "result").stdout.split())
    assert "Counting only the nights that followed the plan" in out


def test_a_pair_without_nights_is_left_out_and_named_and_the_rest_answer(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    plan = plans()[0]
    third = next(p for p in plan.periods if p.pair == 3 and p.arm is Arm.MAGNESIUM)
    fill(plan, skip=frozenset(third.nights()))
    result = cli.run("diary", "trial", "result")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "5 of 6 pairs were used" in out
    assert "pair 3, the period with magnesium: 0 of the 3 counted nights it needs" in out
    document = json.loads(cli.run("diary", "trial", "result", "--json").stdout)
    assert document["pairs_used"] == 5 and document["pairs"][2]["used"] is False
    assert document["pairs_not_used"] == [{"pair": 3, "arm": "magnesium", "nights": 0, "needed": 3}]
    # Five pairs all lower: the interval excludes 0, but p is at least 2/32.
    assert document["verdict"] == "probably_lower"


def test_result_without_a_plan_is_refused(cli: Cli) -> None:
    one_line(cli.run("diary", "trial", "result"), "no trial plan yet")


# --- the report for the doctor -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "heading"),
    [(".md", "## Randomisation"), (".html", "<h2>"), (".txt", "RANDOMISATION (CENT 8-10)\n===")],
)
def test_the_report_follows_cent_and_is_private_and_never_replaced_unasked(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, heading: str
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    fill(plans()[0])
    target = tmp_path / f"trial{suffix}"
    result = cli.run("diary", "trial", "report", "--output", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert heading in text
    for item in (
        "CENT 3a",
        "CENT 4a",
        "CENT 5",
        "CENT 6a",
        "CENT 7a, 7b",  # why this many pairs and what they can find; the stopping rule
        "CENT 8-10",
        "CENT 11",
        "CENT 12",
        "CENT 13, 14",  # the flow, and why the trial ended
        "CENT 15",  # the legs before the trial
        "CENT 16-17",
        "CENT 18",  # the checks beside it, sleep, carryover
        "CENT 19",  # harms
        "CENT 20",
        "It ended as planned, after its last night.",
        "seed 7",
        # The works as a doctor cites them, with their own links, never a bare key.
        "Guyatt G, Sackett D, Adachi J, et al.",
        "Tang J, Landes RD. Some t-tests for N-of-1 trials with serial correlation.",
        "doi.org/10.1371/journal.pone.0228077",
    ):
        # (the text form writes its headings in capitals: "DESIGN (CENT 3A)")
        assert " ".join(item.split()).casefold() in " ".join(text.split()).casefold(), item
    assert "guyatt1988" not in text and "tang-landes-2020" not in text
    # Numbered as the self-check's report numbers: in the order first cited, no gaps, and every
    # number cited is in the list.
    flat = re.sub(r"<[^>]+>", "", text)
    cited: set[int] = set()
    for group in re.findall(r"\[(\d+(?:[–,]\d+)*)\]", flat):
        for part in group.split(","):
            low, _, high = part.partition("–")
            cited |= set(range(int(low), int(high or low) + 1))
    if suffix == ".html":
        listed = [int(n) for n in re.findall(r'<li id="ref-(\d+)"', text)]
    else:
        listed = [int(n) for n in re.findall(r"(?m)^(\d+)\. ", text.split("Sources")[-1])]
    assert listed == list(range(1, len(listed) + 1)) and cited == set(listed), (cited, listed)
    assert text.count("█") > 50  # the chart as text, night by night
    target.write_text("my notes", encoding="utf-8")
    one_line(
        cli.run("diary", "trial", "report", "--output", str(target)), "already exists", "--force"
    )
    assert target.read_text(encoding="utf-8") == "my notes"
    assert cli.run("diary", "trial", "report", "--output", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "my notes"


def test_the_report_is_in_the_chosen_language(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    target = tmp_path / "forsoeg.md"
    result = cli.run("diary", "trial", "report", "--output", str(target), "--lang", "da")
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Lodtrukket n-of-1-forsøg med magnesium mod urolige ben")
    assert "Forsøget er ikke færdigt endnu" in text
    one_line(
        cli.run("diary", "trial", "report", "--output", str(tmp_path / "r.pdf")), ".html, .md, .txt"
    )


# --- the chart shades the periods --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_chart_shades_the_periods_and_marks_off_plan_nights(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    plan = plans()[0]
    off = frozenset(_nights(plan, Arm.NONE)[-1:])
    fill(plan, off_plan=off)
    result = cli.run("diary", "chart", "--lang", lang, env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    plan_row = next(line for line in lines if line.startswith("Plan "))
    assert "!" in plan_row and ("U" if lang == "da" else "N") in plan_row
    bars = "".join(lines[1:11])
    assert "█" in bars and "▒" in bars and "░" in bars


# --- export and import carry the plans ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_and_import_carry_plans_and_flags_exactly(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2026, 12, 20))
    assert cli.run("diary", "trial", "stop", "--yes").exit_code == 0
    assert make_plan(cli, tmp_path, "--start", "2026-12-21", "--pairs", "2").exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    fill(
        plans()[0],
        off_plan=frozenset(_nights(plans()[0], Arm.NONE)[:1]),
        skip=frozenset(
            n for p in plans()[0].periods for n in p.nights() if n >= dt.date(2026, 12, 20)
        ),
    )
    cli.run(
        "diary",
        "add",
        "--date",
        "2027-01-20",
        "--legs",
        "2",
        "--form",
        "citrat",
        "--amount",
        "400 mg",
    )
    before = (entries(), plans())
    first = cli.run("diary", "export", "--format", kind).stdout
    assert cli.run("diary", "forget", "--all", "--yes").stdout == (
        f"Deleted {len(before[0])} entries and 2 trial plans.\n"
    )
    source = tmp_path / f"export.{kind}"
    source.write_text(first, encoding="utf-8")
    imported = cli.run("diary", "import", str(source))
    assert imported.exit_code == 0, imported.output
    assert imported.stdout == f"{len(before[0])} nights and 2 trial plans imported.\n"
    assert (entries(), plans()) == before
    assert cli.run("diary", "export", "--format", kind).stdout == first
    # The same file again, replacing: the plans are the same plans, not copies.
    assert cli.run("diary", "import", str(source), "--replace").exit_code == 0
    assert plans() == before[1]


def test_an_export_whose_flags_contradict_the_plan_is_refused(cli: Cli, tmp_path: Path) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    document = json.loads(cli.run("diary", "export", "--format", "json").stdout)
    night = next(p for p in document["plans"][0]["periods"] if p["arm"] == "none")["start"]
    document["entries"] = [
        {
            "night": night,
            "legs": 3,
            "sleep": None,
            "magnesium_mg": 100.0,
            "magnesium_mg_high": None,
            "followed": True,
            "note": "",
        }
    ]
    cli.run("diary", "forget", "--all", "--yes")
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    later_day = {"MGCHECK_TODAY": "2027-03-01"}
    one_line(
        cli.run("diary", "import", str(source), env=later_day),
        "'followed' contradicts the magnesium taken",
        "nothing was imported",
    )
    assert plans() == [] and entries() == []
    document["plans"] = []
    source.write_text(json.dumps(document), encoding="utf-8")
    one_line(
        cli.run("diary", "import", str(source), env=later_day),
        "'followed' is set, but no trial plan holds for this night",
    )


def test_an_export_from_before_plans_still_imports(cli: Cli, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "schema": "mgcheck.diary",
                "schema_version": 1,
                "entries": [
                    {
                        "night": "2026-10-01",
                        "legs": 4,
                        "sleep": None,
                        "magnesium_mg": 0.0,
                        "note": "",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    assert cli.run("diary", "import", str(old)).exit_code == 0
    (tmp_path / "old.csv").write_text(
        "night,legs,sleep,magnesium_mg,note\n2026-10-02,5,,250,\n", encoding="utf-8"
    )
    assert cli.run("diary", "import", str(tmp_path / "old.csv")).exit_code == 0
    assert [(e.night.day, e.magnesium_mg, e.followed) for e in entries()] == [
        (1, 0.0, None),
        (2, 250.0, None),
    ]
    # A version 1 file cannot hold the new fields.
    old.write_text(
        '{"schema": "mgcheck.diary", "schema_version": 1, "entries": [{"night": "2026-10-03", '
        '"legs": 4, "followed": true}]}',
        encoding="utf-8",
    )
    one_line(cli.run("diary", "import", str(old)), "followed: unknown column")


# --- the README's worked example is real output --------------------------------------------------


def _readme_block(after: str) -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split(f"```text\n$ {after}\n", 1)[1].split("```", 1)[0]
    return block.removesuffix("…\n")


# The README's person kept the diary for the two weeks before planning: her run-in.
README_RUN_IN = "night,legs\n" + "".join(
    f"2024-11-{day:02d},{legs}\n"
    for day, legs in zip(range(16, 30), (6, 5, 7, 6, 6, 8, 7, 5, 6, 7, 6, 5, 6, 7), strict=True)
)


def test_the_readme_example_is_what_mgcheck_prints(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "golden"))
    from cases import _trial_nights

    answers = answers_file(tmp_path, "age: 67\nsex: female\nmedicines: [ppi]\n")
    wide = {"COLUMNS": "80"}
    later(monkeypatch, dt.date(2024, 11, 30))
    run_in = tmp_path / "run_in.csv"
    run_in.write_text(README_RUN_IN, encoding="utf-8")
    assert cli.run("diary", "import", str(run_in)).exit_code == 0
    plan = cli.run(
        "diary", "trial", "plan", "--answers", answers, "--dose", DOSE, "--seed", "7", env=wide
    )
    assert plan.stdout == _readme_block(
        "mgcheck diary trial plan --answers answers.yaml --dose "
        '"magnesiumcitrat 400 mg forbindelse" --seed 7'
    )
    later(monkeypatch, dt.date(2024, 12, 10))
    show = cli.run("diary", "trial", "show", "--lang", "da", env=wide)
    assert show.stdout == _readme_block("mgcheck diary trial show --lang da")
    assert cli.run("diary", "add", "--legs", "4", "--as-planned").exit_code == 0
    later(monkeypatch, dt.date(2025, 3, 1))
    nights = tmp_path / "nights.csv"
    nights.write_text(_trial_nights(), encoding="utf-8")
    assert cli.run("diary", "import", str(nights), "--replace").exit_code == 0
    result = cli.run("diary", "trial", "result", env=wide)
    assert result.stdout.startswith(_readme_block("mgcheck diary trial result"))


def test_a_bad_answers_file_is_worded_like_the_self_checks(cli: Cli, tmp_path: Path) -> None:
    """The trial reads the same answers files as `assess`: the same lines, in the run's
    language, never Pydantic's English."""
    file = answers_file(tmp_path, "age: 300\nsex: kvinde\n")
    trial = cli.run("--lang", "da", "diary", "trial", "plan", "--answers", file, "--dose", DOSE)
    assess = cli.run("--lang", "da", "assess", "--answers", file)
    assert trial.exit_code == assess.exit_code == 2
    assert trial.output == assess.output
    assert "age: skal være et helt tal fra 1 til 120 (filen har 300)" in trial.output
    assert "Input should" not in trial.output


def test_the_calendar_says_today_is_in_brackets_only_when_it_is(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", "2026-11-30")
    assert make_plan(cli, tmp_path).exit_code == 0
    during = cli.run("diary", "trial", "show").stdout
    assert "Today is in brackets." in during and "[" in during
    monkeypatch.setenv("MGCHECK_TODAY", "2026-11-01")  # a month before the plan starts
    before = cli.run("diary", "trial", "show").stdout
    assert "Today is in brackets." not in before
