"""Pydantic models for the data behind `mgcheck assess`: words, findings and the diet groups."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from mgcheck.models import Strict, Text
from mgcheck.models_guidance import Key, Keys
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


class Labels(Strict):
    sex: dict[Sex, Text]
    conditions: dict[Condition, Text]
    medicines: dict[Medicine, Text]
    symptoms: dict[Symptom, Text]
    look_alikes: dict[LookAlike, Text]
    distress: dict[Distress, Text]
    diet: dict[DietGroup, Text]
    other: dict[Annotated[str, Field(pattern=r"^[a-z_]+$")], Text]

    @model_validator(mode="after")
    def _every_value_named(self) -> Labels:
        for field, enum in (
            ("sex", Sex),
            ("conditions", Condition),
            ("medicines", Medicine),
            ("symptoms", Symptom),
            ("look_alikes", LookAlike),
            ("distress", Distress),
            ("diet", DietGroup),
        ):
            missing = {e.value for e in enum} - {k.value for k in getattr(self, field)}
            if missing:
                raise ValueError(f"{field}: no label for {', '.join(sorted(missing))}")
        return self


class Meaning(Strict):
    text: Text
    sources: Keys


class QuestionsFile(Strict):
    schema_version: int = Field(ge=1, le=1)
    labels: Labels
    look_alike_means: dict[LookAlike, Meaning]
    questions: dict[Annotated[str, Field(pattern=r"^[a-z_]+$")], Text]

    @model_validator(mode="after")
    def _every_look_alike_explained(self) -> QuestionsFile:
        missing = {e.value for e in LookAlike} - {k.value for k in self.look_alike_means}
        if missing:
            raise ValueError(f"look_alike_means: nothing for {', '.join(sorted(missing))}")
        return self


class FindingText(Strict):
    id: Key
    level: Level
    title: Text | None = None
    text: Text | None = None
    sources: list[Key] = Field(default_factory=list)
    guidance: Key | None = None  # reuse this guidance item's title, text and sources

    @model_validator(mode="after")
    def _own_words_or_guidance(self) -> FindingText:
        own = self.title is not None and self.text is not None and bool(self.sources)
        if own == (self.guidance is not None):
            raise ValueError("give either title, text and sources, or guidance: ITEM")
        return self


class FindingsFile(Strict):
    schema_version: int = Field(ge=1, le=1)
    findings: list[FindingText] = Field(min_length=1)


class DietFile(Strict):
    schema_version: int = Field(ge=1, le=1)
    groups: dict[DietGroup, Annotated[list[Key], Field(min_length=1)]]

    @model_validator(mode="after")
    def _every_group(self) -> DietFile:
        missing = {e.value for e in DietGroup} - {k.value for k in self.groups}
        if missing:
            raise ValueError(f"groups: nothing for {', '.join(sorted(missing))}")
        return self
