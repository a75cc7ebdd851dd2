"""`mgcheck diary trial`: a randomised n-of-1 trial of magnesium, planned, kept and analysed.

Thin commands over results/trial.py (the screen, the plan, its state and result), rules/trial.py
(the schedule and the statistics), store/diary.py (the plans, in the diary's database) and
render/trial/. Help strings are marked with N_() and translated when help is drawn;
cli/diary.py loads this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mgcheck.cli import messages, options
from mgcheck.cli.clicktext import LocalCommand
from mgcheck.cli.options import JsonOption, StandardOption, context
from mgcheck.cli.types import Number, night, number
from mgcheck.errors import MgcheckError
from mgcheck.i18n import N_, _, current, format_number
from mgcheck.models.diary import SCORE_MAX
from mgcheck.models.plan import (
    MAX_PAIRS,
    MAX_PERIOD_DAYS,
    MAX_RUN_IN,
    MAX_SEED,
    MIN_PAIRS,
    MIN_PERIOD_DAYS,
    SMALLEST_MATTERS,
)
from mgcheck.store.textfile import display_name
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.cli.diary_ask import Taken
    from mgcheck.cli.prompts import Prompter
    from mgcheck.models.answers import Answers
    from mgcheck.models.assess_data import AssessData
    from mgcheck.models.diary import Entry
    from mgcheck.models.plan import Plan, StopReason
    from mgcheck.models.trial import TrialFile
    from mgcheck.results.trial import Outcome

trial_app = typer.Typer(
    help=N_(
        "A randomised trial of magnesium on yourself (an n-of-1 trial): weeks with and without "
        "magnesium in an order chance decides, your nightly leg score, and an honest answer to "
        "'does it help me?'."
    ),
    epilog=N_(
        "Examples:  mgcheck diary trial plan  ·  mgcheck diary trial show  ·  "
        "mgcheck diary trial result  ·  mgcheck diary trial report --output trial.md  ·  "
        "mgcheck diary trial stop"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)

options.alone_shows_help(trial_app)  # mgcheck diary trial --lang en: its help

PlanOption = Annotated[
    int | None,
    number(
        N_("A plan by its number (mgcheck diary trial show --all lists them)."),
        1,
        10**9,
        whole=True,
        metavar=N_("NUMBER"),
        name="--plan",
        show_default=False,
        show_range=False,
    ),
]

REPORT_FORMATS = (".html", ".md", ".txt")  # the forms of render/document.py (FORMS)
# How the safety check's questions read a line: the terminal's input (tests give a script).
READ: Callable[[str], str] = input


def _trial() -> TrialFile:
    from mgcheck.store import snapshot

    return snapshot.trial()


class PlanCommand(LocalCommand):
    """``diary trial plan``: its help ends with the defaults and why they are so."""

    def help_text(self) -> str:
        return super().help_text() + "\n\n" + _defaults_help()


def _defaults_help() -> str:
    """The defaults and why they are so, for --help: from data/trial.yaml in the help's
    language, when help is drawn.

    Read from the compiled JSON directly: the data models are not needed for three numbers and
    their reasons.
    """
    from mgcheck.store.snapshot import raw

    settings = raw("trial")["settings"]
    lang = current()
    parts = [
        _("Defaults: {period} nights a period, {pairs} pairs, {washout} washout nights.").format(
            period=settings["period_days"]["value"],
            pairs=settings["pairs"]["value"],
            washout=settings["washout_days"]["value"],
        )
    ]
    parts += [settings[name]["why"][lang] for name in ("period_days", "pairs", "washout_days")]
    return " ".join(parts)


@trial_app.command(
    "plan",
    cls=PlanCommand,
    help=N_(
        "Plan a trial: pairs of periods, one with magnesium and one without in each, the order "
        "drawn by chance. First a short safety check (the self-check's own rules); then the "
        "plan says the outcome, the difference that would matter to you, the analysis and the "
        "smallest p-value it can reach."
    ),
    epilog=N_(
        "Examples:  mgcheck diary trial plan  ·  mgcheck diary trial plan --dose "
        '"magnesiumcitrat 400 mg"  ·  mgcheck diary trial plan --answers answers.yaml --dose '
        '"magnesium 200 mg" --doctor-ok --json  ·  mgcheck diary trial plan --start 2026-12-01 '
        "--seed 12345"
    ),
)
def plan(
    start: Annotated[
        dt.date | None,
        night(
            N_(
                "The first night of the first period, as YYYY-MM-DD (its evening), or i morgen. "
                "Default: tomorrow, or after the run-in when the diary does not hold one yet."
            )
        ),
    ] = None,
    period: Annotated[
        int | None,
        number(
            N_("Nights in each period (2-28)."),
            MIN_PERIOD_DAYS,
            MAX_PERIOD_DAYS,
            whole=True,
            metavar=N_("NIGHTS"),
            show_default=False,
            show_range=False,
        ),
    ] = None,
    pairs: Annotated[
        int | None,
        number(
            N_("Pairs of periods (2-12); fewer than 6 can never reach p ≤ 0.05."),
            MIN_PAIRS,
            MAX_PAIRS,
            whole=True,
            metavar="N",
            show_default=False,
            show_range=False,
        ),
    ] = None,
    washout: Annotated[
        int | None,
        number(
            N_("The first nights of each period that are kept but not counted."),
            0,
            MAX_PERIOD_DAYS - 1,
            whole=True,
            metavar=N_("NIGHTS"),
            show_default=False,
            show_range=False,
        ),
    ] = None,
    dose: Annotated[
        str | None,
        typer.Option(
            metavar=N_("TEXT"),
            help=N_(
                "What you take on magnesium evenings, as the label prints it: "
                '"magnesiumcitrat 400 mg", "magnesium 100 mg".'
            ),
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        int | None,
        number(
            N_("Make the plan reproducible (default: drawn by the computer and stored)."),
            0,
            MAX_SEED,
            whole=True,
            metavar="N",
            show_default=False,
            show_range=False,
        ),
    ] = None,
    matters: Annotated[
        float | None,
        number(
            N_(
                "The difference in your leg score (0-10) that would matter to you (default 2, "
                "asked in a terminal)."
            ),
            SMALLEST_MATTERS,
            SCORE_MAX,
            metavar=N_("POINTS"),
            show_default=False,
            show_range=False,
        ),
    ] = None,
    answers_file: Annotated[
        str | None,
        typer.Option(
            "--answers",
            metavar=N_("FILE"),
            help=N_("The safety check's answers from a file, as for mgcheck assess."),
            show_default=False,
        ),
    ] = None,
    doctor_ok: Annotated[
        bool,
        typer.Option(
            "--doctor-ok",
            help=N_("You have asked your doctor, where the safety check says you should."),
        ),
    ] = False,
    run_in: Annotated[
        int | None,
        number(
            N_(
                "Ordinary diary nights before the first period (0-28, default 14): they "
                "measure how much your legs vary, so the plan can say what it can find."
            ),
            0,
            MAX_RUN_IN,
            whole=True,
            metavar=N_("NIGHTS"),
            name="--run-in",
            show_default=False,
            show_range=False,
        ),
    ] = None,
    blinded: Annotated[
        bool,
        typer.Option(
            "--blinded",
            help=N_(
                "Someone else keeps the schedule and fills identical capsules; mgcheck does "
                "not show you which periods hold magnesium until the trial has ended."
            ),
        ),
    ] = False,
    sealed_list: Annotated[
        Path | None,
        typer.Option(
            "--sealed-list",
            metavar=N_("FILE"),
            help=N_(
                "With --blinded: a new file for the person who fills the capsules, with the "
                "schedule night by night. It is written once; keep it away from yourself."
            ),
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    standard: StandardOption = Standard.NNR,
    json: JsonOption = False,
) -> None:
    from mgcheck.clock import today
    from mgcheck.results.trial import (
        Design,
        defaults,
        draw_seed,
        first_night,
        new_plan,
        too_young,
    )
    from mgcheck.store import snapshot

    trial = _trial()
    now = today()
    design = defaults(trial)
    if blinded != (sealed_list is not None):
        raise MgcheckError(
            _(
                "--blinded and --sealed-list go together: the schedule goes to a file for the "
                "person who fills the capsules, and only there."
            )
        )
    nights_before = design.run_in_days if run_in is None else run_in
    if start is None:
        first = first_night(now, nights_before, _written_before(now, nights_before))
    else:
        first = _start(start, now)
    days = design.period_days if period is None else period
    count = design.pairs if pairs is None else pairs
    if washout is not None and washout > days - 1:
        raise MgcheckError(messages.value("--washout", str(washout), 0, days - 1, True))
    washed = min(design.washout_days, days - 1) if washout is None else washout
    chosen_seed, points = seed, matters
    asker = None if json else options.prompter()
    if asker is None and (answers_file is None or dose is None):
        raise MgcheckError(
            _(
                "without a terminal (or with --json), give the safety check's answers with "
                "--answers FILE (mgcheck assess --example shows the format) and the dose with "
                "--dose TEXT; add --doctor-ok once you have asked your doctor, if it says so."
            )
        )
    _no_running_plan(now)  # before any question: one plan at a time
    data = snapshot.assess_data()
    answers = _screen_answers(answers_file, data, asker)
    if too_young(answers):
        raise MgcheckError(
            _(
                "mgcheck plans trials only for adults (18 or over): children and teenagers "
                "have other needs and limits, and should take magnesium only on a doctor's "
                "advice."
            )
        )
    from mgcheck.results.trial import screen as run_screen

    checked = run_screen(answers, data, standard, current())
    if checked.urgent:
        raise MgcheckError(
            _(
                "your answers call for help now ({what}); mgcheck plans no trial. Run mgcheck "
                "assess for the advice."
            ).format(what="; ".join(f.title for f in checked.findings if f.level.value == "urgent"))
        )
    if not json:
        from mgcheck.render.trial.terminal import print_screen

        print_screen(checked)
    if checked.needs_doctor and not doctor_ok:
        if asker is None:
            raise MgcheckError(
                _(
                    "the safety check says to talk to your doctor first, about: {what}. Once you "
                    "have, add --doctor-ok. Nothing was planned."
                ).format(what="; ".join(f.title for f in checked.findings))
            )
        if not asker.confirm(
            _("Have you asked your doctor, and does your doctor agree to this trial?")
        ):
            typer.echo(_("Ask your doctor first; nothing was planned."))
            return
        doctor_ok = True
    taken, dose_text = _dose(dose, asker)
    while (problem := _dose_problem(taken, answers.age, standard)) is not None:
        if dose is not None or asker is None:
            raise MgcheckError(problem)
        asker.refuse(problem[:1].upper() + problem[1:])  # at a terminal: why, and ask again
        taken, dose_text = _dose(None, asker)
    if points is None:
        points = design.matters if asker is None else _ask_matters(asker, design.matters)
    chosen = Design(first, count, days, washed, points, nights_before, blinded)
    new = new_plan(
        chosen,
        trial,
        seed=draw_seed() if chosen_seed is None else chosen_seed,
        seed_drawn=chosen_seed is None,
        dose=dose_text,
        dose_mg=(taken.low, taken.high),
        screen_ids=checked.ids,
        doctor_ok=doctor_ok and checked.needs_doctor,
        today=now,
        standard=standard,
    )
    if sealed_list is not None:
        _check_sealed_list(sealed_list)
    stored = _store(new, now)
    if sealed_list is not None:
        _write_sealed_list(sealed_list, stored)
    entries = _entries_for(stored)
    if json:
        _plan_json(stored, now, entries)
    else:
        from mgcheck.render.trial.terminal import print_plan
        from mgcheck.results.trial import planning

        print_plan(stored, trial, now, planning(stored, entries, trial), new=True)


def _written_before(now: dt.date, nights: int) -> list[dt.date]:
    """The diary's nights in the ``nights`` before tomorrow (does the diary hold a run-in?)."""
    from mgcheck.store.diary import open_existing

    diary = open_existing()
    if diary is None or nights == 0:
        return []
    with diary:
        return [e.night for e in diary.entries(now - dt.timedelta(days=nights), now)]


