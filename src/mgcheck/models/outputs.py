"""The shapes of every JSON document mgcheck writes, for `mgcheck schemas`.

Typed dictionaries, not models: nothing is validated at run time. ``mgcheck schemas KIND``
turns one into a JSON Schema (with Pydantic, which only that command imports), and
``tests/cli/test_schemas.py`` checks every document of the golden transcripts against it.
Each document starts with the envelope of :mod:`mgcheck.envelope`.
"""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import NotRequired, TypedDict

# Every shape refuses keys it does not name, so a new field fails the tests until it is added.
CLOSED: Any = {"extra": "forbid"}


class Envelope(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    schema: str
    schema_version: Literal[1]
    language: Literal["da", "en"]


class Span(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    low: float
    high: float


class OtherLimit(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    standard: str
    upper_limit_mg: float | None


# --- foods -----------------------------------------------------------------------------------


class FoodsQuery(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    by: str
    group: str | None
    search: str | None
    article: bool
    top: int
    target_mg: float


class FoodSource(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    dataset: str
    id: str
    description: str


class Names(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    da: str
    en: str


class FoodOut(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    name: str
    names: Names
    group: str
    state: str
    mg_per_100g: float
    kcal_per_100g: float
    serving_g: float
    serving_label: str
    mg_per_serving: float
    mg_per_100kcal: float | None
    pct_of_target: float
    servings_to_target: float | None
    in_article: bool
    proxy_for: str | None
    note: str | None
    source: FoodSource


class Foods(Envelope):
    query: FoodsQuery
    matched: int
    shown: int
    foods: list[FoodOut]


class CompositionQuery(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    search: str
    by: str


class CompositionFood(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    dataset: str
    id: str
    description: str
    food_group: str
    mg_per_100g: float
    kcal_per_100g: float


class CompositionTry(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    search: str
    matched: int


class CompositionSource(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    dataset: str
    id: str


class CompositionFoundVia(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    name: str
    source: CompositionSource
    searches: list[CompositionTry]


class Composition(Envelope):
    query: CompositionQuery
    matched: int
    shown: int
    attribution: str
    foods: list[CompositionFood]
    found_via: list[CompositionFoundVia]  # a Danish name found through the curated table


# --- warnings and sources --------------------------------------------------------------------


class Timing(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    medicine_before_h: float
    medicine_after_h: float


class WarningItem(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    title: str
    text: str
    sources: list[str]
    applies_to: list[str]
    timing: Timing | None


class Helpline(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    number: str | None
    name: str
    when: str
    sources: list[str]


class Helplines(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    last_checked: str
    lines: list[Helpline]


class Intake(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    ages: list[int | None]
    female_mg: float
    male_mg: float
    pregnant_mg: float | None
    breastfeeding_mg: float | None


class UpperLimit(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    ages: list[int | None]
    mg: float | None
    sources: list[str]


class StandardOut(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    short: str
    name: str
    intake_kind: str
    intakes: list[Intake]
    pregnancy_note: str
    intake_sources: list[str]
    upper_limits: list[UpperLimit]
    no_limit_note: str


class LimitsOut(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    chosen: str
    article_mg: float
    article_above: list[str]
    article_at_or_below: list[str]
    standards: list[StandardOut]


class Section(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    level: Literal["urgent", "doctor", "caution", "info"]
    title: str
    items: list[WarningItem]
    helplines: NotRequired[Helplines]
    limits: NotRequired[LimitsOut]


class Warnings(Envelope):
    standard: str
    sections: list[Section]


class SourceReadVia(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    url: str
    what: str


class SourceOut(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    number: int
    key: str
    citation: str  # as a doctor cites it (Vancouver-like), in the document's language
    kind: Literal["article", "book", "chapter", "web", "dataset", "computed"]
    authors: list[str]
    et_al: bool
    editors: bool
    organisation: str
    title: str
    series: str | None
    container: str | None
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    pmid: str | None
    pmcid: str | None
    url: str | None  # the work's own link: doi.org, PubMed, the publisher or authority
    read: Literal["direct", "secondary"]
    read_via: SourceReadVia | None  # the copy or quoting page read; never the link
    checked: str
    note: str | None


class Sources(Envelope):
    sources: list[SourceOut]


# --- dose ------------------------------------------------------------------------------------


class DoseForm(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    name: str
    sources: list[str]


class DoseVariant(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    label: str
    formula: str | None
    magnesium_pct: float
    per_unit_mg: float


class DosePart(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    form: str | None
    amount_mg: float
    per_unit_mg: Span


class Dose(Envelope):
    form: DoseForm | None
    variants: list[DoseVariant]
    amount_mg: float
    elemental_input: bool
    reading: Literal["label", "elemental", "both", "any_form", "parts"]
    parts: list[DosePart]
    band: Literal["ordinary", "far_above", "toxic"]
    per_day: int
    per_unit_mg: Span
    per_day_mg: Span
    standard: str
    upper_limit_mg: float | None
    other_limits: list[OtherLimit]
    article_mg: float
    verdict: Literal["within", "within_chosen_only", "maybe_above", "above", "no_limit"]
    verdict_text: str


class AsSold(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    compound_mg: float
    magnesium_mg: float
    sources: list[str]


class FormVariant(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    label: str
    formula: str | None
    molar_mass: float | None
    magnesium_pct: float
    as_sold: AsSold | None


class FormOut(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    name: str
    aliases: list[str]
    variants: list[FormVariant]
    absorption: str
    stomach: str
    label_note: str | None
    sources: list[str]


class Forms(Envelope):
    forms: list[FormOut]


# --- assess ----------------------------------------------------------------------------------


class Finding(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    level: Literal["urgent", "doctor", "caution", "info"]
    title: str
    text: str
    sources: list[str]


class PlanPart(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    title: str
    text: str


class PlanAction(PlanPart):
    id: Literal[  # type: ignore[misc]
        "stop_now",
        "pause_until_doctor",
        "do_not_start",
        "keep_under_limit",
        "may_start",
        "fine_as_is",
    ]


class PlanTimeFrame(PlanPart):
    id: Literal["call_112", "today", "within_days", "next_visit"]  # type: ignore[misc]


class PlanExplanation(PlanPart):
    id: Literal[  # type: ignore[misc]
        "too_much_magnesium",
        "too_little_magnesium",
        "medicine_lowers_magnesium",
        "lithium_toxicity",
        "digoxin_toxicity",
        "side_effect_of_supplement",
        "iron_deficiency",
        "another_illness",
    ]


class ReportPlan(TypedDict):
    """The one plan (issue 17): the magnesium action, the time frame, the likely explanations
    (most likely first), and the rows of docs/triage.md that set them (``because``) or applied."""

    __pydantic_config__ = CLOSED  # type: ignore[misc]
    action: PlanAction
    time_frame: PlanTimeFrame
    explanations: list[PlanExplanation]
    because: list[str]
    rows: list[str]


class ReportDose(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    form: str | None
    per_day_mg: Span


class FoodEstimate(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    mg_per_day: float
    by_group: dict[str, float]


class SuggestedFood(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: str
    name: str
    serving: str
    mg: float | None


class Answer(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    question: str
    answer: str


class Report(Envelope):
    date: NotRequired[str]  # in a report file (--output report.json) only
    answers: NotRequired[list[Answer]]  # likewise
    level: Literal["urgent", "doctor", "caution", "info"]
    plan: ReportPlan
    findings: list[Finding]
    standard: str
    need_mg: float | None
    upper_limit_mg: float | None
    other_limits: list[OtherLimit]
    dose: ReportDose | None
    food_estimate: FoodEstimate | None
    legs_pattern: Literal["fits", "possible", "unlikely"] | None
    must_stop: bool
    suggested_foods: list[SuggestedFood]
    sources: list[str]


# --- diary -----------------------------------------------------------------------------------


class Entry(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    night: str
    legs: int
    sleep: int | None
    magnesium_mg: float
    magnesium_mg_high: float | None  # set when the label left a range open
    followed: bool | None  # set on the nights a trial plan holds for
    note: str


class DiaryEntries(Envelope):
    total: int
    entries: list[Entry]


class Side(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    label: str
    nights: int
    mean_legs: float | None


class DiaryCompare(Envelope):
    split: str | None
    first: Side
    second: Side
    difference: float | None
    interval_95: Span | None
    outcome: str
    verdict: str
    method: str
    min_nights_each_side: int


Arm = Literal["magnesium", "none"]
PlanStatus = Literal["active", "stopped", "finished"]


class ExportPeriod(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    pair: int
    arm: Arm
    start: str
    end: str


class ExportPlan(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: int
    created: str
    status: PlanStatus
    stopped_on: str | None
    seed: int
    seed_drawn: bool
    period_days: int
    washout_days: int
    min_nights: int
    dose: str
    dose_mg: Span
    matters: float
    alpha: float
    confidence: float
    screen: list[str]
    doctor_ok: bool
    periods: list[ExportPeriod]


class DiaryExport(TypedDict):
    """`diary export --format json`: the same in every language, so no ``language``.

    Version 2 added the trial plans and each entry's ``magnesium_mg_high`` and ``followed``;
    version 1 files are still read.
    """

    __pydantic_config__ = CLOSED  # type: ignore[misc]
    schema: str
    schema_version: Literal[2]
    entries: list[Entry]
    plans: list[ExportPlan]


# --- the trial (issue 13) ------------------------------------------------------------------


class TrialPlan(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: int
    status: PlanStatus  # as of today: an active plan past its last night is finished
    created: str
    stopped_on: str | None
    start: str
    end: str
    seed: int
    seed_drawn: bool
    pairs: int
    period_days: int
    washout_days: int
    min_nights: int
    alpha: float
    confidence: float
    minimum_p: float  # 2 / 2^pairs: the smallest p-value the design can reach
    can_reach_alpha: bool
    dose: str
    dose_mg: Span
    matters: float
    screen: list[str]  # the safety check's findings when the plan was made
    doctor_ok: bool


class TrialPeriod(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    pair: int
    arm: Arm
    start: str
    end: str
    counted_from: str  # the first night after the washout
    mean: NotRequired[float | None]  # `result` only, from here on
    usable: NotRequired[int | None]
    off_plan: NotRequired[int | None]
    missing: NotRequired[int | None]


class TrialTonight(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    night: str
    pair: int
    period: int
    arm: Arm
    washout: bool


class TrialProgress(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    passed: int
    recorded: int
    followed: int
    off_plan: int
    missing: int
    left: int


class TrialPair(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    pair: int
    magnesium_mean: float
    none_mean: float
    difference: float  # magnesium minus none
    magnesium_nights: int
    none_nights: int


class TrialAdherence(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    planned: int
    recorded: int
    followed: int
    off_plan: int
    missing: int
    share_followed: float


class TrialEstimate(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    difference: float
    interval: Span
    p_randomization: float
    verdict: Literal["too_few_pairs", "no_clear_difference", "lower", "higher"]


class TrialShortfall(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    pair: int
    arm: Arm
    usable: int
    needed: int


class TrialCaveat(TypedDict):
    __pydantic_config__ = CLOSED  # type: ignore[misc]
    id: Literal["expectation", "blinding", "slow_onset"]
    text: str
    sources: list[str]


class Trial(Envelope):
    """`diary trial plan|show --json`: the schedule; `diary trial result --json` adds the rest."""

    plan: TrialPlan
    today: str
    tonight: TrialTonight | None
    outcome: str
    periods: list[TrialPeriod]
    progress: NotRequired[TrialProgress]
    finished: NotRequired[bool]
    pairs: NotRequired[list[TrialPair]]
    difference: NotRequired[float | None]
    interval: NotRequired[Span | None]
    p_randomization: NotRequired[float | None]
    verdict: NotRequired[
        Literal[
            "not_finished",
            "not_enough_nights",
            "too_few_pairs",
            "no_clear_difference",
            "lower",
            "higher",
        ]
    ]
    verdict_text: NotRequired[str]
    importance: NotRequired[Literal["beyond", "within", "unclear"] | None]
    adherence: NotRequired[TrialAdherence | None]
    as_randomised: NotRequired[TrialEstimate | None]
    refusal: NotRequired[list[TrialShortfall] | None]
    caveats: NotRequired[list[TrialCaveat]]
    sources: NotRequired[list[str]]


class TrialHistory(Envelope):
    plans: list[TrialPlan]


# kind (the part after "mgcheck.") -> (shape, what writes it)
SHAPES: dict[str, tuple[type[Any], str]] = {
    "report": (Report, "mgcheck assess --json; mgcheck assess --output report.json"),
    "warnings": (Warnings, "mgcheck warnings --json"),
    "dose": (Dose, "mgcheck dose FORM AMOUNT --json"),
    "forms": (Forms, "mgcheck dose --list --json"),
    "foods": (Foods, "mgcheck foods --json"),
    "composition": (Composition, "mgcheck foods --all --search TEXT --json"),
    "sources": (Sources, "mgcheck sources --json"),
    "diary.entries": (DiaryEntries, "mgcheck diary list --json"),
    "diary.compare": (DiaryCompare, "mgcheck diary compare --json"),
    "diary": (DiaryExport, "mgcheck diary export --format json; mgcheck diary import"),
    "trial": (
        Trial,
        "mgcheck diary trial plan --json; mgcheck diary trial show --json; "
        "mgcheck diary trial result --json",
    ),
    "trial.history": (TrialHistory, "mgcheck diary trial show --all --json"),
}
