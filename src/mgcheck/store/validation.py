"""A Pydantic ValidationError as the lines a person reads: the one place that words them.

Two readers need two forms: a person's answers file gets one line per problem, each naming the
key (``magnesium.form: unknown key``); a data file or food table gets its first problem,
naming the item by its id (``food 'x': field 'name': Field required (and 6 more problems)``).
A diary export's rows are checked one by one against their shape (:func:`check_row`), JSON and
CSV alike: a CSV cell first becomes the value JSON would hold, by the type of its field.
"""

from __future__ import annotations

import re
from functools import cache
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
    """The FieldInfo that ``loc`` ends at in ``model`` (None when it is not a field); for a
    TypedDict, the same two things read from its hints (the type and the bounds)."""
    import typing

    from typing_extensions import is_typeddict

    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        if is_typeddict(model):
            hints = typing.get_type_hints(model, include_extras=True)
            if part not in hints:
                return None
            info, model = _typed_field(hints[part])
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


class _TypedField(Record):
    """What :func:`problems` reads of a field: its type and its bounds (as FieldInfo has them)."""

    annotation: Any
    metadata: tuple[Any, ...]


def _typed_field(hint: Any) -> tuple[_TypedField, Any]:
    """A TypedDict field's scalar type and bounds, and the TypedDict inside it (for a path)."""
    import typing

    from typing_extensions import is_typeddict

    metadata: list[Any] = []
    inner: Any = None
    stack = [hint]
    scalar: Any = hint
    while stack:
        arg = stack.pop()
        if is_typeddict(arg):
            inner = arg
        metadata.extend(getattr(arg, "__metadata__", ()))
        if arg in (bool, int, float, str) or typing.get_origin(arg) is typing.Literal:
            scalar = arg
            continue
        stack.extend(a for a in typing.get_args(arg) if a is not type(None))
    return _TypedField(scalar, tuple(metadata)), inner


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


# --- rows of a diary export: one shape for JSON and CSV -----------------------------------------

_CELL_WHOLE = re.compile("-?[0-9]{1,19}")
_CELL_NUMBER = re.compile("-?[0-9]{1,9}(\\.[0-9]{0,20})?([eE][-+]?[0-9]{1,3})?")


class RowProblem(ValueError):
    """The first problem of a row, as a :class:`Problem` (worded by cli/messages.py)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.where}: {problem.detail}")
        self.problem = problem


@cache
def _adapter(shape: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(shape)


@cache
def _fields(shape: Any) -> dict[str, tuple[_TypedField, Any]]:
    """Each field of a TypedDict: its scalar type and bounds, and the TypedDict inside it."""
    import typing

    hints = typing.get_type_hints(shape, include_extras=True)
    return {name: _typed_field(hint) for name, hint in hints.items()}


def _cell(text: str, kind: Any) -> Any:
    """A CSV cell as the JSON value it writes; a cell that is not one stays text (and fails)."""
    if kind is int and _CELL_WHOLE.fullmatch(text):
        return int(text)
    if kind is float and _CELL_NUMBER.fullmatch(text):
        return float(text)
    if kind is bool and text in ("true", "false"):
        return text == "true"
    return text


def _values(shape: Any, raw: dict[str, Any]) -> dict[str, Any]:
    """CSV cells (text) as values by the type of their field, nested rows too; an empty cell
    is left out (a field that must be there is then named as missing)."""
    fields = _fields(shape)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        field, inner = fields.get(key, (None, None))
        if isinstance(value, str):
            if value != "":
                out[key] = _cell(value, None if field is None else field.annotation)
        elif isinstance(value, dict) and inner is not None:
            out[key] = _values(inner, value)
        elif isinstance(value, list) and inner is not None:
            out[key] = [_values(inner, v) if isinstance(v, dict) else v for v in value]
        else:
            out[key] = value
    return out


def check_row(shape: Any, raw: dict[str, Any], *, cells: bool = False) -> dict[str, Any]:
    """``raw`` as ``shape`` (a TypedDict of models/outputs.py), validated strictly: ``true`` is
    not 1 and ``"3"`` is not 3. With ``cells`` (a CSV row) an empty cell is absent and the others
    become the values they write first, nested rows too. :class:`RowProblem` names the first
    problem."""
    from pydantic import ValidationError

    if cells:
        raw = _values(shape, raw)
    try:
        checked: dict[str, Any] = _adapter(shape).validate_python(raw, strict=True)
    except ValidationError as exc:
        raise RowProblem(problems(exc, shape)[0]) from None
    return checked
