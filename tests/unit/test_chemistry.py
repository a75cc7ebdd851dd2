"""Elemental magnesium in every supplement form, checked against chemistry done here by hand.

The compositions below are written out atom by atom (not parsed), and the atomic weights are the
standard ones the research notes use; mgcheck's parser must agree with both, and with the
published table in tests/reference/elemental_fractions.csv.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mgcheck.rules.chemistry import atoms, magnesium_fraction, molar_mass, waters
from mgcheck.store.datafiles import load_forms, load_sources, source_keys

WEIGHTS = {"Mg": 24.305, "C": 12.011, "H": 1.008, "O": 15.999, "N": 14.007, "S": 32.06, "Cl": 35.45}

# formula -> atoms per formula unit, counted by hand (water of crystallisation included).
BY_HAND: dict[str, dict[str, int]] = {
    "MgO": {"Mg": 1, "O": 1},
    "Mg(OH)2": {"Mg": 1, "O": 2, "H": 2},
    "MgCO3": {"Mg": 1, "C": 1, "O": 3},
    "Mg3(C6H5O7)2": {"Mg": 3, "C": 12, "H": 10, "O": 14},
    "Mg3(C6H5O7)2·9H2O": {"Mg": 3, "C": 12, "H": 28, "O": 23},
    "MgC6H6O7": {"Mg": 1, "C": 6, "H": 6, "O": 7},
    "MgC6H6O7·4H2O": {"Mg": 1, "C": 6, "H": 14, "O": 11},
    "Mg(C2H4NO2)2": {"Mg": 1, "C": 4, "H": 8, "N": 2, "O": 4},
    "MgCl2": {"Mg": 1, "Cl": 2},
    "MgCl2·6H2O": {"Mg": 1, "Cl": 2, "H": 12, "O": 6},
    "Mg(C3H5O3)2": {"Mg": 1, "C": 6, "H": 10, "O": 6},
    "Mg(C3H5O3)2·2H2O": {"Mg": 1, "C": 6, "H": 14, "O": 8},
    "MgSO4": {"Mg": 1, "S": 1, "O": 4},
    "MgSO4·7H2O": {"Mg": 1, "S": 1, "O": 11, "H": 14},
    "MgC4H4O5": {"Mg": 1, "C": 4, "H": 4, "O": 5},
    "MgC4H4O5·3H2O": {"Mg": 1, "C": 4, "H": 10, "O": 8},
    "Mg(C4H7O5)2": {"Mg": 1, "C": 8, "H": 14, "O": 10},
    "Mg(C4H6NO4)2": {"Mg": 1, "C": 8, "H": 12, "N": 2, "O": 8},
    "Mg(C4H6NO4)2·2H2O": {"Mg": 1, "C": 8, "H": 16, "N": 2, "O": 10},
    "Mg(C4H6NO4)2·4H2O": {"Mg": 1, "C": 8, "H": 20, "N": 2, "O": 12},
    "Mg(C4H6NO4)Cl·3H2O": {"Mg": 1, "C": 4, "H": 12, "N": 1, "O": 7, "Cl": 1},
    "Mg(C2H6NO3S)2": {"Mg": 1, "C": 4, "H": 12, "N": 2, "O": 6, "S": 2},
    "Mg(C5H3N2O4)2": {"Mg": 1, "C": 10, "H": 6, "N": 4, "O": 8},
    "Mg(C5H3N2O4)2·2H2O": {"Mg": 1, "C": 10, "H": 10, "N": 4, "O": 10},
    "Mg(C6H11O7)2": {"Mg": 1, "C": 12, "H": 22, "O": 14},
    "Mg(C6H11O7)2·2H2O": {"Mg": 1, "C": 12, "H": 26, "O": 16},
    "Mg(C5H6NO3)2": {"Mg": 1, "C": 10, "H": 12, "N": 2, "O": 6},
}

FORMS = load_forms(source_keys(load_sources()))
VARIANTS = [(form.id, v.id, v.formula) for form in FORMS.forms for v in form.variants if v.formula]
AS_SOLD = [v for form in FORMS.forms for v in form.variants if v.as_sold is not None]
REFERENCE_CSV = Path(__file__).resolve().parent.parent / "reference" / "elemental_fractions.csv"


def _by_hand_fraction(formula: str) -> float:
    counts = BY_HAND[formula]
    mass = sum(WEIGHTS[element] * n for element, n in counts.items())
    return WEIGHTS["Mg"] * counts["Mg"] / mass


@pytest.mark.parametrize(("form", "variant", "formula"), VARIANTS, ids=[v[1] for v in VARIANTS])
def test_every_variant_matches_chemistry_by_hand(form: str, variant: str, formula: str) -> None:
    assert formula in BY_HAND, f"{variant}: add {formula} to BY_HAND, counted by hand"
    assert dict(atoms(formula)) == BY_HAND[formula]
    assert magnesium_fraction(formula) == pytest.approx(_by_hand_fraction(formula), rel=1e-12)


def test_every_published_fraction_is_reproduced() -> None:
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 26
    shipped = {formula for _f, _v, formula in VARIANTS}
    for row in rows:
        formula = row["formula"]
        assert formula in shipped, f"{row['form']} is in the reference table but not in forms.yaml"
        assert molar_mass(formula) == pytest.approx(float(row["molar_mass_g_per_mol"]), abs=0.011)
        assert round(magnesium_fraction(formula) * 100, 1) == float(
            row["elemental_mg_fraction_pct"]
        )
        assert round(100 / magnesium_fraction(formula)) == int(row["mg_compound_per_100mg_Mg"])


@pytest.mark.parametrize(
    ("formula", "percent"),
    [
        ("MgO", 60.3),  # the issue's oxide figure
        ("Mg3(C6H5O7)2", 16.2),  # trimagnesium citrate, anhydrous
        ("Mg3(C6H5O7)2·9H2O", 11.9),  # ... nonahydrate
        ("Mg(C2H4NO2)2", 14.1),  # bisglycinate
    ],
)
def test_figures_named_in_the_issue(formula: str, percent: float) -> None:
    assert round(magnesium_fraction(formula) * 100, 1) == percent


def test_epsom_salt_against_the_injection_label() -> None:
    """SmPC for magnesium sulfate 10 %: 1 g of the heptahydrate holds 98.6 mg magnesium."""
    assert 1000 * magnesium_fraction("MgSO4·7H2O") == pytest.approx(98.6, abs=0.05)


def test_citrate_dibasic_tetrahydrate_is_the_tga_figure() -> None:
    """magnesium.md k: the TGA gives 8.5 % magnesium for citrate "dibasic tetrahydrate"."""
    assert round(magnesium_fraction("MgC6H6O7·4H2O") * 100, 1) == 8.5


def test_forms_as_sold_use_the_products_own_figures() -> None:
    """magnesium.md k: Mag 2 sachets 2.25 g -> 184 mg (French SmPC); an L-threonate label
    2,000 mg -> 144 mg, less than the anhydrous formula's 165 mg."""
    from mgcheck.rules.dose import variant_fraction

    figures = {v.id: variant_fraction(v) for v in AS_SOLD}
    assert figures["pidolate-as-sold"] == pytest.approx(184 / 2250)
    assert figures["threonate-as-sold"] == pytest.approx(144 / 2000)
    assert 2000 * magnesium_fraction("Mg(C4H7O5)2") == pytest.approx(165, abs=0.5)


def test_waters_of_crystallisation() -> None:
    assert waters("MgCl2·6H2O") == 6
    assert waters("MgCl2") == 0
    assert waters("Mg3(C6H5O7)2·9H2O") == 9


@pytest.mark.parametrize("formula", ["Mg(OH", "MgOH)2", "MgXy", "CO2", "mgo"])
def test_bad_formulas_are_refused(formula: str) -> None:
    with pytest.raises(ValueError):
        magnesium_fraction(formula)
