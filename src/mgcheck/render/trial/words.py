"""The trial's sentences, shared by the terminal, JSON and the report: figures in words.

Words only: every figure comes from ``results/trial.py``; every sentence about the method, the
verdict and its limits comes from data/trial.yaml (with its sources) or the catalogue. The
terminal speaks to the person; the report file about the person, to whoever reads it (a
doctor): a function whose sentence differs by voice takes ``report``. The
calendar is one row per calendar week, Monday first, each cell an evening: it fits 60 columns
in Danish and English (a test measures it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mgcheck.i18n import _, current, format_number
from mgcheck.models.plan import Arm, Plan, PlanStatus, minimum_p
from mgcheck.models.trial import POINTS, Sourced, TrialFile
from mgcheck.record import Record
from mgcheck.render.dates import (
    count_nights,
    count_pairs,
    long_date,
    night,
    sentence,
    weekday_short,
)
from mgcheck.render.style import between, signed
from mgcheck.results.trial import NightPlan, Planning, TrialState
from mgcheck.rules.trial import can_reach, drawn_by_seed
from mgcheck.rules.trial_analysis import Analysis, Estimate, Harms, Shortfall, TrialResult
from mgcheck.safetext import visible


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


def blind(plan: Plan) -> bool:
    """Whether the plan's arms are kept from the person: a blinded plan that has not ended."""
    from mgcheck.models.plan import PlanStatus

    return plan.blinded and plan.status is PlanStatus.ACTIVE


def night_line(plan: Plan, said: NightPlan, *, with_dose: bool = True, capital: bool = True) -> str:
    """ "Natten til 28. november 2026: uge 3 af 12, magnesium – 400 mg magnesiumcitrat"; in a
    blinded trial the night's capsule instead of its arm."""
    if blind(plan):
        what = _("the night's capsule")
    else:
        what = arm_word(said.period.arm)
        if with_dose and said.period.arm is Arm.MAGNESIUM:
            what += " – " + dose_words(plan)
    when = night(said.night)
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


WRITTEN, MISSING = "✓", "✗"  # a passed night written down, or not
BLIND_COUNTED, BLIND_WASHOUT = "●", "○"  # a blinded plan's nights, arm unsaid


def hides_arms(plan: Plan, today: dt.date) -> bool:
    """A blinded plan's arms stay unsaid until it has ended."""
    from mgcheck.models.plan import PlanStatus

    return plan.blinded and plan.status_on(today) is PlanStatus.ACTIVE


def calendar_lines(
    plan: Plan, today: dt.date | None, written: frozenset[dt.date] | None = None
) -> list[str]:
    """One row per calendar week (Monday first), each cell an evening: its date, the arm (M,
    or N/U for none; lower case in the washout; R/F in the run-in; for a blinded plan still
    running only ● counted and ○ washout), and with ``written`` a mark on each passed night
    (✓ written down, ✗ missing); today in brackets."""
    hidden = today is not None and hides_arms(plan, today)
    begin = plan.start - dt.timedelta(days=plan.run_in_days)
    first = begin - dt.timedelta(days=begin.weekday())
    label_width = max(
        len(_("{day} {month}").format(day=28, month=_short_month(dt.date(2000, m, 1))))
        for m in range(1, 13)
    )
    label_width += 1  # a space before the first cell
    width = CELL + (1 if written is not None else 0)
    # Each weekday stands over the last two places of a date ("  ma " over " 28M ").
    header = " " * label_width + "".join(
        f"{weekday_short(d):>{CELL - 1}}" + " " * (width - CELL + 1) for d in range(7)
    )
    lines = [header.rstrip()]
    monday = first
    while monday <= plan.end:
        cells = []
        for offset in range(7):
            day = monday + dt.timedelta(days=offset)
            inside = begin <= day <= plan.end
            said = plan.period_of(day) if plan.start <= day <= plan.end else None
            if day < plan.start:
                letter = _("R") if inside else " "
            elif said is None:
                letter = "×" if inside else " "  # after a stop
            elif hidden:
                letter = BLIND_WASHOUT if plan.in_washout(day) else BLIND_COUNTED
            else:
                letter = arm_letter(said.arm, plan.in_washout(day))
            mark = ""
            if written is not None:
                passed = (
                    today is not None and day < today and (said is not None or day < plan.start)
                )
                mark = (WRITTEN if day in written else MISSING) if inside and passed else " "
            number = f"{day.day:>2}" if inside else "  "
            body = f"{number}{letter}{mark}" if inside else " " * (width - 2)
            cells.append(f"[{body}]" if day == today else f" {body} ")
        label = _("{day} {month}").format(day=monday.day, month=_short_month(monday))
        lines.append((f"{label:<{label_width}}" + "".join(cells)).rstrip())
        monday += dt.timedelta(days=7)
    return lines