def _entries_for(plan: Plan) -> list[Entry]:
    """The diary's nights of a plan and of the weeks before it (its run-in, its baseline)."""
    from mgcheck.models.plan import MAX_RUN_IN
    from mgcheck.store.diary import open_existing

    diary = open_existing()
    if diary is None:
        return []
    with diary:
        return diary.entries(plan.start - dt.timedelta(days=MAX_RUN_IN), plan.end)


def _check_sealed_list(path: Path) -> None:
    """Refuse before anything is stored: the sealed list is a new file, never over another."""
    from mgcheck.store.paths import exists

    if exists(path) or path.is_symlink():
        raise MgcheckError(
            _("--sealed-list: {file} already exists; give a new file.").format(
                file=display_name(path)
            )
        )


def _write_sealed_list(path: Path, plan: Plan) -> None:
    from mgcheck.render.trial.words import sealed_list
    from mgcheck.store.report_file import write_report

    write_report(path, sealed_list(plan))  # 0600, whole or not at all, never over a file


def _running(plan: Plan) -> MgcheckError:
    from mgcheck.render.dates import long_date

    return MgcheckError(
        _(
            "trial plan {id} (made {date}) is still running: one plan at a time. Stop it "
            "first with mgcheck diary trial stop."
        ).format(id=plan.id, date=long_date(plan.created))
    )


