"""The full USDA SR28 and Fineli 20 tables, loaded only when `foods --all` asks for them."""

from __future__ import annotations

import csv
from pathlib import Path

from mgcheck.rules.foods import CompositionRow
from mgcheck.store.datafiles import DATA_DIR

COMPOSITION_FILE = DATA_DIR / "composition" / "food_magnesium.csv"


def load_composition(path: Path = COMPOSITION_FILE) -> list[CompositionRow]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)  # header
        return [
            CompositionRow(row[0], row[1], row[2], row[3], float(row[4]), float(row[5]))
            for row in reader
        ]
