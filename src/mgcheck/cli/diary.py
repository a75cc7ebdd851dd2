"""`mgcheck diary`: thin commands over store/diary.py (storage) and rules/diary.py (statistics).

Help strings are marked with N_() and translated when help is drawn; mgcheck.cli.app loads this
module when `diary` is used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mgcheck.cli import messages, options
from mgcheck.cli.options import CompoundOption, ElementalOption, JsonOption
from mgcheck.cli.types import Night, night, number, score
from mgcheck.errors import MgcheckError, os_reason
from mgcheck.i18n import N_, _, format_number
from mgcheck.models.diary import MAX_MAGNESIUM_MG, SCORE_MAX, SCORE_MIN
from mgcheck.store.textfile import display_name

if TYPE_CHECKING:
    from mgcheck.cli.diary_ask import Taken
    from mgcheck.cli.prompts import Prompter
    from mgcheck.models.diary import Entry
    from mgcheck.models.plan import Plan
    from mgcheck.results.trial import NightPlan
    from mgcheck.rules.label import Said
    from mgcheck.store.diary import Diary, Row

diary_app = typer.Typer(
    help=N_(
        "A private diary of your nights: leg symptoms, sleep and magnesium taken, kept in one "
        "file on this computer only; with a chart and an honest before-and-after comparison."
    ),
    epilog=N_(
        "Examples:  mgcheck diary add  ·  mgcheck diary list  ·  mgcheck diary chart  ·  "
        "mgcheck diary compare  ·  mgcheck diary export --output diary.csv  ·  "
        "mgcheck diary trial plan"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)

options.alone_shows_help(diary_app)  # mgcheck diary --lang en: as mgcheck diary


LIST_NIGHTS = 31  # `diary list` without dates: the last month

SinceOption = Annotated[
    dt.date | None, night(N_("From this night (YYYY-MM-DD, or i går / yesterday)."))
]
UntilOption = Annotated[
    dt.date | None,
    night(N_("Up to and including this night (YYYY-MM-DD, or i går / yesterday).")),
]


def _range(first: dt.date | None, last: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    if first and last and first > last:
        raise MgcheckError(_("--since is after --until."))
    return first, last


def _open() -> Diary:
    from mgcheck.store.diary import open_diary

    return open_diary()


def _existing() -> Diary | None:
    from mgcheck.store.diary import open_existing

    return open_existing()


def _report_problems(diary: Diary | None) -> None:
    """After showing what could be read: one line per entry (or page) that could not, exit 2."""
    if diary is not None and diary.problems:
        raise MgcheckError("\n".join(diary.problems))


def _plans() -> list[Plan]:
    """The trial plans, read without creating a diary (the write re-checks them)."""
    diary = _existing()
    if diary is None:
        return []
    with diary:
        return diary.plans()


@diary_app.command(
    help=N_(
        "Write down one night: leg symptoms, sleep, magnesium taken and a note. During a trial "
        "it says the night's plan and records whether you followed it."
    ),
    epilog=N_(
        "Examples:  mgcheck diary add  ·  mgcheck diary add --legs 6 --sleep 4 --magnesium 250  ·  "
        "mgcheck diary add --date 2026-11-20 --legs 3 --form magnesiumcitrat --amount 400mg  ·  "
        "mgcheck diary add --legs 3 --form bisglycinat --amount 100mg --elemental  ·  "
        "mgcheck diary add --legs 4 --as-planned  ·  mgcheck diary add --legs 2 --replace"
    ),
)
def add(
    date: Annotated[
        dt.date | None,
        night(
            N_(
                "The night, as YYYY-MM-DD: the date of its evening (2026-11-27 is the night "
                "into 28 November), or i går / yesterday. Default: the night that ended this "
                "morning."
            ),
            new=True,
            name="--date",
        ),
    ] = None,
    legs: Annotated[
        int | None, score(N_("Leg symptoms, 0 (none) to 10 (worst)."), SCORE_MIN, SCORE_MAX)
    ] = None,
    sleep: Annotated[
        int | None, score(N_("Sleep, 0 (none) to 10 (best)."), SCORE_MIN, SCORE_MAX)
    ] = None,
    magnesium: Annotated[
        float | None,
        number(
            N_("Elemental magnesium taken, in mg (0: none)."),
            0,
            MAX_MAGNESIUM_MG,
            quantity="mg",
            metavar="MG",
            show_default=False,
        ),
    ] = None,
    form: Annotated[
        str | None,
        typer.Option(
            metavar=N_("FORM"),
            help=N_("With --amount: the form on the label, as for mgcheck dose."),
            show_default=False,
        ),
    ] = None,
    amount: Annotated[
        str | None,
        typer.Option(
            metavar=N_("AMOUNT"),
            help=N_(
                "With --form: the amount taken as the label writes it, e.g. 400mg, 1,5 g or "
                "100 mg elementært. A hydrate the label leaves open is kept as a range."
            ),
            show_default=False,
        ),
    ] = None,
    elemental: ElementalOption = False,
    compound: CompoundOption = False,
    as_planned: Annotated[
        bool,
        typer.Option(
            "--as-planned",
            help=N_("During a trial: you did what the plan said that night (its dose, or none)."),
        ),
    ] = False,
    off_plan: Annotated[
        bool,
        typer.Option(
            "--off-plan",
            help=N_(
                "During a blinded trial: you did not take the night's capsule (or took other "
                "magnesium besides it)."
            ),
        ),
    ] = False,
    side_effect: Annotated[
        str | None,
        typer.Option(
            "--side-effect",
            metavar=N_("TEXT"),
            help=N_(
                "Something you noticed that night that may come from magnesium, in a few "
                'words: "løs mave", "kvalme" (at most 100 characters).'
            ),
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(help=N_("A short note (at most 500 characters)."), show_default=False),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help=N_("Replace an entry for the same night without asking.")),
    ] = False,
) -> None:
    from mgcheck.cli.diary_ask import NOTHING, Taken, from_label
    from mgcheck.clock import today
    from mgcheck.models.diary import Entry, InvalidEntry
    from mgcheck.render.dates import night as night_words
    from mgcheck.render.dates import sentence
    from mgcheck.results.trial import covering, in_run_in

    night = date or today() - dt.timedelta(days=1)
    legs_score, sleep_score = legs, sleep
    if (form is None) != (amount is None):
        raise MgcheckError(_("--form and --amount go together."))
    if form is not None and magnesium is not None:
        raise MgcheckError(_("give either --magnesium or --form with --amount, not both."))
    if (elemental or compound) and form is None:
        raise MgcheckError(messages.goes_with_label("--elemental" if elemental else "--compound"))
    if elemental and compound:
        raise MgcheckError(messages.not_together("--elemental", "--compound"))
    if as_planned and (form is not None or magnesium is not None):
        raise MgcheckError(
            _("--as-planned takes the plan's dose: give it without --magnesium or --form.")
        )
    if as_planned and off_plan:
        raise MgcheckError(_("give either --as-planned or --off-plan, not both."))
    asker = options.prompter()
    # An entry already there is asked about first, before any other question (issue 19).
    expected = _replace_first(night, replace, asker)
    if expected is False:
        return
    taken: Taken | None = None
    if magnesium is not None:
        taken = Taken(magnesium, magnesium, "")
    elif form is not None and amount is not None:
        said: Said | None = "elemental" if elemental else "compound" if compound else None
        taken = from_label([form, amount], asker, said=said)
    found = covering(_plans(), night)
    if found is None and as_planned and in_run_in(_plans(), night, today()) is not None:
        # A run-in night is, by the plan, an ordinary night without magnesium.
        if taken is None:
            taken = NOTHING
        as_planned = False
    if found is None and (as_planned or off_plan):
        raise MgcheckError(
            _("{option}: no trial plan holds for {night}.").format(
                option="--as-planned" if as_planned else "--off-plan",
                night=night_words(night),
            )
        )
    interactive = legs_score is None
    if interactive:
        if asker is None:
            raise MgcheckError(
                _("--legs is needed (or run mgcheck diary add in a terminal to be asked).")
            )
        if found is not None:  # the night's line names the night: said once
            from mgcheck.render.trial.words import night_line

            asker.say(night_line(found[0], found[1]))
        else:
            asker.say(sentence(night_words(night)))
        # A score may be typed as people write one ("7 ud af 10"); the examples are typical
        # nights, not the middle of the scale.
        legs_score = asker.whole_number(
            _("Leg symptoms that night, 0 (none) to 10 (worst)?"),
            SCORE_MIN,
            SCORE_MAX,
            example=3,
            out_of=SCORE_MAX,
        )
        if sleep_score is None:
            sleep_score = asker.whole_number(
                _("Sleep, 0 (none) to 10 (best)? Enter to skip:"),
                SCORE_MIN,
                SCORE_MAX,
                example=7,
                optional=True,
                out_of=SCORE_MAX,
            )
    followed: bool | None = None
    if found is not None and found[0].blinded:
        taken, followed = _blinded_night(taken, as_planned, off_plan, asker)
    elif found is not None:
        if off_plan:
            raise MgcheckError(
                _(
                    "--off-plan is for a blinded trial; in this one, say what you took "
                    "(--magnesium MG, or --form and --amount) and mgcheck works it out."
                )
            )
        taken, followed = _trial_night(found[0], found[1], taken, as_planned, asker)
    elif taken is None:
        taken = NOTHING
        if interactive and asker is not None:
            from mgcheck.cli.diary_ask import ask_taken

            if asker.confirm(_("Did you take magnesium that evening?")):
                taken = ask_taken(asker)
    if interactive and asker is not None and side_effect is None and found is not None:
        side_effect = asker.ask(
            _(
                "Anything you noticed that may come from magnesium (a loose stomach, say)? Enter "
                "for none:"
            )
            + " ",
            lambda text: text,
            "",
        )
    if interactive and asker is not None and note is None:
        note = asker.ask(_("A note? Enter for none:") + " ", lambda text: text, "")
    assert legs_score is not None
    if taken.high > MAX_MAGNESIUM_MG:
        from mgcheck.cli.diary_ask import too_much

        too_much(taken)
    try:
        entry = Entry(
            night,
            legs_score,
            sleep_score,
            taken.low,
            note or "",
            taken.high_or_none,
            followed,
            side_effect=(side_effect or "").strip(),
            written_on=today(),
        )
    except InvalidEntry as exc:
        raise MgcheckError(f"{exc.field}: {exc.problem}") from None
    replaced = _save(entry, replace, None if expected is True else expected)
    _say(_describe(entry, replaced=replaced))
    _say_amount(taken)
    _say_plan(entry, found, today())


def _say_amount(taken: Taken) -> None:
    """Above the limit or far above it, in dose's own words and bands (issue 17 point 4)."""
    from mgcheck.render.dose import print_night_amount
    from mgcheck.results.dose import judged_night
    from mgcheck.store import snapshot

    limits = snapshot.limits()
    print_night_amount(judged_night(taken.low, taken.high, limits, unsure=taken.unsure))


