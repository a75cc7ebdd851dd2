"""The one label reader (rules/label.py) and the words it reads (rules/understand/labels.py).

Figures worked by hand from elemental_fractions.csv (percentages given to 0.1 point: the
amount times 0.05 % is allowed for that rounding).
"""

from __future__ import annotations

import pytest

from mgcheck.rules.dose import FormProblem, UnknownForm
from mgcheck.rules.label import LabelDose, read_label, read_supplement
from mgcheck.rules.understand import LabelReading, NotUnderstood, as_printed, read_label_words
from mgcheck.store.datafiles import load_words
from mgcheck.store.snapshot import forms

WORDS = load_words()
FORMS = forms()


def read(text: str, **kwargs: object) -> LabelDose:
    found = read_label(text.split(), FORMS, WORDS, **kwargs)  # type: ignore[arg-type]
    assert isinstance(found, LabelDose), found
    return found


def near(value: float, amount: float, pct: float) -> bool:
    return abs(value - amount * pct / 100) <= amount * 0.0005


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Magnesium citrat 150 mg 2 om dagen", 2),
        ("citrat 150 mg 2 gange dagligt", 2),
        ("citrat 150 mg to om dagen", 2),
        ("citrate 150 mg two a day", 2),
        ("citrat 150 mg x 2", 2),
        ("citrat 150 mg x2", 2),
        ("citrat 150 mg 2x dagligt", 2),
        ("citrat 150 mg 3 tabletter", 3),
        ("citrat 150 mg", None),
        ("citrat 150 mg 2", None),  # a bare number after the amount is no count
        ("mag 2 2250 mg", None),  # a number inside a name stays in the name
    ],
)
def test_a_count_after_the_amount(text: str, count: int | None) -> None:
    reading = read_label_words(text.split(), WORDS)
    if count is None and isinstance(reading, NotUnderstood):
        return  # not read as a count (nor as a label): asked again, never guessed
    assert isinstance(reading, LabelReading), reading
    assert reading.per_day == count


def test_a_count_out_of_range_is_refused() -> None:
    reading = read_label_words(["citrat", "150", "mg", "30", "om", "dagen"], WORDS)
    assert isinstance(reading, NotUnderstood) and reading.reason == "range"


@pytest.mark.parametrize(
    ("text", "reading", "settled"),
    [
        ("Magnesium citrat 150 mg", "both", "open"),
        ("magnesiumcitrat 400mg", "both", "open"),
        ("magnesium 100 mg", "elemental", "label"),
        ("Magnesium (som citrat) 150 mg", "elemental", "label"),
        ("bisglycinat 100 mg elementært", "elemental", "label"),
        ("citrat 400 mg?", "both", "label"),  # the person is unsure: both, and not asked again
        ("magnesiumcitrat 400 mg forbindelse", "label", "label"),
        ("citrat nonahydrat 1,5 g", "label", "label"),  # the water named: the compound
        ("epsom salt 30 g", "label", "label"),
    ],
)
def test_who_settles_the_reading(text: str, reading: str, settled: str) -> None:
    (part,) = read(text).parts
    assert (part.dose.reading, part.settled) == (reading, settled)


def test_an_open_label_is_judged_on_the_higher_and_answered_as_the_person_says() -> None:
    label = read("Magnesium citrat 150 mg")
    assert label.open and label.unsure
    # From the leanest of citrate's variants (the 8.5 % hydrogen citrate tetrahydrate that
    # `mgcheck dose --list` shows: the label names none, so none is ruled out) to itself.
    assert near(label.low, 150, 8.5) and label.high == 150
    itself = label.answered("elemental", FORMS)
    assert (itself.low, itself.high, itself.open) == (150, 150, False)
    compound = label.answered("compound", FORMS)
    assert near(compound.low, 150, 11.3) and near(compound.high, 150, 16.2)
    assert not compound.unsure
    unsure = label.answered("unknown", FORMS)
    assert unsure.unsure and not unsure.open


def test_the_day_is_the_unit_times_the_count() -> None:
    day = read("Magnesium citrat 150 mg 2 om dagen").day(2)
    assert (day.per_day, day.per_day_high, day.reading) == (2, 300, "both")


def test_a_form_mgcheck_does_not_know_is_an_error_unless_the_amount_is_magnesium_itself() -> None:
    with pytest.raises(UnknownForm):
        read("magic 400 mg")
    assert read("magic 400 mg", said="elemental").high == 400
    with pytest.raises(FormProblem):
        read("oxid nonahydrat 400")


@pytest.mark.parametrize(
    ("form", "elemental", "low_pct", "high"),
    [
        ("citrat", False, 11.3, None),
        ("citrat", "unknown", 8.5, 400.0),  # unsure: the leanest variant, to itself
        ("citrat", True, None, 400.0),
        ("", False, None, None),  # "ved ikke" to the form: any form's share
    ],
)
def test_an_answers_files_supplement_reads_as_the_label_would(
    form: str, elemental: bool | str, low_pct: float | None, high: float | None
) -> None:
    label = read_supplement(form, 400, elemental, FORMS)  # type: ignore[arg-type]
    assert not label.open
    if low_pct is not None:
        assert near(label.low, 400, low_pct)
    if high is not None:
        assert label.high == high
    if form and elemental is False:
        assert read("citrat 400 mg forbindelse").parts[0].dose == label.parts[0].dose


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("magnesiumcitrat 400 mg forbindelse", "magnesiumcitrat 400 mg"),
        ("magnesiumcitrat 400 mg (hele forbindelsen)", "magnesiumcitrat 400 mg"),
        ("citrat 400 mg?", "citrat 400 mg"),
        ("bisglycinat 100 mg elementært", "bisglycinat 100 mg elementært"),  # printed so
    ],
)
def test_the_label_is_kept_as_printed(typed: str, kept: str) -> None:
    assert as_printed(typed.split(), WORDS) == kept
