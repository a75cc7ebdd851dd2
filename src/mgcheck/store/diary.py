"""The diary's SQLite file: private, versioned, and written one whole transaction at a time.

- The folder is created 0700 and the file 0600 before SQLite opens it (SQLite would use the umask);
  the WAL and shared-memory files SQLite adds take the database file's mode.
- A new diary is built complete in a temporary file beside it and then hard-linked into place,
  which fails if another mgcheck was quicker: two first runs at once both end up using one whole
  diary, and nobody ever sees a half-made one.
- ``PRAGMA user_version`` holds the schema version and ``PRAGMA application_id`` marks the file as
  mgcheck's (read together, in one statement); a newer, foreign or damaged file is refused with a
  clear message and never changed.
- Autocommit mode (``isolation_level=None``) with explicit ``BEGIN IMMEDIATE`` ... ``COMMIT``: each
  migration and each write is one transaction that rolls back completely on failure, and every
  "is this night taken?" check happens inside the transaction that writes.
- Before the first write, ``PRAGMA quick_check``: a damaged file is never written to.
- ``synchronous=FULL`` and a busy timeout: a commit survives a crash, and two mgcheck processes can
  write at the same time without "database is locked".
- ``secure_delete=ON``, and the WAL is checkpointed and truncated after a delete: deleted notes
  do not stay readable in free pages or in the journal.
- Reading skips rows that cannot be entries (changed outside mgcheck, or damaged) and keeps a
  one-line problem for each in :attr:`Diary.problems`, so a command shows what it can read and
  names what it cannot.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.models.diary import Entry, InvalidEntry, InvalidNight, parse_night
from mgcheck.safetext import shown
from mgcheck.store.paths import create_private_file, private_dir, user_dir
from mgcheck.store.textfile import display_name

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

# Text read as bytes: a note that is not valid UTF-8 is then one bad row, not a failed query.
_COLUMNS = "CAST(night AS BLOB), legs, sleep, magnesium_mg, CAST(note AS BLOB)"
Row = tuple[Any, ...]

# SQLite's primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _NOTADB, _PERM, _AUTH = 13, 14, 26, 3, 23
# Python 3.10 has no sqlite_errorcode: recognise SQLite's standard messages instead.
_BY_MESSAGE = {
    "database or disk is full": _FULL,
    "disk I/O error": _IOERR,
    "attempt to write a readonly database": _READONLY,
    "database is locked": _BUSY,
    "database table is locked": _LOCKED,
    "unable to open database file": _CANTOPEN,
    "database disk image is malformed": _CORRUPT,
    "file is not a database": _NOTADB,
}


class EntryExists(LookupError):
    """The night already has an entry; ``row`` is what is stored, to replace it knowingly."""

    def __init__(self, night: dt.date, row: Row | None = None, entry: Entry | None = None) -> None:
        super().__init__(night.isoformat())
        self.night = night
        self.row = row
        self.entry = entry


class EntryChanged(LookupError):
    """The night's entry is no longer the one the person agreed to replace."""

    def __init__(self, night: dt.date) -> None:
        super().__init__(night.isoformat())
        self.night = night


def diary_path() -> Path:
    return user_dir() / FILENAME


def _refuse(path: Path, message: str) -> MgcheckError:
    return MgcheckError(f"{display_name(path)}: {message}")


def _damaged(path: Path, reason: object) -> MgcheckError:
    return _refuse(
        path,
        _(
            "the diary cannot be read ({reason}); it may be damaged. mgcheck leaves it "
            "untouched: restore a backup, or move it away to start a new one."
        ).format(reason=shown(reason)),
    )


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    return _BY_MESSAGE.get(str(exc))


