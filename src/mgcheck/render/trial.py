"""`mgcheck diary trial` on the terminal, as JSON, and as a report for the doctor.

Words only: every figure comes from ``results/trial.py``; every sentence about the method, the
verdict and its limits comes from data/trial.yaml (with its sources) or the catalogue.
The calendar is one row per calendar week, Monday first, each cell an evening: it fits 60
columns in Danish and English (a test measures it).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Any

from mgcheck.i18n import Translator, current, translator
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.plan import Arm, Plan, PlanStatus, minimum_p
from mgcheck.models.trial import POINTS, Sourced, TrialFile
from mgcheck.render.dates import (
    count_nights,
    count_pairs,
    long_date,
    night,
    sentence,
    weekday_short,
)
from mgcheck.results.trial import NightPlan, Outcome, Screen, TrialState, night_plan
from mgcheck.rules.trial import Estimate, TrialResult, can_reach
from mgcheck.safetext import visible

CELL = 5  # " 28M " or "[28M]"


def _t() -> Translator:
    return translator(current())


def arm_word(arm: Arm, t: Translator) -> str:
    return t("magnesium") if arm is Arm.MAGNESIUM else t("no magnesium")


def arm_letter(arm: Arm, washout: bool, t: Translator) -> str:
    letter = t("M") if arm is Arm.MAGNESIUM else t("N")
    return letter.lower() if washout else letter


def period_name(plan: Plan, number: int, t: Translator) -> str:
    """ "week 3 of 12" when periods are weeks, else "period 3 of 12"."""
    words = t("week {n} of {total}") if plan.period_days == 7 else t("period {n} of {total}")
    return words.format(n=number, total=len(plan.periods))


def dose_words(plan: Plan, t: Translator) -> str:
    """ "400 mg magnesiumcitrat (45–65 mg magnesium)"; the magnesium once when it is the dose."""
    from mgcheck.render.style import mg_span

    amount = mg_span(plan.dose_mg_low, plan.dose_mg_high)
    dose = visible(plan.dose)
    if amount.replace(" ", "") in dose.replace(" ", ""):
        return dose
    return t("{dose} ({amount} magnesium)").format(dose=dose, amount=amount)


def night_line(
    plan: Plan, said: NightPlan, t: Translator, *, with_dose: bool = True, capital: bool = True
) -> str:
    """ "Natten til 28. november 2026: uge 3 af 12, magnesium – 400 mg magnesiumcitrat"."""
    what = arm_word(said.period.arm, t)
    if with_dose and said.period.arm is Arm.MAGNESIUM:
        what += " – " + dose_words(plan, t)
    when = night(said.night, t)
    line = t("{night}: {period}, {arm}").format(
        night=sentence(when) if capital else when,
        period=period_name(plan, said.number, t),
        arm=what,
    )
    if said.washout:
        line += "; " + t("a washout night: kept, but not counted")
    return line


def tonight_line(plan: Plan, said: NightPlan, t: Translator) -> str:
    return t("Tonight: {line}").format(line=night_line(plan, said, t, capital=False))


# --- the calendar ------------------------------------------------------------------------------


def _short_month(day: dt.date, t: Translator) -> str:
    return (
        t("Jan"),
        t("Feb"),
        t("Mar"),
        t("Apr"),
        t("May"),
        t("Jun"),
        t("Jul"),
        t("Aug"),
        t("Sep"),
        t("Oct"),
        t("Nov"),
        t("Dec"),
    )[day.month - 1]


def calendar_lines(plan: Plan, today: dt.date | None, t: Translator) -> list[str]:
    """One row per calendar week (Monday first), each cell an evening: its date and the arm
    (M, or N/U for none; lower case in the washout); today in brackets."""
    first = plan.start - dt.timedelta(days=plan.start.weekday())
    label_width = max(
        len(t("{day} {month}").format(day=28, month=_short_month(dt.date(2000, m, 1), t)))
        for m in range(1, 13)
    )
    label_width += 1  # a space before the first cell
    header = " " * label_width + "".join(f"{weekday_short(d, t):>{CELL - 1}} " for d in range(7))
    lines = [header.rstrip()]
    monday = first
    while monday <= plan.end:
        cells = []
        for offset in range(7):
            day = monday + dt.timedelta(days=offset)
            said = plan.period_of(day) if plan.start <= day <= plan.end else None
            if plan.start <= day <= plan.end and said is None:
                letter = "×"  # after a stop
            elif said is None:
                letter = " "
            else:
                letter = arm_letter(said.arm, plan.in_washout(day), t)
            number = f"{day.day:>2}" if plan.start <= day <= plan.end else "  "
            body = f"{number}{letter}" if number.strip() else "   "
            cells.append(f"[{body}]" if day == today else f" {body} ")
        label = t("{day} {month}").format(day=monday.day, month=_short_month(monday, t))
        lines.append((f"{label:<{label_width}}" + "".join(cells)).rstrip())
        monday += dt.timedelta(days=7)
    return lines


def calendar_legend(plan: Plan, t: Translator, today: dt.date | None = None) -> list[str]:
    """The calendar's key; "today is in brackets" only when today is on the calendar."""
    evenings = t(
        "Each date is an evening: take the magnesium that evening; the night is the one "
        "that follows."
    )
    first = plan.start - dt.timedelta(days=plan.start.weekday())
    last = plan.end + dt.timedelta(days=6 - plan.end.weekday())
    if today is not None and first <= today <= last:
        evenings += " " + t("Today is in brackets.")
    lines = [
        t("{m} magnesium, {n} no magnesium; lower case ({mw}, {nw}): washout, not counted.").format(
            m=t("M"), n=t("N"), mw=t("M").lower(), nw=t("N").lower()
        ),
        evenings,
    ]
    if plan.stopped_on is not None:
        lines.append(t("×: cancelled (the plan was stopped)."))
    return lines


