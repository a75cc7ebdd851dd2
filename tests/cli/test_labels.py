"""One label reader for `dose`, `assess`, `diary add` and `diary trial plan` (issue 17, point 4).

A label that does not say whether its figure is magnesium itself ("Magnesium citrat 150 mg",
"magnesiumoxid 500 mg") gives both readings in every command, is judged on the higher, is asked
about at a terminal, and says to check the label's nutrition table or ask the pharmacy. A label
that says ("magnesium 100 mg", "Magnesium (som citrat) 150 mg", "bisglycinat 100 mg elementært")
or names the compound's water ("citrat nonahydrat 1,5 g", "epsom salt 30 g") is read as it says.

Every expected figure is worked by hand from ../shared/reference/food-data/elemental_fractions.csv
(elemental_mg_fraction_pct, given to 0.1 percentage point, so each comparison allows the amount
times 0.05 % for that rounding, plus 0.05 mg for the one decimal of the output).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import Cli, Typed

# elemental_mg_fraction_pct from elemental_fractions.csv, by row.
CITRATE_ANHYDROUS = 16.2  # Trimagnesium dicitrate, anhydrous
CITRATE_NONAHYDRATE = 11.9  # Trimagnesium dicitrate nonahydrate
HYDROGEN_CITRATE = 11.3  # Magnesium hydrogen citrate, anhydrous
# Magnesium hydrogen citrate tetrahydrate ("dibasic", TGA; magnesium.md k): the leanest of
# citrate's variants. A label that does not say which is read from it (review 2, point 10).
LEANEST_CITRATE = 8.5
OXIDE = 60.3  # Magnesium oxide
BISGLYCINATE = 14.1  # Magnesium bisglycinate, anhydrous
EPSOM = 9.9  # Magnesium sulfate heptahydrate (Epsom salt)


def by_hand(compound_mg: float, pct: float) -> float:
    return compound_mg * pct / 100


def near(shown: float, amount_mg: float, expected: float) -> bool:
    """``shown`` (one decimal) is ``expected`` worked from a percentage given to 0.1 point."""
    return abs(shown - expected) <= amount_mg * 0.0005 + 0.05


def dose_json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli.run("dose", *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


# --- dose: the label the issue names, and its siblings -------------------------------------


def test_magnesium_citrat_150_mg_twice_a_day_gives_both_readings(cli: Cli) -> None:
    """Issue 17: `dose Magnesium citrat 150 mg --per-day 2` read 150 mg silently as the
    compound ("within the limit, 34-48 mg"). The label does not say: 25-300 mg, judged on 300
    (from the leanest citrate, as `dose --list` shows them: review 2, point 10)."""
    data = dose_json(cli, "Magnesium", "citrat", "150", "mg", "--per-day", "2")
    assert data["reading"] == "both"
    low, high = data["per_day_mg"]["low"], data["per_day_mg"]["high"]
    assert near(low, 300, by_hand(300, LEANEST_CITRATE))  # 25.5 mg: the leanest citrate
    assert high == 300.0  # 150 mg of magnesium itself, twice
    assert data["verdict"] == "maybe_above" and data["band"] == "ordinary"


def test_the_label_that_does_not_say_points_to_the_nutrition_table_and_the_pharmacy(
    cli: Cli,
) -> None:
    en = flat(cli.run("dose", "Magnesium", "citrat", "150", "mg", "--per-day", "2").stdout)
    assert "check the label's nutrition table (magnesium … mg) or ask the pharmacy" in en.lower()
    da = flat(
        cli.run("dose", "Magnesium", "citrat", "150", "mg", "--per-day", "2", "--lang", "da").stdout
    )
    assert "næringsindhold (magnesium … mg)" in da and "apoteket" in da


def test_the_count_typed_after_the_label_is_read(cli: Cli) -> None:
    """Issue 19: `dose Magnesium citrat 150 mg 2 om dagen` was refused ("give a form and an
    amount", although both were given)."""
    worded = dose_json(cli, "Magnesium", "citrat", "150", "mg", "2", "om", "dagen")
    option = dose_json(cli, "Magnesium", "citrat", "150", "mg", "--per-day", "2")
    assert worded["per_day"] == 2
    assert worded["per_day_mg"] == option["per_day_mg"]
    for typed in (["2", "gange", "dagligt"], ["x", "2"], ["2", "times", "a", "day"]):
        assert dose_json(cli, "citrat", "150", "mg", *typed)["per_day"] == 2, typed


def test_a_count_in_words_and_in_the_option_must_agree(cli: Cli) -> None:
    result = cli.run("dose", "citrat", "150", "mg", "2", "om", "dagen", "--per-day", "3")
    assert result.exit_code == 2
    assert "2" in result.stderr and "3" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("label", "pct"),
    [
        (["magnesium", "glycinate", "200mg"], BISGLYCINATE),
        (["magnesiumcitrat", "400", "mg"], LEANEST_CITRATE),
        (["citrate", "400"], LEANEST_CITRATE),
    ],
)
def test_a_form_named_with_an_amount_is_both_readings(
    cli: Cli, label: list[str], pct: float
) -> None:
    data = dose_json(cli, *label)
    amount = float("".join(ch for ch in " ".join(label) if ch.isdigit()))
    assert data["reading"] == "both"
    assert near(data["per_unit_mg"]["low"], amount, by_hand(amount, pct))
    assert data["per_unit_mg"]["high"] == amount


