"""What a rule raises: a finding's id, the situation's variant, and the values its words need.

The words themselves live in data/findings.yaml; :mod:`mgcheck.results.assess` turns each value
below into text in the chosen language.
"""

from __future__ import annotations

from mgcheck.record import Record, field
from mgcheck.rules.limits import LimitView
from mgcheck.vocab import Level, Medicine, Standard, Symptom

# Out-of-hours lines named in urgent texts: every region's (guidance.yaml helplines).
OUT_OF_HOURS = ("capital", "zealand", "southern", "central", "north")


# Values a finding's words need; mgcheck.results.assess turns each into text in the chosen language.
class Num(Record):
    value: float
    decimals: int = 0


class Span(Record):
    low: float
    high: float
    decimals: int = 0


class Names(Record):
    """Answer values to be named by their labels (kind: a field of data/questions.yaml labels)."""

    kind: str
    keys: tuple[str, ...]


class Others(Record):
    """The other standards' upper limits, named beside the chosen one's."""

    limits: tuple[LimitView, ...]


class HelpLines(Record):
    """Help lines by id (data/guidance.yaml), named with their numbers."""

    ids: tuple[str, ...]


class Phrases(Record):
    """Pieces of text from data/findings.yaml `phrases`, joined in order (may be empty). A
    phrase may name the other values of the same finding (``{dose}``)."""

    keys: tuple[str, ...]


class FormName(Record):
    """A supplement form's name (data/forms.yaml), in the report's language."""

    form: str


Param = Num | Span | Names | Others | HelpLines | Phrases | FormName | Standard


class Hit(Record):
    id: str
    params: dict[str, Param] = field(default_factory=dict)
    variant: str | None = None  # other words for the person's situation (findings.yaml)
    level: Level | None = None  # set only when the finding escalates above its own level


def out_of_hours() -> HelpLines:
    return HelpLines(OUT_OF_HOURS)


def names_of(
    kind: str, values: list[Symptom] | list[Medicine] | tuple[Symptom, ...] | tuple[Medicine, ...]
) -> Names:
    return Names(kind, tuple(v.value for v in values))


def phrases(*keys: str | None) -> Phrases:
    """The phrases named, leaving out the Nones (a phrase the situation does not call for)."""
    return Phrases(tuple(k for k in keys if k))
