"""`mgcheck diary trial` on the terminal: the screen, the plan and its calendar, the state,
the history and the result (Rich, results on stdout)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mgcheck.i18n import _, current, format_number
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.plan import Plan
from mgcheck.models.trial import TrialFile
from mgcheck.render.dates import count_pairs, long_date
from mgcheck.render.trial.words import (
    adherence_text,
    as_randomised_text,
    calendar_legend,
    calendar_lines,
    caveats,
    dates,
    dose_words,
    estimate_lines,
    importance_text,
    night_line_start,
    not_finished_text,
    plan_facts,
    progress_words,
    shortfall_text,
    status_name,
    status_words,
    tonight_line,
    verdict_text,
)
from mgcheck.results.trial import Outcome, Screen, TrialState, night_plan


def print_screen(screen: Screen) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console
    from mgcheck.render.guidance import sources_line

    console = stdout_console()
    if not screen.findings:
        console.print(_("Safety check: nothing in your answers calls for a doctor first."))
        return
    console.print(
        Text(_("Safety check: talk to your doctor before this trial."), style="bold yellow")
    )
    for finding in screen.findings:
        console.print(Text(finding.title, style="bold"))
        console.print(Text(finding.text))
        console.print(sources_line(finding.sources))


def print_plan(plan: Plan, trial: TrialFile, today: dt.date, *, new: bool) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    title = _("Trial plan {id}, made {date}") if new else _("Trial plan {id} (made {date})")
    console.print(
        Text(title.format(id=plan.id, date=long_date(plan.created, dates())), style="bold")
    )
    for label, text in plan_facts(plan, trial).values():
        console.print(Text.assemble((label + ": ", "bold"), text))
    _print_calendar(plan, today)
    for label, text in caveats(trial):
        console.print(Text.assemble((label + ": ", "bold"), text), style="dim")
    said = night_plan(plan, today)
    if said is not None:
        console.print(Text(tonight_line(plan, said), style="bold"))
    else:
        console.print(Text(night_line_start(plan), style="bold"))


def _print_calendar(plan: Plan, today: dt.date) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    console.print()
    for line in calendar_lines(plan, today):
        console.print(Text(line), no_wrap=True, overflow="ignore")
    for line in calendar_legend(plan, today):
        console.print(Text(line, style="dim"))
    console.print()


def print_state(state: TrialState, trial: TrialFile) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    plan = state.plan
    console.print(
        Text(
            _("Trial plan {id} (made {date})").format(
                id=plan.id, date=long_date(plan.created, dates())
            ),
            style="bold",
        )
    )
    console.print(status_words(state))
    console.print(
        _("{pairs} of {days}-night periods; on magnesium nights: {dose}.").format(
            pairs=count_pairs(plan.pairs, dates()), days=plan.period_days, dose=dose_words(plan)
        )
    )
    _print_calendar(plan, state.today)
    console.print(progress_words(state))
    if state.tonight is not None:
        console.print(Text(tonight_line(plan, state.tonight), style="bold"))
    elif state.running:
        console.print(night_line_start(plan))


def print_history(plans: Sequence[Plan], today: dt.date) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    if not plans:
        console.print(_("No trial plans yet. Make one with mgcheck diary trial plan."))
        return
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column(_("No."), justify="right")
    table.add_column(_("Made"), no_wrap=True)
    table.add_column(_("Nights"), no_wrap=True)
    table.add_column(_("Pairs"), justify="right")
    table.add_column(_("Status"))
    for plan in plans:
        table.add_row(
            Text(str(plan.id)),
            Text(plan.created.isoformat()),
            Text(f"{plan.start.isoformat()} – {plan.end.isoformat()}"),
            Text(str(plan.pairs)),
            Text(status_name(plan.status_on(today))),
        )
    console.print(table)
    console.print(Text(_("One plan in full: mgcheck diary trial show --plan NO."), style="dim"))


def print_outcome(
    outcome: Outcome, trial: TrialFile, sources: Sequence[tuple[int, SourceEntry]]
) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    state = outcome.state
    plan = state.plan
    console.print(
        Text(
            _("Trial plan {id}: the result").format(id=plan.id),
            style="bold",
        )
    )
    result = outcome.analysis
    if result is None:  # "not finished yet" says what status_words would
        console.print(Text(not_finished_text(state), style="bold"))
        console.print(progress_words(state))
        if state.tonight is not None:
            console.print(tonight_line(plan, state.tonight))
        return
    console.print(status_words(state))
    estimate = result.estimate
    if estimate is not None:
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        table.add_column(_("Pair"), justify="right")
        table.add_column(_("Magnesium"), justify="right")
        table.add_column(_("None"), justify="right")
        table.add_column(_("Difference"), justify="right")
        for pair in estimate.pairs:
            table.add_row(
                Text(str(pair.pair)),
                Text(format_number(pair.magnesium_mean, 2)),
                Text(format_number(pair.none_mean, 2)),
                Text(format_number(pair.difference, 2)),
            )
        console.print(table)
        console.print(
            Text(_("Mean leg score (0-10, 10 worst) of the counted nights."), style="dim")
        )
        for line in estimate_lines(estimate, plan):
            console.print(line)
    console.print(adherence_text(result))
    other = as_randomised_text(result, trial)
    if other:
        console.print(other)
    if estimate is None:
        console.print(Text(shortfall_text(result), style="bold"))
    else:
        console.print(Text(verdict_text(estimate, trial), style="bold"))
        importance = importance_text(estimate, plan, trial)
        if importance:
            console.print(importance)
    for label, text in caveats(trial):
        console.print(Text.assemble((label + ": ", "bold"), text))
    _print_sources(sources)


def _print_sources(sources: Sequence[tuple[int, SourceEntry]]) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    console.print(Text(_("Sources"), style="bold"))
    for number, source in sources:
        year = f" ({source.year})" if source.year else ""
        console.print(
            Text.assemble(
                f"{number}. ", (source.key, "bold"), f" {source.organisation.get(current())}{year}"
            )
        )
    console.print(Text(_("Every source in full: mgcheck sources KEY ..."), style="dim"))
