"""The self-check's report: in the terminal, or as a file to print (HTML, Markdown, text, JSON).

The files are one document (:func:`document`) written by :mod:`mgcheck.render.document` in three
forms. It has two parts and says so: "For you" speaks to the person ("your legs"); "For your
doctor" speaks about them (their answers, blood values against their ranges, medicines and
supplement in a table). Sources are numbered in the order first cited, in the terminal and in
the files alike (:func:`source_numbers`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mgcheck.i18n import _, format_number
from mgcheck.render.citation import reference
from mgcheck.render.style import LEVEL_STYLE, KeptTogether, citation, mg, mg_span
from mgcheck.results.assess import Report, headline
from mgcheck.rules.assess import Pattern
from mgcheck.vocab import Level

if TYPE_CHECKING:
    from mgcheck.models import outputs
    from mgcheck.models.guidance import SourceEntry
    from mgcheck.render.document import Block, Document, Section
    from mgcheck.results.report_facts import ReportFacts


def disclaimer() -> str:
    return _(
        "This is not a diagnosis. It sums up your answers against named sources; "
        "bring it to your doctor."
    )


def pattern_text(pattern: Pattern | None) -> str:
    return {
        None: _("no leg symptoms"),
        Pattern.FITS: _("fits the pattern (not a diagnosis)"),
        Pattern.POSSIBLE: _("may fit: a look-alike is possible"),
        Pattern.UNLIKELY: _("does not fit the pattern"),
    }[pattern]


def level_words(report: Report) -> str:
    """The overall level in words that follow the plan's time frame (review 2): "Call 112 now"
    or "Get help today" (the time frame's own title), "within a few days", else the level's."""
    plan = report.plan.time_frame
    if report.level is Level.URGENT or (report.level is Level.DOCTOR and plan.id == "within_days"):
        return plan.title
    return headline(report.level)


def scale_words(level: Level) -> str:
    """A level's words on the scale of every level: "now" is not said for a level that may mean
    today (review 2)."""
    return _("Get help today or call 112") if level is Level.URGENT else headline(level)


def group_title(level: Level, report: Report | None = None) -> str:
    """The heading over the findings of one level: the report's own level in its words."""
    if level is Level.INFO:
        return _("Good to know")
    if report is not None and level is report.level:
        return level_words(report)
    return scale_words(level)


def _facts(report: Report) -> ReportFacts:
    if report.facts is None:  # every report build_report makes has them
        raise ValueError("a report without its facts")
    return report.facts


def diet_shown(report: Report) -> bool:
    return report.diet_mg is not None and bool(_facts(report).diet)


def figures(report: Report) -> list[tuple[str, str, tuple[str, ...]]]:
    """The person's need, limit, dose and food estimate, each with its sources; no amounts
    under 18."""
    facts = _facts(report)
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    # When magnesium must stop, a need beside a low food estimate would invite topping up.
    if report.need_mg is not None and not report.must_stop:
        label = _("Your need ({standard})").format(standard=report.standard_short)
        if report.need_without_pregnancy_value:
            label = _(
                "Your need ({standard}; the value for women who are neither pregnant nor "
                "breastfeeding)"
            ).format(standard=report.standard_short)
        rows.append((label, mg(report.need_mg), facts.need_sources))
    if report.upper_limit_mg is not None:
        rows.append(
            (
                _("Upper limit from supplements ({standard})").format(
                    standard=report.standard_short
                ),
                mg(report.upper_limit_mg),
                facts.limit_sources,
            )
        )
    if report.dose_per_day_mg is not None:
        rows.append((_("Your supplement, a day"), mg_span(*report.dose_per_day_mg), ()))
    if report.diet_mg is not None and diet_shown(report):
        rows.append(
            (_("Your diet, counted groups, a day (rough)"), mg(report.diet_mg), facts.food_sources)
        )
    rows.append((_("Leg symptoms"), pattern_text(report.legs_pattern), ()))
    return rows


def diet_withheld_text(report: Report) -> str | None:
    """Why the diet estimate is not shown although its questions were answered."""
    reason = _facts(report).diet_withheld
    if reason is None:
        return None
    return {
        "under_18": _("Your diet estimate is not shown: under 18, mgcheck shows no amounts."),
        "must_stop": _(
            "Your diet estimate is not shown: your answers say magnesium has to wait until "
            "you have talked to a doctor (see above)."
        ),
        "urgent": _(
            "Your diet estimate is not shown beside something urgent. Get help first; the "
            "estimate can wait."
        ),
    }[reason]


def diet_sources_text(report: Report) -> str:
    """Why the estimate is what it is, in one sentence."""
    return _(
        "Only these seven food groups are counted, each portion as the average serving of the "
        "foods mgcheck lists for the group; other foods (potatoes, meat, coffee, water) add "
        "more, so the estimate is rough and on the low side."
    )


def diet_mostly_text(report: Report) -> str:
    """The groups that give most, largest first: "Mostly from whole grains (109 mg), …"."""
    top = [row for row in _facts(report).diet if row.mg > 0][:3]
    if not top:
        return _("None of the counted groups was answered with a portion.")
    parts = "; ".join(f"{row.short} ({mg(row.mg)})" for row in top)
    return _("Mostly from {groups}.").format(groups=parts)


def foods_note(report: Report) -> str:
    """Where the food table comes from (with amounts for adults only)."""
    if report.foods and report.foods[0].mg is not None:
        return _("Magnesium per serving, from the food tables.")
    return _("Foods rich in magnesium, from the food tables.")


def works(report: Report, keys: Sequence[str]) -> tuple[str, ...]:
    """``keys`` with each replaced by the first key of its work: one work, one number
    (review 2: the NIH fact sheet, read in three places, is one work)."""
    same = dict(report.same_work)
    return tuple(dict.fromkeys(same.get(key, key) for key in keys))


def source_numbers(report: Report) -> dict[str, int]:
    """Each cited work's number in this report, by the first key of the work: the order the
    document first cites them (the plan, the findings, the figures, the diet and foods, the
    blood values). A source the report lists but nothing shown cites (the need's, when the need
    is not shown) is left out."""
    facts = _facts(report)
    plan = report.plan
    keys = [*plan.time_frame.sources, *plan.action.sources]
    keys += [key for part in plan.explanations for key in part.sources]
    keys += [key for finding in report.findings for key in finding.sources]
    keys += [key for _label, _value, cites in figures(report) for key in cites]
    if report.foods:
        keys += facts.food_sources
    keys += [key for lab in facts.labs for key in lab.sources]
    return {key: n for n, key in enumerate(works(report, keys), start=1)}


def _hang(text: str, indent: int, width: int) -> list[str]:
    """``text`` wrapped to ``width``, its later lines indented by ``indent`` (under the text,
    not the number); a word longer than a line is kept whole."""
    import textwrap

    return textwrap.wrap(
        text,
        width=max(width, indent + 20),
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _bracket(keys: Sequence[str], numbers: dict[str, int], report: Report) -> str:
    return citation(dict.fromkeys(numbers[key] for key in works(report, keys)))


# --- terminal ------------------------------------------------------------------------------


def print_report(
    report: Report,
    sources: Sequence[tuple[int, SourceEntry]],
    *,
    program: str = "mgcheck",
    rerun: str | None = None,
    will_offer_to_save: bool = False,
    written_to: str | None = None,
) -> None:
    """The report in the terminal. Its last line is ``rerun``, the command that runs the
    self-check again (``program`` is how this mgcheck is started), on a line of its own so a
    path in it is never broken."""
    from rich import box
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import stdout_console

    console = stdout_console()
    numbers = source_numbers(report)

    def heading(title: str, style: str = "bold") -> None:
        console.print()
        console.print(Rule(Text(title, style=style), align="left", style=style, characters="─"))

    console.print(Text(disclaimer(), style="bold"))
    # The overall level first and boxed; the rest under plain headings (lean and quick).
    style = LEVEL_STYLE[report.level]
    top = Text(level_words(report), style=style, justify="center")
    if not report.findings:
        top.append("\n" + _("Nothing in your answers calls for action."), style="")
    console.print(Panel(top, border_style=style, title=Text(_("Your report")), title_align="left"))
    console.print(plan_panel(report))
    for level in Level:
        findings = [f for f in report.findings if f.level is level]
        if not findings:
            continue
        heading(group_title(level, report), LEVEL_STYLE[level])
        for index, finding in enumerate(findings):
            if index:
                console.print()
            body = Text(finding.text)
            body.append(" " + _bracket(finding.sources, numbers, report), style="dim")
            console.print(Text(finding.title, style="bold"))
            console.print(KeptTogether(body))
    heading(_("Your figures"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(justify="right", style="bold", no_wrap=True)
    rows = figures(report)
    for label, value, cites in rows[:-1]:  # the amounts, then the legs in words below
        shown = Text(label)
        if cites:
            shown.append(" " + _bracket(cites, numbers, report), style="dim")
        grid.add_row(shown, value)
    console.print(grid)
    label, value, _cites = rows[-1]
    console.print(Text(f"{label}: {value}"))
    if diet_shown(report):
        console.print(Text(diet_mostly_text(report), style="dim"))
    withheld = diet_withheld_text(report)
    if withheld is not None:
        console.print(Text(withheld))
    if report.foods:  # none when magnesium must stop, or with kidney disease
        heading(_("Foods that help most"))
        foods = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
        foods.add_column(_("Food"))
        foods.add_column(_("Serving"))
        if report.foods[0].mg is not None:
            foods.add_column(_("mg"), justify="right")
        for food in report.foods:
            row = [Text(food.name), Text(food.serving)]
            if food.mg is not None:
                row.append(Text(format_number(food.mg)))
            foods.add_row(*row)
        console.print(foods)
        note = Text(foods_note(report) + " ", style="dim")
        note.append(_bracket(_facts(report).food_sources, numbers, report), style="dim")
        console.print(note)
    heading(_("Sources"), "dim")
    by_key = {source.key: source for _n, source in sources}
    width = len(f"{len(numbers)}. ")
    for key, number in numbers.items():
        start = f"{number}. ".rjust(width)
        for line in _hang(f"{start}{reference(by_key[key])}", width, console.width):
            text = Text(line)
            if line.startswith(start):
                text.stylize("bold", 0, len(start))
            console.print(text, no_wrap=True, overflow="ignore", crop=False)
    if written_to is not None:
        console.print(Text(_("Report written to {file}.").format(file=written_to)))
    elif not will_offer_to_save:
        console.print(Text(_("To save this report, add --output report.html."), style="dim"))
    # Commands on lines of their own: a long path in them is never broken.
    for said, command in (
        (_("Every source in full:"), f"{program} sources"),
        (_("Run mgcheck again:"), rerun or f"{program} assess"),
    ):
        console.print(Text(said, style="dim"))
        console.print(Text("  " + command), no_wrap=True, overflow="ignore", crop=False)


def plan_panel(report: Report) -> Any:
    """The one plan (issue 17) under the headline: when to get help, what to do with magnesium,
    and what most likely lies behind it. Its words are the report's; nothing is decided here."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    plan = report.plan
    numbers = source_numbers(report)

    def cited(text: str, keys: Sequence[str]) -> KeptTogether:
        """A part of the plan with its own citation (review 2: claim by claim)."""
        out = Text(text)
        if keys:
            out.append(" " + _bracket(keys, numbers, report), style="dim")
        return KeptTogether(out)

    parts: list[Any] = [
        Text(plan.time_frame.title, style="bold"),
        cited(plan.time_frame.text, plan.time_frame.sources),
        Text(""),
        Text(plan.action.title, style="bold"),
        cited(plan.action.text, plan.action.sources),
    ]
    if plan.explanations:
        parts += [Text(""), Text(_("What most likely lies behind it"), style="bold")]
        parts += [
            cited(f"{n}. {e.title}: {e.text}", e.sources)
            for n, e in enumerate(plan.explanations, start=1)
        ]
    style = LEVEL_STYLE[report.level]
    return Panel(Group(*parts), title=_("What to do"), title_align="left", border_style=style)


# --- the document --------------------------------------------------------------------------


def plan_blocks(report: Report) -> tuple[Block, ...]:
    """The one plan (issue 17) as the document's first boxed blocks, under the level: when to
    get help, what to do with magnesium, and what most likely lies behind it, as the terminal
    shows it. The plan's sources are cited with the first block."""
    from mgcheck.render.document import Callout

    plan = report.plan
    tone = report.level.value
    # The magnesium box wears the level's colour only when holding magnesium back is part of
    # what is urgent; beside a red flag magnesium does not touch it stays plain (review 2).
    held = plan.action.id in ("stop_now", "pause_until_doctor")
    blocks: list[Block] = [
        Callout(
            plan.time_frame.title,
            plan.time_frame.text,
            works(report, plan.time_frame.sources),
            tone,
        ),
        Callout(
            plan.action.title,
            plan.action.text,
            works(report, plan.action.sources),
            tone if held else None,
        ),
    ]
    if plan.explanations:
        said = " ".join(
            f"({n}) {e.title}: {e.text}" for n, e in enumerate(plan.explanations, start=1)
        )
        cites = works(report, [key for e in plan.explanations for key in e.sources])
        blocks.append(Callout(_("What most likely lies behind it"), said, cites, None))
    return tuple(blocks)


def document(report: Report, sources: Sequence[tuple[int, SourceEntry]], date: dt.date) -> Document:
    """The report as one document for the files: the level first, then "For you", then "For
    your doctor", then the sources, numbered as first cited."""
    from mgcheck.render.document import (
        Banner,
        Cited,
        Document,
        Finding,
        Pairs,
        Paragraph,
        Section,
        Table,
        reference,
    )

    facts = _facts(report)
    detail = None if report.findings else _("Nothing in your answers calls for action.")
    banner = Banner(
        label=_("Overall"),
        text=level_words(report),
        tone=report.level.value,
        detail=detail,
        scale_label=_("From most to least urgent"),
        scale=tuple(
            (level.value, level_words(report) if level is report.level else scale_words(level))
            for level in Level
        ),
    )
    lead = (
        Paragraph(disclaimer()),
        Paragraph(
            _(
                "The report has two parts. “For you” is written to you. “For your doctor” "
                "sums up your answers for a doctor, who can read the whole report."
            )
        ),
    )
    yours: list[Section] = []
    for level in Level:
        findings = [f for f in report.findings if f.level is level]
        if findings:
            yours.append(
                Section(
                    group_title(level, report),
                    tuple(Finding(f.title, f.text, works(report, f.sources)) for f in findings),
                    tone=level.value,
                )
            )
    yours.append(
        Section(
            _("Your figures"),
            (
                Pairs(
                    tuple(
                        (label, Cited(value, works(report, cites)))
                        for label, value, cites in figures(report)
                    )
                ),
            ),
        )
    )
    diet = _diet_section(report, facts)
    if diet is not None:
        yours.append(diet)
    if report.foods:
        with_mg = report.foods[0].mg is not None
        header = (_("Food"), _("Serving"), *((_("mg"),) if with_mg else ()))
        rows = tuple(
            (
                food.name,
                food.serving,
                *((format_number(food.mg),) if food.mg is not None and with_mg else ()),
            )
            for food in report.foods
        )
        yours.append(
            Section(
                _("Foods that help most"),
                (
                    Table(header, rows, right=(2,) if with_mg else ()),
                    Paragraph(foods_note(report), works(report, facts.food_sources)),
                ),
            )
        )
    doctor = _doctor_section(report, facts)
    numbered = {source.key: source for _n, source in sources}
    return Document(
        lang=report.language,
        title=_("mgcheck report, {date}").format(date=date.isoformat()),
        lead=lead,
        banner=banner,
        top=plan_blocks(report),
        sections=(
            Section(_("For you"), sections=tuple(yours), note=_("Written to you.")),
            doctor,
        ),
        references_title=_("Sources"),
        references=tuple(
            reference(numbered[key], report.language) for key in source_numbers(report)
        ),
    )


def _diet_section(report: Report, facts: ReportFacts) -> Section | None:
    """The diet estimate and why it is what it is, or one sentence saying why it is not shown."""
    from mgcheck.render.document import Cited, Paragraph, Section, Table

    withheld = diet_withheld_text(report)
    if withheld is not None:
        return Section(_("Your diet"), (Paragraph(withheld),))
    if not diet_shown(report) or report.diet_mg is None:
        return None
    rows: list[tuple[str | Cited, ...]] = [
        (row.group, format_number(row.portions, 1), mg(row.mg)) for row in facts.diet
    ]
    rows.append((_("In all, a day (rough)"), "", mg(report.diet_mg)))
    return Section(
        _("Your diet"),
        (
            Paragraph(
                _("From the food groups you counted you get roughly {mg} magnesium a day.").format(
                    mg=mg(report.diet_mg)
                )
            ),
            Table(
                (_("Food group"), _("Portions a day"), _("Magnesium a day")), tuple(rows), (1, 2)
            ),
            Paragraph(diet_sources_text(report), works(report, facts.food_sources)),
        ),
    )


def _doctor_section(report: Report, facts: ReportFacts) -> Section:
    """The answers for a doctor: about the person, not to them."""
    from mgcheck.render.document import Cited, Pairs, Paragraph, Section, Table

    blocks: list[Block] = [
        Paragraph(
            _(
                "Answers from the person themselves, given in mgcheck's self-check. They are "
                "not checked by a health professional, and nothing in this report is a "
                "diagnosis."
            )
        ),
        Paragraph(
            _(
                "mgcheck's overall level: {level}. The findings behind it are under “For you”."
            ).format(level=level_words(report))
        ),
        Pairs(
            (
                (
                    _("What mgcheck told the person"),
                    _("“{text}”").format(
                        text=f"{report.plan.time_frame.title}. {report.plan.action.title}."
                    ),
                ),
                *facts.answers,
            )
        ),
    ]
    parts: list[Section] = []
    if facts.labs:
        parts.append(
            Section(
                _("Blood tests, as the person gave them"),
                (
                    Table(
                        (_("Test"), _("Result"), _("Compared with")),
                        tuple(
                            (lab.name, lab.value, Cited(lab.compared, works(report, lab.sources)))
                            for lab in facts.labs
                        ),
                    ),
                ),
            )
        )
    rows: list[tuple[str, ...]] = [(_("Medicine"), name, "–") for name in facts.medicines]
    if facts.supplement is not None:
        dose = facts.supplement.dose
        if report.dose_per_day_mg is not None:
            dose = _("{dose}: {mg} magnesium a day").format(
                dose=dose, mg=mg_span(*report.dose_per_day_mg)
            )
        if facts.supplement.readings:
            dose += "; " + facts.supplement.readings
        rows.append((_("Magnesium supplement"), facts.supplement.name, dose))
    elif facts.considering:
        rows.append((_("Magnesium supplement"), _("none (considering one)"), "–"))
    medicines: list[Block] = []
    if rows:
        medicines.append(Table((_("Kind"), _("Name"), _("Dose")), tuple(rows)))
    else:
        medicines.append(Paragraph(_("No medicines and no magnesium supplement.")))
    if facts.medicines:
        medicines.append(Paragraph(_("mgcheck asks which kinds of medicine, not their doses.")))
    parts.append(Section(_("Medicines and supplement"), tuple(medicines)))
    return Section(
        _("For your doctor"),
        tuple(blocks),
        tuple(parts),
        note=_("Written for the doctor, about the person."),
        new_page=True,
    )


def render_file(
    suffix: str, report: Report, sources: Sequence[tuple[int, SourceEntry]], date: dt.date
) -> str:
    """The report as the file ``--output`` names: HTML, Markdown, text or JSON (the envelope)."""
    from mgcheck.render.document import FORMS, write

    form = FORMS.get(suffix)
    if form is not None:
        return write(document(report, sources, date), form)
    from mgcheck.envelope import envelope
    from mgcheck.safetext import dumps

    payload: outputs.ReportPayload = {
        "date": date.isoformat(),
        "answers": [{"question": q, "answer": a} for q, a in report.answers],
        **report.to_json(),
    }
    return dumps(envelope("report", payload, report.language)) + "\n"