def _no_running_plan(now: dt.date) -> None:
    """Refuse early, naming the running plan (the store checks again when it saves)."""
    from mgcheck.results.trial import running_plan
    from mgcheck.store.diary import open_existing

    diary = open_existing()
    if diary is None:
        return
    with diary:
        running = running_plan(diary.plans(), now)
    if running is not None:
        raise _running(running)


def _start(first: dt.date, now: dt.date) -> dt.date:
    """The first night: today or later (a plan drawn after its nights would not be random),
    and within a year."""
    from mgcheck.render.dates import long_date
    from mgcheck.results.trial import start_window

    earliest, latest = start_window(now)
    if not earliest <= first <= latest:
        raise MgcheckError(
            _(
                "--start: the first night must be from today to a year ahead ({today} to "
                "{last}): a plan drawn after its nights have begun would no longer be random."
            ).format(
                today=long_date(earliest),
                last=long_date(latest),
            )
        )
    return first


def _screen_answers(answers_file: str | None, data: AssessData, asker: Prompter | None) -> Answers:
    """The safety check's answers: a file (as for assess), or the few questions it needs,
    asked with the interview's own words (data/questions.yaml)."""
    if answers_file is not None:
        from mgcheck.rules.assess import form_problem
        from mgcheck.store.answers import load_answers

        name, answers = load_answers(answers_file)
        problem = form_problem(answers, data)
        if problem is not None:
            raise MgcheckError(messages.form_in_answers(problem, name))
        return answers
    assert asker is not None
    return _ask_screen(data)


