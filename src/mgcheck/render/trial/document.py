"""The trial's report for the doctor as a document: sections of paragraphs and tables.

Content only, in no markup: ``render/trial/markup.py`` writes it as Markdown or HTML. The
sections follow the CENT 2015 items that apply to one person's trial. To move the report onto a
shared document writer, that writer takes these sections (a heading, then paragraphs and
tables) and ``markup.py`` goes; nothing here changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from mgcheck.i18n import _, current, format_number
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.trial import TrialFile
from mgcheck.render.dates import long_date
from mgcheck.render.trial.words import (
    adherence_text,
    arm_word,
    as_randomised_text,
    dates,
    estimate_lines,
    importance_text,
    not_finished_text,
    plan_facts,
    progress_words,
    shortfall_text,
    sourced,
    status_words,
    verdict_text,
)
from mgcheck.results.trial import Outcome
from mgcheck.safetext import visible


def _night_rows(outcome: Outcome) -> list[list[str]]:
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
                ]
            )
    return rows


Table = list[list[str]]  # a header row, then the rows


Block = str | Table  # a paragraph or a table


Section = tuple[str, list[Block]]


def report_sections(
    outcome: Outcome,
    trial: TrialFile,
    sources: Sequence[tuple[int, SourceEntry]],
    date: dt.date,
    escape: Callable[[str], str] = visible,
) -> list[Section]:
    """The report as (heading, blocks) sections, following the CENT 2015 items that apply to
    one person's trial: design (3a), interventions (5), outcome (6a), randomisation (8-10),
    blinding (11), methods (12), flow (13), numbers analysed and results (16-18) and limits
    (20). ``escape`` is applied to every text a plan carries (the dose the person wrote, the
    screen's ids): a plan changed outside mgcheck can put no markup into the report."""
    state = outcome.state
    plan = state.plan.replace(dose=escape(state.plan.dose))
    facts = {key: text for key, (_label, text) in plan_facts(plan, trial).items()}
    sections: list[Section] = [
        (
            _("Randomised n-of-1 trial of magnesium for restless legs: report of {date}").format(
                date=long_date(date, dates())
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
            _("Design (CENT 3a, 4)"),
            [
                facts["design"],
                facts["washout"],
                _("Safety check before planning: {ids}; asked a doctor: {ok}.").format(
                    ids=", ".join(escape(key) for key in plan.screen)
                    or _("nothing called for a doctor"),
                    ok=_("yes") if plan.doctor_ok else _("not needed"),
                ),
            ],
        ),
        (_("Intervention (CENT 5)"), [facts["dose"]]),
        (_("Outcome (CENT 6a)"), [facts["outcome"], facts["matters"]]),
        (
            _("Randomisation (CENT 8-10)"),
            [
                facts["randomisation"],
                _(
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
        (
            _("Periods (CENT 13)"),
            [
                [
                    [
                        *(_("Period"), _("Pair"), _("Arm"), _("Nights")),
                        *(_("Counted"), _("Mean"), _("Off plan"), _("Missing")),
                    ],
                    *_period_rows(outcome),
                ]
            ],
        ),
        (_("Blinding (CENT 11)"), [sourced(trial.expectation), sourced(trial.blinding)]),
        (
            _("Analysis (CENT 12)"),
            [facts["analysis"], sourced(trial.off_plan), sourced(trial.missing)],
        ),
        (_("Results (CENT 16-18)"), _results(outcome, trial)),
        (
            _("Night by night"),
            [
                _("Leg score 0-10 (10 worst); washout nights are kept but not counted."),
                [
                    [
                        *(_("Night"), _("Period"), _("Pair"), _("Arm")),
                        *(_("Legs"), _("Chart"), _("Followed")),
                    ],
                    *_night_rows(outcome),
                ],
            ],
        ),
        (_("Limitations (CENT 20)"), [sourced(trial.expectation), sourced(trial.slow_onset)]),
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
    return sections


def _results(outcome: Outcome, trial: TrialFile) -> list[Block]:
    state = outcome.state
    result = outcome.analysis
    if result is None:
        return [not_finished_text(state), progress_words(state)]
    blocks: list[Block] = [adherence_text(result)]
    estimate = result.estimate
    if estimate is None:
        blocks.append(shortfall_text(result))
    else:
        blocks.append(
            [
                [_("Pair"), _("Magnesium"), _("None"), _("Difference")],
                *[
                    [
                        str(p.pair),
                        format_number(p.magnesium_mean, 2),
                        format_number(p.none_mean, 2),
                        format_number(p.difference, 2),
                    ]
                    for p in estimate.pairs
                ],
            ]
        )
        blocks += estimate_lines(estimate, state.plan)
        blocks.append(verdict_text(estimate, trial))
        importance = importance_text(estimate, state.plan, trial)
        if importance:
            blocks.append(importance)
    other = as_randomised_text(result, trial)
    if other:
        blocks.append(other)
    return blocks


def _period_rows(outcome: Outcome) -> list[list[str]]:
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
                "–" if summary is None else str(len(summary.usable)),
                "–" if summary is None or summary.mean is None else format_number(summary.mean, 2),
                "–" if summary is None else str(len(summary.off_plan)),
                "–" if summary is None else str(len(summary.missing)),
            ]
        )
    return rows
