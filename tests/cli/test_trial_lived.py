"""Issue 18 lived through the commands: a run-in, lost nights named in time and a pair added,
blinding, no peeking, late nights marked, why a trial stopped, side effects, the replace question
first (issue 19)."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from mgcheck.models.diary import Entry
from mgcheck.models.plan import Arm, Plan, StopReason
from mgcheck.store.diary import open_diary

if TYPE_CHECKING:
    from conftest import Cli, Typed

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", TODAY.isoformat())


def on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", day.isoformat())


def plan_trial(cli: Cli, tmp_path: Path, *extra: str) -> Any:
    answers = tmp_path / "answers.yaml"
    answers.write_text("age: 45\nsex: male\n", encoding="utf-8")
    return cli.run(
        "diary", "trial", "plan", "--answers", str(answers), "--dose", "magnesium 100 mg",
        "--seed", "7", *extra,
    )  # fmt: skip


def the_plan() -> Plan:
    with open_diary() as diary:
        (plan,) = diary.plans()
    return plan


def write(nights: list[tuple[dt.date, int, float]]) -> None:
    """Nights written the morning after (imported: whether each followed a plan is worked
    out from the magnesium, as for an old export)."""
    with open_diary() as diary:
        diary.import_entries(
            [
                Entry(night, legs, None, mg, written_on=night + dt.timedelta(days=1))
                for night, legs, mg in nights
            ],
            replace=True,
        )


def test_without_a_run_in_in_the_diary_the_trial_starts_after_one(cli: Cli, tmp_path: Path) -> None:
    result = plan_trial(cli, tmp_path)
    assert result.exit_code == 0, result.output
    plan = the_plan()
    assert plan.run_in_days == 14
    assert plan.start == TODAY + dt.timedelta(days=15)
    out = " ".join(result.stdout.split())
    assert "Run-in: The 14 nights before the first period" in out
    assert "With nights that vary by 1 point" in out  # examples until the run-in measures
    assert "Designs of about the same length" in out


def test_a_kept_diary_is_the_run_in_and_the_plan_says_what_it_can_find(
    cli: Cli, tmp_path: Path
) -> None:
    write([(TODAY - dt.timedelta(days=d), 5 + d % 3, 0.0) for d in range(1, 15)])
    result = plan_trial(cli, tmp_path)
    assert result.exit_code == 0, result.output
    assert the_plan().start == TODAY + dt.timedelta(days=1)
    out = " ".join(result.stdout.split())
    assert "Your nights before the trial (13 nights) varied by" in out
    document = cli.json("diary", "trial", "show")
    spread = document["planning"]["spread"]
    assert spread["nights"] == 13 and spread["sd"] > 0
    assert document["planning"]["smallest_found"] > 0
    assert [d["period_days"] for d in document["planning"]["designs"]]


def test_a_lost_pair_is_named_in_time_and_a_pair_can_be_added(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plan_trial(cli, tmp_path, "--run-in", "0").exit_code == 0
    plan = the_plan()
    first = plan.periods[0]
    on(monkeypatch, first.start + dt.timedelta(days=2))
    nothing_lost = cli.run("diary", "trial", "extend", "--yes")
    assert nothing_lost.exit_code == 2 and "no pair has lost its nights" in nothing_lost.stderr
    on(monkeypatch, first.end)  # the first period's nights passed unwritten but its last
    show = " ".join(cli.run("diary", "trial", "show").stdout.split())
    assert "Lost so far: pair 1, the period with magnesium: at most 1 of the 3" in show
    assert "mgcheck diary trial extend" in show
    assert "✗" in show  # missing nights marked on the calendar
    added = cli.run("diary", "trial", "extend", "--yes")
    assert added.exit_code == 0, added.output
    assert cli.run("diary", "trial", "extend", "--yes").exit_code == 2  # one for the lost one
    longer = the_plan()
    assert longer.pairs == 7 and longer.extra_pairs == 1 and longer.planned_pairs == 6
    # The added pair is the seed's next coin: the plan is still what its seed gives.
    from mgcheck.rules.trial import drawn_by_seed, plan_schedule

    assert drawn_by_seed(longer)
    assert longer.periods == plan_schedule(plan.start, 7, 7, 7)
    report = tmp_path / "r.md"
    on(monkeypatch, longer.end + dt.timedelta(days=1))
    assert cli.run("diary", "trial", "report", "--output", str(report)).exit_code == 0
    assert "drawn by the same seed; pairs added: 1." in report.read_text(encoding="utf-8")


def test_blinded_no_arm_is_shown_until_the_end_and_the_sealed_list_is_written_once(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sealed = tmp_path / "for-the-helper.txt"
    assert plan_trial(cli, tmp_path, "--blinded").exit_code == 2  # the list is needed
    made = plan_trial(cli, tmp_path, "--run-in", "0", "--blinded", "--sealed-list", str(sealed))
    assert made.exit_code == 0, made.output
    assert stat.S_IMODE(sealed.stat().st_mode) == 0o600
    listed = sealed.read_text(encoding="utf-8")
    plan = the_plan()
    assert plan.blinded
    assert (
        f"{plan.start.isoformat()}  {plan.periods[0].arm.value}".replace("none", "no magnesium")
        in listed
    )
    assert "week 1 of 12, magnesium" not in made.stdout and "no magnesium" not in made.stdout
    on(monkeypatch, plan.start + dt.timedelta(days=3))
    show = cli.run("diary", "trial", "show")
    assert "the night's capsule" in show.stdout and "●" in show.stdout
    assert " M" not in show.stdout.replace(" Mo", "")
    document = cli.json("diary", "trial", "show")
    assert {p["arm"] for p in document["periods"]} == {None}
    night = (plan.start + dt.timedelta(days=1)).isoformat()
    refused = cli.run("diary", "add", "--date", night, "--legs", "4")
    assert refused.exit_code == 2 and "--as-planned" in refused.stderr
    assert cli.run("diary", "add", "--date", night, "--legs", "4", "--as-planned").exit_code == 0
    skipped = (plan.start + dt.timedelta(days=2)).isoformat()
    assert cli.run("diary", "add", "--date", skipped, "--legs", "6", "--off-plan").exit_code == 0
    with open_diary() as diary:
        kept = {e.night.isoformat(): e.followed for e in diary.entries()}
    assert kept == {night: True, skipped: False}
    chart = cli.run("diary", "chart")
    assert chart.exit_code == 0 and "Leg symptoms night by night" in chart.stdout
    assert "Plan" not in chart.stdout  # no arms shaded while it runs
    on(monkeypatch, plan.end + dt.timedelta(days=1))
    after = cli.json("diary", "trial", "show")
    assert {p["arm"] for p in after["periods"]} == {"magnesium", "none"}


def test_compare_refuses_the_nights_of_a_running_trial(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write([(TODAY - dt.timedelta(days=d), 5, 0.0) for d in range(1, 30)])
    assert plan_trial(cli, tmp_path, "--run-in", "0").exit_code == 0
    plan = the_plan()
    on(monkeypatch, plan.start + dt.timedelta(days=20))
    write([(plan.start + dt.timedelta(days=d), 3, 55.0) for d in range(14)])
    refused = cli.run("diary", "compare")
    assert refused.exit_code == 2
    assert "looking at its answer early" in refused.stderr
    assert f"--until {TODAY.isoformat()}" in refused.stderr
    assert cli.run("diary", "compare", "--until", TODAY.isoformat()).exit_code == 0


def test_nights_written_after_the_result_are_marked_and_checked(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's back-filled nights: a result is seen, then nights are written in with
    --date; the next result names them, and says what it is without them."""
    assert plan_trial(cli, tmp_path, "--run-in", "0", "--pairs", "6").exit_code == 0
    plan = the_plan()
    on(monkeypatch, plan.end + dt.timedelta(days=1))
    last = plan.periods[-1]
    rows = [
        (night, 4 if p.arm is Arm.MAGNESIUM else 6, 100.0 if p.arm is Arm.MAGNESIUM else 0.0)
        for p in plan.periods[:-1]
        for night in p.nights()
    ]
    write(rows)
    first = cli.json("diary", "trial", "result")
    assert first["pairs_used"] == 5 and first["entered_after_result"] == 0
    assert the_plan().result_seen is not None  # the first result is recorded as seen
    on(monkeypatch, plan.end + dt.timedelta(days=5))
    for night in last.nights()[2:]:
        mg = "100" if last.arm is Arm.MAGNESIUM else "0"
        legs = "4" if last.arm is Arm.MAGNESIUM else "6"
        args = ("diary", "add", "--date", night.isoformat(), "--legs", legs, "--magnesium", mg)
        assert cli.run(*args).exit_code == 0
    second = cli.json("diary", "trial", "result")
    assert second["pairs_used"] == 6 and second["verdict"] == "lower"
    assert second["entered_after_result"] == 5 and second["entered_late"] == 5
    assert second["without_late"]["pairs_used"] == 5
    out = " ".join(cli.run("diary", "trial", "result").stdout.split())
    assert "after you first saw a result: 5" in out
    assert "Without them: " in out


