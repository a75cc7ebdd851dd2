"""`mgcheck dose` and `mgcheck dose --list` as Rich output or JSON documents."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mgcheck.i18n import _, current, format_number
from mgcheck.models_guidance import FormsFile, LimitsFile
from mgcheck.output import stdout_console, write_json
from mgcheck.render.guidance import sources_line
from mgcheck.rules.chemistry import magnesium_fraction, molar_mass
from mgcheck.rules.dose import Dose, fraction_range
from mgcheck.rules.limits import Judgement, Verdict

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


def verdict_text(judgement: Judgement, limits: LimitsFile) -> str:
    chosen = judgement.chosen
    if judgement.verdict is Verdict.NO_LIMIT or chosen.mg is None:
        return limits.standard(chosen.standard).no_limit_note.get(current())
    limit = format_number(chosen.mg)
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


def print_dose(dose: Dose, judgement: Judgement, limits: LimitsFile) -> None:
    lang = current()
    console = stdout_console()
    name = dose.match.form.name.get(lang) if dose.match else _("Magnesium")
    title = _("{name}: {amount} mg × {per_day} a day").format(
        name=name,
        amount=format_number(dose.amount_mg, 0 if dose.amount_mg.is_integer() else 1),
        per_day=dose.per_day,
    )
    parts: list[Any] = [
        Text(verdict_text(judgement, limits), style=VERDICT_STYLE[judgement.verdict])
    ]
    if judgement.verdict is Verdict.ABOVE:
        parts.append(
            Text(
                _(
                    "If you have taken this much and feel dizzy or faint, confused, have trouble "
                    "breathing or an irregular pulse: call 112."
                ),
                style="bold red",
            )
        )
    parts.append(Text(""))
    if dose.elemental_input:
        parts.append(Text(_("The label states elemental magnesium: no conversion needed.")))
    else:
        if dose.uncertain:
            parts.append(
                Text(
                    _("Magnesium content {range} %, depending on the form:").format(
                        range=f"{format_number(min(s.fraction for s in dose.shares) * 100, 1)}–"
                        f"{format_number(max(s.fraction for s in dose.shares) * 100, 1)}"
                    )
                )
            )
        for share in dose.shares:
            parts.append(
                Text(
                    "  "
                    + _("{label}: {pct} magnesium → {mg} mg per unit").format(
                        label=share.variant.label.get(lang),
                        pct=_pct(share.fraction),
                        mg=_mg(dose.amount_mg * share.fraction),
                    )
                )
            )
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
        numbers.add_row(
            _("The article's usual adult dose"), f"~{format_number(judgement.article_mg)} mg"
        )
    parts += [Text(""), numbers]
    if dose.uncertain:
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
    if dose.match:
        keys += dose.match.form.sources
    parts.append(sources_line(list(dict.fromkeys(keys))))
    border = VERDICT_STYLE[judgement.verdict].replace("bold ", "")
    console.print(Panel(Group(*parts), title=title, title_align="left", border_style=border))


def _limit_keys(limits: LimitsFile, judgement: Judgement) -> list[str]:
    keys: list[str] = []
    for view in (judgement.chosen, *judgement.others):
        data = limits.standard(view.standard)
        keys += [k for r in data.upper_limits for k in r.sources]
    return keys


def dose_json(dose: Dose, judgement: Judgement, limits: LimitsFile) -> None:
    lang = current()
    form = dose.match.form if dose.match else None
    write_json(
        "dose",
        {
            "form": None
            if form is None
            else {"id": form.id, "name": form.name.get(lang), "sources": list(form.sources)},
            "variants": [
                {
                    "id": s.variant.id,
                    "label": s.variant.label.get(lang),
                    "formula": s.variant.formula,
                    "magnesium_pct": round(s.fraction * 100, 2),
                    "per_unit_mg": round(dose.amount_mg * s.fraction, 1),
                }
                for s in dose.shares
            ],
            "amount_mg": dose.amount_mg,
            "elemental_input": dose.elemental_input,
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
            "verdict_text": verdict_text(judgement, limits),
        },
    )


def print_forms(forms: FormsFile) -> None:
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
    for form in forms.forms:
        for index, variant in enumerate(form.variants):
            fraction = magnesium_fraction(variant.formula)
            first = Text()
            if index == 0:
                first.append(form.name.get(lang), style="bold")
                first.append("\n" + ", ".join(form.aliases), style="dim")
            table.add_row(
                first,
                Text(f"{variant.label.get(lang)}\n{variant.formula}"),
                Text(_pct(fraction)),
                Text(format_number(100 / fraction)),
                end_section=index == len(form.variants) - 1,
            )
    console.print(table)
    console.print(Text(_("What the sources say"), style="bold"))
    for form in forms.forms:
        low, high = fraction_range(form)
        heading = Text(form.name.get(lang), style="bold")
        heading.append(f" ({_range(low * 100, high * 100)} %)", style="dim")
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True)
        notes.add_column()
        notes.add_row(_("Absorption:"), Text(form.absorption.get(lang)))
        notes.add_row(_("Stomach:"), Text(form.stomach.get(lang)))
        notes.add_row(_("Sources:"), Text(", ".join(form.sources), style="dim"))
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


def forms_json(forms: FormsFile) -> None:
    lang = current()
    write_json(
        "forms",
        {
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
                            "molar_mass": round(molar_mass(v.formula), 2),
                            "magnesium_pct": round(magnesium_fraction(v.formula) * 100, 2),
                        }
                        for v in form.variants
                    ],
                    "absorption": form.absorption.get(lang),
                    "stomach": form.stomach.get(lang),
                    "sources": list(form.sources),
                }
                for form in forms.forms
            ]
        },
    )
