"""The trial's report for the doctor: one :class:`mgcheck.render.document.Document`, written as
HTML, Markdown or text by the same writer as the self-check's report.

The sections follow the CENT 2015 items that apply to one person's trial (numbered as in CONSORT
2010, which CENT extends). Every sentence that rests on a source cites it, numbered as the
report's own source list numbers it (in the order first cited, with no gaps), and that list
gives each work as a doctor cites it (:mod:`mgcheck.render.citation`). What a person wrote (the
dose, side effects, the screen's ids in an imported plan) is plain text here: the writer makes
it inert in every form. It speaks about the person, to whoever reads it (a doctor, or the person
showing it to one), never to the person as the terminal does: every shared sentence is asked
for in the report's words (``report=True``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mgcheck.i18n import _, current, format_number
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.plan import PlanStatus, StopReason
from mgcheck.models.trial import TrialFile
from mgcheck.render.dates import long_date, night
from mgcheck.render.document import (
    FORMS,
    Block,
    Callout,
    Document,
    Paragraph,
    Section,
    Table,
    cited_keys,
    reference,
    write,
)
from mgcheck.render.style import signed
from mgcheck.render.trial.words import (
    Said,
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


def _said(text: Said) -> list[Block]:
    """A sourced text as a paragraph citing its sources; mgcheck's own words after the
    citation (a figure it worked out) as a paragraph of their own."""
    blocks: list[Block] = [Paragraph(text.text, text.cites)]
    if text.then:
        blocks.append(Paragraph(text.then))
    return blocks


def _text(*texts: str) -> list[Block]:
    return [Paragraph(text) for text in texts if text]


def _night_rows(outcome: Outcome) -> tuple[tuple[str, ...], ...]:
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
                (
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
                )
            )
    return tuple(rows)


def _pair_table(analysis: Analysis) -> Table:
    def cell(value: float | None) -> str:
        return "–" if value is None else format_number(value, 2)

    return Table(
        (_("Pair"), _("Magnesium"), _("None"), _("Difference"), _("Used")),
        tuple(
            (
                str(row.pair),
                cell(row.magnesium_mean),
                cell(row.none_mean),
                "–" if row.difference is None else signed(row.difference),
                _("yes") if row.used else _("no, too few counted nights"),
            )
            for row in analysis.rows
        ),
        right=(0, 1, 2, 3),
    )


def _period_table(outcome: Outcome) -> Table:
    plan = outcome.state.plan
    summaries = {}
    if outcome.analysis is not None:
        summaries = {s.period.start: s for s in outcome.analysis.periods}
    rows = []
    for number, period in enumerate(plan.periods, start=1):
        summary = summaries.get(period.start)
        rows.append(
            (
                str(number),
                str(period.pair),
                arm_word(period.arm),
                f"{period.start.isoformat()} – {period.end.isoformat()}",
                "–" if summary is None else str(len(summary.counted)),
                "–" if summary is None or summary.mean is None else format_number(summary.mean, 2),
                "–" if summary is None else str(len(summary.off_plan)),
                "–" if summary is None else str(len(summary.missing)),
            )
        )
    return Table(
        (
            *(_("Period"), _("Pair"), _("Arm"), _("Nights")),
            *(_("Counted"), _("Mean"), _("Off plan"), _("Missing")),
        ),
        tuple(rows),
        right=(0, 1, 4, 5, 6, 7),
    )


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
    return _("It was stopped on {date}, {why}.").format(date=long_date(plan.stopped_on), why=why)


def _baseline(planning: Planning) -> list[Block]:
    """CENT 15: the person's leg scores before the trial."""
    spread = planning.spread
    if spread is None:
        return _text(
            _(
                "Too few nights were written down before the first period to describe them "
                "(at least 7 are needed)."
            )
        )
    return _text(
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
    )


def _answer(outcome: Outcome, trial: TrialFile) -> str:
    """The answer in one or two sentences, as the results section words it."""
    result = outcome.analysis
    if result is None:
        return not_finished_text(outcome.state)
    estimate = result.primary.estimate
    if estimate is None:
        return no_estimate_text(result.primary)
    return verdict_text(estimate, trial, report=True)


