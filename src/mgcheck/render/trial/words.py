"""The trial's sentences, shared by the terminal, JSON and the report: figures in words.

Words only: every figure comes from ``results/trial.py``; every sentence about the method, the
verdict and its limits comes from data/trial.yaml (with its sources) or the catalogue. The
calendar is one row per calendar week, Monday first, each cell an evening: it fits 60 columns
in Danish and English (a test measures it).
"""

from __future__ import annotations

import datetime as dt

from mgcheck.i18n import Translator, _, current, format_number, translator
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
from mgcheck.results.trial import NightPlan, TrialState
from mgcheck.rules.trial import Estimate, TrialResult, can_reach, drawn_by_seed
from mgcheck.safetext import visible


def dates() -> Translator:
    """The run's language, for render/dates.py's helpers (they take a Translator)."""
    return translator(current())


def arm_word(arm: Arm) -> str:
    return _("magnesium") if arm is Arm.MAGNESIUM else _("no magnesium")


def arm_letter(arm: Arm, washout: bool) -> str:
    letter = _("M") if arm is Arm.MAGNESIUM else _("N")
    return letter.lower() if washout else letter


def period_name(plan: Plan, number: int) -> str:
    """ "week 3 of 12" when periods are weeks, else "period 3 of 12"."""
    words = _("week {n} of {total}") if plan.period_days == 7 else _("period {n} of {total}")
    return words.format(n=number, total=len(plan.periods))


def dose_words(plan: Plan) -> str:
    """ "400 mg magnesiumcitrat (45–65 mg magnesium)"; the magnesium once when it is the dose."""
    from mgcheck.render.style import mg_span

    amount = mg_span(plan.dose_mg_low, plan.dose_mg_high)
    dose = visible(plan.dose)
    if amount.replace(" ", "") in dose.replace(" ", ""):
        return dose
    return _("{dose} ({amount} magnesium)").format(dose=dose, amount=amount)


def night_line(plan: Plan, said: NightPlan, *, with_dose: bool = True, capital: bool = True) -> str:
    """ "Natten til 28. november 2026: uge 3 af 12, magnesium – 400 mg magnesiumcitrat"."""
    what = arm_word(said.period.arm)
    if with_dose and said.period.arm is Arm.MAGNESIUM:
        what += " – " + dose_words(plan)
    when = night(said.night, dates())
    line = _("{night}: {period}, {arm}").format(
        night=sentence(when) if capital else when,
        period=period_name(plan, said.number),
        arm=what,
    )
    if said.washout:
        line += "; " + _("a washout night: kept, but not counted")
    return line


def tonight_line(plan: Plan, said: NightPlan) -> str:
    return _("Tonight: {line}").format(line=night_line(plan, said, capital=False))


def night_line_start(plan: Plan) -> str:
    first = NightPlan(plan.start, plan.periods[0], 1, plan.washout_days > 0)
    return _("The first night: {line}").format(line=night_line(plan, first, capital=False))


def _short_month(day: dt.date) -> str:
    return (
        _("Jan"),
        _("Feb"),
        _("Mar"),
        _("Apr"),
        _("May"),
        _("Jun"),
        _("Jul"),
        _("Aug"),
        _("Sep"),
        _("Oct"),
        _("Nov"),
        _("Dec"),
    )[day.month - 1]


CELL = 5  # " 28M " or "[28M]"


def calendar_lines(plan: Plan, today: dt.date | None) -> list[str]:
    """One row per calendar week (Monday first), each cell an evening: its date and the arm
    (M, or N/U for none; lower case in the washout); today in brackets."""
    first = plan.start - dt.timedelta(days=plan.start.weekday())
    label_width = max(
        len(_("{day} {month}").format(day=28, month=_short_month(dt.date(2000, m, 1))))
        for m in range(1, 13)
    )
    label_width += 1  # a space before the first cell
    header = " " * label_width + "".join(
        f"{weekday_short(d, dates()):>{CELL - 1}} " for d in range(7)
    )
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
                letter = arm_letter(said.arm, plan.in_washout(day))
            number = f"{day.day:>2}" if plan.start <= day <= plan.end else "  "
            body = f"{number}{letter}" if number.strip() else "   "
            cells.append(f"[{body}]" if day == today else f" {body} ")
        label = _("{day} {month}").format(day=monday.day, month=_short_month(monday))
        lines.append((f"{label:<{label_width}}" + "".join(cells)).rstrip())
        monday += dt.timedelta(days=7)
    return lines