def failure(path: Path, exc: sqlite3.Error) -> MgcheckError:
    """One line for what went wrong, worded by what it really is: only damage says damaged."""
    code = _primary_code(exc)
    reason = shown(exc)
    if code in (_CORRUPT, _NOTADB):
        return _damaged(path, reason)
    if code == _FULL:
        message = _("the disk is full; nothing was changed. Free some space and try again.")
    elif code == _IOERR:
        message = _(
            "the diary could not be written or read ({reason}): a full disk, a file-size limit "
            "or a failing drive; nothing was changed."
        ).format(reason=reason)
    elif code == _READONLY:
        message = _(
            "the diary or its folder is read-only, so nothing can be saved; nothing was changed."
        )
    elif code in (_BUSY, _LOCKED):
        message = _("the diary is busy; try again ({reason})").format(reason=reason)
    elif code in (_CANTOPEN, _PERM, _AUTH):
        message = _(
            "cannot open the diary ({reason}); check that you may read and write the file "
            "and its folder."
        ).format(reason=reason)
    else:
        message = _("the diary could not be used ({reason})").format(reason=reason)
    return _refuse(path, message)


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """Every connection mgcheck makes to a diary: autocommit, busy timeout, secure delete."""
    if read_only:
        conn = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro",
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open; SQLite has already undone it after a full disk."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):  # the error that brought us here is the one to report
            conn.execute("ROLLBACK")


class Diary:
    """An open diary. Use :func:`open_diary`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._checked = False
        self.journal_wiped = True  # False after a delete that could not empty the WAL
        self.problems: list[str] = []  # rows or pages that reading had to leave out

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; BEGIN IMMEDIATE takes the write lock at once, so it cannot deadlock.

        The first write of a session first checks the file: a damaged diary is not written to.
        """
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            if not self._checked:
                result = conn.execute("PRAGMA quick_check").fetchone()
                if result != ("ok",):
                    _rollback(conn)
                    raise _damaged(self.path, shown(result[0] if result else "?"))
                self._checked = True
        except sqlite3.Error as exc:
            _rollback(conn)
            raise failure(self.path, exc) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(conn)
            raise failure(self.path, exc) from exc
        except BaseException:
            _rollback(conn)
            raise

    # --- reading -----------------------------------------------------------------------------

    def _note_problem(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def _entry(self, row: Row) -> Entry | None:
        """The entry a row holds, or None (with a problem noted) when it cannot be one."""
        night_raw, legs, sleep, magnesium, note_raw = row
        night_text = bytes(night_raw or b"").decode("utf-8", "replace")
        try:
            try:
                night = parse_night(night_text)
            except InvalidNight:
                raise InvalidEntry("night", _("is not a date from 1900-01-01 on")) from None
            try:
                note = bytes(note_raw or b"").decode("utf-8")
            except UnicodeDecodeError:
                raise InvalidEntry("note", _("is not valid text")) from None
            return Entry(night, legs, sleep, magnesium, note)
        except InvalidEntry as exc:
            self._note_problem(
                _(
                    "{file}: the entry for night '{night}' cannot be used ({field}: {problem}) "
                    "and is left out; it was changed outside mgcheck or is damaged."
                ).format(
                    file=display_name(self.path),
                    night=shown(night_text, 20),
                    field=exc.field,
                    problem=exc.problem,
                )
            )
            return None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[Entry]:
        entries: list[Entry] = []
        try:
            for row in self._conn.execute(sql, params):
                entry = self._entry(row)
                if entry is not None:
                    entries.append(entry)
        except sqlite3.Error as exc:  # a damaged page: keep what came before it
            self._note_problem(failure(self.path, exc).message)
        return entries

    def get(self, night: dt.date) -> Entry | None:
        found = self._read(f"SELECT {_COLUMNS} FROM entries WHERE night = ?", (night.isoformat(),))
        return found[0] if found else None

    def entries(self, since: dt.date | None = None, until: dt.date | None = None) -> list[Entry]:
        return self._read(
            f"SELECT {_COLUMNS} FROM entries WHERE night >= ? AND night <= ? ORDER BY night",
            ((since or dt.date.min).isoformat(), (until or dt.date.max).isoformat()),
        )

    def last(self, nights: int) -> list[Entry]:
        """The latest ``nights`` entries, oldest first, without reading the rest."""
        newest = self._read(
            f"SELECT {_COLUMNS} FROM entries ORDER BY night DESC LIMIT ?", (nights,)
        )
        return list(reversed(newest))

    def count(self) -> int:
        try:
            return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])
        except sqlite3.Error as exc:
            self._note_problem(failure(self.path, exc).message)
            return 0

    # --- writing -----------------------------------------------------------------------------

    @staticmethod
    def _current(conn: sqlite3.Connection, night: dt.date) -> Row | None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM entries WHERE night = ?", (night.isoformat(),)
        ).fetchone()
        return None if row is None else tuple(row)

    def add(self, entry: Entry, replace: bool = False, expected: Row | None = None) -> bool:
        """Save one night; True if it replaced an entry. All in one write transaction.

        Without ``replace`` a taken night raises :class:`EntryExists` (with what is stored);
        with ``expected`` (that stored row, after asking the person) the entry is replaced only
        if it is still exactly that row, else :class:`EntryChanged`.
        """
        with self._write() as conn:
            current = self._current(conn, entry.night)
            if expected is not None:
                if current != expected:
                    raise EntryChanged(entry.night)
            elif current is not None and not replace:
                raise EntryExists(entry.night, current, self._entry(current))
            self._upsert(conn, entry)
            return current is not None

    def import_entries(self, entries: Iterable[Entry], replace: bool = False) -> int:
        """All or nothing: one transaction; a taken date (without ``replace``) saves nothing."""
        with self._write() as conn:
            count = 0
            for entry in entries:
                if not replace and self._current(conn, entry.night) is not None:
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
            deleted = cursor.rowcount > 0
        self.journal_wiped = self.wipe_journal()
        return deleted

    def forget_all(self) -> int:
        with self._write() as conn:
            removed = conn.execute("DELETE FROM entries").rowcount
        self.journal_wiped = self.wipe_journal()
        return removed

    def wipe_journal(self) -> bool:
        """Copy the WAL into the file and empty it, so no old page (and note) stays in it.

        False if another mgcheck is reading and the WAL could not be emptied yet.
        """
        try:
            busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            return False
        return not busy

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
            raise _refuse(
                target, _("the backup failed ({reason})").format(reason=shown(exc))
            ) from exc


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
            _rollback(conn)
            raise


