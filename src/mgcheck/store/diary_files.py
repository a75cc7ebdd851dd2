"""The diary's export format, CSV or JSON, and reading it back, checked row by row.

Export then import gives back exactly what was saved, for every note `diary add` accepts:

- CSV quotes a note holding a comma, a quote, a carriage return or a line break (Python's csv
  writer with ``lineterminator="\\n"`` leaves a lone carriage return unquoted, and its reader
  then fails);
- a note that a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a
  carriage return) gets a leading ``'``, as OWASP advises, and import takes exactly that ``'``
  off again (a note already starting with ``'`` before such a character gets one more);
- JSON escapes every control character (:func:`mgcheck.safetext.dumps`).

Reading is strict: dates exactly YYYY-MM-DD and not in the future, numbers in ASCII digits,
JSON values of the right type, no key or column twice, no unknown ``schema_version``.

Trial plans (issue 13) travel with the nights. In JSON they are a ``plans`` list (schema
version 2; version 1 files, from before plans, are read too). In CSV they follow the nights
after an empty line, as two more tables with their own header rows: the plans, then their
periods, so a spreadsheet still opens the file and the nights stay the first table. A plan's
dose is a name a person typed and is written like a note.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from mgcheck.envelope import schema_name
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.models.diary import Entry, InvalidEntry, InvalidNight, parse_night
from mgcheck.models.plan import Arm, Period, Plan, PlanStatus, StopReason
from mgcheck.record import Record
from mgcheck.safetext import dumps, shown
from mgcheck.store.textfile import MB, decode_text
from mgcheck.store.validation import InvalidData, Problem, RowProblem, check_row
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.models.outputs import DiaryExport, ExportPlan
    from mgcheck.models.outputs import Entry as EntryShape

FIELDS_V1 = ("night", "legs", "sleep", "magnesium_mg", "note")
FIELDS_V2 = ("night", "legs", "sleep", "magnesium_mg", "magnesium_mg_high", "followed", "note")
FIELDS = (*FIELDS_V2, "side_effect", "written_on", "written")
PLAN_FIELDS_V2 = (
    "plan",
    "created",
    "status",
    "stopped_on",
    "seed",
    "seed_drawn",
    "pairs",
    "period_days",
    "washout_days",
    "min_nights",
    "dose",
    "dose_mg_low",
    "dose_mg_high",
    "matters",
    "alpha",
    "confidence",
    "screen",
    "doctor_ok",
)
PLAN_FIELDS = (
    *PLAN_FIELDS_V2,
    "blinded",
    "run_in_days",
    "extra_pairs",
    "standard",
    "stop_reason",
    "result_seen",
)
PERIOD_FIELDS = ("plan", "pair", "arm", "first_night", "last_night")
JSON_SCHEMA = schema_name("diary")
# 2 added plans, magnesium_mg_high and followed; 3 side effects, when nights were written, and
# a plan's blinding, run-in, added pairs, standard, stop reason and first result; 1-2 still read.
JSON_SCHEMA_VERSION: Final = 3
READS_VERSIONS = (1, 2, 3)
ENTRY_FIELDS = {1: FIELDS_V1, 2: FIELDS_V2, 3: FIELDS}
MAX_BYTES = 16 * MB  # ten years of nights with full 500-character notes is about 7 MB
_FORMULA = re.compile("'*[=+\\-@\t\r]")
_NEEDS_QUOTES = re.compile('[,"\r\n]')


def _note_cell(note: str) -> str:
    """A note as a CSV cell: no formula, quoted when it must be."""
    if _FORMULA.match(note):
        note = "'" + note
    if _NEEDS_QUOTES.search(note):
        return '"' + note.replace('"', '""') + '"'
    return note


def _note_from_cell(cell: str) -> str:
    """Undo exactly what :func:`_note_cell` added: one leading ``'`` before a formula."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell[1:]) else cell


class Export(Record):
    """What an export file holds."""

    entries: list[Entry]
    plans: list[Plan]


