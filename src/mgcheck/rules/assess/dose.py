"""The supplement's daily amount against the upper limits: far above, above, within, or a form
that cannot be read. The figures only: what to do about them is the plan's (rules/assess/plan.py).
Under 18 the limit is the strictest for the age and no other standard is named beside it: a
limit shown to a child reads as permission (issue 17, point 6)."""

from __future__ import annotations

from mgcheck.rules.assess.facts import Facts
from mgcheck.rules.assess.hits import (
    FormName,
    Hit,
    Num,
    Others,
    Param,
    Span,
    out_of_hours,
    phrases,
)
from mgcheck.rules.dose import fraction_range
from mgcheck.rules.limits import Verdict
from mgcheck.vocab import Level, Medicine


def reading(f: Facts) -> dict[str, Param]:
    """How the day's magnesium is said: one figure (or a hydrate range), or both readings of a
    label that may or may not give magnesium itself, judged on the higher (issue 9, point 13)."""
    supplement, dose = f.answers.magnesium, f.dose
    assert supplement is not None and dose is not None
    limit_mg = f.judgement.chosen.mg if f.judgement is not None else None
    # A day's amount within a milligram of the limit is shown with a decimal: 250.3 is not 250.
    near = limit_mg is not None and abs(dose.per_day_high - limit_mg) < 1
    values: dict[str, Param] = {
        "dose": Span(dose.per_day_low, dose.per_day_high, 1 if near else 0),
        "amount": Num(supplement.amount_mg, 0 if supplement.amount_mg.is_integer() else 1),
        "elemental": Num(dose.per_day_high),
    }
    if dose.reading != "both":
        return values | {"reading": phrases("reading-one")}
    if dose.match is None:
        return values | {"reading": phrases("reading-both-any")}
    compound = max(share.per_unit_mg for share in dose.shares) * dose.per_day
    return values | {
        "reading": phrases("reading-both"),
        "compound": Num(compound),
        "form": FormName(dose.match.form.id),
    }


def findings(f: Facts) -> list[Hit]:
    """The supplement against the limits: far above, above, within, or not convertible."""
    supplement, dose, judgement = f.answers.magnesium, f.dose, f.judgement
    if supplement is None or dose is None:
        return []
    hits: list[Hit] = []
    if dose.match is None and dose.reading in ("any_form", "both"):
        spans = [fraction_range(form) for form in f.data.forms.forms]
        low, high = min(s[0] for s in spans), max(s[1] for s in spans)
        hits.append(
            Hit(
                "dose-unknown",
                {"range": Span(low * 100, high * 100, 1)},
                variant="both" if dose.reading == "both" else None,
            )
        )
    if judgement is None or f.dose_standard is None:
        return hits  # no standard sets a limit at this age: adults-only speaks for it
    params: dict[str, Param] = {
        **reading(f),
        "standard": f.dose_standard,
        "limit": Num(judgement.chosen.mg or 0),
        "others": Others(judgement.others),
    }
    label = "note-label" if dose.reading == "both" else None
    bands = f.data.limits.dose_bands
    if f.far_above:
        toxic = dose.per_day_high >= bands.toxic_mg
        # Kidney disease with a laxative-range dose is the toxicity case itself (magnesium.md c).
        note = phrases("note-toxic" if toxic else None, "note-kidney" if f.kidney else None, label)
        judged = "judged-far" if f.adult else "judged-far-child"
        params |= {
            "toxic": Num(bands.toxic_mg),
            "judged": phrases(judged),
            "note": note,
            "out_of_hours": out_of_hours(),
        }
        urgent = toxic or f.kidney
        hits.append(Hit("dose-far-above-limit", params, level=Level.URGENT if urgent else None))
    elif judgement.verdict in (Verdict.ABOVE, Verdict.MAYBE_ABOVE):
        # From 70, or with kidney disease, above the limit is for a doctor (magnesium.md c).
        note = phrases("note-kidney" if f.kidney else "note-older" if f.older else None, label)
        judged = "judged-above" if f.adult else "judged-above-child"
        maybe = judgement.verdict is Verdict.MAYBE_ABOVE or dose.reading == "both"
        level = Level.DOCTOR if f.kidney or f.older else None
        hits.append(
            Hit(
                "dose-above-limit",
                params | {"judged": phrases(judged), "note": note},
                variant="maybe" if maybe else None,
                level=level,
            )
        )
    elif f.adult and Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID not in f.medicines:
        # With a magnesium laxative or antacid as well, the day's total is unknown: no "within".
        variant = "both" if dose.reading == "both" else None
        hits.append(Hit("dose-within-limit", params, variant=variant))
    return hits
