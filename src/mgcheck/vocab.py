"""Vocabulary shared by every layer: enumerations and sourced constants.

Kept free of pydantic and Rich so the CLI can declare its options without paying for them.
"""

from __future__ import annotations

from enum import Enum

# The article: "about 300 mg a day" is the usual dose for an adult. The default --target.
ARTICLE_DAILY_MG = 300.0


class Group(str, Enum):
    NUTS_SEEDS = "nuts_seeds"
    LEGUMES = "legumes"
    WHOLE_GRAINS = "whole_grains"
    VEGETABLES = "vegetables"
    FISH = "fish"
    DAIRY = "dairy"
    FRUIT = "fruit"
    OTHER = "other"


class State(str, Enum):
    RAW = "raw"
    COOKED = "cooked"
    DRY = "dry"
    CANNED = "canned"
    ROASTED = "roasted"
    BAKED = "baked"
    PREPARED = "prepared"


class RankBy(str, Enum):
    SERVING = "serving"
    PER_100G = "100g"
    ENERGY = "energy"


class Standard(str, Enum):
    """Which reference values to use. NNR is the default: Denmark follows the Nordic ones."""

    NNR = "nnr"
    EFSA = "efsa"
    IOM = "iom"


class Level(str, Enum):
    """How urgent a piece of guidance is; the order of the members is the order of urgency."""

    URGENT = "urgent"
    DOCTOR = "doctor"
    CAUTION = "caution"
    INFO = "info"