def _say(text: str, style: str | None = None) -> None:
    """A line after saving, wrapped at the terminal's width (a number keeps its unit)."""
    from mgcheck.render.console import paragraph, stdout_console

    paragraph(stdout_console(), text, style)


def _replace_first(night: dt.date, replace: bool, asker: Prompter | None) -> Row | bool:
    """Before any other question: is there an entry for ``night`` already? True to go on
    (nothing there, or --replace); the stored row when the person agreed to replace it (it is
    replaced only if still the same); False when they said no."""
    if replace:
        return True
    from mgcheck.render.dates import night as night_words
    from mgcheck.render.dates import sentence

    diary = _existing()
    if diary is None:
        return True
    with diary:
        row, stored = diary.current(night)
    if row is None:
        return True
    words = sentence(night_words(night))
    if asker is None:
        raise MgcheckError(
            _("{night} already has an entry; use --replace to replace it.").format(night=words)
        )
    legs = "?" if stored is None else stored.legs
    question = _("{night} already has an entry (legs {legs}). Replace it?")
    if not asker.confirm(question.format(night=words, legs=legs)):
        typer.echo(_("Nothing changed."))
        return False
    return row


def _blinded_night(
    taken: Taken | None, as_planned: bool, off_plan: bool, asker: Prompter | None
) -> tuple[Taken, bool]:
    """A night of a blinded trial: the plan is the night's capsule, whatever it holds; what
    was taken is only magnesium besides it. Followed: the capsule taken and nothing else."""
    from mgcheck.cli.diary_ask import NOTHING, ask_taken

    if as_planned or off_plan:
        extra = taken or NOTHING
        return extra, as_planned and extra.low == 0
    if asker is None:
        raise MgcheckError(
            _(
                "the trial is blinded: add --as-planned if you took the night's capsule (and no "
                "other magnesium), --off-plan if not, or run mgcheck diary add in a terminal."
            )
        )
    capsule = asker.confirm(_("Did you take the night's capsule?"))
    if taken is not None:
        return taken, capsule and taken.low == 0
    extra = NOTHING
    if asker.confirm(_("Did you take any other magnesium that evening?")):
        extra = ask_taken(asker)
    return extra, capsule and extra.low == 0


