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
- Trial plans (issue 13) are kept with their periods, never regenerated from the seed. Whether
  a night followed its plan is checked (or worked out) inside the transaction that writes the
  night, against the plans as they are at that moment, so ``followed`` can never contradict the
  plan or the magnesium taken, and one plan at a time is active.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from mgcheck.errors import MgcheckError, os_reason
from mgcheck.i18n import _
from mgcheck.models.diary import Entry, InvalidEntry, InvalidNight, parse_night
from mgcheck.models.plan import Arm, Period, Plan, PlanStatus, StopReason
from mgcheck.safetext import shown
from mgcheck.store.paths import create_private_file, exists, private_dir, user_dir
from mgcheck.store.textfile import display_name
from mgcheck.vocab import Standard

FILENAME = "diary.sqlite3"
APPLICATION_ID = 0x4D474348  # "MGCH"
BUSY_TIMEOUT_MS = 30_000
SQLITE_HEADER = b"SQLite format 3\x00"

_DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

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
    # 2 (issues 12 and 13): a range of magnesium when the label leaves doubt, whether a night
    # followed its trial plan, and the plans with their periods.
    (
        """
        ALTER TABLE entries ADD COLUMN magnesium_mg_high REAL
            CHECK (magnesium_mg_high IS NULL OR magnesium_mg_high > magnesium_mg)
        """,
        """
        ALTER TABLE entries ADD COLUMN followed INTEGER
            CHECK (followed IS NULL OR followed IN (0, 1))
        """,
        f"""
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY CHECK (id > 0),
            created TEXT NOT NULL CHECK (created {_DATE}),
            status TEXT NOT NULL CHECK (status IN ('active', 'stopped', 'finished')),
            stopped_on TEXT CHECK (stopped_on IS NULL OR stopped_on {_DATE}),
            seed INTEGER NOT NULL CHECK (seed >= 0),
            seed_drawn INTEGER NOT NULL CHECK (seed_drawn IN (0, 1)),
            pairs INTEGER NOT NULL CHECK (pairs BETWEEN 2 AND 12),
            period_days INTEGER NOT NULL CHECK (period_days BETWEEN 2 AND 28),
            washout_days INTEGER NOT NULL CHECK (washout_days BETWEEN 0 AND period_days - 1),
            min_nights INTEGER NOT NULL CHECK (min_nights BETWEEN 1 AND period_days - washout_days),
            dose TEXT NOT NULL,
            dose_mg_low REAL NOT NULL CHECK (dose_mg_low > 0),
            dose_mg_high REAL NOT NULL CHECK (dose_mg_high >= dose_mg_low),
            matters REAL NOT NULL CHECK (matters > 0 AND matters <= 10),
            alpha REAL NOT NULL CHECK (alpha > 0 AND alpha < 1),
            confidence REAL NOT NULL CHECK (confidence > 0 AND confidence < 1),
            screen TEXT NOT NULL DEFAULT '',
            doctor_ok INTEGER NOT NULL CHECK (doctor_ok IN (0, 1)),
            CHECK ((status = 'stopped') = (stopped_on IS NOT NULL))
        ) STRICT
        """,
        "CREATE UNIQUE INDEX plans_one_active ON plans (status) WHERE status = 'active'",
        f"""
        CREATE TABLE plan_periods (
            plan INTEGER NOT NULL REFERENCES plans (id),
            pair INTEGER NOT NULL CHECK (pair >= 1),
            arm TEXT NOT NULL CHECK (arm IN ('magnesium', 'none')),
            first_night TEXT NOT NULL CHECK (first_night {_DATE}),
            last_night TEXT NOT NULL CHECK (last_night {_DATE} AND last_night >= first_night),
            PRIMARY KEY (plan, first_night)
        ) STRICT
        """,
    ),
    # 3 (issue 18): a side effect per night and when each night was written (the day, and the
    # diary's write number); a plan's blinding, run-in, added pairs, the standard its dose was
    # judged by, why it was stopped, and the write number when a result was first shown.
    (
        "ALTER TABLE entries ADD COLUMN side_effect TEXT NOT NULL DEFAULT ''",
        f"""
        ALTER TABLE entries ADD COLUMN written_on TEXT
            CHECK (written_on IS NULL OR (written_on {_DATE} AND written_on >= night))
        """,
        "ALTER TABLE entries ADD COLUMN written INTEGER CHECK (written IS NULL OR written >= 1)",
        "ALTER TABLE plans ADD COLUMN blinded INTEGER NOT NULL DEFAULT 0 CHECK (blinded IN (0, 1))",
        """
        ALTER TABLE plans ADD COLUMN run_in_days INTEGER NOT NULL DEFAULT 0
            CHECK (run_in_days BETWEEN 0 AND 28)
        """,
        """
        ALTER TABLE plans ADD COLUMN extra_pairs INTEGER NOT NULL DEFAULT 0
            CHECK (extra_pairs BETWEEN 0 AND 10)
        """,
        """
        ALTER TABLE plans ADD COLUMN standard TEXT
            CHECK (standard IS NULL OR standard IN ('nnr', 'efsa', 'iom'))
        """,
        """
        ALTER TABLE plans ADD COLUMN stop_reason TEXT CHECK (stop_reason IS NULL OR stop_reason
            IN ('side_effects', 'worse', 'better', 'burden', 'doctor', 'other'))
        """,
        "ALTER TABLE plans ADD COLUMN result_seen INTEGER CHECK (result_seen IS NULL OR "
        "result_seen >= 0)",
    ),
]
LATEST = len(MIGRATIONS)

