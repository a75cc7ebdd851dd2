"""Answers in people's own words (issue 12): menus, numbers, lab values, yes/no, labels as printed.

Every example of the issue is here in both languages, with the ambiguous words that must be asked
back, the answers still refused, and properties over every option of every menu.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgcheck.i18n import Language, format_number
from mgcheck.models.words import MENUS
from mgcheck.rules import understand
from mgcheck.rules.understand import (
    Ambiguous,
    Chosen,
    Expect,
    LabelPart,
    LabelReading,
    MenuName,
    NeedsUnit,
    NotUnderstood,
    Number,
    Picked,
    Range,
    Unknown,
    choose_one,
    choose_some,
    explain,
    explain_ambiguous,
    explain_picked,
    explain_range,
    explain_unit,
    menu_words,
    read_lab,
    read_label_words,
    read_number,
    read_yes_no_unknown,
)
from mgcheck.store.datafiles import load_questions, load_words
from mgcheck.vocab import (
    LEGACY_VALUES,
    Condition,
    Distress,
    LookAlike,
    Medicine,
    Sex,
    Symptom,
)

WORDS = load_words()
LABELS = load_questions().labels
MENU_NAMES: list[MenuName] = [
    "sex",
    "distress",
    "conditions",
    "medicines",
    "symptoms",
    "look_alikes",
    "diet",
]
MENU = {name: menu_words(WORDS, name) for name in MENU_NAMES}


def options(menu: MenuName) -> list[tuple[Any, Any]]:
    labels = getattr(LABELS, menu)
    return [(value, labels[value]) for value in MENUS[menu] if value.value not in LEGACY_VALUES]


def one(text: str, menu: MenuName) -> Any:
    return choose_one(text, options(menu), MENU[menu])


def some(text: str, menu: MenuName) -> Any:
    return choose_some(text, options(menu), MENU[menu])


# --- one of a menu -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "menu", "value"),
    [
        ("kvinde", "sex", Sex.FEMALE),
        ("Kvinde", "sex", Sex.FEMALE),
        ("KVINDE ", "sex", Sex.FEMALE),
        ("jeg er en kvinde", "sex", Sex.FEMALE),
        ("k", "sex", Sex.FEMALE),
        ("female", "sex", Sex.FEMALE),
        ("a woman", "sex", Sex.FEMALE),
        ("mand", "sex", Sex.MALE),
        ("male", "sex", Sex.MALE),
        ("Male", "sex", Sex.MALE),
        ("m", "sex", Sex.MALE),
        ("man", "sex", Sex.MALE),
        ("1", "sex", Sex.FEMALE),
        (" 2. ", "sex", Sex.MALE),
        ("2 mand", "sex", Sex.MALE),  # number and word agree
        ("en del", "distress", Distress.MODERATE),
        ("En del", "distress", Distress.MODERATE),
        ("moderately", "distress", Distress.MODERATE),
        ("slet ikke", "distress", Distress.NONE),
        ("not at all", "distress", Distress.NONE),
        ("lidt", "distress", Distress.MILD),
        ("a little", "distress", Distress.MILD),
        ("ikke så meget", "distress", Distress.MILD),
        ("ikke saa meget", "distress", Distress.MILD),  # å typed as aa
        ("meget lidt", "distress", Distress.MILD),
        ("not much", "distress", Distress.MILD),
        ("meget", "distress", Distress.SEVERE),
        ("rigtig meget", "distress", Distress.SEVERE),
        ("a lot", "distress", Distress.SEVERE),
        ("4", "distress", Distress.SEVERE),
    ],
)
def test_one_option_by_word_or_number(text: str, menu: MenuName, value: Any) -> None:
    assert one(text, menu) == Chosen(value)


@pytest.mark.parametrize(
    ("text", "menu", "candidates"),
    [
        # The deliberate ambiguities: asked back naming the candidates, never guessed.
        ("noget", "distress", (Distress.MILD, Distress.MODERATE)),
        ("some", "distress", (Distress.MILD, Distress.MODERATE)),
        ("en hel del", "distress", (Distress.MODERATE, Distress.SEVERE)),
        ("quite a lot", "distress", (Distress.MODERATE, Distress.SEVERE)),
        ("kvinde mand", "sex", (Sex.FEMALE, Sex.MALE)),
        ("1 2", "sex", (Sex.FEMALE, Sex.MALE)),
        ("lidt meget", "distress", (Distress.MILD, Distress.SEVERE)),
    ],
)
def test_one_option_ambiguous_words_are_asked_back(
    text: str, menu: MenuName, candidates: tuple[Any, ...]
) -> None:
    result = one(text, menu)
    assert isinstance(result, Ambiguous)
    assert result.candidates == candidates
    assert not result.guess


@pytest.mark.parametrize(
    ("text", "menu", "reason", "pieces"),
    [
        ("", "sex", "empty", ()),
        ("   ", "distress", "empty", ()),
        ("kvindemand", "sex", "unknown", ("kvindemand",)),  # whole words only
        ("mandag", "sex", "unknown", ("mandag",)),
        ("xyzzy", "distress", "unknown", ("xyzzy",)),
        ("3", "sex", "unknown", ("3",)),
        ("0", "distress", "unknown", ("0",)),
        ("³", "distress", "unknown", ("³",)),  # not an ASCII digit: never option 3
        ("kvinde, 67 år", "sex", "unknown", ("kvinde, 67 år",)),  # quoted whole, as typed
        ("ikke meget", "distress", "negation", ()),  # a negation left over: unclear
        ("not a lot", "distress", "negation", ()),
        ("ved ikke", "distress", "dont_know", ()),
        ("don't know", "sex", "dont_know", ()),
        ("?", "distress", "dont_know", ()),
        ("jeg", "sex", "no_match", ("jeg",)),
    ],
)
def test_one_option_refused(text: str, menu: MenuName, reason: str, pieces: tuple[str]) -> None:
    result = one(text, menu)
    assert isinstance(result, NotUnderstood)
    assert result.reason == reason
    assert result.pieces == pieces
    assert result.n == len(options(menu))


def test_a_misspelt_word_is_asked_about_not_taken() -> None:
    result = one("kvinnde", "sex")
    assert result == Ambiguous("kvinnde", (Sex.FEMALE,), guess=True)


# --- some of a menu ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "menu", "values"),
    [
        ("nyresygdom", "conditions", (Condition.KIDNEY_DISEASE,)),
        ("Nyresygdom", "conditions", (Condition.KIDNEY_DISEASE,)),
        ("nedsat nyrefunktion", "conditions", (Condition.KIDNEY_DISEASE,)),
        ("kidney disease", "conditions", (Condition.KIDNEY_DISEASE,)),
        ("blødersygdom", "conditions", (Condition.BLEEDING_DISORDER,)),
        ("bloedersygdom", "conditions", (Condition.BLEEDING_DISORDER,)),  # ø typed as oe
        ("type 2-diabetes", "conditions", (Condition.TYPE2_DIABETES,)),
        ("nyresygdom og type 2-diabetes", "conditions",
         (Condition.KIDNEY_DISEASE, Condition.TYPE2_DIABETES)),
        ("1 og 3", "conditions", (Condition.KIDNEY_DISEASE, Condition.HEART_RHYTHM)),
        ("1,3", "conditions", (Condition.KIDNEY_DISEASE, Condition.HEART_RHYTHM)),
        ("1 3", "conditions", (Condition.KIDNEY_DISEASE, Condition.HEART_RHYTHM)),
        ("1;3", "conditions", (Condition.KIDNEY_DISEASE, Condition.HEART_RHYTHM)),
        ("1-3", "conditions", tuple(list(Condition)[:3])),
        ("3 1 3", "conditions", (Condition.HEART_RHYTHM, Condition.KIDNEY_DISEASE)),
        ("", "conditions", ()),
        ("ingen", "conditions", ()),
        ("Ingen af dem", "conditions", ()),
        ("nej", "conditions", ()),
        ("none", "conditions", ()),
        ("no", "medicines", ()),
        ("slet ikke", "symptoms", ()),
        ("furosemid og omeprazol", "medicines", (Medicine.LOOP_DIURETIC, Medicine.PPI)),
        ("omeprazol, metoclopramid", "medicines", (Medicine.PPI, Medicine.ANTINAUSEA)),
        ("furosemide and omeprazole", "medicines", (Medicine.LOOP_DIURETIC, Medicine.PPI)),
        ("furosemid & omeprazol", "medicines", (Medicine.LOOP_DIURETIC, Medicine.PPI)),
        ("furosemid+omeprazol", "medicines", (Medicine.LOOP_DIURETIC, Medicine.PPI)),
        ("Furix 40 mg, Losec 20mg", "medicines", (Medicine.LOOP_DIURETIC, Medicine.PPI)),
        ("hydrochlorthiazid 12,5 mg", "medicines", (Medicine.THIAZIDE_DIURETIC,)),
        ("jeg tager Centyl og Eltroxin", "medicines", (Medicine.THIAZIDE_DIURETIC,
                                                       Medicine.LEVOTHYROXINE)),
        ("spironolakton 2 x dagligt", "medicines", (Medicine.POTASSIUM_SPARING_DIURETIC,)),
        ("Magnesia", "medicines", (Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID,)),
        ("ja, furosemid", "medicines", (Medicine.LOOP_DIURETIC,)),
        ("yes, omeprazole", "medicines", (Medicine.PPI,)),
        ("vanddrivende furosemid", "medicines", (Medicine.LOOP_DIURETIC,)),  # settled
        ("svimmel", "symptoms", (Symptom.DIZZINESS,)),
        ("besvimet", "symptoms", (Symptom.FAINTING,)),
        ("kvalme og opkast", "symptoms", (Symptom.NAUSEA, Symptom.VOMITING)),
        ("dizzy and nauseous", "symptoms", (Symptom.DIZZINESS, Symptom.NAUSEA)),
        ("selvmordstanker", "symptoms", (Symptom.THOUGHTS_OF_SELF_HARM,)),
        ("kan ikke få luft", "symptoms", (Symptom.BREATHING_DIFFICULTY,)),  # "ikke" in a phrase
        ("I can't breathe", "symptoms", (Symptom.BREATHING_DIFFICULTY,)),
        ("lægkramper", "look_alikes", (LookAlike.CRAMP_KNOT,)),
        ("blodprop i benet", "look_alikes", (LookAlike.ONE_LEG_SWOLLEN_WARM_RED,)),
    ],
)  # fmt: skip
def test_some_options_by_words_and_numbers(
    text: str, menu: MenuName, values: tuple[Any, ...]
) -> None:
    result = some(text, menu)
    assert result == Picked(values), result


@pytest.mark.parametrize(
    ("text", "menu", "values", "phrase", "candidates"),
    [
        ("vanddrivende", "medicines", (), "vanddrivende",
         (Medicine.THIAZIDE_DIURETIC, Medicine.LOOP_DIURETIC,
          Medicine.POTASSIUM_SPARING_DIURETIC)),
        ("water pills and omeprazole", "medicines", (Medicine.PPI,), "water pills",
         (Medicine.THIAZIDE_DIURETIC, Medicine.LOOP_DIURETIC,
          Medicine.POTASSIUM_SPARING_DIURETIC)),
        # The pharmacist's review: "hjertemedicin" often means the heart-failure diuretics too.
        ("hjertemedicin", "medicines", (), "hjertemedicin",
         (Medicine.DIGOXIN, Medicine.THIAZIDE_DIURETIC, Medicine.LOOP_DIURETIC,
          Medicine.POTASSIUM_SPARING_DIURETIC, Medicine.CALCIUM_CHANNEL_BLOCKER)),
        # ... and "sovemedicin" often low-dose quetiapine, chlorprothixene or mirtazapine.
        ("sovemedicin", "medicines", (), "sovemedicin",
         (Medicine.ANTIHISTAMINE, Medicine.ANTIDEPRESSANT, Medicine.ANTIPSYCHOTIC)),
        # Bare "nyrer" may be kidney stones or one kidney: asked, not taken (the same review).
        ("nyrer", "conditions", (), "nyrer", (Condition.KIDNEY_DISEASE,)),
        ("indapamid", "medicines", (), "indapamid", (Medicine.THIAZIDE_DIURETIC,)),
        ("halsbrand", "medicines", (), "halsbrand",
         (Medicine.PPI, Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID)),
        ("prochlorperazin", "medicines", (), "prochlorperazin",
         (Medicine.ANTIPSYCHOTIC, Medicine.ANTINAUSEA)),
        ("antibiotika", "medicines", (), "antibiotika", (Medicine.ANTIBIOTIC,)),
        ("nyresygdom og diabetes", "conditions", (Condition.KIDNEY_DISEASE,), "diabetes",
         (Condition.TYPE2_DIABETES,)),
        ("svag", "symptoms", (), "svag",
         (Symptom.MUSCLE_WEAKNESS, Symptom.SPREADING_WEAKNESS_OR_NUMBNESS)),
        ("weakness", "symptoms", (), "weakness",
         (Symptom.MUSCLE_WEAKNESS, Symptom.SPREADING_WEAKNESS_OR_NUMBNESS)),
        ("ondt i maven", "symptoms", (), "ondt i maven",
         (Symptom.DIARRHOEA, Symptom.NAUSEA, Symptom.VOMITING, Symptom.STOMACH_CRAMPS)),
        ("hævede ben", "look_alikes", (), "hævede ben", (LookAlike.ONE_LEG_SWOLLEN_WARM_RED,)),
        ("furosemidd", "medicines", (), "furosemidd", (Medicine.LOOP_DIURETIC,)),
    ],
)  # fmt: skip
def test_some_options_ambiguous_pieces_come_with_candidates(
    text: str,
    menu: MenuName,
    values: tuple[Any, ...],
    phrase: str,
    candidates: tuple[Any, ...],
) -> None:
    result = some(text, menu)
    assert isinstance(result, Picked)
    assert result.values == values
    assert len(result.ambiguous) == 1
    assert result.ambiguous[0].phrase == phrase
    assert result.ambiguous[0].candidates == candidates
    assert not result.complete


@pytest.mark.parametrize(
    ("text", "menu", "values", "unknown", "not_listed"),
    [
        ("furosemid og kanelpiller", "medicines", (Medicine.LOOP_DIURETIC,), ("kanelpiller",), ()),
        ("1, 9", "conditions", (Condition.KIDNEY_DISEASE,), ("9",), ()),
        ("nyresygdom, 1", "conditions", (Condition.KIDNEY_DISEASE,), (), ()),
        ("nyresygdom 3", "conditions", (Condition.KIDNEY_DISEASE,), ("3",), ()),
        ("type 1 diabetes", "conditions", (), (), ("type 1 diabetes",)),
        ("paracetamol og Losec", "medicines", (Medicine.PPI,), (), ("paracetamol",)),
        ("magnesium", "medicines", (), (), ("magnesium",)),
        ("³", "conditions", (), ("³",), ()),
        ("blabla, nyresygdom", "conditions", (Condition.KIDNEY_DISEASE,), ("blabla",), ()),
    ],
)  # fmt: skip
def test_some_options_unknown_pieces_are_named(
    text: str,
    menu: MenuName,
    values: tuple[Any, ...],
    unknown: tuple[str, ...],
    not_listed: tuple[str, ...],
) -> None:
    result = some(text, menu)
    assert isinstance(result, Picked)
    assert result.values == values
    assert result.unknown == unknown
    assert result.not_listed == not_listed
    assert result.complete == (not unknown)


def test_an_answer_not_offered_this_time_is_not_listed() -> None:
    """Iron is not offered to a pregnant woman already asked about it: "jern" is not taken."""
    offered = [(m, label) for m, label in options("medicines") if m is not Medicine.IRON]
    result = choose_some("jern og omeprazol", offered, MENU["medicines"])
    assert result == Picked((Medicine.PPI,), not_listed=("jern",))


@pytest.mark.parametrize(
    ("text", "menu", "reason"),
    [
        ("ikke nyresygdom", "conditions", "negation"),
        ("I don't have kidney disease", "conditions", "negation"),
        ("ingen, kun furosemid", "medicines", "none_and_some"),
        ("no kidney disease", "conditions", "none_and_some"),
        ("ved ikke", "medicines", "dont_know"),
        ("not sure", "symptoms", "dont_know"),
        ("jeg", "medicines", "no_match"),
        ("og", "medicines", "no_match"),
    ],
)
def test_some_options_refused(text: str, menu: MenuName, reason: str) -> None:
    result = some(text, menu)
    assert isinstance(result, NotUnderstood)
    assert result.reason == reason


# --- properties over every option of every menu -------------------------------------------------

EVERY_LABEL = [
    (menu, index, lang)
    for menu in MENU_NAMES
    for index in range(len(options(menu)))
    for lang in ("da", "en")
]
SPELLINGS = [
    ("ø", "oe"),
    ("æ", "ae"),
    ("å", "aa"),
    ("Ø", "OE"),
    ("Æ", "AE"),
    ("Å", "AA"),
]


@given(
    st.sampled_from(EVERY_LABEL),
    st.sampled_from(["lower", "upper", "title", "as is"]),
    st.booleans(),
    st.text(" \t", max_size=3),
)
def test_the_label_of_any_option_chooses_that_option(
    where: tuple[MenuName, int, Language], case: str, respell: bool, padding: str
) -> None:
    menu, index, lang = where
    value, label = options(menu)[index]
    text = getattr(label, lang)
    if respell:
        for letter, spelled in SPELLINGS:
            text = text.replace(letter, spelled)
    text = {"lower": text.lower(), "upper": text.upper(), "title": text.title()}.get(case, text)
    assert one(padding + text + padding, menu) == Chosen(value)
    assert some(text, menu) == Picked((value,))


@given(st.sampled_from(MENU_NAMES), st.data(), st.text(" ", max_size=2))
def test_typing_an_options_number_chooses_it(menu: MenuName, data: Any, padding: str) -> None:
    choices = options(menu)
    index = data.draw(st.integers(0, len(choices) - 1))
    assert one(f"{padding}{index + 1}{padding}", menu) == Chosen(choices[index][0])


@given(st.sampled_from(MENU_NAMES), st.data(), st.sampled_from([", ", " ", " og ", " and ", ";"]))
def test_numbers_in_any_separation_pick_exactly_those(
    menu: MenuName, data: Any, separator: str
) -> None:
    choices = options(menu)
    picked = data.draw(st.lists(st.integers(0, len(choices) - 1), min_size=1, unique=True))
    text = separator.join(str(i + 1) for i in picked)
    assert some(text, menu) == Picked(tuple(choices[i][0] for i in picked))


@given(st.sampled_from(MENU_NAMES), st.data())
def test_every_word_of_an_option_picks_that_option_alone(menu: MenuName, data: Any) -> None:
    entry = getattr(WORDS.menus, menu)
    value = data.draw(st.sampled_from(sorted(entry.words)))
    word = data.draw(st.sampled_from(entry.words[value].every()))
    (expected,) = [v for v, _label in options(menu) if v.value == value]
    assert some(word, menu) == Picked((expected,)), word


# --- numbers ------------------------------------------------------------------------------------

AGE = Expect(1, 120, whole=True, quantity="years", example=67)
PER_DAY = Expect(1, 24, whole=True, quantity="per_day", example=2)
PORTIONS = Expect(0, 20, quantity="portions", example=1.5)


@pytest.mark.parametrize(
    ("text", "lang", "expect", "value"),
    [
        ("67 år", "da", AGE, 67),
        ("67 år gammel", "da", AGE, 67),
        ("67år", "da", AGE, 67),
        ("67 aar", "da", AGE, 67),
        ("ca. 67", "da", AGE, 67),
        ("67 years", "en", AGE, 67),
        ("about 67", "en", AGE, 67),
        ("67", "en", AGE, 67),
        ("1,5", "da", PORTIONS, 1.5),
        ("1.5", "da", PORTIONS, 1.5),
        ("1.5", "en", PORTIONS, 1.5),
        ("1,5", "en", PORTIONS, 1.5),
        ("½", "da", PORTIONS, 0.5),
        ("¼", "da", PORTIONS, 0.25),
        ("¾", "en", PORTIONS, 0.75),
        ("1/4", "da", PORTIONS, 0.25),
        ("1 1/2", "da", PORTIONS, 1.5),
        ("1½", "da", PORTIONS, 1.5),
        ("1 ½", "en", PORTIONS, 1.5),
        ("0", "da", PORTIONS, 0),
        ("halvanden", "da", PORTIONS, 1.5),
        ("en halv portion", "da", PORTIONS, 0.5),
        ("half", "en", PORTIONS, 0.5),
        ("to", "da", PER_DAY, 2),  # Danish "to" is two
        ("2 om dagen", "da", PER_DAY, 2),
        ("2 tabletter", "da", PER_DAY, 2),
        ("2x", "da", PER_DAY, 2),
        ("two a day", "en", PER_DAY, 2),
    ],
)
def test_numbers_as_typed(text: str, lang: Language, expect: Expect, value: float) -> None:
    result = read_number(text, lang, WORDS, expect)
    assert isinstance(result, Number), result
    assert result.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("2-3", "da", 2, 3),
        ("2–3", "da", 2, 3),  # en dash
        ("2 - 3", "en", 2, 3),
        ("2 til 3", "da", 2, 3),
        ("2 eller 3", "da", 2, 3),
        ("mellem 2 og 3", "da", 2, 3),
        ("2 to 3", "en", 2, 3),
        ("between 2 and 3", "en", 2, 3),
        ("½-1", "da", 0.5, 1),
        ("1,5-2", "da", 1.5, 2),
    ],
)
def test_a_range_comes_back_to_ask_about_or_halve(
    text: str, lang: Language, low: float, high: float
) -> None:
    result = read_number(text, lang, WORDS, PORTIONS)
    assert result == Range(low, high, "portions")
    assert result.middle == pytest.approx((low + high) / 2)


def test_a_whole_number_range_leaves_the_middle_to_the_prompt() -> None:
    result = read_number("2-3", "da", WORDS, PER_DAY)
    assert result == Range(2, 3, "per_day")
    assert explain_range(result, WORDS, "da", middle=True) == (
        "Jeg regner med 2,5, midt mellem 2 og 3."
    )
    assert explain_range(result, WORDS, "en", middle=False) == "Is it 2 or 3?"


@pytest.mark.parametrize(
    ("text", "lang", "expect", "reason"),
    [
        ("", "da", AGE, "empty"),
        ("1.000", "da", PORTIONS, "thousands"),  # a thousand, or one? as parse_amount refuses
        ("1,000", "en", PORTIONS, "thousands"),
        ("³", "da", AGE, "digits"),
        ("6⁷", "da", AGE, "digits"),
        ("٦٧", "da", AGE, "digits"),
        ("６７", "da", AGE, "digits"),  # full-width digits
        ("⅕", "da", PORTIONS, "digits"),
        ("67,5", "da", AGE, "whole"),
        ("2,5", "da", PER_DAY, "whole"),
        ("130", "da", AGE, "range"),
        ("0", "da", AGE, "range"),
        ("-2", "en", PORTIONS, "format"),
        ("3-2", "da", PORTIONS, "format"),
        ("1/0", "da", PORTIONS, "format"),
        ("3/2 1", "da", PORTIONS, "format"),
        ("sixty", "en", AGE, "format"),
        ("syv og tres", "da", AGE, "format"),
        # One unit to choose from: the usual hint, not "use years" (an English key in Danish).
        ("67 kg", "da", AGE, "format"),
        ("2 dl", "da", PORTIONS, "format"),  # a volume is no portion count
        ("ved ikke", "da", AGE, "dont_know"),
        ("2 to 3", "da", PORTIONS, "format"),  # "to" is 2 in Danish: "2 2 3" is no number
    ],
)
def test_numbers_refused(text: str, lang: Language, expect: Expect, reason: str) -> None:
    result = read_number(text, lang, WORDS, expect)
    assert isinstance(result, NotUnderstood), result
    assert result.reason == reason


@given(
    st.decimals(min_value=0, max_value=999, places=2, allow_nan=False),
    st.sampled_from(["da", "en"]),
)
def test_a_number_written_as_mgcheck_writes_it_reads_back(value: Any, lang: Language) -> None:
    text = format_number(float(value), 2, lang)
    result = read_number(text, lang, WORDS, Expect(0, 1000, example=400))
    assert isinstance(result, Number)
    assert result.value == pytest.approx(float(value))


# --- lab values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "result"),
    [
        ("1,02 mmol/l", "magnesium", Number(1.02, "mmol/L")),
        ("1,02 mmol/L", "magnesium", Number(1.02, "mmol/L")),
        ("0,68mmol/l", "magnesium", Number(0.68, "mmol/L")),
        ("0.68 mmol / L", "magnesium", Number(0.68, "mmol/L")),
        ("1.7 mg/dl", "magnesium", Number(1.7, "mg/dL")),
        ("1,7 mg/dL", "magnesium", Number(1.7, "mg/dL")),
        ("2 meq/l", "magnesium", Number(2, "mEq/L")),
        ("0,8", "magnesium", NeedsUnit(0.8, "mmol/L", ("mmol/L", "mg/dL", "mEq/L"))),
        ("18 µg/l", "ferritin", Number(18, "µg/L")),
        ("18 μg/L", "ferritin", Number(18, "µg/L")),  # Greek mu
        ("18 ug/L", "ferritin", Number(18, "µg/L")),
        ("18 mikrogram/l", "ferritin", Number(18, "µg/L")),
        ("18 ng/ml", "ferritin", Number(18, "ng/mL")),
        ("18", "ferritin", Number(18, "µg/L")),
        ("18 %", "transferrin_saturation", Number(18, "%")),
        ("18%", "transferrin_saturation", Number(18, "%")),
        ("18 procent", "transferrin_saturation", Number(18, "%")),
        ("18", "transferrin_saturation", Number(18, "%")),
        ("0", "transferrin_saturation", Number(0, "%")),
        ("ved ikke", "magnesium", Unknown()),
        ("Ved det ikke", "ferritin", Unknown()),
        ("don't know", "transferrin_saturation", Unknown()),
        ("?", "magnesium", Unknown()),
    ],
)
def test_lab_values_as_typed(text: str, kind: understand.LabKind, result: object) -> None:
    assert read_lab(text, kind, WORDS) == result


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("", "magnesium", "empty"),
        ("0", "magnesium", "range"),
        ("25 mmol/l", "magnesium", "range"),
        ("0,8 mg", "magnesium", "unit"),
        ("18 mg/l", "ferritin", "unit"),
        ("18 nmol/l", "ferritin", "unit"),
        ("0,7-0,9", "magnesium", "one_value"),
        ("< 10", "ferritin", "format"),
        ("120 %", "transferrin_saturation", "range"),
        ("1.000", "ferritin", "thousands"),
        ("¹⁸", "ferritin", "digits"),
    ],
)
def test_lab_values_refused(text: str, kind: understand.LabKind, reason: str) -> None:
    result = read_lab(text, kind, WORDS)
    assert isinstance(result, NotUnderstood), result
    assert result.reason == reason


def test_the_unit_question_names_the_default() -> None:
    result = read_lab("0,8", "magnesium", WORDS)
    assert isinstance(result, NeedsUnit)
    assert explain_unit(result, WORDS, "da") == (
        "Hvilken enhed står der (mmol/L, mg/dL, mEq/L; tryk Enter for mmol/L)?"
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("", "mmol/L"),  # Enter: the default, which Danish laboratories use
        ("mmol/l", "mmol/L"),
        ("MMOL/L", "mmol/L"),
        ("mg/dl", "mg/dL"),
        ("meq/l", "mEq/L"),
        ("2", "mg/dL"),  # its number in the list
        ("ved ikke", Unknown()),
        ("?", Unknown()),
    ],
)
def test_the_unit_asked_for_afterwards(text: str, unit: object) -> None:
    assert understand.read_unit(text, "lab_magnesium", WORDS) == unit


@pytest.mark.parametrize("text", ["mg", "4", "³", "liter"])
def test_a_unit_not_known_is_refused_naming_the_known(text: str) -> None:
    result = understand.read_unit(text, "lab_magnesium", WORDS)
    assert isinstance(result, NotUnderstood)
    assert explain(result, WORDS, "en") == "I do not know that unit. Use mmol/L, mg/dL, mEq/L."


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("ved ikke", True),
        ("Ved det ikke", True),
        ("aner det ikke", True),
        ("don't know", True),
        ("Not sure", True),
        ("?", True),
        ("??", False),
        ("", False),
        ("citrat", False),
        ("ved ikke citrat", False),
    ],
)
def test_dont_know_as_a_whole_answer(text: str, unknown: bool) -> None:
    """For the prompts with their own "don't know" (the form on the label, say)."""
    assert understand.is_dont_know(text, WORDS) is unknown


# --- yes, no, don't know ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        *((t, True) for t in ("ja", "Ja", "jo", "j", "J", "ja tak", "yes", "y", "Yes please")),
        *((t, True) for t in ("ja, det gør jeg", "yes I do")),
        *((t, False) for t in ("nej", "Nej", "n", "nej tak", "no", "No", "nope")),
        *((t, False) for t in ("nej, det gør jeg ikke", "no I don't")),
        *((t, None) for t in ("ved ikke", "Ved det ikke", "aner det ikke", "?", "måske")),
        *((t, None) for t in ("don't know", "dont know", "not sure", "I don't know")),
    ],
)
def test_yes_no_and_dont_know(text: str, answer: bool | None) -> None:
    assert read_yes_no_unknown(text, WORDS) is answer


@pytest.mark.parametrize("text", ["", "hmm", "ja nej", "ja men ikke meget", "1", "jein", "³"])
def test_yes_no_refused(text: str) -> None:
    result = read_yes_no_unknown(text, WORDS)
    assert isinstance(result, NotUnderstood)
    assert explain(result, WORDS, "da") == "Svar ja, nej eller ved ikke."


# --- labels as printed --------------------------------------------------------------------------


def part(form: str | None, amount: str, mg: float, reading: str, why: str) -> LabelPart:
    return LabelPart(form, amount, mg, reading, why)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("words", "parts"),
    [
        (["magnesium", "100", "mg"], [part(None, "100 mg", 100, "elemental", "magnesium_only")]),
        (["Magnesium", "100mg"], [part(None, "100mg", 100, "elemental", "magnesium_only")]),
        (["Magnesium", "bisglycinat", "100", "mg", "elementært"],
         [part("Magnesium bisglycinat", "100 mg", 100, "elemental", "marked")]),
        (["bisglycinat", "100", "mg", "elementært"],
         [part("bisglycinat", "100 mg", 100, "elemental", "marked")]),
        (["bisglycinat", "100 mg", "elemental"],
         [part("bisglycinat", "100 mg", 100, "elemental", "marked")]),
        (["Magnesium bisglycinate 100 mg (elemental)"],
         [part("Magnesium bisglycinate", "100 mg", 100, "elemental", "marked")]),
        (["bisglycinat", "100", "mg", "rent", "magnesium"],
         [part("bisglycinat", "100 mg", 100, "elemental", "marked")]),
        (["rent", "magnesium", "100", "mg"], [part(None, "100 mg", 100, "elemental", "marked")]),
        (["citrat", "400", "mg", "magnesium"],
         [part("citrat", "400 mg", 400, "elemental", "marked")]),
        (["Magnesium", "(som", "citrat)", "100", "mg"],
         [part("citrat", "100 mg", 100, "elemental", "as_form")]),
        (["magnesium from citrate 100 mg"],
         [part("citrate", "100 mg", 100, "elemental", "as_form")]),
        (["Magnesium", "100", "mg", "(som", "citrat)"],
         [part("citrat", "100 mg", 100, "elemental", "as_form")]),
        (["Magnesium 100 mg (from citrate)?"],
         [part("citrate", "100 mg", 100, "unknown", "unsure")]),
        (["magnesiumcitrat", "400mg"],
         [part("magnesiumcitrat", "400mg", 400, "unsaid", "form_named")]),
        (["magnesium citrate", "1,5 g"],
         [part("magnesium citrate", "1,5 g", 1500, "unsaid", "form_named")]),
        (["Magnesiumcitrat", "500", "mg,", "heraf", "magnesium", "80", "mg"],
         [part("Magnesiumcitrat", "80 mg", 80, "elemental", "of_which")]),
        (["Magnesiumcitrat svarende til magnesium 100 mg"],
         [part("Magnesiumcitrat", "100 mg", 100, "elemental", "of_which")]),
        (["glycinat", "800", "oxid", "200"],
         [part("glycinat", "800", 800, "unsaid", "form_named"),
          part("oxid", "200", 200, "unsaid", "form_named")]),
        (["bisglycinat", "80", "mg", "elementært", "oxid", "20", "mg"],
         [part("bisglycinat", "80 mg", 80, "elemental", "marked"),
          part("oxid", "20 mg", 20, "unsaid", "form_named")]),
        (["mag", "2", "2250", "mg"], [part("mag 2", "2250 mg", 2250, "unsaid", "form_named")]),
        (["citrat", "400", "mg?"], [part("citrat", "400 mg", 400, "unknown", "unsure")]),
        (["citrat", "400", "mg", "ved", "ikke"],
         [part("citrat", "400 mg", 400, "unknown", "unsure")]),
        (["citrat", "400", "mg", "elementært?"],
         [part("citrat", "400 mg", 400, "unknown", "unsure")]),
    ],
)  # fmt: skip
def test_labels_as_printed(words: list[str], parts: list[LabelPart]) -> None:
    assert read_label_words(words, WORDS) == LabelReading(tuple(parts))


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ([], "label"),
        (["citrat"], "label"),
        (["magnesium"], "label"),
        (["citrat", "1.000", "mg"], "thousands"),
        (["citrat", "fire", "hundrede"], "format"),
        (["citrat", "0", "mg"], "range"),
        (["citrat", "100", "mg", "som", "oxid"], "label"),  # two forms: no telling which
    ],
)
def test_labels_refused(words: list[str], reason: str) -> None:
    result = read_label_words(words, WORDS)
    assert isinstance(result, NotUnderstood)
    assert result.reason == reason
    assert explain(result, WORDS, "en").startswith("Type the form and the amount")


# --- the re-asks: short, in the user's language, words from data ------------------------------


@pytest.mark.parametrize(
    ("result", "lang", "said"),
    [
        (one("xyzzy", "sex"), "da", 'Det forstod jeg ikke: "xyzzy". Skriv tallet (1-2) eller '
         "ordet, fx kvinde."),
        (one("xyzzy", "sex"), "en", 'I did not understand: "xyzzy". Type the number (1-2) or '
         "the word, e.g. female."),
        (one("ikke meget", "distress"), "da", "Skriv kun det, der passer på dig. Skriv tallet "
         "(1-4) eller ordet, fx slet ikke."),
        (read_number("130", "da", WORDS, AGE), "da", "Skriv et helt tal fra 1 til 120, fx 67."),
        (read_number("1,000", "en", WORDS, PORTIONS), "en", "Is 1,000 a thousand or one? Type "
         "it without a thousands separator, e.g. 1000 or 1.0."),
        (read_number("2,5", "da", WORDS, PER_DAY), "da", "Skriv et helt tal fra 1 til 24, fx 2."),
        (read_number("25", "en", WORDS, PORTIONS), "en", "Type a number from 0 to 20, e.g. 1.5."),
        (read_number("25", "da", WORDS, PORTIONS), "da", "Skriv et tal fra 0 til 20, fx 1,5."),
        (read_number("³", "da", WORDS, AGE), "da", "Skriv tallet med almindelige cifre (0-9). "
         "Skriv et helt tal fra 1 til 120, fx 67."),
        (read_lab("18 mg/l", "ferritin", WORDS), "en", "I do not know that unit. Use µg/L, "
         "ng/mL."),
        (some("ikke nyresygdom", "conditions"), "en", "Please type only what applies to you. "
         'Type numbers (1-7) or words, separated by commas or "and", e.g. kidney disease; '
         "press Enter for none."),
    ],
)  # fmt: skip
def test_one_short_reask_in_the_users_language(result: Any, lang: Language, said: str) -> None:
    assert isinstance(result, NotUnderstood)
    assert explain(result, WORDS, lang) == said


def test_asking_back_names_the_candidates_with_their_labels() -> None:
    result = some("vanddrivende", "medicines")
    assert isinstance(result, Picked)
    said = explain_ambiguous(result.ambiguous[0], options("medicines"), WORDS, "da")
    assert said.startswith('Hvilken mener du med "vanddrivende"? 1. vanddrivende medicin: thiaz')
    assert "2. vanddrivende medicin: loop-diuretikum (fx furosemid, bumetanid)" in said
    assert "3. kaliumbesparende" in said
    assert said.endswith('Skriv tallet, eller "ingen af dem".')
    guessed = some("omeprasol", "medicines")
    assert isinstance(guessed, Picked)
    assert explain_ambiguous(guessed.ambiguous[0], options("medicines"), WORDS, "en") == (
        "Do you mean 1. acid-reducing medicine (a proton pump inhibitor, e.g. omeprazole, "
        'pantoprazole)? Type the number, or "no".'
    )


def test_the_unknown_and_not_listed_pieces_are_said_in_a_line_each() -> None:
    result = some("paracetamol, kanelpiller og Losec", "medicines")
    assert isinstance(result, Picked)
    assert explain_picked(result, options("medicines"), MENU["medicines"], "da") == [
        "paracetamol er ikke på listen her, så det tæller ikke med.",
        'Det forstod jeg ikke: "kanelpiller". Skriv tal (1-17) eller ord, adskilt af komma '
        'eller "og", fx bisfosfonat; tryk Enter for ingen.',
    ]


RESULTS_TO_EXPLAIN = [
    one("", "sex"),
    one("ved ikke", "distress"),
    some("ingen, nyrer", "conditions"),
    read_number("", "en", WORDS, AGE),
    read_number("ved ikke", "da", WORDS, PORTIONS),
    read_number("0,7-0,9", None, WORDS, PORTIONS),
    read_lab("0,7-0,9", "magnesium", WORDS),
    read_number("x", "da", WORDS, PORTIONS),
    read_yes_no_unknown("", WORDS),
    read_label_words(["citrat"], WORDS),
]


@pytest.mark.parametrize("result", [r for r in RESULTS_TO_EXPLAIN if isinstance(r, NotUnderstood)])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_reask_formats_in_both_languages(result: NotUnderstood, lang: Language) -> None:
    said = explain(result, WORDS, lang)
    assert said and "{" not in said and "}" not in said
    assert said == said.strip() and "  " not in said


# --- the module itself ---------------------------------------------------------------------------


def test_results_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Chosen(Sex.MALE).value = Sex.FEMALE  # type: ignore[misc]


def test_the_package_holds_no_words_of_its_own() -> None:
    """Everything a person reads comes from data: no string with two words in a row in any
    room of rules/understand/ (one test for the whole package)."""
    phrases: list[tuple[str, str]] = []
    for path in sorted(Path(understand.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        phrases += [
            (path.name, node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and any(
                a.isalpha() and b.isalpha()
                for a, b in zip(node.value.split(), node.value.split()[1:], strict=False)
            )
        ]
    assert phrases == []


# --- a 0-10 score "out of 10" --------------------------------------------------------------------

SCORE = Expect(0, 10, whole=True, example=3, out_of=10)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("7 ud af 10", "da", 7),
        ("7/10", "da", 7),
        ("7 / 10", "da", 7),
        ("7 af 10", "da", 7),
        ("syv ud af ti", "da", 7),
        ("0 ud af 10", "da", 0),
        ("10/10", "da", 10),
        ("7 out of 10", "en", 7),
        ("7/10", "en", 7),
        ("7", "da", 7),
    ],
)
def test_a_score_may_be_given_out_of_10(text: str, lang: Language, value: int) -> None:
    assert read_number(text, lang, WORDS, SCORE) == Number(value)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("7 ud af 12", "da"),
        ("7/12", "da"),
        ("70/100", "da"),
        ("7 out of 100", "en"),
        ("7 ud af 010", "da"),
        ("11/10", "da"),
        ("7,5/10", "da"),
        ("ud af 10", "da"),
    ],
)
def test_anything_else_out_of_something_is_refused_as_before(text: str, lang: Language) -> None:
    plain = read_number(text, lang, WORDS, Expect(0, 10, whole=True, example=3))
    refused = read_number(text, lang, WORDS, SCORE)
    assert isinstance(refused, NotUnderstood) and isinstance(plain, NotUnderstood), refused
    assert explain(refused, WORDS, lang) == explain(plain, WORDS, lang)


def test_out_of_10_is_only_for_a_score() -> None:
    assert isinstance(read_number("7/10", "da", WORDS, PER_DAY), NotUnderstood)
    assert read_number("7/10", "da", WORDS, PORTIONS) == Number(0.7, "portions")


def test_an_example_is_never_made_up_from_the_middle_of_the_range() -> None:
    with pytest.raises(TypeError):
        Expect(1, 24, whole=True)  # type: ignore[call-arg]


# --- a single choice not understood is quoted whole ----------------------------------------------


@pytest.mark.parametrize("text", ["1,5", "1 5", "mand 7"])
def test_one_choice_quotes_the_whole_answer(text: str) -> None:
    result = one(text, "sex")
    assert isinstance(result, NotUnderstood)
    assert explain(result, WORDS, "da").startswith(f'Det forstod jeg ikke: "{text}".')


def test_a_refused_portion_is_explained_in_danish_words_only() -> None:
    """ "2 skiver" was answered "Den enhed kender jeg ikke. Brug portions." (it is read now,
    issue 19); a unit that is no portion is refused in Danish words only."""
    result = read_number("2 dl", "da", WORDS, PORTIONS)
    assert isinstance(result, NotUnderstood)
    message = explain(result, WORDS, "da")
    assert "portions" not in message and "enhed" not in message, message


# --- issue 19: the answers still refused ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "group", "value"),
    [
        ("ingen", "da", "nuts_seeds", 0.0),
        ("none", "en", "nuts_seeds", 0.0),
        ("2 glas", "da", "dairy", 2.0),
        ("2 glas mælk", "da", "dairy", 2.0),
        ("2 glasses of milk", "en", "dairy", 2.0),
        ("2 skiver rugbrød", "da", "whole_grains", 2.0),
        ("2 skiver om dagen", "da", "whole_grains", 2.0),
        ("1 æble", "da", "fruit", 1.0),
        ("et æble", "da", "fruit", 1.0),
        ("2 æbler om dagen", "da", "fruit", 2.0),
        ("a bowl of porridge", "en", "whole_grains", 1.0),
    ],
)
def test_portions_as_the_questions_name_them(
    text: str, lang: Language, group: str, value: float
) -> None:
    nouns = tuple(WORDS.menus.diet.words[group].every())
    expect = Expect(0, 20, 1, quantity="portions", nouns=nouns)
    assert read_number(text, lang, WORDS, expect) == Number(value, "portions")


def test_a_range_of_portions_is_a_range() -> None:
    expect = Expect(0, 20, 1, quantity="portions")
    assert read_number("2-3 skiver", "da", WORDS, expect) == Range(2, 3, "portions")


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("4-5 aftener", Range(4, 5, "days")),
        ("5 nætter om ugen", Number(5, "days")),
        ("hver aften", Number(7, "days")),
        ("every night", Number(7, "days")),
    ],
)
def test_days_as_people_count_them(text: str, result: object) -> None:
    expect = Expect(0, 7, 3, whole=True, quantity="days_per_week")
    assert read_number(text, "da", WORDS, expect) == result


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "reference"),
    [
        ("P-Magnesium 1,05 mmol/l", "magnesium", 1.05, "mmol/L", None),
        ("P-Magnesium 1,05 mmol/l (0,70-1,00)", "magnesium", 1.05, "mmol/L", (0.7, 1.0)),
        ("P-Magnesium: 1,05 H mmol/l [0,70 - 1,00]", "magnesium", 1.05, "mmol/L", (0.7, 1.0)),
        ("1,05 mmol/l ref. 0,70-1,00", "magnesium", 1.05, "mmol/L", (0.7, 1.0)),
        ("1,05 mmol/l (1,00-0,70)", "magnesium", 1.05, "mmol/L", None),  # not low-high: dropped
        ("2,0 mg/dl (0,70-1,00 mmol/l)", "magnesium", 2.0, "mg/dL", None),  # another unit
        ("P-Ferritin 12 µg/L (15-300)", "ferritin", 12.0, "µg/L", (15.0, 300.0)),
        ("Transferrinmætning 18 % (16-45)", "transferrin_saturation", 18.0, "%", (16.0, 45.0)),
    ],
)
def test_a_lab_line_as_printed(
    text: str,
    kind: understand.LabKind,
    value: float,
    unit: str,
    reference: tuple[float, float] | None,
) -> None:
    assert read_lab(text, kind, WORDS) == Number(value, unit, reference)


def test_another_tests_name_is_asked_again_naming_both() -> None:
    result = read_lab("P-Ferritin 40 µg/l", "magnesium", WORDS)
    assert isinstance(result, NotUnderstood) and result.reason == "other_lab"
    assert explain(result, WORDS, "da") == 'Det ser ud som "P-Ferritin"; her spørges om magnesium.'


@pytest.mark.parametrize(
    ("text", "days"),
    [("i går", -1), ("igår", -1), ("I GÅR", -1), ("yesterday", -1), ("i forgårs", -2),
     ("i dag", 0), ("tomorrow", 1), ("2026-11-20", None), ("mandag", None)],
)  # fmt: skip
def test_days_in_words(text: str, days: int | None) -> None:
    assert understand.read_day(text, WORDS) == days


@pytest.mark.parametrize(
    ("text", "menu"), [("undtagen lidt", "distress"), ("except a little", "distress")]
)
def test_an_exclusion_in_a_one_option_answer_is_asked_back(text: str, menu: MenuName) -> None:
    result = choose_one(text, options(menu), menu_words(WORDS, menu))
    assert isinstance(result, NotUnderstood) and result.reason == "exclusion"
