"""The shapes of every JSON document mgcheck writes, for `mgcheck schemas`.

Typed dictionaries, not models. ``mgcheck schemas KIND`` turns one into a JSON Schema (with
Pydantic), and ``tests/cli/test_schemas.py`` checks every document of the golden transcripts
against it. Each document starts with the envelope of :mod:`mgcheck.envelope`: a document
``X`` is ``Envelope`` and then ``XPayload``, what its builder makes (``render/foods.foods_json``
makes a ``FoodsPayload``, typed so, and ``render/console.write_json`` puts it in the envelope),
so mypy holds every builder to its schema. The diary's
export rows (``Entry``, ``ExportPlan``, ``ExportPeriod``) are also what ``diary import``
validates, strictly and row by row (store/diary_files.py), so their bounds are written here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from annotated_types import Ge, Gt, Le, Lt, MaxLen
from typing_extensions import NotRequired, TypedDict

from mgcheck.models.diary import (
    MAX_MAGNESIUM_MG,
    MAX_NOTE,
    MAX_SIDE_EFFECT,
    SCORE_MAX,
    SCORE_MIN,
)
from mgcheck.models.plan import (
    MAX_PAIRS,
    MAX_PERIOD_DAYS,
    MAX_RUN_IN,
    MAX_SEED,
    MIN_PERIOD_DAYS,
)

# Every shape refuses keys it does not name, so a new field fails the tests until it is added.
CLOSED: Any = {"extra": "forbid"}
T = TypeVar("T")


def closed(shape: T) -> T:
    """``shape`` refusing keys it does not name, as pydantic's ``with_config`` marks it (an
    attribute set after the class, so a type checker does not take it for a key)."""
    setattr(shape, "__pydantic_config__", CLOSED)  # noqa: B010
    return shape


@closed
class Envelope(TypedDict):
    schema: str
    schema_version: Literal[1]
    language: Literal["da", "en"]


@closed
class Span(TypedDict):
    low: float
    high: float


@closed
class OtherLimit(TypedDict):
    standard: str
    upper_limit_mg: float | None


# --- foods -----------------------------------------------------------------------------------


@closed
class FoodsQuery(TypedDict):
    by: str
    group: str | None
    search: str | None
    article: bool
    top: int
    target_mg: float


@closed
class FoodSource(TypedDict):
    dataset: str
    id: str
    description: str


@closed
class Names(TypedDict):
    da: str
    en: str


@closed
class FoodOut(TypedDict):
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


@closed
class FoodsPayload(TypedDict):
    query: FoodsQuery
    matched: int
    shown: int
    foods: list[FoodOut]


class Foods(Envelope, FoodsPayload):
    pass


@closed
class CompositionQuery(TypedDict):
    search: str
    by: str


@closed
class CompositionFood(TypedDict):
    dataset: str
    id: str
    description: str
    food_group: str
    mg_per_100g: float
    kcal_per_100g: float


@closed
class CompositionTry(TypedDict):
    search: str
    matched: int


@closed
class CompositionSource(TypedDict):
    dataset: str
    id: str


@closed
class CompositionFoundVia(TypedDict):
    id: str
    name: str
    source: CompositionSource
    searches: list[CompositionTry]


@closed
class CompositionPayload(TypedDict):
    query: CompositionQuery
    matched: int
    shown: int
    attribution: str
    foods: list[CompositionFood]
    found_via: list[CompositionFoundVia]  # a Danish name found through the curated table


class Composition(Envelope, CompositionPayload):
    pass


# --- warnings and sources --------------------------------------------------------------------


@closed
class Timing(TypedDict):
    medicine_before_h: float
    medicine_after_h: float


@closed
class WarningItem(TypedDict):
    id: str
    title: str
    text: str
    sources: list[str]
    applies_to: list[str]
    timing: Timing | None


@closed
class Helpline(TypedDict):
    id: str
    number: str | None
    name: str
    when: str
    sources: list[str]


@closed
class Helplines(TypedDict):
    last_checked: str
    lines: list[Helpline]


@closed
class Intake(TypedDict):
    ages: list[int | None]
    female_mg: float
    male_mg: float
    pregnant_mg: float | None
    breastfeeding_mg: float | None


@closed
class UpperLimit(TypedDict):
    ages: list[int | None]
    mg: float | None
    sources: list[str]


@closed
class StandardOut(TypedDict):
    id: str
    short: str
    name: str
    intake_kind: str
    intakes: list[Intake]
    pregnancy_note: str
    intake_sources: list[str]
    upper_limits: list[UpperLimit]
    no_limit_note: str


@closed
class LimitsOut(TypedDict):
    chosen: str
    article_mg: float
    article_above: list[str]
    article_at_or_below: list[str]
    standards: list[StandardOut]


@closed
class Section(TypedDict):
    id: str
    level: Literal["urgent", "doctor", "caution", "info"]
    title: str
    items: list[WarningItem]
    helplines: NotRequired[Helplines]
    limits: NotRequired[LimitsOut]


@closed
class WarningsPayload(TypedDict):
    standard: str
    sections: list[Section]


class Warnings(Envelope, WarningsPayload):
    pass


@closed
class SourceReadVia(TypedDict):
    url: str
    what: str


@closed
class SourceOut(TypedDict):
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


@closed
class SourcesPayload(TypedDict):
    sources: list[SourceOut]


class Sources(Envelope, SourcesPayload):
    pass


# --- dose ------------------------------------------------------------------------------------


@closed
class DoseForm(TypedDict):
    id: str
    name: str
    sources: list[str]


@closed
class DoseVariant(TypedDict):
    id: str
    label: str
    formula: str | None
    magnesium_pct: float
    per_unit_mg: float


@closed
class DosePart(TypedDict):
    form: str | None
    amount_mg: float
    per_unit_mg: Span


@closed
class DosePayload(TypedDict):
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
    article_mg: float | None  # None under 18: the article's figure is for adults
    verdict: Literal["within", "within_chosen_only", "maybe_above", "above", "no_limit"]
    verdict_text: str


class Dose(Envelope, DosePayload):
    pass


@closed
class AsSold(TypedDict):
    compound_mg: float
    magnesium_mg: float
    sources: list[str]


@closed
class FormVariant(TypedDict):
    id: str
    label: str
    formula: str | None
    molar_mass: float | None
    magnesium_pct: float
    as_sold: AsSold | None


@closed
class FormOut(TypedDict):
    id: str
    name: str
    aliases: list[str]
    variants: list[FormVariant]
    absorption: str
    stomach: str
    label_note: str | None
    sources: list[str]


@closed
class FormsPayload(TypedDict):
    forms: list[FormOut]


class Forms(Envelope, FormsPayload):
    pass


# --- assess ----------------------------------------------------------------------------------


@closed
class Finding(TypedDict):
    id: str
    level: Literal["urgent", "doctor", "caution", "info"]
    title: str
    text: str
    sources: list[str]


@closed
class PlanPart(TypedDict):
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
        "self_harm",
        "blood_clot",
        "kidney_disease",
    ]


@closed
class ReportPlan(TypedDict):
    """The one plan (issue 17): the magnesium action, the time frame, the likely explanations
    (most likely first), and the rows of docs/triage.md that set them (``because``) or applied."""

    action: PlanAction
    time_frame: PlanTimeFrame
    explanations: list[PlanExplanation]
    because: list[str]
    rows: list[str]


@closed
class ReportDose(TypedDict):
    form: str | None
    per_day_mg: Span


@closed
class FoodEstimate(TypedDict):
    mg_per_day: float
    by_group: dict[str, float]


@closed
class SuggestedFood(TypedDict):
    id: str
    name: str
    serving: str
    mg: float | None


@closed
class Answer(TypedDict):
    question: str
    answer: str


@closed
class ReportPayload(TypedDict):
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


class Report(Envelope, ReportPayload):
    pass


# --- diary -----------------------------------------------------------------------------------


Score = Annotated[int, Ge(SCORE_MIN), Le(SCORE_MAX)]
Milligrams = Annotated[float, Ge(0), Le(MAX_MAGNESIUM_MG)]


@closed
class Entry(TypedDict):
    """One night. An import may leave out what an export always writes (the optional fields)."""

    night: str  # YYYY-MM-DD, the evening's date
    legs: Score
    sleep: NotRequired[Score | None]
    magnesium_mg: NotRequired[Milligrams | None]
    magnesium_mg_high: NotRequired[Milligrams | None]  # set when the label left a range open
    followed: NotRequired[bool | None]  # set on the nights a trial plan holds for
    note: NotRequired[Annotated[str, MaxLen(MAX_NOTE)] | None]
    side_effect: NotRequired[Annotated[str, MaxLen(MAX_SIDE_EFFECT)]]  # version 3 on
    written_on: NotRequired[str | None]  # the day it was written (version 3 on)
    written: NotRequired[Annotated[int, Ge(1)] | None]  # the diary's write number


@closed
class DiaryEntriesPayload(TypedDict):
    total: int
    entries: list[Entry]


class DiaryEntries(Envelope, DiaryEntriesPayload):
    pass


@closed
class Side(TypedDict):
    label: str
    nights: int
    mean_legs: float | None


@closed
class DiaryComparePayload(TypedDict):
    split: str | None
    first: Side
    second: Side
    difference: float | None
    interval_95: Span | None
    outcome: str
    verdict: str
    method: str
    min_nights_each_side: int


class DiaryCompare(Envelope, DiaryComparePayload):
    pass


Arm = Literal["magnesium", "none"]
PlanStatus = Literal["active", "stopped", "finished"]
StopReason = Literal["side_effects", "worse", "better", "burden", "doctor", "other"]


MAX_DOSE_TEXT = 200  # a dose as a label prints it


@closed
class ExportPeriod(TypedDict):
    pair: Annotated[int, Ge(1), Le(MAX_PAIRS)]
    arm: Arm
    start: str
    end: str


@closed
class DoseSpan(TypedDict):
    low: Annotated[float, Gt(0), Le(MAX_MAGNESIUM_MG)]
    high: Annotated[float, Gt(0), Le(MAX_MAGNESIUM_MG)]


class PlanFields(TypedDict):
    """A trial plan as the diary keeps it (store/diary_files.plan_dict), without its periods."""

    id: Annotated[int, Ge(1)]
    created: str
    status: PlanStatus
    stopped_on: str | None
    seed: Annotated[int, Ge(0), Le(MAX_SEED)]
    seed_drawn: bool
    period_days: Annotated[int, Ge(MIN_PERIOD_DAYS), Le(MAX_PERIOD_DAYS)]
    washout_days: Annotated[int, Ge(0), Le(MAX_PERIOD_DAYS - 1)]
    min_nights: Annotated[int, Ge(1), Le(MAX_PERIOD_DAYS)]
    dose: Annotated[str, MaxLen(MAX_DOSE_TEXT)]
    dose_mg: DoseSpan
    matters: Annotated[float, Gt(0), Le(SCORE_MAX)]
    alpha: Annotated[float, Gt(0), Lt(1)]
    confidence: Annotated[float, Gt(0), Lt(1)]
    screen: list[str]
    doctor_ok: bool
    # Version 3 on (a version 2 plan has none of them: unblinded, no run-in, as planned).
    blinded: NotRequired[bool]
    run_in_days: NotRequired[Annotated[int, Ge(0), Le(MAX_RUN_IN)]]
    extra_pairs: NotRequired[Annotated[int, Ge(0), Le(MAX_PAIRS - 2)]]
    standard: NotRequired[Literal["nnr", "efsa", "iom"] | None]
    stop_reason: NotRequired[StopReason | None]
    result_seen: NotRequired[Annotated[int, Ge(0)] | None]


@closed
class ExportPlan(PlanFields):
    """A plan in a diary export, with its periods: what `diary import` reads back."""

    periods: list[ExportPeriod]


@closed
class DiaryExport(TypedDict):
    """`diary export --format json`: the same in every language, so no ``language``.

    Version 2 added the trial plans and each entry's ``magnesium_mg_high`` and ``followed``;
    version 3 each night's side effect and when it was written, and a plan's blinding, run-in,
    added pairs, standard, stop reason and when a result was first shown. Versions 1 and 2
    are still read.
    """

    schema: str
    schema_version: Literal[3]
    entries: list[Entry]
    plans: list[ExportPlan]


# --- the trial (issue 13) ------------------------------------------------------------------


@closed
class TrialPlan(PlanFields):
    """The plan as kept (its status as of today: an active plan past its last night is
    finished), and what follows from it."""

    start: str
    end: str
    pairs: int
    minimum_p: float  # 2 / 2^pairs: the smallest p-value the design can reach
    can_reach_alpha: bool


@closed
class TrialPeriod(TypedDict):
    pair: int
    arm: Arm | None  # None: a blinded trial that has not ended
    start: str
    end: str
    counted_from: str  # the first night after the washout
    mean: NotRequired[float | None]  # `result` only, from here on
    counted: NotRequired[int | None]
    off_plan: NotRequired[int | None]
    missing: NotRequired[int | None]


@closed
class TrialTonight(TypedDict):
    night: str
    pair: int
    period: int
    arm: Arm | None
    washout: bool


@closed
class TrialLost(TypedDict):
    """A pair side that can no longer reach its nights (`trial extend` makes up for it)."""

    pair: int
    arm: Arm | None
    nights: int
    possible: int
    needed: int


@closed
class TrialSpread(TypedDict):
    nights: int
    mean: float
    sd: float
    correlation: float


@closed
class TrialAssumed(TypedDict):
    sd: float
    smallest_found: float | None


@closed
class TrialDesign(TypedDict):
    pairs: int
    period_days: int
    washout_days: int
    nights: int
    smallest_found: float | None  # found 4 times in 5; None: cannot reach the test's level


@closed
class TrialPlanning(TypedDict):
    """What the plan can find for this person (the run-in, its spread, designs)."""

    run_in: list[str]  # its first and last night (empty without one)
    run_in_written: int
    spread: TrialSpread | None
    smallest_found: float | None
    assumed: list[TrialAssumed]
    correlation: float
    designs: list[TrialDesign]


@closed
class TrialProgress(TypedDict):
    passed: int
    recorded: int
    followed: int
    off_plan: int
    missing: int
    left: int


@closed
class TrialPair(TypedDict):
    pair: int
    magnesium_mean: float | None
    none_mean: float | None
    difference: float | None  # magnesium minus none
    magnesium_nights: int
    none_nights: int
    used: bool  # both sides have enough counted nights


@closed
class TrialNotUsed(TypedDict):
    pair: int
    arm: Arm
    nights: int
    needed: int


@closed
class TrialAdherence(TypedDict):
    planned: int
    recorded: int
    followed: int
    off_plan: int
    missing: int
    share_followed: float


Verdict = Literal[
    "not_finished",
    "not_enough_nights",
    "too_few_pairs",
    "no_clear_difference",
    "probably_lower",
    "probably_higher",
    "lower",
    "higher",
]


@closed
class TrialCheck(TypedDict):
    """An analysis beside the primary one (on plan, on time) or sleep, in short."""

    pairs_used: int
    difference: float | None
    interval: Span | None
    p_randomization: float | None
    probability_better: float | None
    verdict: Verdict


@closed
class TrialCarryover(TypedDict):
    night: int  # after a switch, from 1
    magnesium_mean: float | None
    magnesium_nights: int
    none_mean: float | None
    none_nights: int


@closed
class TrialHarms(TypedDict):
    magnesium_nights: int
    magnesium_with: int
    none_nights: int
    none_with: int
    magnesium_effects: list[str]
    none_effects: list[str]


@closed
class TrialCaveat(TypedDict):
    id: Literal["expectation", "blinding", "slow_onset"]
    text: str
    sources: list[str]


@closed
class TrialPayload(TypedDict):
    plan: TrialPlan
    today: str
    tonight: TrialTonight | None
    outcome: str
    periods: list[TrialPeriod]
    planning: TrialPlanning | None
    lost: list[TrialLost]
    extensible: bool
    progress: NotRequired[TrialProgress]
    finished: NotRequired[bool]
    analysis: NotRequired[Literal["as_randomised"]]
    pairs: NotRequired[list[TrialPair]]
    pairs_used: NotRequired[int]
    pairs_not_used: NotRequired[list[TrialNotUsed]]
    difference: NotRequired[float | None]
    interval: NotRequired[Span | None]  # 95 %, from the model (never of zero width)
    p_randomization: NotRequired[float | None]
    minimum_p: NotRequired[float | None]
    probability_better: NotRequired[float | None]  # P(magnesium lowers the leg score)
    probability_matters: NotRequired[float | None]  # ... by at least `matters` points
    verdict: NotRequired[Verdict]
    verdict_text: NotRequired[str]
    chances_text: NotRequired[str | None]
    importance: NotRequired[Literal["beyond", "within", "unclear"] | None]
    adherence: NotRequired[TrialAdherence]
    on_plan: NotRequired[TrialCheck | None]
    without_late: NotRequired[TrialCheck | None]
    entered_late: NotRequired[int]
    entered_after_result: NotRequired[int]
    late_nights: NotRequired[list[str]]
    sleep: NotRequired[TrialCheck | None]
    carryover: NotRequired[list[TrialCarryover]]
    harms: NotRequired[TrialHarms]
    caveats: NotRequired[list[TrialCaveat]]
    sources: NotRequired[list[str]]


class Trial(Envelope, TrialPayload):
    """`diary trial plan|show --json`: the schedule and what it can find; `diary trial result
    --json` adds the rest: analysed as randomised, complete pairs, probabilities, the checks."""


@closed
class TrialHistoryPayload(TypedDict):
    plans: list[TrialPlan]


class TrialHistory(Envelope, TrialHistoryPayload):
    pass


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
