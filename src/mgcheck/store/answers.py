"""Reading an answers file (YAML or JSON, or standard input) into the Answers model.

Every problem is reported, one line each, naming the key; nothing else is printed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.store.textfile import MB, decode_text, display_name, read_file, read_stream

if TYPE_CHECKING:
    from mgcheck.models.answers import Answers

MAX_BYTES = MB  # an answers file is a few hundred bytes


def _read(source: str) -> tuple[str, bytes]:
    if source == "-":
        name = _("standard input")
        return name, read_stream(sys.stdin.buffer, MAX_BYTES, name)
    return display_name(source), read_file(Path(source), MAX_BYTES)


def parse_answers(raw: bytes, name: str) -> Answers:
    """The answers of one file, validated field by field; every problem named."""
    text = decode_text(raw, name)
    if not text.strip():
        raise MgcheckError(
            _("{file}: empty. See mgcheck assess --example for the format.").format(file=name)
        )
    from mgcheck.store.strictload import load_yaml

    content = load_yaml(text, name)
    if not isinstance(content, dict):
        raise MgcheckError(
            _("{file}: expected keys such as age and sex at the top level").format(file=name)
        )
    return answers_from(content, name)


def answers_from(content: dict[str, Any], name: str) -> Answers:
    """Answers from a file's content or an interview's, checked like an answers file: every
    problem named (``name``: the file, or "your answers"), worded by ``cli/messages``."""
    from pydantic import ValidationError

    from mgcheck.models.answers import Answers

    try:
        return Answers.model_validate(content)
    except ValidationError as exc:
        from mgcheck.store.validation import invalid_answers

        raise invalid_answers(exc, name) from exc


def load_answers(source: str) -> tuple[str, Answers]:
    """The answers of a file (``-``: standard input), with the name messages use for it."""
    name, raw = _read(source)
    return name, parse_answers(raw, name)
