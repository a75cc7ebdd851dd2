"""`mgcheck foods` through the real command, in-process."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Cli


def _ids(data: dict[str, object]) -> list[str]:
    foods = data["foods"]
    assert isinstance(foods, list)
    return [f["id"] for f in foods]


def test_default_ranks_by_magnesium_per_serving(cli: Cli) -> None:
    data = cli.json("foods", "--top", "0")
    per_serving = [f["mg_per_serving"] for f in data["foods"]]
    assert per_serving == sorted(per_serving, reverse=True)
    # Pumpkin seeds: 592 mg/100 g (USDA 12014) x 30 g = 177.6 mg, the richest serving.
    assert data["foods"][0]["id"] == "pumpkin-seeds"
    assert data["foods"][0]["mg_per_serving"] == 177.6
    assert data["matched"] == data["shown"] >= 60


def test_rank_per_100g_and_per_energy(cli: Cli) -> None:
    per_100g = cli.json("foods", "--by", "100g", "--top", "3")
    assert _ids(per_100g)[0] == "pumpkin-seeds"  # 592 mg/100 g, the highest in the table
    energy = cli.json("foods", "--by", "energy", "--top", "0")
    values = [f["mg_per_100kcal"] for f in energy["foods"] if f["mg_per_100kcal"] is not None]
    assert values == sorted(values, reverse=True)
    spinach = next(f for f in energy["foods"] if f["id"] == "spinach-raw")
    assert spinach["mg_per_100kcal"] == round(79 / 23 * 100, 1)  # USDA 11457: 79 mg, 23 kcal


def test_target_percentages_and_servings(cli: Cli) -> None:
    data = cli.json("foods", "--search", "mandler", "--target", "350")
    (almonds,) = data["foods"]
    # 270 mg/100 g x 30 g = 81 mg; 81 / 350 = 23.1 %; 350 / 81 = 4.32 servings.
    assert almonds["mg_per_serving"] == 81.0
    assert almonds["pct_of_target"] == 23.1
    assert almonds["servings_to_target"] == 4.32
    assert data["query"]["target_mg"] == 350


def test_default_target_is_the_articles_300_mg(cli: Cli) -> None:
    assert cli.json("foods", "--top", "1")["query"]["target_mg"] == 300


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rødbede", "beetroot"),
        ("RODBEDE", "beetroot"),
        ("roedbede", "beetroot"),
        ("ÆBLE", "apple"),
        ("aeble", "apple"),
        ("hindbaer", "raspberries"),
        ("graeskar", "pumpkin-seeds"),
        ("Pumpkin", "pumpkin-seeds"),
        ("rugbrød", "rye-bread-proxy"),
        ("kål", "white-cabbage-raw"),
        ("kaal", "white-cabbage-raw"),
    ],
)
def test_search_ignores_case_and_accents_in_both_languages(
    cli: Cli, query: str, expected: str
) -> None:
    assert expected in _ids(cli.json("foods", "--search", query, "--top", "0"))


def test_group_filter(cli: Cli) -> None:
    data = cli.json("foods", "--group", "fish", "--top", "0")
    assert data["foods"]
    assert {f["group"] for f in data["foods"]} == {"fish"}


def test_article_filter_lists_only_article_foods(cli: Cli) -> None:
    data = cli.json("foods", "--article", "--top", "0")
    assert all(f["in_article"] for f in data["foods"])
    assert "egg" not in _ids(data)
    assert "spinach-raw" in _ids(data)


def test_top_limits_and_says_so(cli: Cli) -> None:
    result = cli.run("foods", "--top", "3")
    assert result.exit_code == 0
    assert "Showing 3 of" in result.stdout
    assert len(cli.json("foods", "--top", "3")["foods"]) == 3


def test_table_shows_names_and_source_note(cli: Cli) -> None:
    result = cli.run("foods", "--search", "sunflower")
    assert result.exit_code == 0
    assert "Sunflower seeds" in result.stdout
    assert "Fineli gives 419" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no escape codes


def test_danish_table_uses_danish_words_and_decimal_comma(cli: Cli) -> None:
    result = cli.run("foods", "--lang", "da", "--search", "mandler", "--target", "350")
    assert result.exit_code == 0
    assert "Mandler" in result.stdout
    assert "Portion" in result.stdout
    assert "4,3" in result.stdout  # 350 / 81 servings, written the Danish way


def test_no_match_is_friendly_not_an_error(cli: Cli) -> None:
    result = cli.run("foods", "--search", "zzzz")
    assert result.exit_code == 0
    assert "No food matches" in result.stdout
    assert cli.json("foods", "--search", "zzzz")["foods"] == []


def test_json_envelope_shape(cli: Cli) -> None:
    data = cli.json("foods", "--top", "2")
    assert data["schema"] == "mgcheck.foods"
    assert data["schema_version"] == 1
    assert data["language"] == "en"
    assert set(data["query"]) == {"by", "group", "search", "article", "top", "target_mg"}
    food = data["foods"][0]
    assert set(food) == {
        "id",
        "name",
        "names",
        "group",
        "state",
        "mg_per_100g",
        "kcal_per_100g",
        "serving_g",
        "serving_label",
        "mg_per_serving",
        "mg_per_100kcal",
        "pct_of_target",
        "servings_to_target",
        "in_article",
        "proxy_for",
        "note",
        "source",
    }
    assert food["source"]["dataset"] in {"USDA SR28", "Fineli release 20.0"}


def test_json_is_not_wrapped_or_coloured_even_when_wide(cli: Cli) -> None:
    result = cli.run("foods", "--json", "--top", "0", env={"COLUMNS": "20", "FORCE_COLOR": "1"})
    json.loads(result.stdout)
    assert "\x1b[" not in result.stdout


def test_all_search_uses_the_full_tables_by_word(cli: Cli) -> None:
    data = cli.json("foods", "--all", "--search", "rye", "--top", "0")
    descriptions = [f["description"] for f in data["foods"]]
    assert "Bread, rye" in descriptions
    # "rye" occurs inside "fryers" in dozens of USDA chicken rows; none of them may match.
    assert not any(d.startswith("Chicken, broilers or fryers") for d in descriptions)
    assert data["schema"] == "mgcheck.composition"
    assert "Fineli" in data["attribution"] and "USDA" in data["attribution"]
    values = [f["mg_per_100g"] for f in data["foods"]]
    assert values == sorted(values, reverse=True)


def test_all_table_carries_the_attribution(cli: Cli) -> None:
    result = cli.run("foods", "--all", "--search", "rye bread")
    assert result.exit_code == 0
    assert "Bread, rye" in result.stdout
    assert "www.fineli.fi" in result.stdout


def test_all_without_search_is_a_usage_error(cli: Cli) -> None:
    result = cli.run("foods", "--all")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("mgcheck: --all needs --search")
    assert len(result.stderr.strip().splitlines()) == 1


def test_all_with_own_food_table_is_a_usage_error(cli: Cli) -> None:
    result = cli.run("foods", "--all", "--search", "rye", "--foods", "x.yaml")
    assert result.exit_code == 2
    assert "--foods and --all" in result.stderr


def test_bad_option_value_exits_2(cli: Cli) -> None:
    assert cli.run("foods", "--by", "weight").exit_code == 2
    assert cli.run("foods", "--top", "-1").exit_code == 2


def test_a_danish_name_in_the_full_tables_finds_the_curated_foods_source_row(cli: Cli) -> None:
    """Issue 12: the full tables are English (and Finnish); rugbrød is found through the
    curated table, and the English words that find it are derived from its source row."""
    data = cli.json("foods", "--all", "--search", "rugbrød")
    assert data["matched"] == 0
    assert [(f["dataset"], f["id"]) for f in data["foods"]] == [("USDA SR28", "18044")]
    (found,) = data["found_via"]
    assert found["id"] == "rye-bread-proxy"
    searches = {s["search"]: s["matched"] for s in found["searches"]}
    assert searches["bread pumpernickel"] >= 1
    for words in searches:  # every suggested search finds something
        assert cli.json("foods", "--all", "--search", words)["matched"] == searches[words]
    text = " ".join(cli.run("foods", "--all", "--search", "rugbrød", "--lang", "da").stdout.split())
    assert "Fundet via mgchecks egen tabel: Rugbrød (tilnærmet: pumpernickel)" in text
    assert "--search “bread pumpernickel”" in text


def test_an_english_search_of_the_full_tables_is_unchanged(cli: Cli) -> None:
    data = cli.json("foods", "--all", "--search", "rye")
    assert data["matched"] > 0 and data["found_via"] == []


@pytest.mark.parametrize("width", ["60", "80"])
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "args", [[], ["--search", "rugbrød"], ["--group", "fish"], ["--by", "100g"]]
)
def test_a_number_and_its_unit_never_break(
    cli: Cli, width: str, lang: str, args: list[str]
) -> None:
    """Issue 19: "(30 g)" broke as "(30" / "g)" in the serving column at 80 and 60 columns."""
    out = cli.run("foods", *args, "--lang", lang, env={"COLUMNS": width}).stdout
    assert "(30 g)" in out or "g)" in out
    broken = re.compile(r"\(\d+(?:[.,]\d+)?(?! ?(?:g|mg|kg|ml|dl)\))(?=\s|$)")
    assert [line for line in out.splitlines() if broken.search(line)] == []
    assert not re.search(r"^\s+(?:g|mg)\)", out, re.MULTILINE)
