"""Reading an answers file (YAML or JSON, or standard input) into the Answers model.

Every problem is reported, one line each, naming the key; nothing else is printed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _, current
from mgcheck.safetext import shown
from mgcheck.store.textfile import MB, decode_text, display_name, read_file, read_stream

if TYPE_CHECKING:
    from mgcheck.models.answers import Answers
    from mgcheck.models.assess_data import AssessData

MAX_BYTES = MB  # an answers file is a few hundred bytes


def _where(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            parts[-1] += f"[{part}]"
        else:
            parts.append(shown(part, limit=40))  # an unknown key is the file's, not ours
    return ".".join(parts)


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return _("unknown key")
    if kind == "missing":
        return _("missing")
    message = str(error["msg"])
    return shown(message.removeprefix("Value error, "), limit=200)


def invalid_answers(exc: Any, name: str) -> MgcheckError:
    """One line per problem of a pydantic ValidationError, each naming the key."""
    lines = [
        f"{name}: {_where(tuple(e['loc'])) or _('answers')}: {_message(e)}"
        for e in exc.errors(include_url=False, include_input=False)
    ]
    return MgcheckError("\n".join(lines))


def _read(source: str) -> tuple[str, bytes]:
    if source == "-":
        name = _("standard input")
        return name, read_stream(sys.stdin.buffer, MAX_BYTES, name)
    return display_name(source), read_file(Path(source), MAX_BYTES)


def parse_answers(raw: bytes, name: str, data: AssessData) -> Answers:
    from pydantic import ValidationError

    from mgcheck.models.answers import Answers
    from mgcheck.rules.assess import form_problem
    from mgcheck.rules.dose import NeedsElemental, NoSuchHydrate, UnknownForm

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
    try:
        answers = Answers.model_validate(content)
    except ValidationError as exc:
        raise invalid_answers(exc, name) from exc
    problem = form_problem(answers, data)
    if problem is not None:
        if isinstance(problem, UnknownForm):
            hint = ", ".join(f.id for f in problem.suggestions)
            detail = _("unknown form '{form}'").format(form=shown(problem.query))
            if hint:
                detail += " " + _("(did you mean: {names}?)").format(names=hint)
        elif isinstance(problem, NeedsElemental):
            detail = (
                problem.entry.note.get(current())
                + " "
                + _("Give the amount of magnesium the label states, with elemental: true.")
            )
        else:
            assert isinstance(problem, NoSuchHydrate)
            detail = _("{form} has no such hydrate").format(form=problem.form.id)
        raise MgcheckError(f"{name}: magnesium.form: {detail}")
    return answers


def load_answers(source: str, data: AssessData) -> Answers:
    name, raw = _read(source)
    return parse_answers(raw, name, data)
