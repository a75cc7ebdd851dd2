"""The golden cases: every command and subcommand for a fixed set of inputs.

Each case runs the real entry point (``python -m mgcheck``, from a fork server:
``tests/forkserver.py``) in a fresh folder with ``TERM=dumb``,
a fixed width and no locale, and records stdout, stderr, the exit code and any file the case
writes. ``scripts`` here means a list of commands run one after another in the same folder and
the same ``MGCHECK_HOME`` (the diary cases). "Today" is ``FIXED_TODAY`` unless a case says
otherwise, after every date the cases use, so the day of the run never leaks in. A command may
start with ``NAME=value`` words, as on a shell line, to set its environment: the trial's
commands fix "today" so (``MGCHECK_TODAY=2024-11-30``), in 2024-25, long before any real run.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from forkserver import ForkServer, Plain, runner  # tests/forkserver.py

Runner = ForkServer | Plain
GOLDEN_DIR = Path(__file__).resolve().parent / "expected"
WIDTH = "100"

ANSWERS: dict[str, str] = {
    "example": "",  # filled from `assess --example` at run time (see _answers_files)
    "adult_citrate": """\
age: 52
sex: female
magnesium: {form: citrate, amount_mg: 400, elemental: false, per_day: 2}
legs:
  urge_to_move: true
  worse_at_rest: true
  better_when_moving: true
  worse_evening_night: true
  look_alikes: []
  days_per_week: 3
  distress: moderate
  sleep_disturbed: true
diet: {nuts_seeds: 0.5, whole_grains: 2, legumes: 0, leafy_greens: 1, fish: 0.3, dairy: 2, fruit: 1}
labs:
  magnesium: {value: 0.68, unit: mmol/L}
  ferritin: {value: 40, unit: ug/L}
  transferrin_saturation: {value: 18, unit: "%"}
""",
    "healthy_man": "age: 40\nsex: male\n",
    "urgent_overdose": """\
age: 70
sex: male
conditions: [kidney_disease]
medicines: [digoxin, thiazide_diuretic]
magnesium: {form: oxide, amount_mg: 1500, elemental: false, per_day: 2}
symptoms_now: [nausea, confusion, irregular_or_slow_heartbeat]
""",
    "child": """\
age: 10
sex: female
magnesium: {form: citrate, amount_mg: 200, elemental: true, per_day: 1}
legs:
  urge_to_move: true
  worse_at_rest: false
  better_when_moving: true
  worse_evening_night: false
  look_alikes: [cramp_knot]
  days_per_week: 1
  distress: mild
  sleep_disturbed: false
""",
    "pregnant_unknown": """\
schema_version: 2
age: 31
sex: female
pregnant: true
medicines: [iron, levothyroxine]
magnesium: {form: glycinate, amount_mg: 300, elemental: unknown, per_day: 1}
considering_magnesium: false
legs:
  urge_to_move: true
  worse_at_rest: true
  better_when_moving: true
  worse_evening_night: true
  look_alikes: [pain_when_walking]
  days_per_week: 6
  distress: severe
  sleep_disturbed: true
labs:
  ferritin: {value: 90, unit: ng/mL}
""",
    "schema1": """\
schema_version: 1
age: 66
sex: male
medicines: [loop_or_thiazide_diuretic, ppi]
symptoms_now: [dizziness_or_fainting]
considering_magnesium: true
diet: {nuts_seeds: 0, whole_grains: 0.5, legumes: 0, leafy_greens: 0, fish: 0, dairy: 0.5, fruit: 0}
labs:
  magnesium: {value: 1.5, unit: mg/dL}