# --- the plan ----------------------------------------------------------------------------------


def sourced(text: Sourced, t: Translator) -> str:
    keys = ", ".join(text.sources)
    return text.text.get(t.lang) + (f" [{keys}]" if keys else "")


def points(value: float, t: Translator) -> str:
    """ "2" or "1,5": a whole number of points without a decimal."""
    return t.number(value, 0 if value == round(value) else 1)


def _p(value: float, t: Translator) -> str:
    return t.number(value, 3)


def plan_facts(plan: Plan, trial: TrialFile, t: Translator) -> dict[str, tuple[str, str]]:
    """What the plan states up front, in the order a reader needs them: id -> (label, text)."""
    pairs = plan.pairs
    floor = minimum_p(pairs)
    reach = t("the smallest p-value this design can reach is 2/{n} = {p}.").format(
        n=2**pairs, p=_p(floor, t)
    )
    if not can_reach(pairs, plan.alpha):
        reach += " " + t(
            "That is above {alpha}: with {pairs} no diary, however clear, can show a difference "
            "at the usual level. Use at least 6 pairs."
        ).format(alpha=t.number(plan.alpha, 2), pairs=count_pairs(pairs, t))
    elif pairs == 6:
        reach += " " + t(
            "With exactly 6 pairs that needs all six pairs to point the same way: one pair "
            "with no difference already prevents it."
        )
    weeks = len(plan.periods) * plan.period_days
    counted = plan.period_days - plan.washout_days
    return {
        "outcome": (t("Outcome"), sourced(trial.outcome, t)),
        "design": (
            t("Design"),
            t("{pairs} of {days}-night periods ({total}), from {start} to {end}. {text}").format(
                pairs=count_pairs(pairs, t),
                days=plan.period_days,
                total=count_nights(weeks, t),
                start=night(plan.start, t),
                end=night(plan.end, t),
                text=sourced(trial.design, t),
            ),
        ),
        "washout": (
            t("Washout"),
            t(
                "The first {washout} of each period are kept but not counted, so {counted} "
                "count; a period needs {needed} of them."
            ).format(
                washout=count_nights(plan.washout_days, t),
                counted=count_nights(counted, t),
                needed=t.number(plan.min_nights),
            )
            + f" [{', '.join(trial.settings.washout_days.sources)}]",
        ),
        "dose": (t("Dose"), t("On magnesium nights: {dose}.").format(dose=dose_words(plan, t))),
        "matters": (
            t("What would matter"),
            t("A difference of {points} points in your nightly leg score.").format(
                points=points(plan.matters, t)
            ),
        ),
        "analysis": (t("Analysis"), sourced(trial.analysis, t) + " " + sentence(reach)),
        "randomisation": (
            t("Randomisation"),
            t(
                "One fair coin per pair decides which period comes first (Python's "
                "random.Random with seed {seed}, {how}); the same seed always gives this plan."
            ).format(
                seed=plan.seed,
                how=t("drawn by the computer") if plan.seed_drawn else t("chosen with --seed"),
            ),
        ),
    }


