"""Write docs/triage.md: the whole triage of `mgcheck assess` on one page, for a clinician.

Every row comes from data/findings.yaml (level, when, escalation, sources; the plan table of
issue 17: action, time frame, explanations) with the thresholds of data/limits.yaml filled in;
nothing here decides medicine. tests/data/test_triage_doc.py fails when the page is stale.

    python scripts/triage.py          # write docs/triage.md
    python scripts/triage.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mgcheck.i18n import format_number
from mgcheck.rules.assess import (
    WITHHELD_UNLESS_KEPT,
    WITHHELD_WHEN_MUST_STOP,
    WITHHELD_WHEN_URGENT,
    triage_values,
)
from mgcheck.store.datafiles import load_assess_data
from mgcheck.vocab import Level

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "triage.md"
LEVEL_DA = {
    Level.URGENT: "Akut",
    Level.DOCTOR: "Læge",
    Level.CAUTION: "Hold øje",
    Level.INFO: "Info",
}
HEADINGS = {
    Level.URGENT: "Urgent: get help today (112 with danger signs)",
    Level.DOCTOR: "Doctor: talk to a doctor, not an emergency",
    Level.CAUTION: "Caution: worth watching",
    Level.INFO: "Info: good to know",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render() -> str:
    data = load_assess_data()
    values = {
        key: format_number(n.value, n.decimals, "en")
        for key, n in triage_values(data.limits).items()
    }
    values_da = {
        key: format_number(n.value, n.decimals, "da")
        for key, n in triage_values(data.limits).items()
    }
    out = [
        "# The triage table of `mgcheck assess`",
        "",
        "Generated from `data/findings.yaml` and `data/limits.yaml` by `scripts/triage.py`;",
        "do not edit by hand. The report's level is the most urgent level among its findings;",
        "within a level, findings appear in this order. Red flags are decided first and no",
        "later rule lowers them. Every source key is listed in full by `mgcheck sources`.",
        "",
        f"{len(data.findings)} findings.",
        "",
    ]
    for level in Level:
        rows = [f for f in data.findings if f.level is level]
        out += [f"## {HEADINGS[level]}", ""]
        out += ["| Finding | When | Når | Sources |", "|---|---|---|---|"]
        for finding in rows:
            when_en = finding.when.en.format(**values)
            when_da = finding.when.da.format(**values_da)
            if finding.escalates is not None:
                up = finding.escalates
                when_en += f" **{up.level.value.capitalize()}:** {up.when.en.format(**values)}"
                when_da += f" **{LEVEL_DA[up.level]}:** {up.when.da.format(**values_da)}"
            variants = f" (words for: {', '.join(finding.variants)})" if finding.variants else ""
            out.append(
                f"| `{finding.id}`{variants} | {_cell(when_en)} | {_cell(when_da)} "
                f"| {', '.join(finding.sources)} |"
            )
        out.append("")
    out += _plan(data, values, values_da)
    out += [
        "## When magnesium must stop",
        "",
        "Magnesium must stop (or pause) when blood magnesium is above the range for the age,",
        f"the supplement gives {values['far']} mg a day or more, signs of too much magnesium",
        "are present, kidney disease meets magnesium (a supplement, laxative or antacid), or",
        "vomiting or diarrhoea comes with magnesium from 70 or with kidney disease.",
        "Then the report",
        "withholds " + ", ".join(f"`{i}`" for i in WITHHELD_WHEN_MUST_STOP) + ",",
        "and suggests no foods. With kidney disease no foods are suggested either (a precaution).",
        "Beside any urgent finding the report withholds "
        + ", ".join(f"`{i}`" for i in WITHHELD_WHEN_URGENT)
        + ": no reassurance beside a danger sign. Beside a plan that stops, pauses or does not",
        "start magnesium it withholds "
        + ", ".join(f"`{i}`" for i in WITHHELD_UNLESS_KEPT)
        + "; `side-effects-lower-dose` only beside",
        '"keep under the limit". A ticked symptom no finding names is named by',
        "`symptoms-see-doctor`.",
        "",
        "## Thresholds",
        "",
        "| Threshold | Value | Sources |",
        "|---|---|---|",
    ]
    limits = data.limits
    lab = limits.lab_range
    thresholds: list[tuple[str, str, list[str]]] = [
        (
            "Blood magnesium, critical (Fürst phones the doctor; Region Sjælland lists none)",
            f"< {values['critical_low']} or > {values['critical_high']} mmol/L",
            limits.lab_critical.sources,
        ),
        ("Blood magnesium, adults (19+)", f"{lab.low:.2f}-{lab.high:.2f} mmol/L", lab.sources),
    ]
    for band in limits.child_lab_ranges.bands:
        who = f"ages {band.ages[0]}-{band.ages[1]}" + (f", {band.sex.value}" if band.sex else "")
        thresholds.append(
            (
                f"Blood magnesium, {who}",
                f"{band.low:.2f}-{band.high:.2f} mmol/L",
                limits.child_lab_ranges.sources,
            )
        )
    bands = limits.dose_bands
    thresholds += [
        (
            "Dose far above the limit (design: 4 x 250 mg)",
            f">= {values['far']} mg/day",
            bands.far_above_sources,
        ),
        ("Dose where toxicity is reported", f">= {values['toxic']} mg/day", bands.toxic_sources),
        ("Ferritin low for restless legs", f"<= {values['ferritin']} µg/L", limits.iron.sources),
        (
            "Ferritin borderline (upper bound from "
            + (
                "secondary sources)"
                if limits.iron.ferritin_iv_upper_read == "secondary"
                else "the source)"
            ),
            f"{values['ferritin']}-{values['ferritin_upper']} µg/L",
            limits.iron.sources,
        ),
        ("Transferrin saturation low", f"< {values['tsat']} %", limits.iron.sources),
    ]
    for standard in limits.standards:
        for row in standard.upper_limits:
            high = "+" if row.ages[1] is None else f"-{row.ages[1]}"
            thresholds.append(
                (
                    f"Upper limit, supplements, {standard.short}, ages {row.ages[0]}{high}",
                    f"{row.mg:.0f} mg/day",
                    row.sources,
                )
            )
    out += [f"| {name} | {value} | {', '.join(keys)} |" for name, value, keys in thresholds]
    out += [
        "",
        "Children's doses are judged against the strictest standard at their age; adults against",
        "the chosen standard (NNR 2023 by default), with the others named beside it.",
        "",
    ]
    return "\n".join(out)


def _plan(data: Any, values: dict[str, str], values_da: dict[str, str]) -> list[str]:
    """The one plan (issue 17): the rows that decide the magnesium action and the time frame,
    and the rules that rank the explanations, as data/findings.yaml `plan:` holds them."""
    plan = data.plan
    out = [
        "## The one plan: magnesium action, time frame, likely explanations",
        "",
        "From all the answers, once, before any words (issue 17). Every row below that applies",
        "votes; the **action** is the most restraining vote, for someone taking magnesium (a",
        "supplement, or a laxative or antacid with magnesium) or for someone not taking it, in",
        "this order: " + ", ".join(f"`{a.value}`" for a in plan.actions) + ". `keep_under_limit`",
        "is for adults only (under 18 the `child` rows always vote). The **time frame** is the",
        "most urgent vote: "
        + ", ".join(f"`{t.value}`" for t in plan.time_frames)
        + "; beside any urgent finding",
        "at least `today`. The report's level is at least urgent for 112 or today, and at least",
        "doctor for within days. A row with no action (—) leaves magnesium as the others say:",
        "a red flag that magnesium neither causes nor worsens. No finding gives magnesium",
        "advice of its own: the plan at the top of the report says it once.",
        "",
        "| Row | When | Når | Taking | Not taking | Time frame | Sources |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in plan.rows:
        taking = row.action.taking.value if row.action and row.action.taking else "—"
        not_taking = row.action.not_taking.value if row.action and row.action.not_taking else "—"
        time_frame = row.time_frame.value if row.time_frame else "—"
        out.append(
            f"| `{row.id}` | {_cell(row.when.en.format(**values))} "
            f"| {_cell(row.when.da.format(**values_da))} | {taking} | {not_taking} "
            f"| {time_frame} | {', '.join(row.sources)} |"
        )
    phrases = data.phrases

    def said(key: str | None) -> str:
        return "—" if key is None else _cell(phrases[key].text.en)

    out += [
        "",
        "**What the rows say** (review 2): the time frame names the reason of each row that set",
        "it (at 112, the rows for today too) and when to get help sooner; the action says why",
        "each row that set it holds magnesium back. A row marked *low keeps* holds it back only",
        "for a medicine, a look-alike or a caution a measured low value outweighs: beside a",
        "measured low (or low-edge) value it does not stop or pause magnesium for someone taking",
        "it (low magnesium is treated with magnesium: Rao 2013, magnesium.md l).",
        "",
        "| Row | Reason named | Sooner | Why magnesium is held back | Beside a low value |",
        "|---|---|---|---|---|",
    ]
    for row in plan.rows:
        if row.reason is None and row.escalate is None and row.why is None:
            continue
        low = "low keeps" if row.low_keeps else ("holds back" if row.restrains else "—")
        out.append(
            f"| `{row.id}` | {said(row.reason)} | {said(row.escalate)} | {said(row.why)} "
            f"| {low} |"
        )
    out += [
        "",
        "**Likely explanations**, listed in the order of the first rule below that brings each",
        "in (never too much magnesium beside a measured low or normal value):",
        "",
        "| Rank | Rule | Explanation | When | Når | Sources |",
        "|---|---|---|---|---|---|",
    ]
    for rank, rule in enumerate(plan.explain, start=1):
        out.append(
            f"| {rank} | `{rule.id}` | `{rule.explanation.value}` "
            f"| {_cell(rule.when.en.format(**values))} | {_cell(rule.when.da.format(**values_da))} "
            f"| {', '.join(rule.sources)} |"
        )
    out += ["", "The words of each action, time frame and explanation:", ""]
    out += ["| Id | In words | Med ord | Sources |", "|---|---|---|---|"]
    for table in (plan.actions, plan.time_frames, plan.explanations):
        for key, words in table.items():
            out.append(
                f"| `{key.value}` | {_cell(words.title.en)} | {_cell(words.title.da)} "
                f"| {', '.join(words.sources)} |"
            )
    out.append("")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/triage.md is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run python scripts/triage.py")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(text.splitlines())} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
