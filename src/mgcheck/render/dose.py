"""`mgcheck dose` and `mgcheck dose --list` as Rich output or JSON documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mgcheck.i18n import _, current, format_number
from mgcheck.models.guidance import LimitsFile
from mgcheck.render.citation import numbered
from mgcheck.render.console import stdout_console, write_json
from mgcheck.render.guidance import print_sources_footer, sources_line
from mgcheck.results.dose import DoseResult, FormFigures
from mgcheck.rules.dose import Dose
from mgcheck.rules.limits import DoseBand, Judgement, Verdict

if TYPE_CHECKING:
    from mgcheck.models import outputs

VERDICT_STYLE = {
    Verdict.WITHIN: "bold green",
    Verdict.WITHIN_CHOSEN_ONLY: "bold yellow",
    Verdict.MAYBE_ABOVE: "bold yellow",
    Verdict.ABOVE: "bold red",
    Verdict.NO_LIMIT: "bold yellow",
}


def _mg(value: float) -> str:
    return format_number(value, 0 if value >= 100 else 1)


def _range(low: float, high: float) -> str:
    return _mg(low) if high - low < 0.05 else f"{_mg(low)}–{_mg(high)}"


def _pct(fraction: float) -> str:
    return format_number(fraction * 100, 1) + " %"


def verdict_text(
    judgement: Judgement, limits: LimitsFile, band: DoseBand = DoseBand.ORDINARY, reading: str = ""
) -> str:
    chosen = judgement.chosen
    if judgement.verdict is Verdict.NO_LIMIT or chosen.mg is None:
        return limits.standard(chosen.standard).no_limit_note.get(current())
    limit = format_number(chosen.mg)
    if band is not DoseBand.ORDINARY:
        return _("Far above the upper limit of {standard} ({limit} mg a day).").format(
            standard=chosen.short, limit=limit
        )
    if judgement.verdict is Verdict.MAYBE_ABOVE and reading == "both":
        return _(
            "Possibly above the upper limit of {standard} ({limit} mg a day): it is above if the "
            "label's mg is magnesium itself."
        ).format(standard=chosen.short, limit=limit)
    if judgement.verdict is Verdict.ABOVE:
        return _(
            "Above the upper limit of {standard}: {limit} mg a day. Do not take more than the "
            "limit unless a doctor has told you to."
        ).format(standard=chosen.short, limit=limit)
    if judgement.verdict is Verdict.MAYBE_ABOVE:
        return _(
            "Possibly above the upper limit of {standard} ({limit} mg a day): it depends on which "
            "form is in the tablet. Find the amount of magnesium itself on the label and run "
            "again with --elemental."
        ).format(standard=chosen.short, limit=limit)
    if judgement.verdict is Verdict.WITHIN_CHOSEN_ONLY:
        exceeded = [o for o in judgement.others if o.standard in judgement.exceeded_others]
        return _(
            "Within the upper limit of {standard} ({limit} mg a day), but above that of {others}. "
            "The standards disagree: see mgcheck warnings --section limits."
        ).format(
            standard=chosen.short,
            limit=limit,
            others=", ".join(f"{o.short} ({format_number(o.mg or 0)} mg)" for o in exceeded),
        )
    return _("Within the upper limit of {standard} ({limit} mg a day).").format(
        standard=chosen.short, limit=limit
    )


def band_text(band: DoseBand, limits: LimitsFile) -> str | None:
    """What to do when a day's amount is far above the limit: never "lower the dose"."""
    bands = limits.dose_bands
    if band is DoseBand.TOXIC:
        return _(
            "Poisoning has been seen from about {toxic} mg a day. Take no more, and contact a "
            "doctor today (out of hours: the medical helpline for your region, mgcheck warnings "
            "--section help)."
        ).format(toxic=format_number(bands.toxic_mg))
    if band is DoseBand.FAR_ABOVE:
        return _(
            "That is {far} mg a day or more, as much as a laxative dose: stop taking it and talk "
            "to a doctor. If a doctor prescribed this dose, do not stop on your own, but ask them "
            "soon whether it is still right."
        ).format(far=format_number(bands.far_above_mg))
    return None


def unsure_label_text() -> str:
    """Where to find out whether a label's amount is magnesium itself (issue 17): the same
    words in `dose`, `diary add` and the trial, wherever a label is read both ways."""
    return _(
        "The label does not say whether its amount is magnesium itself. Check the label's "
        "nutrition table (magnesium … mg) or ask the pharmacy."
    )


def danger_text() -> str:
    """What to do with signs of too much magnesium, beside an amount above the limit."""
    return _(
        "If you have taken this much and have trouble breathing, faint, are confused "
        "or have a very slow or irregular pulse: call 112. With dizziness, nausea or "
        "unusual drowsiness: call your doctor today."
    )