def caveats(trial: TrialFile, t: Translator) -> list[tuple[str, str]]:
    return [
        (t("Expectation"), sourced(trial.expectation, t)),
        (t("Blinding"), sourced(trial.blinding, t)),
        (t("Slow effects"), sourced(trial.slow_onset, t)),
    ]


def print_screen(screen: Screen) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console
    from mgcheck.render.guidance import sources_line

    t = _t()
    console = stdout_console()
    if not screen.findings:
        console.print(t("Safety check: nothing in your answers calls for a doctor first."))
        return
    console.print(
        Text(t("Safety check: talk to your doctor before this trial."), style="bold yellow")
    )
    for finding in screen.findings:
        console.print(Text(finding.title, style="bold"))
        console.print(Text(finding.text))
        console.print(sources_line(finding.sources))


def print_plan(plan: Plan, trial: TrialFile, today: dt.date, *, new: bool) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    t = _t()
    console = stdout_console()
    title = t("Trial plan {id}, made {date}") if new else t("Trial plan {id} (made {date})")
    console.print(Text(title.format(id=plan.id, date=long_date(plan.created, t)), style="bold"))
    for label, text in plan_facts(plan, trial, t).values():
        console.print(Text.assemble((label + ": ", "bold"), text))
    _print_calendar(plan, today, t)
    for label, text in caveats(trial, t):
        console.print(Text.assemble((label + ": ", "bold"), text), style="dim")
    said = night_plan(plan, today)
    if said is not None:
        console.print(Text(tonight_line(plan, said, t), style="bold"))
    else:
        console.print(Text(night_line_start(plan, t), style="bold"))


def _print_calendar(plan: Plan, today: dt.date, t: Translator) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    console.print()
    for line in calendar_lines(plan, today, t):
        console.print(Text(line), no_wrap=True, overflow="ignore")
    for line in calendar_legend(plan, t, today):
        console.print(Text(line, style="dim"))
    console.print()


def status_words(state: TrialState, t: Translator) -> str:
    plan = state.plan
    if state.status is PlanStatus.STOPPED:
        assert plan.stopped_on is not None
        return t("Stopped on {date}.").format(date=long_date(plan.stopped_on, t))
    if state.status is PlanStatus.FINISHED:
        return t("Finished: its last night was {night}.").format(night=night(plan.end, t))
    if state.today < plan.start:
        return t("Not started: the first night is {night}.").format(night=night(plan.start, t))
    return t("Running: {left} left; the last is {night}.").format(
        left=count_nights(state.progress.left, t), night=night(plan.end, t)
    )


def progress_words(state: TrialState, t: Translator) -> str:
    progress = state.progress
    if not progress.passed:
        return t("No planned night has passed yet.")
    return t(
        "Of the {passed} planned so far: {recorded} written down, {followed} as planned, "
        "{off} off the plan, {missing} missing."
    ).format(
        passed=count_nights(progress.passed, t),
        recorded=t.number(progress.recorded),
        followed=t.number(progress.followed),
        off=t.number(progress.off_plan),
        missing=t.number(progress.missing),
    )


