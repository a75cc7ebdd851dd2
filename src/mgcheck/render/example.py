"""`mgcheck assess --example`: a commented answers file in the chosen language."""

from __future__ import annotations

from enum import Enum

from mgcheck.i18n import _
from mgcheck.vocab import LEGACY_VALUES, Condition, LookAlike, Medicine, Symptom


def _any_of(enum: type[Enum]) -> str:
    """The values a list answer takes, from the vocabulary itself (schema-1 values left out)."""
    values = ", ".join(e.value for e in enum if e.value not in LEGACY_VALUES)
    return _("any of: {values}").format(values=values)


def example_yaml() -> str:
    c = {
        "head": _("mgcheck answers file. Save it, change it, run: mgcheck assess --answers FILE"),
        "age": _("whole years"),
        "sex": _("female or male"),
        "pregnant": _("optional, default false; likewise breastfeeding"),
        "conditions": _any_of(Condition),
        "medicines": _any_of(Medicine),
        "magnesium": _("a supplement taken now; leave out, or null, if none"),
        "form": _("a form mgcheck dose --list knows, or unknown"),
        "amount": _("the amount the label states per tablet or dose"),
        "elemental": _("true when the label states magnesium itself; unknown if you cannot tell"),
        "schema": _("the answers format; 1 (older files) is read too"),
        "tsat": _("transferrin saturation, in %"),
        "considering": _("not taking any, but thinking of starting"),
        "symptoms": _any_of(Symptom),
        "legs": _("leave out, or null, when there are no leg symptoms"),
        "look_alikes": _any_of(LookAlike),
        "days": _("0-7, usual over recent months"),
        "distress": _("none, mild, moderate or severe"),
        "diet": _("portions a day, decimals allowed; leave out to skip the estimate"),
        "labs": _("optional values from a blood test"),
        "mg": _("mmol/L, mg/dL or mEq/L"),
        "fe": _("ug/L, µg/L or ng/mL (the same)"),
    }
    return f"""# {c["head"]}
schema_version: 2            # {c["schema"]}
age: 52                      # {c["age"]}
sex: female                  # {c["sex"]}
pregnant: false              # {c["pregnant"]}
breastfeeding: false
conditions: []               # {c["conditions"]}
medicines: []                # {c["medicines"]}
magnesium:                   # {c["magnesium"]}
  form: citrate              # {c["form"]}
  amount_mg: 400             # {c["amount"]}
  elemental: false           # {c["elemental"]}
  per_day: 2
considering_magnesium: false # {c["considering"]}
symptoms_now: []             # {c["symptoms"]}
legs:                        # {c["legs"]}
  urge_to_move: true
  worse_at_rest: true
  better_when_moving: true
  worse_evening_night: true
  look_alikes: []            # {c["look_alikes"]}
  days_per_week: 3           # {c["days"]}
  distress: moderate         # {c["distress"]}
  sleep_disturbed: true
diet:                        # {c["diet"]}
  nuts_seeds: 0.5
  whole_grains: 2
  legumes: 0
  leafy_greens: 1
  fish: 0.3
  dairy: 2
  fruit: 1
labs:                        # {c["labs"]}
  magnesium: {{value: 0.68, unit: mmol/L}}   # {c["mg"]}
  ferritin: {{value: 40, unit: ug/L}}        # {c["fe"]}
  transferrin_saturation: {{value: 18, unit: "%"}}   # {c["tsat"]}
"""
