"""The Pydantic validators of mgcheck's data files, derived from their records.

A data file's shape is written once, as a record in ``models/`` (:mod:`mgcheck.record`): its
annotations carry the constraints (``Annotated[float, Field(ge=0)]``) and its ``check`` method
the checks across fields. :func:`validator` turns that record into a Pydantic model with the
same fields, constraints, defaults and methods (so ``check`` can call them), and runs ``check``
after the fields are valid; a record inside a record becomes that record's validator.
:func:`checked` validates a document and returns the record, built from the validated data by
the same reader that reads the compiled snapshot.

Only ``scripts/snapshot.py``, the tests and a food table of your own (``--foods``) come here;
at run time mgcheck's own data is read from the snapshot, already checked.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, Field, model_validator

from mgcheck.models.strict import Strict
from mgcheck.record import Record, _Factory, fields, plain

R = TypeVar("R", bound=Record)


@cache
def validator(record: type[Record]) -> type[BaseModel]:
    """The Pydantic model that checks a document of ``record``'s shape."""
    hints = typing.get_type_hints(record, include_extras=True)
    namespace: dict[str, Any] = {
        "__module__": record.__module__,
        "__qualname__": record.__qualname__,
        "__doc__": record.__doc__,
        "__annotations__": {name: _swap(hints[name]) for name in fields(record)},
    }
    for name in fields(record):
        if name in record._defaults:
            namespace[name] = _default(record._defaults[name])
    for klass in reversed(record.__mro__):
        if klass is Record or not issubclass(klass, Record):
            continue
        for name, value in vars(klass).items():
            method = callable(value) or isinstance(value, property | staticmethod | classmethod)
            if method and not name.startswith("__"):
                namespace[name] = value
    if hasattr(record, "check"):
        namespace["_mgcheck_check"] = model_validator(mode="after")(_run_check)
    return type(record.__name__, (Strict,), namespace)


def _run_check(model: Any) -> Any:
    """The record's own ``check``, run on the validated fields (it reads only attributes and
    the methods copied over)."""
    model.check()
    return model


def _swap(kind: Any) -> Any:
    """``kind`` with every record in it replaced by that record's validator."""
    if isinstance(kind, type) and issubclass(kind, Record):
        return validator(kind)
    origin, args = get_origin(kind), get_args(kind)
    if origin is None or not args or origin is Literal:
        return kind
    if origin is Annotated:
        params = (_swap(args[0]), *kind.__metadata__)
        return Annotated[params]
    swapped = tuple(_swap(arg) for arg in args)
    if origin is Union or origin is types.UnionType:
        return Union[swapped]  # noqa: UP007 (a tuple of types, made at run time)
    return origin[swapped]


def _default(value: Any) -> Any:
    """A record's default as its validator takes it: factories stay factories, and a record
    becomes an instance of its validator."""
    if isinstance(value, _Factory):
        make = value.make
        return Field(default_factory=lambda: _default(make()))
    if isinstance(value, Record):
        return validator(type(value)).model_validate(plain(value))
    return value


def checked(record: type[R], document: Any) -> R:
    """``document`` (parsed YAML or JSON) validated as ``record``; raises Pydantic's
    ValidationError, which :func:`mgcheck.store.validation.validate` words."""
    from mgcheck.store.snapshot import build

    model = validator(record).model_validate(document)
    built: R = build(record, model.model_dump(mode="json"))
    return built