def _is_unsure(dose: Dose) -> bool:
    return any(p.reading == "both" for p in (dose.parts or (dose,)))


def print_night_amount(result: DoseResult | None) -> None:
    """`diary add`: a night above the limit, or far above it, said with the same bands and
    words as `mgcheck dose` (the entry is saved all the same); a label read both ways sends the
    person to its nutrition table. Nothing for a night within the limit."""
    if result is None:
        return
    console = stdout_console()
    judgement, band = result.judgement, result.band
    if judgement.verdict in (Verdict.ABOVE, Verdict.MAYBE_ABOVE) or band is not DoseBand.ORDINARY:
        style = VERDICT_STYLE[judgement.verdict]
        console.print(
            Text(verdict_text(judgement, result.limits, band, result.dose.reading), style=style)
        )
        band_words = band_text(band, result.limits)
        if band_words is not None:
            console.print(Text(band_words, style="bold red"))
        console.print(Text(danger_text(), style="bold red"))
    if _is_unsure(result.dose):
        console.print(Text(unsure_label_text()))


def _amount(value: float) -> str:
    return format_number(value, 0 if value.is_integer() else 1)


def _indented(text: str, indent: int) -> RenderableType:
    """``text`` with all its lines, wrapped ones too, ``indent`` cells in."""
    return Padding(Text(text), (0, 0, 0, indent)) if indent else Text(text)


def _share_lines(dose: Dose, lang: str, indent: int = 0) -> list[RenderableType]:
    """What each variant of the form is in magnesium, two cells in from the line above."""
    lines: list[RenderableType] = []
    if dose.uncertain and dose.shares:
        content = _("Magnesium content {range} %, depending on the form:").format(
            range=f"{format_number(min(s.fraction for s in dose.shares) * 100, 1)}–"
            f"{format_number(max(s.fraction for s in dose.shares) * 100, 1)}"
        )
        lines.append(_indented(content, indent))
    for share in dose.shares:
        line = _("{label}: {pct} magnesium → {mg} mg per unit").format(
            label=share.variant.label.get(lang),  # type: ignore[arg-type]
            pct=_pct(share.fraction),
            mg=_mg(share.per_unit_mg),
        )
        lines.append(_indented(line, indent + 2))
    return lines


def _reading_lines(dose: Dose, lang: str) -> list[RenderableType]:
    """How the label was read: as magnesium, by form, both ways, as any form, or part by part."""
    if dose.reading == "parts":
        lines: list[RenderableType] = [
            Text(_("A label with several compounds; their magnesium adds up:"))
        ]
        for part in dose.parts:
            name = part.match.form.name.get(lang) if part.match else _("Magnesium")  # type: ignore[arg-type]
            lines.append(
                Text(
                    _("{name}, {amount} mg: {range} mg magnesium per unit").format(
                        name=name,
                        amount=_amount(part.amount_mg),
                        range=_range(part.per_unit_low, part.per_unit_high),
                    ),
                    style="bold",
                )
            )
            lines += _share_lines(part, lang, indent=2)
        return lines
    if dose.reading == "both":
        return [
            Text(
                _(
                    "Read as magnesium itself: {high} mg per unit. Read as the whole compound: "
                    "{low} mg. Safety is judged on the higher reading."
                ).format(high=_mg(dose.per_unit_high), low=_mg(dose.per_unit_low))
            )
        ]
    if dose.reading == "any_form":
        return [
            Text(
                _(
                    "The form is unknown: any form mgcheck knows gives {range} mg magnesium "
                    "per unit."
                ).format(range=_range(dose.per_unit_low, dose.per_unit_high))
            )
        ]
    if dose.elemental_input:
        return [Text(_("The label states elemental magnesium: no conversion needed."))]
    return _share_lines(dose, lang)


def label_notes(dose: Dose, lang: str) -> list[str]:
    """What the forms read as compounds say about their labels (data/forms.yaml label_note):
    bisglycinate labels may give the compound or the magnesium, sevenfold apart."""
    read_as_compound = [p for p in (dose.parts or (dose,)) if p.reading == "label" and p.match]
    notes = [p.match.form.label_note for p in read_as_compound if p.match]
    return list(dict.fromkeys(n.get(lang) for n in notes if n is not None))  # type: ignore[arg-type]