# Text read as bytes: a note that is not valid UTF-8 is then one bad row, not a failed query.
_COLUMNS = (
    "CAST(night AS BLOB), legs, sleep, magnesium_mg, CAST(note AS BLOB), magnesium_mg_high, "
    "followed, CAST(side_effect AS BLOB), written_on, written"
)
_PLAN_COLUMNS = (
    "id, created, status, stopped_on, seed, seed_drawn, pairs, period_days, washout_days, "
    "min_nights, CAST(dose AS BLOB), dose_mg_low, dose_mg_high, matters, alpha, confidence, "
    "screen, doctor_ok, blinded, run_in_days, extra_pairs, standard, stop_reason, result_seen"
)
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


class PlanMismatch(ValueError):
    """A night's ``followed`` does not fit the plans as stored (``reason`` says how)."""

    def __init__(self, night: dt.date, reason: str) -> None:
        super().__init__(f"{night.isoformat()}: {reason}")
        self.night = night
        self.reason = reason  # "no_plan", "needs_followed" or "contradicts"


class PlanExists(LookupError):
    """A plan is active already; ``plan`` is the one, to name it."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(str(plan.id))
        self.plan = plan


class PlanConflict(ValueError):
    """An imported plan overlaps a plan in the diary, or two plans would be active."""

    def __init__(self, plan_id: int, other_id: int) -> None:
        super().__init__(f"{plan_id} and {other_id}")
        self.plan_id = plan_id
        self.other_id = other_id


class PlanChanged(LookupError):
    """The plan is no longer the running plan the person asked to change."""

    def __init__(self, plan_id: int) -> None:
        super().__init__(str(plan_id))
        self.plan_id = plan_id


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
        self._plan_problem = ""  # the last plan that could not be read

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
        night_raw, legs, sleep, magnesium, note_raw, magnesium_high, followed_raw = row[:7]
        side_raw, written_on_raw, written = row[7:]
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
            if followed_raw not in (None, 0, 1) or isinstance(followed_raw, bool):
                raise InvalidEntry("followed", _("must be true, false or empty"))
            followed = None if followed_raw is None else bool(followed_raw)
            try:
                side_effect = bytes(side_raw or b"").decode("utf-8")
            except UnicodeDecodeError:
                raise InvalidEntry("side_effect", _("is not valid text")) from None
            try:
                written_on = None if written_on_raw is None else parse_night(written_on_raw)
            except InvalidNight:
                raise InvalidEntry("written_on", _("is not a date from 1900-01-01 on")) from None
            return Entry(
                night,
                legs,
                sleep,
                magnesium,
                note,
                magnesium_high,
                followed,
                side_effect,
                written_on,
                written,
            )
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

    # --- reading plans -------------------------------------------------------------------------

    def _plan(self, row: Row, periods: list[Row]) -> Plan | None:
        """The plan a row and its periods hold, or None (with a problem noted)."""
        (plan_id, created, status, stopped_on, seed, seed_drawn, pairs, period_days) = row[:8]
        (washout, min_nights, dose_raw, low, high, matters, alpha, confidence) = row[8:16]
        screen, doctor_ok, blinded, run_in, extra, standard, stop_reason, seen = row[16:]
        try:
            read = tuple(
                Period(parse_night(first), parse_night(last), Arm(arm), pair)
                for pair, arm, first, last in periods
            )
            plan = Plan(
                id=plan_id,
                created=parse_night(created),
                status=PlanStatus(status),
                stopped_on=None if stopped_on is None else parse_night(stopped_on),
                seed=seed,
                seed_drawn=bool(seed_drawn),
                period_days=period_days,
                washout_days=washout,
                min_nights=min_nights,
                dose=bytes(dose_raw or b"").decode("utf-8"),
                dose_mg_low=float(low),
                dose_mg_high=float(high),
                matters=float(matters),
                alpha=float(alpha),
                confidence=float(confidence),
                screen=tuple(key for key in str(screen).split(",") if key),
                doctor_ok=bool(doctor_ok),
                periods=read,
                blinded=bool(blinded),
                run_in_days=run_in,
                extra_pairs=extra,
                standard=None if standard is None else Standard(standard),
                stop_reason=None if stop_reason is None else StopReason(stop_reason),
                result_seen=seen,
            )
            check_plan(plan)
            if plan.pairs != pairs:
                raise ValueError("pairs")
        except (ValueError, TypeError, InvalidNight, UnicodeDecodeError):
            self._plan_problem = _(
                "{file}: trial plan {id} cannot be used and is left out; it was changed "
                "outside mgcheck or is damaged."
            ).format(file=display_name(self.path), id=shown(plan_id, 20))
            self._note_problem(self._plan_problem)
            return None
        return plan

    def plans(self) -> list[Plan]:
        """Every plan that can be read, oldest first."""
        return self._read_plans()[0]

    def _read_plans(self) -> tuple[list[Plan], bool]:
        """(the plans that can be read, whether any could not)."""
        try:
            rows = self._conn.execute(f"SELECT {_PLAN_COLUMNS} FROM plans ORDER BY id").fetchall()
            periods: dict[int, list[Row]] = {}
            for plan_id, *period in self._conn.execute(
                "SELECT plan, pair, arm, first_night, last_night FROM plan_periods "
                "ORDER BY plan, first_night"
            ):
                periods.setdefault(plan_id, []).append(tuple(period))
        except sqlite3.Error as exc:
            self._note_problem(failure(self.path, exc).message)
            return [], True
        found = [self._plan(tuple(row), periods.get(row[0], [])) for row in rows]
        plans = [plan for plan in found if plan is not None]
        return plans, len(plans) != len(found)

    def plan(self, plan_id: int | None = None) -> Plan | None:
        """Plan ``plan_id``; without one, the active plan, else the latest."""
        plans = self.plans()
        if plan_id is not None:
            return next((p for p in plans if p.id == plan_id), None)
        active = [p for p in plans if p.status is PlanStatus.ACTIVE]
        chosen = active or plans
        return chosen[-1] if chosen else None

    # --- writing -----------------------------------------------------------------------------

    @staticmethod
    def _current(conn: sqlite3.Connection, night: dt.date) -> Row | None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM entries WHERE night = ?", (night.isoformat(),)
        ).fetchone()
        return None if row is None else tuple(row)

    @staticmethod
    def _next_written(conn: sqlite3.Connection) -> int:
        """The next write number: one more than any night's and any result's so far, so a
        night written after a result was first shown always has a higher number than it."""
        row = conn.execute(
            "SELECT max(coalesce((SELECT max(written) FROM entries), 0), "
            "coalesce((SELECT max(result_seen) FROM plans), 0))"
        ).fetchone()
        return int(row[0]) + 1

    def current(self, night: dt.date) -> tuple[Row | None, Entry | None]:
        """The row stored for ``night`` (to replace it knowingly later) and its entry."""
        try:
            row = self._current(self._conn, night)
        except sqlite3.Error as exc:
            raise failure(self.path, exc) from exc
        return row, None if row is None else self._entry(row)

    def add(self, entry: Entry, replace: bool = False, expected: Row | None = None) -> bool:
        """Save one night; True if it replaced an entry. All in one write transaction, which
        also gives it the diary's next write number (its ``written_on`` is the caller's today).

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
            index = PlanIndex(self._plans_in(conn))
            numbered = entry.replace(written=self._next_written(conn))
            self._upsert(conn, settle_followed(numbered, index.holding(entry.night), derive=False))
            return current is not None

    def import_entries(
        self, entries: Iterable[Entry], replace: bool = False, plans: Iterable[Plan] = ()
    ) -> int:
        """All or nothing: one transaction; a taken date (without ``replace``) saves nothing.

        ``plans`` come first: one already in the diary (the same plan) is kept as it is; one
        that would overlap another, or be a second active plan, stops the import. Then every
        entry's ``followed`` is checked against the plans (worked out where the file leaves it
        out, as in an export from before plans existed). Each night keeps when it was written
        as the file says (unknown in a file from before that was kept). Linear in the plans
        and nights: each is looked up by bisection, never compared with every other.
        """
        with self._write() as conn:
            index = PlanIndex(self._plans_in(conn))
            for plan in plans:
                if not index.has(plan):
                    index.add(self._insert_plan(conn, plan, index))
            count = 0
            for entry in entries:
                if not replace and self._current(conn, entry.night) is not None:
                    raise EntryExists(entry.night)
                self._upsert(conn, settle_followed(entry, index.holding(entry.night), derive=True))
                count += 1
            return count

    # --- writing plans -------------------------------------------------------------------------

    def _plans_in(self, conn: sqlite3.Connection) -> list[Plan]:
        """The plans as they are inside the current transaction."""
        assert conn is self._conn and conn.in_transaction
        plans, damaged = self._read_plans()
        if damaged:  # a plan that cannot be read: never write against a guess
            raise MgcheckError(self._plan_problem or self.problems[-1])
        return plans

    @staticmethod
    def _insert_plan(conn: sqlite3.Connection, plan: Plan, index: PlanIndex) -> Plan:
        """Insert ``plan`` (its id if free, else the next one) after checking it against the
        plans in ``index``: no overlap of the nights two plans hold for, at most one active."""
        check_plan(plan)
        other = index.conflict(plan)
        if other is not None:
            raise PlanConflict(plan.id, other.id)
        plan_id = plan.id if plan.id > 0 and plan.id not in index.ids else index.top + 1
        conn.execute(
            f"INSERT INTO plans ({_PLAN_COLUMNS.replace('CAST(dose AS BLOB)', 'dose')}) "
            f"VALUES ({', '.join('?' * 24)})",
            (
                plan_id,
                plan.created.isoformat(),
                plan.status.value,
                None if plan.stopped_on is None else plan.stopped_on.isoformat(),
                plan.seed,
                int(plan.seed_drawn),
                plan.pairs,
                plan.period_days,
                plan.washout_days,
                plan.min_nights,
                plan.dose,
                plan.dose_mg_low,
                plan.dose_mg_high,
                plan.matters,
                plan.alpha,
                plan.confidence,
                ",".join(plan.screen),
                int(plan.doctor_ok),
                int(plan.blinded),
                plan.run_in_days,
                plan.extra_pairs,
                None if plan.standard is None else plan.standard.value,
                None if plan.stop_reason is None else plan.stop_reason.value,
                plan.result_seen,
            ),
        )
        Diary._insert_periods(conn, plan_id, plan.periods)
        return replace_id(plan, plan_id)

    @staticmethod
    def _insert_periods(conn: sqlite3.Connection, plan_id: int, periods: Iterable[Period]) -> None:
        conn.executemany(
            "INSERT INTO plan_periods (plan, pair, arm, first_night, last_night) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (plan_id, p.pair, p.arm.value, p.start.isoformat(), p.end.isoformat())
                for p in periods
            ],
        )

    def _refollow(self, conn: sqlite3.Connection, plans: list[Plan], first: dt.date) -> None:
        """Work ``followed`` out again for every entry from ``first`` on, after plans changed."""
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM entries WHERE night >= ?", (first.isoformat(),)
        ).fetchall()
        index = PlanIndex(plans)
        for row in rows:
            entry = self._entry(tuple(row))
            if entry is not None:
                held = index.holding(entry.night)
                self._upsert(conn, settle_followed(entry, held, derive=True, keep=True))

    def create_plan(self, plan: Plan, today: dt.date) -> Plan:
        """Store a new active plan, in one transaction: an active plan whose last night has
        passed is marked finished first; one still running is refused (:class:`PlanExists`)."""
        with self._write() as conn:
            known = self._plans_in(conn)
            for old in known:
                if old.status is PlanStatus.ACTIVE and old.status_on(today) is PlanStatus.FINISHED:
                    conn.execute("UPDATE plans SET status = 'finished' WHERE id = ?", (old.id,))
                elif old.status is PlanStatus.ACTIVE:
                    raise PlanExists(old)
            known = self._plans_in(conn)
            stored = self._insert_plan(conn, plan, PlanIndex(known))
            self._refollow(conn, [*known, stored], stored.start)
            return stored

    def stop_plan(self, today: dt.date, reason: StopReason | None = None) -> Plan | None:
        """Stop the active plan (kept in history, holding only for the nights before today),
        with why (CENT 14b); None if no plan is active. One transaction, like every write."""
        with self._write() as conn:
            active = [p for p in self._plans_in(conn) if p.status is PlanStatus.ACTIVE]
            if not active:
                return None
            conn.execute(
                "UPDATE plans SET status = 'stopped', stopped_on = ?, stop_reason = ? WHERE id = ?",
                (today.isoformat(), None if reason is None else reason.value, active[0].id),
            )
            plans = self._plans_in(conn)
            self._refollow(conn, plans, today)
            return next(p for p in plans if p.id == active[0].id)

    def extend_plan(self, plan_id: int, periods: tuple[Period, ...]) -> Plan:
        """Add a pair of periods at the end of a running plan (drawn by the caller from the
        plan's seed), in one transaction; the plan must still be what the caller saw."""
        with self._write() as conn:
            plans = self._plans_in(conn)
            plan = next((p for p in plans if p.id == plan_id), None)
            if plan is None or plan.status is not PlanStatus.ACTIVE:
                raise PlanChanged(plan_id)
            longer = plan.replace(
                periods=plan.periods + periods, extra_pairs=plan.extra_pairs + len(periods) // 2
            )
            check_plan(longer)
            others = PlanIndex(p for p in plans if p.id != plan_id)
            other = others.conflict(longer.replace(status=PlanStatus.FINISHED))
            if other is not None:
                raise PlanConflict(plan_id, other.id)
            conn.execute(
                "UPDATE plans SET pairs = ?, extra_pairs = ? WHERE id = ?",
                (longer.pairs, longer.extra_pairs, plan_id),
            )
            self._insert_periods(conn, plan_id, periods)
            self._refollow(conn, [*others.plans, longer], periods[0].start)
            return longer

    def mark_result_seen(self, plan_id: int) -> Plan | None:
        """Record, once, that a result of the plan was shown: the diary's write number then.
        Nights written afterwards are marked in every later result. The plan as stored."""
        with self._write() as conn:
            conn.execute(
                "UPDATE plans SET result_seen = ? WHERE id = ? AND result_seen IS NULL",
                (self._next_written(conn) - 1, plan_id),
            )
            return next((p for p in self._plans_in(conn) if p.id == plan_id), None)

    @staticmethod
    def _upsert(conn: sqlite3.Connection, entry: Entry) -> None:
        conn.execute(
            "INSERT INTO entries (night, legs, sleep, magnesium_mg, note, magnesium_mg_high, "
            "followed, side_effect, written_on, written) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (night) DO UPDATE SET legs = excluded.legs, sleep = excluded.sleep, "
            "magnesium_mg = excluded.magnesium_mg, note = excluded.note, "
            "magnesium_mg_high = excluded.magnesium_mg_high, followed = excluded.followed, "
            "side_effect = excluded.side_effect, written_on = excluded.written_on, "
            "written = excluded.written",
            (
                entry.night.isoformat(),
                entry.legs,
                entry.sleep,
                float(entry.magnesium_mg),
                entry.note,
                None if entry.magnesium_mg_high is None else float(entry.magnesium_mg_high),
                None if entry.followed is None else int(entry.followed),
                entry.side_effect,
                None if entry.written_on is None else entry.written_on.isoformat(),
                entry.written,
            ),
        )

    def delete(self, night: dt.date) -> bool:
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM entries WHERE night = ?", (night.isoformat(),))
            deleted = cursor.rowcount > 0
        self.journal_wiped = self.wipe_journal()
        return deleted

    def forget_all(self) -> tuple[int, int]:
        """Delete every entry and every trial plan: (entries, plans) deleted."""
        with self._write() as conn:
            removed = conn.execute("DELETE FROM entries").rowcount
            conn.execute("DELETE FROM plan_periods")
            plans = conn.execute("DELETE FROM plans").rowcount
        self.journal_wiped = self.wipe_journal()
        return removed, plans

    def count_plans(self) -> int:
        try:
            return int(self._conn.execute("SELECT count(*) FROM plans").fetchone()[0])
        except sqlite3.Error as exc:
            self._note_problem(failure(self.path, exc).message)
            return 0

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


