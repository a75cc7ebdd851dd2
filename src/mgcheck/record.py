"""Record: the cheap immutable class behind mgcheck's own data and its results.

A frozen dataclass costs about 0.4 ms to define (it compiles its methods with ``exec`` at
import) and a Pydantic model more; mgcheck defines well over a hundred such shapes, and every
command's start-up pays for the ones it imports. A Record subclass is a plain class with
``__slots__``: its fields are its annotations, read here without evaluating them, and its
methods (``__init__``, equality, hashing, ``repr``, :meth:`Record.replace`) are written once,
below. Defining one costs about 10 µs.

The annotations are the one description of a shape. For the data files they also carry the
constraints (``Annotated[float, Field(ge=0)]``, never evaluated at run time), from which
:mod:`mgcheck.store.checked` derives the Pydantic validator that checks the YAML; a method
``check(self)`` holds the checks across fields. Type checkers see a frozen dataclass
(PEP 681, ``dataclass_transform``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import FrozenInstanceError
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_kwargs: Any) -> Callable[[Any], Any]:
        return lambda cls: cls


T = TypeVar("T")
R = TypeVar("R", bound="Record")


class FrozenRecordError(FrozenInstanceError):
    """A record's fields cannot be changed; make a new one with :meth:`Record.replace`. (The
    dataclasses' own error, whose module every command has loaded already, so that code
    written for frozen dataclasses catches it too.)"""


class _Factory:
    """A default made anew for each record (``field(default_factory=list)``)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], T]) -> T:
    """A default made anew for every record, as ``dataclasses.field(default_factory=…)``."""
    return _Factory(default_factory)  # type: ignore[return-value]


_MISSING: Any = object()


class _RecordMeta(type):
    """Reads the fields from the annotations (without evaluating them) and makes the slots."""

    _fields: tuple[str, ...]
    _defaults: dict[str, Any]
    _positional: int
    _setters: tuple[Callable[[Any, Any], None], ...]
    _post_init: Callable[[Any], None] | None

    def __new__(
        mcls,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        *,
        kw_only: bool = False,
    ) -> _RecordMeta:
        inherited: tuple[str, ...] = ()
        defaults: dict[str, Any] = {}
        positional = 0
        for base in bases:
            if isinstance(base, _RecordMeta):
                inherited += tuple(n for n in base._fields if n not in inherited)
                defaults.update(base._defaults)
                positional = max(positional, base._positional)
        own = [
            key
            for key, kind in namespace.get("__annotations__", {}).items()
            if not str(kind).startswith(("ClassVar", "typing.ClassVar")) and key not in inherited
        ]
        for key in own:
            if key in namespace:
                defaults[key] = namespace.pop(key)
        namespace["__slots__"] = tuple(own)
        cls = super().__new__(mcls, name, bases, namespace)
        cls._fields = inherited + tuple(own)
        cls._defaults = defaults
        cls._positional = positional if kw_only else len(cls._fields)
        # Each slot's own setter: faster than object.__setattr__, and past the frozen guard.
        cls._setters = tuple(getattr(cls, key).__set__ for key in cls._fields)
        cls._post_init = getattr(cls, "__post_init__", None)
        return cls


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Record(metaclass=_RecordMeta):
    """Fields by position or name, defaults, value equality, a hash, and no changes after
    ``__init__`` (and ``__post_init__``, if the class has one, for checks)."""

    __slots__ = ()
    if TYPE_CHECKING:  # set by the metaclass; no annotations here for readers to evaluate
        _fields: ClassVar[tuple[str, ...]]
        _defaults: ClassVar[dict[str, Any]]
        _positional: ClassVar[int]
        _setters: ClassVar[tuple[Callable[[Any, Any], None], ...]]
        _post_init: ClassVar[Callable[[Any], None] | None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if kwargs or len(args) != len(cls._fields) or len(args) > cls._positional:
            args = cls._arguments(args, kwargs)
        for set_field, value in zip(cls._setters, args, strict=True):
            set_field(self, value)
        if cls._post_init is not None:
            cls._post_init(self)

    @classmethod
    def _arguments(cls, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """Every field's value in order, from arguments by position and name and defaults."""
        names = cls._fields
        if len(args) > cls._positional:
            raise TypeError(f"{cls.__name__}() takes {cls._positional} positional arguments")
        values = dict(zip(names, args, strict=False))
        for key, value in kwargs.items():
            if key in values or key not in names:
                raise TypeError(f"{cls.__name__}() got an unexpected or repeated field {key!r}")
            values[key] = value
        ordered = []
        for key in names:
            value = values.get(key, _MISSING)
            if value is _MISSING:
                value = cls._defaults.get(key, _MISSING)
                if value is _MISSING:
                    raise TypeError(f"{cls.__name__}() is missing the field {key!r}")
                if isinstance(value, _Factory):
                    value = value.make()
            ordered.append(value)
        return tuple(ordered)

    @classmethod
    def _make(cls, values: Iterator[Any] | tuple[Any, ...] | list[Any]) -> Self:
        """A record from its field values in order, unchecked: for data already checked (the
        compiled snapshot)."""
        record = object.__new__(cls)
        for set_field, value in zip(cls._setters, values, strict=True):
            set_field(record, value)
        return record

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, key) for key in self._fields)

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (checked again, as ``dataclasses.replace``)."""
        values = {key: getattr(self, key) for key in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __setattr__(self, key: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot assign to field {key!r}")

    def __delattr__(self, key: str) -> None:
        raise FrozenRecordError(f"cannot delete field {key!r}")

    if not TYPE_CHECKING:  # type checkers see a dataclass's own equality (and narrow on it)

        def __eq__(self, other: object) -> bool:
            if type(other) is not type(self):
                return NotImplemented
            return self._values() == other._values()

        def __hash__(self) -> int:
            return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={getattr(self, key)!r}" for key in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_remake, (type(self), self._values()))


def _remake(cls: type[R], values: tuple[Any, ...]) -> R:
    return cls._make(values)


def fields(record: type[Record] | Record) -> tuple[str, ...]:
    """The field names of a record class (or of a record's class), in order."""
    return record._fields


def plain(value: Any) -> Any:
    """``value`` as JSON data: a record as an object of its fields in order, an enum as its
    value, a date as ISO text, tuples as lists. What Pydantic's ``model_dump(mode="json")``
    gives for the same data, so the compiled snapshot can be written from records."""
    if isinstance(value, Record):
        return {key: plain(getattr(value, key)) for key in value._fields}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    return value
