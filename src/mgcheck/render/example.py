"""`mgcheck assess --example`: a commented answers file in the chosen language."""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import Enum
from typing import TYPE_CHECKING, Any

from mgcheck.i18n import _
from mgcheck.vocab import LEGACY_VALUES, Condition, LookAlike, Medicine, Symptom

if TYPE_CHECKING:
    from mgcheck.models.answers import Answers


def _any_of(enum: type[Enum]) -> str:
    """The values a list answer takes, from the vocabulary itself (schema-1 values left out)."""
    values = ", ".join(e.value for e in enum if e.value not in LEGACY_VALUES)
    return _("any of: {values}").format(values=values)


def _comments() -> dict[str, str]:
    """The comment beside each key, in the current language: the example and a saved answers
    file explain their keys alike."""
    return {
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
        "mg": _("mmol/L, mg/dL or mEq/L; range: as printed on the result (optional)"),
        "fe": _("ug/L, µg/L or ng/mL (the same)"),
    }


def example_yaml() -> str:
    c = _comments()
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
  magnesium: {{value: 0.68, unit: mmol/L, range: [0.70, 1.00]}}   # {c["mg"]}
  ferritin: {{value: 40, unit: ug/L}}        # {c["fe"]}
  transferrin_saturation: {{value: 18, unit: "%"}}   # {c["tsat"]}
"""


# --- a person's own answers, saved for next time ------------------------------------------------

_PLAIN = re.compile(r"[a-z][a-z0-9_]*")
# Words YAML 1.1 (which PyYAML reads) would take for booleans or null.
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string too


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def answers_yaml(answers: Answers, date: dt.date) -> str:
    """``answers`` as an answers file (the format of ``--example``, read by ``--answers``):
    what the interview found out, to run the self-check again without the questions."""
    c = _comments()
    keys = {
        "schema_version": c["schema"],
        "age": c["age"],
        "sex": c["sex"],
        "conditions": c["conditions"],
        "medicines": c["medicines"],
        "magnesium": c["magnesium"],
        "symptoms_now": c["symptoms"],
        "legs": c["legs"],
        "diet": c["diet"],
        "labs": c["labs"],
    }
    head = _("mgcheck answers, saved {date}. Change them, then run: mgcheck assess --answers FILE")
    lines = [f"# {head.format(date=date.isoformat())}"]
    for key, value in answers.model_dump(mode="json", exclude_none=True).items():
        comment = keys.get(key)
        if isinstance(value, dict):  # a block, one key a line, as in the example
            lines.append(f"{key + ':':<28} # {comment}" if comment else f"{key}:")
            lines += [f"  {k}: {_flow(v)}" for k, v in value.items() if v is not None]
            continue
        line = f"{key}: {_flow(value)}"
        lines.append(f"{line:<28} # {comment}" if comment else line)
    return "\n".join(lines) + "\n"
