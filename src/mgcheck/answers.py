"""Reading an answers file (YAML or JSON, or standard input) into the Answers model.

Every problem is reported, one line each, naming the key; nothing else is printed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _, current
from mgcheck.textfile import decode_text, read_file

if TYPE_CHECKING:
    from mgcheck.datafiles import AssessData
    from mgcheck.models_answers import Answers

MAX_BYTES = 1_000_000


def _where(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            parts[-1] += f"[{part}]"
        else:
            parts.append(str(part))
    return ".".join(parts)


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return _("unknown key")
    if kind == "missing":
        return _("missing")
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _read(source: str) -> tuple[str, bytes]:
    if source == "-":
        return _("standard input"), sys.stdin.buffer.read(MAX_BYTES + 1)
    return source, read_file(Path(source), MAX_BYTES)


def parse_answers(raw: bytes, name: str, data: AssessData) -> Answers:
    import yaml
    from pydantic import ValidationError

    from mgcheck.models_answers import Answers
    from mgcheck.rules.assess import form_problem
    from mgcheck.rules.dose import NeedsElemental, NoSuchHydrate, UnknownForm

    if len(raw) > MAX_BYTES:
        raise MgcheckError(_("{file}: too large for an answers file").format(file=name))
    text = decode_text(raw, name)
    if not text.strip():
        raise MgcheckError(
            _("{file}: empty. See mgcheck assess --example for the format.").format(file=name)
        )
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        content = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        raise MgcheckError(
            _("{file}: not valid YAML or JSON (line {line})").format(file=name, line=line)
        ) from exc
    if not isinstance(content, dict):
        raise MgcheckError(
            _("{file}: expected keys such as age and sex at the top level").format(file=name)
        )
    try:
        answers = Answers.model_validate(content)
    except ValidationError as exc:
        lines = [
            f"{name}: {_where(tuple(e['loc'])) or _('answers')}: {_message(e)}"
            for e in exc.errors(include_url=False, include_input=False)
        ]
        raise MgcheckError("\n".join(lines)) from exc
    problem = form_problem(answers, data)
    if problem is not None:
        if isinstance(problem, UnknownForm):
            hint = ", ".join(f.id for f in problem.suggestions)
            detail = _("unknown form '{form}'").format(form=problem.query)
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
