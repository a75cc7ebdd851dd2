"""The trial's report for the doctor as a document: sections of paragraphs and tables.

Content only, in no markup: ``render/trial/markup.py`` writes it as Markdown or HTML. The
sections follow the CENT 2015 items that apply to one person's trial (numbered as in CONSORT
2010, which CENT extends). To move the report onto a shared document writer, that writer takes
these sections (a heading, then paragraphs and tables, every cell and paragraph plain text in
the run's language) and ``markup.py`` goes; nothing here changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from mgcheck.i18n import _, current, format_number
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.plan import PlanStatus, StopReason
from mgcheck.models.trial import TrialFile
from mgcheck.render.dates import long_date, night
from mgcheck.render.style import signed
from mgcheck.render.trial.words import (
    adherence_text,
    arm_word,
    carryover_rows,
    chances_text,
    design_table,
    detect_text,
    estimate_lines,
    harms_text,
    late_text,
    no_estimate_text,
    not_finished_text,
    on_plan_text,
    pairs_used_text,
    plan_facts,
    progress_words,
    run_in_text,
    sleep_text,
    sourced,
    status_words,
    verdict_text,
)
from mgcheck.results.trial import Outcome, Planning
from mgcheck.rules.trial_analysis import Analysis
from mgcheck.safetext import visible

Table = list[list[str]]  # a header row, then the rows
Block = str | Table  # a paragraph or a table
Section = tuple[str, list[Block]]


def _night_rows(outcome: Outcome) -> Table:
    """Night by night: the chart as text (score bars), arm, washout and whether followed."""
    plan = outcome.state.plan
    nights = outcome.state.nights
    rows = []
    for number, period in enumerate(plan.periods, start=1):
        for day in period.nights():
            if day > plan.last_covered:
                break
            record = nights.get(day)
            washout = plan.in_washout(day)
            marks = []
            if record is not None and record.late:
                marks.append(_("late"))
            if record is not None and record.after_result:
                marks.append(_("after the result"))
            rows.append(
                [
                    day.isoformat(),
                    str(number),
                    str(period.pair),
                    arm_word(period.arm) + (" " + _("(washout)") if washout else ""),
                    "–" if record is None else str(record.legs),
                    "" if record is None else "█" * record.legs,
                    "–"
                    if record is None
                    else (_("yes") if record.followed else _("no, off the plan")),
                    ", ".join(marks),
                ]
            )
    return rows


def _pair_rows(analysis: Analysis) -> Table:
    def cell(value: float | None) -> str:
        return "–" if value is None else format_number(value, 2)

    return [
        [_("Pair"), _("Magnesium"), _("None"), _("Difference"), _("Used")],
        *[
            [
                str(row.pair),
                cell(row.magnesium_mean),
                cell(row.none_mean),
                "–" if row.difference is None else signed(row.difference),
                _("yes") if row.used else _("no, too few counted nights"),
            ]
            for row in analysis.rows
        ],
    ]


def _period_rows(outcome: Outcome) -> Table:
    plan = outcome.state.plan
    summaries = {}
    if outcome.analysis is not None:
        summaries = {s.period.start: s for s in outcome.analysis.periods}
    rows = []
    for number, period in enumerate(plan.periods, start=1):
        summary = summaries.get(period.start)
        rows.append(
            [
                str(number),
                str(period.pair),
                arm_word(period.arm),
                f"{period.start.isoformat()} – {period.end.isoformat()}",
                "–" if summary is None else str(len(summary.counted)),
                "–" if summary is None or summary.mean is None else format_number(summary.mean, 2),
                "–" if summary is None else str(len(summary.off_plan)),
                "–" if summary is None else str(len(summary.missing)),
            ]
        )
    return rows


def _ended(outcome: Outcome) -> str:
    """CENT 14b: why the trial ended (or that it has not)."""
    state = outcome.state
    plan = state.plan
    if state.status is PlanStatus.ACTIVE:
        return _("It has not ended: the result comes after the last night.")
    if state.status is PlanStatus.FINISHED:
        return _("It ended as planned, after its last night.")
    reasons = {
        StopReason.SIDE_EFFECTS: _("because of side effects"),
        StopReason.WORSE: _("because the legs got worse"),
        StopReason.BETTER: _("because the legs got better"),
        StopReason.BURDEN: _("because keeping it up was too much"),
        StopReason.DOCTOR: _("on a doctor's advice"),
        StopReason.OTHER: _("for another reason"),
    }
    why = _("no reason given") if plan.stop_reason is None else reasons[plan.stop_reason]
    assert plan.stopped_on is not None
    return _("It was stopped on {date}, {why}.").format(
        date=long_date(plan.stopped_on), why=why
    )


def _baseline(planning: Planning) -> list[Block]:
    """CENT 15: the person's leg scores before the trial."""
    spread = planning.spread
    if spread is None:
        return [
            _(
                "Too few nights were written down before the first period to describe them "
                "(at least 7 are needed)."
            )
        ]
    return [
        _(
            "Before the first period ({n} nights): mean leg score {mean} (0-10, 10 worst), "
            "varying by {sd} points from night to night; correlation from one night to the "
            "next {rho}."
        ).format(
            n=format_number(spread.nights),
            mean=format_number(spread.mean, 1),
            sd=format_number(spread.sd, 1),
            rho=format_number(spread.correlation, 2),
        )
    ]


