"""`mgcheck diary`: thin commands over store/diary.py (storage) and rules/diary.py (statistics).

Help strings are translated at import; mgcheck.cli.app loads this module when `diary` is used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mgcheck.cli import messages, options
from mgcheck.cli.options import JsonOption, context, with_lang
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _, format_number
from mgcheck.safetext import shown
from mgcheck.store.textfile import display_name

if TYPE_CHECKING:
    from mgcheck.cli.prompts import Prompter
    from mgcheck.models.diary import Entry
    from mgcheck.store.diary import Diary

diary_app = typer.Typer(
    help=_(
        "A private diary of your nights: leg symptoms, sleep and magnesium taken, kept in one "
        "file on this computer only; with a chart and an honest before-and-after comparison."
    ),
    epilog=_(
        "Examples:  mgcheck diary add  ·  mgcheck diary list  ·  mgcheck diary chart  ·  "
        "mgcheck diary compare  ·  mgcheck diary export --output diary.csv"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)

LIST_NIGHTS = 31  # `diary list` without dates: the last month

SinceOption = Annotated[
    str | None,
    typer.Option(help=_("From this night (YYYY-MM-DD)."), show_default=False),
]
UntilOption = Annotated[
    str | None,
    typer.Option(help=_("Up to and including this night (YYYY-MM-DD)."), show_default=False),
]


def parse_night(text: str, option: str, *, new: bool = False) -> dt.date:
    """A night from the command line: exactly YYYY-MM-DD; one to be saved is not in the future
    nor before 1900 (a range may start or end anywhere)."""
    from mgcheck.models.diary import EARLIEST, InvalidNight
    from mgcheck.models.diary import parse_night as parse

    try:
        return parse(text, new=new, earliest=EARLIEST if new else None)
    except InvalidNight as exc:
        raise MgcheckError(messages.night(exc, option, text, context().t)) from None


def _range(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    first = None if since is None else parse_night(since, "--since")
    last = None if until is None else parse_night(until, "--until")
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


def _elemental(form: str, amount: str) -> float:
    from mgcheck.cli.options import read_label
    from mgcheck.rules.dose import elemental_dose
    from mgcheck.store import snapshot

    match, amount_mg = read_label(snapshot.forms(), form, amount)
    assert match is not None  # read_label refuses unknown forms unless elemental
    dose = elemental_dose(match, amount_mg)
    if dose.uncertain:
        raise MgcheckError(
            _(
                "{form} {amount} mg gives {low}-{high} mg magnesium depending on the hydrate. "
                "Name it (e.g. citrat nonahydrat) or give --magnesium MG from the label."
            ).format(
                form=shown(form, 40),
                amount=format_number(amount_mg),
                low=format_number(dose.per_unit_low),
                high=format_number(dose.per_unit_high),
            )
        )
    return round(dose.per_unit_low, 1)


@diary_app.command(
    help=_("Write down one night: leg symptoms, sleep, magnesium taken and a note."),
    epilog=_(
        "Examples:  mgcheck diary add  ·  mgcheck diary add --legs 6 --sleep 4 --magnesium 250  ·  "
        "mgcheck diary add --date 2026-11-20 --legs 3 --form citrat --amount 1,5g  ·  "
        "mgcheck diary add --legs 2 --replace"
    ),
)
@with_lang
def add(
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help=_("The night, as YYYY-MM-DD (the date of its evening). Default: last night."),
            show_default=False,
        ),
    ] = None,
    legs: Annotated[
        int | None,
        typer.Option(
            min=0, max=10, help=_("Leg symptoms, 0 (none) to 10 (worst)."), show_default=False
        ),
    ] = None,
    sleep: Annotated[
        int | None,
        typer.Option(min=0, max=10, help=_("Sleep, 0 (none) to 10 (best)."), show_default=False),
    ] = None,
    magnesium: Annotated[
        float | None,
        typer.Option(
            min=0,
            max=5000,
            help=_("Elemental magnesium taken, in mg (0: none)."),
            show_default=False,
        ),
    ] = None,
    form: Annotated[
        str | None,
        typer.Option(
            help=_("With --amount: the form on the label, as for mgcheck dose."), show_default=False
        ),
    ] = None,
    amount: Annotated[
        str | None,
        typer.Option(
            help=_("With --form: the amount of the compound taken, e.g. 400 or 1,5g."),
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(help=_("A short note (at most 500 characters)."), show_default=False),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help=_("Replace an entry for the same night without asking.")),
    ] = False,
) -> None:
    from mgcheck.models.diary import Entry, InvalidEntry

    night = (
        parse_night(date, "--date", new=True) if date else dt.date.today() - dt.timedelta(days=1)
    )
    if (form is None) != (amount is None):
        raise MgcheckError(_("--form and --amount go together."))
    if form is not None and magnesium is not None:
        raise MgcheckError(_("give either --magnesium or --form with --amount, not both."))
    if form is not None and amount is not None:
        magnesium = _elemental(form, amount)
    asker = options.prompter()
    if legs is None:
        if asker is None:
            raise MgcheckError(
                _("--legs is needed (or run mgcheck diary add in a terminal to be asked).")
            )
        asker.say(_("Night of {night}").format(night=night.isoformat()))
        legs = asker.whole_number(_("Leg symptoms that night, 0 (none) to 10 (worst)?"), 0, 10)
        if sleep is None:
            sleep = asker.whole_number(
                _("Sleep, 0 (none) to 10 (best)? Enter to skip:"), 0, 10, optional=True
            )
        if magnesium is None:
            magnesium = asker.decimal(_("Elemental magnesium taken, in mg (0 for none)?"), 0, 5000)
        if note is None:
            note = asker.ask(_("A note? Enter for none:") + " ", lambda text: text, "")
    assert legs is not None
    try:
        entry = Entry(night, legs, sleep, magnesium or 0.0, note or "")
    except InvalidEntry as exc:
        raise MgcheckError(f"{exc.field}: {exc.problem}") from None
    replaced = _save(entry, replace, asker)
    if replaced is not None:
        typer.echo(_describe(entry, replaced=replaced))


def _save(entry: Entry, replace: bool, asker: Prompter | None) -> bool | None:
    """Check and write in one transaction; True if replaced, None if the person said no.

    Asking happens outside the transaction (nobody holds the lock while a person thinks); the
    replacement then happens only if the entry is still the one the person was asked about.
    """
    from mgcheck.store.diary import EntryChanged, EntryExists

    night = entry.night.isoformat()
    with _open() as diary:
        try:
            return diary.add(entry, replace=replace)
        except EntryExists as exc:
            if asker is None:
                raise MgcheckError(
                    _("{night} already has an entry; use --replace to replace it.").format(
                        night=night
                    )
                ) from None
            legs = "?" if exc.entry is None else exc.entry.legs
            question = _("{night} already has an entry (legs {legs}). Replace it?")
            if not asker.confirm(question.format(night=night, legs=legs)):
                typer.echo(_("Nothing changed."))
                return None
            try:
                return diary.add(entry, expected=exc.row)
            except EntryChanged:
                raise MgcheckError(
                    _(
                        "{night} was changed by another mgcheck while you were asked; nothing "
                        "was saved. Run the command again to see the new entry."
                    ).format(night=night)
                ) from None


def _describe(entry: Entry, replaced: bool) -> str:
    text = (
        (_("Replaced") if replaced else _("Saved"))
        + ": "
        + _("night {night}, legs {legs}").format(night=entry.night.isoformat(), legs=entry.legs)
    )
    if entry.sleep is not None:
        text += ", " + _("sleep {sleep}").format(sleep=entry.sleep)
    if entry.on_magnesium:
        text += ", " + _("{mg} mg magnesium").format(mg=format_number(entry.magnesium_mg, 1))
    return text + "."


@diary_app.command(
    "list",
    help=_("Show the entries as a table (without dates: the last 31 nights)."),
    epilog=_(
        "Examples:  mgcheck diary list  ·  mgcheck diary list --since 2026-10-01  ·  "
        "mgcheck diary list --all --json"
    ),
)
@with_lang
def list_entries(
    since: SinceOption = None,
    until: UntilOption = None,
    all_nights: Annotated[bool, typer.Option("--all", help=_("Every night in the diary."))] = False,
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
    help=_("A chart of leg symptoms night by night, nights on magnesium marked, weekly averages."),
    epilog=_("Examples:  mgcheck diary chart  ·  mgcheck diary chart --since 2026-09-01"),
)
@with_lang
def chart(
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    from mgcheck.render.diary import print_chart
    from mgcheck.results.diary import CHART_NIGHTS, chart

    first, last = _range(since, until)
    diary = _existing()
    entries: list[Entry] = []
    if diary is not None:
        with diary:
            entries = diary.entries(first, last) if first or last else diary.last(CHART_NIGHTS)
    print_chart(chart(entries))
    _report_problems(diary)


@diary_app.command(
    help=_(
        "Compare nights without magnesium with nights on it (or before and after --split), "
        "with a 95 % interval and a verdict that does not overclaim."
    ),
    epilog=_(
        "Examples:  mgcheck diary compare  ·  mgcheck diary compare --split 2026-11-01  ·  "
        "mgcheck diary compare --json"
    ),
)
@with_lang
def compare(
    split: Annotated[
        str | None,
        typer.Option(
            help=_("Compare before this night with this night and after."), show_default=False
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    json: JsonOption = False,
) -> None:
    from mgcheck.render.diary import comparison_json, print_comparison
    from mgcheck.rules.diary import compare_magnesium, compare_split

    first, last = _range(since, until)
    split_night = None if split is None else parse_night(split, "--split")
    diary = _existing()
    entries: list[Entry] = []
    if diary is not None:
        with diary:
            entries = diary.entries(first, last)
    if split_night is None:
        result = compare_magnesium(entries)
        labels = (_("Without magnesium"), _("With magnesium"))
    else:
        result = compare_split(entries, split_night)
        labels = (
            _("Before {night}").format(night=split_night.isoformat()),
            _("From {night}").format(night=split_night.isoformat()),
        )
    if json:
        comparison_json(result, labels, split_night)
    else:
        print_comparison(result, labels)
    _report_problems(diary)


@diary_app.command(
    help=_("Write every entry as CSV or JSON, to the screen or a new file (readable by you only)."),
    epilog=_(
        "Examples:  mgcheck diary export  ·  mgcheck diary export --format json  ·  "
        "mgcheck diary export --output diary.csv"
    ),
)
@with_lang
def export(
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=_("csv or json (default: from --output, else csv)."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", help=_("A new file to write to."), show_default=False, dir_okay=False
        ),
    ] = None,
) -> None:
    from mgcheck.store.diary_files import to_csv, to_json

    kind = (format or (output.suffix.lstrip(".") if output else "csv")).lower()
    if kind not in ("csv", "json"):
        raise MgcheckError(_("--format: use csv or json."))
    diary = _existing()
    entries: list[Entry] = []
    if diary is not None:
        with diary:
            entries = diary.entries()
    text = to_csv(entries) if kind == "csv" else to_json(entries)
    if output is None:
        from mgcheck.render.console import write_data

        write_data(text)
    else:
        _write_new_private(output, text)
        typer.echo(
            _("{n} nights written to {file}.").format(n=len(entries), file=display_name(output))
        )
    _report_problems(diary)  # the good rows are saved; the others are named


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
                file=display_name(path), reason=exc.strerror or exc.__class__.__name__
            )
        ) from exc


@diary_app.command(
    "import",
    help=_("Read entries from an export file (CSV or JSON); one bad row imports nothing."),
    epilog=_(
        "Examples:  mgcheck diary import diary.csv  ·  mgcheck diary import diary.json --replace"
    ),
)
@with_lang
def import_entries(
    file: Annotated[Path, typer.Argument(help=_("The export file."), dir_okay=False)],
    replace: Annotated[
        bool, typer.Option("--replace", help=_("Replace entries for nights the diary already has."))
    ] = False,
) -> None:
    from mgcheck.store.diary import EntryExists
    from mgcheck.store.diary_files import MAX_BYTES, parse_export
    from mgcheck.store.textfile import read_file

    entries = parse_export(read_file(file, MAX_BYTES), display_name(file))
    diary = _open()
    with diary:
        try:
            count = diary.import_entries(entries, replace=replace)
        except EntryExists as exc:
            row = next(i for i, e in enumerate(entries, start=1) if e.night == exc.night)
            raise MgcheckError(
                _(
                    "{file}: row {row} ({night}): the diary already has this night; nothing was "
                    "imported. Use --replace to replace such nights."
                ).format(file=display_name(file), row=row, night=exc.night.isoformat())
            ) from None
    typer.echo(_("{n} nights imported.").format(n=count))


@diary_app.command(
    help=_("Delete the entry for one night."),
    epilog=_("Examples:  mgcheck diary delete 2026-11-20"),
)
@with_lang
def delete(
    night: Annotated[str, typer.Argument(help=_("The night, as YYYY-MM-DD."))],
) -> None:
    day = parse_night(night, "NIGHT")
    diary = _existing()
    deleted = False
    if diary is not None:
        with diary:
            deleted = diary.delete(day)
    if not deleted:
        raise MgcheckError(_("no entry for {night}.").format(night=day.isoformat()))
    typer.echo(_("Deleted the entry for {night}.").format(night=day.isoformat()))
    assert diary is not None
    _warn_if_journal_kept(diary)


@diary_app.command(
    help=_("Delete every entry (asks first). The empty diary file stays."),
    epilog=_("Examples:  mgcheck diary forget --all  ·  mgcheck diary forget --all --yes"),
)
@with_lang
def forget(
    all_nights: Annotated[
        bool, typer.Option("--all", help=_("Required: every entry goes."))
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help=_("Do not ask first."))] = False,
) -> None:
    if not all_nights:
        raise MgcheckError(_("add --all to delete every entry; to delete one night use delete."))
    diary = _existing()
    if diary is None:
        typer.echo(_("The diary is empty."))
        return
    with diary:
        count = diary.count()
        _report_problems(diary)
        if not yes:
            asker = options.prompter()
            if asker is None:
                raise MgcheckError(
                    _("this deletes every entry: add --yes, or run it in a terminal.")
                )
            if not asker.confirm(
                _("Delete all {n} entries? A backup first: mgcheck diary backup FILE.").format(
                    n=count
                )
            ):
                typer.echo(_("Nothing changed."))
                return
        removed = diary.forget_all()
    typer.echo(_("Deleted {n} entries.").format(n=removed))
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
    help=_("Copy the whole diary into a new file (readable by you only)."),
    epilog=_("Examples:  mgcheck diary backup ~/diary-backup.sqlite3"),
)
@with_lang
def backup(
    file: Annotated[Path, typer.Argument(help=_("A new file for the copy."), dir_okay=False)],
) -> None:
    diary = _open()
    with diary:
        count = diary.count()
        diary.backup(file)
    typer.echo(_("{n} nights copied to {file}.").format(n=count, file=display_name(file)))
