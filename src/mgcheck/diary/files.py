"""The diary's export format, CSV or JSON, and reading it back, checked row by row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

from mgcheck.diary.entry import Entry, InvalidEntry
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.textfile import MB, decode_text

FIELDS = ("night", "legs", "sleep", "magnesium_mg", "note")
JSON_SCHEMA = "mgcheck.diary"
JSON_SCHEMA_VERSION = 1
MAX_BYTES = 16 * MB  # ten years of nights with full 500-character notes is about 7 MB


def entry_dict(entry: Entry) -> dict[str, Any]:
    return {
        "night": entry.night.isoformat(),
        "legs": entry.legs,
        "sleep": entry.sleep,
        "magnesium_mg": entry.magnesium_mg,
        "note": entry.note,
    }


def to_csv(entries: Sequence[Entry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for entry in entries:
        row = entry_dict(entry)
        writer.writerow(["" if row[f] is None else row[f] for f in FIELDS])
    return out.getvalue()


def to_json(entries: Sequence[Entry]) -> str:
    document = {
        "schema": JSON_SCHEMA,
        "schema_version": JSON_SCHEMA_VERSION,
        "entries": [entry_dict(e) for e in entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _whole(value: Any, field: str, optional: bool = False) -> int | None:
    if value is None or value == "":
        if optional:
            return None
        raise InvalidEntry(field, _("missing"))
    if isinstance(value, str):
        if not value.strip().lstrip("-").isdigit():
            raise InvalidEntry(field, _("must be a whole number"))
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidEntry(field, _("must be a whole number"))
    return value


def _entry(raw: dict[str, Any]) -> Entry:
    unknown = set(raw) - set(FIELDS)
    if unknown:
        raise InvalidEntry(sorted(unknown)[0], _("unknown column"))
    night = raw.get("night")
    try:
        parsed = dt.date.fromisoformat(str(night)) if night else None
    except ValueError:
        parsed = None
    if parsed is None or len(str(night)) != 10:
        raise InvalidEntry("night", _("must be a date as YYYY-MM-DD"))
    magnesium = raw.get("magnesium_mg")
    if magnesium in (None, ""):
        magnesium = 0.0
    try:
        magnesium_mg = float(magnesium)
    except (TypeError, ValueError):
        raise InvalidEntry("magnesium_mg", _("must be a number")) from None
    if isinstance(magnesium, bool) or magnesium_mg != magnesium_mg:  # NaN
        raise InvalidEntry("magnesium_mg", _("must be a number"))
    note = raw.get("note") or ""
    if not isinstance(note, str):
        raise InvalidEntry("note", _("must be text"))
    legs = _whole(raw.get("legs"), "legs")
    assert legs is not None
    return Entry(parsed, legs, _whole(raw.get("sleep"), "sleep", optional=True), magnesium_mg, note)


def _rows(text: str, name: str) -> list[dict[str, Any]]:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise MgcheckError(
                _("{file}: not valid JSON (line {line})").format(file=name, line=exc.lineno)
            ) from exc
        entries = document.get("entries") if isinstance(document, dict) else None
        if document.get("schema") != JSON_SCHEMA or not isinstance(entries, list):
            raise MgcheckError(
                _("{file}: not an mgcheck diary export (expected schema {schema})").format(
                    file=name, schema=JSON_SCHEMA
                )
            )
        if not all(isinstance(row, dict) for row in entries):
            raise MgcheckError(_("{file}: every entry must be an object").format(file=name))
        return entries
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "night" not in reader.fieldnames:
        raise MgcheckError(
            _("{file}: not an mgcheck diary export (CSV needs the columns {columns})").format(
                file=name, columns=",".join(FIELDS)
            )
        )
    rows: list[dict[str, Any]] = []
    for row in reader:
        if None in row:
            raise MgcheckError(
                _("{file}: row {row}: more values than columns").format(
                    file=name, row=reader.line_num - 1
                )
            )
        rows.append(dict(row))
    return rows


def parse_export(raw: bytes, name: str) -> list[Entry]:
    """Every row checked; the first bad one is named by number and date, and nothing is kept."""
    text = decode_text(raw, name)
    entries: list[Entry] = []
    seen: set[dt.date] = set()
    for number, row in enumerate(_rows(text, name), start=1):
        label = str(row.get("night") or "?")
        try:
            entry = _entry(row)
        except InvalidEntry as exc:
            raise MgcheckError(
                _("{file}: row {row} ({night}): {field}: {problem}").format(
                    file=name, row=number, night=label, field=exc.field, problem=exc.problem
                )
            ) from exc
        if entry.night in seen:
            raise MgcheckError(
                _("{file}: row {row} ({night}): the same night twice").format(
                    file=name, row=number, night=label
                )
            )
        seen.add(entry.night)
        entries.append(entry)
    return entries