def _ask_screen(data: AssessData) -> Answers:
    from mgcheck.cli.prompts import Interview
    from mgcheck.store.answers import answers_from

    run = context()
    console = run.console()
    console.print(
        _(
            "First a short safety check: a few of the self-check's questions. Ctrl-C stops; "
            "nothing is saved."
        ),
        style="bold",
    )
    from mgcheck.render.console import sayer

    interview = Interview(data, READ, sayer(console))
    # The self-check's own opening questions: the screen asks exactly what the self-check asks.
    answers = interview.about_you()  # under 18 is refused afterwards, with the reason
    answers["considering_magnesium"] = True
    return answers_from(answers, _("your answers"))


def _dose(dose: str | None, asker: Prompter | None) -> tuple[Taken, str]:
    """The dose of a magnesium evening, from --dose (as a label) or asked as the interview asks."""
    from mgcheck.cli.diary_ask import ask_taken, from_label

    if dose is not None:
        taken = from_label(dose.split(), asker)
        return taken, taken.label
    assert asker is not None
    asker.say(_("What will you take on magnesium evenings?"))
    taken = ask_taken(asker, planning=True)
    return taken, taken.label


def _dose_problem(taken: Taken, age: int, standard: Standard) -> str | None:
    """Why no trial can be planned with this dose (none above the upper limit, judged on the
    higher reading), or None."""
    from mgcheck.render.style import mg, mg_span
    from mgcheck.results.trial import dose_refusal
    from mgcheck.store import snapshot

    refused = dose_refusal(snapshot.limits(), standard, age, taken.low, taken.high)
    if refused is None:
        return None
    if refused.no_magnesium:
        return _("--dose: the dose must contain some magnesium.")
    judgement = refused.judgement
    assert judgement is not None
    return _(
        "the dose gives {dose} magnesium a night, above the upper limit of {limit} a day "
        "from supplements ({standard}); mgcheck plans no trial above it. Choose a dose "
        "within the limit (mgcheck dose shows a label's magnesium)."
    ).format(
        dose=mg_span(taken.low, taken.high),
        limit=mg(judgement.chosen.mg),
        standard=judgement.chosen.short,
    )