""",
    "bad": 'age: true\nsex: robot\nfoo: 1\npregnant: "yes"\n',
    "unknown_form": "age: 40\nsex: male\nmagnesium: {form: magic, amount_mg: 100, per_day: 1}\n",
}
JSON_ANSWERS = (
    '{"age": 58, "sex": "male", "medicines": ["bisphosphonate", "antibiotic"], '
    '"magnesium": {"form": "oxide", "amount_mg": 250, "elemental": true, "per_day": 1}}\n'
)

FOODS_TABLE = """\
schema_version: 1
foods:
  - id: test-nuts
    name: {da: "Testnødder", en: "Test nuts"}
    group: nuts_seeds
    state: raw
    mg_per_100g: 250
    kcal_per_100g: 600
    serving: {grams: 30, label: {da: "en håndfuld", en: "a handful"}}
    source: {dataset: "USDA SR28", id: "12061", description: "Nuts, almonds"}
    in_article: false
  - id: test-beans
    name: {da: "Testbønner", en: "Test beans"}
    group: legumes
    state: cooked
    mg_per_100g: 45
    kcal_per_100g: 120
    serving: {grams: 150, label: {da: "en skål", en: "a bowl"}}
    source: {dataset: "Fineli release 20.0", id: "123", description: "Beans"}
    in_article: false
