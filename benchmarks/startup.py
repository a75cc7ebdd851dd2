"""Cold-start times of mgcheck commands against two floors measured in the same run.

    .venv/bin/python benchmarks/startup.py [--runs N]

Floors: ``python -c "import typer"`` and a minimal one-command Typer app that prints a one-row
Rich table (the least a Typer + Rich command can do). The runs are interleaved (every command
once, then every command again, N times), so drift of the machine's speed touches every
command alike and the ratios stay fair. Each figure is the median of N runs (default 15) of a
fresh process; peak memory is the largest resident set of any run. Prints a Markdown table for
the README and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MINIMAL_APP = """
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def show() -> None:
    table = Table("food", "mg")
    table.add_row("almonds", "270")
    Console().print(table)


app()
"""


PEAK_MIB = 45


@dataclass(frozen=True)
class Case:
    label: str
    argv: list[str]
    floor: str | None = None
    target: float | None = None


@dataclass(frozen=True)
class Measured:
    median_s: float
    peak_mib: float


def once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """One cold start: seconds and peak resident set (KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def measure_interleaved(cases: list[Case], runs: int, env: dict[str, str]) -> dict[str, Measured]:
    """A B C … A B C …: each round runs every case once."""
    times: dict[str, list[float]] = {case.label: [] for case in cases}
    peaks: dict[str, int] = {case.label: 0 for case in cases}
    for _ in range(runs):
        for case in cases:
            seconds, kib = once(case.argv, env)
            times[case.label].append(seconds)
            peaks[case.label] = max(peaks[case.label], kib)
    return {
        label: Measured(statistics.median(values), peaks[label] / 1024)
        for label, values in times.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = max(10, parser.parse_args().runs)
    python = sys.executable
    mgcheck = str(Path(python).parent / "mgcheck")
    env = dict(os.environ, TERM="dumb", COLUMNS="100", MGCHECK_LANG="en")
    # An installed wheel has its bytecode (pip compiles it); an editable checkout has it only
    # if Python could write it, which PYTHONDONTWRITEBYTECODE forbids: compile it first, or
    # every run would compile mgcheck from source and the ratios measure the compiler.
    subprocess.run(
        [
            python,
            "-c",
            "import compileall, mgcheck; compileall.compile_dir(mgcheck.__path__[0], quiet=1)",
        ],
        env=env,
        check=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        app_file = Path(tmp) / "minimal_app.py"
        app_file.write_text(MINIMAL_APP, encoding="utf-8")
        answers_file = Path(tmp) / "example.yaml"
        example = subprocess.run(
            [mgcheck, "assess", "--example"], capture_output=True, text=True, env=env, check=True
        )
        answers_file.write_text(example.stdout, encoding="utf-8")
        # Ten years of nightly diary entries (3,650), in a diary of their own.
        env["MGCHECK_HOME"] = str(Path(tmp) / "home")
        start = dt.date(2016, 1, 1)
        rows = ["night,legs,sleep,magnesium_mg,note"]
        rows += [
            f"{start + dt.timedelta(days=i)},{(i * 7) % 11},{i % 11},{250 if i % 3 else 0},"
            for i in range(3650)
        ]
        export = Path(tmp) / "diary.csv"
        export.write_text("\n".join(rows) + "\n", encoding="utf-8")
        subprocess.run(
            [mgcheck, "diary", "import", str(export)], env=env, check=True, capture_output=True
        )
        cases = [
            Case("python -c 'import typer' (floor A)", [python, "-c", "import typer"]),
            Case("minimal Typer + Rich table app (floor B)", [python, str(app_file)]),
            Case("mgcheck --version", [mgcheck, "--version"], "A", 0.3),
            Case("mgcheck foods", [mgcheck, "foods"], "B", 1.25),
            Case("mgcheck foods --json", [mgcheck, "foods", "--json"], "B", 1.25),
            Case(
                "mgcheck foods --all --search rye",
                [mgcheck, "foods", "--all", "--search", "rye"],
                "B",
                1.25,
            ),
            Case(
                "mgcheck assess --answers example.yaml",
                [mgcheck, "assess", "--answers", str(answers_file)],
                "B",
                1.25,
            ),
            Case(
                "mgcheck assess --answers example.yaml --json",
                [mgcheck, "assess", "--answers", str(answers_file), "--json"],
                "B",
                1.25,
            ),
            Case("mgcheck diary list (3,650 nights)", [mgcheck, "diary", "list"], "B", 1.25),
            Case("mgcheck diary chart (3,650 nights)", [mgcheck, "diary", "chart"], "B", 1.25),
            Case("mgcheck diary compare (3,650 nights)", [mgcheck, "diary", "compare"], "B", 1.25),
            Case("mgcheck warnings", [mgcheck, "warnings"], "B", 1.25),
            Case("mgcheck dose citrate 400", [mgcheck, "dose", "citrate", "400"], "B", 1.25),
            Case("mgcheck sources", [mgcheck, "sources"], "B", 1.25),
        ]
        # One untimed pass warms the file cache and writes .pyc files.
        for case in cases:
            once(case.argv, env)
        results = measure_interleaved(cases, runs, env)
    floors = {"A": results[cases[0].label].median_s, "B": results[cases[1].label].median_s}
    print(
        f"Median of {runs} interleaved cold starts, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores; peak memory target ≤ {PEAK_MIB} MiB."
    )
    print()
    print("| command | median | ratio | target | peak memory |")
    print("|---|---:|---:|---:|---:|")
    failed = False
    for case in cases:
        result = results[case.label]
        if case.floor is None:
            ratio, target = "floor", ""
        else:
            value = result.median_s / floors[case.floor]
            ratio = f"{value:.2f}× {case.floor}"
            if case.target is None:
                target = "–"
            else:
                ok = value <= case.target
                failed |= not ok
                target = f"≤ {case.target}× {'✓' if ok else '✗'}"
        failed |= result.peak_mib > PEAK_MIB
        print(
            f"| `{case.label}` | {result.median_s * 1000:.0f} ms | {ratio} | {target} "
            f"| {result.peak_mib:.0f} MiB |"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