def _results(outcome: Outcome, trial: TrialFile) -> list[Block]:
    state = outcome.state
    result = outcome.analysis
    if result is None:
        return _text(not_finished_text(state), progress_words(state))
    primary = result.primary
    blocks: list[Block] = [
        *_text(adherence_text(result), pairs_used_text(primary)),
        _pair_table(primary),
    ]
    estimate = primary.estimate
    if estimate is None:
        blocks += _text(no_estimate_text(primary))
    else:
        blocks += _text(verdict_text(estimate, trial, report=True), *estimate_lines(estimate))
        blocks += _text(chances_text(estimate, state.plan, trial, report=True))
    return blocks


def _ancillary(outcome: Outcome, trial: TrialFile) -> list[Block]:
    """CENT 18: the checks beside the primary analysis, sleep, and the carryover table."""
    result = outcome.analysis
    if result is None:
        return _text(_("After the last night."))
    blocks: list[Block] = _text(
        on_plan_text(result),
        late_text(result, trial.settings.late_days.value, report=True),
        sleep_text(result, report=True),
    )
    blocks += _said(sourced(trial.carryover, report=True))
    blocks.append(
        Table(
            (_("Night after a switch"), _("To magnesium"), _("To none")),
            tuple(tuple(row) for row in carryover_rows(result, outcome.state.plan.washout_days)),
            right=(0, 1, 2),
        )
    )
    return blocks


def _sections(outcome: Outcome, planning: Planning, trial: TrialFile) -> tuple[Section, ...]:
    """The report's parts, following the CENT 2015 items that apply to one person's trial:
    design (3a), diagnosis and concurrent therapies (4a), interventions (5), outcomes (6a),
    sample size (7a) and stopping (7b), randomisation (8-10), blinding (11), methods (12),
    flow (13), why it ended (14b), baseline (15), numbers analysed and results (16-17), other
    analyses (18), harms (19) and limitations (20)."""
    state = outcome.state
    plan = state.plan
    facts = {key: text for key, (_label, text) in plan_facts(plan, trial, report=True).items()}
    blinding = (
        _text(
            _(
                "Blinded: someone else kept the schedule (a sealed list) and filled identical "
                "capsules, so the person did not know which periods held magnesium until the end."
            )
        )
        if plan.blinded
        else _said(sourced(trial.expectation, report=True))
    )
    result = outcome.analysis
    harms = _said(sourced(trial.harms, report=True))
    if result is not None:
        harms += _text(harms_text(result.harms))
    limits: list[Block] = []
    if not plan.blinded:
        limits += _said(sourced(trial.expectation, report=True))
    limits += _said(sourced(trial.slow_onset, report=True))
    if result is not None and (result.entered_late or result.entered_after_result):
        limits += _said(sourced(trial.late, report=True))
    limits += _text(
        _(
            "It answers one question for one person: whether this dose changed this person's "
            "nightly leg score in these weeks. It is not a diagnosis."
        )
    )
    pairs = trial.settings.pairs
    designs = design_table(planning)
    return (
        Section(
            _("Design (CENT 3a)"),
            (
                *_said(facts["design"]),
                *_said(facts["washout"]),
                *_text(run_in_text(plan, planning, report=True)),
            ),
        ),
        Section(
            _("The person (CENT 4a)"),
            tuple(
                _text(
                    _("Safety check before planning: {ids}; asked a doctor: {ok}.").format(
                        ids=", ".join(plan.screen) or _("nothing called for a doctor"),
                        ok=_("yes") if plan.doctor_ok else _("not needed"),
                    )
                )
            ),
        ),
        Section(_("Intervention (CENT 5)"), tuple(_said(facts["dose"]))),
        Section(
            _("Outcomes (CENT 6a)"),
            (
                *_said(facts["outcome"]),
                *_said(facts["matters"]),
                *_text(_("Second outcome: sleep, 0-10 (10 best), where written down.")),
            ),
        ),
        Section(
            _("Sample size and stopping (CENT 7a, 7b)"),
            (
                Paragraph(pairs.why.get(current()), tuple(pairs.sources)),
                *_said(detect_text(plan, planning, trial, report=True)),
                Table(tuple(designs[0]), tuple(tuple(row) for row in designs[1:]), (0, 1, 2, 3)),
                *_text(
                    _(
                        "No look before the end: the result is shown only after the last night "
                        "or a stop, so the number of pairs was fixed beforehand. A pair is added "
                        "only when a period can no longer reach its nights, drawn by the same "
                        "seed; pairs added: {extra}."
                    ).format(extra=format_number(plan.extra_pairs))
                ),
            ),
        ),
        Section(
            _("Randomisation (CENT 8-10)"),
            (
                *_said(facts["randomisation"]),
                *_text(
                    _(
                        "The plan was stored when it was made, with its periods; the order was "
                        "kept by someone else (allocation concealed)."
                    )
                    if plan.blinded
                    else _(
                        "The plan was stored when it was made, with its periods; the person saw "
                        "it (allocation was not concealed)."
                    )
                ),
                Table(
                    (_("Pair"), _("First period"), _("Second period")),
                    tuple(
                        (
                            str(pair),
                            arm_word(plan.periods[2 * pair - 2].arm),
                            arm_word(plan.periods[2 * pair - 1].arm),
                        )
                        for pair in range(1, plan.pairs + 1)
                    ),
                    right=(0,),
                ),
            ),
        ),
        Section(_("Blinding (CENT 11)"), (*blinding, *_said(sourced(trial.blinding, report=True)))),
        Section(
            _("Analysis (CENT 12)"),
            (
                *_said(facts["analysis"]),
                *_said(sourced(trial.model, report=True)),
                *_said(sourced(trial.off_plan, report=True)),
                *_said(sourced(trial.missing, report=True)),
                *_said(sourced(trial.late, report=True)),
            ),
        ),
        Section(_("Periods (CENT 13, 14)"), (*_text(_ended(outcome)), _period_table(outcome))),
        Section(_("Baseline (CENT 15)"), tuple(_baseline(planning))),
        Section(_("Results (CENT 16-17)"), tuple(_results(outcome, trial))),
        Section(_("Other analyses (CENT 18)"), tuple(_ancillary(outcome, trial))),
        Section(_("Harms (CENT 19)"), tuple(harms)),
        Section(_("Limitations (CENT 20)"), tuple(limits)),
        Section(
            _("Night by night"),
            (
                *_text(
                    _("Leg score 0-10 (10 worst); washout nights are kept but not counted.")
                    + " "
                    + _("A night is the date of its evening: {date} is {night}.").format(
                        date=plan.start.isoformat(), night=night(plan.start)
                    )
                ),
                Table(
                    (
                        *(_("Night"), _("Period"), _("Pair"), _("Arm")),
                        *(_("Legs"), _("Chart"), _("Followed"), _("Written")),
                    ),
                    _night_rows(outcome),
                    right=(1, 2, 4),
                    whole=(0,),
                ),
            ),
            new_page=True,
        ),
    )