"""
BAD_FOODS_TABLE = "schema_version: 1\nfoods:\n  - id: x\n    group: rocks\n"


@dataclass
class Case:
    """One golden: commands run in order in one folder; the files to record afterwards."""

    name: str
    commands: list[list[str]]
    env: dict[str, str] = field(default_factory=dict)
    stdin: str | None = None
    files: list[str] = field(default_factory=list)


def _single(name: str, *args: str, env: dict[str, str] | None = None, **kw: object) -> Case:
    return Case(name, [list(args)], env or {}, **kw)  # type: ignore[arg-type]


DA = {"MGCHECK_LANG": "da"}
NARROW = {"COLUMNS": "60"}

DIARY_CSV = (
    "night,legs,sleep,magnesium_mg,note\n"
    + "".join(
        f"2025-03-{day:02d},{(day * 7) % 9 + 1},{(day * 5) % 10},"
        f"{0 if day <= 15 else 250},{'late coffee' if day % 6 == 0 else ''}\n"
        for day in range(1, 31)
    )
    + "".join(
        f"2025-04-{day:02d},{(day * 3) % 7 + 1},{(day * 5) % 10},250,\n" for day in range(1, 21)
    )
)


def _trial_nights() -> str:
    """A kept trial for the plan that ``diary trial plan --seed 7`` makes on 30 November 2024:
    legs about 2 points lower on magnesium, three nights missing, two off the plan."""
    import datetime as dt
    import random

    from mgcheck.rules.trial import Arm, plan_schedule

    rng = random.Random(3)
    rows = ["night,legs,sleep,magnesium_mg,note"]
    for period in plan_schedule(dt.date(2024, 12, 1), 6, 7, 7):
        for night in period.nights():
            magnesium = period.arm is Arm.MAGNESIUM
            legs = max(0, min(10, round(6 - (2 if magnesium else 0) + rng.gauss(0, 1))))
            if night.isoformat() in ("2024-12-24", "2025-01-15", "2025-02-02"):
                continue  # not written down
            if night.isoformat() in ("2024-12-31", "2025-02-10"):
                magnesium = not magnesium  # off the plan
            note = "nytår" if night.isoformat() == "2024-12-31" else ""
            rows.append(f"{night},{legs},{rng.randint(3, 8)},{55.3 if magnesium else 0},{note}")
    return "\n".join(rows) + "\n"


FIXED_TODAY = "2025-06-30"
TRIAL_START = "MGCHECK_TODAY=2024-11-30"
TRIAL_RUNNING = "MGCHECK_TODAY=2024-12-10"
TRIAL_DONE = "MGCHECK_TODAY=2025-03-01"
# --run-in 0: the kept nights below start the day after the plan (a run-in would come first).
TRIAL_PLAN = [
    *("diary", "trial", "plan", "--answers", "healthy_man.yaml", "--seed", "7"),
    *("--run-in", "0"),
]
DOSE = ["--dose", "magnesiumcitrat 400 mg forbindelse"]  # the whole compound (issue 17)


def cases() -> list[Case]:
    out: list[Case] = [
        _single("welcome"),
        _single("welcome_da", env=DA),
        _single("version_typer", "--debug", "--version"),
        # foods
        _single("foods", "foods"),
        _single("foods_narrow", "foods", env=NARROW),
        _single("foods_by_100g_group", "foods", "--by", "100g", "--group", "nuts_seeds"),
        _single("foods_energy_article", "foods", "--by", "energy", "--article", "--top", "0"),
        _single("foods_search_da", "foods", "--search", "rødbede", "--lang", "da"),
        _single("foods_target", "foods", "--target", "350", "--top", "5"),
        _single("foods_all_search", "foods", "--all", "--search", "rye"),
        _single("foods_all_narrow", "foods", "--all", "--search", "rye bread", env=NARROW),
        _single("foods_all_search_rugbrod_da", "foods", "--all", "--search", "rugbrød", env=DA),
        _single("foods_all_search_nothing", "foods", "--all", "--search", "zzzz"),
        _single("foods_own_table", "foods", "--foods", "own.yaml"),
        _single("foods_bad_table", "foods", "--foods", "bad_foods.yaml"),
        _single("foods_all_without_search", "foods", "--all"),
        _single("foods_search_nothing", "foods", "--search", "zzzz"),
        # warnings
        _single("warnings", "warnings"),
        _single("warnings_da", "warnings", "--lang", "da"),
        _single("warnings_narrow", "warnings", "--section", "help-now", env=NARROW),
        _single("warnings_section", "warnings", "--section", "medicines"),
        _single(
            "warnings_section_da", "warnings", "--section", "grænser", "--standard", "iom", env=DA
        ),
        _single("warnings_bad_section", "warnings", "--section", "nope"),
        # dose
        _single("dose_citrate", "dose", "citrate", "400"),
        _single(
            "dose_per_day_da", "dose", "magnesiumcitrat", "400", "--per-day", "2", "--lang", "da"
        ),
        _single("dose_hydrate", "dose", "citrat", "nonahydrat", "1,5", "g"),
        _single("dose_elemental", "dose", "bisglycinat", "100", "--elemental"),
        _single("dose_iom", "dose", "oxid", "500", "--standard", "iom"),
        _single("dose_age3", "dose", "citrat", "200", "--age", "3"),
        _single("dose_age10", "dose", "citrat", "200", "--age", "10"),
        _single("dose_parts", "dose", "glycinat", "800", "oxid", "200"),
        _single("dose_maybe", "dose", "citrat", "400", "--maybe-elemental"),
        _single("dose_mag2", "dose", "mag", "2", "2,25", "g"),
        _single("dose_toxic", "dose", "oxide", "3000", "--per-day", "2"),
        _single("dose_far_above_da", "dose", "oxid", "1000", "--per-day", "2", env=DA),
        _single("dose_uncertain", "dose", "citrate", "1000"),
        _single("dose_list", "dose", "--list"),
        _single("dose_list_da", "dose", "--list", "--lang", "da"),
        _single("dose_unknown_form", "dose", "magic", "400"),
        _single("dose_unknown_form_da", "dose", "citrat", "nonahydrat", "1.000", env=DA),
        _single("dose_bad_amount", "dose", "citrate", "lots"),
        _single("dose_needs_elemental", "dose", "dimagnesium", "malate", "500"),
        _single("dose_no_hydrate", "dose", "citrat", "pentahydrat", "400"),
        _single("dose_no_args", "dose"),
        _single("dose_list_with_args", "dose", "--list", "citrate"),
        # sources
        _single("sources", "sources"),
        _single("sources_da", "sources", "--lang", "da"),
        _single("sources_keys", "sources", "nnr2023", "aasm2024"),
        _single("sources_unknown", "sources", "nope", "nnr2023"),
        # schemas (issue 11)
        _single("schemas", "schemas"),
        _single("schemas_report", "schemas", "report"),
        _single("schemas_diary_compare_da", "schemas", "mgcheck.diary.compare", env=DA),
        _single("schemas_unknown_da", "schemas", "nope", env=DA),
        # assess
        _single("assess_example", "assess", "--example"),
        _single("assess_example_da", "assess", "--example", "--lang", "da"),
        _single("assess_schema", "assess", "--schema"),
        _single("assess_no_terminal", "assess"),
        _single(
            "assess_bad_output_suffix",
            "assess",
            "--answers",
            "healthy_man.yaml",
            "--output",
            "r.pdf",
        ),
        _single("assess_stdin_text", "assess", "--answers", "-", stdin=JSON_ANSWERS),
        _single("assess_missing_file", "assess", "--answers", "nope.yaml"),
        _single("assess_iom", "assess", "--answers", "adult_citrate.yaml", "--standard", "iom"),
    ]
    for name in ANSWERS:
        out.append(_single(f"assess_{name}", "assess", "--answers", f"{name}.yaml"))
        out.append(_single(f"assess_{name}_da", "assess", "--answers", f"{name}.yaml", env=DA))
    # JSON documents are checked against their schemas by tests/cli/test_schemas.py.
    for suffix in ("md", "txt", "html"):
        out.append(
            Case(
                f"assess_output_{suffix}",
                [["assess", "--answers", "adult_citrate.yaml", "--output", f"report.{suffix}"]],
                files=[f"report.{suffix}"],
            )
        )
    out.append(
        Case(
            "assess_output_da_md",
            [
                [
                    "--lang",
                    "da",
                    "assess",
                    "--answers",
                    "pregnant_unknown.yaml",
                    "--output",
                    "rapport.md",
                ]
            ],
            files=["rapport.md"],
        )
    )
    out.append(
        Case(
            "assess_output_exists",
            [
                ["assess", "--answers", "healthy_man.yaml", "--output", "r.md"],
                ["assess", "--answers", "healthy_man.yaml", "--output", "r.md"],
                ["assess", "--answers", "child.yaml", "--output", "r.md", "--force"],
            ],
            files=["r.md"],
        )
    )
    # diary: one folder, commands in order
    out.append(
        Case(
            "diary",
            [
                ["diary", "list"],
                [
                    "diary",
                    "add",
                    "--date",
                    "2025-02-01",
                    "--legs",
                    "6",
                    "--sleep",
                    "4",
                    "--magnesium",
                    "250",
                    "--note",
                    "late coffee",
                ],
                [
                    "diary",
                    "add",
                    "--date",
                    "2025-02-02",
                    "--legs",
                    "3",
                    "--form",
                    "citrat nonahydrat",
                    "--amount",
                    "1,5g",
                ],
                [
                    "diary",
                    "add",
                    "--date",
                    "2025-02-09",
                    "--legs",
                    "2",
                    "--form",
                    "citrat",
                    "--amount",
                    "400",
                ],
                [
                    "diary",
                    "add",
                    "--date",
                    "2025-02-03",
                    "--legs",
                    "2",
                    "--form",
                    "oxid",
                    "--amount",
                    "400",
                    "--lang",
                    "da",
                ],
                [
                    "diary",
                    "add",
                    "--date",
                    "2025-02-05",
                    "--legs",
                    "2",
                    "--form",
                    "magic",
                    "--amount",
                    "400",
                ],
                # labels as printed, and a refused value in Danish (issue 12)
                [
                    *("diary", "add", "--date", "2025-02-06", "--legs", "2"),
                    *("--form", "magnesiumcitrat", "--amount", "400mg", "--lang", "da"),
                ],
                [
                    *("diary", "add", "--date", "2025-02-07", "--legs", "2"),
                    *("--form", "bisglycinat", "--amount", "100 mg elementært"),
                ],
                ["diary", "add", "--date", "2025-02-08", "--legs", "6,5", "--lang", "da"],
                ["diary", "add", "--date", "2025-02-01", "--legs", "5"],
                ["diary", "add", "--date", "2025-02-01", "--legs", "5", "--replace"],
                ["diary", "add", "--date", "2025-02-04"],
                ["diary", "add", "--date", "2999-01-01", "--legs", "1"],
                ["diary", "add", "--date", "2025-13-01", "--legs", "1"],
                ["diary", "import", "diary.csv"],
                ["diary", "import", "diary.csv"],
                ["diary", "list", "--since", "2025-01-01", "--until", "2025-04-30"],
                ["diary", "list", "--all", "--json"],
                ["diary", "list", "--since", "2025-04-01", "--until", "2025-04-10", "--lang", "da"],
                ["diary", "list", "--since", "2025-05-01", "--until", "2025-04-01"],
                ["diary", "chart", "--since", "2025-02-01", "--until", "2025-04-20"],
                [
                    "diary",
                    "chart",
                    "--since",
                    "2025-03-01",
                    "--until",
                    "2025-03-31",
                    "--lang",
                    "da",
                ],
                ["diary", "compare"],
                ["diary", "compare", "--json"],
                ["diary", "compare", "--split", "2025-03-16", "--lang", "da"],
                ["diary", "compare", "--split", "2025-03-16", "--json"],
                ["diary", "compare", "--since", "2025-04-01"],
                ["diary", "export"],
                ["diary", "export", "--format", "json"],
                ["diary", "export", "--output", "out.csv"],
                ["diary", "export", "--output", "out.json"],
                ["diary", "export", "--output", "out.csv"],
                ["diary", "export", "--format", "xml"],
                ["diary", "delete", "2025-02-03"],
                ["diary", "delete", "2025-02-03"],
                ["diary", "backup", "copy.sqlite3"],
                ["diary", "forget"],
                ["diary", "forget", "--all"],
                ["diary", "forget", "--all", "--yes"],
                ["diary", "list", "--all"],
                ["diary", "chart", "--since", "2025-03-01", "--until", "2025-03-31"],
                ["diary", "compare", "--json"],
            ],
            files=["out.csv", "out.json"],
        )
    )
    out.append(
        Case(
            "diary_empty_da",
            [
                ["diary", "list"],
                ["diary", "chart", "--since", "2025-01-01"],
                ["diary", "compare"],
                ["diary", "export"],
                ["diary", "forget", "--all"],
            ],
            env=DA,
        )
    )
    # the n-of-1 trial (issue 13): planned, kept, analysed, reported, stopped
    out.append(
        Case(
            "trial",
            [
                [TRIAL_START, "diary", "trial", "show"],
                [TRIAL_START, "diary", "trial", "result"],
                [TRIAL_START, "diary", "trial", "plan", "--dose", "magnesium 100 mg"],
                [TRIAL_START, *TRIAL_PLAN[:3], "--answers", "child.yaml", *DOSE],
                [TRIAL_START, *TRIAL_PLAN[:3], "--answers", "urgent_overdose.yaml", *DOSE],
                [TRIAL_START, *TRIAL_PLAN[:3], "--answers", "pregnant_unknown.yaml", *DOSE],
                [TRIAL_START, *TRIAL_PLAN, "--dose", "magnesium 300 mg", "--lang", "da"],
                [TRIAL_START, *TRIAL_PLAN, *DOSE, "--period", "7,5", "--lang", "da"],
                [TRIAL_START, *TRIAL_PLAN, *DOSE, "--start", "2024-11-01"],
                [TRIAL_START, *TRIAL_PLAN, *DOSE],
                [TRIAL_START, *TRIAL_PLAN, *DOSE],
                [TRIAL_RUNNING, "COLUMNS=60", "diary", "trial", "show", "--lang", "da"],
                [TRIAL_RUNNING, "diary", "trial", "show", "--json"],
                [TRIAL_RUNNING, "diary", "add", "--legs", "4", "--as-planned", "--lang", "da"],
                [TRIAL_RUNNING, "diary", "add", "--date", "2024-12-04", "--legs", "3"],
                [
                    *(TRIAL_RUNNING, "diary", "add", "--date", "2024-12-04", "--legs", "3"),
                    *("--form", "magnesium", "--amount", "100 mg"),
                ],
                [TRIAL_RUNNING, "diary", "add", "--date", "2024-12-08", "--legs", "5"],
                [TRIAL_RUNNING, "diary", "trial", "result"],
                [TRIAL_RUNNING, "diary", "trial", "result", "--json"],
                [TRIAL_DONE, "diary", "import", "trial_nights.csv", "--replace"],
                [TRIAL_DONE, "diary", "trial", "result"],
                [TRIAL_DONE, "diary", "trial", "result", "--lang", "da"],
                [TRIAL_DONE, "diary", "trial", "result", "--json"],
                [TRIAL_DONE, "diary", "chart", "--lang", "da"],
                [TRIAL_DONE, "COLUMNS=80", "diary", "chart", "--until", "2025-01-20"],
                [TRIAL_DONE, "diary", "list", "--since", "2024-12-28", "--until", "2025-01-04"],
                [TRIAL_DONE, "diary", "trial", "report", "--output", "trial.md"],
                [
                    TRIAL_DONE,
                    "diary",
                    "trial",
                    "report",
                    "--output",
                    "forsoeg.html",
                    "--lang",
                    "da",
                ],
                [TRIAL_DONE, "diary", "trial", "report", "--output", "trial.md"],
                [TRIAL_DONE, "diary", "export", "--output", "trial.csv"],
                [TRIAL_DONE, "diary", "export", "--output", "trial.json"],
                [
                    *(TRIAL_DONE, *TRIAL_PLAN, "--dose", "magnesium 200 mg", "--pairs", "5"),
                    *("--start", "2025-03-01", "--lang", "da"),
                ],
                [TRIAL_DONE, "diary", "trial", "stop"],
                [TRIAL_DONE, "diary", "trial", "stop", "--yes", "--lang", "da"],
                [TRIAL_DONE, "diary", "trial", "show", "--all"],
                [TRIAL_DONE, "diary", "trial", "show", "--all", "--json"],
                [TRIAL_DONE, "diary", "trial", "show", "--plan", "2", "--lang", "da"],
                [TRIAL_DONE, "diary", "forget", "--all", "--yes"],
                [TRIAL_DONE, "diary", "import", "trial.csv"],
                [TRIAL_DONE, "diary", "trial", "show", "--all"],
            ],
            files=["trial.md", "forsoeg.html", "trial.json"],
        )
    )
    # Every help screen is in docs/cli.md (scripts/cli_docs.py, tests/cli/test_cli_docs.py).
    out.append(_single("usage_error", "foods", "--by", "weight"))
    out.append(_single("usage_error_da", "foods", "--by", "vægt", env=DA))
    out.append(_single("usage_range_da", "dose", "citrat", "400", "--per-day", "30", env=DA))
    out.append(_single("usage_no_option_da", "foods", "--nope", env=DA))
    out.append(_single("foods_group_da", "foods", "--group", "bælgfrugter", env=DA))
    out.append(_single("foods_group_unknown_da", "foods", "--group", "sten", env=DA))
    out.append(_single("unknown_command", "nope"))
    return out


def _environment(home: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "FORCE_COLOR",
            "PY_COLORS",
            "CLICOLOR_FORCE",
            "GITHUB_ACTIONS",
            "TTY_COMPATIBLE",
            "MGCHECK_LANG",
            "LANGUAGE",
            "LC_ALL",
            "LC_MESSAGES",
            "LANG",
            "NO_COLOR",
            "COLUMNS",
            "LINES",
            "PYTHONIOENCODING",
        }
    }
    env.update(
        TERM="dumb",
        COLUMNS=WIDTH,
        LINES="40",
        MGCHECK_HOME=str(home / "home"),
        HOME=str(home / "userhome"),
        PYTHONHASHSEED="0",
        PYTHONUTF8="1",
        # "Today" is fixed, after every date the cases use: a transcript never depends on the
        # day it runs (a date in the data equal to the real today was once replaced).
        MGCHECK_TODAY=FIXED_TODAY,
    )
    env.update(extra)
    return env


@cache
def _example() -> str:
    with tempfile.TemporaryDirectory(prefix="mgcheck-golden-") as name:
        return subprocess.run(
            [sys.executable, "-m", "mgcheck", "assess", "--example"],
            capture_output=True,
            text=True,
            check=True,
            env=_environment(Path(name), {}),
        ).stdout


def _setup(folder: Path) -> None:
    example = _example()
    for name, text in ANSWERS.items():
        (folder / f"{name}.yaml").write_text(text or example, encoding="utf-8")
    (folder / "own.yaml").write_text(FOODS_TABLE, encoding="utf-8")
    (folder / "bad_foods.yaml").write_text(BAD_FOODS_TABLE, encoding="utf-8")
    (folder / "diary.csv").write_text(DIARY_CSV, encoding="utf-8")
    (folder / "trial_nights.csv").write_text(_trial_nights(), encoding="utf-8")


def _normalise(text: str, folder: Path) -> str:
    text = text.replace(str(folder), "<TMP>")
    # How to run mgcheck again names this installation's script: by its path, or as "mgcheck"
    # when the PATH finds it (tests/unit/test_keep.py checks which); one spelling here.
    # A folder with a space in its name is quoted (issue 21: a checkout anywhere passes).
    script = str(Path(sys.executable).parent / "mgcheck")
    return text.replace(shlex.quote(script), "mgcheck").replace(script, "mgcheck")


_SETTING = re.compile(r"[A-Z_]+=\S*")  # NAME=value before a command: its environment


def server_environment() -> dict[str, str]:
    """The environment a fork server starts in: what every case shares from start-up (UTF-8
    mode, the hash seed); each command then gets its case's own (:func:`_environment`)."""
    return _environment(Path(tempfile.gettempdir()), {})


