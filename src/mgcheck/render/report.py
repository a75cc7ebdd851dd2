"""The self-check's report as Rich panels, or as a file to print: Markdown, HTML, text or JSON."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from mgcheck.envelope import envelope
from mgcheck.i18n import _, format_number
from mgcheck.models.guidance import SourceEntry
from mgcheck.render.style import LEVEL_STYLE, mg, mg_span
from mgcheck.results.assess import Report, headline
from mgcheck.safetext import dumps, visible
from mgcheck.vocab import Level

# Characters that start Markdown (and GitHub Markdown) inline syntax: emphasis, code, links,
# images, raw HTML, entities, tables, strike-through, headings. Escaped in what a person wrote.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#!|~&])")


def markdown_escape(text: str) -> str:
    """``text`` as literal Markdown: each syntax character behind a backslash."""
    return _MARKDOWN.sub(r"\\\1", visible(text))


def disclaimer() -> str:
    return _(
        "This is not a diagnosis. It sums up your answers against named sources; "
        "bring it to your doctor."
    )


def pattern_text(pattern: str | None) -> str:
    return {
        None: _("no leg symptoms"),
        "fits": _("fits the pattern (not a diagnosis)"),
        "possible": _("may fit: a look-alike is possible"),
        "unlikely": _("does not fit the pattern"),
    }[pattern]


def figures(report: Report) -> list[tuple[str, str]]:
    """The person's need, limit, dose and food estimate; empty of amounts under 18."""
    rows: list[tuple[str, str]] = []
    # When magnesium must stop, a need beside a low food estimate would invite topping up.
    if report.need_mg is not None and not report.must_stop:
        label = _("Your need ({standard})").format(standard=report.standard_short)
        if report.need_without_pregnancy_value:
            label = _("Your need ({standard}; the value for other women)").format(
                standard=report.standard_short
            )
        rows.append((label, mg(report.need_mg)))
    if report.upper_limit_mg is not None:
        rows.append(
            (
                _("Upper limit from supplements ({standard})").format(
                    standard=report.standard_short
                ),
                mg(report.upper_limit_mg),
            )
        )
    if report.dose_per_day_mg is not None:
        rows.append((_("Your supplement, a day"), mg_span(*report.dose_per_day_mg)))
    if report.diet_mg is not None and not report.must_stop:
        rows.append((_("Your diet, counted groups, a day (rough)"), mg(report.diet_mg)))
    rows.append((_("Leg symptoms"), pattern_text(report.legs_pattern)))
    return rows


def group_title(level: Level) -> str:
    """The heading over the findings of one level."""
    return _("Good to know") if level is Level.INFO else headline(level)