def document(
    outcome: Outcome,
    planning: Planning,
    trial: TrialFile,
    sources: Sequence[SourceEntry],
    date: dt.date,
) -> Document:
    """The report as one document: what it is and where the trial stands, the answer in short,
    the CENT sections, the night-by-night table, and the works it cites (``sources`` holds at
    least those), numbered as first cited."""
    state = outcome.state
    lang = current()
    draft = Document(
        lang=lang,
        title=_("Randomised n-of-1 trial of magnesium for restless legs: report of {date}").format(
            date=long_date(date)
        ),
        lead=(
            Paragraph(
                _(
                    "One person's randomised trial, magnesium against no magnesium, planned and "
                    "kept with mgcheck. It is not a diagnosis; it answers one question for this "
                    "person only."
                )
            ),
            Paragraph(status_words(state)),
        ),
        top=(Callout(_("The answer"), _answer(outcome, trial)),),
        sections=_sections(outcome, planning, trial),
        references_title=_("Sources"),
    )
    by_key = {source.key: source for source in sources}
    return draft.replace(
        references=tuple(reference(by_key[key], lang) for key in cited_keys(draft))
    )


def render_report(
    suffix: str,
    outcome: Outcome,
    planning: Planning,
    trial: TrialFile,
    sources: Sequence[SourceEntry],
    date: dt.date,
) -> str:
    """The report as the file ``--output`` names: HTML, Markdown or text (``FORMS``)."""
    return write(document(outcome, planning, trial, sources, date), FORMS[suffix])