def _initialise(conn: sqlite3.Connection) -> None:
    """Make an empty file a complete diary of the latest schema, in WAL mode."""
    conn.execute("PRAGMA journal_mode = WAL")
    _migrate(conn)


def _create(path: Path) -> None:
    """Build a new diary beside ``path`` and link it into place, unless one appeared meanwhile."""
    handle, name = tempfile.mkstemp(prefix=".diary-", suffix=".new", dir=path.parent)
    os.close(handle)  # mkstemp makes it 0600
    temporary = Path(name)
    try:
        conn = _connect(temporary)
        try:
            _initialise(conn)
        finally:
            conn.close()
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another mgcheck created it first: use that one
        except OSError:
            # A file system without hard links (FAT, some network drives): create the file
            # in place; the identity check and the locked migration below keep this safe.
            if not path.exists():
                create_private_file(path)
    except sqlite3.Error as exc:
        raise failure(path, exc) from exc
    finally:
        for leftover in (temporary, Path(name + "-wal"), Path(name + "-shm")):
            leftover.unlink(missing_ok=True)


def open_existing(path: Path | None = None) -> Diary | None:
    """Open the diary if there is one; reading commands use this and never create a file."""
    path = path or diary_path()
    return open_diary(path) if path.exists() else None


def open_diary(path: Path | None = None) -> Diary:
    """Open the diary, creating the private folder and file first when they do not exist."""
    path = path or diary_path()
    private_dir(path.parent)
    if not path.exists():
        _create(path)
    _check_file(path)
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        raise failure(path, exc) from exc
    try:
        # One statement, so one snapshot: never "not ours" from a diary half-made by another.
        app_id, version, tables = conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id()), "
            "(SELECT user_version FROM pragma_user_version()), "
            "(SELECT count(*) FROM sqlite_master)"
        ).fetchone()
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
        if version < LATEST:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            try:
                _migrate(conn)
            except sqlite3.Error as exc:
                if _primary_code(exc) not in (None, 1):  # not the migration's own SQL
                    raise
                raise _refuse(
                    path,
                    _(
                        "could not update the diary to this version of mgcheck ({reason}); "
                        "the change was rolled back and the diary is as it was."
                    ).format(reason=shown(exc)),
                ) from exc
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise failure(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    return Diary(path, conn)
