"""`mgcheck diary trial` on the terminal: the screen, the plan and its calendar, the state,
the history and the result (Rich, results on stdout)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mgcheck.i18n import _, format_number
from mgcheck.models.plan import Plan
from mgcheck.models.trial import TrialFile
from mgcheck.render.dates import count_pairs, long_date
from mgcheck.render.style import signed
from mgcheck.render.trial.words import (
    adherence_text,
    blind,
    blinded_text,
    calendar_legend,
    calendar_lines,
    carryover_rows,
    caveats,
    chances_text,
    design_table,
    detect_text,
    dose_words,
    estimate_lines,
    harms_text,
    late_text,
    lost_text,
    night_line_start,
    no_estimate_text,
    not_finished_text,
    on_plan_text,
    pairs_used_text,
    plan_facts,
    progress_words,
    run_in_text,
    said,
    sleep_text,
    status_name,
    status_words,
    tonight_line,
    verdict_text,
)
from mgcheck.results.trial import Outcome, Planning, Screen, TrialState, night_plan
from mgcheck.rules.trial_analysis import Analysis, TrialResult

if TYPE_CHECKING:
    from rich.table import Table


def print_screen(screen: Screen) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console
    from mgcheck.render.guidance import print_sources_footer, sources_line

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
    print_sources_footer(console, [key for f in screen.findings for key in f.sources])


def print_plan(
    plan: Plan, trial: TrialFile, today: dt.date, planning: Planning, *, new: bool
) -> None:
    from rich.text import Text

    from mgcheck.render.console import paragraph, stdout_console
    from mgcheck.render.guidance import print_sources_footer

    console = stdout_console()
    title = _("Trial plan {id}, made {date}") if new else _("Trial plan {id} (made {date})")
    console.print(
        Text(title.format(id=plan.id, date=long_date(plan.created)), style="bold")
    )
    cited: list[str] = []
    for label, text in plan_facts(plan, trial).values():
        paragraph(console, said(text), label=label)
        cited += text.cites
    if plan.run_in_days:
        paragraph(console, run_in_text(plan, planning), label=_("Run-in"))
    if plan.blinded:
        paragraph(console, blinded_text(), label=_("Blinded"))
    found = detect_text(plan, planning, trial)
    paragraph(console, said(found), label=_("What it can find"))
    cited += found.cites
    _print_designs(planning)
    _print_calendar(plan, today)
    for label, text in caveats(trial):
        paragraph(console, said(text), "dim", label=label)
        cited += text.cites
    print_sources_footer(console, cited)
    tonight = night_plan(plan, today)  # last: what to do tonight
    if tonight is not None:
        paragraph(console, tonight_line(plan, tonight), "bold")
    else:
        paragraph(console, night_line_start(plan), "bold")


def _print_designs(planning: Planning) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    rows = design_table(planning)
    table = Table(
        title=_("Designs of about the same length"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
    )
    for name in rows[0]:
        table.add_column(name, justify="right")
    for row in rows[1:]:
        table.add_row(*(Text(cell) for cell in row))
    stdout_console().print(table)


def _print_calendar(plan: Plan, today: dt.date, written: frozenset[dt.date] | None = None) -> None:
    from rich.text import Text

    from mgcheck.render.console import paragraph, stdout_console

    console = stdout_console()
    console.print()
    for line in calendar_lines(plan, today, written):
        console.print(Text(line), no_wrap=True, overflow="ignore")
    for line in calendar_legend(plan, today, written):
        paragraph(console, line, "dim")
    console.print()


def print_state(state: TrialState, trial: TrialFile, planning: Planning) -> None:
    from rich.text import Text

    from mgcheck.render.console import paragraph, stdout_console

    console = stdout_console()
    plan = state.plan
    title = _("Trial plan {id} (made {date})")
    console.print(
        Text(title.format(id=plan.id, date=long_date(plan.created)), style="bold")
    )
    paragraph(console, status_words(state))
    dose = _("capsules filled by someone else") if blind(plan) else dose_words(plan)
    paragraph(
        console,
        _("{pairs} of {days}-night periods; on magnesium nights: {dose}.").format(
            pairs=count_pairs(plan.pairs), days=plan.period_days, dose=dose
        ),
    )
    if plan.run_in_days and state.today <= plan.start:
        paragraph(console, run_in_text(plan, planning), label=_("Run-in"))
    cited: tuple[str, ...] = ()
    if planning.spread is not None and state.running:
        found = detect_text(plan, planning, trial)
        paragraph(console, said(found), label=_("What it can find"))
        cited = found.cites
    _print_calendar(plan, state.today, planning_written(state, planning))
    paragraph(console, progress_words(state))
    lost = lost_text(state)
    if lost:
        paragraph(console, lost, "bold")
    if state.tonight is not None:
        paragraph(console, tonight_line(plan, state.tonight), "bold")
    elif state.running:
        paragraph(console, night_line_start(plan))
    if cited:
        from mgcheck.render.guidance import print_sources_footer

        print_sources_footer(console, cited)


def planning_written(state: TrialState, planning: Planning) -> frozenset[dt.date]:
    """The nights written down, of the plan and its run-in (for the calendar's marks)."""
    return frozenset(state.nights) | frozenset(planning.written_nights)


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


def pair_table(analysis: Analysis, title: str = "") -> Table:
    """Every pair: its two means and their difference; a pair left out says so."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, title=title or None)
    table.add_column(_("Pair"), justify="right")
    table.add_column(_("Magnesium"), justify="right")
    table.add_column(_("None"), justify="right")
    table.add_column(_("Difference"), justify="right")
    for row in analysis.rows:

        def cell(value: float | None) -> Text:
            return Text("–" if value is None else format_number(value, 2))

        table.add_row(
            Text(str(row.pair) + ("" if row.used else " *")),
            cell(row.magnesium_mean),
            cell(row.none_mean),
            Text("–" if row.difference is None else signed(row.difference)),
        )
    return table


def print_outcome(outcome: Outcome, trial: TrialFile) -> None:
    """The result as one story: the pair table, what it rests on, the verdict with its size,
    interval and probabilities, the checks beside it, sleep, side effects and carryover, the
    limits, and where to read the sources they cite."""
    from rich.text import Text

    from mgcheck.render.console import paragraph, stdout_console

    console = stdout_console()
    state = outcome.state
    plan = state.plan
    console.print(Text(_("Trial plan {id}: the result").format(id=plan.id), style="bold"))
    result = outcome.analysis
    if result is None:  # "not finished yet" says what status_words would
        paragraph(console, not_finished_text(state), "bold")
        paragraph(console, progress_words(state))
        if state.tonight is not None:
            paragraph(console, tonight_line(plan, state.tonight))
        return
    paragraph(console, status_words(state))
    primary = result.primary
    console.print(pair_table(primary))
    note = _("Mean leg score (0-10, 10 worst) of the counted nights, as randomised.")
    if not all(r.used for r in primary.rows):
        note += " " + _("* left out: too few counted nights.")
    paragraph(console, note, "dim")
    paragraph(console, pairs_used_text(primary))
    estimate = primary.estimate
    if estimate is None:
        paragraph(console, no_estimate_text(primary), "bold")
    else:
        paragraph(console, verdict_text(estimate, trial), "bold")
        for line in estimate_lines(estimate):
            paragraph(console, line)
        paragraph(console, chances_text(estimate, plan, trial))
    paragraph(console, adherence_text(result))
    for extra in (
        on_plan_text(result),
        late_text(result, trial.settings.late_days.value),
        sleep_text(result),
        harms_text(result.harms),
    ):
        if extra:
            paragraph(console, extra)
    _print_carryover(result, plan.washout_days)
    cited: list[str] = []
    for label, text in caveats(trial):
        paragraph(console, said(text), label=label)
        cited += text.cites
    from mgcheck.render.guidance import print_sources_footer

    print_sources_footer(console, cited)


def _print_carryover(result: TrialResult, washout_days: int) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import paragraph, stdout_console

    console = stdout_console()
    table = Table(
        title=_("Night after a switch"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
    )
    table.add_column(_("Night"), justify="right")
    table.add_column(_("To magnesium"), justify="right")
    table.add_column(_("To none"), justify="right")
    for row in carryover_rows(result, washout_days):
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)
    paragraph(
        console,
        _("Mean leg score (number of nights); * a washout night, not counted."),
        "dim",
    )