def _trial_night(
    plan: Plan,
    said: NightPlan,
    taken: Taken | None,
    as_planned: bool,
    asker: Prompter | None,
) -> tuple[Taken, bool]:
    """What was taken on a night of the trial, and whether it followed the plan.

    Worked out from the magnesium taken where that settles it (none on a "none" night, none on
    a magnesium night, the plan's dose on a magnesium night); asked only when it does not (a
    different amount on a magnesium night), so ``followed`` never contradicts the magnesium.
    """
    from mgcheck.cli.diary_ask import NOTHING, Taken, ask_taken
    from mgcheck.models.plan import Arm
    from mgcheck.render.trial.words import dose_words
    from mgcheck.results.trial import followed_when_taken

    planned = Taken(plan.dose_mg_low, plan.dose_mg_high, plan.dose)
    magnesium_night = said.period.arm is Arm.MAGNESIUM
    if as_planned:
        return (planned if magnesium_night else NOTHING), True
    if taken is None:
        if asker is None:
            if not magnesium_night:
                return NOTHING, True
            raise MgcheckError(
                _(
                    "the trial plan says magnesium that night: add --as-planned if you took "
                    "{dose}, --magnesium 0 if you took none, or what you took (--magnesium MG, "
                    "or --form and --amount)."
                ).format(dose=dose_words(plan))
            )
        if magnesium_night:
            if asker.confirm(
                _("Did you take {dose} that evening, as planned?").format(dose=dose_words(plan))
            ):
                return planned, True
            if asker.confirm(_("Did you take any other magnesium that evening?")):
                return ask_taken(asker), False
            return NOTHING, False
        if asker.confirm(_("The plan said no magnesium that evening. Did you take any?")):
            return ask_taken(asker), False
        return NOTHING, True
    settled = followed_when_taken(plan, said.period.arm, taken.low, taken.high)
    if settled is not None or asker is None:  # without a terminal: magnesium was taken
        return taken, True if settled is None else settled
    return taken, asker.confirm(
        _(
            "The plan's dose is {dose}; you took {taken}. Count this night as following the plan?"
        ).format(dose=dose_words(plan), taken=amount_words(taken.low, taken.high))
    )