def test_a_label_that_says_magnesium_itself_is_read_so(cli: Cli) -> None:
    assert dose_json(cli, "magnesium", "100", "mg", "--per-day", "2")["per_day_mg"] == {
        "low": 200.0,
        "high": 200.0,
    }
    as_citrate = dose_json(cli, "Magnesium", "(som", "citrat)", "150", "mg", "--per-day", "2")
    assert as_citrate["reading"] == "elemental"
    assert as_citrate["per_day_mg"] == {"low": 300.0, "high": 300.0}
    assert as_citrate["verdict"] == "above"


def test_a_named_hydrate_is_the_compound(cli: Cli) -> None:
    """Naming the water of crystallisation names the salt: its weight is the compound's."""
    data = dose_json(cli, "citrat", "nonahydrat", "1,5", "g")
    assert data["reading"] == "label"
    assert near(data["per_unit_mg"]["low"], 1500, by_hand(1500, CITRATE_NONAHYDRATE))
    assert data["per_unit_mg"]["low"] == data["per_unit_mg"]["high"]


def test_compound_said_with_the_option_or_in_words(cli: Cli) -> None:
    for said in (["--compound"], ["forbindelse"], ["compound"]):
        data = dose_json(cli, "magnesiumcitrat", "400", *said)
        assert data["reading"] == "label", said
        assert near(data["per_unit_mg"]["low"], 400, by_hand(400, HYDROGEN_CITRATE))
        assert near(data["per_unit_mg"]["high"], 400, by_hand(400, CITRATE_ANHYDROUS))
    refused = cli.run("dose", "citrat", "400", "--compound", "--elemental")
    assert refused.exit_code == 2


def test_oxide_and_bisglycinate_labels_that_do_not_say_are_judged_on_the_higher(cli: Cli) -> None:
    """The reviewer's class 8: oxide 400-500 mg and bisglycinate 1000 mg twice a day."""
    oxide = dose_json(cli, "magnesiumoxid", "500", "mg", "--per-day", "2")
    assert near(oxide["per_day_mg"]["low"], 1000, by_hand(1000, OXIDE))  # 603 mg
    assert oxide["per_day_mg"]["high"] == 1000.0
    assert oxide["band"] == "far_above"
    glycinate = dose_json(cli, "bisglycinat", "1000", "mg", "--per-day", "2")
    assert near(glycinate["per_day_mg"]["low"], 2000, by_hand(2000, BISGLYCINATE))  # 282 mg
    assert glycinate["per_day_mg"]["high"] == 2000.0
    assert glycinate["band"] == "far_above"


