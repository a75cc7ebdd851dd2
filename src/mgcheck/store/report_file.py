"""Writing the report to a file for the doctor: atomically, so a failure leaves no partial file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mgcheck.errors import MgcheckError, os_reason
from mgcheck.i18n import _
from mgcheck.store.textfile import display_name


def already_exists(path: Path) -> MgcheckError:
    return MgcheckError(
        _("{file}: already exists; add --force to replace it").format(file=display_name(path))
    )


def _cannot_write(path: Path, exc: OSError) -> MgcheckError:
    return MgcheckError(
        _("{file}: cannot write the report ({reason})").format(
            file=display_name(path), reason=os_reason(exc)
        )
    )


def _publish(temporary: Path, path: Path, replace: bool) -> None:
    """Put the finished file in place; without ``replace`` never over a file (a hard link
    cannot replace one, so a file that appeared meanwhile is safe too)."""
    if replace:
        temporary.replace(path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise already_exists(path) from None
    except OSError:  # no hard links on this file system: a new file, created exclusively
        from mgcheck.store.paths import create_private_file

        create_private_file(path, exclusive=True)
        path.write_bytes(temporary.read_bytes())


def write_report(path: Path, content: str, replace: bool = False) -> None:
    """Write ``content`` (the rendered report) beside the target, then put it in place:
    readable by its owner only, never half written, and over an existing file only with
    ``replace``."""
    directory = path.parent if str(path.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        _publish(Path(temporary), path, replace)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    finally:
        Path(temporary).unlink(missing_ok=True)
