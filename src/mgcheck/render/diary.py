"""The diary as a table, a chart for a plain 80-column terminal, and the honest comparison."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from mgcheck.i18n import _, format_number
from mgcheck.models.diary import SCORE_MAX, Entry
from mgcheck.models.plan import Arm, Plan
from mgcheck.render.console import paragraph, stdout_console, write_json
from mgcheck.render.style import between, signed
from mgcheck.results.diary import CHART_NIGHTS, Chart
from mgcheck.rules.diary import MIN_NIGHTS, Comparison, Outcome, Side
from mgcheck.safetext import visible

if TYPE_CHECKING:
    from mgcheck.models import outputs

BAR, EMPTY, ON_MG, OFF_MG = "█", " ", "●", "·"
# In a trial's periods: magnesium counted, none counted, washout (kept, not counted); a night
# outside the trial, in a chart that shows one, has a bar of its own (never a period's).
BAR_MG, BAR_NONE, BAR_WASHOUT, OFF_PLAN, BAR_OUTSIDE = "█", "▒", "░", "!", "┃"


def _date(day: dt.date) -> str:
    return day.isoformat()


def print_entries(entries: Sequence[Entry], total: int) -> None:
    console = stdout_console()
    if not entries:
        console.print(_("No entries in this period. Add one with mgcheck diary add."))
        return
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column(_("Night"), no_wrap=True)
    table.add_column(_("Legs"), justify="right")
    table.add_column(_("Sleep"), justify="right")
    table.add_column(_("Magnesium"), justify="right")
    trial = any(e.followed is not None for e in entries)
    if trial:
        table.add_column(_("Trial"))
    table.add_column(_("Note"))
    for entry in entries:
        row = [
            Text(_date(entry.night)),
            Text(str(entry.legs)),
            Text("–" if entry.sleep is None else str(entry.sleep)),
            Text(magnesium_cell(entry)),
        ]
        if trial:
            row.append(Text(followed_word(entry.followed)))
        note = visible(entry.note)
        if entry.side_effect:
            note = f"[{visible(entry.side_effect)}] {note}".rstrip()
        table.add_row(*row, Text(note))
    console.print(table)
    from mgcheck.render.dates import night

    last = entries[-1].night
    console.print(
        Text(
            _("{shown} of {total} nights. Legs 0-10 (10 worst), sleep 0-10 (10 best).").format(
                shown=len(entries), total=total
            )
            + " "
            # The diary's prose says "natten til 29. november"; the table, the evening's date.
            + _("A night is the date of its evening: {date} is {night}.").format(
                date=_date(last), night=night(last)
            )
            + (
                " " + _("[...] in a note: a side effect written down that night.")
                if any(e.side_effect for e in entries)
                else ""
            ),
            style="dim",
        )
    )


def magnesium_cell(entry: Entry) -> str:
    """ "250 mg", "45–65 mg" (a range the label left open), or a dash."""
    from mgcheck.render.style import mg_span

    if not entry.on_magnesium:
        return "–"
    return mg_span(entry.magnesium_mg, entry.magnesium_mg_high or entry.magnesium_mg)


def followed_word(followed: bool | None) -> str:
    if followed is None:
        return ""
    return _("followed") if followed else _("off plan")


def entries_json(entries: Sequence[Entry], total: int) -> None:
    from mgcheck.store.diary_files import entry_dict

    payload: outputs.DiaryEntriesPayload = {
        "total": total,
        "entries": [entry_dict(e) for e in entries],
    }
    write_json("diary.entries", payload)


def _planned(plans: Sequence[Plan], day: dt.date) -> tuple[Arm, bool] | None:
    """The arm a trial plan gives ``day``, and whether it is a washout night; None outside."""
    for plan in plans:
        period = plan.period_of(day)
        if period is not None:
            return period.arm, plan.in_washout(day)
    return None


CHART_MARGIN = 5  # " 10 │" and " Mg  " before the nights


def chart_lines(
    entries: Sequence[Entry], plans: Sequence[Plan] = (), nights: int = CHART_NIGHTS
) -> list[str]:
    """Leg score night by night (one column each, empty columns for nights not written down),
    the last ``nights`` of them (fewer on a narrow terminal).

    In a trial's periods the bars are shaded by the plan (magnesium █, none ▒, washout ░), and
    a row below names each night's arm (M, N; lower case in the washout; ! not followed).
    """
    if not entries:
        return []
    last = entries[-1].night
    first = max(entries[0].night, last - dt.timedelta(days=nights - 1))
    by_night = {e.night: e for e in entries}
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    planned = {day: _planned(plans, day) for day in days}
    shaded = any(planned.values())

    def bar(day: dt.date) -> str:
        said = planned[day]
        if said is None:
            return BAR_OUTSIDE if shaded else BAR
        arm, washout = said
        return BAR_WASHOUT if washout else (BAR_MG if arm is Arm.MAGNESIUM else BAR_NONE)

    lines: list[str] = []
    for level in range(SCORE_MAX, 0, -1):
        row = "".join(
            bar(day) if (e := by_night.get(day)) is not None and e.legs >= level else EMPTY
            for day in days
        )
        lines.append(f"{level:>3} │{row}")
    lines.append("    └" + "─" * len(days))
    marks = "".join(
        (ON_MG if e.on_magnesium else OFF_MG) if (e := by_night.get(day)) else " " for day in days
    )
    lines.append(f" Mg  {marks}")
    if any(planned.values()):
        from mgcheck.render.trial.words import arm_letter

        def plan_mark(day: dt.date) -> str:
            said = planned[day]
            if said is None:
                return " "
            entry = by_night.get(day)
            if entry is not None and entry.followed is False:
                return OFF_PLAN
            return arm_letter(said[0], said[1])

        lines.append(f"{_('Plan'):<4} " + "".join(plan_mark(day) for day in days))
    left, right = _date(days[0]), _date(days[-1])
    gap = max(1, len(days) - len(left) - len(right))
    lines.append(
        "     " + left + " " * gap + right
        if len(days) >= len(left) + len(right) + 1
        else f"     {left} – {right}"
    )
    return lines


def print_chart(result: Chart) -> None:
    console = stdout_console()
    entries = result.entries
    if not entries:
        console.print(_("No entries in this period. Add one with mgcheck diary add."))
        return
    console.print(Text(_("Leg symptoms night by night (0-10, 10 worst)"), style="bold"))
    # Eight weeks fit 80 columns; a narrower terminal gets the latest nights that fit.
    nights = max(7, min(CHART_NIGHTS, console.width - CHART_MARGIN))
    lines = chart_lines(entries, result.plans, nights)
    for line in lines:
        console.print(Text(line), no_wrap=True, overflow="ignore")
    console.print(
        Text(
            _(
                "{on} a night with magnesium, {off} without; a blank column: not written down."
            ).format(on=ON_MG, off=OFF_MG),
            style="dim",
        )
    )
    if any(line.startswith(f"{_('Plan'):<4} ") for line in lines):
        console.print(
            Text(
                _(
                    "Trial: {mg} magnesium period, {none} period without, {washout} washout "
                    "(not counted), {outside} a night outside the trial; Plan row: {m} magnesium, "
                    "{n} none, lower case in the washout, {off} not followed."
                ).format(
                    mg=BAR_MG,
                    none=BAR_NONE,
                    washout=BAR_WASHOUT,
                    outside=BAR_OUTSIDE,
                    m=_("M"),
                    n=_("N"),
                    off=OFF_PLAN,
                ),
                style="dim",
            )
        )
    table = Table(
        title=_("Weekly averages"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
    )
    table.add_column(_("Week from"), no_wrap=True)
    table.add_column(_("Nights"), justify="right")
    table.add_column(_("Legs, mean"), justify="right")
    table.add_column(_("With magnesium"), justify="right")
    for week in result.weeks:
        table.add_row(
            Text(_date(week.start)),
            Text(str(week.nights)),
            Text(format_number(week.mean_legs, 1)),
            Text(str(week.on_magnesium)),
        )
    console.print(table)


def method_text() -> str:
    return _(
        "Method: difference in mean leg score (second minus first) with a 95 % Welch t-interval. "
        "Expectation and the natural ups and downs of restless legs play a part in any "
        "before-and-after comparison; this is not a trial."
    )


def outcome_text(comparison: Comparison, labels: tuple[str, str]) -> str:
    if comparison.outcome is Outcome.NOT_ENOUGH:
        return _("Not enough nights yet (at least {n} on each side).").format(n=MIN_NIGHTS)
    if comparison.outcome is Outcome.NO_CLEAR_DIFFERENCE:
        return _("No clear difference.")
    assert comparison.difference is not None
    assert comparison.low is not None and comparison.high is not None
    values = {
        "second": labels[1],
        "first": labels[0][:1].lower() + labels[0][1:],
        "size": format_number(abs(comparison.difference), 1),
        "interval": between(comparison.low, comparison.high, 1),
    }
    if comparison.outcome is Outcome.LOWER:
        return _(
            "{second}: legs lower by about {size} points than {first} (95 % interval of the "
            "difference {interval})."
        ).format(**values)
    return _(
        "{second}: legs higher by about {size} points than {first} (95 % interval of the "
        "difference {interval})."
    ).format(**values)


def print_comparison(comparison: Comparison, labels: tuple[str, str]) -> None:
    console = stdout_console()
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("")
    table.add_column(_("Nights"), justify="right")
    table.add_column(_("Legs, mean"), justify="right")
    for label, side in zip(labels, (comparison.first, comparison.second), strict=True):
        table.add_row(
            Text(label),
            Text(str(side.nights)),
            Text("–" if side.mean is None else format_number(side.mean, 2)),
        )
    console.print(table)
    if comparison.difference is not None and comparison.low is not None:
        assert comparison.high is not None
        paragraph(
            console,
            _("Difference: {d} (95 % interval {interval})").format(
                d=signed(comparison.difference),
                interval=between(comparison.low, comparison.high),
            ),
        )
    paragraph(console, outcome_text(comparison, labels), "bold")
    paragraph(console, method_text(), "dim")


def comparison_json(comparison: Comparison, labels: tuple[str, str], split: dt.date | None) -> None:
    def side(label: str, s: Side) -> outputs.Side:
        return {"label": label, "nights": s.nights, "mean_legs": s.mean}

    payload: outputs.DiaryComparePayload = {
        "split": None if split is None else split.isoformat(),
        "first": side(labels[0], comparison.first),
        "second": side(labels[1], comparison.second),
        "difference": comparison.difference,
        "interval_95": None
        if comparison.low is None or comparison.high is None
        else {"low": comparison.low, "high": comparison.high},
        "outcome": comparison.outcome.value,
        "verdict": outcome_text(comparison, labels),
        "method": "welch-t-95",
        "min_nights_each_side": MIN_NIGHTS,
    }
    write_json("diary.compare", payload)
