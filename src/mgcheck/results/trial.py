"""`mgcheck diary trial` as use cases: the safety screen, a new plan, and a plan's state and result.

Pure: the commands read the diary and the data and pass them in; the renderers word what comes
out. The medicine and condition logic is the self-check's own (:func:`results.assess.evaluate`
on the screen's answers); the statistics are ``rules/trial.py``'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from mgcheck.i18n import Language
from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import AssessData
from mgcheck.models.diary import Entry
from mgcheck.models.guidance import LimitsFile, SourceEntry
from mgcheck.models.plan import (
    SMALLEST_MATTERS,
    Arm,
    Period,
    Plan,
    PlanStatus,
    min_nights_for,
)
from mgcheck.models.trial import TrialFile
from mgcheck.record import Record
from mgcheck.results.assess import FindingOut
from mgcheck.rules.limits import ADULT_AGE, Judgement, Verdict, dose_standard, judge
from mgcheck.rules.trial import (
    MAX_PAIRS,
    Fault,
    PlanFacts,
    followed_by_magnesium,
    plan_faults,
    plan_schedule,
    settled_followed,
)
from mgcheck.rules.trial_analysis import NightRecord, Prior, Settings, TrialResult, analyse
from mgcheck.rules.trial_design import MIN_RUN_IN_NIGHTS, Spread, alternatives, detectable, measure
from mgcheck.rules.trial_design import Design as DesignOption
from mgcheck.vocab import Level, Standard

# The findings of the self-check that the screen shows: everything for a doctor (or more
# urgent), and every interaction with a medicine, also the timed ones of level "caution".
INTERACTION_PREFIX = "interaction-"


class Screen(Record):
    """What the self-check says about starting magnesium, for a trial."""

    findings: tuple[FindingOut, ...]  # the ones to show, most urgent first
    urgent: bool  # help now: no trial at all
    adult: bool
    sources: tuple[tuple[int, SourceEntry], ...]

    @property
    def needs_doctor(self) -> bool:
        return bool(self.findings)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.findings)


def screen(answers: Answers, data: AssessData, standard: Standard, lang: Language) -> Screen:
    """Run the self-check on the screen's answers, as someone about to take magnesium.

    Without a supplement in the answers the person counts as considering magnesium, which is
    what a trial is: the findings then speak of starting it ("talk to a doctor first").
    """
    from mgcheck.results.assess import evaluate

    if answers.magnesium is None and not answers.considering_magnesium:
        answers = answers.model_copy(update={"considering_magnesium": True})
    result = evaluate(answers, data, standard, lang)
    shown = tuple(
        f
        for f in result.report.findings
        if f.level in (Level.URGENT, Level.DOCTOR) or f.id.startswith(INTERACTION_PREFIX)
    )
    keys = {key for f in shown for key in f.sources}
    return Screen(
        findings=shown,
        urgent=any(f.level is Level.URGENT for f in shown),
        adult=answers.age >= ADULT_AGE,
        sources=tuple((n, s) for n, s in result.sources if s.key in keys),
    )


def too_young(answers: Answers) -> bool:
    """No trial for anyone under 18: children and teenagers have other needs and limits."""
    return answers.age < ADULT_AGE


class DoseRefusal(Record):
    """Why no trial can be planned with a dose: no magnesium in it, or above the upper limit
    (``judgement`` says which limit)."""

    no_magnesium: bool
    judgement: Judgement | None


def dose_refusal(
    limits: LimitsFile, standard: Standard, age: int, low_mg: float, high_mg: float
) -> DoseRefusal | None:
    """None when the dose may be planned: some magnesium, and not above (nor perhaps above) the
    upper limit for a day, judged on the higher reading."""
    if low_mg <= 0:
        return DoseRefusal(no_magnesium=True, judgement=None)
    judgement = judge_dose(limits, standard, age, low_mg, high_mg)
    if not dose_allowed(judgement):
        return DoseRefusal(no_magnesium=False, judgement=judgement)
    return None


def judge_dose(
    limits: LimitsFile, standard: Standard, age: int, low_mg: float, high_mg: float
) -> Judgement:
    """A night's dose against the upper limit for a day (one dose each magnesium evening)."""
    return judge(limits, dose_standard(limits, standard, age), age, low_mg, high_mg)


