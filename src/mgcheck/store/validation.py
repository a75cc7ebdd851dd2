"""A Pydantic ValidationError as the lines a person reads: the one place that words them.

Two readers need two forms: a person's answers file gets one line per problem, each naming the
key (``magnesium.form: unknown key``); a data file or food table gets its first problem,
naming the item by its id (``food 'x': field 'name': Field required (and 6 more problems)``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.record import Record
from mgcheck.safetext import shown
from mgcheck.store.textfile import display_name

R = TypeVar("R", bound=Record)


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


class Problem(Record):
    """One problem of an answers file as data: where, Pydantic's error type, what the field
    allows (read from the model, so the words can name the range) and what the file has."""

    where: str
    kind: str
    detail: str  # Pydantic's message (English), or a model's own (translated) reason
    low: float | None = None
    high: float | None = None
    low_open: bool = False  # the low bound itself is not allowed (an amount of 0)
    whole: bool = False
    choices: tuple[str, ...] = ()
    value: str | None = None  # a scalar as the file has it, for the message


class InvalidAnswers(MgcheckError):
    """An answers file (or an interview's result) that fails validation, a line a problem.

    The message is Pydantic's English; ``cli/messages.invalid_answers`` words the problems in
    the user's language with the allowed range, and the commands show that."""

    def __init__(self, name: str, problems: tuple[Problem, ...]) -> None:
        lines = [f"{name}: {p.where or _('answers')}: {p.detail}" for p in problems]
        super().__init__("\n".join(lines))
        self.name = name
        self.problems = problems


def _field(model: Any, loc: tuple[int | str, ...]) -> Any:
    """The FieldInfo that ``loc`` ends at in ``model`` (None when it is not a field)."""
    import typing

    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if fields is None or part not in fields:
            return None
        info = fields[part]
        model = None
        for arg in (info.annotation, *typing.get_args(info.annotation)):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                model = arg
                break
    return info


def _choices(annotation: Any) -> tuple[str, ...]:
    import typing
    from enum import Enum

    from mgcheck.vocab import LEGACY_VALUES

    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return tuple(str(e.value) for e in arg if e.value not in LEGACY_VALUES)
        if typing.get_origin(arg) is typing.Literal:
            return tuple(str(a) for a in typing.get_args(arg))
    return ()


def _scalar(value: Any) -> str | None:
    import json

    if isinstance(value, (bool, int, float, str)):
        return shown(json.dumps(value, ensure_ascii=False), limit=40)
    return None


def problems(exc: Any, model: Any) -> tuple[Problem, ...]:
    """The problems of a ValidationError of ``model``, each with what its field allows."""
    found: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        info = _field(model, loc)
        low = high = None
        low_open = whole = False
        choices: tuple[str, ...] = ()
        if info is not None:
            for rule in info.metadata:
                if getattr(rule, "ge", None) is not None:
                    low = rule.ge
                if getattr(rule, "gt", None) is not None:
                    low, low_open = rule.gt, True
                if getattr(rule, "le", None) is not None:
                    high = rule.le
            whole = info.annotation is int
            choices = _choices(info.annotation)
        found.append(
            Problem(
                where=_where(loc),
                kind=str(error["type"]),
                detail=_message(error),
                low=low,
                high=high,
                low_open=low_open,
                whole=whole,
                choices=choices,
                value=_scalar(error.get("input")),
            )
        )
    return tuple(found)


def invalid_answers(exc: Any, name: str) -> InvalidAnswers:
    """The problems of a ValidationError of the answers, each naming the key."""
    from mgcheck.models.answers import Answers

    return InvalidAnswers(name, problems(exc, Answers))


def _describe(loc: tuple[int | str, ...], raw: Any, list_key: str, noun: str) -> str:
    """Name the item (by its id where it has one) and the field of a validation error."""
    parts: list[str] = []
    rest = list(loc)
    if len(rest) >= 2 and rest[0] == list_key and isinstance(rest[1], int):
        index = rest[1]
        items = raw.get(list_key) if isinstance(raw, dict) else None
        item = items[index] if isinstance(items, list) and index < len(items) else None
        ident = (item.get("id") or item.get("key")) if isinstance(item, dict) else None
        label = f"'{shown(ident, limit=40)}'" if isinstance(ident, str) else f"#{index + 1}"
        parts.append(f"{noun} {label}")
        rest = rest[2:]
    if rest:
        field = ".".join(shown(p, limit=40) for p in rest)
        parts.append(_("field '{field}'").format(field=field))
    return ": ".join(parts)


def validate(record: type[R], raw: Any, path: Path, list_key: str, noun: str) -> R:
    """Check ``raw`` as ``record`` (its validator, :mod:`mgcheck.store.checked`); on failure
    name the file, the list item (``noun`` + id) and the field."""
    from mgcheck.store.checked import checked, validator

    if not isinstance(raw, dict):
        raise MgcheckError(
            _("{file}: expected a mapping at the top level").format(file=display_name(path))
        )
    try:
        return checked(record, raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        first = errors[0]
        where = _describe(tuple(first["loc"]), raw, list_key, noun)
        raise InvalidData(
            display_name(path), where, problems(exc, validator(record))[0], len(errors) - 1
        ) from exc


class InvalidData(MgcheckError):
    """A data file or food table that fails validation: its first problem, and how many more.

    The message names the item and field with Pydantic's words; ``cli/messages.invalid_data``
    words the problem in the user's language, as for answers files."""

    def __init__(self, file: str, where: str, problem: Problem, more: int) -> None:
        message = f"{file}: {where + ': ' if where else ''}{shown(problem.detail, 200)}"
        if more:
            message += " " + _("(and {n} more problems)").format(n=more)
        super().__init__(message)
        self.file = file
        self.where = where
        self.problem = problem
        self.more = more
