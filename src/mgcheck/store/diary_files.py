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
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from mgcheck.envelope import SCHEMA_VERSION, envelope, schema_name
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.models.diary import Entry, InvalidEntry, InvalidNight, entry_dict, parse_night
from mgcheck.safetext import dumps, shown
from mgcheck.store.textfile import MB, decode_text

FIELDS = ("night", "legs", "sleep", "magnesium_mg", "note")
JSON_SCHEMA = schema_name("diary")
JSON_SCHEMA_VERSION = SCHEMA_VERSION
MAX_BYTES = 16 * MB  # ten years of nights with full 500-character notes is about 7 MB
_FORMULA = re.compile("'*[=+\\-@\t\r]")
_NEEDS_QUOTES = re.compile('[,"\r\n]')
_WHOLE = re.compile("-?[0-9]{1,9}")
_DECIMAL = re.compile("-?[0-9]{1,9}(\\.[0-9]{0,20})?([eE][-+]?[0-9]{1,3})?")


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


def to_csv(entries: Sequence[Entry]) -> str:
    lines = [",".join(FIELDS)]
    for entry in entries:
        sleep = "" if entry.sleep is None else str(entry.sleep)
        cells = [entry.night.isoformat(), str(entry.legs), sleep, str(entry.magnesium_mg)]
        lines.append(",".join([*cells, _note_cell(entry.note)]))
    return "\n".join(lines) + "\n"


def to_json(entries: Sequence[Entry]) -> str:
    document = envelope("diary", {"entries": [entry_dict(e) for e in entries]})
    return dumps(document) + "\n"


def _whole(value: Any, field: str, typed: bool, optional: bool = False) -> int | None:
    if value is None or value == "":
        if optional:
            return None
        raise InvalidEntry(field, _("missing"))
    if typed:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidEntry(field, _("must be a whole number"))
        return value
    if not isinstance(value, str) or not _WHOLE.fullmatch(value):
        raise InvalidEntry(field, _("must be a whole number"))
    return int(value)


def _number(value: Any, field: str, typed: bool) -> float:
    if value is None or value == "":
        return 0.0
    if typed:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidEntry(field, _("must be a number"))
        return float(value)
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise InvalidEntry(field, _("must be a number"))
    return float(value)


def _night(value: Any) -> dt.date:
    try:
        if not isinstance(value, str):
            raise InvalidNight("form")
        return parse_night(value, new=True)
    except InvalidNight as exc:
        problem = {
            "form": _("must be a date as YYYY-MM-DD"),
            "early": _("must be a date from 1900-01-01 on"),
            "future": _("is in the future"),
        }[exc.kind]
        raise InvalidEntry("night", problem) from None


def _entry(raw: dict[str, Any], typed: bool) -> Entry:
    unknown = set(raw) - set(FIELDS)
    if unknown:
        raise InvalidEntry(shown(sorted(map(str, unknown))[0], 40), _("unknown column"))
    night = _night(raw.get("night"))
    magnesium_mg = _number(raw.get("magnesium_mg"), "magnesium_mg", typed)
    note = raw.get("note")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise InvalidEntry("note", _("must be text"))
    if not typed:
        note = _note_from_cell(note)
    legs = _whole(raw.get("legs"), "legs", typed)
    assert legs is not None
    sleep = _whole(raw.get("sleep"), "sleep", typed, optional=True)
    return Entry(night, legs, sleep, magnesium_mg, note)


def _json_rows(text: str, name: str) -> list[dict[str, Any]]:
    from mgcheck.store.strictload import load_json

    document = load_json(text, name)
    if not isinstance(document, dict) or document.get("schema") != JSON_SCHEMA:
        raise MgcheckError(
            _("{file}: not an mgcheck diary export (expected schema {schema})").format(
                file=name, schema=JSON_SCHEMA
            )
        )
    version = document.get("schema_version")
    if version != JSON_SCHEMA_VERSION or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > 1:
            raise MgcheckError(
                _(
                    "{file}: made by a newer mgcheck (schema_version {found}; this one reads "
                    "{known}). Update mgcheck; nothing was imported."
                ).format(file=name, found=version, known=JSON_SCHEMA_VERSION)
            )
        raise MgcheckError(
            _("{file}: schema_version must be {known}").format(file=name, known=JSON_SCHEMA_VERSION)
        )
    unknown = sorted(set(document) - {"schema", "schema_version", "entries"})
    if unknown:
        raise MgcheckError(
            _("{file}: unknown key '{key}'").format(file=name, key=shown(unknown[0], 40))
        )
    entries = document.get("entries")
    if not isinstance(entries, list) or not all(isinstance(row, dict) for row in entries):
        raise MgcheckError(_("{file}: every entry must be an object").format(file=name))
    return entries


def _csv_rows(text: str, name: str) -> list[dict[str, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[dict[str, Any]] = []
    try:
        header = next(reader, None)
        if header is None or "night" not in header:
            raise MgcheckError(
                _("{file}: not an mgcheck diary export (CSV needs the columns {columns})").format(
                    file=name, columns=",".join(FIELDS)
                )
            )
        twice = sorted({column for column in header if header.count(column) > 1})
        if twice:
            raise MgcheckError(
                _("{file}: the column '{column}' appears twice").format(
                    file=name, column=shown(twice[0], 40)
                )
            )
        for values in reader:
            if len(values) > len(header):
                raise MgcheckError(
                    _("{file}: row {row}: more values than columns").format(
                        file=name, row=len(rows) + 1
                    )
                )
            rows.append(dict(zip(header, values, strict=False)))
    except csv.Error:
        raise MgcheckError(
            _(
                "{file}: line {line}: not valid CSV (a value too long, or a quote or line "
                "break out of place)"
            ).format(file=name, line=reader.line_num)
        ) from None
    return rows


def parse_export(raw: bytes, name: str) -> list[Entry]:
    """Every row checked; the first bad one is named by number and date, and nothing is kept."""
    text = decode_text(raw, name)
    rows = _json_rows(text, name) if text.lstrip().startswith("{") else _csv_rows(text, name)
    typed = text.lstrip().startswith("{")
    entries: list[Entry] = []
    seen: set[dt.date] = set()
    for number, row in enumerate(rows, start=1):
        label = shown(row.get("night") or "?", 40)
        try:
            entry = _entry(row, typed)
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
