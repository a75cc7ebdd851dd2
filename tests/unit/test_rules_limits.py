"""Reference intakes, upper limits and verdicts, with expected values from the reference notes.

Every expected figure is copied from ../shared/reference/magnesium.md (section a for intakes,
section b for upper limits), not from data/limits.yaml, so a wrong number in the data fails here.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgcheck.rules.limits import (
    Verdict,
    adult_intakes,
    article_against_limits,
    judge,
    reference_intake,
    upper_limit,
)
from mgcheck.store.datafiles import load_limits, load_sources, source_keys
from mgcheck.vocab import Sex, Standard

LIMITS = load_limits(source_keys(load_sources()))
NNR, EFSA, IOM = Standard.NNR, Standard.EFSA, Standard.IOM


@pytest.mark.parametrize(
    ("standard", "age", "sex", "pregnant", "breastfeeding", "expected"),
    [
        # a3, NNR 2023 adequate intakes
        (NNR, 2, "female", False, False, 170),
        (NNR, 3, "male", False, False, 170),  # "1-3 y" includes 3
        (NNR, 4, "male", False, False, 230),
        (NNR, 10, "female", False, False, 230),
        (NNR, 11, "female", False, False, 250),
        (NNR, 17, "male", False, False, 300),
        (NNR, 18, "female", False, False, 300),
        (NNR, 70, "male", False, False, 350),
        # a2, EFSA 2015 adequate intakes; pregnancy and lactation as other women
        (EFSA, 2, "male", False, False, 170),
        (EFSA, 3, "male", False, False, 230),  # "3-<10 y"
        (EFSA, 9, "female", False, False, 230),
        (EFSA, 10, "female", False, False, 250),
        (EFSA, 10, "male", False, False, 300),
        (EFSA, 40, "female", False, False, 300),
        (EFSA, 40, "male", False, False, 350),
        (EFSA, 30, "female", True, False, 300),
        (EFSA, 30, "female", False, True, 300),
        # a1, IOM RDAs
        (IOM, 1, "female", False, False, 80),
        (IOM, 8, "male", False, False, 130),
        (IOM, 13, "female", False, False, 240),
        (IOM, 16, "male", False, False, 410),
        (IOM, 16, "female", False, False, 360),
        (IOM, 16, "female", True, False, 400),
        (IOM, 16, "female", False, True, 360),
        (IOM, 25, "male", False, False, 400),
        (IOM, 25, "female", False, False, 310),
        (IOM, 25, "female", True, False, 350),
        (IOM, 25, "female", False, True, 310),
        (IOM, 45, "male", False, False, 420),
        (IOM, 45, "female", False, False, 320),
        (IOM, 45, "female", True, False, 360),
        (IOM, 45, "female", False, True, 320),
        (IOM, 80, "female", False, False, 320),
        (IOM, 80, "male", False, False, 420),
    ],
)
def test_reference_intakes(
    standard: Standard, age: int, sex: Sex, pregnant: bool, breastfeeding: bool, expected: float
) -> None:
    intake = reference_intake(LIMITS.standard(standard), age, Sex(sex), pregnant, breastfeeding)
    assert intake is not None
    assert intake.mg == expected
    assert not intake.no_separate_pregnancy_value


def test_nnr_pregnancy_is_flagged_not_invented() -> None:
    """NNR 2023 gives no verified pregnancy value ([U]): the women's value, marked as such."""
    intake = reference_intake(LIMITS.standard(NNR), 30, Sex.FEMALE, pregnant=True)
    assert intake is not None
    assert intake.mg == 300
    assert intake.no_separate_pregnancy_value


def test_pregnancy_flag_is_ignored_for_men() -> None:
    intake = reference_intake(LIMITS.standard(IOM), 40, Sex.MALE, pregnant=True)
    assert intake is not None
    assert intake.mg == 420


@pytest.mark.parametrize("standard", list(Standard))
def test_no_values_under_one_year(standard: Standard) -> None:
    assert reference_intake(LIMITS.standard(standard), 0, Sex.FEMALE) is None


def test_adult_intake_ranges() -> None:
    iom = adult_intakes(LIMITS.standard(IOM))
    assert (iom.female, iom.male) == ((310, 320), (400, 420))
    nnr = adult_intakes(LIMITS.standard(NNR))
    assert (nnr.female, nnr.male) == ((300, 300), (350, 350))