def print_state(state: TrialState, trial: TrialFile) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    t = _t()
    console = stdout_console()
    plan = state.plan
    console.print(
        Text(
            t("Trial plan {id} (made {date})").format(id=plan.id, date=long_date(plan.created, t)),
            style="bold",
        )
    )
    console.print(status_words(state, t))
    console.print(
        t("{pairs} of {days}-night periods; on magnesium nights: {dose}.").format(
            pairs=count_pairs(plan.pairs, t), days=plan.period_days, dose=dose_words(plan, t)
        )
    )
    _print_calendar(plan, state.today, t)
    console.print(progress_words(state, t))
    if state.tonight is not None:
        console.print(Text(tonight_line(plan, state.tonight, t), style="bold"))
    elif state.running:
        console.print(night_line_start(plan, t))


def night_line_start(plan: Plan, t: Translator) -> str:
    first = NightPlan(plan.start, plan.periods[0], 1, plan.washout_days > 0)
    return t("The first night: {line}").format(line=night_line(plan, first, t, capital=False))


def print_history(plans: Sequence[Plan], today: dt.date) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    t = _t()
    console = stdout_console()
    if not plans:
        console.print(t("No trial plans yet. Make one with mgcheck diary trial plan."))
        return
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column(t("No."), justify="right")
    table.add_column(t("Made"), no_wrap=True)
    table.add_column(t("Nights"), no_wrap=True)
    table.add_column(t("Pairs"), justify="right")
    table.add_column(t("Status"))
    for plan in plans:
        table.add_row(
            Text(str(plan.id)),
            Text(plan.created.isoformat()),
            Text(f"{plan.start.isoformat()} – {plan.end.isoformat()}"),
            Text(str(plan.pairs)),
            Text(status_name(plan.status_on(today), t)),
        )
    console.print(table)
    console.print(Text(t("One plan in full: mgcheck diary trial show --plan NO."), style="dim"))


def status_name(status: PlanStatus, t: Translator) -> str:
    return {
        PlanStatus.ACTIVE: t("active"),
        PlanStatus.STOPPED: t("stopped"),
        PlanStatus.FINISHED: t("finished"),
    }[status]


# --- the result --------------------------------------------------------------------------------


def verdict_text(estimate: Estimate, trial: TrialFile, t: Translator) -> str:
    words = getattr(trial.verdicts, estimate.verdict.value).get(t.lang)
    return str(words.replace(POINTS, t.number(abs(estimate.difference), 1)))


def importance_text(estimate: Estimate, plan: Plan, trial: TrialFile, t: Translator) -> str:
    if estimate.importance is None:
        return ""
    words = getattr(trial.importance, estimate.importance.value).get(t.lang)
    return str(words.replace(POINTS, points(plan.matters, t)))


def shortfall_text(result: TrialResult, t: Translator) -> str:
    assert result.refusal is not None
    sides = [
        t("pair {pair} {arm}: {usable} of {needed}").format(
            pair=s.pair,
            arm=arm_word(s.arm, t),
            usable=t.number(s.usable),
            needed=t.number(s.needed),
        )
        for s in result.refusal.shortfalls
    ]
    return t(
        "No answer: a period needs {needed} counted nights that followed the plan, and these "
        "have too few ({sides}). Guessing those nights, or leaving the pairs out, would break "
        "the design the test relies on."
    ).format(needed=t.number(result.refusal.shortfalls[0].needed), sides="; ".join(sides))


def not_finished_text(state: TrialState, t: Translator) -> str:
    pairs = state.pairs_left()
    return t(
        "Not finished yet: {left} left (pairs {pairs}); the last is {night}. The answer comes "
        "after the last night: looking earlier and stopping when it looks good would make a "
        "chance finding likelier."
    ).format(
        left=count_nights(state.progress.left, t),
        pairs=f"{pairs[0]}–{pairs[-1]}" if len(pairs) > 1 else str(pairs[0]),
        night=night(state.plan.end, t),
    )