def calendar_legend(
    plan: Plan, today: dt.date | None = None, written: frozenset[dt.date] | None = None
) -> list[str]:
    """The calendar's key; "today is in brackets" only when today is on the calendar."""
    evenings = _(
        "Each date is an evening: take the magnesium that evening; the night is the one "
        "that follows."
    )
    begin = plan.start - dt.timedelta(days=plan.run_in_days)
    first = begin - dt.timedelta(days=begin.weekday())
    last = plan.end + dt.timedelta(days=6 - plan.end.weekday())
    if today is not None and first <= today <= last:
        evenings += " " + _("Today is in brackets.")
    if today is not None and hides_arms(plan, today):
        key = _(
            "{counted} a counted night, {washout} a washout night (not counted); which periods "
            "hold magnesium is not shown until the trial has ended."
        ).format(counted=BLIND_COUNTED, washout=BLIND_WASHOUT)
    else:
        key = _(
            "{m} magnesium, {n} no magnesium; lower case ({mw}, {nw}): washout, not counted."
        ).format(m=_("M"), n=_("N"), mw=_("M").lower(), nw=_("N").lower())
    lines = [key]
    if plan.run_in_days:
        lines.append(_("{r}: run-in, an ordinary diary night without magnesium.").format(r=_("R")))
    if written is not None:
        lines.append(
            _("{ok} written down, {missing} missing (nights that have passed).").format(
                ok=WRITTEN, missing=MISSING
            )
        )
    lines.append(evenings)
    if plan.stopped_on is not None:
        lines.append(_("×: cancelled (the plan was stopped)."))
    return lines


def sealed_list(plan: Plan) -> str:
    """The blinded plan's schedule for the person who fills the capsules: written once, to a
    file, never shown by mgcheck while the trial runs."""
    lines = [
        _("Trial plan {id}: the sealed list, for the person who fills the capsules").format(
            id=plan.id
        ),
        _(
            "Fill one capsule for each evening below: with {dose} on the evenings marked "
            "magnesium, empty (or with a filler that looks the same) on the others. Do not tell "
            "the person taking them which is which until the trial has ended."
        ).format(dose=dose_words(plan)),
        "",
    ]
    for period in plan.periods:
        for day in period.nights():
            lines.append(f"{day.isoformat()}  {arm_word(period.arm)}")
    return "\n".join(lines) + "\n"


class Said(Record):
    """A text and the sources it rests on, cited right after it; ``then`` is mgcheck's own words
    that follow the citation (a figure it worked out). The terminal cites by the numbers of
    ``mgcheck sources`` (:func:`said`), the report by the numbers of its own source list."""

    text: str
    cites: tuple[str, ...] = ()
    then: str = ""


def sourced(text: Sourced, *, report: bool = False) -> Said:
    """``text`` and its sources; with ``report`` the report file's words."""
    return Said(text.words(report=report).get(current()), tuple(text.sources))


def said(text: Said) -> str:
    """``text`` for the terminal: "… [3,17] …", its sources by their ``mgcheck sources``
    numbers, never by key."""
    from mgcheck.render.citation import numbered

    mark = numbered(text.cites)
    return " ".join(part for part in (text.text, mark, text.then) if part)


def points(value: float) -> str:
    """ "2" or "1,5": a whole number of points without a decimal."""
    return format_number(value, 0 if value == round(value) else 1)


