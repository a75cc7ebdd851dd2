"""Many mgcheck processes on one diary at once, some killed: nothing reported saved is lost.

Issue 10, points 1 and 4, in real processes (the in-process versions are in test_hostile_store.py).
Nothing here depends on how busy the machine is (issue 20, point 6): the processes start
together at a barrier (each says "ready" once it has imported mgcheck; the test then opens
the gate), a process is killed after it has reported a chosen number of operations, not at a
moment, and every wait has a deadline of minutes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

SHARED_NIGHTS = ("2026-10-01", "2026-10-02", "2026-10-03")

WORKER = r"""
import datetime as dt, json, random, sys, time
from typer.testing import CliRunner
from mgcheck.cli.app import app
from mgcheck.i18n import set_language

import mgcheck.cli.diary, mgcheck.store.diary_files, mgcheck.store.diary  # warm: imports first
from pathlib import Path
set_language("en")
worker, operations, gate = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
shared = sys.argv[4].split(",")
rng = random.Random(worker)
runner = CliRunner()
print("ready", flush=True)
while not gate.exists():
    time.sleep(0.001)
for k in range(operations):
    note = f"w{worker}-{k}"
    legs = (worker * 7 + k) % 11  # a row's legs must match its note: no half-written rows
    roll = rng.random()
    if roll < 0.25:
        night = (dt.date(2000, 1, 1) + dt.timedelta(days=worker * 100 + k)).isoformat()
        op, args = "own", ["--date", night, "--legs", str(legs), "--note", note]
    else:
        night = rng.choice(shared)
        if roll < 0.5:
            op, args = "add", ["--date", night, "--legs", str(legs), "--note", note]
        elif roll < 0.75:
            op = "replace"
            args = ["--date", night, "--legs", str(legs), "--note", note, "--replace"]
        else:
            op, args = "delete", [night]
    command = ["diary", "delete" if op == "delete" else "add", *args]
    t0 = time.monotonic()
    result = runner.invoke(app, command)
    t1 = time.monotonic()
    print(json.dumps({"op": op, "night": night, "note": note, "legs": legs,
                      "code": result.exit_code, "out": result.output.strip(),
                      "t0": t0, "t1": t1}), flush=True)
