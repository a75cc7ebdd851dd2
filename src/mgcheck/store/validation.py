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
from mgcheck.safetext import shown
from mgcheck.store.textfile import display_name

M = TypeVar("M", bound=BaseModel)


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


def validate(model: type[M], raw: Any, path: Path, list_key: str, noun: str) -> M:
    """Validate ``raw``; on failure name the file, the list item (``noun`` + id) and the field."""
    if not isinstance(raw, dict):
        raise MgcheckError(
            _("{file}: expected a mapping at the top level").format(file=display_name(path))
        )
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        first = errors[0]
        where = _describe(tuple(first["loc"]), raw, list_key, noun)
        message = f"{display_name(path)}: {where + ': ' if where else ''}{shown(first['msg'], 200)}"
        if len(errors) > 1:
            message += " " + _("(and {n} more problems)").format(n=len(errors) - 1)
        raise MgcheckError(message) from exc
