"""The supplement's daily amount against the upper limits: far above, above, within, or
a form that cannot be read."""

from __future__ import annotations

from mgcheck.rules.assess.facts import Facts
from mgcheck.rules.assess.hits import Hit, Num, Others, Param, Span, out_of_hours
from mgcheck.rules.dose import fraction_range
from mgcheck.rules.limits import Verdict
from mgcheck.vocab import Level, Medicine


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
    limit_mg = judgement.chosen.mg or 0
    # A day's amount within a milligram of the limit is shown with a decimal: 250.3 is not 250.
    near = bool(limit_mg) and abs(dose.per_day_high - limit_mg) < 1
    params: dict[str, Param] = {
        "dose": Span(dose.per_day_low, dose.per_day_high, 1 if near else 0),
        "standard": f.dose_standard,
        "limit": Num(judgement.chosen.mg or 0),
        "others": Others(judgement.others),
    }
    bands = f.data.limits.dose_bands
    if f.far_above:
        params |= {"toxic": Num(bands.toxic_mg), "out_of_hours": out_of_hours()}
        # Kidney disease with a laxative-range dose is the toxicity case itself (magnesium.md c).
        variant = "toxic" if dose.per_day_high >= bands.toxic_mg else "kidney" if f.kidney else None
        hits.append(
            Hit(
                "dose-far-above-limit",
                params,
                variant=variant,
                level=Level.URGENT if variant else None,
            )
        )
    elif judgement.verdict in (Verdict.ABOVE, Verdict.MAYBE_ABOVE):
        # With kidney disease, "no more than the limit" would imply the limit is fine: it is not.
        # From 70, or with kidney disease, above the limit is for a doctor (magnesium.md c).
        variant = (
            "kidney"
            if f.kidney
            else "older"
            if f.older
            else "maybe"
            if judgement.verdict is Verdict.MAYBE_ABOVE
            else None
        )
        level = Level.DOCTOR if variant in ("kidney", "older") else None
        hits.append(Hit("dose-above-limit", params, variant=variant, level=level))
    elif f.adult and Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID not in f.medicines:
        # With a magnesium laxative or antacid as well, the day's total is unknown: no "within".
        hits.append(Hit("dose-within-limit", params))
    return hits
