"""`mgcheck assess --example`: a commented answers file in the chosen language."""

from __future__ import annotations

from mgcheck.i18n import _


def example_yaml() -> str:
    c = {
        "head": _("mgcheck answers file. Save it, change it, run: mgcheck assess --answers FILE"),
        "age": _("whole years"),
        "sex": _("female or male"),
        "pregnant": _("optional, default false; likewise breastfeeding"),
        "conditions": _(
            "any of: kidney_disease, bleeding_disorder, heart_rhythm, myasthenia_gravis, "
            "type2_diabetes, bowel_disease, alcohol"
        ),
        "medicines": _(
            "any of: bisphosphonate, antibiotic, levothyroxine, gabapentin, "
            "loop_or_thiazide_diuretic, potassium_sparing_diuretic, ppi, "
            "magnesium_laxative_or_antacid, antihistamine, antidepressant, antipsychotic, "
            "antinausea"
        ),
        "magnesium": _("a supplement taken now; leave out, or null, if none"),
        "form": _("a form mgcheck dose --list knows, or unknown"),
        "amount": _("the amount the label states per tablet or dose"),
        "elemental": _("true when the label states magnesium itself"),
        "considering": _("not taking any, but thinking of starting"),
        "symptoms": _(
            "any of: diarrhoea, nausea, vomiting, stomach_cramps, dizziness_or_fainting, "
            "confusion, irregular_or_slow_heartbeat, breathing_difficulty, muscle_weakness"
        ),
        "legs": _("leave out, or null, when there are no leg symptoms"),
        "look_alikes": _(
            "any of: cramp_knot, position_change_relieves, numb_or_burning_always, "
            "pain_when_walking, just_a_habit, started_with_new_medicine, one_leg_swollen_warm_red"
        ),
        "days": _("0-7, usual over recent months"),
        "distress": _("none, mild, moderate or severe"),
        "diet": _("portions a day, decimals allowed; leave out to skip the estimate"),
        "labs": _("optional values from a blood test"),
        "mg": _("mmol/L, mg/dL or mEq/L"),
        "fe": _("ug/L, µg/L or ng/mL (the same)"),
    }
    return f"""# {c["head"]}
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
"""
