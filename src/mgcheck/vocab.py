"""Vocabulary shared by every layer: enumerations and sourced constants.

Kept free of pydantic and Rich so the CLI can declare its options without paying for them.
"""

from __future__ import annotations

from enum import Enum

# The full tables of `foods --all`, as their licences ask them to be named.
COMPOSITION_ATTRIBUTION = (
    "USDA National Nutrient Database for Standard Reference, Release 28 (public domain); "
    "Fineli, Finnish Food Composition Database, release 20, THL, www.fineli.fi (CC BY 4.0)"
)

# The article: "about 300 mg a day" is the usual dose for an adult. The default --target.
ARTICLE_DAILY_MG = 300.0


class FoodGroup(str, Enum):
    """The groups of the food tables (``foods --group``), by what a food is."""

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


# --- the answers of `mgcheck assess` (the documented answers-file format) ---------------------


class Sex(str, Enum):
    FEMALE = "female"
    MALE = "male"


class Condition(str, Enum):
    KIDNEY_DISEASE = "kidney_disease"
    BLEEDING_DISORDER = "bleeding_disorder"
    HEART_RHYTHM = "heart_rhythm"
    MYASTHENIA_GRAVIS = "myasthenia_gravis"
    TYPE2_DIABETES = "type2_diabetes"
    BOWEL_DISEASE = "bowel_disease"
    ALCOHOL = "alcohol"


class Medicine(str, Enum):
    """In the order the questions list them; LEGACY values are read from files but not offered."""

    BISPHOSPHONATE = "bisphosphonate"
    ANTIBIOTIC = "antibiotic"
    LEVOTHYROXINE = "levothyroxine"
    GABAPENTIN = "gabapentin"
    IRON = "iron"
    DIGOXIN = "digoxin"
    THIAZIDE_DIURETIC = "thiazide_diuretic"
    LOOP_DIURETIC = "loop_diuretic"
    POTASSIUM_SPARING_DIURETIC = "potassium_sparing_diuretic"
    CALCIUM_CHANNEL_BLOCKER = "calcium_channel_blocker"
    PPI = "ppi"
    MAGNESIUM_LAXATIVE_OR_ANTACID = "magnesium_laxative_or_antacid"
    LITHIUM = "lithium"
    ANTIHISTAMINE = "antihistamine"
    ANTIDEPRESSANT = "antidepressant"
    ANTIPSYCHOTIC = "antipsychotic"
    ANTINAUSEA = "antinausea"
    # Schema 1: one of the two, the person did not say which. Still accepted.
    LOOP_OR_THIAZIDE_DIURETIC = "loop_or_thiazide_diuretic"


class Symptom(str, Enum):
    """In the order the questions list them; LEGACY values are read from files but not offered."""

    DIARRHOEA = "diarrhoea"
    NAUSEA = "nausea"
    VOMITING = "vomiting"
    STOMACH_CRAMPS = "stomach_cramps"
    DIZZINESS = "dizziness"
    FAINTING = "fainting"
    DROWSINESS = "drowsiness"
    CONFUSION = "confusion"
    IRREGULAR_OR_SLOW_HEARTBEAT = "irregular_or_slow_heartbeat"
    BREATHING_DIFFICULTY = "breathing_difficulty"
    MUSCLE_WEAKNESS = "muscle_weakness"
    SPREADING_WEAKNESS_OR_NUMBNESS = "spreading_weakness_or_numbness"
    THOUGHTS_OF_SELF_HARM = "thoughts_of_self_harm"
    # Schema 1: one answer for both; read as fainting, the more serious of the two.
    DIZZINESS_OR_FAINTING = "dizziness_or_fainting"


# Answer values kept so that schema-1 answers files still load; the questions do not offer them.
LEGACY_VALUES = frozenset({"loop_or_thiazide_diuretic", "dizziness_or_fainting"})


class LookAlike(str, Enum):
    CRAMP_KNOT = "cramp_knot"
    POSITION_CHANGE_RELIEVES = "position_change_relieves"
    NUMB_OR_BURNING_ALWAYS = "numb_or_burning_always"
    PAIN_WHEN_WALKING = "pain_when_walking"
    JUST_A_HABIT = "just_a_habit"
    STARTED_WITH_NEW_MEDICINE = "started_with_new_medicine"
    ONE_LEG_SWOLLEN_WARM_RED = "one_leg_swollen_warm_red"


class Distress(str, Enum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


class DietGroup(str, Enum):
    """The groups of the diet estimate (the answers file's ``diet:``), by what people count
    in a day: not FoodGroup, since leafy greens are counted apart and "other" is not asked."""

    NUTS_SEEDS = "nuts_seeds"
    WHOLE_GRAINS = "whole_grains"
    LEGUMES = "legumes"
    LEAFY_GREENS = "leafy_greens"
    FISH = "fish"
    DAIRY = "dairy"
    FRUIT = "fruit"


class MagnesiumUnit(str, Enum):
    MMOL_L = "mmol/L"
    MG_DL = "mg/dL"
    MEQ_L = "mEq/L"


class FerritinUnit(str, Enum):
    UG_L = "ug/L"
    MICRO_G_L = "µg/L"
    NG_ML = "ng/mL"