def _p(value: float) -> str:
    return format_number(value, 3)


def plan_facts(
    plan: Plan, trial: TrialFile, *, report: bool = False
) -> dict[str, tuple[str, Said]]:
    """What the plan states up front, in the order a reader needs them: id -> (label, text);
    with ``report`` in the report file's words."""
    pairs = plan.pairs
    floor = minimum_p(pairs)
    reach = _("the smallest p-value this design can reach is 2/{n} = {p}.").format(
        n=2**pairs, p=_p(floor)
    )
    if not can_reach(pairs, plan.alpha):
        reach += " " + _(
            "That is above {alpha}: with {pairs} no diary, however clear, can show a difference "
            "at the usual level. Use at least 6 pairs."
        ).format(alpha=format_number(plan.alpha, 2), pairs=count_pairs(pairs))
    elif pairs == 6:
        reach += " " + _(
            "With exactly 6 pairs that needs all six pairs to point the same way: one pair "
            "with no difference already prevents it."
        )
    weeks = len(plan.periods) * plan.period_days
    counted = plan.period_days - plan.washout_days
    design = sourced(trial.design, report=report)
    analysis = sourced(trial.analysis, report=report)
    matters = (
        _("A difference of {points} points in the nightly leg score.")
        if report
        else _("A difference of {points} points in your nightly leg score.")
    )
    return {
        "outcome": (_("Outcome"), sourced(trial.outcome, report=report)),
        "design": (
            _("Design"),
            design.replace(
                text=_(
                    "{pairs} of {days}-night periods ({total}), from {start} to {end}. {text}"
                ).format(
                    pairs=count_pairs(pairs),
                    days=plan.period_days,
                    total=count_nights(weeks),
                    start=night(plan.start),
                    end=night(plan.end),
                    text=design.text,
                )
            ),
        ),
        "washout": (
            _("Washout"),
            Said(
                _(
                    "The first {washout} of each period are kept but not counted, so {counted} "
                    "count; a period needs {needed} of them."
                ).format(
                    washout=count_nights(plan.washout_days),
                    counted=count_nights(counted),
                    needed=format_number(plan.min_nights),
                ),
                tuple(trial.settings.washout_days.sources),
            ),
        ),
        "dose": (_("Dose"), Said(_("On magnesium nights: {dose}.").format(dose=dose_words(plan)))),
        "matters": (
            _("What would matter"),
            Said(matters.format(points=points(plan.matters))),
        ),
        "analysis": (_("Analysis"), analysis.replace(then=sentence(reach))),
        "randomisation": (_("Randomisation"), Said(randomisation_words(plan))),
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


def caveats(trial: TrialFile) -> list[tuple[str, Said]]:
    return [
        (_("Expectation"), sourced(trial.expectation)),
        (_("Blinding"), sourced(trial.blinding)),
        (_("Slow effects"), sourced(trial.slow_onset)),
    ]


def status_words(state: TrialState) -> str:
    plan = state.plan
    if state.status is PlanStatus.STOPPED:
        assert plan.stopped_on is not None
        return _("Stopped on {date}.").format(date=long_date(plan.stopped_on))
    if state.status is PlanStatus.FINISHED:
        return _("Finished: its last night was {night}.").format(night=night(plan.end))
    if state.today < plan.start:
        return _("Not started: the first night is {night}.").format(night=night(plan.start))
    return _("Running: {left} left; the last is {night}.").format(
        left=count_nights(state.progress.left), night=night(plan.end)
    )


def progress_words(state: TrialState) -> str:
    progress = state.progress
    if not progress.passed:
        return _("No planned night has passed yet.")
    return _(
        "Of the {passed} planned so far: {recorded} written down, {followed} as planned, "
        "{off} off the plan, {missing} missing."
    ).format(
        passed=count_nights(progress.passed),
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


# --- the result ----------------------------------------------------------------------------------


def interval_words(low: float, high: float) -> str:
    """ "from −2.37 to −1.37": a range that a minus and a dash cannot blur."""
    return between(low, high)


def percent(probability: float) -> str:
    """A probability as people read one: whole per cent, never "0 %" or "100 %"."""
    if probability < 0.005:
        return _("under 1 %")
    if probability > 0.995:
        return _("over 99 %")
    return _("{n} %").format(n=format_number(100 * probability))


def verdict_text(estimate: Estimate, trial: TrialFile, *, report: bool = False) -> str:
    verdicts = trial.report_verdicts if report else trial.verdicts
    words = getattr(verdicts, estimate.verdict.value).get(current())
    return str(words.replace(POINTS, format_number(abs(estimate.difference), 1)))


def chances_text(estimate: Estimate, plan: Plan, trial: TrialFile, *, report: bool = False) -> str:
    """The two probabilities, one sentence: that magnesium lowers the score, and by at least
    the difference the person said would matter."""
    words = (trial.report_chances if report else trial.chances).get(current())
    return str(
        words.replace("{better}", percent(estimate.probability_better))
        .replace("{matters}", points(plan.matters))
        .replace("{by}", percent(estimate.probability_matters or 0.0))
    )


def estimate_lines(estimate: Estimate) -> list[str]:
    return [
        _("Mean difference, magnesium minus none: {d} points (95 % interval {interval}).").format(
            d=signed(estimate.difference),
            interval=interval_words(estimate.low, estimate.high),
        ),
        _(
            "Exact randomisation test: p = {p} (the smallest possible with {pairs}: {floor})."
        ).format(
            p=_p(estimate.p_randomization),
            pairs=count_pairs(estimate.pairs_used),
            floor=_p(estimate.minimum_p),
        ),
    ]


def side_words(side: Shortfall) -> str:
    return _(
        "pair {pair}, the period {arm}: {nights} of the {needed} counted nights it needs"
    ).format(
        pair=side.pair,
        arm=arm_period(side.arm),
        nights=format_number(side.nights),
        needed=format_number(side.needed),
    )


def arm_period(arm: Arm) -> str:
    return _("with magnesium") if arm is Arm.MAGNESIUM else _("without magnesium")


def pairs_used_text(analysis: Analysis) -> str:
    """How many pairs the answer rests on, and why any other was left out."""
    total = len(analysis.rows)
    used = sum(r.used for r in analysis.rows)
    if used == total:
        return _("All {n} pairs were used.").format(n=format_number(total))
    return _(
        "{used} of {total} pairs were used; a pair is left out when a period of it has too few "
        "counted nights ({sides})."
    ).format(
        used=format_number(used),
        total=format_number(total),
        sides="; ".join(side_words(s) for s in analysis.shortfalls),
    )


def no_estimate_text(analysis: Analysis) -> str:
    return _(
        "No answer yet: fewer than 2 pairs have enough counted nights ({sides}). Missing nights "
        "are never guessed."
    ).format(sides="; ".join(side_words(s) for s in analysis.shortfalls))


def check_text(label: str, check: Analysis | None, primary: Analysis) -> str:
    """A sensitivity check beside the primary analysis: its figures, and whether it agrees."""
    if check is None:
        return ""
    other = check.estimate
    if other is None:
        return _("{label}: too few pairs for an answer ({sides}).").format(
            label=label, sides="; ".join(side_words(s) for s in check.shortfalls)
        )
    main = primary.estimate
    same = main is not None and other.verdict is main.verdict
    return _("{label}: {d} points ({interval}), p = {p}, {pairs}: {same}").format(
        label=label,
        d=signed(other.difference),
        interval=interval_words(other.low, other.high),
        p=_p(other.p_randomization),
        pairs=count_pairs(other.pairs_used),
        same=_("the same answer.") if same else _("a different answer: read the result with care."),
    )


def on_plan_text(result: TrialResult) -> str:
    return check_text(
        _("Counting only the nights that followed the plan"), result.on_plan, result.primary
    )


def late_text(result: TrialResult, late_days: int, *, report: bool = False) -> str:
    """The nights written late or after a result, named, and the answer without them."""
    late, after = result.entered_late, result.entered_after_result
    if not late and not after:
        return ""
    named = sorted(set(late) | set(after))
    shown = ", ".join(d.isoformat() for d in named[:8]) + (" …" if len(named) > 8 else "")
    text = (
        _(
            "Nights written more than {days} days after their date: {late}; after a result was "
            "first shown: {after} ({nights})."
        )
        if report
        else _(
            "Nights written more than {days} days after their date: {late}; after you first saw "
            "a result: {after} ({nights})."
        )
    ).format(
        days=format_number(late_days),
        late=format_number(len(late)),
        after=format_number(len(after)),
        nights=shown,
    )
    check = check_text(_("Without them"), result.without_late, result.primary)
    return text + (" " + check if check else "")


def sleep_text(result: TrialResult, *, report: bool = False) -> str:
    if result.sleep is None:
        return ""
    estimate = result.sleep.estimate
    if estimate is None:
        return _("Sleep (a second outcome, 10 best): too few nights with a sleep score to tell.")
    return (
        _(
            "Sleep (a second outcome, 10 best), magnesium minus none: {d} points ({interval}); "
            "the probability that sleep was better with magnesium is {better}."
        )
        if report
        else _(
            "Sleep (a second outcome, 10 best), magnesium minus none: {d} points ({interval}); "
            "the probability that you slept better with magnesium is {better}."
        )
    ).format(
        d=signed(estimate.difference),
        interval=interval_words(estimate.low, estimate.high),
        better=percent(estimate.probability_better),
    )


def harms_text(harms: Harms, escape: Callable[[str], str] = visible) -> str:
    """Side effects by arm; ``escape`` for the words the person wrote (Markdown in a report)."""

    def effects(words: tuple[str, ...]) -> str:
        return f" ({', '.join(escape(w) for w in words)})" if words else ""

    return _(
        "Side effects written down: {mg} of {mg_nights} nights in the magnesium periods{mg_words}; "
        "{none} of {none_nights} nights in the periods without{none_words}."
    ).format(
        mg=format_number(harms.magnesium_with),
        mg_nights=format_number(harms.magnesium_nights),
        mg_words=effects(harms.magnesium_effects),
        none=format_number(harms.none_with),
        none_nights=format_number(harms.none_nights),
        none_words=effects(harms.none_effects),
    )


def carryover_rows(result: TrialResult, washout_days: int) -> list[list[str]]:
    """Night after a switch, the mean leg score after a switch to magnesium and to none."""

    def mean(value: float | None, count: int) -> str:
        return "–" if value is None else f"{format_number(value, 1)} ({count})"

    return [
        [
            format_number(row.night) + (" *" if row.night <= washout_days else ""),
            mean(row.magnesium_mean, row.magnesium_count),
            mean(row.none_mean, row.none_count),
        ]
        for row in result.carryover
    ]


def not_finished_text(state: TrialState) -> str:
    pairs = state.pairs_left()
    return _(
        "Not finished yet: {left} left (pairs {pairs}); the last is {night}. The answer comes "
        "after the last night: looking earlier and stopping when it looks good would make a "
        "chance finding likelier."
    ).format(
        left=count_nights(state.progress.left),
        pairs=f"{pairs[0]}–{pairs[-1]}" if len(pairs) > 1 else str(pairs[0]),
        night=night(state.plan.end),
    )


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


# --- what the plan can find (CENT 7a) -------------------------------------------------------------


def run_in_text(plan: Plan, planning: Planning, *, report: bool = False) -> str:
    """The run-in: when, what it is for, how many of its nights are written."""
    if not plan.run_in_days:
        return _(
            "No run-in: the nights written in the two weeks before the first period, if any, "
            "describe the legs before the trial."
        )
    first, last = planning.run_in[0], planning.run_in[-1]
    return (
        _(
            "The {nights} before the first period ({first} to {last}) are ordinary diary "
            "nights, without magnesium; they measure how much the legs vary from night to "
            "night. {written} of them written down so far."
        )
        if report
        else _(
            "The {nights} before the first period ({first} to {last}) are ordinary diary nights, "
            "without magnesium; they measure how much your legs vary from night to night. "
            "{written} of them written down so far."
        )
    ).format(
        nights=count_nights(plan.run_in_days),
        first=night(first),
        last=night(last),
        written=format_number(planning.written),
    )


def _points_or_never(value: float | None) -> str:
    if value is None:
        return _("no difference at all (too few pairs for the 5 % level)")
    return _("{points} points").format(points=format_number(value, 1))


def detect_text(plan: Plan, planning: Planning, trial: TrialFile, *, report: bool = False) -> Said:
    """What the design would find 4 times in 5: for the person's own nights once measured,
    else for the example spreads; and what that figure assumes (sourced)."""
    spread = planning.spread
    if spread is not None:
        text = (
            _(
                "The nights before the trial ({n}) varied by {sd} points, with a correlation of "
                "{rho} from one night to the next: this design would find a difference of "
                "{found} 4 times in 5."
            )
            if report
            else _(
                "Your nights before the trial ({n}) varied by {sd} points, with a correlation of "
                "{rho} from one night to the next: this design would find a difference of {found} "
                "4 times in 5."
            )
        ).format(
            n=count_nights(spread.nights),
            sd=format_number(spread.sd, 1),
            rho=format_number(spread.correlation, 2),
            found=_points_or_never(planning.smallest),
        )
    else:
        (low_sd, low), (high_sd, high) = planning.assumed[0], planning.assumed[-1]
        text = (
            _(
                "It depends on how much the person's nights vary. With nights that vary by "
                "{low_sd} and resemble the night before (correlation {rho}), this design would "
                "find a difference of {low} 4 times in 5; with nights that vary by {high_sd}, "
                "{high}. The run-in measures how much they do."
            )
            if report
            else _(
                "It depends on how much your nights vary. With nights that vary by {low_sd} and "
                "resemble the night before (correlation {rho}), this design would find a "
                "difference of {low} 4 times in 5; with nights that vary by {high_sd}, {high}. "
                "The run-in measures yours."
            )
        ).format(
            low_sd=_("{points} point").format(points=format_number(low_sd))
            if low_sd == 1
            else _("{points} points").format(points=format_number(low_sd)),
            rho=format_number(planning.correlation, 1),
            low=_points_or_never(low),
            high_sd=_("{points} points").format(points=format_number(high_sd)),
            high=_points_or_never(high),
        )
    power = sourced(trial.power, report=report)
    return power.replace(text=text + " " + power.text)


def design_table(planning: Planning) -> list[list[str]]:
    """Designs of about the same length, what each would find (the header row first)."""
    rows = [[_("Pairs"), _("Nights a period"), _("Nights in all"), _("Found 4 times in 5")]]
    for design in planning.designs:
        rows.append(
            [
                format_number(design.pairs),
                format_number(design.period_days),
                format_number(design.nights),
                "–"
                if design.smallest is None
                else _("{points} points").format(points=format_number(design.smallest, 1)),
            ]
        )
    return rows


def lost_text(state: TrialState) -> str:
    """From the night a pair side can no longer reach its nights: which pair, and what to do."""
    if not state.lost:
        return ""
    hidden = blind(state.plan)
    sides = "; ".join(
        _("pair {pair}, {period}: at most {possible} of the {needed} counted nights").format(
            pair=side.pair,
            period=_("one of its periods")
            if hidden
            else _("the period {arm}").format(arm=arm_period(side.arm)),
            possible=format_number(side.possible),
            needed=format_number(side.needed),
        )
        for side in state.lost
    )
    text = _("Lost so far: {sides}. Such a pair is left out of the answer.").format(sides=sides)
    if state.extensible:
        text += " " + _(
            "To make up for it, add a pair at the end: mgcheck diary trial extend (drawn by the "
            "plan's own seed)."
        )
    return text


def blinded_text() -> str:
    return _(
        "someone else keeps the schedule (the sealed list, written once to the file you gave) "
        "and fills identical capsules; mgcheck shows neither the arms nor tonight's until the "
        "trial has ended. Each evening take the night's capsule and nothing else with magnesium."
    )
