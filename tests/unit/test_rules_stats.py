"""Student's t of rules/stats.py against printed tables and closed forms (its own oracles)."""

from __future__ import annotations

import math

import pytest

from mgcheck.rules.stats import regularized_beta, t_quantile, t_upper_tail

# --- Student's t --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("df", "table"),
    # 97.5th percentiles of Student's t as printed in standard tables (3 decimals).
    [
        (1, 12.706),
        (2, 4.303),
        (3, 3.182),
        (4, 2.776),
        (5, 2.571),
        (6, 2.447),
        (8, 2.306),
        (10, 2.228),
        (20, 2.086),
        (30, 2.042),
    ],
)
def test_t_quantile_against_the_printed_table(df: int, table: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(table, abs=1e-3)


@pytest.mark.parametrize(
    ("df", "exact"),
    # The same quantiles to six decimals (tables of Student's t to 6 places).
    [(1, 12.706205), (2, 4.302653), (3, 3.182446), (5, 2.570582), (11, 2.200985)],
)
def test_t_quantile_to_six_decimals(df: int, exact: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(exact, abs=2e-6)


@pytest.mark.parametrize("p", [0.6, 0.9, 0.95, 0.975, 0.995, 0.9995])
def test_t_quantile_matches_the_closed_forms_for_one_two_and_four_degrees_of_freedom(
    p: float,
) -> None:
    """df = 1 is the Cauchy distribution, tan(pi (p - 1/2)); df = 2 has (2p-1)/sqrt(2p(1-p))."""
    assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-9)
    assert t_quantile(p, 2) == pytest.approx((2 * p - 1) / math.sqrt(2 * p * (1 - p)), rel=1e-9)
    # df = 4: t = 2 sqrt(q - 1), q = cos(arccos(sqrt(a)) / 3) / sqrt(a), a = 4p(1-p), for p > 1/2.
    a = 4 * p * (1 - p)
    q = math.cos(math.acos(math.sqrt(a)) / 3) / math.sqrt(a)
    assert t_quantile(p, 4) == pytest.approx(2 * math.sqrt(q - 1), rel=1e-9)


@pytest.mark.parametrize("df", [1, 3, 7, 11, 50])
def test_t_quantile_is_antisymmetric_and_inverts_the_tail(df: int) -> None:
    for p in (0.7, 0.9, 0.975):
        t = t_quantile(p, df)
        assert t_quantile(1 - p, df) == pytest.approx(-t, rel=1e-12)
        assert t_upper_tail(t, df) == pytest.approx(1 - p, rel=1e-9)
    assert t_quantile(0.5, df) == 0.0


def test_t_quantile_approaches_the_normal_quantile() -> None:
    assert t_quantile(0.975, 100_000) == pytest.approx(1.959964, abs=1e-4)


def test_regularized_beta_known_values() -> None:
    # I_x(1, 1) = x;  I_x(a, 1) = x^a;  I_x(1, b) = 1 - (1-x)^b;  I_1/2(a, a) = 1/2.
    assert regularized_beta(0.3, 1, 1) == pytest.approx(0.3, rel=1e-12)
    assert regularized_beta(0.4, 3, 1) == pytest.approx(0.4**3, rel=1e-12)
    assert regularized_beta(0.4, 1, 5) == pytest.approx(1 - 0.6**5, rel=1e-12)
    assert regularized_beta(0.5, 7.5, 7.5) == pytest.approx(0.5, rel=1e-12)
    assert (regularized_beta(0.0, 2, 3), regularized_beta(1.0, 2, 3)) == (0.0, 1.0)


@pytest.mark.parametrize(("p", "df"), [(0.0, 3), (1.0, 3), (-0.1, 3), (0.975, 0), (0.975, -2)])
def test_t_quantile_refuses_impossible_arguments(p: float, df: float) -> None:
    with pytest.raises(ValueError):
        t_quantile(p, df)


@pytest.mark.parametrize(
    ("df", "exact"),
    # Student's t, 97.5th percentile, from standard tables.
    [(10, 2.228139), (13, 2.160369), (26, 2.055529), (30, 2.042272), (100, 1.983972)],
)
def test_t_quantile_where_diary_comparisons_live(df: float, exact: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(exact, abs=1e-3)