def print_dose(result: DoseResult) -> None:
    dose, judgement, limits, level = result.dose, result.judgement, result.limits, result.band
    lang = current()
    console = stdout_console()
    if dose.reading == "parts":
        name = " + ".join(
            p.match.form.name.get(lang) if p.match else _("Magnesium") for p in dose.parts
        )
    else:
        name = dose.match.form.name.get(lang) if dose.match else _("Magnesium")
    title = _("{name}: {amount} mg × {per_day} a day").format(
        name=name, amount=_amount(dose.amount_mg), per_day=dose.per_day
    )
    parts: list[Any] = [
        Text(
            verdict_text(judgement, limits, level, dose.reading),
            style=VERDICT_STYLE[judgement.verdict],
        )
    ]
    band = band_text(level, limits)
    if band is not None:
        parts.append(Text(band, style="bold red"))
    if judgement.verdict in (Verdict.ABOVE, Verdict.MAYBE_ABOVE) or band is not None:
        parts.append(Text(danger_text(), style="bold red"))
    parts.append(Text(""))
    parts += _reading_lines(dose, lang)
    if _is_unsure(dose):
        hint = _("Then run again with --elemental or --compound.")
        parts.append(Text(f"{unsure_label_text()} {hint}", style="bold"))
    per_unit = _range(dose.per_unit_low, dose.per_unit_high)
    per_day = _range(dose.per_day_low, dose.per_day_high)
    numbers = Table.grid(padding=(0, 2))
    numbers.add_column()
    numbers.add_column(justify="right", style="bold")
    numbers.add_row(_("Elemental magnesium per unit"), f"{per_unit} mg")
    numbers.add_row(_("Elemental magnesium per day"), f"{per_day} mg")
    chosen = judgement.chosen
    numbers.add_row(
        _("Upper limit, {standard} (supplements and medicines)").format(standard=chosen.short),
        "–" if chosen.mg is None else f"{format_number(chosen.mg)} mg",
    )
    for other in judgement.others:
        numbers.add_row(
            _("Upper limit, {standard}").format(standard=other.short),
            "–" if other.mg is None else f"{format_number(other.mg)} mg",
        )
    if judgement.article_mg is not None:
        label = _("The article's usual adult dose")
        if chosen.mg is not None and judgement.article_mg > chosen.mg:
            label = _("The article's usual adult dose (above this limit)")
        numbers.add_row(label, f"~{format_number(judgement.article_mg)} mg")
    parts += [Text(""), numbers]
    if dose.uncertain and dose.reading == "label":
        parts += [
            Text(""),
            Text(
                _(
                    "The label does not say which form or how much water it holds. Look in its "
                    "nutrition table for magnesium given with a % of the reference intake (NRV): "
                    "that figure is magnesium itself. Use it with --elemental."
                )
            ),
        ]
    elif notes := label_notes(dose, lang):
        hint = _(
            "Look in its nutrition table for magnesium given with a % of the reference intake "
            "(NRV): that figure is magnesium itself. Use it with --elemental."
        )
        parts += [Text(""), Text(" ".join([*notes, hint]))]
    if judgement.article_mg is None:
        parts += [Text(""), Text(_("The article's ~300 mg is for adults; it is not shown here."))]
    parts += [
        Text(""),
        Text(
            _(
                "Food does not count towards the upper limit. With kidney disease, a bleeding "
                "disorder, heart rhythm problems, myasthenia gravis, or in pregnancy: ask a "
                "doctor first (mgcheck warnings --section doctor)."
            ),
            style="dim",
        ),
    ]
    keys = ["article", *_limit_keys(limits, judgement)]
    for part in dose.parts or (dose,):
        if part.match:
            keys += part.match.form.sources
    if band is not None:
        bands = limits.dose_bands
        keys += [*bands.far_above_sources, *bands.toxic_sources]
    cited = list(dict.fromkeys(keys))
    parts.append(sources_line(cited))
    border = VERDICT_STYLE[judgement.verdict].replace("bold ", "")
    console.print(Panel(Group(*parts), title=title, title_align="left", border_style=border))
    print_sources_footer(console, cited)


def _limit_keys(limits: LimitsFile, judgement: Judgement) -> list[str]:
    keys: list[str] = []
    for view in (judgement.chosen, *judgement.others):
        data = limits.standard(view.standard)
        keys += [k for r in data.upper_limits for k in r.sources]
    return keys


