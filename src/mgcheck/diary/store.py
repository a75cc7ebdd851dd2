"""The diary's SQLite file: private, versioned, and written one whole transaction at a time.

- The folder is created 0700 and the file 0600 before SQLite opens it (SQLite would use the umask);
  the WAL and shared-memory files SQLite adds take the database file's mode.
- ``PRAGMA user_version`` holds the schema version and ``PRAGMA application_id`` marks the file as
  mgcheck's; a newer, foreign or damaged file is refused with a clear message and never changed.
- Autocommit mode (``isolation_level=None``) with explicit ``BEGIN IMMEDIATE`` ... ``COMMIT``: each
  migration and each write is one transaction that rolls back completely on failure.
- ``synchronous=FULL`` and a busy timeout: a commit survives a crash, and two mgcheck processes can
  write at the same time without "database is locked".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mgcheck.diary.entry import Entry
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.paths import create_private_file, private_dir, user_dir

FILENAME = "diary.sqlite3"
APPLICATION_ID = 0x4D474348  # "MGCH"
BUSY_TIMEOUT_MS = 30_000
SQLITE_HEADER = b"SQLite format 3\x00"

# Each migration runs in its own transaction; append, never edit one that has shipped.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """
        CREATE TABLE entries (
            night TEXT PRIMARY KEY
                CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            legs INTEGER NOT NULL CHECK (legs BETWEEN 0 AND 10),
            sleep INTEGER CHECK (sleep IS NULL OR sleep BETWEEN 0 AND 10),
            magnesium_mg REAL NOT NULL DEFAULT 0 CHECK (magnesium_mg >= 0),
            note TEXT NOT NULL DEFAULT ''
        ) STRICT
        """,
    ),
]
LATEST = len(MIGRATIONS)


class EntryExists(LookupError):
    def __init__(self, night: dt.date) -> None:
        super().__init__(night.isoformat())
        self.night = night


def diary_path() -> Path:
    return user_dir() / FILENAME


def _refuse(path: Path, message: str) -> MgcheckError:
    return MgcheckError(f"{path}: {message}")


def _row(row: tuple[str, int, int | None, float, str]) -> Entry:
    night, legs, sleep, magnesium, note = row
    return Entry(dt.date.fromisoformat(night), legs, sleep, magnesium, note)


class Diary:
    """An open diary. Use :func:`open_diary`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; BEGIN IMMEDIATE takes the write lock at once, so it cannot deadlock."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _refuse(
                self.path, _("the diary is busy; try again ({reason})").format(reason=exc)
            ) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    # --- reading -----------------------------------------------------------------------------

    def get(self, night: dt.date) -> Entry | None:
        row = self._conn.execute(
            "SELECT night, legs, sleep, magnesium_mg, note FROM entries WHERE night = ?",
            (night.isoformat(),),
        ).fetchone()
        return None if row is None else _row(row)

    def entries(self, since: dt.date | None = None, until: dt.date | None = None) -> list[Entry]:
        rows = self._conn.execute(
            "SELECT night, legs, sleep, magnesium_mg, note FROM entries "
            "WHERE night >= ? AND night <= ? ORDER BY night",
            ((since or dt.date.min).isoformat(), (until or dt.date.max).isoformat()),
        ).fetchall()
        return [_row(row) for row in rows]

    def last(self, nights: int) -> list[Entry]:
        """The latest ``nights`` entries, oldest first, without reading the rest."""
        rows = self._conn.execute(
            "SELECT night, legs, sleep, magnesium_mg, note FROM entries "
            "ORDER BY night DESC LIMIT ?",
            (nights,),
        ).fetchall()
        return [_row(row) for row in reversed(rows)]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    # --- writing -----------------------------------------------------------------------------

    def add(self, entry: Entry, replace: bool = False) -> bool:
        """Save one night; True if it replaced an entry. Without ``replace`` a taken date fails."""
        with self._write() as conn:
            exists = conn.execute(
                "SELECT 1 FROM entries WHERE night = ?", (entry.night.isoformat(),)
            ).fetchone()
            if exists and not replace:
                raise EntryExists(entry.night)
            self._upsert(conn, entry)
            return exists is not None

    def import_entries(self, entries: Iterable[Entry], replace: bool = False) -> int:
        """All or nothing: one transaction; a taken date (without ``replace``) saves nothing."""
        with self._write() as conn:
            count = 0
            for entry in entries:
                if (
                    not replace
                    and conn.execute(
                        "SELECT 1 FROM entries WHERE night = ?", (entry.night.isoformat(),)
                    ).fetchone()
                ):
                    raise EntryExists(entry.night)
                self._upsert(conn, entry)
                count += 1
            return count

    @staticmethod
    def _upsert(conn: sqlite3.Connection, entry: Entry) -> None:
        conn.execute(
            "INSERT INTO entries (night, legs, sleep, magnesium_mg, note) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (night) DO UPDATE SET legs = excluded.legs, sleep = excluded.sleep, "
            "magnesium_mg = excluded.magnesium_mg, note = excluded.note",
            (
                entry.night.isoformat(),
                entry.legs,
                entry.sleep,
                float(entry.magnesium_mg),
                entry.note,
            ),
        )

    def delete(self, night: dt.date) -> bool:
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM entries WHERE night = ?", (night.isoformat(),))
            return cursor.rowcount > 0

    def forget_all(self) -> int:
        with self._write() as conn:
            return conn.execute("DELETE FROM entries").rowcount

    def backup(self, target: Path) -> None:
        """A consistent copy through SQLite's backup API, into a new file made 0600 first."""
        create_private_file(target, exclusive=True)
        try:
            destination = sqlite3.connect(target)
            try:
                self._conn.backup(destination)
            finally:
                destination.close()
        except sqlite3.Error as exc:
            target.unlink(missing_ok=True)
            raise _refuse(target, _("the backup failed ({reason})").format(reason=exc)) from exc