def calendar_legend(plan: Plan, today: dt.date | None = None) -> list[str]:
    """The calendar's key; "today is in brackets" only when today is on the calendar."""
    evenings = _(
        "Each date is an evening: take the magnesium that evening; the night is the one "
        "that follows."
    )
    first = plan.start - dt.timedelta(days=plan.start.weekday())
    last = plan.end + dt.timedelta(days=6 - plan.end.weekday())
    if today is not None and first <= today <= last:
        evenings += " " + _("Today is in brackets.")
    lines = [
        _("{m} magnesium, {n} no magnesium; lower case ({mw}, {nw}): washout, not counted.").format(
            m=_("M"), n=_("N"), mw=_("M").lower(), nw=_("N").lower()
        ),
        evenings,
    ]
    if plan.stopped_on is not None:
        lines.append(_("×: cancelled (the plan was stopped)."))
    return lines


def sourced(text: Sourced) -> str:
    keys = ", ".join(text.sources)
    return text.text.get(current()) + (f" [{keys}]" if keys else "")


def points(value: float) -> str:
    """ "2" or "1,5": a whole number of points without a decimal."""
    return format_number(value, 0 if value == round(value) else 1)


def _p(value: float) -> str:
    return format_number(value, 3)


def plan_facts(plan: Plan, trial: TrialFile) -> dict[str, tuple[str, str]]:
    """What the plan states up front, in the order a reader needs them: id -> (label, text)."""
    pairs = plan.pairs
    floor = minimum_p(pairs)
    reach = _("the smallest p-value this design can reach is 2/{n} = {p}.").format(
        n=2**pairs, p=_p(floor)
    )
    if not can_reach(pairs, plan.alpha):
        reach += " " + _(
            "That is above {alpha}: with {pairs} no diary, however clear, can show a difference "
            "at the usual level. Use at least 6 pairs."
        ).format(alpha=format_number(plan.alpha, 2), pairs=count_pairs(pairs, dates()))
    elif pairs == 6:
        reach += " " + _(
            "With exactly 6 pairs that needs all six pairs to point the same way: one pair "
            "with no difference already prevents it."
        )
    weeks = len(plan.periods) * plan.period_days
    counted = plan.period_days - plan.washout_days
    return {
        "outcome": (_("Outcome"), sourced(trial.outcome)),
        "design": (
            _("Design"),
            _("{pairs} of {days}-night periods ({total}), from {start} to {end}. {text}").format(
                pairs=count_pairs(pairs, dates()),
                days=plan.period_days,
                total=count_nights(weeks, dates()),
                start=night(plan.start, dates()),
                end=night(plan.end, dates()),
                text=sourced(trial.design),
            ),
        ),
        "washout": (
            _("Washout"),
            _(
                "The first {washout} of each period are kept but not counted, so {counted} "
                "count; a period needs {needed} of them."
            ).format(
                washout=count_nights(plan.washout_days, dates()),
                counted=count_nights(counted, dates()),
                needed=format_number(plan.min_nights),
            )
            + f" [{', '.join(trial.settings.washout_days.sources)}]",
        ),
        "dose": (_("Dose"), _("On magnesium nights: {dose}.").format(dose=dose_words(plan))),
        "matters": (
            _("What would matter"),
            _("A difference of {points} points in your nightly leg score.").format(
                points=points(plan.matters)
            ),
        ),
        "analysis": (_("Analysis"), sourced(trial.analysis) + " " + sentence(reach)),
        "randomisation": (_("Randomisation"), randomisation_words(plan)),
    }


def randomisation_words(plan: Plan) -> str:
    """How the order was drawn; said plainly when the stored order is not its seed's."""
    if not drawn_by_seed(plan):
        return _(
            "The order of these periods is not the one seed {seed} gives: it was not drawn by "
            "mgcheck (the plan was changed outside mgcheck), so it cannot count as random."
        ).format(seed=plan.seed)
    return _(
        "One fair coin per pair decides which period comes first (Python's "
        "random.Random with seed {seed}, {how}); the same seed always gives this plan."
    ).format(
        seed=plan.seed,
        how=_("drawn by the computer") if plan.seed_drawn else _("chosen with --seed"),
    )


def caveats(trial: TrialFile) -> list[tuple[str, str]]:
    return [
        (_("Expectation"), sourced(trial.expectation)),
        (_("Blinding"), sourced(trial.blinding)),
        (_("Slow effects"), sourced(trial.slow_onset)),
    ]


