"""Writing the report to a file for the doctor: atomically, so a failure leaves no partial file."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.models_guidance import SourceEntry
from mgcheck.output import JSON_SCHEMA_VERSION
from mgcheck.render.report import html_page, markdown, text
from mgcheck.report import Report


def render_file(
    suffix: str, report: Report, sources: Sequence[tuple[int, SourceEntry]], date: dt.date
) -> str:
    if suffix == ".md":
        return markdown(report, sources, date)
    if suffix == ".html":
        return html_page(report, sources, date)
    if suffix == ".txt":
        return text(report, sources, date)
    document = {
        "schema": "mgcheck.report",
        "schema_version": JSON_SCHEMA_VERSION,
        "language": report.language,
        "date": date.isoformat(),
        "answers": [{"question": q, "answer": a} for q, a in report.answers],
        **report.to_json(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_report(
    path: Path,
    report: Report,
    sources: Sequence[tuple[int, SourceEntry]],
    date: dt.date | None = None,
) -> None:
    """Write beside the target and rename over it; the file is readable by its owner only."""
    content = render_file(path.suffix.lower(), report, sources, date or dt.date.today())
    directory = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise MgcheckError(
            _("{file}: cannot write the report ({reason})").format(
                file=path, reason=exc.strerror or exc.__class__.__name__
            )
        ) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise MgcheckError(
                _("{file}: cannot write the report ({reason})").format(
                    file=path, reason=exc.strerror or exc.__class__.__name__
                )
            ) from exc
        raise
