"""The diary file under attack and bad luck: races, damage, tampering, full disks, folder modes.

Issue 10, points 1, 4, 5, 6, 10 and 12 (a folder owned by someone else).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hostile_kit import assert_clean, assert_refused, limits, mgcheck

from mgcheck.models.diary import Entry
from mgcheck.store import diary as store
from mgcheck.store.diary import Diary, diary_path, open_diary
from mgcheck.store.paths import user_dir

if TYPE_CHECKING:
    from conftest import Cli

NIGHT = dt.date(2026, 11, 1)
ROOT = os.geteuid() == 0


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def raw(sql: str, *params: object) -> None:
    """Change the diary behind mgcheck's back, as another program (or an attacker) could."""
    conn = sqlite3.connect(diary_path())
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def stored() -> list[Entry]:
    with open_diary() as diary:
        return diary.entries()


# --- 1. the check and the write are one transaction ------------------------------------------


def test_a_write_between_the_check_and_the_save_is_not_lost(
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another mgcheck saves the same night just before this one takes the write lock."""
    open_diary().close()
    original = Diary._write
    raced: list[bool] = []

    def competitor_first(self: Diary) -> object:
        if not raced:
            raced.append(True)
            raw("INSERT INTO entries (night, legs, note) VALUES (?, 9, 'other')", "2026-11-01")
        return original(self)

    monkeypatch.setattr(Diary, "_write", competitor_first)
    result = cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3")
    assert raced
    assert [e.note for e in stored()] == ["other"]  # the other mgcheck's entry survives
    assert_refused(result, "already has an entry")


def test_replacing_after_asking_checks_that_nothing_changed_meanwhile(
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mgcheck.cli.prompts import Prompter

    with open_diary() as diary:
        diary.add(Entry(NIGHT, 5, None, 0.0, "first"))

    def answer(prompt: str) -> str:
        raw("UPDATE entries SET note = 'changed meanwhile'")  # while the person thinks
        return "y"

    monkeypatch.setattr("mgcheck.cli.options.prompter", lambda: Prompter(answer, print))
    result = cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3")
    assert_refused(result, "changed")
    assert [e.note for e in stored()] == ["changed meanwhile"]


def test_replacing_after_asking_saves_and_says_replaced(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mgcheck.cli.prompts import Prompter

    with open_diary() as diary:
        diary.add(Entry(NIGHT, 5, None, 0.0, "first"))
    monkeypatch.setattr("mgcheck.cli.options.prompter", lambda: Prompter(lambda _p: "y", print))
    result = cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3")
    assert result.exit_code == 0
    assert result.stdout.startswith("Replaced: the night of 1–2 November 2026, legs 3")
    assert [e.legs for e in stored()] == [3]


# --- 4. two first runs at once ----------------------------------------------------------------


def test_a_new_diary_appears_complete_or_not_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """While the first mgcheck builds the diary, another that looks finds none, not half of one."""
    looked: list[bool] = []
    original = store._initialise

    def look_in_the_middle(conn: sqlite3.Connection) -> None:
        original(conn)
        looked.append(diary_path().exists())

    monkeypatch.setattr(store, "_initialise", look_in_the_middle)
    with open_diary() as diary:
        assert diary.count() == 0
    assert looked == [False]
    assert [p.name for p in user_dir().iterdir()] == ["diary.sqlite3"]  # no temporary left


# --- 5. damage, tampering, full disks, read-only files, locks ---------------------------------


def _damaged_but_writable() -> bytes:
    """A diary whose entry pages are damaged, yet which SQLite still opens and appends to."""
    with open_diary() as diary:
        diary.import_entries(
            Entry(dt.date(2020, 1, 1) + dt.timedelta(days=i), i % 11, None, 0.0, f"n{i} " * 20)
            for i in range(300)
        )
    data = bytearray(diary_path().read_bytes())
    # Page 8: the first pages hold the tables' roots (entries, its index, and since schema 2
    # the plans, their index and periods); the entries' own data pages come after them.
    position = 7 * 4096 + 100
    data[position : position + 40] = b"\xff" * 40
    diary_path().write_bytes(bytes(data))
    conn = sqlite3.connect(diary_path())
    assert conn.execute("PRAGMA quick_check").fetchone() != ("ok",)
    conn.close()
    return bytes(data)


def test_a_damaged_diary_is_never_written_to(cli: Cli) -> None:
    before = _damaged_but_writable()
    for args in (
        ["add", "--date", "2026-11-02", "--legs", "3"],
        ["delete", "2020-01-05"],
        ["forget", "--all", "--yes"],
    ):
        assert_refused(cli.run("diary", *args), "may be damaged")
    assert diary_path().read_bytes() == before


def test_reading_a_damaged_diary_shows_what_it_can_and_names_the_damage(cli: Cli) -> None:
    _damaged_but_writable()
    result = cli.run("diary", "list", "--all")
    assert result.exit_code == 2
    assert "may be damaged" in result.stderr
    assert "2020-01-01" in result.stdout  # the readable part
    assert_clean(result.stdout, result.stderr)


def test_tampered_rows_are_named_and_the_rest_is_shown(cli: Cli, tmp_path: Path) -> None:
    with open_diary() as diary:
        for day in range(1, 6):
            diary.add(Entry(dt.date(2026, 10, day), day))
    raw("UPDATE entries SET night = '2026-19-39' WHERE night = '2026-10-02'")
    raw("UPDATE entries SET note = ? WHERE night = '2026-10-03'", "x" * 5000)
    raw("UPDATE entries SET magnesium_mg = 99999 WHERE night = '2026-10-04'")
    raw("UPDATE entries SET note = CAST(x'80ff' AS TEXT) WHERE night = '2026-10-05'")
    listing = cli.run("diary", "list")
    assert listing.exit_code == 2
    assert "2026-10-01" in listing.stdout
    lines = listing.stderr.splitlines()
    assert len(lines) == 4, listing.stderr
    assert all(len(line) < 300 for line in lines)
    assert "2026-19-39" in listing.stderr and "note" in listing.stderr
    assert "may be damaged" not in listing.stderr  # tampering is not damage
    assert_clean(listing.stdout, listing.stderr)
    target = tmp_path / "good.csv"
    export = cli.run("diary", "export", "--output", str(target))
    assert export.exit_code == 2
    assert target.read_text(encoding="utf-8") == (
        "night,legs,sleep,magnesium_mg,magnesium_mg_high,followed,note,side_effect,written_on,"
        "written\n2026-10-01,1,,0.0,,,,,,1\n"
    )
    assert "1 night written" in export.stdout  # one night, not "1 nights"
    assert cli.run("diary", "chart").exit_code == 2
    assert cli.run("diary", "compare").exit_code == 2


def test_a_full_disk_is_reported_as_such_and_loses_nothing(tmp_path: Path) -> None:
    with open_diary() as diary:
        diary.add(Entry(NIGHT, 4, None, 0.0, "kept"))
    before = stored()
    rows = "".join(
        f"{dt.date(2000, 1, 1) + dt.timedelta(days=i)},3,,0,{'x' * 400}\n" for i in range(400)
    )
    path = tmp_path / "many.csv"
    path.write_text("night,legs,sleep,magnesium_mg,note\n" + rows, encoding="utf-8")
    limit = sum(p.stat().st_size for p in user_dir().iterdir()) + 40_000
    out = mgcheck("diary", "import", str(path), preexec=limits(file_size=limit))
    stderr = out.stderr.decode()
    assert out.returncode == 2, stderr
    assert "full" in stderr
    assert "damaged" not in stderr and "rollback" not in stderr
    assert stored() == before


@pytest.mark.parametrize(
    ("code", "name", "words"),
    [
        (13, "SQLITE_FULL", "disk is full"),
        (778, "SQLITE_IOERR_WRITE", "full disk"),
        (8, "SQLITE_READONLY", "read-only"),
        (5, "SQLITE_BUSY", "busy"),
        (14, "SQLITE_CANTOPEN", "cannot open"),
        (11, "SQLITE_CORRUPT", "may be damaged"),
        (26, "SQLITE_NOTADB", "may be damaged"),
    ],
)
def test_each_kind_of_failure_has_its_own_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, code: int, name: str, words: str
) -> None:
    open_diary().close()

    def failing(conn: sqlite3.Connection, entry: Entry) -> None:
        error = sqlite3.OperationalError("sqlite says no")
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        error.sqlite_errorname = name  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(Diary, "_upsert", staticmethod(failing))
    stderr = assert_refused(cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3"), words)
    if "damaged" not in words:
        assert "damaged" not in stderr


def test_a_read_only_diary_says_read_only(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_diary() as diary:
        diary.add(Entry(NIGHT, 4))
    before = diary_path().read_bytes()
    if ROOT:  # root writes to any file; open it read-only the way SQLite would for a user
        original = store._connect

        def read_only(path: Path) -> sqlite3.Connection:
            return original(path, read_only=True)

        monkeypatch.setattr(store, "_connect", read_only)
    else:
        diary_path().chmod(0o400)
    result = cli.run("diary", "add", "--date", "2026-11-02", "--legs", "3")
    assert_refused(result, "read-only")
    assert "damaged" not in result.stderr
    assert diary_path().read_bytes() == before


def test_a_locked_diary_says_busy(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    open_diary().close()
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(diary_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli.run("diary", "add", "--date", "2026-11-02", "--legs", "3")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    stderr = assert_refused(result, "busy")
    assert "damaged" not in stderr


# --- 6. forget --all leaves nothing readable ---------------------------------------------------


@pytest.fixture
def secure_delete_off(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every connection starts with secure_delete OFF, as in SQLite's default build."""
    original = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = original(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    yield


@pytest.mark.parametrize("command", [["forget", "--all", "--yes"], ["delete", "2026-10-07"]])
def test_deleted_notes_are_gone_from_every_file(
    cli: Cli, secure_delete_off: None, command: list[str]
) -> None:
    with open_diary() as diary:
        for day in range(1, 31):
            diary.add(Entry(dt.date(2026, 10, day), 3, None, 0.0, f"SECRET-{day:02d}-" * 8))
    result = cli.run("diary", *command)
    assert result.exit_code == 0, result.output
    gone = [b"SECRET-07-"] if command[0] == "delete" else [b"SECRET-"]
    for path in user_dir().iterdir():
        content = path.read_bytes()
        for marker in gone:
            assert marker not in content, path.name
    if command[0] == "delete":
        assert len(stored()) == 29


# --- 10. folder modes -------------------------------------------------------------------------


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_new_folders_are_never_writable_by_others(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_000: None
) -> None:
    home = tmp_path / "a" / "b" / "mgcheck"
    monkeypatch.setenv("MGCHECK_HOME", str(home))
    assert cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3").exit_code == 0
    assert mode(home) == 0o700
    assert mode(tmp_path / "a") & 0o022 == 0
    assert mode(tmp_path / "a" / "b") & 0o022 == 0
    assert mode(home / "diary.sqlite3") == 0o600


def test_an_existing_folder_keeps_its_mode(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "mine"
    home.mkdir()
    home.chmod(0o755)
    monkeypatch.setenv("MGCHECK_HOME", str(home))
    assert cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3").exit_code == 0
    assert mode(home) == 0o755
    assert mode(home / "diary.sqlite3") == 0o600


@pytest.mark.parametrize("folder_mode", [0o1777, 0o777, 0o770])
def test_a_folder_others_can_write_to_is_refused_not_changed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder_mode: int
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(folder_mode)
    monkeypatch.setenv("MGCHECK_HOME", str(shared))
    result = cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3")
    assert_refused(result, "others can write")
    assert mode(shared) == folder_mode
    assert list(shared.iterdir()) == []


def test_a_folder_owned_by_someone_else_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if ROOT:
        theirs = tmp_path / "theirs"
        theirs.mkdir(mode=0o755)
        os.chown(theirs, 65534, 65534)
    else:
        theirs = Path("/")
    monkeypatch.setenv("MGCHECK_HOME", str(theirs))
    result = cli.run("diary", "add", "--date", "2026-11-01", "--legs", "3")
    assert_refused(result, "belongs to another user")
    if ROOT:
        assert list(theirs.iterdir()) == []