def amount_words(low: float, high: float) -> str:
    """ "250 mg", "250,5 mg" or "45–65 mg" magnesium: whole numbers without a decimal."""

    def one(value: float) -> str:
        return format_number(value, 0 if value == round(value) else 1)

    figure = one(low) if high <= low else f"{one(low)}–{one(high)}"
    return _("{mg} mg").format(mg=figure)


def _say_plan(entry: Entry, found: tuple[Plan, NightPlan] | None, today: dt.date) -> None:
    """After saving: the night against its plan (and whether it was written late), a pair that
    can no longer count, and tonight's arm while a trial runs."""
    from mgcheck.render.trial.words import lost_text, night_line, tonight_line
    from mgcheck.results.trial import in_run_in, state, tonight

    if found is not None:
        plan, said = found
        line = night_line(plan, said, with_dose=False, capital=False)
        if entry.followed:
            _say(_("Trial: {line}; followed.").format(line=line))
        else:
            _say(
                _(
                    "Trial: {line}; not followed: the night stays in the diary, marked; it counts "
                    "in its period as planned, and is left out of the check beside the result."
                ).format(line=line)
            )
        late = _late_days()
        if (today - entry.night).days > late:
            _say(
                _(
                    "Written {days} days after the night: it counts, and the result names it as "
                    "written late."
                ).format(days=format_number((today - entry.night).days))
            )
        if plan.status_on(today).value == "active":
            diary = _existing()
            if diary is not None:
                with diary:
                    entries = diary.entries(plan.start, plan.end)
                lost = lost_text(state(plan, entries, today, late))
                if lost:
                    _say(lost, "bold")
    run_in = in_run_in(_plans(), entry.night, today)
    if run_in is not None:
        _say_run_in(run_in)
    running = tonight(_plans(), today)
    if running is not None and entry.night != today:
        _say(tonight_line(*running))