def estimate_lines(estimate: Estimate, plan: Plan, t: Translator) -> list[str]:
    return [
        t(
            "Mean difference, magnesium minus none: {d} points (95 % interval {low} to {high})."
        ).format(
            d=t.number(estimate.difference, 2),
            low=t.number(estimate.low, 2),
            high=t.number(estimate.high, 2),
        ),
        t("Randomisation test: p = {p} (the smallest possible with {pairs}: {floor}).").format(
            p=_p(estimate.p_randomization, t),
            pairs=count_pairs(len(estimate.pairs), t),
            floor=_p(estimate.minimum_p, t),
        ),
    ]


def adherence_text(result: TrialResult, t: Translator) -> str:
    a = result.adherence
    return t(
        "Nights: {planned} planned, {recorded} written down, {followed} as planned, {off} off "
        "the plan, {missing} missing ({share} % followed)."
    ).format(
        planned=t.number(a.planned),
        recorded=t.number(a.recorded),
        followed=t.number(a.followed),
        off=t.number(a.off_plan),
        missing=t.number(a.missing),
        share=t.number(100 * a.share_followed),
    )


def as_randomised_text(result: TrialResult, trial: TrialFile, t: Translator) -> str:
    if result.as_randomised is None:
        if result.adherence.off_plan:
            return t(
                "Counted as planned instead, the off-plan nights would leave a period short, "
                "so that check could not be made."
            )
        return ""
    other = result.as_randomised
    same = result.estimate is not None and other.verdict is result.estimate.verdict
    return t(
        "Counting the off-plan nights as planned (as randomised): {d} points ({low} to {high}), "
        "p = {p}: {same}"
    ).format(
        d=t.number(other.difference, 2),
        low=t.number(other.low, 2),
        high=t.number(other.high, 2),
        p=_p(other.p_randomization, t),
        same=t("the same answer.") if same else t("a different answer: read the result with care."),
    )


def print_outcome(
    outcome: Outcome, trial: TrialFile, sources: Sequence[tuple[int, SourceEntry]]
) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    t = _t()
    console = stdout_console()
    state = outcome.state
    plan = state.plan
    console.print(
        Text(
            t("Trial plan {id}: the result").format(id=plan.id),
            style="bold",
        )
    )
    result = outcome.analysis
    if result is None:  # "not finished yet" says what status_words would
        console.print(Text(not_finished_text(state, t), style="bold"))
        console.print(progress_words(state, t))
        if state.tonight is not None:
            console.print(tonight_line(plan, state.tonight, t))
        return
    console.print(status_words(state, t))
    estimate = result.estimate
    if estimate is not None:
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        table.add_column(t("Pair"), justify="right")
        table.add_column(t("Magnesium"), justify="right")
        table.add_column(t("None"), justify="right")
        table.add_column(t("Difference"), justify="right")
        for pair in estimate.pairs:
            table.add_row(
                Text(str(pair.pair)),
                Text(t.number(pair.magnesium_mean, 2)),
                Text(t.number(pair.none_mean, 2)),
                Text(t.number(pair.difference, 2)),
            )
        console.print(table)
        console.print(
            Text(t("Mean leg score (0-10, 10 worst) of the counted nights."), style="dim")
        )
        for line in estimate_lines(estimate, plan, t):
            console.print(line)
    console.print(adherence_text(result, t))
    other = as_randomised_text(result, trial, t)
    if other:
        console.print(other)
    if estimate is None:
        console.print(Text(shortfall_text(result, t), style="bold"))
    else:
        console.print(Text(verdict_text(estimate, trial, t), style="bold"))
        importance = importance_text(estimate, plan, trial, t)
        if importance:
            console.print(importance)
    for label, text in caveats(trial, t):
        console.print(Text.assemble((label + ": ", "bold"), text))
    _print_sources(sources, t)


def _print_sources(sources: Sequence[tuple[int, SourceEntry]], t: Translator) -> None:
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    console.print(Text(t("Sources"), style="bold"))
    for number, source in sources:
        year = f" ({source.year})" if source.year else ""
        console.print(
            Text.assemble(
                f"{number}. ", (source.key, "bold"), f" {source.organisation.get(t.lang)}{year}"
            )
        )
    console.print(Text(t("Every source in full: mgcheck sources KEY ..."), style="dim"))