"""


@dataclass(frozen=True)
class Op:
    op: str
    night: str
    note: str
    legs: int
    code: int | None  # None: killed before it reported
    out: str
    t0: float
    t1: float


def _spawn(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


DEADLINE = 600  # seconds: for a process to start, or to finish; only a hang reaches it


def _rest(process: subprocess.Popen[str]) -> tuple[str, str]:
    """What the process printed after the lines already read from it, once it has ended.
    (Not communicate(): it reads the pipe itself and would lose what readline() buffered.
    Its output is a few kB, so it cannot block on a full pipe meanwhile.)"""
    process.wait(timeout=DEADLINE)
    assert process.stdout is not None and process.stderr is not None
    return process.stdout.read(), process.stderr.read()


def _watch(
    processes: list[subprocess.Popen[str]], after: dict[int, int]
) -> tuple[dict[int, str], dict[int, float]]:
    """Read every process's lines as they come, all at once, and kill a victim the moment it
    has reported ``after[victim]`` operations (while the others keep working). Returns what
    each printed and when each victim was killed (time.monotonic, as the workers time)."""
    import selectors

    chunks: dict[int, bytes] = dict.fromkeys(range(len(processes)), b"")
    kill_times: dict[int, float] = {}
    watching = selectors.DefaultSelector()
    for number, process in enumerate(processes):
        assert process.stdout is not None
        watching.register(process.stdout.fileno(), selectors.EVENT_READ, number)
    deadline = time.monotonic() + DEADLINE
    while watching.get_map():
        events = watching.select(timeout=max(0.0, deadline - time.monotonic()))
        assert events, "a process printed nothing for the whole deadline"
        for key, _mask in events:
            number = key.data
            chunk = os.read(key.fd, 65536)
            if not chunk:
                watching.unregister(key.fd)
                continue
            chunks[number] += chunk
            due = number in after and chunks[number].count(b"\n") >= after[number]
            if due and number not in kill_times:
                processes[number].send_signal(signal.SIGKILL)
                kill_times[number] = time.monotonic()
    watching.close()
    return {n: text.decode("utf-8") for n, text in chunks.items()}, kill_times


def _ready(processes: list[subprocess.Popen[str]]) -> None:
    """Wait until every process has said "ready" (it has imported what it needs)."""
    for process in processes:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line == "ready\n", (line, process.stderr.read() if process.stderr else "")


@pytest.mark.slow
def test_twenty_processes_adding_replacing_deleting_and_killed(tmp_path: Path) -> None:
    workers, operations, killed = 20, 12, 5
    gate = tmp_path / "go"
    processes = [
        _spawn([WORKER, str(w), str(operations), str(gate), ",".join(SHARED_NIGHTS)])
        for w in range(workers)
    ]
    rng = random.Random(10)
    victims = rng.sample(range(workers), killed)
    chosen = set(victims)
    # Each victim is killed as soon as it has reported this many operations: while it works,
    # with at least half of its operations still to do, however fast or slow the machine.
    after = {victim: rng.randint(1, operations // 2) for victim in victims}
    _ready(processes)
    gate.touch()  # all start together
    printed, kill_times = _watch(processes, after)
    ops: list[Op] = []
    done_by_victims: list[int] = []
    for number, process in enumerate(processes):
        process.wait(timeout=DEADLINE)
        assert process.stderr is not None
        out, err = printed[number], process.stderr.read()
        if number in chosen:
            assert process.returncode in (0, -signal.SIGKILL)
            killed -= process.returncode == 0  # it had finished before its moment came
        else:
            assert process.returncode == 0, err
        done = [Op(**json.loads(line)) for line in out.splitlines()]
        ops += done
        if number in chosen:
            done_by_victims.append(len(done))
        if number in chosen and len(done) < operations:  # the op it was killed in
            op = done[-1] if done else None
            ops.append(
                Op(
                    "unknown",
                    "",
                    f"w{number}-{len(done)}",
                    -1,
                    None,
                    "",
                    op.t1 if op else 0,
                    kill_times[number],
                )
            )

    expected = {
        ("own", 0, "Saved"),
        ("add", 0, "Saved"),
        ("add", 2, "already has an entry"),
        ("replace", 0, "Saved"),
        ("replace", 0, "Replaced"),
        ("delete", 0, "Deleted"),
        ("delete", 2, "no entry for"),
    }
    for op in ops:
        if op.code is not None:
            assert any(
                (op.op, op.code) == (kind, code) and words in op.out
                for kind, code, words in expected
            ), op

    conn = sqlite3.connect(Path(os.environ["MGCHECK_HOME"]) / "diary.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = {
        night: (legs, note)
        for night, legs, note in conn.execute("SELECT night, legs, note FROM entries")
    }
    conn.close()

    # Every night of one process alone that it reported saved is there, exactly as written.
    for op in ops:
        if op.op == "own" and op.code == 0:
            assert rows[op.night] == (op.legs, op.note), op
    tried = {op.note: op for op in ops if op.op != "delete"}
    for night, (legs, note) in rows.items():
        origin = tried.get(note)
        assert origin is not None, (night, note)  # never a row nobody wrote
        if origin.code is not None:
            story = [op for op in ops if op.night == night]
            assert origin.code == 0, (origin, story)  # never a row whose writer heard "failed"
            assert (origin.night, origin.legs) == (night, legs)  # never half-written
    for night in SHARED_NIGHTS:
        _check_history(
            night, [op for op in ops if op.night == night or op.code is None], rows.get(night)
        )
    reported = sum(op.code is not None for op in ops)
    assert reported >= (workers - killed) * operations
    assert killed >= 3
    print(
        f"{workers} processes, {len(ops)} operations, {killed} killed after "
        f"{sorted(done_by_victims)} operations, {len(rows)} rows"
    )


def _check_history(night: str, ops: list[Op], final: tuple[int, str] | None) -> None:
    """Two "Saved" (a new entry) for one night need a delete between them, or one was lost.

    Each operation took effect at one moment between its start and its end, so a delete fits
    between two saves if its interval overlaps the span from one save's start to the other's
    end, in either order. And the diary's last word agrees with the operation that surely came
    last (no other change overlaps it).
    """
    changes = [op for op in ops if op.code is None or (op.code == 0 and op.op != "own")]
    saved_new = sorted(
        (op for op in changes if op.code == 0 and op.out.startswith("Saved")), key=lambda o: o.t0
    )
    deletes = [op for op in changes if op.op in ("delete", "unknown")]

    def between(a: Op, b: Op, d: Op) -> bool:
        return (d.t1 > a.t0 and d.t0 < b.t1) or (d.t1 > b.t0 and d.t0 < a.t1)

    for first, second in pairwise(saved_new):
        assert any(between(first, second, d) for d in deletes), (night, first, second)
    if not changes:
        return
    last = max(changes, key=lambda o: o.t0)
    overlapping = [op for op in changes if op.t1 > last.t0 and op is not last]
    if last.code is not None and not overlapping:
        if last.op == "delete":
            assert final is None, (night, last)
        else:
            assert final is not None and final[1] == last.note, (night, last, final)


FIRST_RUN = r"""
import sys, time
from mgcheck.errors import MgcheckError
from mgcheck.store.diary import open_diary
from pathlib import Path
base, rounds = Path(sys.argv[1]), int(sys.argv[2])
print("ready", flush=True)
for r in range(rounds):
    while not (base / f"go-{r}").exists():  # every process starts round r together
        time.sleep(0.001)
    try:
        open_diary(base / str(r) / "diary.sqlite3").close()
        print("ok", flush=True)
    except MgcheckError as exc:
        print(exc.message, flush=True)
"""


@pytest.mark.slow
def test_many_first_runs_at_once_all_succeed(tmp_path: Path) -> None:
    """Twelve processes create the same new diary at once, ten times over: each round starts
    for all of them together, when all have finished the round before."""
    processes, rounds = 12, 10
    for r in range(rounds):
        (tmp_path / str(r)).mkdir(mode=0o700)
    running = [_spawn([FIRST_RUN, str(tmp_path), str(rounds)]) for _ in range(processes)]
    _ready(running)
    outcomes: list[str] = []
    for r in range(rounds):
        (tmp_path / f"go-{r}").touch()
        for process in running:
            assert process.stdout is not None
            outcomes.append(process.stdout.readline().strip())
    for process in running:
        _out, err = _rest(process)
        assert process.returncode == 0, err
    assert len(outcomes) == processes * rounds
    assert [o for o in outcomes if o != "ok"] == []
    from mgcheck.store.diary import open_diary

    for r in range(rounds):
        folder = tmp_path / str(r)
        # No half-made diary is left behind. SQLite's own -wal and -shm may be: a connection
        # removes them on closing only if no other is opening at that instant, which happened
        # at load 20 (1 run in 20). The next mgcheck alone finds the diary whole and clears them.
        left = sorted(p.name for p in folder.iterdir())
        assert set(left) <= {"diary.sqlite3", "diary.sqlite3-wal", "diary.sqlite3-shm"}, left
        with open_diary(folder / "diary.sqlite3") as diary:
            assert diary.entries() == []
        assert [p.name for p in folder.iterdir()] == ["diary.sqlite3"]