def _say_run_in(plan: Plan) -> None:
    """A night of a plan's run-in: how many of its nights are written, and when it starts."""
    from mgcheck.render.dates import night as night_words

    diary = _existing()
    written = 0
    if diary is not None:
        with diary:
            written = len(diary.entries(plan.run_in[0], plan.run_in[-1]))
    _say(
        _("Run-in: {written} of its {total} nights written down; the trial starts {night}.").format(
            written=format_number(written),
            total=format_number(plan.run_in_days),
            night=night_words(plan.start),
        )
    )


def _late_days() -> int:
    from mgcheck.store import snapshot

    return snapshot.trial().settings.late_days.value


def _save(entry: Entry, replace: bool, expected: Row | None) -> bool:
    """Write in one transaction; True if it replaced an entry. With ``expected`` (the row the
    person agreed to replace) only if it is still that row."""
    from mgcheck.render.dates import night as night_words
    from mgcheck.render.dates import sentence
    from mgcheck.store.diary import EntryChanged, EntryExists, PlanMismatch

    lower = night_words(entry.night)
    night = sentence(lower)
    with _open() as diary:
        try:
            if expected is not None:
                return diary.add(entry, expected=expected)
            return diary.add(entry, replace=replace)
        except PlanMismatch:
            raise MgcheckError(
                _(
                    "the trial plan for {night} changed while you were asked (another mgcheck "
                    "made or stopped one); nothing was saved. Run the command again."
                ).format(night=lower)
            ) from None
        except EntryExists:  # another mgcheck wrote it after the question was skipped
            raise MgcheckError(
                _("{night} already has an entry; use --replace to replace it.").format(night=night)
            ) from None
        except EntryChanged:
            raise MgcheckError(
                _(
                    "{night} was changed by another mgcheck while you were asked; nothing "
                    "was saved. Run the command again to see the new entry."
                ).format(night=night)
            ) from None


def _describe(entry: Entry, replaced: bool) -> str:
    from mgcheck.render.dates import night, sentence

    text = (
        (_("Replaced") if replaced else _("Saved"))
        + ": "
        + _("{night}, legs {legs}").format(night=night(entry.night), legs=entry.legs)
    )
    if entry.sleep is not None:
        text += ", " + _("sleep {sleep}").format(sleep=entry.sleep)
    if entry.on_magnesium:
        high = entry.magnesium_mg_high
        text += ", " + _("{amount} magnesium").format(
            amount=amount_words(entry.magnesium_mg, high or entry.magnesium_mg)
        )
        if high is not None:
            text += " " + _("(a range: the label leaves it open; both ends are kept)")
    return sentence(text) + "."


