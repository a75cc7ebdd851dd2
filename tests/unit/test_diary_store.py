"""The diary file: private, versioned, transactional; survives kills and concurrent writers."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mgcheck.errors import MgcheckError
from mgcheck.models.diary import Entry, InvalidEntry
from mgcheck.store import diary as store
from mgcheck.store.diary import (
    APPLICATION_ID,
    EntryExists,
    diary_path,
    open_diary,
    open_existing,
)

DAY = dt.date(2026, 11, 1)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """A umask that would give 0644 files and 0755 folders: the diary must not rely on it."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_folder_file_journal_and_backup_are_private(tmp_path: Path, loose_umask: None) -> None:
    with open_diary() as diary:
        diary.add(Entry(DAY, 5, 6, 250.0, "first"))
        folder = diary_path().parent
        assert mode(folder) == 0o700
        assert mode(diary_path()) == 0o600
        journals = [p for p in folder.iterdir() if p.name != diary_path().name]
        assert {p.name for p in journals} == {"diary.sqlite3-wal", "diary.sqlite3-shm"}
        assert all(mode(p) == 0o600 for p in journals)
        target = tmp_path / "copy.sqlite3"
        diary.backup(target)
    assert mode(target) == 0o600
    with open_diary(target) as copy:
        assert copy.entries() == [Entry(DAY, 5, 6, 250.0, "first", written=1)]


def test_an_existing_folder_keeps_its_mode(loose_umask: None) -> None:
    """mgcheck changes the mode only of what it creates; the diary file itself is 0600."""
    folder = diary_path().parent
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    open_diary().close()
    assert mode(folder) == 0o755
    assert mode(diary_path()) == 0o600


def test_reading_commands_do_not_create_the_diary() -> None:
    assert open_existing() is None
    assert not diary_path().exists()


def test_schema_version_and_application_id() -> None:
    open_diary().close()
    conn = sqlite3.connect(diary_path())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.LATEST == 3
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_a_failing_migration_rolls_back_completely(monkeypatch: pytest.MonkeyPatch) -> None:
    open_diary().close()
    broken = [*store.MIGRATIONS, ("CREATE TABLE doses (night TEXT)", "THIS IS NOT SQL")]
    monkeypatch.setattr(store, "MIGRATIONS", broken)
    monkeypatch.setattr(store, "LATEST", len(broken))
    with pytest.raises(MgcheckError, match="rolled back"):
        open_diary()
    conn = sqlite3.connect(diary_path())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"entries", "plans", "plan_periods"}
    conn.close()
    assert sqlite3.connect(diary_path()).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_newer_diary_is_refused_and_left_alone() -> None:
    open_diary().close()
    conn = sqlite3.connect(diary_path())
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = digest(diary_path())
    with pytest.raises(MgcheckError, match="newer mgcheck"):
        open_diary()
    assert digest(diary_path()) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"night,legs\n2026-11-01,5\n", "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x13" * 4000, "may be damaged"),
    ],
)
def test_foreign_or_damaged_files_are_refused_and_left_alone(content: bytes, words: str) -> None:
    path = diary_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(MgcheckError, match=words):
        open_diary()
    assert path.read_bytes() == content


def test_someone_elses_sqlite_database_is_refused() -> None:
    path = diary_path()
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(MgcheckError, match="not an mgcheck diary"):
        open_diary()
    assert digest(path) == before


def test_add_refuses_a_taken_night_unless_replacing() -> None:
    """Each write takes the diary's next write number: the replacement is write 2."""
    with open_diary() as diary:
        assert diary.add(Entry(DAY, 5)) is False
        with pytest.raises(EntryExists):
            diary.add(Entry(DAY, 2))
        assert diary.get(DAY) == Entry(DAY, 5, written=1)
        assert diary.add(Entry(DAY, 2), replace=True) is True
        assert diary.get(DAY) == Entry(DAY, 2, written=2)


def test_import_is_all_or_nothing() -> None:
    with open_diary() as diary:
        diary.add(Entry(DAY, 5))
        batch = [Entry(DAY - dt.timedelta(days=2), 1), Entry(DAY - dt.timedelta(days=1), 2)]
        with pytest.raises(EntryExists):
            diary.import_entries([*batch, Entry(DAY, 9)])
        assert diary.entries() == [Entry(DAY, 5, written=1)]
        assert diary.import_entries(batch) == 2
        assert diary.count() == 3


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"legs": 11}, "legs"),
        ({"legs": -1}, "legs"),
        ({"legs": 5, "sleep": 12}, "sleep"),
        ({"legs": 5, "magnesium_mg": -1.0}, "magnesium_mg"),
        ({"legs": 5, "note": "x" * 501}, "note"),
    ],
)
def test_impossible_entries_are_refused(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        Entry(DAY, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


WRITER = """
import datetime as dt, sys, time
from mgcheck.models.diary import Entry
from mgcheck.store.diary import open_diary
start = dt.date.fromisoformat(sys.argv[1])
diary = open_diary()
for i in range(int(sys.argv[2])):
    night = start + dt.timedelta(days=i)
    diary.add(Entry(night, i % 11, None, float(i % 3) * 100, "x" * (i % 50)))
    print(night.isoformat(), flush=True)
    time.sleep(float(sys.argv[3]))  # so that a kill lands in the middle
"""


def _writer(start: str, count: int, pause: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, start, str(count), str(pause)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


@pytest.mark.slow
def test_a_killed_writer_loses_nothing_it_reported_saved() -> None:
    writer = _writer("2000-01-01", 500, pause=0.005)
    assert writer.stdout is not None
    saved = [writer.stdout.readline().strip() for _ in range(150)]
    writer.send_signal(signal.SIGKILL)
    saved += [line.strip() for line in writer.stdout.readlines()]  # anything printed before death
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    saved = [night for night in saved if night]
    assert 150 <= len(saved) < 500
    with open_diary() as diary:
        stored = {e.night.isoformat() for e in diary.entries()}
    assert set(saved) <= stored
    conn = sqlite3.connect(diary_path())
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


@pytest.mark.slow
def test_two_writers_at_once_keep_all_400_entries() -> None:
    open_diary().close()
    writers = [_writer("2001-01-01", 200), _writer("2002-01-01", 200)]
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert writer.returncode == 0
        assert len(out.split()) == 200
    with open_diary() as diary:
        assert diary.count() == 400