def check_plan(plan: Plan) -> None:
    """A plan's periods must form its pairs, contiguous, each of its length; ValueError if not."""
    from mgcheck.rules.trial import check_periods

    check_periods(plan.periods, plan.period_days, plan.washout_days, plan.min_nights)
    if plan.seed < 0 or not 0 < plan.dose_mg_low <= plan.dose_mg_high:
        raise ValueError("seed or dose")
    if (plan.status is PlanStatus.STOPPED) != (plan.stopped_on is not None):
        raise ValueError("stopped_on")


def replace_id(plan: Plan, plan_id: int) -> Plan:
    return plan.replace(id=plan_id)


def settle_followed(
    entry: Entry, held: tuple[Plan, Period] | None, *, derive: bool, keep: bool = False
) -> Entry:
    """``entry`` with ``followed`` as its plan allows (``held``: the plan and period holding its
    night, or None): None outside every plan; inside one, checked against the night's arm and
    the magnesium taken (:class:`PlanMismatch` if it cannot be so). With ``derive``, a missing
    ``followed`` is worked out from the magnesium taken (a magnesium night with magnesium counts
    as followed); with ``keep``, a stored one that still fits is kept and one that no longer
    does is worked out again. The rule itself is rules/trial.py's."""
    from mgcheck.rules.trial import followed_is_consistent, settled_followed

    if held is None:
        if entry.followed is not None and not keep:
            raise PlanMismatch(entry.night, "no_plan")
        return entry.replace(followed=None) if entry.followed is not None else entry
    plan, period = held
    stated = entry.followed
    consistent = stated is not None and followed_is_consistent(
        period.arm, entry.magnesium_mg, stated, blinded=plan.blinded
    )
    if stated is not None and not consistent:
        if not keep:
            raise PlanMismatch(entry.night, "contradicts")
    elif stated is None and not derive and not keep:
        raise PlanMismatch(entry.night, "needs_followed")
    followed = settled_followed(period.arm, entry.magnesium_mg, stated, blinded=plan.blinded)
    return entry if followed is stated else entry.replace(followed=followed)