def _ask_matters(asker: Prompter, default: float) -> float:
    def parse(text: str) -> float:
        if not text:
            return default
        return Number(SMALLEST_MATTERS, SCORE_MAX)(text)  # "1,5", "to": as --matters reads it

    return asker.ask(
        _(
            "How many points lower would your nightly leg score (0-10) have to be for "
            "magnesium to be worth it to you? Enter for {default}:"
        ).format(default=format_number(default, 1 if default != int(default) else 0))
        + " ",
        parse,
        _("Write a number above 0 and at most 10, e.g. 2 or 1,5."),
    )


def _store(plan: Plan, now: dt.date) -> Plan:
    from mgcheck.store.diary import PlanConflict, PlanExists, open_diary

    with open_diary() as diary:
        try:
            return diary.create_plan(plan, now)
        except PlanExists as exc:
            raise _running(exc.plan) from None
        except PlanConflict as exc:
            raise MgcheckError(
                _("the new plan would overlap trial plan {id}; choose a later --start.").format(
                    id=exc.other_id
                )
            ) from None


def _plan_json(plan: Plan, now: dt.date, entries: list[Entry]) -> None:
    from mgcheck.render.console import write_json
    from mgcheck.render.trial.json import trial_json
    from mgcheck.results.trial import planning, state

    trial = _trial()
    late = trial.settings.late_days.value
    payload = trial_json(
        state(plan, entries, now, late), trial, planning=planning(plan, entries, trial)
    )
    write_json("trial", payload)


def _chosen(number: int | None) -> tuple[Plan, list[Entry]] | None:
    """The plan asked for (--plan), else the active one, else the latest; with its entries
    and those of the weeks before it (its run-in)."""
    from mgcheck.store.diary import open_existing

    diary = open_existing()
    if diary is None:
        found = None
        entries: list[Entry] = []
    else:
        with diary:
            found = diary.plan(number)
            entries = (
                []
                if found is None
                else diary.entries(found.start - dt.timedelta(days=MAX_RUN_IN), found.end)
            )
            problems = list(diary.problems)
        if problems:
            raise MgcheckError("\n".join(problems))
    if found is None:
        if number is not None:
            raise MgcheckError(
                _("no trial plan {id}; mgcheck diary trial show --all lists them.").format(
                    id=number
                )
            )
        return None
    return found, entries