def status_words(state: TrialState) -> str:
    plan = state.plan
    if state.status is PlanStatus.STOPPED:
        assert plan.stopped_on is not None
        return _("Stopped on {date}.").format(date=long_date(plan.stopped_on, dates()))
    if state.status is PlanStatus.FINISHED:
        return _("Finished: its last night was {night}.").format(night=night(plan.end, dates()))
    if state.today < plan.start:
        return _("Not started: the first night is {night}.").format(
            night=night(plan.start, dates())
        )
    return _("Running: {left} left; the last is {night}.").format(
        left=count_nights(state.progress.left, dates()), night=night(plan.end, dates())
    )


def progress_words(state: TrialState) -> str:
    progress = state.progress
    if not progress.passed:
        return _("No planned night has passed yet.")
    return _(
        "Of the {passed} planned so far: {recorded} written down, {followed} as planned, "
        "{off} off the plan, {missing} missing."
    ).format(
        passed=count_nights(progress.passed, dates()),
        recorded=format_number(progress.recorded),
        followed=format_number(progress.followed),
        off=format_number(progress.off_plan),
        missing=format_number(progress.missing),
    )


def status_name(status: PlanStatus) -> str:
    return {
        PlanStatus.ACTIVE: _("active"),
        PlanStatus.STOPPED: _("stopped"),
        PlanStatus.FINISHED: _("finished"),
    }[status]


def verdict_text(estimate: Estimate, trial: TrialFile) -> str:
    words = getattr(trial.verdicts, estimate.verdict.value).get(current())
    return str(words.replace(POINTS, format_number(abs(estimate.difference), 1)))


def importance_text(estimate: Estimate, plan: Plan, trial: TrialFile) -> str:
    if estimate.importance is None:
        return ""
    words = getattr(trial.importance, estimate.importance.value).get(current())
    return str(words.replace(POINTS, points(plan.matters)))


def shortfall_text(result: TrialResult) -> str:
    assert result.refusal is not None
    sides = [
        _("pair {pair} {arm}: {usable} of {needed}").format(
            pair=s.pair,
            arm=arm_word(s.arm),
            usable=format_number(s.usable),
            needed=format_number(s.needed),
        )
        for s in result.refusal.shortfalls
    ]
    return _(
        "No answer: a period needs {needed} counted nights that followed the plan, and these "
        "have too few ({sides}). Guessing those nights, or leaving the pairs out, would break "
        "the design the test relies on."
    ).format(needed=format_number(result.refusal.shortfalls[0].needed), sides="; ".join(sides))


def not_finished_text(state: TrialState) -> str:
    pairs = state.pairs_left()
    return _(
        "Not finished yet: {left} left (pairs {pairs}); the last is {night}. The answer comes "
        "after the last night: looking earlier and stopping when it looks good would make a "
        "chance finding likelier."
    ).format(
        left=count_nights(state.progress.left, dates()),
        pairs=f"{pairs[0]}–{pairs[-1]}" if len(pairs) > 1 else str(pairs[0]),
        night=night(state.plan.end, dates()),
    )


def estimate_lines(estimate: Estimate, plan: Plan) -> list[str]:
    return [
        _(
            "Mean difference, magnesium minus none: {d} points (95 % interval {low} to {high})."
        ).format(
            d=format_number(estimate.difference, 2),
            low=format_number(estimate.low, 2),
            high=format_number(estimate.high, 2),
        ),
        _("Randomisation test: p = {p} (the smallest possible with {pairs}: {floor}).").format(
            p=_p(estimate.p_randomization),
            pairs=count_pairs(len(estimate.pairs), dates()),
            floor=_p(estimate.minimum_p),
        ),
    ]


def adherence_text(result: TrialResult) -> str:
    a = result.adherence
    return _(
        "Nights: {planned} planned, {recorded} written down, {followed} as planned, {off} off "
        "the plan, {missing} missing ({share} % followed)."
    ).format(
        planned=format_number(a.planned),
        recorded=format_number(a.recorded),
        followed=format_number(a.followed),
        off=format_number(a.off_plan),
        missing=format_number(a.missing),
        share=format_number(100 * a.share_followed),
    )


def as_randomised_text(result: TrialResult, trial: TrialFile) -> str:
    if result.as_randomised is None:
        if result.adherence.off_plan:
            return _(
                "Counted as planned instead, the off-plan nights would leave a period short, "
                "so that check could not be made."
            )
        return ""
    other = result.as_randomised
    same = result.estimate is not None and other.verdict is result.estimate.verdict
    return _(
        "Counting the off-plan nights as planned (as randomised): {d} points ({low} to {high}), "
        "p = {p}: {same}"
    ).format(
        d=format_number(other.difference, 2),
        low=format_number(other.low, 2),
        high=format_number(other.high, 2),
        p=_p(other.p_randomization),
        same=_("the same answer.") if same else _("a different answer: read the result with care."),
    )
