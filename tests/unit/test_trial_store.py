"""Trial plans in the diary: the migration from a real schema-1 file, one active plan, and
``followed`` checked inside the transaction that writes it (issue 13)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from mgcheck.errors import MgcheckError
from mgcheck.models.diary import Entry
from mgcheck.models.plan import Arm, Plan, PlanStatus
from mgcheck.results.trial import new_plan
from mgcheck.rules.trial import followed_is_consistent
from mgcheck.store import diary as store
from mgcheck.store import snapshot
from mgcheck.store.diary import (
    Diary,
    PlanConflict,
    PlanExists,
    PlanIndex,
    PlanMismatch,
    diary_path,
    open_diary,
    open_existing,
)
from mgcheck.store.diary_files import read_export, to_csv, to_json

V1 = Path(__file__).resolve().parents[1] / "data" / "diary_v1.sqlite3"  # made by mgcheck 0.x, main
TODAY = dt.date(2026, 11, 30)


def a_plan(start: dt.date = dt.date(2026, 12, 1), seed: int = 7, pairs: int = 6) -> Plan:
    from mgcheck.results.trial import Design

    return new_plan(
        Design(start, pairs, 7, 2, 2.0),
        snapshot.trial(),
        seed=seed,
        seed_drawn=False,
        dose="magnesium 100 mg",
        dose_mg=(100.0, 100.0),
        screen_ids=(),
        doctor_ok=False,
        today=TODAY,
    )


def _install_v1() -> Path:
    target = diary_path()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(V1, target)
    target.chmod(0o600)
    return target


def test_a_real_schema_1_diary_opens_and_is_migrated_keeping_every_night() -> None:
    path = _install_v1()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    before = conn.execute("SELECT * FROM entries ORDER BY night").fetchall()
    conn.close()
    diary = open_existing()
    assert diary is not None
    with diary:
        read = diary.entries()
        assert diary.plans() == [] and diary.problems == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.LATEST == 3
    columns = [row[1] for row in conn.execute("PRAGMA table_info(entries)")]
    assert columns == [
        "night",
        "legs",
        "sleep",
        "magnesium_mg",
        "note",
        "magnesium_mg_high",
        "followed",
        "side_effect",
        "written_on",
        "written",
    ]
    after = conn.execute(
        "SELECT night, legs, sleep, magnesium_mg, note FROM entries ORDER BY night"
    ).fetchall()
    assert after == before
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert [(e.night, e.legs, e.magnesium_mg, e.note) for e in read] == [
        (dt.date(2026, 10, 1), 6, 0.0, "før magnesium"),
        (dt.date(2026, 10, 2), 5, 0.0, ""),
        (dt.date(2026, 10, 3), 3, 250.0, "=SUM(A1) ikke en formel"),
        (dt.date(2026, 10, 4), 2, 178.3, "citrat nonahydrat 1,5 g"),
    ]
    assert all(e.magnesium_mg_high is None and e.followed is None for e in read)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open_diary() as diary:  # and it takes a plan
        assert diary.create_plan(a_plan(), TODAY).id == 1


def test_the_migrated_file_exports_what_the_old_one_held() -> None:
    _install_v1()
    with open_diary() as diary:
        entries = diary.entries()
    assert read_export(to_csv(entries).encode(), "x").entries == entries
    assert read_export(to_json(entries).encode(), "x").entries == entries


def test_a_half_done_migration_to_schema_2_leaves_schema_1(monkeypatch: pytest.MonkeyPatch) -> None:
    path = _install_v1()
    broken = [store.MIGRATIONS[0], (*store.MIGRATIONS[1], "THIS IS NOT SQL")]
    monkeypatch.setattr(store, "MIGRATIONS", broken)
    with pytest.raises(MgcheckError, match="rolled back"):
        open_diary()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [r[1] for r in conn.execute("PRAGMA table_info(entries)")][-1] == "note"
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")} == {
        "entries"
    }
    conn.close()


def test_one_active_plan_even_at_the_sql_level() -> None:
    with open_diary() as diary:
        diary.create_plan(a_plan(), TODAY)
        with pytest.raises(PlanExists) as exc:
            diary.create_plan(a_plan(dt.date(2027, 6, 1)), TODAY)
        assert exc.value.plan.id == 1
    conn = sqlite3.connect(diary_path())
    row = conn.execute("SELECT * FROM plans").fetchone()
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO plans VALUES (2, ?, 'active', NULL, 1, 0, 6, 7, 2, 3, 'x', 1, 1, 2, "
            "0.05, 0.95, '', 0, 0, 0, 0, NULL, NULL, NULL)",
            (row[1],),
        )
    conn.close()


def test_the_plan_check_and_the_insert_are_one_transaction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While one mgcheck checks that no plan is active and inserts its own, another cannot
    write: it waits for the lock (here, with no patience, it is refused outright)."""
    open_diary().close()
    original = Diary._insert_plan
    blocked: list[str] = []

    def insert_while_another_tries(conn: sqlite3.Connection, plan: Plan, known: PlanIndex) -> Plan:
        other = sqlite3.connect(diary_path(), timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            blocked.append(str(exc))
        finally:
            other.close()
        return original(conn, plan, known)

    monkeypatch.setattr(Diary, "_insert_plan", staticmethod(insert_while_another_tries))
    with open_diary() as diary:
        diary.create_plan(a_plan(), TODAY)
    assert blocked == ["database is locked"]


def test_followed_is_checked_against_the_plan_inside_the_write() -> None:
    plan = a_plan()
    mg = next(p for p in plan.periods if p.arm is Arm.MAGNESIUM).start
    none = next(p for p in plan.periods if p.arm is Arm.NONE).start
    with open_diary() as diary:
        diary.create_plan(plan, TODAY)
        with pytest.raises(PlanMismatch, match="needs_followed"):
            diary.add(Entry(mg, 3))
        with pytest.raises(PlanMismatch, match="contradicts"):
            diary.add(Entry(none, 3, None, 100.0, "", None, True))
        with pytest.raises(PlanMismatch, match="contradicts"):
            diary.add(Entry(mg, 3, None, 0.0, "", None, True))
        with pytest.raises(PlanMismatch, match="no_plan"):
            diary.add(Entry(dt.date(2026, 11, 20), 3, None, 0.0, "", None, True))
        diary.add(Entry(mg, 3, None, 100.0, "", None, True))
        diary.add(Entry(none, 3, None, 100.0, "", None, False))
        assert [e.followed for e in diary.entries()] == [True, False]


def test_an_import_without_flags_gets_them_worked_out() -> None:
    plan = a_plan()
    with open_diary() as diary:
        diary.create_plan(plan, TODAY)
        rows = [
            Entry(n, 4, None, 100.0 * (i % 3 == 0)) for i, n in enumerate(plan.periods[0].nights())
        ]
        diary.import_entries(rows)
        for entry in diary.entries():
            period = plan.period_of(entry.night)
            assert period is not None and entry.followed is not None
            assert followed_is_consistent(period.arm, entry.magnesium_mg, entry.followed)


def test_stopping_takes_tonight_and_later_out_of_the_plan() -> None:
    plan = a_plan()
    first = plan.periods[0].start
    with open_diary() as diary:
        diary.create_plan(plan, TODAY)
        diary.add(Entry(first, 3, None, 0.0, "", None, plan.periods[0].arm is Arm.NONE))
        diary.add(
            Entry(
                first + dt.timedelta(1),
                3,
                None,
                0.0,
                "",
                None,
                plan.periods[0].arm is Arm.NONE,
            )
        )
        stopped = diary.stop_plan(first + dt.timedelta(1))
        assert stopped is not None and stopped.status is PlanStatus.STOPPED
        assert [e.followed is None for e in diary.entries()] == [False, True]
        assert diary.stop_plan(first + dt.timedelta(2)) is None


def test_plans_that_would_overlap_are_refused_on_import() -> None:
    with open_diary() as diary:
        diary.create_plan(a_plan(), TODAY)
        other = a_plan(dt.date(2026, 12, 20), seed=9)
        finished = other.replace(id=5, status=PlanStatus.FINISHED)
        with pytest.raises(PlanConflict):
            diary.import_entries([], plans=[finished])
        assert len(diary.plans()) == 1


def test_a_plan_changed_outside_mgcheck_is_named_and_nothing_is_written_against_it() -> None:
    with open_diary() as diary:
        diary.create_plan(a_plan(), TODAY)
    conn = sqlite3.connect(diary_path())
    conn.execute("DELETE FROM plan_periods WHERE pair = 3")
    conn.commit()
    conn.close()
    with open_diary() as diary:
        assert diary.plans() == []
        assert "trial plan 1 cannot be used" in diary.problems[0]
        with pytest.raises(MgcheckError, match="trial plan 1 cannot be used"):
            diary.add(Entry(dt.date(2026, 12, 3), 3))