def _seen(plan: Plan, done: Outcome) -> None:
    """Record, the first time, that a result of ``plan`` was shown: nights written after it
    are marked in every later result (`entered_after_result`)."""
    if done.analysis is None or plan.result_seen is not None:
        return
    from mgcheck.store.diary import open_diary

    with open_diary() as diary:
        diary.mark_result_seen(plan.id)


def _no_plan() -> MgcheckError:
    return MgcheckError(_("no trial plan yet; make one with mgcheck diary trial plan."))


@trial_app.command(
    "show",
    help=N_(
        "Show the plan as a calendar: which evenings are magnesium, which are not, the washout "
        "nights, and tonight."
    ),
    epilog=N_(
        "Examples:  mgcheck diary trial show  ·  mgcheck diary trial show --all  ·  "
        "mgcheck diary trial show --plan 1 --json"
    ),
)
def show(
    all_plans: Annotated[
        bool, typer.Option("--all", help=N_("List every plan, past ones too."))
    ] = False,
    plan_id: PlanOption = None,
    json: JsonOption = False,
) -> None:
    from mgcheck.clock import today
    from mgcheck.results.trial import planning, state

    now = today()
    if all_plans:
        from mgcheck.store.diary import open_existing

        diary = open_existing()
        plans = []
        if diary is not None:
            with diary:
                plans = diary.plans()
        if json:
            from mgcheck.render.console import write_json
            from mgcheck.render.trial.json import history_json

            write_json("trial.history", history_json(plans, now))
        else:
            from mgcheck.render.trial.terminal import print_history

            print_history(plans, now)
        return
    found = _chosen(plan_id)
    if found is None:
        if json:
            raise _no_plan()
        typer.echo(_("No trial plan yet. Make one with mgcheck diary trial plan."))
        return
    trial = _trial()
    current = state(found[0], found[1], now, trial.settings.late_days.value)
    plan_for = planning(found[0], found[1], trial)
    if json:
        from mgcheck.render.console import write_json
        from mgcheck.render.trial.json import trial_json

        write_json("trial", trial_json(current, trial, planning=plan_for))
    else:
        from mgcheck.render.trial.terminal import print_state

        print_state(current, trial, plan_for)


REASONS = ("side-effects", "worse", "better", "burden", "doctor", "other")


