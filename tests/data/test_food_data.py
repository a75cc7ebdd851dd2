"""The curated food table against the real composition tables it cites."""

from __future__ import annotations

import csv
import filecmp
from pathlib import Path

import pytest
from conftest import SHARED_FOOD_DATA

from mgcheck.models.base import Food
from mgcheck.store.composition import COMPOSITION_FILE, load_composition
from mgcheck.store.datafiles import FOODS_FILE, load_foods
from mgcheck.vocab import FoodGroup

FOODS = load_foods().foods


def _reference_rows() -> dict[tuple[str, str], dict[str, str]]:
    with COMPOSITION_FILE.open(newline="", encoding="utf-8") as handle:
        return {(r["source"], r["source_id"]): r for r in csv.DictReader(handle)}


REFERENCE = _reference_rows()


def test_shipped_composition_is_the_reference_file() -> None:
    """The packaged copy is byte-for-byte the researched extract (when shared/ is beside us)."""
    original = SHARED_FOOD_DATA / "food_magnesium.csv"
    if not original.exists():
        pytest.skip("shared/reference is not beside this checkout")
    assert filecmp.cmp(original, COMPOSITION_FILE, shallow=False)


def test_composition_holds_all_foods_of_both_tables() -> None:
    rows = load_composition()
    assert len(rows) == 9453
    assert sum(r.dataset == "USDA SR28" for r in rows) == 8050
    assert sum(r.dataset == "Fineli release 20.0" for r in rows) == 1403


@pytest.mark.parametrize("food", FOODS, ids=lambda f: f.id)
def test_food_values_equal_the_cited_row(food: Food) -> None:
    row = REFERENCE.get((food.source.dataset.value, food.source.id))
    assert row is not None, f"{food.id}: no row {food.source.dataset.value} {food.source.id}"
    assert food.mg_per_100g == float(row["mg_per_100g"])
    assert food.kcal_per_100g == float(row["kcal_per_100g"])
    assert food.source.description == row["description"]


@pytest.mark.parametrize(
    ("source", "source_id", "mg"),
    [  # Sanity points named in PROVENANCE.md, read independently of foods.yaml.
        ("USDA SR28", "12014", 592.0),  # pumpkin seed kernels, dried
        ("USDA SR28", "12061", 270.0),  # almonds
        ("USDA SR28", "11457", 79.0),  # spinach, raw
        ("USDA SR28", "18044", 54.0),  # pumpernickel, the rye-bread proxy
    ],
)
def test_reference_sanity_points(source: str, source_id: str, mg: float) -> None:
    assert float(REFERENCE[(source, source_id)]["mg_per_100g"]) == mg


def test_at_least_sixty_foods_in_every_group() -> None:
    assert len(FOODS) >= 60
    assert {f.group for f in FOODS} == set(FoodGroup)


def _article(predicate_words: tuple[str, ...]) -> list[Food]:
    return [
        f for f in FOODS if f.in_article and any(w in f.name.en.lower() for w in predicate_words)
    ]


@pytest.mark.parametrize(
    ("words", "at_least"),
    [
        (("spinach",), 2),
        (("white cabbage",), 1),
        (("kale",), 1),
        (("almond", "cashew", "peanut", "hazelnut", "walnut", "brazil"), 4),
        (("pumpkin", "sunflower", "chia", "flax", "sesame"), 3),
        (("mackerel",), 1),
        (("tuna",), 1),
        (("lentil",), 1),
        (("avocado",), 1),
        (("banana",), 1),
        (("milk",), 1),
        (("yoghurt",), 1),
    ],
)
def test_every_article_food_is_present(words: tuple[str, ...], at_least: int) -> None:
    assert len(_article(words)) >= at_least


def test_at_least_two_kinds_of_beans_from_the_article() -> None:
    kinds = {f.name.en.split(",")[0] for f in _article(("beans",))}
    assert len(kinds) >= 2


@pytest.mark.parametrize("base", ["spinach", "white-cabbage", "kale", "lentils", "black-beans"])
def test_raw_and_cooked_kept_apart(base: str) -> None:
    states = {f.state.value for f in FOODS if f.id.startswith(base)}
    assert len(states) >= 2


def test_rye_bread_is_labelled_as_an_approximation() -> None:
    (rye,) = [f for f in FOODS if f.proxy_for is not None and "rug" in f.proxy_for.da]
    assert rye.source.id == "18044"
    assert rye.note is not None
    assert "pumpernickel" in rye.name.da.lower()
    assert "pumpernickel" in rye.name.en.lower()


def test_top_level_data_file_is_the_packaged_one() -> None:
    top = Path(__file__).resolve().parents[2] / "data" / "foods.yaml"
    assert top.resolve() == FOODS_FILE.resolve()