# --- terminal ------------------------------------------------------------------------------------


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
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from mgcheck.render.console import stdout_console
    from mgcheck.render.guidance import sources_line

    console = stdout_console()
    console.print(Text(disclaimer(), style="bold"))
    style = LEVEL_STYLE[report.level]
    top = Text(headline(report.level), style=style, justify="center")
    if not report.findings:
        top.append("\n" + _("Nothing in your answers calls for action."), style="")
    console.print(
        Panel(
            top,
            border_style=style,
            title=_("Your report"),
            title_align="left",
        )
    )
    console.print(plan_panel(report))
    for level in Level:
        findings = [f for f in report.findings if f.level is level]
        if not findings:
            continue
        parts: list[Any] = []
        for finding in findings:
            if parts:
                parts.append(Text(""))
            parts += [
                Text(finding.title, style="bold"),
                Text(finding.text),
                sources_line(finding.sources),
            ]
        console.print(
            Panel(
                Group(*parts),
                title=Text(group_title(level), style=LEVEL_STYLE[level]),
                title_align="left",
                border_style=LEVEL_STYLE[level],
            )
        )
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(justify="right", style="bold")
    for label, value in figures(report):
        grid.add_row(label, value)
    console.print(Panel(grid, title=_("Your figures"), title_align="left"))
    if report.foods:  # none when magnesium must stop, or with kidney disease
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
        console.print(Panel(foods, title=_("Foods that help most"), title_align="left"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for number, source in sources:
        year = f" ({source.year})" if source.year else ""
        grid.add_row(
            Text(f"{number}.", style="bold"),
            Text.assemble(
                (source.key, "bold"), f"  {source.organisation.get(report.language)}{year}"
            ),
        )
    console.print(Panel(grid, title=_("Sources"), title_align="left", border_style="dim"))
    if written_to is not None:
        console.print(_("Report written to {file}.").format(file=written_to), markup=False)
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
    parts: list[Any] = [
        Text(plan.time_frame.title, style="bold"),
        Text(plan.time_frame.text),
        Text(""),
        Text(plan.action.title, style="bold"),
        Text(plan.action.text),
    ]
    if plan.explanations:
        parts += [Text(""), Text(_("What most likely lies behind it"), style="bold")]
        parts += [
            Text(f"{n}. {e.title}: {e.text}") for n, e in enumerate(plan.explanations, start=1)
        ]
    style = LEVEL_STYLE[report.level]
    return Panel(Group(*parts), title=_("What to do"), title_align="left", border_style=style)


# --- files ---------------------------------------------------------------------------------


def _document(
    report: Report,
    sources: Sequence[tuple[int, SourceEntry]],
    date: dt.date,
    escape: Callable[[str], str] = visible,
) -> list[tuple[str, list[str]]]:
    """The report as (heading, paragraphs) sections, shared by the Markdown, HTML and text files.

    ``escape`` is applied to the answers, the one part a person wrote (a supplement's name).
    """
    sections: list[tuple[str, list[str]]] = [
        (
            _("mgcheck report, {date}").format(date=date.isoformat()),
            [disclaimer(), _("Overall: {headline}").format(headline=headline(report.level))],
        ),
        (_("Your answers"), [f"{label}: {escape(value)}" for label, value in report.answers]),
    ]
    for level in Level:
        findings = [f for f in report.findings if f.level is level]
        if findings:
            sections.append(
                (
                    group_title(level),
                    [f"{f.title}. {f.text} [{', '.join(f.sources)}]" for f in findings],
                )
            )
    sections.append((_("Your figures"), [f"{label}: {value}" for label, value in figures(report)]))
    if report.foods:
        sections.append(
            (
                _("Foods that help most"),
                [
                    f"{f.name}, {f.serving}" + ("" if f.mg is None else f": {mg(f.mg)}")
                    for f in report.foods
                ],
            )
        )
    sections.append(
        (
            _("Sources"),
            [
                f"{n}. [{s.key}] {s.organisation.get(report.language)}: {s.title}"
                + (f" ({s.year})" if s.year else "")
                + (f" {s.url}" if s.url else "")
                for n, s in sources
            ],
        )
    )
    return sections


def markdown(report: Report, sources: Sequence[tuple[int, SourceEntry]], date: dt.date) -> str:
    out: list[str] = []
    for index, (heading, paragraphs) in enumerate(
        _document(report, sources, date, markdown_escape)
    ):
        out.append(("# " if index == 0 else "## ") + heading)
        out.append("")
        bullet = index > 0
        out += [("- " if bullet else "") + p for p in paragraphs]
        out.append("")
    return "\n".join(out)


def text(report: Report, sources: Sequence[tuple[int, SourceEntry]], date: dt.date) -> str:
    out: list[str] = []
    for heading, paragraphs in _document(report, sources, date):
        out += [heading, "=" * len(heading), *paragraphs, ""]
    return "\n".join(out)


def html_page(report: Report, sources: Sequence[tuple[int, SourceEntry]], date: dt.date) -> str:
    sections = _document(report, sources, date)
    import html  # only a report saved as .html needs it

    title = html.escape(sections[0][0])
    body: list[str] = []
    for index, (heading, paragraphs) in enumerate(sections):
        tag = "h1" if index == 0 else "h2"
        body.append(f"<{tag}>{html.escape(heading)}</{tag}>")
        if index == 0:
            body += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
        else:
            body.append("<ul>")
            body += [f"<li>{html.escape(p)}</li>" for p in paragraphs]
            body.append("</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{report.language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        "<style>body{font-family:sans-serif;max-width:45em;margin:2em auto;line-height:1.4}"
        "</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def render_file(
    suffix: str, report: Report, sources: Sequence[tuple[int, SourceEntry]], date: dt.date
) -> str:
    """The report as the file ``--output`` names: Markdown, HTML, text or JSON (the envelope)."""
    if suffix == ".md":
        return markdown(report, sources, date)
    if suffix == ".html":
        return html_page(report, sources, date)
    if suffix == ".txt":
        return text(report, sources, date)
    document = envelope(
        "report",
        {
            "date": date.isoformat(),
            "answers": [{"question": q, "answer": a} for q, a in report.answers],
            **report.to_json(),
        },
        report.language,
    )
    return dumps(document) + "\n"
