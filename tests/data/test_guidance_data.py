"""The guidance data: every statement sourced, in both languages, consistent and our own words."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from mgcheck.errors import MgcheckError
from mgcheck.i18n import format_number
from mgcheck.models.base import Text
from mgcheck.store import datafiles
from mgcheck.store.datafiles import (
    load_assess_data,
    load_forms,
    load_guidance,
    load_limits,
    load_sources,
    load_trial,
    source_keys,
)
from mgcheck.vocab import Level

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from fingerprints import grams  # scripts/fingerprints.py, which made the fingerprints

if TYPE_CHECKING:
    from conftest import Cli

KNOWN = source_keys(load_sources())
GUIDANCE = load_guidance(KNOWN)
LIMITS = load_limits(KNOWN)
FORMS = load_forms(KNOWN)
FINGERPRINTS = Path(__file__).resolve().parent.parent / "reference" / "sentence_fingerprints.txt"


def cited_keys() -> set[str]:
    keys: set[str] = set()
    for item in GUIDANCE.items():
        keys.update(item.sources)
    for line in GUIDANCE.helplines.lines:
        keys.update(line.sources)
    for form in FORMS.forms:
        keys.update(form.sources)
    keys.update(LIMITS.article.sources)
    keys.update(LIMITS.lab_range.sources)
    keys.update(LIMITS.iron.sources)
    keys.update(LIMITS.child_lab_ranges.sources)
    keys.update(LIMITS.lab_critical.sources)
    keys.update(LIMITS.dose_bands.far_above_sources)
    keys.update(LIMITS.dose_bands.toxic_sources)
    for standard in LIMITS.standards:
        keys.update(standard.intake_sources)
        for row in standard.upper_limits:
            keys.update(row.sources)
    assess_data = load_assess_data()
    for finding in assess_data.findings:
        keys.update(finding.sources)
    for phrase in assess_data.phrases.values():
        keys.update(phrase.sources)
    for _where, trial_keys in load_trial(KNOWN).citations():
        keys.update(trial_keys)
    return keys


def prose() -> Iterator[tuple[str, Text]]:
    """Every bilingual sentence mgcheck shows from its data files (not names, titles or URLs)."""
    for section in GUIDANCE.sections:
        for item in section.items:
            yield item.id, item.text
    yield "helplines", GUIDANCE.helplines.checked_how
    for form in FORMS.forms:
        yield f"{form.id} absorption", form.absorption
        yield f"{form.id} stomach", form.stomach
    for standard in LIMITS.standards:
        yield f"{standard.id.value} pregnancy", standard.pregnancy_note
        yield f"{standard.id.value} no limit", standard.no_limit_note
        for row in standard.upper_limits:
            if row.note:
                yield f"{standard.id.value} limit note", row.note
    for source in load_sources().sources:
        if source.note:
            yield f"source {source.key}", source.note
        if source.read_via:
            yield f"source {source.key} read via", source.read_via.what
    assess_data = load_assess_data()
    for finding in assess_data.findings:
        if finding.guidance is None and finding.text is not None:
            yield finding.id, finding.text
        yield f"{finding.id} when", finding.when
        if finding.extra is not None:
            yield f"{finding.id} extra", finding.extra
        for name, variant in finding.variants.items():
            yield f"{finding.id} {name}", variant.text
    for key, phrase in assess_data.phrases.items():
        yield f"phrase {key}", phrase.text
    plan = assess_data.plan  # issue 17: the one plan's words and its table
    for kind, table in (
        ("action", plan.actions),
        ("time frame", plan.time_frames),
        ("explanation", plan.explanations),
    ):
        for key, words in table.items():
            yield f"plan {kind} {key.value}", words.text
            for name, variant in words.variants.items():
                yield f"plan {kind} {key.value} {name}", variant.text
    for plan_row in plan.rows:
        yield f"plan row {plan_row.id} when", plan_row.when
    for rule in plan.explain:
        yield f"plan explain {rule.id} when", rule.when
    for name, question in assess_data.questions.questions.items():
        yield f"question {name}", question


def test_every_cited_source_is_listed_by_mgcheck_sources(cli: Cli) -> None:
    listed = {s["key"] for s in cli.json("sources")["sources"]}
    assert cited_keys() <= listed


def test_every_source_is_used_by_something() -> None:
    assert sorted(KNOWN - cited_keys()) == []


def test_every_item_cites_a_source_and_has_both_languages() -> None:
    for item in GUIDANCE.items():
        assert item.sources, item.id
        for text in (item.title, item.text):
            assert text.da.strip() and text.en.strip(), item.id


@pytest.mark.parametrize(("where", "text"), list(prose()), ids=[w for w, _t in prose()])
def test_danish_is_not_the_english(where: str, text: Text) -> None:
    """A text made of values and units alone ("{value} mmol/L", "{reading} {judged}") has no
    words to translate; every other text must have its own Danish."""
    bare = re.sub(r"\{[a-z_]+\}|mmol/L|mg/dL|mEq/L|\bmg\b", "", text.en)
    if not re.search(r"[^\W\d_]{2,}", bare):
        return
    assert text.da != text.en, f"{where}: the Danish text is the English one"


def test_no_sentence_is_copied_from_the_reference_texts() -> None:
    """No run of eight words in our prose appears in the article or the fact files."""
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    fingerprints = {line for line in lines if line and not line.startswith("#")}
    assert len(fingerprints) > 10_000
    copied = [
        f"{where} ({lang})"
        for where, text in prose()
        for lang in ("da", "en")
        if any(g in fingerprints for g in grams(text.get(lang)))
    ]
    assert copied == []


def test_the_fingerprint_check_can_fail() -> None:
    """A sentence of the article itself is caught, so the check above is not vacuous."""
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    article = "Urolige ben er en tilstand, som knap 10 % af den danske befolkning lider af"
    assert any(g in set(lines) for g in grams(article))


def test_sections_come_most_urgent_first() -> None:
    levels = [s.level for s in GUIDANCE.sections]
    assert levels[0] is Level.URGENT
    assert levels == sorted(levels, key=list(Level).index)
    assert [s.id for s in GUIDANCE.sections] == [
        "help-now",
        "doctor-first",
        "side-effects",
        "limits",
        "medicines",
        "only-if-low",
    ]


def _item(item_id: str) -> Text:
    return next(i.text for i in GUIDANCE.items() if i.id == item_id)


def test_figures_in_texts_agree_with_the_limits_data() -> None:
    lab = LIMITS.lab_range
    blood = _item("blood-test")
    assert f"{format_number(lab.low, 2, 'da')}-{format_number(lab.high, 2, 'da')}" in blood.da
    assert f"{lab.low:.2f}-{lab.high:.2f}" in blood.en
    iron = _item("iron-better")
    for lang in ("da", "en"):
        text = iron.get(lang)
        assert f"{LIMITS.iron.ferritin_ug_per_l:.0f} µg/L" in text
        assert f"{LIMITS.iron.tsat_pct:.0f} %" in text
    assert f"{LIMITS.article.daily_mg:.0f} mg" in _item("article-dose").en


def test_reference_values_match_the_research_notes() -> None:
    """The Danish lab range and the AASM iron thresholds (magnesium.md h, rls.md 4.1)."""
    assert (LIMITS.lab_range.low, LIMITS.lab_range.high) == (0.71, 0.94)
    assert (LIMITS.iron.ferritin_ug_per_l, LIMITS.iron.tsat_pct) == (75, 20)
    assert LIMITS.article.daily_mg == 300


ASSESS_CONDITIONS = [
    "kidney_disease",
    "bleeding_disorder",
    "heart_rhythm",
    "myasthenia_gravis",
    "type2_diabetes",
    "bowel_disease",
    "alcohol",
]
ASSESS_MEDICINES = [
    "bisphosphonate",
    "antibiotic",
    "levothyroxine",
    "gabapentin",
    "loop_or_thiazide_diuretic",
    "potassium_sparing_diuretic",
    "ppi",
    "magnesium_laxative_or_antacid",
    "antihistamine",
    "antidepressant",
    "antipsychotic",
    "antinausea",
]


@pytest.mark.parametrize("key", ASSESS_CONDITIONS + ASSESS_MEDICINES + ["pregnant"])
def test_every_answer_of_the_self_check_has_guidance(key: str) -> None:
    assert any(key in item.applies_to for item in GUIDANCE.items())


def test_medicines_that_bind_magnesium_have_a_strictest_timing() -> None:
    timed = {key: i.timing for i in GUIDANCE.items() if i.timing for key in i.applies_to}
    assert set(timed) == {"bisphosphonate", "antibiotic", "levothyroxine", "gabapentin", "iron"}
    antibiotic = timed["antibiotic"]
    assert antibiotic is not None
    # US moxifloxacin label: 4 h before or 8 h after; ciprofloxacin 2 h / 6 h; NIH 2 h before or
    # 4-6 h after; UK SmPC 2-3 h apart -> the strictest is 4 h / 8 h (magnesium.md k).
    assert (antibiotic.medicine_before_h, antibiotic.medicine_after_h) == (4, 8)
    iron = timed["iron"]
    assert iron is not None
    # pro.medicin.dk: at least 2 h; UK SmPC: 3-4 h -> 4 h (magnesium.md e, k).
    assert iron.medicine_before_h == iron.medicine_after_h == 4
    bisphosphonate = timed["bisphosphonate"]
    assert bisphosphonate is not None
    # UK SmPCs 3-4 h, NIH 2 h, US labels 30 min-2 h -> 4 h.
    assert bisphosphonate.medicine_before_h == bisphosphonate.medicine_after_h == 4


def test_helplines() -> None:
    numbers = {line.id: line.number for line in GUIDANCE.helplines.lines}
    assert numbers["emergency"] == "112"
    assert numbers["capital"] == "1813"
    assert numbers["zealand"] == "1818"
    assert GUIDANCE.helplines.last_checked <= dt.date.today()


# --- a broken data file gives one clear line ---------------------------------------------------


BROKEN = [
    # (file, the text changed, what it becomes, words the one-line error must contain)
    ("guidance.yaml", "sources: [smpc-oral-c]", "sources: [smpc-oral-z]", "medicine-levothyroxine"),
    ("guidance.yaml", "level: urgent", "level: info", "order of urgency"),
    (
        "limits.yaml",
        "{ages: [4, 10], female: 230, male: 230}",
        "{ages: [5, 10], female: 230, male: 230}",
        "does not follow",
    ),
    (
        "sources.yaml",
        'url: "https://pro.medicin.dk/Medicin/Praeparater/34"',
        'url: "https://pill2trip.com/medicine/magnesia-dak"',
        "'promedicin-magnesia' links to 'pill2trip.com', which is not in link_hosts",
    ),
]
LOADERS: dict[str, tuple[str, Callable[[], object]]] = {
    "guidance.yaml": ("GUIDANCE_FILE", lambda: load_guidance(KNOWN)),
    "limits.yaml": ("LIMITS_FILE", lambda: load_limits(KNOWN)),
    "sources.yaml": ("SOURCES_FILE", load_sources),
}


@pytest.mark.parametrize(("name", "edit", "replacement", "words"), BROKEN)
def test_a_broken_data_file_gives_one_clear_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    edit: str,
    replacement: str,
    words: str,
) -> None:
    source = datafiles.DATA_DIR / name
    text = source.read_text(encoding="utf-8")
    assert edit in text
    broken = tmp_path / name
    broken.write_text(text.replace(edit, replacement, 1), encoding="utf-8")
    attribute, load = LOADERS[name]
    monkeypatch.setattr(datafiles, attribute, broken)
    with pytest.raises(MgcheckError) as caught:
        load()
    assert words in caught.value.message
    assert str(broken) in caught.value.message
    assert "\n" not in caught.value.message


def test_an_untranslated_item_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = yaml.safe_load((datafiles.DATA_DIR / "forms.yaml").read_text(encoding="utf-8"))
    del raw["forms"][0]["absorption"]["da"]
    path = tmp_path / "forms.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(datafiles, "FORMS_FILE", path)
    with pytest.raises(MgcheckError) as caught:
        load_forms(KNOWN)
    assert "'oxide'" in caught.value.message
    assert "absorption.da" in caught.value.message


def test_a_forms_label_note_states_the_share_its_formula_gives() -> None:
    """A percentage written in a label note must be the one mgcheck computes."""
    import re

    from mgcheck.rules.dose import fraction_range
    from mgcheck.store import snapshot

    for form in snapshot.forms().forms:
        if form.label_note is None:
            continue
        low, high = fraction_range(form)
        for text, comma in ((form.label_note.en, "."), (form.label_note.da, ",")):
            for written in re.findall(r"(\d+[.,]\d) %", text):
                assert written.replace(comma, ".") in {f"{low * 100:.1f}", f"{high * 100:.1f}"}


def test_the_atomic_weights_named_in_the_sources_are_the_ones_computed_with() -> None:
    import re

    from mgcheck.rules.chemistry import ATOMIC_WEIGHTS

    (source,) = [s for s in load_sources().sources if s.key == "iupac-weights"]
    assert source.note is not None
    for lang, decimal in (("en", "."), ("da", ",")):
        text = source.note.en if lang == "en" else source.note.da
        named = dict(re.findall(r"([A-Z][a-z]?) (\d+[.,]\d+)", text))
        assert {k: float(v.replace(decimal, ".")) for k, v in named.items()} == ATOMIC_WEIGHTS


def test_no_source_title_writes_a_number_a_reader_could_misread() -> None:
    """A title is shown as it is in both languages: "2,250 g" is 2.25 g in French and 2,250 g
    in English, and "24.305" is 24,305 to a Dane. Figures belong in the two-language note."""
    import re

    for source in load_sources().sources:
        # One separator between digits: a date (01.09.2021) has two and is not misread.
        # A licence's version (CC BY 4.0) is a name, not an amount.
        for shown in (source.title, source.series or ""):
            title = shown.replace("CC BY 4.0", "")
            number = re.search(r"(?<![\d.,])\d+[.,]\d+(?![\d.,])", title)
            assert number is None, (source.key, shown)
