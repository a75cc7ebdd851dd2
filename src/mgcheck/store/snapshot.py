"""mgcheck's own data at run time: the compiled snapshot, read without PyYAML or validation.

The YAML files in ``data/`` are the source a clinician edits. ``scripts/snapshot.py`` reads them
through the validating loaders of :mod:`mgcheck.store.datafiles` (every field checked, every
citation resolved, the findings merged with their guidance words) and writes what it got as
compact JSON in ``data/compiled/``; a test fails when that copy is stale. Here the JSON is turned
back into the same model classes with ``model_construct``, which skips validation: it was done
when the snapshot was written. The model classes are built with ``defer_build``, so Pydantic
compiles a validator only for a model that really validates something (a user's file).

This is the one place every command gets mgcheck's data from; a new data file is a model in
``models/``, a validating loader in ``store/datafiles.py`` and a reader here.
"""

from __future__ import annotations

import datetime as dt
import json
import types
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

if TYPE_CHECKING:
    from pydantic import BaseModel

    from mgcheck.models.assess_data import AssessData, DietFile, FindingText, Phrase, QuestionsFile
    from mgcheck.models.base import FoodTable
    from mgcheck.models.guidance import FormsFile, GuidanceFile, LimitsFile, SourceList
    from mgcheck.models.trial import TrialFile

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
)

M = TypeVar("M", bound="BaseModel")


def _read(name: str) -> Any:
    with (COMPILED_DIR / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def build(kind: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``kind`` names: models, enums, dates, containers."""
    if value is None:
        return None
    origin = get_origin(kind)
    if origin is None:
        if isinstance(kind, type):
            if hasattr(kind, "model_fields"):
                return construct(kind, value)
            if issubclass(kind, Enum):
                return kind(value)
            if kind is dt.date:
                return dt.date.fromisoformat(value)
            if kind is float and isinstance(value, int):
                return float(value)
        return value
    args = get_args(kind)
    if origin is Annotated:
        return build(args[0], value)
    if origin is Union or origin is types.UnionType:
        (inner,) = [arg for arg in args if arg is not type(None)]
        return build(inner, value)
    if origin is list:
        return [build(args[0], item) for item in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(build(args[0], item) for item in value)
        return tuple(build(arg, item) for arg, item in zip(args, value, strict=True))
    if origin is dict:
        return {build(args[0], key): build(args[1], item) for key, item in value.items()}
    if origin is Literal:
        return value
    return value


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    return tuple((name, info.annotation) for name, info in model.model_fields.items())


def construct(model: type[M], value: dict[str, Any]) -> M:
    """A model instance from its own JSON dump, without validating it again."""
    return model.model_construct(
        **{name: build(kind, value[name]) for name, kind in _fields(model) if name in value}
    )


def dump(model: BaseModel) -> str:
    """What the snapshot holds for one validated model: compact, stable JSON."""
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


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
def findings() -> tuple[list[FindingText], dict[str, Phrase]]:
    """The findings in file order, each already carrying its guidance item's words."""
    from mgcheck.models.assess_data import FindingsFile

    raw = construct(FindingsFile, _read("findings"))
    return raw.findings, raw.phrases


@cache
def diet() -> DietFile:
    from mgcheck.models.assess_data import DietFile

    return construct(DietFile, _read("diet"))


@cache
def trial() -> TrialFile:
    from mgcheck.models.trial import TrialFile

    return construct(TrialFile, _read("trial"))


def assess_data() -> AssessData:
    """Everything the self-check reads."""
    from mgcheck.models.assess_data import AssessData

    found, phrases = findings()
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
    )