def run_case(case: Case, mgcheck: Runner) -> str:
    """The case's transcript: each command with its exit code, stdout and stderr, then files."""
    with tempfile.TemporaryDirectory(prefix="mgcheck-golden-") as name:
        folder = Path(name).resolve()
        _setup(folder)
        env = _environment(folder, case.env)
        parts: list[str] = []
        for line in case.commands:
            settings = list(itertools.takewhile(_SETTING.fullmatch, line))
            args = line[len(settings) :]
            done = mgcheck.run(
                args,
                env={**env, **dict(word.split("=", 1) for word in settings)},
                cwd=folder,
                stdin=(case.stdin or "").encode("utf-8"),
                timeout=120,
            )
            shell = "".join(f"{word} " for word in settings)
            parts.append(f"$ {shell}mgcheck {' '.join(args)}\n")
            parts.append(f"--- exit {done.returncode}\n")
            parts.append("--- stdout\n" + done.stdout.decode("utf-8", "replace"))
            parts.append("--- stderr\n" + done.stderr.decode("utf-8", "replace"))
        for file in case.files:
            path = folder / file
            content = path.read_text(encoding="utf-8") if path.exists() else "<missing>\n"
            parts.append(f"--- file {file}\n" + content)
        return _normalise("".join(parts), folder)


def run_all(selected: Iterable[Case]) -> dict[str, str]:
    """Every case, two at a time, each thread with a fork server of its own."""
    chosen = list(selected)
    local = threading.local()
    started: list[Runner] = []

    def run(case: Case) -> str:
        if not hasattr(local, "mgcheck"):
            local.mgcheck = runner(server_environment())
            started.append(local.mgcheck)
        return run_case(case, local.mgcheck)

    try:
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            return dict(zip((c.name for c in chosen), pool.map(run, chosen), strict=True))
    finally:
        for each in started:
            each.close()