def dose_allowed(judgement: Judgement) -> bool:
    """No trial above the limit, nor one that may be above it: safety goes by the higher reading."""
    return judgement.verdict not in (Verdict.ABOVE, Verdict.MAYBE_ABOVE)


class Design(Record):
    start: dt.date
    pairs: int
    period_days: int
    washout_days: int
    matters: float
    run_in_days: int = 0
    blinded: bool = False


def defaults(trial: TrialFile) -> Design:
    """data/trial.yaml's design, starting tomorrow evening (a day to get the magnesium); the
    run-in, if any, comes first (:func:`first_night`)."""
    from mgcheck.clock import today

    settings = trial.settings
    return Design(
        start=today() + dt.timedelta(days=1),
        pairs=settings.pairs.value,
        period_days=settings.period_days.value,
        washout_days=settings.washout_days.value,
        matters=settings.smallest_difference.value,
        run_in_days=settings.run_in_days.value,
    )


def run_in_kept(written: Iterable[dt.date], before: dt.date, run_in_days: int) -> bool:
    """Whether the diary already holds a run-in before ``before``: most of the ``run_in_days``
    nights before it written down (and enough to measure a spread)."""
    first = before - dt.timedelta(days=run_in_days)
    count = sum(1 for night in set(written) if first <= night < before)
    return run_in_days > 0 and count >= max(run_in_days // 2 + 1, MIN_RUN_IN_NIGHTS)


def first_night(today: dt.date, run_in_days: int, written: Iterable[dt.date]) -> dt.date:
    """The first period's evening by default: tomorrow when there is no run-in or the diary
    already holds one; else after ``run_in_days`` ordinary nights from tomorrow on."""
    tomorrow = today + dt.timedelta(days=1)
    if run_in_days == 0 or run_in_kept(written, tomorrow, run_in_days):
        return tomorrow
    return tomorrow + dt.timedelta(days=run_in_days)


class Planning(Record):
    """What the plan can find for this person (CENT 7a, 15): the run-in nights, the spread
    and correlation they measured (None until there are enough), the smallest difference the
    plan's design would find 4 times in 5, the same for the example spreads while nothing is
    measured, and designs of about the same length."""

    run_in: tuple[dt.date, ...]
    written: int  # run-in nights written down so far
    written_nights: frozenset[dt.date]  # the nights before the trial that were written down
    spread: Spread | None
    smallest: float | None  # for the measured spread; None without one (or too few pairs)
    assumed: tuple[tuple[float, float | None], ...]  # (spread, smallest) before a measurement
    correlation: float  # the measured one, or the example's
    designs: tuple[DesignOption, ...]


def baseline_nights(plan: Plan) -> tuple[dt.date, ...]:
    """The nights that measure the person before the trial: the run-in, or (a plan without
    one) the two weeks before the first period."""
    days = plan.run_in_days or 14
    first = plan.start - dt.timedelta(days=days)
    return tuple(first + dt.timedelta(days=i) for i in range(days))


def planning(plan: Plan, entries: Sequence[Entry], trial: TrialFile) -> Planning:
    detect = trial.detect
    nights = baseline_nights(plan)
    scores = {e.night: e.legs for e in entries if e.night in set(nights)}
    spread = measure(scores)
    correlation = detect.assumed_correlation if spread is None else spread.correlation
    multipliers = detect.by_pairs()

    def smallest(sd: float) -> float | None:
        return detectable(
            plan.planned_pairs, plan.period_days, plan.washout_days, sd, correlation, multipliers
        )

    sd = detect.assumed_sd[0] if spread is None else spread.sd
    length = 2 * plan.planned_pairs * plan.period_days
    least = min(multipliers)
    return Planning(
        run_in=plan.run_in,
        written=len(scores) if plan.run_in_days else 0,
        written_nights=frozenset(scores),
        spread=spread,
        smallest=None if spread is None else smallest(spread.sd),
        assumed=() if spread is not None else tuple((s, smallest(s)) for s in detect.assumed_sd),
        correlation=correlation,
        designs=alternatives(length, plan.washout_days, sd, correlation, multipliers, least),
    )


def new_plan(
    design: Design,
    trial: TrialFile,
    *,
    seed: int,
    seed_drawn: bool,
    dose: str,
    dose_mg: tuple[float, float],
    screen_ids: Sequence[str],
    doctor_ok: bool,
    today: dt.date,
    standard: Standard | None = None,
) -> Plan:
    """The plan to store (its id is given by the diary): the periods are drawn here, once."""
    periods = plan_schedule(design.start, design.pairs, design.period_days, seed)
    settings = trial.settings
    return Plan(
        id=0,
        created=today,
        status=PlanStatus.ACTIVE,
        stopped_on=None,
        seed=seed,
        seed_drawn=seed_drawn,
        period_days=design.period_days,
        washout_days=design.washout_days,
        min_nights=min_nights_for(design.period_days, design.washout_days),
        dose=dose,
        dose_mg_low=dose_mg[0],
        dose_mg_high=dose_mg[1],
        matters=design.matters,
        alpha=settings.alpha.value,
        confidence=settings.confidence.value,
        screen=tuple(screen_ids),
        doctor_ok=doctor_ok,
        periods=periods,
        standard=standard,
        blinded=design.blinded,
        run_in_days=design.run_in_days,
    )


def start_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The nights a plan may start on: from today (a plan drawn after its nights have begun
    would no longer be random) to a year ahead."""
    return today, today + dt.timedelta(days=365)


def running_plan(plans: Sequence[Plan], today: dt.date) -> Plan | None:
    """The plan still running today (one at a time), or None."""
    return next((p for p in plans if p.status_on(today) is PlanStatus.ACTIVE), None)


def cited_sources(
    trial: TrialFile, sources: Sequence[SourceEntry]
) -> tuple[tuple[int, SourceEntry], ...]:
    """The sources data/trial.yaml cites, numbered as `mgcheck sources` numbers them."""
    keys = {key for _where, cited in trial.citations() for key in cited}
    return tuple((n, s) for n, s in enumerate(sources, start=1) if s.key in keys)


DRAWN_SEEDS = 10**9  # draw_seed gives 0 to this, less one


def draw_seed() -> int:
    """A seed nobody chose: from the operating system's randomness, as ``secrets`` gives it."""
    import secrets

    return secrets.randbelow(DRAWN_SEEDS)


def largest_plannable_dose(limits: LimitsFile, standard: Standard | None) -> float:
    """The most magnesium a night of a plan may hold: the adult upper limit for supplements of
    the plan's standard, or of the most lenient standard for a plan that does not say one."""
    from mgcheck.rules.limits import upper_limit

    chosen = list(Standard) if standard is None else [standard]
    rows = [upper_limit(limits.standard(s), ADULT_AGE) for s in chosen]
    return max(row.mg for row in rows if row is not None)


def import_faults(
    plan: Plan, trial: TrialFile, limits: LimitsFile, finding_ids: frozenset[str], today: dt.date
) -> list[tuple[str, Fault]]:
    """Why an imported plan is not one `diary trial plan` could have made (empty: it could)."""
    settings = trial.settings
    facts = PlanFacts(
        alpha=settings.alpha.value,
        confidence=settings.confidence.value,
        max_dose_mg=largest_plannable_dose(limits, plan.standard),
        finding_ids=finding_ids,
        today=today,
        drawn_seeds=DRAWN_SEEDS,
        smallest_matters=SMALLEST_MATTERS,
        latest_start_days=(start_window(today)[1] - today).days,
    )
    return plan_faults(plan, facts)


# --- a plan's state ------------------------------------------------------------------------------


class NightPlan(Record):
    """What the plan says for one night."""

    night: dt.date
    period: Period
    number: int  # the period's place in the plan, from 1
    washout: bool  # one of the first nights of its period: kept, but not counted


def night_plan(plan: Plan, night: dt.date) -> NightPlan | None:
    period = plan.period_of(night)
    if period is None:
        return None
    return NightPlan(night, period, plan.periods.index(period) + 1, plan.in_washout(night))


def covering(plans: Sequence[Plan], night: dt.date) -> tuple[Plan, NightPlan] | None:
    """The plan that holds for ``night`` (plans never overlap), with what it says."""
    for plan in plans:
        said = night_plan(plan, night)
        if said is not None:
            return plan, said
    return None


def in_run_in(plans: Sequence[Plan], night: dt.date, today: dt.date) -> Plan | None:
    """The plan, not stopped, whose run-in holds ``night``: a night without magnesium by plan."""
    for plan in plans:
        if night in plan.run_in and plan.status_on(today) is PlanStatus.ACTIVE:
            return plan
    return None


def dose_matches(plan: Plan, low: float, high: float) -> bool:
    """Whether magnesium taken (``low``-``high`` mg) is the plan's dose, give or take 1 mg."""
    return low <= plan.dose_mg_high + 1 and high >= plan.dose_mg_low - 1


def followed_when_taken(plan: Plan, arm: Arm, low: float, high: float) -> bool | None:
    """Whether a night on which ``low``-``high`` mg was taken followed the plan, where the
    magnesium settles it (none on a "none" night, none on a magnesium night, the plan's dose on
    a magnesium night); None for a different dose on a magnesium night: the person's call."""
    if arm is Arm.NONE or low == 0:
        return followed_by_magnesium(arm, low)
    return True if dose_matches(plan, low, high) else None


def tonight(plans: Sequence[Plan], today: dt.date) -> tuple[Plan, NightPlan] | None:
    """The running plan and what it says for tonight, or None when no trial runs tonight."""
    for plan in plans:
        said = night_plan(plan, today) if plan.status_on(today) is PlanStatus.ACTIVE else None
        if said is not None:
            return plan, said
    return None


def night_record(entry: Entry, arm: Arm, plan: Plan, late_days: int) -> NightRecord:
    """An entry as the analysis reads it: ``followed`` as stored (worked out if missing), and
    whether it was written more than ``late_days`` after its night or after a result of the
    plan was first shown (unknown for a night imported from before that was kept: not late)."""
    written_on, written = entry.written_on, entry.written
    return NightRecord(
        legs=entry.legs,
        followed=settled_followed(arm, entry.magnesium_mg, entry.followed, blinded=plan.blinded),
        sleep=entry.sleep,
        side_effect=entry.side_effect,
        late=written_on is not None and (written_on - entry.night).days > late_days,
        after_result=(
            plan.result_seen is not None and written is not None and written > plan.result_seen
        ),
    )


class LostSide(Record):
    """A pair side that can no longer reach the nights a period needs: its pair will be left
    out unless the trial is extended (``trial extend``)."""

    pair: int
    arm: Arm
    nights: int  # counted nights written down
    possible: int  # at most, with every counted night still to come
    needed: int


class Progress(Record):
    """Counts over the planned nights that have passed (before today, and before a stop)."""

    passed: int
    recorded: int
    followed: int
    off_plan: int
    missing: int
    left: int  # planned nights from tonight on (0 once finished or stopped)


class TrialState(Record):
    plan: Plan
    today: dt.date
    status: PlanStatus  # as of today: an active plan past its end is finished
    tonight: NightPlan | None
    progress: Progress
    nights: dict[dt.date, NightRecord]  # the recorded nights the plan holds for
    lost: tuple[LostSide, ...] = ()  # pair sides that can no longer reach their minimum
    # `trial extend` may add a pair: running, below the most pairs, and a pair lost for each
    # pair added (a pair is added only to make up for one that lost its nights, never because
    # of how the nights look: the person sees them)
    extensible: bool = False

    @property
    def running(self) -> bool:
        return self.status is PlanStatus.ACTIVE

    @property
    def started(self) -> bool:
        return self.today > self.plan.start

    def pairs_left(self) -> tuple[int, ...]:
        """The pairs with nights still to come."""
        return tuple(
            sorted({p.pair for p in self.plan.periods if p.end >= self.today and self.running})
        )


def _lost(plan: Plan, nights: Mapping[dt.date, NightRecord], today: dt.date) -> list[LostSide]:
    """The pair sides whose written counted nights, with all the counted nights still to come
    (none after a stop), cannot reach the plan's minimum any more."""
    lost = []
    for period in plan.periods:
        counted = period.nights()[plan.washout_days :]
        written = sum(1 for n in counted if n in nights)
        to_come = sum(1 for n in counted if n >= today and n <= plan.last_covered)
        if written + to_come < plan.min_nights:
            lost.append(
                LostSide(period.pair, period.arm, written, written + to_come, plan.min_nights)
            )
    return lost


def extension(plan: Plan) -> tuple[Period, ...] | None:
    """The pair `trial extend` adds: the next coin of the plan's own seed, after its last
    period (None at the most pairs the exact test can enumerate)."""
    if plan.pairs >= MAX_PAIRS:
        return None
    return plan_schedule(plan.start, plan.pairs + 1, plan.period_days, plan.seed)[-2:]


def state(plan: Plan, entries: Sequence[Entry], today: dt.date, late_days: int = 0) -> TrialState:
    """The plan as of ``today``: tonight's arm, the nights so far, and the pair sides lost."""
    status = plan.status_on(today)
    nights: dict[dt.date, NightRecord] = {}
    for entry in entries:
        said = night_plan(plan, entry.night)
        if said is not None:
            nights[entry.night] = night_record(entry, said.period.arm, plan, late_days)
    last = min(plan.last_covered, today - dt.timedelta(days=1))
    lost = _lost(plan, nights, today)
    passed = [n for p in plan.periods for n in p.nights() if n <= last]
    recorded = [n for n in passed if n in nights]
    followed = sum(nights[n].followed for n in recorded)
    left = 0
    if status is PlanStatus.ACTIVE:
        left = sum(1 for p in plan.periods for n in p.nights() if n >= today)
    return TrialState(
        plan=plan,
        today=today,
        status=status,
        tonight=night_plan(plan, today) if status is PlanStatus.ACTIVE else None,
        progress=Progress(
            passed=len(passed),
            recorded=len(recorded),
            followed=followed,
            off_plan=len(recorded) - followed,
            missing=len(passed) - len(recorded),
            left=left,
        ),
        nights=nights,
        lost=tuple(lost),
        extensible=status is PlanStatus.ACTIVE
        and plan.pairs < MAX_PAIRS
        and len({side.pair for side in lost}) > plan.extra_pairs,
    )


class Outcome(Record):
    """`trial result`: the state, and the analysis once the plan is no longer running."""

    state: TrialState
    analysis: TrialResult | None  # None while the trial runs: no verdict before the end


def analysis_settings(plan: Plan, trial: TrialFile) -> Settings:
    """How ``plan`` is analysed: its own design and levels, and data/trial.yaml's prior."""
    return Settings(
        washout_days=plan.washout_days,
        min_nights=plan.min_nights,
        alpha=plan.alpha,
        confidence=plan.confidence,
        matters=plan.matters,
        prior=Prior(trial.settings.prior_pairs.value),
    )


def outcome(plan: Plan, entries: Sequence[Entry], today: dt.date, trial: TrialFile) -> Outcome:
    """The analysis of a finished or stopped plan; none while it runs.

    Looking at the answer before the planned end, and stopping when it looks good, would make
    a chance finding likelier than the 5 % the test promises; so a running trial gets its
    progress and what is left, and the verdict comes after the last night.
    """
    current = state(plan, entries, today, trial.settings.late_days.value)
    if current.running:
        return Outcome(current, None)
    result = analyse(plan.periods, current.nights, analysis_settings(plan, trial))
    return Outcome(current, result)