# --- JSON ----------------------------------------------------------------------------------------


def plan_json(plan: Plan, today: dt.date) -> dict[str, Any]:
    return {
        "id": plan.id,
        "status": plan.status_on(today).value,
        "created": plan.created.isoformat(),
        "stopped_on": None if plan.stopped_on is None else plan.stopped_on.isoformat(),
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "seed": plan.seed,
        "seed_drawn": plan.seed_drawn,
        "pairs": plan.pairs,
        "period_days": plan.period_days,
        "washout_days": plan.washout_days,
        "min_nights": plan.min_nights,
        "alpha": plan.alpha,
        "confidence": plan.confidence,
        "minimum_p": minimum_p(plan.pairs),
        "can_reach_alpha": can_reach(plan.pairs, plan.alpha),
        "dose": plan.dose,
        "dose_mg": {"low": plan.dose_mg_low, "high": plan.dose_mg_high},
        "matters": plan.matters,
        "screen": list(plan.screen),
        "doctor_ok": plan.doctor_ok,
    }


def _estimate_json(estimate: Estimate) -> dict[str, Any]:
    return {
        "difference": estimate.difference,
        "interval": {"low": estimate.low, "high": estimate.high},
        "p_randomization": estimate.p_randomization,
        "verdict": estimate.verdict.value,
    }


def trial_json(
    state: TrialState,
    trial: TrialFile,
    outcome: Outcome | None = None,
    sources: Sequence[tuple[int, SourceEntry]] = (),
) -> dict[str, Any]:
    """The payload of ``mgcheck.trial``: the schedule always; the result with ``outcome``."""
    t = _t()
    plan = state.plan
    summaries = {}
    if outcome is not None and outcome.analysis is not None:
        summaries = {s.period.start: s for s in outcome.analysis.periods}
    periods = []
    for period in plan.periods:
        item: dict[str, Any] = {
            "pair": period.pair,
            "arm": period.arm.value,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "counted_from": (period.start + dt.timedelta(days=plan.washout_days)).isoformat(),
        }
        if outcome is not None:
            summary = summaries.get(period.start)
            item["mean"] = None if summary is None else summary.mean
            item["usable"] = None if summary is None else len(summary.usable)
            item["off_plan"] = None if summary is None else len(summary.off_plan)
            item["missing"] = None if summary is None else len(summary.missing)
        periods.append(item)
    tonight = state.tonight
    payload: dict[str, Any] = {
        "plan": plan_json(plan, state.today),
        "today": state.today.isoformat(),
        "tonight": None
        if tonight is None
        else {
            "night": tonight.night.isoformat(),
            "pair": tonight.period.pair,
            "period": tonight.number,
            "arm": tonight.period.arm.value,
            "washout": tonight.washout,
        },
        "outcome": trial.outcome.text.get(t.lang),
        "periods": periods,
    }
    if outcome is None:
        return payload
    progress = state.progress
    payload["progress"] = {
        "passed": progress.passed,
        "recorded": progress.recorded,
        "followed": progress.followed,
        "off_plan": progress.off_plan,
        "missing": progress.missing,
        "left": progress.left,
    }
    result = outcome.analysis
    estimate = None if result is None else result.estimate
    if result is None:
        verdict, text = "not_finished", not_finished_text(state, t)
    elif estimate is None:
        verdict, text = "not_enough_nights", shortfall_text(result, t)
    else:
        verdict, text = estimate.verdict.value, verdict_text(estimate, trial, t)
    payload.update(
        {
            "finished": result is not None,
            "pairs": []
            if estimate is None
            else [
                {
                    "pair": p.pair,
                    "magnesium_mean": p.magnesium_mean,
                    "none_mean": p.none_mean,
                    "difference": p.difference,
                    "magnesium_nights": p.magnesium_nights,
                    "none_nights": p.none_nights,
                }
                for p in estimate.pairs
            ],
            "difference": None if estimate is None else estimate.difference,
            "interval": None if estimate is None else {"low": estimate.low, "high": estimate.high},
            "p_randomization": None if estimate is None else estimate.p_randomization,
            "verdict": verdict,
            "verdict_text": text,
            "importance": None
            if estimate is None or estimate.importance is None
            else estimate.importance.value,
            "adherence": None
            if result is None
            else {
                "planned": result.adherence.planned,
                "recorded": result.adherence.recorded,
                "followed": result.adherence.followed,
                "off_plan": result.adherence.off_plan,
                "missing": result.adherence.missing,
                "share_followed": result.adherence.share_followed,
            },
            "as_randomised": None
            if result is None or result.as_randomised is None
            else _estimate_json(result.as_randomised),
            "refusal": None
            if result is None or result.refusal is None
            else [
                {"pair": s.pair, "arm": s.arm.value, "usable": s.usable, "needed": s.needed}
                for s in result.refusal.shortfalls
            ],
            "caveats": [
                {
                    "id": name,
                    "text": getattr(trial, name).text.get(t.lang),
                    "sources": list(getattr(trial, name).sources),
                }
                for name in ("expectation", "blinding", "slow_onset")
            ],
            "sources": [s.key for _n, s in sources],
        }
    )
    return payload