def _cell(value: object, text: bool = False) -> str:
    """A JSON value as its CSV cell; ``text`` a person typed (a note, a dose) is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(map(str, value))
    return _note_cell(value) if text and isinstance(value, str) else str(value)


_TYPED = ("note", "dose", "side_effect")  # text a person typed: written like a note


def to_csv(entries: Sequence[Entry], plans: Sequence[Plan] = ()) -> str:
    """The JSON export's rows flattened into CSV tables (the same serialisers, so the two
    forms cannot drift): the nights, then the plans and their periods after an empty line."""
    lines = [",".join(FIELDS)]
    for entry in entries:
        row: dict[str, Any] = dict(entry_dict(entry))
        lines.append(",".join(_cell(row.get(name), name in _TYPED) for name in FIELDS))
    if plans:
        lines += ["", ",".join(PLAN_FIELDS)]
        for plan in plans:
            flat: dict[str, Any] = dict(plan_dict(plan))
            flat.update(
                plan=plan.id,
                pairs=plan.pairs,
                dose_mg_low=plan.dose_mg_low,
                dose_mg_high=plan.dose_mg_high,
            )
            lines.append(",".join(_cell(flat.get(name), name in _TYPED) for name in PLAN_FIELDS))
        lines += ["", ",".join(PERIOD_FIELDS)]
        for plan in plans:
            for period in plan.periods:
                cells = [str(plan.id), str(period.pair), period.arm.value]
                lines.append(",".join([*cells, period.start.isoformat(), period.end.isoformat()]))
    return "\n".join(lines) + "\n"


def entry_dict(entry: Entry) -> EntryShape:
    """An entry as the JSON export and `diary list --json` write it (and the CSV flattens)."""
    return {
        "night": entry.night.isoformat(),
        "legs": entry.legs,
        "sleep": entry.sleep,
        "magnesium_mg": entry.magnesium_mg,
        "magnesium_mg_high": entry.magnesium_mg_high,
        "followed": entry.followed,
        "note": entry.note,
        "side_effect": entry.side_effect,
        "written_on": None if entry.written_on is None else entry.written_on.isoformat(),
        "written": entry.written,
    }


def plan_dict(plan: Plan) -> ExportPlan:
    """A plan as it is kept outside the diary: the one serialiser, for the JSON export (and
    the CSV, flattened) and for `diary trial --json` (which adds what follows from it)."""
    return {
        "id": plan.id,
        "created": plan.created.isoformat(),
        "status": plan.status.value,
        "stopped_on": None if plan.stopped_on is None else plan.stopped_on.isoformat(),
        "seed": plan.seed,
        "seed_drawn": plan.seed_drawn,
        "period_days": plan.period_days,
        "washout_days": plan.washout_days,
        "min_nights": plan.min_nights,
        "dose": plan.dose,
        "dose_mg": {"low": plan.dose_mg_low, "high": plan.dose_mg_high},
        "matters": plan.matters,
        "alpha": plan.alpha,
        "confidence": plan.confidence,
        "screen": list(plan.screen),
        "doctor_ok": plan.doctor_ok,
        "periods": [
            {
                "pair": p.pair,
                "arm": p.arm.value,
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
            }
            for p in plan.periods
        ],
        "blinded": plan.blinded,
        "run_in_days": plan.run_in_days,
        "extra_pairs": plan.extra_pairs,
        "standard": None if plan.standard is None else plan.standard.value,
        "stop_reason": None if plan.stop_reason is None else plan.stop_reason.value,
        "result_seen": plan.result_seen,
    }


def to_json(entries: Sequence[Entry], plans: Sequence[Plan] = ()) -> str:
    document: DiaryExport = {
        "schema": JSON_SCHEMA,
        "schema_version": JSON_SCHEMA_VERSION,
        "entries": [entry_dict(e) for e in entries],
        "plans": [plan_dict(p) for p in plans],
    }
    return dumps(document) + "\n"


def _night(value: str, field: str, *, new: bool) -> dt.date:
    """A night (or a plan's date) exactly as YYYY-MM-DD; a ``new`` one not in the future."""
    try:
        return parse_night(value, new=new)
    except InvalidNight as exc:
        problem = {
            "form": _("must be a date as YYYY-MM-DD"),
            "early": _("must be a date from 1900-01-01 on"),
            "future": _("is in the future"),
        }[exc.kind]
        raise _Problem(field, problem) from None


class _Problem(ValueError):
    """A row's problem that the row's shape cannot see (a date, a plan's design), in words."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _refused(
    file: str, where: str, exc: RowProblem | _Problem, *, entry: bool = False
) -> InvalidData:
    """The first problem of a row or plan, as the one line cli/messages.py words: the file,
    the row, the field and what it must be. A key no night has is an unknown column."""
    if isinstance(exc, _Problem):
        problem = Problem(where=exc.field, kind="value_error", detail=exc.problem)
    else:
        problem = exc.problem
    if entry and problem.kind == "extra_forbidden":
        problem = problem.replace(kind="value_error", detail=_("unknown column"))
    return InvalidData(file, f"{where}: {problem.where}", problem, 0)


def _entry(raw: dict[str, Any], csv: bool, fields: Sequence[str]) -> Entry:
    """One night of an export: its shape (models/outputs.Entry, as the export writes it), then
    its date and the record's own checks across fields."""
    from mgcheck.models.outputs import Entry as EntryShape

    extra = sorted(set(map(str, raw)) - set(fields))
    if extra:  # an older file cannot hold a later column
        raise _Problem(shown(extra[0], 40), _("unknown column"))
    row = check_row(EntryShape, raw, cells=csv)
    note = row.get("note") or ""
    side_effect = row.get("side_effect") or ""
    written_on = row.get("written_on")
    try:
        return Entry(
            night=_night(row["night"], "night", new=True),
            legs=row["legs"],
            sleep=row.get("sleep"),
            magnesium_mg=row.get("magnesium_mg") or 0.0,
            note=_note_from_cell(note) if csv else note,
            magnesium_mg_high=row.get("magnesium_mg_high"),
            followed=row.get("followed"),
            side_effect=_note_from_cell(side_effect) if csv else side_effect,
            written_on=None if written_on is None else _night(written_on, "written_on", new=True),
            written=row.get("written"),
        )
    except InvalidEntry as exc:
        raise _Problem(exc.field, exc.problem) from None


def _json_rows(text: str, name: str) -> tuple[list[dict[str, Any]], list[Any], int]:
    """The entries, the plans and the schema version of a JSON export, its frame checked."""
    from mgcheck.store.strictload import load_json

    document = load_json(text, name)
    if not isinstance(document, dict) or document.get("schema") != JSON_SCHEMA:
        raise MgcheckError(
            _("{file}: not an mgcheck diary export (expected schema {schema})").format(
                file=name, schema=JSON_SCHEMA
            )
        )
    version = document.get("schema_version")
    if version not in READS_VERSIONS or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > 1:
            raise MgcheckError(
                _(
                    "{file}: made by a newer mgcheck (schema_version {found}; this one reads "
                    "{known}). Update mgcheck; nothing was imported."
                ).format(file=name, found=version, known=JSON_SCHEMA_VERSION)
            )
        raise MgcheckError(
            _("{file}: schema_version must be {known}").format(
                file=name, known=" or ".join(map(str, READS_VERSIONS))
            )
        )
    keys = {"schema", "schema_version", "entries"} | ({"plans"} if version >= 2 else set())
    unknown = sorted(set(document) - keys)
    if unknown:
        raise MgcheckError(
            _("{file}: unknown key '{key}'").format(file=name, key=shown(unknown[0], 40))
        )
    entries = document.get("entries")
    if not isinstance(entries, list) or not all(isinstance(row, dict) for row in entries):
        raise MgcheckError(_("{file}: every entry must be an object").format(file=name))
    plans = document.get("plans", [])
    if not isinstance(plans, list):
        raise MgcheckError(_("{file}: plans must be a list").format(file=name))
    return entries, plans, version


def _csv_tables(text: str, name: str) -> list[list[dict[str, Any]]]:
    """The tables of a CSV export, each a list of rows by column name: the nights first, then
    (after an empty line each) the plans and their periods."""
    reader = csv.reader(io.StringIO(text, newline=""))
    tables: list[list[dict[str, Any]]] = []
    header: list[str] | None = None
    try:
        for values in reader:
            if not values:  # an empty line ends a table; the next line is a header
                header = None
                continue
            if header is None:
                header = values
                if not tables and "night" not in header:
                    raise MgcheckError(
                        _(
                            "{file}: not an mgcheck diary export (CSV needs the columns {columns})"
                        ).format(file=name, columns=",".join(FIELDS))
                    )
                twice = sorted({column for column in header if header.count(column) > 1})
                if twice:
                    raise MgcheckError(
                        _("{file}: the column '{column}' appears twice").format(
                            file=name, column=shown(twice[0], 40)
                        )
                    )
                tables.append([])
                continue
            if len(values) > len(header):
                raise MgcheckError(
                    _("{file}: row {row}: more values than columns").format(
                        file=name, row=len(tables[-1]) + 1
                    )
                )
            tables[-1].append(dict(zip(header, values, strict=False)))
    except csv.Error:
        raise MgcheckError(
            _(
                "{file}: line {line}: not valid CSV (a value too long, or a quote or line "
                "break out of place)"
            ).format(file=name, line=reader.line_num)
        ) from None
    if not tables:
        raise MgcheckError(
            _("{file}: not an mgcheck diary export (CSV needs the columns {columns})").format(
                file=name, columns=",".join(FIELDS)
            )
        )
    return tables


def _csv_plans(tables: list[list[dict[str, Any]]], name: str) -> list[dict[str, Any]]:
    """The plans table and the periods table of a CSV export as plan objects (as in JSON)."""
    if not tables:
        return []
    if (
        len(tables) != 2
        or (tables[0] and set(tables[0][0]) not in (set(PLAN_FIELDS), set(PLAN_FIELDS_V2)))
        or (tables[1] and set(tables[1][0]) != set(PERIOD_FIELDS))
    ):
        raise MgcheckError(
            _(
                "{file}: after the nights, a CSV export holds the plans ({plans}) and their "
                "periods ({periods}), each after an empty line"
            ).format(file=name, plans=",".join(PLAN_FIELDS), periods=",".join(PERIOD_FIELDS))
        )
    plans, periods = tables
    by_plan: dict[str, list[dict[str, Any]]] = {}
    for row in periods:
        by_plan.setdefault(str(row.get("plan")), []).append(row)
    return [{**row, "periods": by_plan.pop(str(row.get("plan")), [])} for row in plans] + [
        {"plan": plan, "periods": rows, "_orphan": True} for plan, rows in by_plan.items()
    ]


def _csv_plan(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV plan row (with its periods) in the shape JSON gives it, its cells still text: the
    same names, the dose as a span, the screen as a list, the periods with start and end.
    (``pairs`` is checked against the periods afterwards.)"""
    dropped = ("pairs", "dose_mg_low", "dose_mg_high")
    plan: dict[str, Any] = {
        "id" if key == "plan" else key: value for key, value in row.items() if key not in dropped
    }
    plan["dose_mg"] = {"low": row.get("dose_mg_low", ""), "high": row.get("dose_mg_high", "")}
    plan["screen"] = [key for key in str(row.get("screen") or "").split(";") if key]
    plan["dose"] = _note_from_cell(str(row.get("dose", "")))
    plan["stopped_on"] = row.get("stopped_on") or None
    plan["periods"] = [
        {
            {"first_night": "start", "last_night": "end"}.get(key, key): value
            for key, value in period.items()
            if key != "plan"
        }
        for period in row.get("periods", [])
    ]
    return plan


def _plan(raw: Any, csv: bool) -> Plan:
    """One plan of an export: its shape (models/outputs.ExportPlan), then its dates, its pairs
    and its periods against its design."""
    from mgcheck.models.outputs import ExportPlan
    from mgcheck.store.diary import check_plan

    if not isinstance(raw, dict):
        raise _Problem("plan", _("must be an object"))
    if raw.get("_orphan"):
        raise _Problem("periods", _("periods of a plan the file does not list"))
    pairs = raw.get("pairs")
    row = check_row(ExportPlan, _csv_plan(raw) if csv else raw, cells=csv)
    if "\n" in row["dose"] or "\r" in row["dose"]:
        raise _Problem("dose", _("must be one line of text without control characters"))
    periods = tuple(
        Period(
            _night(p["start"], "periods.start", new=False),
            _night(p["end"], "periods.end", new=False),
            Arm(p["arm"]),
            p["pair"],
        )
        for p in row["periods"]
    )
    stopped = row["stopped_on"]
    plan = Plan(
        id=row["id"],
        created=_night(row["created"], "created", new=False),
        status=PlanStatus(row["status"]),
        stopped_on=None if stopped is None else _night(stopped, "stopped_on", new=False),
        seed=row["seed"],
        seed_drawn=row["seed_drawn"],
        period_days=row["period_days"],
        washout_days=row["washout_days"],
        min_nights=row["min_nights"],
        dose=row["dose"],
        dose_mg_low=row["dose_mg"]["low"],
        dose_mg_high=row["dose_mg"]["high"],
        matters=row["matters"],
        alpha=row["alpha"],
        confidence=row["confidence"],
        screen=tuple(row["screen"]),
        doctor_ok=row["doctor_ok"],
        periods=periods,
        blinded=row.get("blinded", False),
        run_in_days=row.get("run_in_days", 0),
        extra_pairs=row.get("extra_pairs", 0),
        standard=None if row.get("standard") is None else Standard(row["standard"]),
        stop_reason=None if row.get("stop_reason") is None else StopReason(row["stop_reason"]),
        result_seen=row.get("result_seen"),
    )
    if csv and pairs != str(plan.pairs):
        raise _Problem("pairs", _("does not match the periods"))
    try:
        check_plan(plan)
    except ValueError:
        raise _Problem("periods", _("do not form the plan's pairs")) from None
    return plan


def read_export(raw: bytes, name: str) -> Export:
    """Every row and plan checked; the first bad one is named, and nothing is kept."""
    text = decode_text(raw, name)
    typed = text.lstrip().startswith("{")
    fields: Sequence[str] = FIELDS
    if typed:
        rows, raw_plans, version = _json_rows(text, name)
        fields = ENTRY_FIELDS[version]
    else:
        tables = _csv_tables(text, name)
        rows, raw_plans = tables[0], _csv_plans(tables[1:], name)
    plans: list[Plan] = []
    for number, raw_plan in enumerate(raw_plans, start=1):
        try:
            plans.append(_plan(raw_plan, csv=not typed))
        except (RowProblem, _Problem) as exc:
            raise _refused(name, _("plan {number}").format(number=number), exc) from None
    if len({p.id for p in plans}) != len(plans):
        raise MgcheckError(_("{file}: the same plan number twice").format(file=name))
    return Export(_entries(rows, name, typed, fields), plans)


def parse_export(raw: bytes, name: str) -> list[Entry]:
    """The nights of an export (see :func:`read_export` for the plans too)."""
    return read_export(raw, name).entries


def _entries(
    rows: list[dict[str, Any]], name: str, typed: bool, fields: Sequence[str]
) -> list[Entry]:
    entries: list[Entry] = []
    seen: set[dt.date] = set()
    for number, row in enumerate(rows, start=1):
        label = shown(row.get("night") or "?", 40)
        try:
            entry = _entry(row, not typed, fields)
        except (RowProblem, _Problem) as exc:
            where = _("row {row} ({night})").format(row=number, night=label)
            raise _refused(name, where, exc, entry=True) from None
        if entry.night in seen:
            raise MgcheckError(
                _("{file}: row {row} ({night}): the same night twice").format(
                    file=name, row=number, night=label
                )
            )
        seen.add(entry.night)
        entries.append(entry)
    return entries
