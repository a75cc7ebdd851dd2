"""Molar masses from formulas: how much of a supplement compound is magnesium.

Standard atomic weights as used in the reference notes (magnesium.md section i, [C]).
"""

from __future__ import annotations

import re
from collections import Counter

ATOMIC_WEIGHTS: dict[str, float] = {
    "Mg": 24.305,
    "C": 12.011,
    "H": 1.008,
    "O": 15.999,
    "N": 14.007,
    "S": 32.06,
    "Cl": 35.45,
}

_TOKEN = re.compile(r"([A-Z][a-z]?)(\d*)|(\()|(\))(\d*)")
_HYDRATE = re.compile(r"^(.*)·(\d*)H2O$")


def _count(formula: str) -> Counter[str]:
    stack: list[Counter[str]] = [Counter()]
    pos = 0
    while pos < len(formula):
        match = _TOKEN.match(formula, pos)
        if match is None:
            raise ValueError(f"cannot read formula {formula!r} at {formula[pos:]!r}")
        element, count, opening, closing, group_count = match.groups()
        if element:
            if element not in ATOMIC_WEIGHTS:
                raise ValueError(f"unknown element {element!r} in {formula!r}")
            stack[-1][element] += int(count or 1)
        elif opening:
            stack.append(Counter())
        elif closing:
            if len(stack) == 1:
                raise ValueError(f"unbalanced ')' in {formula!r}")
            group = stack.pop()
            for name, n in group.items():
                stack[-1][name] += n * int(group_count or 1)
        pos = match.end()
    if len(stack) != 1:
        raise ValueError(f"unbalanced '(' in {formula!r}")
    return stack[0]


def atoms(formula: str) -> Counter[str]:
    """Atoms in one formula unit; ``·9H2O`` adds nine waters of crystallisation."""
    hydrate = _HYDRATE.match(formula)
    if hydrate is None:
        return _count(formula)
    counts = _count(hydrate.group(1))
    waters = int(hydrate.group(2) or 1)
    counts["H"] += 2 * waters
    counts["O"] += waters
    return counts


def waters(formula: str) -> int:
    hydrate = _HYDRATE.match(formula)
    return int(hydrate.group(2) or 1) if hydrate else 0


def molar_mass(formula: str) -> float:
    return sum(ATOMIC_WEIGHTS[element] * n for element, n in atoms(formula).items())


def magnesium_fraction(formula: str) -> float:
    """Mass fraction of magnesium, 0-1: what a label's compound weight must be multiplied by."""
    counts = atoms(formula)
    if counts["Mg"] == 0:
        raise ValueError(f"{formula!r} contains no magnesium")
    return ATOMIC_WEIGHTS["Mg"] * counts["Mg"] / molar_mass(formula)
