"""The data behind `mgcheck assess`: words, findings, diet groups (records, as models/base)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from mgcheck.models.base import FoodTable, Text
from mgcheck.models.guidance import (
    FormsFile,
    GuidanceFile,
    Key,
    Keys,
    LimitsFile,
    SourceList,
)
from mgcheck.record import Record, field
from mgcheck.vocab import (
    Condition,
    DietGroup,
    Distress,
    Level,
    LookAlike,
    Medicine,
    Sex,
    Symptom,
)


class Labels(Record):
    sex: dict[Sex, Text]
    conditions: dict[Condition, Text]
    medicines: dict[Medicine, Text]
    symptoms: dict[Symptom, Text]
    look_alikes: dict[LookAlike, Text]
    distress: dict[Distress, Text]
    diet: dict[DietGroup, Text]
    other: dict[Annotated[str, Field(pattern=r"^[a-z_]+$")], Text]

    def check(self) -> None:
        for name, enum in (
            ("sex", Sex),
            ("conditions", Condition),
            ("medicines", Medicine),
            ("symptoms", Symptom),
            ("look_alikes", LookAlike),
            ("distress", Distress),
            ("diet", DietGroup),
        ):
            missing = {e.value for e in enum} - {k.value for k in getattr(self, name)}
            if missing:
                raise ValueError(f"{name}: no label for {', '.join(sorted(missing))}")


class QuestionsFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    labels: Labels
    questions: dict[Annotated[str, Field(pattern=r"^[a-z_]+$")], Text]


# The situations a finding may have other words for; the rules name one (rules/assess/).
VARIANTS = frozenset(
    {
        *("taking", "taking-iron", "unlikely", "severe", "child", "toxic", "stomach"),
        *("kidney", "call-112", "lung", "urgent", "laxative", "maybe", "older", "both"),
        "older-taking",
    }
)


class FindingVariant(Record, kw_only=True):
    title: Text | None = None
    text: Text


class Escalation(Record):
    """A worse band in which the finding takes a higher level (the rules decide when)."""

    level: Level
    when: Text


class FindingText(Record):
    id: Key
    level: Level
    when: Text  # the condition in words, for the triage table (docs/triage.md)
    title: Text | None = None
    text: Text | None = None
    sources: list[Key] = field(default_factory=list)
    guidance: Key | None = None  # reuse this guidance item's title, text and sources
    extra: Text | None = None  # a sentence added after the text (e.g. the regional numbers)
    variants: dict[Key, FindingVariant] = field(default_factory=dict)
    escalates: Escalation | None = None

    def check(self) -> None:
        own = self.title is not None and self.text is not None and bool(self.sources)
        if own == (self.guidance is not None):
            raise ValueError("give either title, text and sources, or guidance: ITEM")
        unknown = set(self.variants) - VARIANTS
        if unknown:
            raise ValueError(f"unknown variant(s): {', '.join(sorted(unknown))}")
        if self.escalates and list(Level).index(self.escalates.level) >= list(Level).index(
            self.level
        ):
            raise ValueError("escalates: the level must be more urgent than the finding's own")

    def words(self, variant: str | None) -> tuple[Text, Text]:
        """The title and text for a situation; a finding without that variant keeps its own."""
        assert self.title is not None and self.text is not None
        chosen = self.variants.get(variant) if variant else None
        if chosen is None:
            return self.title, self.text
        return chosen.title or self.title, chosen.text


class Phrase(Record):
    text: Text
    sources: Keys


class FindingsFile(Record):
    schema_version: Annotated[int, Field(ge=2, le=2)]
    findings: Annotated[list[FindingText], Field(min_length=1)]
    phrases: dict[Key, Phrase] = field(default_factory=dict)


class DietFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    groups: dict[DietGroup, Annotated[list[Key], Field(min_length=1)]]

    def check(self) -> None:
        missing = {e.value for e in DietGroup} - {k.value for k in self.groups}
        if missing:
            raise ValueError(f"groups: nothing for {', '.join(sorted(missing))}")


class AssessData(Record):
    """Everything the self-check reads, loaded and cross-checked once."""

    sources: SourceList
    limits: LimitsFile
    forms: FormsFile
    guidance: GuidanceFile
    foods: FoodTable
    questions: QuestionsFile
    findings: list[FindingText]
    phrases: dict[str, Phrase]
    diet: DietFile