def _results(outcome: Outcome, trial: TrialFile) -> list[Block]:
    state = outcome.state
    result = outcome.analysis
    if result is None:
        return [not_finished_text(state), progress_words(state)]
    primary = result.primary
    blocks: list[Block] = [adherence_text(result), pairs_used_text(primary), _pair_rows(primary)]
    estimate = primary.estimate
    if estimate is None:
        blocks.append(no_estimate_text(primary))
    else:
        blocks += [verdict_text(estimate, trial), *estimate_lines(estimate)]
        blocks.append(chances_text(estimate, state.plan, trial))
    return blocks


def _ancillary(outcome: Outcome, trial: TrialFile) -> list[Block]:
    """CENT 18: the checks beside the primary analysis, sleep, and the carryover table."""
    result = outcome.analysis
    if result is None:
        return [_("After the last night.")]
    blocks: list[Block] = [
        text
        for text in (
            on_plan_text(result),
            late_text(result, trial.settings.late_days.value),
            sleep_text(result),
        )
        if text
    ]
    blocks.append(sourced(trial.carryover))
    blocks.append(
        [
            [_("Night after a switch"), _("To magnesium"), _("To none")],
            *carryover_rows(result, outcome.state.plan.washout_days),
        ]
    )
    return blocks


def report_sections(
    outcome: Outcome,
    planning: Planning,
    trial: TrialFile,
    sources: Sequence[tuple[int, SourceEntry]],
    date: dt.date,
    escape: Callable[[str], str] = visible,
) -> list[Section]:
    """The report as (heading, blocks) sections, following the CENT 2015 items that apply to
    one person's trial: design (3a), diagnosis and concurrent therapies (4a), interventions (5),
    outcomes (6a), sample size (7a) and stopping (7b), randomisation (8-10), blinding (11),
    methods (12), flow (13), why it ended (14b), baseline (15), numbers analysed and results
    (16-17), other analyses (18), harms (19) and limitations (20). ``escape`` is applied to
    every text a plan carries (the dose the person wrote, the screen's ids): a plan changed
    outside mgcheck can put no markup into the report."""
    state = outcome.state
    plan = state.plan.replace(dose=escape(state.plan.dose))
    facts = {key: text for key, (_label, text) in plan_facts(plan, trial).items()}
    blinding = (
        _(
            "Blinded: someone else kept the schedule (a sealed list) and filled identical "
            "capsules, so the person did not know which periods held magnesium until the end."
        )
        if plan.blinded
        else sourced(trial.expectation)
    )
    result = outcome.analysis
    harms: list[Block] = [sourced(trial.harms)]
    if result is not None:
        harms.append(harms_text(result.harms, escape))
    limits: list[Block] = [sourced(trial.slow_onset)]
    if not plan.blinded:
        limits.insert(0, sourced(trial.expectation))
    if result is not None and (result.entered_late or result.entered_after_result):
        limits.append(sourced(trial.late))
    limits.append(
        _(
            "It answers one question for one person: whether this dose changed this person's "
            "nightly leg score in these weeks. It is not a diagnosis."
        )
    )
    return [
        (
            _("Randomised n-of-1 trial of magnesium for restless legs: report of {date}").format(
                date=long_date(date)
            ),
            [
                _(
                    "One person's randomised trial, magnesium against no magnesium, planned and "
                    "kept with mgcheck. It is not a diagnosis; it answers one question for this "
                    "person only."
                ),
                status_words(state),
            ],
        ),
        (
            _("Design (CENT 3a)"),
            [facts["design"], facts["washout"], run_in_text(plan, planning)],
        ),
        (
            _("The person (CENT 4a)"),
            [
                _("Safety check before planning: {ids}; asked a doctor: {ok}.").format(
                    ids=", ".join(escape(key) for key in plan.screen)
                    or _("nothing called for a doctor"),
                    ok=_("yes") if plan.doctor_ok else _("not needed"),
                )
            ],
        ),
        (_("Intervention (CENT 5)"), [facts["dose"]]),
        (
            _("Outcomes (CENT 6a)"),
            [
                facts["outcome"],
                facts["matters"],
                _("Second outcome: sleep, 0-10 (10 best), where written down."),
            ],
        ),
        (
            _("Sample size and stopping (CENT 7a, 7b)"),
            [
                trial.settings.pairs.why.get(current()),
                detect_text(plan, planning, trial),
                design_table(planning),
                _(
                    "No look before the end: the result is shown only after the last night or "
                    "a stop, so the number of pairs was fixed beforehand. A pair is added only "
                    "when a period can no longer reach its nights, drawn by the same seed; pairs "
                    "added: {extra}."
                ).format(extra=format_number(plan.extra_pairs)),
            ],
        ),
        (
            _("Randomisation (CENT 8-10)"),
            [
                facts["randomisation"],
                _(
                    "The plan was stored when it was made, with its periods; the order was "
                    "kept by someone else (allocation concealed)."
                )
                if plan.blinded
                else _(
                    "The plan was stored when it was made, with its periods; the person saw it "
                    "(allocation was not concealed)."
                ),
                [
                    [_("Pair"), _("First period"), _("Second period")],
                    *[
                        [
                            str(pair),
                            arm_word(plan.periods[2 * pair - 2].arm),
                            arm_word(plan.periods[2 * pair - 1].arm),
                        ]
                        for pair in range(1, plan.pairs + 1)
                    ],
                ],
            ],
        ),
        (_("Blinding (CENT 11)"), [blinding, sourced(trial.blinding)]),
        (
            _("Analysis (CENT 12)"),
            [
                facts["analysis"],
                sourced(trial.model),
                sourced(trial.off_plan),
                sourced(trial.missing),
                sourced(trial.late),
            ],
        ),
        (
            _("Periods (CENT 13, 14)"),
            [
                _ended(outcome),
                [
                    [
                        *(_("Period"), _("Pair"), _("Arm"), _("Nights")),
                        *(_("Counted"), _("Mean"), _("Off plan"), _("Missing")),
                    ],
                    *_period_rows(outcome),
                ],
            ],
        ),
        (_("Baseline (CENT 15)"), _baseline(planning)),
        (_("Results (CENT 16-17)"), _results(outcome, trial)),
        (_("Other analyses (CENT 18)"), _ancillary(outcome, trial)),
        (_("Harms (CENT 19)"), harms),
        (
            _("Night by night"),
            [
                _("Leg score 0-10 (10 worst); washout nights are kept but not counted.")
                + " "
                + _("A night is the date of its evening: {date} is {night}.").format(
                    date=plan.start.isoformat(), night=night(plan.start)
                ),
                [
                    [
                        *(_("Night"), _("Period"), _("Pair"), _("Arm")),
                        *(_("Legs"), _("Chart"), _("Followed"), _("Written")),
                    ],
                    *_night_rows(outcome),
                ],
            ],
        ),
        (_("Limitations (CENT 20)"), limits),
        (
            _("Sources"),
            [
                f"{n}. [{s.key}] {s.organisation.get(current())}: {s.title}"
                + (f" ({s.year})" if s.year else "")
                + (f" {s.url}" if s.url else "")
                for n, s in sources
            ],
        ),
    ]
