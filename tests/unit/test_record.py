"""Record behaves as the frozen dataclasses it replaces: fields, defaults, equality, no changes."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import ClassVar

import pytest

from mgcheck.record import Record, field, fields


class Point(Record):
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    LIMIT: ClassVar[int] = 10

    def total(self) -> int:
        return self.x + self.y


class Labelled(Point, kw_only=True):
    label: str


class Checked(Record):
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


def test_fields_by_position_or_name_with_defaults() -> None:
    assert Point(1) == Point(x=1, y=0)
    assert Point(1, 2).total() == 3
    assert fields(Labelled) == ("x", "y", "tags", "label")
    assert Labelled(1, label="a").label == "a"
    assert Point.LIMIT == 10 and "LIMIT" not in fields(Point)


def test_a_default_factory_makes_a_new_value_for_each_record() -> None:
    assert Point(1).tags is not Point(1).tags


def test_wrong_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="missing the field 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected or repeated"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="unexpected or repeated"):
        Point(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional"):
        Labelled(1, 2, [], "a")  # type: ignore[call-arg]


def test_records_are_frozen_like_dataclasses() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.other = 2
    assert not hasattr(point, "__dict__")


def test_equality_hash_repr_and_replace() -> None:
    assert Point(1, 2) == Point(1, 2) != Point(2, 1)
    assert Point(1) != Labelled(1, label="a")
    assert hash(Checked(1)) == hash(Checked(1)) != hash(Checked(2))
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=[])"
    assert Point(1).replace(y=5) == Point(1, 5)


def test_post_init_checks_every_record_made_or_replaced() -> None:
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    with pytest.raises(ValueError, match="negative"):
        Checked(1).replace(value=-1)


def test_copies_and_pickles_keep_the_values() -> None:
    point = Labelled(1, 2, ["a"], label="b")
    assert copy.copy(point) == point == copy.deepcopy(point)
    assert pickle.loads(pickle.dumps(point)) == point