def test_dose_asks_at_a_terminal(cli: Cli, typed: Typed) -> None:
    """At a terminal the label that does not say is asked about, with the self-check's own
    question; "ved ikke" keeps both readings. With --json nothing is asked (stdout is JSON)."""
    label = ["Magnesium", "citrat", "150", "mg", "--per-day", "2"]
    for answer, said in (
        ("ja", "Above the upper limit of NNR 2023: 250 mg a day."),
        ("ved ikke", "Read as magnesium itself: 150 mg per unit."),
        ("nej", "Within the upper limit of NNR 2023 (250 mg a day)."),
    ):
        script = typed(answer)
        result = cli.run("dose", *label)
        assert result.exit_code == 0, result.output
        assert said in flat(result.stdout), (answer, result.stdout)
        assert any("magnesium itself" in p for p in script.prompts), script.prompts
    script = typed()
    assert dose_json(cli, *label)["reading"] == "both"
    assert script.prompts == []


# --- diary add: the same reading, the same bands and words as dose ---------------------------


def test_diary_add_keeps_both_readings_of_a_label_that_does_not_say(cli: Cli) -> None:
    result = cli.run(
        "diary", "add", "--legs", "3", "--form", "Magnesium citrat", "--amount", "150 mg"
    )
    assert result.exit_code == 0, result.output
    listed = cli.json("diary", "list")["entries"][0]
    assert near(listed["magnesium_mg"], 150, by_hand(150, LEANEST_CITRATE))  # 12.7 mg
    assert listed["magnesium_mg_high"] == 150.0
    assert "check the label's nutrition table" in flat(result.stdout).lower()


@pytest.mark.parametrize(
    ("args", "mg", "words"),
    [
        (["--magnesium", "5000"], 5000.0, "Poisoning has been seen from about 5,000 mg a day"),
        (
            ["--form", "epsom salt", "--amount", "30 g"],
            by_hand(30_000, EPSOM),  # 2,958 mg: the figure
            "That is 1,000 mg a day or more, as much as a laxative dose",
        ),
        (["--magnesium", "400"], 400.0, "Above the upper limit of NNR 2023: 250 mg a day"),
    ],
)
def test_diary_add_says_when_a_night_is_above_the_limit_and_saves_it(
    cli: Cli, args: list[str], mg: float, words: str
) -> None:
    result = cli.run("diary", "add", "--legs", "3", *args)
    assert result.exit_code == 0, result.output
    assert words in flat(result.stdout)
    saved = cli.json("diary", "list")["entries"][0]["magnesium_mg"]
    assert near(saved, 30_000, mg) if "--form" in args else saved == mg


def test_diary_add_within_the_limit_says_nothing_about_it(cli: Cli) -> None:
    result = cli.run("diary", "add", "--legs", "3", "--magnesium", "200")
    assert result.exit_code == 0
    assert "limit" not in result.stdout


# --- diary trial plan: the dose question reads labels as assess does ------------------------


@pytest.mark.parametrize(
    "label", ["Magnesium citrat 150 mg", "magnesium glycinate 200mg", "magnesium 200 mg"]
)
def test_the_trial_dose_question_takes_a_whole_label(typed: Typed, label: str) -> None:
    """Issue 17: the dose question refused "Magnesium citrat 150 mg" and "magnesium glycinate
    200mg" as unknown forms, which assess reads."""
    from mgcheck.cli import options
    from mgcheck.cli.diary_ask import ask_taken

    script = typed(label, "", "ved ikke")  # the label, Enter for one tablet, the question
    asker = options.prompter()
    assert asker is not None
    taken = ask_taken(asker, planning=True)
    amount = float("".join(ch for ch in label if ch.isdigit()))
    assert taken.high == amount
    assert not any("does not know that form" in s for s in script.said), script.said