def test_why_a_trial_stopped_goes_into_the_report(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plan_trial(cli, tmp_path, "--run-in", "0").exit_code == 0
    on(monkeypatch, TODAY + dt.timedelta(days=10))
    assert cli.run("diary", "trial", "stop", "--yes", "--reason", "nonsense").exit_code == 2
    assert cli.run("diary", "trial", "stop", "--yes", "--reason", "side-effects").exit_code == 0
    assert the_plan().stop_reason is StopReason.SIDE_EFFECTS
    report = tmp_path / "r.md"
    assert cli.run("diary", "trial", "report", "--output", str(report)).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert "because of side effects" in text and "CENT 13, 14" in text


def test_in_a_terminal_stop_asks_why(
    cli: Cli, typed: Typed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plan_trial(cli, tmp_path, "--run-in", "0").exit_code == 0
    on(monkeypatch, TODAY + dt.timedelta(days=10))
    script = typed("j", "2")
    assert cli.run("diary", "trial", "stop", "--lang", "da").exit_code == 0
    assert "Hvorfor stopper du? (Det kommer med i rapporten til din læge.)" in script.said
    assert the_plan().stop_reason is StopReason.WORSE


def test_side_effects_are_kept_and_counted_by_arm(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plan_trial(cli, tmp_path, "--run-in", "0", "--pairs", "6").exit_code == 0
    plan = the_plan()
    on(monkeypatch, plan.end + dt.timedelta(days=1))
    magnesium = next(p for p in plan.periods if p.arm is Arm.MAGNESIUM).start
    args = ("--date", magnesium.isoformat(), "--legs", "5", "--as-planned")
    assert cli.run("diary", "add", *args, "--side-effect", "løs mave").exit_code == 0
    document = cli.json("diary", "trial", "result")
    assert document["harms"]["magnesium_with"] == 1
    assert document["harms"]["magnesium_effects"] == ["løs mave"]
    assert document["harms"]["none_with"] == 0
    exported = json.loads(cli.run("diary", "export", "--format", "json").stdout)
    assert exported["entries"][0]["side_effect"] == "løs mave"


def test_the_replace_question_comes_before_any_other(cli: Cli, typed: Typed) -> None:
    """Issue 19: asked after every other question, a "no" threw the answers away."""
    write([(dt.date(2026, 11, 20), 3, 0.0)])
    script = typed("n")
    result = cli.run("diary", "add", "--date", "2026-11-20", "--lang", "da")
    assert result.exit_code == 0
    assert script.prompts[0].startswith("Natten til 21. november 2026 har allerede")
    assert len(script.prompts) == 1
    assert "Intet er ændret." in result.stdout


# --- issue 19's words and layout ------------------------------------------------------------------


def test_the_danish_plan_says_coin_toss_and_draw_number_not_honest_coin_or_seed(
    cli: Cli, tmp_path: Path
) -> None:
    out = " ".join(plan_trial(cli, tmp_path, "--run-in", "0", "--lang", "da").stdout.split())
    assert "Et møntkast for hvert par afgør" in out
    assert "lodtrækningsnummer 7" in out
    assert "ærlig mønt" not in out and "frø" not in out


def test_compare_writes_its_range_so_a_minus_and_a_dash_cannot_blur(cli: Cli) -> None:
    write([(dt.date(2026, 10, 1) + dt.timedelta(days=d), 6 + d % 2, 0.0) for d in range(20)])
    write([(dt.date(2026, 10, 21) + dt.timedelta(days=d), 4 + d % 2, 100.0) for d in range(20)])
    out = cli.run("diary", "compare", "--lang", "da").stdout
    assert "Forskel: −2,00 (95 %-interval fra −2," in out
    assert "– -" not in out and " - " not in out
    english = cli.run("diary", "compare").stdout
    assert "Difference: −2.00 (95 % interval from −2." in english


def test_add_on_a_trial_night_wraps_its_lines_and_keeps_a_number_with_its_unit(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "Trial:" and "Tonight:" lines were not wrapped ("glyc|inate")."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("age: 45\nsex: male\n", encoding="utf-8")
    dose = "magnesiumbisglycinat 100 mg elementært"
    made = cli.run(
        "diary", "trial", "plan", "--answers", str(answers), "--dose", dose, "--seed", "7",
        "--run-in", "0",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    plan = the_plan()
    on(monkeypatch, plan.start + dt.timedelta(days=9))
    night = (plan.start + dt.timedelta(days=8)).isoformat()
    for lang in ("da", "en"):
        result = cli.run(
            "diary", "add", "--date", night, "--legs", "4", "--as-planned", "--replace",
            "--lang", lang, env={"COLUMNS": "60"},
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert all(len(line) <= 60 for line in lines), lines
        assert not any(line.endswith(("100", "glyc")) for line in lines), lines
        assert any(line.startswith(("I aften:", "Tonight:")) for line in lines)


def test_the_chart_draws_nights_before_the_trial_with_their_own_bar(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pre-trial nights without magnesium were drawn with the magnesium period's █."""
    write([(TODAY - dt.timedelta(days=d), 9, 0.0) for d in range(1, 8)])
    assert plan_trial(cli, tmp_path, "--run-in", "0").exit_code == 0
    plan = the_plan()
    on(monkeypatch, plan.start + dt.timedelta(days=10))
    write([(plan.start + dt.timedelta(days=d), 9, 100.0) for d in range(2, 7)])
    rows = cli.run("diary", "chart").stdout.splitlines()
    top = next(line for line in rows if line.startswith("  9 │"))
    bars = top.split("│", 1)[1]
    assert bars.startswith("┃" * 7)  # the seven nights before the trial
    assert "█" in bars  # the magnesium period's counted nights


def test_as_planned_on_a_run_in_night_is_a_night_without_magnesium(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan says a run-in night is an ordinary night without magnesium: --as-planned, typed
    every evening from the day the plan is made, is taken as that, not refused."""
    assert plan_trial(cli, tmp_path, "--run-in", "14").exit_code == 0
    plan = the_plan()
    first = plan.run_in[0]
    on(monkeypatch, first + dt.timedelta(days=1))
    added = cli.run("diary", "add", "--date", first.isoformat(), "--legs", "5", "--as-planned")
    assert added.exit_code == 0, added.output
    assert "Run-in: 1 of its 14 nights written down" in " ".join(added.output.split())
    with open_diary() as diary:
        (entry,) = diary.entries()
    assert (entry.on_magnesium, entry.followed) == (False, None)
    before = plan.run_in[0] - dt.timedelta(days=1)
    refused = cli.run("diary", "add", "--date", before.isoformat(), "--legs", "5", "--as-planned")
    assert refused.exit_code == 2 and "no trial plan holds" in refused.output