def _check_file(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _refuse(
            path,
            _("cannot read the diary ({reason})").format(
                reason=exc.strerror or exc.__class__.__name__
            ),
        ) from exc
    if header and header != SQLITE_HEADER:
        raise _refuse(
            path,
            _("this is not an mgcheck diary (not an SQLite file); mgcheck leaves it untouched."),
        )


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply each missing migration in its own transaction, re-checking the version under lock."""
    for number, statements in enumerate(MIGRATIONS, start=1):
        if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] < number:
                for statement in statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def open_existing(path: Path | None = None) -> Diary | None:
    """Open the diary if there is one; reading commands use this and never create a file."""
    path = path or diary_path()
    return open_diary(path) if path.exists() else None


def open_diary(path: Path | None = None) -> Diary:
    """Open the diary, creating the private folder and file first when they do not exist."""
    path = path or diary_path()
    if not path.exists():
        private_dir(path.parent)
        create_private_file(path)
    else:
        private_dir(path.parent)
        _check_file(path)
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and (tables or version)):
            raise _refuse(
                path,
                _("this SQLite file is not an mgcheck diary; mgcheck leaves it untouched."),
            )
        if version > LATEST:
            raise _refuse(
                path,
                _(
                    "this diary was made by a newer mgcheck (schema {found}, this one knows "
                    "{known}); update mgcheck. The file is left untouched."
                ).format(found=version, known=LATEST),
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        try:
            _migrate(conn)
        except sqlite3.Error as exc:
            raise _refuse(
                path,
                _(
                    "could not update the diary to this version of mgcheck ({reason}); "
                    "the change was rolled back and the diary is as it was."
                ).format(reason=exc),
            ) from exc
        conn.execute("SELECT count(*) FROM entries").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _refuse(
            path,
            _(
                "the diary cannot be read ({reason}); it may be damaged. mgcheck leaves it "
                "untouched: restore a backup, or move it away to start a new one."
            ).format(reason=exc),
        ) from exc
    except BaseException:
        conn.close()
        raise
    return Diary(path, conn)
