"""Reading a supplement label: form names as labels spell them, amounts, and the conversion."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgcheck.models.guidance import Form
from mgcheck.rules.dose import (
    InvalidAmount,
    NoSuchHydrate,
    UnknownForm,
    elemental_dose,
    parse_amount,
    resolve_form,
    split_words,
)
from mgcheck.store.datafiles import load_forms, load_sources, source_keys

FORMS = load_forms(source_keys(load_sources()))
MG = 24.305  # standard atomic weight of magnesium
CITRATE_ANHYDROUS = 3 * MG / (3 * MG + 2 * (6 * 12.011 + 5 * 1.008 + 7 * 15.999))


@pytest.mark.parametrize(
    ("label", "form", "variants"),
    [
        ("magnesiumcitrat", "citrate", 3),
        ("Magnesiumcitrat", "citrate", 3),
        ("citrate", "citrate", 3),
        ("magnesium citrate", "citrate", 3),
        ("Trimagnesiumdicitrat", "citrate", 3),
        ("citrat nonahydrat", "citrate", 1),
        ("magnesium citrate nonahydrate", "citrate", 1),
        ("vandfri magnesiumcitrat", "citrate", 2),  # anhydrous: two salts, still a range
        ("magnesiumhydrogencitrat", "citrate", 1),
        ("bisglycinat", "bisglycinate", 1),
        ("Magnesium glycinate", "bisglycinate", 1),
        ("glycinat", "bisglycinate", 1),
        ("oxid", "oxide", 1),
        ("Magnesiumoxid", "oxide", 1),
        ("MAGNESIUM OXIDE", "oxide", 1),
        ("klorid", "chloride", 2),
        ("magnesiumklorid hexahydrat", "chloride", 1),
        ("Epsom salt", "sulfate", 1),
        ("engelsk salt", "sulfate", 1),
        ("Magnesium L-threonate", "threonate", 2),  # the formula, and the label's as-sold figure
        ("citrate dibasic tetrahydrate", "citrate", 1),  # named only: magnesium.md k (TGA)
        ("Mag 2", "pidolate", 1),
        ("magnesium-L-aspartat", "aspartate", 3),
        ("Magnesiocard", "aspartate-hydrochloride", 1),
        ("laktat", "lactate", 2),
        ("milk of magnesia", "hydroxide", 1),
    ],
)
def test_label_spellings(label: str, form: str, variants: int) -> None:
    match = resolve_form(FORMS, label)
    assert match.form.id == form
    assert len(match.variants) == variants


@pytest.mark.parametrize(
    ("typo", "suggested"),
    [("citrte", "citrate"), ("sitrat", "citrate"), ("glycinte", "bisglycinate"), ("oxyd", "oxide")],
)
def test_unknown_names_suggest_the_nearest(typo: str, suggested: str) -> None:
    with pytest.raises(UnknownForm) as caught:
        resolve_form(FORMS, typo)
    assert suggested in [f.id for f in caught.value.suggestions]


@pytest.mark.parametrize("nonsense", ["", "   ", "xyzzy", "magnesium", "400"])
def test_nonsense_is_unknown(nonsense: str) -> None:
    with pytest.raises(UnknownForm):
        resolve_form(FORMS, nonsense)


def test_a_hydrate_the_form_does_not_have() -> None:
    with pytest.raises(NoSuchHydrate) as caught:
        resolve_form(FORMS, "oxid nonahydrat")
    assert caught.value.form.id == "oxide"
    assert caught.value.water == 9


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("400", 400),
        ("400mg", 400),
        ("400 mg", 400),
        ("400 MG", 400),
        ("1,5g", 1500),
        ("1.5 g", 1500),
        ("0,125 g", 125),
        ("1.250,5 mg", 1250.5),
        ("62,5", 62.5),
        ("2500", 2500),
    ],
)
def test_amounts(text: str, mg: float) -> None:
    assert parse_amount(text) == pytest.approx(mg)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.000", "ambiguous"),  # a Danish thousand or an English one?
        ("1,000", "ambiguous"),
        ("250,000", "ambiguous"),
        ("0", "range"),
        ("0 mg", "range"),
        ("101 g", "range"),
        ("-5", "format"),
        ("abc", "format"),
        ("4OO", "format"),
        ("400 kg", "format"),
        ("1,250.5", "format"),
    ],
)
def test_bad_amounts(text: str, reason: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_amount(text)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["citrat", "400"], ("citrat", "400")),
        (["citrat", "nonahydrat", "400"], ("citrat nonahydrat", "400")),
        (["citrat", "1,5", "g"], ("citrat", "1,5 g")),
        (["magnesium", "citrate", "400", "mg"], ("magnesium citrate", "400 mg")),
    ],
)
def test_split_words(words: list[str], expected: tuple[str, str]) -> None:
    assert split_words(words) == expected


@pytest.mark.parametrize("words", [[], ["citrat"], ["400"], ["400", "mg"]])
def test_split_words_needs_both(words: list[str]) -> None:
    with pytest.raises(ValueError):
        split_words(words)


def test_oxide_dose_against_chemistry() -> None:
    """500 mg MgO holds 500 x 24.305 / 40.304 = 301.5 mg magnesium."""
    dose = elemental_dose(resolve_form(FORMS, "oxid"), 500)
    assert dose.per_unit_low == dose.per_unit_high == pytest.approx(500 * MG / (MG + 15.999))
    assert not dose.uncertain


def test_unknown_citrate_hydrate_gives_the_range() -> None:
    dose = elemental_dose(resolve_form(FORMS, "citrat"), 400, per_day=2)
    assert dose.uncertain
    assert dose.per_unit_high == pytest.approx(400 * CITRATE_ANHYDROUS)  # 64.7 mg
    assert dose.per_unit_low == pytest.approx(400 * MG / 214.41, rel=1e-4)  # hydrogen citrate
    assert dose.per_day_high == pytest.approx(2 * 400 * CITRATE_ANHYDROUS)


def test_elemental_label_is_taken_as_it_is() -> None:
    dose = elemental_dose(None, 100, per_day=3, elemental=True)
    assert (dose.per_unit_low, dose.per_day_high) == (100, 300)
    assert not dose.uncertain


def test_a_form_is_needed_unless_elemental() -> None:
    with pytest.raises(ValueError):
        elemental_dose(None, 100)


@given(
    amount=st.floats(min_value=0.01, max_value=100_000),
    per_day=st.integers(min_value=1, max_value=24),
    form=st.sampled_from(FORMS.forms),
)
def test_elemental_never_exceeds_the_label_and_scales_with_doses(
    amount: float, per_day: int, form: Form
) -> None:
    match = resolve_form(FORMS, form.id)
    dose = elemental_dose(match, amount, per_day)
    assert 0 < dose.per_unit_low <= dose.per_unit_high < amount
    assert dose.per_day_high == pytest.approx(dose.per_unit_high * per_day)
