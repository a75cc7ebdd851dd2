"""mgcheck's own data at run time: the compiled snapshot, read without PyYAML or validation.

The YAML files in ``data/`` are the source a clinician edits. ``scripts/snapshot.py`` reads them
through the validating loaders of :mod:`mgcheck.store.datafiles` (every field checked, every
citation resolved, the findings merged with their guidance words) and writes what it got as
compact JSON in ``data/compiled/``; a test fails when that copy is stale. Here the JSON is turned
back into the records of ``models/`` (:mod:`mgcheck.record`) without checking it again: that
was done when the snapshot was written, and no Pydantic model is built at run time.

This is the one place every command gets mgcheck's data from; a new data file is a record in
``models/``, a validating loader in ``store/datafiles.py`` and a reader here.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
from collections.abc import Callable
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, get_args, get_origin

from mgcheck.record import Record, plain

if TYPE_CHECKING:
    from mgcheck.models.assess_data import (
        AssessData,
        DietFile,
        FindingText,
        Phrase,
        PlanTable,
        QuestionsFile,
    )
    from mgcheck.models.base import FoodTable
    from mgcheck.models.guidance import FormsFile, GuidanceFile, LimitsFile, SourceList
    from mgcheck.models.trial import TrialFile
    from mgcheck.models.words import WordsFile

COMPILED_DIR = Path(__file__).resolve().parent.parent / "data" / "compiled"
# The files of the snapshot, each the JSON dump of one validated data file.
NAMES = (
    "sources",
    "limits",
    "forms",
    "guidance",
    "foods",
    "questions",
    "findings",
    "diet",
    "trial",
    "words",
)

R = TypeVar("R", bound=Record)


def _read(name: str) -> Any:
    with (COMPILED_DIR / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def raw(name: str) -> Any:
    """One compiled file as plain JSON (for --help text, which must not wait for models)."""
    return _read(name)


def build(kind: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``kind`` names: records, enums, dates, containers."""
    return _converter(kind)(value)


def _same(value: Any) -> Any:
    return value


@cache
def _converter(kind: Any) -> Callable[[Any], Any]:
    """How to turn JSON into ``kind``, worked out once per type (the snapshot has ~7,000
    values, and asking typing about each one's type every time was most of the cost)."""
    origin = get_origin(kind)
    args = get_args(kind)
    if origin is None:
        if isinstance(kind, type):
            if issubclass(kind, Record):
                return lambda value: construct(kind, value)
            if issubclass(kind, Enum):
                return kind
            if kind is dt.date:
                return dt.date.fromisoformat
            if kind is float:
                return lambda value: float(value) if isinstance(value, int) else value
        return _same
    if origin is Annotated:
        return _converter(args[0])
    if origin is Union or origin is types.UnionType:
        (inner,) = [arg for arg in args if arg is not type(None)]
        convert = _converter(inner)
        return lambda value: None if value is None else convert(value)
    if origin is list:
        item = _converter(args[0])
        return _same if item is _same else lambda value: [item(v) for v in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            one = _converter(args[0])
            return lambda value: tuple(one(v) for v in value)
        each = [_converter(arg) for arg in args]
        return lambda value: tuple(c(v) for c, v in zip(each, value, strict=True))
    if origin is dict:
        key, item = _converter(args[0]), _converter(args[1])
        return lambda value: {key(k): item(v) for k, v in value.items()}
    return _same


@cache
def _fields(record: type[Record]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each field with its converter, from the record's annotations (strings until here)."""
    hints: dict[str, Any] = {}
    for klass in reversed(record.__mro__):
        for name, text in vars(klass).get("__annotations__", {}).items():
            hints[name] = _evaluate(text, klass.__module__)
    return tuple((name, _converter(hints[name])) for name in record._fields)


@cache
def _evaluate(annotation: str, module: str) -> Any:
    """One annotation's type, as ``typing.get_type_hints`` would give it (with its
    ``Annotated`` parts), evaluated once per text and module: many fields share one."""
    return eval(annotation, sys.modules[module].__dict__)


def construct(record: type[R], value: dict[str, Any]) -> R:
    """A record from its own JSON dump, without checking it again: a dump holds every field
    under its own name (a test checks the result equals the validated data)."""
    return record._make([convert(value[name]) for name, convert in _fields(record)])


def dump(record: Record) -> str:
    """What the snapshot holds for one checked record: compact, stable JSON."""
    return json.dumps(plain(record), ensure_ascii=False, separators=(",", ":"))


@cache
def sources() -> SourceList:
    from mgcheck.models.guidance import SourceList

    return construct(SourceList, _read("sources"))


@cache
def limits() -> LimitsFile:
    from mgcheck.models.guidance import LimitsFile

    return construct(LimitsFile, _read("limits"))


@cache
def forms() -> FormsFile:
    from mgcheck.models.guidance import FormsFile

    return construct(FormsFile, _read("forms"))


@cache
def guidance() -> GuidanceFile:
    from mgcheck.models.guidance import GuidanceFile

    return construct(GuidanceFile, _read("guidance"))


@cache
def foods() -> FoodTable:
    from mgcheck.models.base import FoodTable

    return construct(FoodTable, _read("foods"))


@cache
def questions() -> QuestionsFile:
    from mgcheck.models.assess_data import QuestionsFile

    return construct(QuestionsFile, _read("questions"))


@cache
def findings() -> tuple[list[FindingText], dict[str, Phrase], PlanTable]:
    """The findings in file order, each already carrying its guidance item's words; the
    phrases; and the plan table."""
    from mgcheck.models.assess_data import FindingsFile

    raw = construct(FindingsFile, _read("findings"))
    return raw.findings, raw.phrases, raw.plan


@cache
def diet() -> DietFile:
    from mgcheck.models.assess_data import DietFile

    return construct(DietFile, _read("diet"))


@cache
def trial() -> TrialFile:
    from mgcheck.models.trial import TrialFile

    return construct(TrialFile, _read("trial"))


@cache
def words() -> WordsFile:
    """The words people type for answers and labels (data/words.yaml)."""
    from mgcheck.models.words import WordsFile

    return construct(WordsFile, _read("words"))


def assess_data() -> AssessData:
    """Everything the self-check reads."""
    from mgcheck.models.assess_data import AssessData

    found, phrases, plan = findings()
    return AssessData(
        sources=sources(),
        limits=limits(),
        forms=forms(),
        guidance=guidance(),
        foods=foods(),
        questions=questions(),
        findings=found,
        phrases=phrases,
        diet=diet(),
        plan=plan,
    )