@trial_app.command(
    "stop",
    help=N_(
        "Stop the running trial. It stays in the history; its nights stay in the diary. Why "
        "it was stopped goes into the report for your doctor."
    ),
    epilog=N_(
        "Examples:  mgcheck diary trial stop  ·  mgcheck diary trial stop --yes --reason "
        "side-effects"
    ),
)
def stop(
    yes: Annotated[bool, typer.Option("--yes", help=N_("Do not ask first."))] = False,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            metavar="|".join(REASONS),
            help=N_(
                "Why: side effects, legs worse, legs better, too much to keep up, a doctor's "
                "advice, or another reason (asked in a terminal)."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    from mgcheck.clock import today
    from mgcheck.models.plan import StopReason
    from mgcheck.render.dates import long_date
    from mgcheck.results.trial import running_plan
    from mgcheck.store.diary import open_existing

    now = today()
    why: StopReason | None = None
    if reason is not None:
        if reason.strip().lower() not in REASONS:
            raise MgcheckError(
                _("--reason: use one of {choices}.").format(choices=", ".join(REASONS))
            )
        why = StopReason(reason.strip().lower().replace("-", "_"))
    diary = open_existing()
    if diary is None:
        raise MgcheckError(_("no trial is running."))
    with diary:
        running = running_plan(diary.plans(), now)
        if running is None:
            raise MgcheckError(_("no trial is running."))
        asker = options.prompter()
        if not yes:
            if asker is None:
                raise MgcheckError(_("this stops the trial: add --yes, or run it in a terminal."))
            if not asker.confirm(
                _("Stop trial plan {id}? It cannot be taken up again.").format(id=running.id)
            ):
                typer.echo(_("Nothing changed."))
                return
        if why is None and asker is not None:
            why = _ask_reason(asker)
        stopped = diary.stop_plan(now, why)
    if stopped is None:
        raise MgcheckError(_("no trial is running."))
    typer.echo(
        _(
            "Trial plan {id} stopped on {date}. It stays in the history (mgcheck diary trial "
            "show --all); its nights stay in the diary."
        ).format(id=stopped.id, date=long_date(now))
    )


def _ask_reason(asker: Prompter) -> StopReason | None:
    """Why the trial stops, as a numbered choice; Enter for no reason."""
    from mgcheck.models.plan import StopReason

    choices = [
        (StopReason.SIDE_EFFECTS, _("side effects")),
        (StopReason.WORSE, _("my legs got worse")),
        (StopReason.BETTER, _("my legs got better")),
        (StopReason.BURDEN, _("it was too much to keep up")),
        (StopReason.DOCTOR, _("my doctor advised it")),
        (StopReason.OTHER, _("another reason")),
    ]
    asker.say(_("Why do you stop? (It goes into the report for your doctor.)"))
    for index, (_reason, words) in enumerate(choices, start=1):
        asker.say(f"  {index}. {words}")

    def parse(text: str) -> StopReason | None:
        if not text:
            return None
        chosen = int(text)
        if not 1 <= chosen <= len(choices):
            raise ValueError(text)
        return choices[chosen - 1][0]

    return asker.ask(
        _("Number (Enter: no reason): "),
        parse,
        _("Write one number from 1 to {n}.").format(n=len(choices)),
    )


@trial_app.command(
    "extend",
    help=N_(
        "Add one more pair of periods at the end of the running trial, drawn by the plan's own "
        "seed, to make up for a pair whose nights can no longer be counted."
    ),
    epilog=N_(
        "Examples:  mgcheck diary trial extend  ·  mgcheck diary trial extend --yes  ·  "
        "mgcheck diary trial extend --sealed-list more.txt"
    ),
)
def extend(
    yes: Annotated[bool, typer.Option("--yes", help=N_("Do not ask first."))] = False,
    sealed_list: Annotated[
        Path | None,
        typer.Option(
            "--sealed-list",
            metavar=N_("FILE"),
            help=N_(
                "For a blinded trial: a new file with the added nights, for the person who "
                "fills the capsules."
            ),
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    from mgcheck.clock import today
    from mgcheck.models.plan import MAX_PAIRS
    from mgcheck.render.dates import night
    from mgcheck.results.trial import extension, running_plan, state
    from mgcheck.store.diary import PlanChanged, PlanConflict, open_diary, open_existing

    now = today()
    diary = open_existing()
    running = None
    entries: list[Entry] = []
    if diary is not None:
        with diary:
            running = running_plan(diary.plans(), now)
            if running is not None:
                entries = diary.entries(running.start, running.end)
    if diary is None or running is None:
        raise MgcheckError(_("no trial is running."))
    added = extension(running)
    if added is None:
        raise MgcheckError(
            _("the plan has {n} pairs already, the most the exact test can use.").format(
                n=MAX_PAIRS
            )
        )
    if not state(running, entries, now).extensible:
        raise MgcheckError(
            _(
                "no pair has lost its nights: a pair is added only to make up for one that "
                "did, never because of how the nights look (that would bias the result)."
            )
        )
    if running.blinded != (sealed_list is not None):
        raise MgcheckError(
            _("--sealed-list: give a new file for a blinded trial's added nights (and only then).")
        )
    if sealed_list is not None:
        _check_sealed_list(sealed_list)
    if not yes:
        asker = options.prompter()
        if asker is None:
            raise MgcheckError(_("this adds a pair: add --yes, or run it in a terminal."))
        question = _("Add pair {pair}, {first} to {last}, at the end of trial plan {id}?")
        if not asker.confirm(
            question.format(
                pair=added[0].pair,
                first=night(added[0].start),
                last=night(added[-1].end),
                id=running.id,
            )
        ):
            typer.echo(_("Nothing changed."))
            return
    try:
        with open_diary() as store:
            longer = store.extend_plan(running.id, added)
    except PlanChanged:
        raise MgcheckError(_("the trial changed meanwhile; nothing was added.")) from None
    except PlanConflict as exc:
        raise MgcheckError(
            _("the added pair would overlap trial plan {id}; nothing was added.").format(
                id=exc.other_id
            )
        ) from None
    if sealed_list is not None:
        _write_sealed_list(sealed_list, longer.replace(periods=added))
    typer.echo(
        _("Pair {pair} added: the trial now ends after {night}.").format(
            pair=added[0].pair, night=night(longer.end)
        )
    )


def _sources(trial: TrialFile) -> tuple[tuple[int, Any], ...]:
    """The sources the result cites, numbered as mgcheck sources numbers them."""
    from mgcheck.results.trial import cited_sources
    from mgcheck.store import snapshot

    return cited_sources(trial, snapshot.sources().sources)


@trial_app.command(
    "result",
    help=N_(
        "The result: per pair the mean leg score with and without magnesium, the mean "
        "difference with its 95 % interval, the exact randomisation test, how well the plan "
        "was followed, and a verdict that does not overclaim."
    ),
    epilog=N_(
        "Examples:  mgcheck diary trial result  ·  mgcheck diary trial result --json  ·  "
        "mgcheck diary trial result --plan 1"
    ),
)
def result(plan_id: PlanOption = None, json: JsonOption = False) -> None:
    from mgcheck.clock import today
    from mgcheck.results.trial import outcome

    found = _chosen(plan_id)
    if found is None:
        raise _no_plan()
    trial = _trial()
    done = outcome(found[0], found[1], today(), trial)
    if json:
        from mgcheck.render.console import write_json
        from mgcheck.render.trial.json import trial_json
        from mgcheck.results.trial import planning

        plan_for = planning(found[0], found[1], trial)
        write_json("trial", trial_json(done.state, trial, done, _sources(trial), plan_for))
    else:
        from mgcheck.render.trial.terminal import print_outcome

        print_outcome(done, trial)
    _seen(found[0], done)


@trial_app.command(
    "report",
    help=N_(
        "Write a report of the trial for your doctor (HTML to print, Markdown or text), "
        "following the CENT reporting items that apply: design, randomisation, periods, "
        "results and limits, with numbered sources."
    ),
    epilog=N_(
        "Examples:  mgcheck diary trial report --output trial.html  ·  "
        "mgcheck diary trial report --output trial.md --force"
    ),
)
def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            metavar=N_("FILE"),
            help=N_("The report file: .html, .md or .txt."),
            show_default=False,
            dir_okay=False,
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help=N_("Replace the file if it exists, without asking."))
    ] = False,
    plan_id: PlanOption = None,
) -> None:
    from mgcheck.clock import today
    from mgcheck.render.trial.document import render_report
    from mgcheck.results.trial import outcome, planning
    from mgcheck.safetext import shown
    from mgcheck.store.report_file import write_report

    suffix = output.suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise MgcheckError(
            _("--output: use a file ending in {formats}").format(formats=", ".join(REPORT_FORMATS))
        )
    found = _chosen(plan_id)
    if found is None:
        raise _no_plan()
    from mgcheck.store.paths import exists

    if not force and (exists(output) or output.is_symlink()):
        if not options.may_replace(output):
            typer.echo(_("Nothing written."))
            return
        force = True
    trial = _trial()
    now = today()
    done = outcome(found[0], found[1], now, trial)
    plan_for = planning(found[0], found[1], trial)
    sources = [source for _n, source in _sources(trial)]
    content = render_report(suffix, done, plan_for, trial, sources, now)
    write_report(output, content, replace=force)
    _seen(found[0], done)
    typer.echo(_("Report written to {file}.").format(file=shown(output, 200)))
