"""Turning a file a person gave us into text, or one clear line saying why it is not text."""

from __future__ import annotations

from pathlib import Path

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 (a byte-order mark is allowed); binary files are refused by their NUL bytes."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MgcheckError(_("{file}: not a UTF-8 text file").format(file=name)) from exc
    if "\x00" in text:
        raise MgcheckError(_("{file}: not a text file").format(file=name))
    return text


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes (at most ``limit`` + 1, so a caller can tell it is too large)."""
    try:
        with path.open("rb") as handle:
            return handle.read() if limit is None else handle.read(limit + 1)
    except OSError as exc:
        raise MgcheckError(
            _("{file}: cannot read the file ({reason})").format(
                file=path, reason=exc.strerror or exc.__class__.__name__
            )
        ) from exc
