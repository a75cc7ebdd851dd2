"""The data behind `mgcheck assess`: words, findings, diet groups (records, as models/base)."""

from __future__ import annotations

from enum import Enum
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
        *("older-taking", "drying", "default-range", "signs", "measured"),
        *("breastfeeding", "breastfeeding-taking", "with-supplement", "legs", "no-legs"),
        *("ferritin-above", "child-taking", "low-side", "ferritin-only", "held"),
        "supplement",
    }
)


class Action(str, Enum):
    """What to do with magnesium, decided once per report; the order is of restraint, the
    most restraining first: where the table's rows disagree, the first of them wins."""

    STOP_NOW = "stop_now"
    PAUSE_UNTIL_DOCTOR = "pause_until_doctor"
    DO_NOT_START = "do_not_start"
    KEEP_UNDER_LIMIT = "keep_under_limit"  # adults only
    MAY_START = "may_start"
    FINE_AS_IS = "fine_as_is"


class TimeFrame(str, Enum):
    """When to get help; the most urgent first."""

    CALL_112 = "call_112"
    TODAY = "today"
    WITHIN_DAYS = "within_days"
    NEXT_VISIT = "next_visit"


class Explanation(str, Enum):
    """What may lie behind the answers; the table ranks them for each person."""

    TOO_MUCH_MAGNESIUM = "too_much_magnesium"
    TOO_LITTLE_MAGNESIUM = "too_little_magnesium"
    MEDICINE_LOWERS_MAGNESIUM = "medicine_lowers_magnesium"
    LITHIUM_TOXICITY = "lithium_toxicity"
    DIGOXIN_TOXICITY = "digoxin_toxicity"
    SIDE_EFFECT_OF_SUPPLEMENT = "side_effect_of_supplement"
    IRON_DEFICIENCY = "iron_deficiency"
    ANOTHER_ILLNESS = "another_illness"
    # Red flags and conditions named as what they are (review 2): never "another illness".
    SELF_HARM = "self_harm"
    BLOOD_CLOT = "blood_clot"
    KIDNEY_DISEASE = "kidney_disease"


# The situations the plan's words may have other words for (rules/assess/plan.py names one).
PLAN_VARIANTS = frozenset(
    {
        *("child", "low", "low-112", "high", "urgent", "above", "label", "pregnant"),
        *("breastfeeding", "measured", "intake", "edge", "risk", "doctor", "caution"),
        *("info", "borderline"),
    }
)


class FindingVariant(Record, kw_only=True):
    title: Text | None = None
    text: Text
    # The sources of these words where they differ from the finding's own (review 2: a
    # citation supports its sentence); None: the finding's.
    sources: list[Key] | None = None


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

    def sources_of(self, variant: str | None) -> list[str]:
        """The sources of the words for a situation: the variant's own, or the finding's."""
        chosen = self.variants.get(variant) if variant else None
        if chosen is None or chosen.sources is None:
            return self.sources
        return chosen.sources


class Phrase(Record):
    text: Text
    sources: Keys


class PlanWords(Record, kw_only=True):
    """The words of one action, time frame or explanation, with other words for some
    situations (PLAN_VARIANTS) and the sources they rest on."""

    title: Text
    text: Text
    variants: dict[Key, FindingVariant] = field(default_factory=dict)
    # May be empty where the words only join phrases and rows' reasons, which cite their own.
    sources: list[Key]

    def check(self) -> None:
        unknown = set(self.variants) - PLAN_VARIANTS
        if unknown:
            raise ValueError(f"unknown variant(s): {', '.join(sorted(unknown))}")

    def words(self, variant: str | None) -> tuple[Text, Text]:
        chosen = self.variants.get(variant) if variant else None
        if chosen is None:
            return self.title, self.text
        return chosen.title or self.title, chosen.text

    def sources_of(self, variant: str | None) -> list[str]:
        """The sources of the words for a situation: the variant's own, or these words'."""
        chosen = self.variants.get(variant) if variant else None
        if chosen is None or chosen.sources is None:
            return list(self.sources)
        return chosen.sources