@diary_app.command(
    "list",
    help=N_("Show the entries as a table (without dates: the last 31 nights)."),
    epilog=N_(
        "Examples:  mgcheck diary list  ·  mgcheck diary list --since 2026-10-01  ·  "
        "mgcheck diary list --all --json"
    ),
)
def list_entries(
    since: SinceOption = None,
    until: UntilOption = None,
    all_nights: Annotated[
        bool, typer.Option("--all", help=N_("Every night in the diary."))
    ] = False,
    json: JsonOption = False,
) -> None:
    from mgcheck.render.diary import entries_json, print_entries

    first, last = _range(since, until)
    diary = _existing()
    if diary is None:
        entries, total = [], 0
    else:
        with diary:
            total = diary.count()
            if all_nights or since or until:
                entries = diary.entries(first, last)
            else:
                entries = diary.last(LIST_NIGHTS)
    (entries_json if json else print_entries)(entries, total)
    _report_problems(diary)


@diary_app.command(
    help=N_("A chart of leg symptoms night by night, nights on magnesium marked, weekly averages."),
    epilog=N_("Examples:  mgcheck diary chart  ·  mgcheck diary chart --since 2026-09-01"),
)
def chart(
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    from mgcheck.render.diary import print_chart
    from mgcheck.results.diary import CHART_NIGHTS, chart

    first, last = _range(since, until)
    diary = _existing()
    entries: list[Entry] = []
    plans: list[Plan] = []
    if diary is not None:
        with diary:
            entries = diary.entries(first, last) if first or last else diary.last(CHART_NIGHTS)
            plans = diary.plans()
    from mgcheck.clock import today

    print_chart(chart(entries, plans, today()))
    _report_problems(diary)


@diary_app.command(
    help=N_(
        "Compare nights without magnesium with nights on it (or before and after --split), "
        "with a 95 % interval and a verdict that does not overclaim."
    ),
    epilog=N_(
        "Examples:  mgcheck diary compare  ·  mgcheck diary compare --split 2026-11-01  ·  "
        "mgcheck diary compare --json"
    ),
)
def compare(
    split: Annotated[
        dt.date | None, night(N_("Compare before this night with this night and after."))
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    json: JsonOption = False,
) -> None:
    from mgcheck.clock import today
    from mgcheck.render.dates import night as night_words
    from mgcheck.render.diary import comparison_json, print_comparison
    from mgcheck.results.diary import compare as compared
    from mgcheck.results.diary import peeking

    first, last = _range(since, until)
    split_night = split
    diary = _existing()
    entries: list[Entry] = []
    plans: list[Plan] = []
    if diary is not None:
        with diary:
            entries = diary.entries(first, last)
            plans = diary.plans()
    running = peeking(plans, entries, today())
    if running is not None:
        raise MgcheckError(
            _(
                "trial plan {id} is running, and these nights include its own ({start} on): "
                "comparing them before it ends would be looking at its answer early, which makes "
                "a chance finding likelier. Its result comes after the last night (mgcheck diary "
                "trial result); until then, compare the nights before it with --until {before}."
            ).format(
                id=running.id,
                start=running.start.isoformat(),
                before=(running.start - dt.timedelta(days=1)).isoformat(),
            )
        )
    result = compared(entries, split_night)
    if split_night is None:
        labels = (_("Without magnesium"), _("With magnesium"))
    else:
        labels = (
            _("Before {night}").format(night=night_words(split_night)),
            _("From {night}").format(night=night_words(split_night)),
        )
    if json:
        comparison_json(result, labels, split_night)
    else:
        print_comparison(result, labels)
    _report_problems(diary)


@diary_app.command(
    help=N_(
        "Write every entry as CSV or JSON, to the screen or a new file (readable by you only)."
    ),
    epilog=N_(
        "Examples:  mgcheck diary export  ·  mgcheck diary export --format json  ·  "
        "mgcheck diary export --output diary.csv"
    ),
)
def export(
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=N_("csv or json (default: from --output, else csv)."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", help=N_("A new file to write to."), show_default=False, dir_okay=False
        ),
    ] = None,
) -> None:
    from mgcheck.render.dates import count_nights
    from mgcheck.store.diary_files import to_csv, to_json

    kind = (format or (output.suffix.lstrip(".") if output else "csv")).lower()
    if kind not in ("csv", "json"):
        raise MgcheckError(_("--format: use csv or json."))
    diary = _existing()
    entries: list[Entry] = []
    plans: list[Plan] = []
    if diary is not None:
        with diary:
            entries = diary.entries()
            plans = diary.plans()
    text = to_csv(entries, plans) if kind == "csv" else to_json(entries, plans)
    if output is None:
        from mgcheck.render.console import write_data

        write_data(text)
    else:
        _write_new_private(output, text)
        message = _("{nights} written to {file}.")
        if plans:
            message = _("{nights} and {plans} written to {file}.")
        typer.echo(
            message.format(
                nights=count_nights(len(entries)),
                plans=_count_plans(len(plans)),
                file=display_name(output),
            )
        )
    _report_problems(diary)  # the good rows are saved; the others are named


def _plans_mgcheck_could_make(plans: list[Plan], name: str) -> None:
    """Refuse (exit 2, nothing imported) a plan `diary trial plan` could not have made."""
    if not plans:
        return
    from mgcheck.cli import messages
    from mgcheck.clock import today
    from mgcheck.results.trial import import_faults
    from mgcheck.store import snapshot

    trial, limits = snapshot.trial(), snapshot.limits()
    known = frozenset(f.id for f in snapshot.findings()[0])
    now = today()
    for index, plan in enumerate(plans, start=1):
        faults = import_faults(plan, trial, limits, known, now)
        if faults:
            field, fault = faults[0]
            raise MgcheckError(messages.plan_fault(name, index, field, fault))


def _count_plans(n: int) -> str:
    return (_("{n} trial plan") if n == 1 else _("{n} trial plans")).format(n=n)


def _write_new_private(path: Path, text: str) -> None:
    """A new file, 0600 before the first byte, never over an existing one."""
    import os

    from mgcheck.store.paths import create_private_file

    create_private_file(path, exclusive=True)
    try:
        with path.open("w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise MgcheckError(
            _("{file}: cannot write ({reason})").format(
                file=display_name(path), reason=os_reason(exc)
            )
        ) from exc


@diary_app.command(
    "import",
    help=N_("Read entries from an export file (CSV or JSON); one bad row imports nothing."),
    epilog=N_(
        "Examples:  mgcheck diary import diary.csv  ·  mgcheck diary import diary.json --replace"
    ),
)
def import_entries(
    file: Annotated[
        Path, typer.Argument(metavar=N_("FILE"), help=N_("The export file."), dir_okay=False)
    ],
    replace: Annotated[
        bool,
        typer.Option("--replace", help=N_("Replace entries for nights the diary already has.")),
    ] = False,
) -> None:
    from mgcheck.render.dates import count_nights
    from mgcheck.store.diary import EntryExists, PlanConflict, PlanMismatch
    from mgcheck.store.diary_files import MAX_BYTES, read_export
    from mgcheck.store.textfile import read_file

    name = display_name(file)
    export = read_export(read_file(file, MAX_BYTES), name)
    _plans_mgcheck_could_make(export.plans, name)
    entries = export.entries
    diary = _open()
    with diary:
        before = diary.count_plans()
        try:
            count = diary.import_entries(entries, replace=replace, plans=export.plans)
        except EntryExists as exc:
            row = next(i for i, e in enumerate(entries, start=1) if e.night == exc.night)
            raise MgcheckError(
                _(
                    "{file}: row {row} ({night}): the diary already has this night; nothing was "
                    "imported. Use --replace to replace such nights."
                ).format(file=name, row=row, night=exc.night.isoformat())
            ) from None
        except PlanConflict as exc:
            raise MgcheckError(
                _(
                    "{file}: trial plan {plan} overlaps plan {other} in the diary (or both are "
                    "active); nothing was imported."
                ).format(file=name, plan=exc.plan_id, other=exc.other_id)
            ) from None
        except PlanMismatch as exc:
            row = next(i for i, e in enumerate(entries, start=1) if e.night == exc.night)
            problem = (
                _("'followed' is set, but no trial plan holds for this night")
                if exc.reason == "no_plan"
                else _("'followed' contradicts the magnesium taken and the plan's arm")
            )
            raise MgcheckError(
                _("{file}: row {row} ({night}): {problem}; nothing was imported.").format(
                    file=name, row=row, night=exc.night.isoformat(), problem=problem
                )
            ) from None
        added = diary.count_plans() - before
    if added:
        typer.echo(
            _("{nights} and {plans} imported.").format(
                nights=count_nights(count), plans=_count_plans(added)
            )
        )
    else:
        typer.echo(_("{nights} imported.").format(nights=count_nights(count)))


@diary_app.command(
    help=N_("Delete the entry for one night."),
    epilog=N_("Examples:  mgcheck diary delete 2026-11-20"),
)
def delete(
    night: Annotated[
        dt.date,
        typer.Argument(
            parser=Night(),
            metavar=N_("NIGHT"),
            help=N_("The night, as YYYY-MM-DD (or i går / yesterday)."),
        ),
    ],
) -> None:
    day = night
    diary = _existing()
    deleted = False
    if diary is not None:
        with diary:
            deleted = diary.delete(day)
    from mgcheck.render.dates import night as night_words

    words = night_words(day)
    if not deleted:
        raise MgcheckError(_("no entry for {night}.").format(night=words))
    typer.echo(_("Deleted the entry for {night}.").format(night=words))
    assert diary is not None
    _warn_if_journal_kept(diary)


@diary_app.command(
    help=N_("Delete every entry and trial plan (asks first). The empty diary file stays."),
    epilog=N_("Examples:  mgcheck diary forget --all  ·  mgcheck diary forget --all --yes"),
)
def forget(
    all_nights: Annotated[
        bool, typer.Option("--all", help=N_("Required: every entry goes."))
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help=N_("Do not ask first."))] = False,
) -> None:
    if not all_nights:
        raise MgcheckError(_("add --all to delete every entry; to delete one night use delete."))
    diary = _existing()
    if diary is None:
        typer.echo(_("The diary is empty."))
        return
    from mgcheck.render.dates import count_entries

    with diary:
        count = diary.count()
        plans = diary.count_plans()
        _report_problems(diary)
        what = count_entries(count)
        if plans:
            what = _("{entries} and {plans}").format(entries=what, plans=_count_plans(plans))
        if not yes:
            asker = options.prompter()
            if asker is None:
                raise MgcheckError(
                    _("this deletes every entry: add --yes, or run it in a terminal.")
                )
            if not asker.confirm(
                _("Delete all: {what}? A backup first: mgcheck diary backup FILE.").format(
                    what=what
                )
            ):
                typer.echo(_("Nothing changed."))
                return
        removed, removed_plans = diary.forget_all()
    what = count_entries(removed)
    if removed_plans:
        what = _("{entries} and {plans}").format(entries=what, plans=_count_plans(removed_plans))
    typer.echo(_("Deleted {what}.").format(what=what))
    _warn_if_journal_kept(diary)


def _warn_if_journal_kept(diary: Diary) -> None:
    if not diary.journal_wiped:
        from mgcheck.render.console import error_line

        error_line(
            _(
                "another mgcheck is reading the diary, so the deleted text may stay in its "
                "journal file ({file}-wal) until that one ends."
            ).format(file=display_name(diary.path))
        )


@diary_app.command(
    help=N_("Copy the whole diary into a new file (readable by you only)."),
    epilog=N_("Examples:  mgcheck diary backup ~/diary-backup.sqlite3"),
)
def backup(
    file: Annotated[
        Path,
        typer.Argument(metavar=N_("FILE"), help=N_("A new file for the copy."), dir_okay=False),
    ],
) -> None:
    diary = _open()
    with diary:
        count = diary.count()
        diary.backup(file)
    from mgcheck.render.dates import count_nights

    typer.echo(
        _("{nights} copied to {file}.").format(nights=count_nights(count), file=display_name(file))
    )
