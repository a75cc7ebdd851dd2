"""`mgcheck warnings` and `mgcheck sources` as Rich panels and lists, or JSON documents."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mgcheck.i18n import Language, _, current, format_number, join_and
from mgcheck.models.guidance import (
    Helplines,
    Item,
    Section,
    SourceEntry,
)
from mgcheck.render.console import stdout_console, two_columns, write_json
from mgcheck.render.style import LEVEL_STYLE, mg, span
from mgcheck.results.guidance import WarningsResult
from mgcheck.vocab import Level

if TYPE_CHECKING:
    from mgcheck.models import outputs


def level_label(level: Level) -> str:
    return {
        Level.URGENT: _("urgent"),
        Level.DOCTOR: _("see a doctor"),
        Level.CAUTION: _("caution"),
        Level.INFO: _("good to know"),
    }[level]


def sources_line(keys: Sequence[str]) -> Text:
    """ "Sources: [3,17]": the sources by their numbers in ``mgcheck sources``, never by key
    (issue 19); :func:`print_sources_footer` says once where to read them."""
    from mgcheck.render.citation import numbered

    return Text(f"{_('Sources:')} {numbered(keys)}", style="dim")


def print_sources_footer(console: Console, keys: Iterable[str]) -> None:
    """After an output that cites sources: what the numbers in brackets are, and the command
    that shows those sources in full, on a line of its own that is never broken (it copies
    whole). Nothing when nothing was cited."""
    from mgcheck.render.citation import sources_command

    cited = list(keys)
    if not cited:
        return
    from mgcheck.render.console import paragraph

    paragraph(
        console,
        _("The numbers in brackets are sources, as numbered by mgcheck sources. To read them:"),
        "dim",
    )
    console.print(Text("  " + sources_command(cited)), no_wrap=True, overflow="ignore", crop=False)


def timing_line(item: Item) -> Table | None:
    """ "Timing: the medicine at least ...", its wrapped lines under its text."""
    if item.timing is None:
        return None
    text = _("the medicine at least {before} h before magnesium, or at least {after} h after.")
    text = text.format(
        before=format_number(item.timing.medicine_before_h),
        after=format_number(item.timing.medicine_after_h),
    )
    return two_columns([(Text(_("Timing:"), style="bold"), Text(text, style="bold"))])


def _item_block(item: Item, lang: Language) -> list[RenderableType]:
    block: list[RenderableType] = [
        Text(item.title.get(lang), style="bold"),
        Text(item.text.get(lang)),
    ]
    timing = timing_line(item)
    if timing is not None:
        block.append(timing)
    block.append(sources_line(item.sources))
    return block


def _helplines_table(helplines: Helplines, lang: Language) -> list[Table | Text]:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column(_("Number"), no_wrap=True)
    table.add_column(_("Who"))
    table.add_column(_("When"))
    for line in helplines.lines:
        table.add_row(
            Text(line.number or "–", style="bold"),
            Text(line.name.get(lang)),
            Text(line.when.get(lang)),
        )
    checked = _("Last checked {date}. {how}").format(
        date=helplines.last_checked.isoformat(), how=helplines.checked_how.get(lang)
    )
    return [table, Text(checked, style="dim"), sources_line(_helpline_keys(helplines))]


def _helpline_keys(helplines: Helplines) -> list[str]:
    return list(dict.fromkeys(k for line in helplines.lines for k in line.sources))


def age_band(ages: tuple[int, int | None]) -> str:
    low, high = ages
    return (
        _("{low}+ y").format(low=low)
        if high is None
        else _("{low}–{high} y").format(low=low, high=high)
    )


def _limits_table(result: WarningsResult, lang: Language) -> list[Table | Text]:
    chosen = result.chosen
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column(_("Standard"))
    table.add_column(_("Adult intake\nwomen / men"), justify="right")
    table.add_column(_("Upper limit, adults\n(supplements)"), justify="right")
    table.add_column(_("Upper limits, children"))
    for figures in result.standards:
        data, adult = figures.data, figures.adult
        children = [f"{age_band(r.ages)}: {mg(r.mg)}" for r in figures.child_limits]
        name = Text(data.short, style="bold" if data.id is chosen else "")
        if data.id is chosen:
            name.append(" ◀ " + _("chosen"))
        table.add_row(
            name,
            Text(f"{span(*adult.female)} / {span(*adult.male)} mg"),
            Text(mg(figures.adult_limit_mg)),
            Text(", ".join(children) or "–"),
        )
    comparison = result.article
    lines: list[Table | Text] = [table]
    if comparison.above:
        lines.append(
            Text(
                _("The article's about {article} mg a day is above the limit of {above}.").format(
                    article=format_number(comparison.article_mg),
                    above=join_and([f"{v.short} ({mg(v.mg)})" for v in comparison.above]),
                )
            )
        )
    if comparison.at_or_below:
        lines.append(
            Text(
                _("It is within the limit of {within}.").format(
                    within=join_and([f"{v.short} ({mg(v.mg)})" for v in comparison.at_or_below])
                )
            )
        )
    lines.append(sources_line(_limit_keys(result)))
    return lines


def _limit_keys(result: WarningsResult) -> list[str]:
    limits = result.limits
    return list(
        dict.fromkeys(
            [*limits.article.sources]
            + [k for d in limits.standards for k in d.intake_sources]
            + [k for d in limits.standards for r in d.upper_limits for k in r.sources]
        )
    )


def _panel(number: int, section: Section, result: WarningsResult) -> Panel:
    lang = current()
    parts: list[Any] = []
    for item in section.items:
        if parts:
            parts.append(Text(""))
        parts.extend(_item_block(item, lang))
    if section.id == "help-now":
        parts.append(Text(""))
        parts.extend(_helplines_table(result.guidance.helplines, lang))
    if section.id == "limits":
        parts.append(Text(""))
        parts.extend(_limits_table(result, lang))
    style = LEVEL_STYLE[section.level]
    title = Text(f"{number}. {section.title.get(lang)} ", style=style)
    title.append(f"({level_label(section.level)})", style="dim")
    return Panel(Group(*parts), title=title, title_align="left", border_style=style)


def print_warnings(result: WarningsResult) -> None:
    console = stdout_console()
    for section in result.sections:
        console.print(_panel(result.numbers[section.id], section, result))
    console.print(Text(_("mgcheck is not a diagnosis and does not replace a doctor."), style="dim"))
    print_sources_footer(console, cited_keys(result))


def cited_keys(result: WarningsResult) -> list[str]:
    """Every source the panels cite, in the order they cite them."""
    keys: list[str] = []
    for section in result.sections:
        keys += [key for item in section.items for key in item.sources]
        if section.id == "help-now":
            keys += _helpline_keys(result.guidance.helplines)
        if section.id == "limits":
            keys += _limit_keys(result)
    return list(dict.fromkeys(keys))


def _item_json(item: Item, lang: Language) -> outputs.WarningItem:
    return {
        "id": item.id,
        "title": item.title.get(lang),
        "text": item.text.get(lang),
        "sources": list(item.sources),
        "applies_to": list(item.applies_to),
        "timing": None
        if item.timing is None
        else {
            "medicine_before_h": item.timing.medicine_before_h,
            "medicine_after_h": item.timing.medicine_after_h,
        },
    }


def limits_json(result: WarningsResult) -> outputs.LimitsOut:
    lang = current()
    limits, chosen, comparison = result.limits, result.chosen, result.article
    return {
        "chosen": chosen.value,
        "article_mg": limits.article.daily_mg,
        "article_above": [v.standard.value for v in comparison.above],
        "article_at_or_below": [v.standard.value for v in comparison.at_or_below],
        "standards": [
            {
                "id": data.id.value,
                "short": data.short,
                "name": data.name.get(lang),
                "intake_kind": data.intake_kind.get(lang),
                "intakes": [
                    {
                        "ages": list(r.ages),
                        "female_mg": r.female,
                        "male_mg": r.male,
                        "pregnant_mg": r.pregnant,
                        "breastfeeding_mg": r.breastfeeding,
                    }
                    for r in data.intakes
                ],
                "pregnancy_note": data.pregnancy_note.get(lang),
                "intake_sources": list(data.intake_sources),
                "upper_limits": [
                    {"ages": list(r.ages), "mg": r.mg, "sources": list(r.sources)}
                    for r in data.upper_limits
                ],
                "no_limit_note": data.no_limit_note.get(lang),
            }
            for data in limits.standards
        ],
    }


def warnings_json(result: WarningsResult) -> None:
    lang = current()
    out: list[outputs.Section] = []
    for section in result.sections:
        entry: outputs.Section = {
            "id": section.id,
            "level": section.level.value,
            "title": section.title.get(lang),
            "items": [_item_json(item, lang) for item in section.items],
        }
        if section.id == "help-now":
            helplines = result.guidance.helplines
            entry["helplines"] = {
                "last_checked": helplines.last_checked.isoformat(),
                "lines": [
                    {
                        "id": line.id,
                        "number": line.number,
                        "name": line.name.get(lang),
                        "when": line.when.get(lang),
                        "sources": list(line.sources),
                    }
                    for line in helplines.lines
                ],
            }
        if section.id == "limits":
            entry["limits"] = limits_json(result)
        out.append(entry)
    payload: outputs.WarningsPayload = {"standard": result.chosen.value, "sections": out}
    write_json("warnings", payload)


# --- sources ---------------------------------------------------------------------------------


NBSP = "\u00a0"
HELD = "\ue000"  # a private-use character: one cell wide, and not a space to Rich


def _hanging(console: Console, label: str, indent: int, text: Text) -> list[Text]:
    """``text`` wrapped to the console with every line indented, ``label`` before the first.

    Lines of Text, as a two-column grid would draw them (wrapped at the width left, long words
    cut with an ellipsis), at a fraction of the cost: ``sources`` has 79 of them.
    """
    # Rich breaks lines at a no-break space too: hold each one as a placeholder while wrapping.
    held = text.plain.count(NBSP) > 0
    if held:
        text = text.copy()
        text.plain = text.plain.replace(NBSP, HELD)
    lines = text.wrap(console, max(console.width - indent, 1), justify="left", overflow="ellipsis")
    if held:
        for line in lines:
            line.plain = line.plain.replace(HELD, " ")
    blank = " " * indent
    return [
        Text.assemble((label.rjust(indent - 1), "bold"), " ", line)
        if number == 0
        else Text.assemble(blank, line)
        for number, line in enumerate(lines)
    ]


def url_line(url: str, indent: int = 0, style: str = "cyan") -> Text:
    """One of mgcheck's own web addresses on a line of its own, never broken by Rich (the
    terminal wraps it if it must, so it can still be copied whole), and a link a terminal
    that supports them lets you click. Only addresses from mgcheck's data come here: text
    from outside never gets a link style, and its escape codes are shown, not sent. Printed
    with ``no_wrap=True, overflow="ignore", crop=False``."""
    from rich.style import Style

    line = Text(" " * indent)
    line.append(url, style=Style.parse(style) + Style(link=url))
    return line


def print_sources(sources: Sequence[tuple[int, SourceEntry]]) -> None:
    """Each source as a doctor cites it (render/citation.py), its own link on a line of its own,
    and below it, where the facts were read in a copy or a page quoting the work, that page."""
    from mgcheck.render.citation import cite

    console = stdout_console()
    indent = len(str(max((n for n, _s in sources), default=1))) + 2  # "66. "
    lines: list[Text] = []  # every line laid out here, then printed at once
    for number, source in sources:
        citation = cite(source)
        lines += _hanging(console, f"{number}.", indent, Text(citation.text))
        if citation.link:
            lines.append(url_line(citation.link, indent))
        else:
            lines += _hanging(console, "", indent, Text(_("no web address"), style="cyan"))
        if citation.read_via is not None:
            via = Text(_("Read via:"), style="dim")
            via.append(f" {citation.read_via_what}", style="dim")
            lines += _hanging(console, "", indent, via)
            lines.append(url_line(citation.read_via, indent, style="dim"))
        if citation.note:
            lines += _hanging(console, "", indent, Text(citation.note, style="dim"))
    console.print(Group(*lines), no_wrap=True, overflow="ignore", crop=False)
    console.print(
        Text(
            _(
                "Each work is cited as itself, with its own link. Where it says 'Read via', the "
                "facts were read in a copy or in a page quoting the work. mgcheck's texts are its "
                "own words."
            ),
            style="dim",
        )
    )


def sources_json(sources: Sequence[tuple[int, SourceEntry]]) -> None:
    from mgcheck.render.citation import reference

    lang = current()
    payload: outputs.SourcesPayload = {
        "sources": [
            {
                "number": number,
                "key": s.key,
                "citation": reference(s),
                "kind": s.kind,
                "authors": list(s.authors),
                "et_al": s.et_al,
                "editors": s.editors,
                "organisation": s.organisation.get(lang),
                "title": s.title,
                "series": s.series,
                "container": s.container,
                "year": s.year,
                "volume": s.volume,
                "issue": s.issue,
                "pages": s.pages,
                "doi": s.doi,
                "pmid": s.pmid,
                "pmcid": s.pmcid,
                "url": s.url,
                "read": s.read,
                "read_via": None
                if s.read_via is None
                else {"url": s.read_via.url, "what": s.read_via.what.get(lang)},
                "checked": s.checked,
                "note": None if s.note is None else s.note.get(lang),
            }
            for number, s in sources
        ]
    }
    write_json("sources", payload)