class RowAction(Record, kw_only=True):
    """A row's magnesium action for someone who takes magnesium and for someone who does not;
    None where the row says nothing about it."""

    taking: Action | None = None
    not_taking: Action | None = None


class PlanRow(Record, kw_only=True):
    """One row of the plan table: when it applies (in words), and what it decides.

    Review 2: the plan names what set it. ``reason`` (a phrase) says what the row found, in the
    time frame's words when the row sets it; ``escalate`` (a phrase) when to get help sooner
    (112 beside "today", today beside "within days"); ``why`` (a phrase) why the row restrains
    magnesium, said with the action it sets. ``low_keeps``: the row restrains magnesium only for
    a medicine, a look-alike or a caution that a measured low value outweighs (magnesium itself
    is not harmful at a low level), so beside a measured low value it restrains nothing."""

    id: Key
    when: Text
    action: RowAction | None = None
    time_frame: TimeFrame | None = None
    reason: Key | None = None
    escalate: Key | None = None
    why: Key | None = None
    low_keeps: bool = False
    sources: Keys

    @property
    def restrains(self) -> bool:
        """Its action keeps magnesium from someone: stop, pause or "do not start"."""
        held = (Action.STOP_NOW, Action.PAUSE_UNTIL_DOCTOR, Action.DO_NOT_START)
        return self.action is not None and (
            self.action.taking in held or self.action.not_taking in held
        )

    def check(self) -> None:
        if self.action is None and self.time_frame is None:
            raise ValueError(f"{self.id}: a row decides an action, a time frame or both")
        if self.restrains and self.why is None:
            raise ValueError(f"{self.id}: a row that holds magnesium back says why (why:)")
        if self.time_frame in (TimeFrame.CALL_112, TimeFrame.TODAY, TimeFrame.WITHIN_DAYS) and (
            self.reason is None
        ):
            raise ValueError(f"{self.id}: a row that sets a time to get help says why (reason:)")
        if self.action is not None and self.action.taking in (
            Action.DO_NOT_START,
            Action.MAY_START,
            Action.FINE_AS_IS,
        ):
            raise ValueError(f"{self.id}: someone taking magnesium cannot be told to start")
        if self.action is not None and self.action.not_taking in (
            Action.STOP_NOW,
            Action.PAUSE_UNTIL_DOCTOR,
            Action.KEEP_UNDER_LIMIT,
        ):
            raise ValueError(f"{self.id}: someone not taking magnesium has nothing to stop")


class ExplainRule(Record, kw_only=True):
    """One way an explanation comes in; the rules' order in the file is their rank."""

    id: Key
    explanation: Explanation
    when: Text
    sources: Keys


class PlanTable(Record):
    """The one plan of a report: the words of every action, time frame and explanation, the
    rows that decide action and time frame, and the rules that rank the explanations."""

    actions: dict[Action, PlanWords]
    time_frames: dict[TimeFrame, PlanWords]
    explanations: dict[Explanation, PlanWords]
    rows: Annotated[list[PlanRow], Field(min_length=1)]
    explain: Annotated[list[ExplainRule], Field(min_length=1)]

    def check(self) -> None:
        for name, enum in (
            ("actions", Action),
            ("time_frames", TimeFrame),
            ("explanations", Explanation),
        ):
            missing = {e.value for e in enum} - {k.value for k in getattr(self, name)}
            if missing:
                raise ValueError(f"{name}: no words for {', '.join(sorted(missing))}")
        for kind, rules in (("rows", self.rows), ("explain", self.explain)):
            ids = [rule.id for rule in rules]
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"{kind}: duplicate id {duplicates[0]}")


class FindingsFile(Record):
    schema_version: Annotated[int, Field(ge=2, le=2)]
    findings: Annotated[list[FindingText], Field(min_length=1)]
    plan: PlanTable
    phrases: dict[Key, Phrase] = field(default_factory=dict)

    def check(self) -> None:
        for row in self.plan.rows:
            for name in ("reason", "escalate", "why"):
                key = getattr(row, name)
                if key is not None and key not in self.phrases:
                    raise ValueError(f"plan.rows.{row.id}: {name} '{key}' is not in phrases")


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
    plan: PlanTable