@pytest.mark.parametrize(
    ("standard", "age", "expected"),
    [
        # section b: EFSA/SCF and NNR 250 mg from age 4, none set for 1-3
        (NNR, 2, None),
        (NNR, 4, 250),
        (NNR, 40, 250),
        (EFSA, 3, None),
        (EFSA, 4, 250),
        (EFSA, 14, 250),
        (EFSA, 90, 250),
        # IOM: 65 (1-3), 110 (4-8), 350 (9+); none for infants
        (IOM, 0, None),
        (IOM, 1, 65),
        (IOM, 3, 65),
        (IOM, 4, 110),
        (IOM, 8, 110),
        (IOM, 9, 350),
        (IOM, 40, 350),
    ],
)
def test_upper_limits(standard: Standard, age: int, expected: float | None) -> None:
    row = upper_limit(LIMITS.standard(standard), age)
    assert (None if row is None else row.mg) == expected


@pytest.mark.parametrize(
    ("standard", "age", "low", "high", "verdict", "exceeded"),
    [
        (NNR, 40, 100, 100, Verdict.WITHIN, ()),
        (NNR, 40, 250, 250, Verdict.WITHIN, ()),  # at the limit is within it
        (NNR, 40, 251, 251, Verdict.ABOVE, (EFSA,)),
        (NNR, 40, 300, 300, Verdict.ABOVE, (EFSA,)),  # the article's dose, Nordic limit
        (IOM, 40, 300, 300, Verdict.WITHIN_CHOSEN_ONLY, (NNR, EFSA)),  # ... US limit
        (IOM, 40, 351, 351, Verdict.ABOVE, (NNR, EFSA)),
        (NNR, 40, 200, 300, Verdict.MAYBE_ABOVE, (EFSA,)),  # unknown hydrate straddles 250
        (EFSA, 3, 50, 50, Verdict.NO_LIMIT, ()),  # EFSA sets no limit at 1-3
        (IOM, 3, 66, 66, Verdict.ABOVE, ()),
        (IOM, 6, 100, 100, Verdict.WITHIN, ()),
        (IOM, 6, 200, 200, Verdict.ABOVE, ()),
    ],
)
def test_verdicts(
    standard: Standard,
    age: int,
    low: float,
    high: float,
    verdict: Verdict,
    exceeded: tuple[Standard, ...],
) -> None:
    judgement = judge(LIMITS, standard, age, low, high)
    assert judgement.verdict is verdict
    assert judgement.exceeded_others == exceeded


def test_article_figure_only_for_adults() -> None:
    assert judge(LIMITS, NNR, 40, 100, 100).article_mg == 300
    assert judge(LIMITS, NNR, 17, 100, 100).article_mg is None


def test_article_dose_sits_between_the_standards() -> None:
    """The article's ~300 mg: above the Nordic/EFSA 250 mg, within the US 350 mg."""
    comparison = article_against_limits(LIMITS)
    assert comparison.article_mg == 300
    assert {v.standard for v in comparison.above} == {NNR, EFSA}
    assert {v.standard for v in comparison.at_or_below} == {IOM}


SEVERITY = [
    Verdict.WITHIN,
    Verdict.WITHIN_CHOSEN_ONLY,
    Verdict.MAYBE_ABOVE,
    Verdict.ABOVE,
]


@given(
    standard=st.sampled_from(list(Standard)),
    age=st.integers(min_value=4, max_value=110),
    low=st.floats(min_value=0, max_value=3000),
    extra=st.floats(min_value=0, max_value=3000),
    more=st.floats(min_value=0, max_value=3000),
)
def test_more_magnesium_never_reads_as_safer(
    standard: Standard, age: int, low: float, extra: float, more: float
) -> None:
    """Raising a daily amount never lowers the verdict, and ABOVE means over the limit."""
    first = judge(LIMITS, standard, age, low, low + extra)
    second = judge(LIMITS, standard, age, low + more, low + extra + more)
    assert SEVERITY.index(second.verdict) >= SEVERITY.index(first.verdict)
    limit = first.chosen.mg
    assert limit is not None  # every standard sets a limit from age 4
    assert (first.verdict is Verdict.ABOVE) == (low > limit)
    assert (first.verdict in {Verdict.WITHIN, Verdict.WITHIN_CHOSEN_ONLY}) == (low + extra <= limit)


def test_judge_refuses_an_upside_down_range() -> None:
    with pytest.raises(ValueError):
        judge(LIMITS, NNR, 40, 300, 200)