def history_json(plans: Sequence[Plan], today: dt.date) -> dict[str, Any]:
    return {"plans": [plan_json(p, today) for p in plans]}


# --- the report for the doctor ------------------------------------------------------------------


def _night_rows(outcome: Outcome, t: Translator) -> list[list[str]]:
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
                    arm_word(period.arm, t) + (" " + t("(washout)") if washout else ""),
                    "–" if record is None else str(record.legs),
                    "" if record is None else "█" * record.legs,
                    "–"
                    if record is None
                    else (t("yes") if record.followed else t("no, off the plan")),
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
    (20). ``escape`` is applied to the one thing the person wrote, the dose."""
    t = _t()
    state = outcome.state
    plan = state.plan.replace(dose=escape(state.plan.dose))
    facts = {key: text for key, (_label, text) in plan_facts(plan, trial, t).items()}
    sections: list[Section] = [
        (
            t("Randomised n-of-1 trial of magnesium for restless legs: report of {date}").format(
                date=long_date(date, t)
            ),
            [
                t(
                    "One person's randomised trial, magnesium against no magnesium, planned and "
                    "kept with mgcheck. It is not a diagnosis; it answers one question for this "
                    "person only."
                ),
                status_words(state, t),
            ],
        ),
        (
            t("Design (CENT 3a, 4)"),
            [
                facts["design"],
                facts["washout"],
                t("Safety check before planning: {ids}; asked a doctor: {ok}.").format(
                    ids=", ".join(plan.screen) or t("nothing called for a doctor"),
                    ok=t("yes") if plan.doctor_ok else t("not needed"),
                ),
            ],
        ),
        (t("Intervention (CENT 5)"), [facts["dose"]]),
        (t("Outcome (CENT 6a)"), [facts["outcome"], facts["matters"]]),
        (
            t("Randomisation (CENT 8-10)"),
            [
                facts["randomisation"],
                t(
                    "The plan was stored when it was made, with its periods; the person saw it "
                    "(allocation was not concealed)."
                ),
                [
                    [t("Pair"), t("First period"), t("Second period")],
                    *[
                        [
                            str(pair),
                            arm_word(plan.periods[2 * pair - 2].arm, t),
                            arm_word(plan.periods[2 * pair - 1].arm, t),
                        ]
                        for pair in range(1, plan.pairs + 1)
                    ],
                ],
            ],
        ),
        (
            t("Periods (CENT 13)"),
            [
                [
                    [
                        *(t("Period"), t("Pair"), t("Arm"), t("Nights")),
                        *(t("Counted"), t("Mean"), t("Off plan"), t("Missing")),
                    ],
                    *_period_rows(outcome, t),
                ]
            ],
        ),
        (t("Blinding (CENT 11)"), [sourced(trial.expectation, t), sourced(trial.blinding, t)]),
        (
            t("Analysis (CENT 12)"),
            [facts["analysis"], sourced(trial.off_plan, t), sourced(trial.missing, t)],
        ),
        (t("Results (CENT 16-18)"), _results(outcome, trial, t)),
        (
            t("Night by night"),
            [
                t("Leg score 0-10 (10 worst); washout nights are kept but not counted."),
                [
                    [
                        *(t("Night"), t("Period"), t("Pair"), t("Arm")),
                        *(t("Legs"), t("Chart"), t("Followed")),
                    ],
                    *_night_rows(outcome, t),
                ],
            ],
        ),
        (t("Limitations (CENT 20)"), [sourced(trial.expectation, t), sourced(trial.slow_onset, t)]),
        (
            t("Sources"),
            [
                f"{n}. [{s.key}] {s.organisation.get(t.lang)}: {s.title}"
                + (f" ({s.year})" if s.year else "")
                + (f" {s.url}" if s.url else "")
                for n, s in sources
            ],
        ),
    ]
    return sections


def _results(outcome: Outcome, trial: TrialFile, t: Translator) -> list[Block]:
    state = outcome.state
    result = outcome.analysis
    if result is None:
        return [not_finished_text(state, t), progress_words(state, t)]
    blocks: list[Block] = [adherence_text(result, t)]
    estimate = result.estimate
    if estimate is None:
        blocks.append(shortfall_text(result, t))
    else:
        blocks.append(
            [
                [t("Pair"), t("Magnesium"), t("None"), t("Difference")],
                *[
                    [
                        str(p.pair),
                        t.number(p.magnesium_mean, 2),
                        t.number(p.none_mean, 2),
                        t.number(p.difference, 2),
                    ]
                    for p in estimate.pairs
                ],
            ]
        )
        blocks += estimate_lines(estimate, state.plan, t)
        blocks.append(verdict_text(estimate, trial, t))
        importance = importance_text(estimate, state.plan, trial, t)
        if importance:
            blocks.append(importance)
    other = as_randomised_text(result, trial, t)
    if other:
        blocks.append(other)
    return blocks


def _period_rows(outcome: Outcome, t: Translator) -> list[list[str]]:
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
                arm_word(period.arm, t),
                f"{period.start.isoformat()} – {period.end.isoformat()}",
                "–" if summary is None else str(len(summary.usable)),
                "–" if summary is None or summary.mean is None else t.number(summary.mean, 2),
                "–" if summary is None else str(len(summary.off_plan)),
                "–" if summary is None else str(len(summary.missing)),
            ]
        )
    return rows


def _cell(text: str) -> str:
    """A Markdown table cell: a pipe would end it."""
    return text.replace("|", "\\|")


def report_markdown(sections: list[Section]) -> str:
    out: list[str] = []
    for index, (heading, blocks) in enumerate(sections):
        out += [("# " if index == 0 else "## ") + heading, ""]
        for block in blocks:
            if isinstance(block, str):
                out += [block, ""]
                continue
            out.append("| " + " | ".join(_cell(c) for c in block[0]) + " |")
            out.append("|" + "---|" * len(block[0]))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block[1:]]
            out.append("")
    return "\n".join(out)


def report_html(sections: list[Section], lang: str) -> str:
    body: list[str] = []
    for index, (heading, blocks) in enumerate(sections):
        tag = "h1" if index == 0 else "h2"
        body.append(f"<{tag}>{html.escape(heading)}</{tag}>")
        for block in blocks:
            if isinstance(block, str):
                body.append(f"<p>{html.escape(block)}</p>")
                continue
            body.append("<table>")
            body.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in block[0]) + "</tr>")
            body += [
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block[1:]
            ]
            body.append("</table>")
    title = html.escape(sections[0][0])
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:0 .4em}"
        "</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def render_report(
    suffix: str,
    outcome: Outcome,
    trial: TrialFile,
    sources: Sequence[tuple[int, SourceEntry]],
    date: dt.date,
) -> str:
    if suffix == ".html":
        return report_html(report_sections(outcome, trial, sources, date), current())
    from mgcheck.render.report import markdown_escape

    return report_markdown(report_sections(outcome, trial, sources, date, markdown_escape))