class PlanIndex:
    """The plans by their first night: the one holding a night, and a new plan's overlap, by
    bisection, so that importing thousands of plans and nights stays linear (no plan is
    compared with every other). Plans never overlap, so sorted starts give sorted ends."""

    def __init__(self, plans: Iterable[Plan] = ()) -> None:
        self.plans: list[Plan] = sorted(plans, key=lambda p: p.start)
        self._starts = [p.start for p in self.plans]
        self.active = next((p for p in self.plans if p.status is PlanStatus.ACTIVE), None)
        self.ids = {p.id for p in self.plans}
        self.top = max(self.ids, default=0)
        self._same = {replace_id(p, 0) for p in self.plans}

    def holding(self, night: dt.date) -> tuple[Plan, Period] | None:
        """The plan and its period that hold ``night``, or None."""
        at = bisect.bisect_right(self._starts, night) - 1
        if at < 0:
            return None
        plan = self.plans[at]
        period = plan.period_of(night)
        return None if period is None else (plan, period)

    def has(self, plan: Plan) -> bool:
        """The same plan apart from its number (an export read back into its own diary)."""
        return replace_id(plan, 0) in self._same

    def conflict(self, plan: Plan) -> Plan | None:
        """A plan whose nights ``plan`` would overlap, or the active one if both are active."""
        if plan.status is PlanStatus.ACTIVE and self.active is not None:
            return self.active
        at = bisect.bisect_right(self._starts, plan.start)
        for old in self.plans[max(0, at - 1) : at + 1]:
            if plan.start <= old.last_covered and old.start <= plan.last_covered:
                return old
        return None

    def add(self, plan: Plan) -> None:
        at = bisect.bisect_right(self._starts, plan.start)
        self.plans.insert(at, plan)
        self._starts.insert(at, plan.start)
        self.ids.add(plan.id)
        self.top = max(self.top, plan.id)
        self._same.add(replace_id(plan, 0))
        if plan.status is PlanStatus.ACTIVE:
            self.active = plan


def _check_file(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _refuse(
            path,
            _("cannot read the diary ({reason})").format(reason=os_reason(exc)),
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
    return open_diary(path) if exists(path) else None


def open_diary(path: Path | None = None) -> Diary:
    """Open the diary, creating the private folder and file first when they do not exist."""
    path = path or diary_path()
    private_dir(path.parent)
    if not exists(path):
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
