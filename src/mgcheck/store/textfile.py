"""Turning a file a person gave us into text, or one clear line saying why it is not text.

Every such file is read with a size cap: ``/dev/zero`` or a huge file is refused after reading
one byte more than the cap, never read until memory runs out.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from mgcheck.errors import MgcheckError, os_reason
from mgcheck.i18n import _, format_number
from mgcheck.safetext import shown

MB = 1_000_000


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 (a byte-order mark is allowed); binary files are refused by their NUL bytes."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MgcheckError(_("{file}: not a UTF-8 text file").format(file=name)) from exc
    if "\x00" in text:
        raise MgcheckError(_("{file}: not a text file").format(file=name))
    return text


def _capped(raw: bytes, limit: int, name: str) -> bytes:
    if len(raw) > limit:
        raise MgcheckError(
            _("{file}: larger than {size} MB, more than mgcheck reads from such a file").format(
                file=name, size=format_number(limit / MB)
            )
        )
    return raw


def read_stream(stream: BinaryIO, limit: int, name: str) -> bytes:
    """At most ``limit`` bytes from ``stream`` (standard input); more is refused."""
    try:
        return _capped(stream.read(limit + 1), limit, name)
    except OSError as exc:
        raise MgcheckError(
            _("{file}: cannot read the file ({reason})").format(file=name, reason=os_reason(exc))
        ) from exc


def read_file(path: Path, limit: int) -> bytes:
    """The file's bytes; a file larger than ``limit`` (or endless, like /dev/zero) is refused."""
    try:
        with path.open("rb") as handle:
            return read_stream(handle, limit, display_name(path))
    except OSError as exc:
        raise MgcheckError(
            _("{file}: cannot read the file ({reason})").format(
                file=display_name(path), reason=os_reason(exc)
            )
        ) from exc


def display_name(path: Path | str) -> str:
    """A file name as messages show it: on one line, visible, not endless."""
    return shown(path, limit=200)