def dose_json(result: DoseResult) -> None:
    dose, judgement, limits = result.dose, result.judgement, result.limits
    lang = current()
    form = dose.match.form if dose.match else None
    payload: outputs.DosePayload = {
        "form": None
        if form is None
        else {"id": form.id, "name": form.name.get(lang), "sources": list(form.sources)},
        "variants": [
            {
                "id": s.variant.id,
                "label": s.variant.label.get(lang),
                "formula": s.variant.formula,
                "magnesium_pct": round(s.fraction * 100, 2),
                "per_unit_mg": round(s.per_unit_mg, 1),
            }
            for s in dose.shares
        ],
        "amount_mg": dose.amount_mg,
        "elemental_input": dose.elemental_input,
        "reading": dose.reading,
        "parts": [
            {
                "form": None if p.match is None else p.match.form.id,
                "amount_mg": p.amount_mg,
                "per_unit_mg": {
                    "low": round(p.per_unit_low, 1),
                    "high": round(p.per_unit_high, 1),
                },
            }
            for p in dose.parts
        ],
        "band": result.band.value,
        "per_day": dose.per_day,
        "per_unit_mg": {
            "low": round(dose.per_unit_low, 1),
            "high": round(dose.per_unit_high, 1),
        },
        "per_day_mg": {"low": round(dose.per_day_low, 1), "high": round(dose.per_day_high, 1)},
        "standard": judgement.chosen.standard.value,
        "upper_limit_mg": judgement.chosen.mg,
        "other_limits": [
            {"standard": o.standard.value, "upper_limit_mg": o.mg} for o in judgement.others
        ],
        "article_mg": judgement.article_mg,
        "verdict": judgement.verdict.value,
        "verdict_text": verdict_text(judgement, limits, result.band, dose.reading),
    }
    write_json("dose", payload)


def _composition(variant: Any) -> str:
    if variant.formula is not None:
        return str(variant.formula)
    sold = variant.as_sold
    return _("as sold: {mg} mg magnesium in {compound} mg").format(
        mg=_amount(sold.magnesium_mg), compound=_amount(sold.compound_mg)
    )


def print_forms(forms: Sequence[FormFigures]) -> None:
    lang = current()
    console = stdout_console()
    table = Table(
        title=_("Supplement forms and how much of each is magnesium"),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column(_("Form (names accepted)"), overflow="fold")
    table.add_column(_("Variant"), overflow="fold")
    table.add_column(_("% magnesium"), justify="right", no_wrap=True)
    table.add_column(_("mg for 100 mg\nmagnesium"), justify="right", no_wrap=True)
    for figures in forms:
        form = figures.form
        for index, shown in enumerate(figures.variants):
            variant, fraction = shown.variant, shown.fraction
            first = Text()
            if index == 0:
                first.append(form.name.get(lang), style="bold")
                first.append("\n" + ", ".join(form.aliases), style="dim")
            table.add_row(
                first,
                Text(f"{variant.label.get(lang)}\n{_composition(variant)}"),
                Text(_pct(fraction)),
                Text(format_number(shown.per_100mg_magnesium)),
                end_section=index == len(form.variants) - 1,
            )
    console.print(table)
    console.print(Text(_("What the sources say"), style="bold"))
    for figures in forms:
        form, low, high = figures.form, figures.low, figures.high
        heading = Text(form.name.get(lang), style="bold")
        heading.append(f" ({_range(low * 100, high * 100)} %)", style="dim")
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True)
        notes.add_column()
        notes.add_row(_("Absorption:"), Text(form.absorption.get(lang)))
        notes.add_row(_("Stomach:"), Text(form.stomach.get(lang)))
        if form.label_note is not None:
            notes.add_row(_("Labels:"), Text(form.label_note.get(lang)))
        notes.add_row(_("Sources:"), Text(numbered(form.sources), style="dim"))
        console.print(heading)
        console.print(Padding(notes, (0, 0, 1, 2)))
    console.print(
        Text(
            _(
                "Percentages are computed from each formula with standard atomic weights. "
                "A hydrate word picks one variant: mgcheck dose citrat nonahydrat 400."
            ),
            style="dim",
        )
    )
    print_sources_footer(console, [key for figures in forms for key in figures.form.sources])


def forms_json(forms: Sequence[FormFigures]) -> None:
    lang = current()
    payload: outputs.FormsPayload = {
        "forms": [
            {
                "id": form.id,
                "name": form.name.get(lang),
                "aliases": list(form.aliases),
                "variants": [
                    {
                        "id": v.id,
                        "label": v.label.get(lang),
                        "formula": v.formula,
                        "molar_mass": None if f.molar_mass is None else round(f.molar_mass, 2),
                        "magnesium_pct": round(f.fraction * 100, 2),
                        "as_sold": None
                        if v.as_sold is None
                        else {
                            "compound_mg": v.as_sold.compound_mg,
                            "magnesium_mg": v.as_sold.magnesium_mg,
                            "sources": list(v.as_sold.sources),
                        },
                    }
                    for f in figures.variants
                    for v in (f.variant,)
                ],
                "absorption": form.absorption.get(lang),
                "stomach": form.stomach.get(lang),
                "label_note": None if form.label_note is None else form.label_note.get(lang),
                "sources": list(form.sources),
            }
            for figures in forms
            for form in (figures.form,)
        ]
    }
    write_json("forms", payload)
