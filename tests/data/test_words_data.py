"""data/words.yaml: every answer worded in both languages, no word naming two answers, own words.

A wrong word is a safety defect (furosemid read as a thiazide would hide a loop diuretic), so the
medicine names are also checked one by one against the option each must name.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from mgcheck.errors import MgcheckError
from mgcheck.folding import phrase_key
from mgcheck.models.words import MENUS, MESSAGES, offered
from mgcheck.rules.understand import (
    Ambiguous,
    MenuName,
    Picked,
    choose_some,
    menu_words,
)
from mgcheck.store import datafiles
from mgcheck.store.datafiles import load_questions, load_words
from mgcheck.vocab import LEGACY_VALUES, Medicine

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from fingerprints import grams  # scripts/fingerprints.py, which made the fingerprints

WORDS = load_words()
LABELS = load_questions().labels
FINGERPRINTS = Path(__file__).resolve().parents[1] / "reference" / "sentence_fingerprints.txt"
MENU_NAMES: list[MenuName] = [
    "sex",
    "distress",
    "conditions",
    "medicines",
    "symptoms",
    "look_alikes",
    "diet",
]


def options(menu: MenuName) -> list[tuple[Any, Any]]:
    labels = getattr(LABELS, menu)
    return [(value, labels[value]) for value in MENUS[menu] if value.value not in LEGACY_VALUES]


def test_the_menus_are_the_answer_menus() -> None:
    assert set(MENU_NAMES) == set(MENUS)


@pytest.mark.parametrize("menu", MENU_NAMES)
def test_every_offered_answer_has_a_danish_and_an_english_word(menu: MenuName) -> None:
    words = getattr(WORDS.menus, menu).words
    for value in offered(menu):
        assert words[value].da, (menu, value)
        assert words[value].en, (menu, value)


@pytest.mark.parametrize("menu", MENU_NAMES)
def test_legacy_answers_have_no_words(menu: MenuName) -> None:
    """Legacy values are read from old files, never offered, so nothing typed may choose them."""
    entry = getattr(WORDS.menus, menu)
    assert not set(entry.words) & LEGACY_VALUES
    assert not {c for a in entry.ask_back for c in a.candidates} & LEGACY_VALUES


@pytest.mark.parametrize("menu", MENU_NAMES)
def test_no_word_names_two_answers_of_one_menu_unless_asked_back(menu: MenuName) -> None:
    """Words, and the labels of questions.yaml, name one value each; ask_back is the exception."""
    entry = getattr(WORDS.menus, menu)
    owner: dict[tuple[str, ...], str] = {}
    clashes: list[str] = []
    named = [(value, p) for value, phrases in entry.words.items() for p in phrases.every()]
    named += [(value.value, label.da) for value, label in options(menu)]
    named += [(value.value, label.en) for value, label in options(menu)]
    for value, phrase in named:
        key = phrase_key(phrase)
        if owner.setdefault(key, value) != value:
            clashes.append(f"{phrase!r}: {owner[key]} and {value}")
    assert clashes == []
    asked = {phrase_key(p) for a in entry.ask_back for p in a.every()}
    assert not asked & set(owner), "an ask-back word is also a plain word"
    assert not {phrase_key(p) for p in entry.not_listed.every()} & (set(owner) | asked)


def test_the_deliberate_ambiguities_are_real_ones() -> None:
    """At least three ask-backs name several answers (the issue's "ambiguous words")."""
    several = [
        (menu, entry.every()[0], entry.candidates)
        for menu in MENU_NAMES
        for entry in getattr(WORDS.menus, menu).ask_back
        if len(entry.candidates) > 1
    ]
    assert len(several) >= 3
    assert ("medicines", "vanddrivende", ["thiazide_diuretic", "loop_diuretic",
            "potassium_sparing_diuretic"]) in several  # fmt: skip


def _example_names(text: str) -> list[str]:
    """The medicine names a label gives as examples: '(fx alendronat)', '(e.g. a, b)'."""
    found = re.search(r"\((?:fx|e\.g\.) ([^)]+)\)", text)
    if found is None:
        return []
    return [name.strip() for name in re.split(r",| or | eller ", found.group(1)) if name.strip()]


def test_every_medicine_a_label_names_is_a_word_for_that_option() -> None:
    menu = menu_words(WORDS, "medicines")
    checked = 0
    for value, label in options("medicines"):
        for name in _example_names(label.da) + _example_names(label.en):
            result = choose_some(name, options("medicines"), menu)
            assert isinstance(result, Picked), name
            assert result.values == (value,), (name, result)
            checked += 1
    assert checked >= 25


# Every medicine name the words file maps, and the option it must give. Adding a name to the
# data without adding it here fails the next test: each mapping is reviewed, not just typed.
EXPECTED_MEDICINES: dict[Medicine, set[str]] = {
    Medicine.BISPHOSPHONATE: {
        "bisfosfonat", "bisfosfonater", "alendronat", "alendronsyre", "risedronat",
        "ibandronat", "etidronat", "fosamax", "fosavance", "actonel", "bonviva", "clodronat",
        "klodronat", "bisphosphonate", "bisphosphonates", "alendronate", "alendronic acid",
        "risedronate", "ibandronate", "etidronate", "clodronate",
    },
    Medicine.ANTIBIOTIC: {
        "doxycyklin", "doxycyclin", "tetracyklin", "tetracyclin", "lymecyklin", "lymecyclin",
        "minocyklin", "minocyclin", "oxytetracyklin", "ciprofloxacin", "levofloxacin",
        "moxifloxacin", "ofloxacin", "norfloxacin", "ciproxin", "tavanic", "avelox",
        "vibramycin", "tetralysal", "minocin", "doxyprim", "tetracyklinantibiotikum",
        "quinolonantibiotikum", "kinolon", "quinolon", "fluorquinolon", "fluorquinoloner",
        "doxycycline", "tetracycline", "lymecycline", "minocycline", "oxytetracycline",
        "tetracycline antibiotic", "quinolone antibiotic", "quinolone", "fluoroquinolone",
    },
    Medicine.LEVOTHYROXINE: {
        "levothyroxin", "levothyroxinnatrium", "thyroxin", "eltroxin", "euthyrox",
        "levothyroxine", "levothyroxine sodium", "thyroxine",
    },
    Medicine.GABAPENTIN: {
        "gabapentin", "neurontin",
    },
    Medicine.IRON: {
        "jern", "jerntabletter", "jerntablet", "jerntilskud", "jernpiller", "jernmedicin",
        "ferrosulfat", "jernsulfat", "ferrofumarat", "ferro duretter", "duroferon", "iron",
        "iron tablets", "iron tablet", "iron supplement", "iron pills", "ferrous sulfate",
        "ferrous sulphate", "ferrous fumarate",
    },
    Medicine.DIGOXIN: {
        "digoxin", "lanoxin",
    },
    Medicine.THIAZIDE_DIURETIC: {
        "thiazid", "tiazid", "thiaziddiuretikum", "thiaziddiuretika", "hydrochlorthiazid",
        "hydroklortiazid", "bendroflumethiazid", "centyl", "centyl k",
        "centyl med kaliumklorid", "thiazide", "thiazide diuretic", "thiazides",
        "hydrochlorothiazide", "hctz", "bendroflumethiazide", "bendrofluazide",
    },
    Medicine.LOOP_DIURETIC: {
        "loop-diuretikum", "loopdiuretikum", "loop-diuretika", "furosemid", "bumetanid",
        "torasemid", "furix", "lasix", "burinex", "diural", "loop diuretic", "loop diuretics",
        "furosemide", "frusemide", "bumetanide", "torasemide", "torsemide",
    },
    Medicine.POTASSIUM_SPARING_DIURETIC: {
        "kaliumbesparende", "kaliumbesparende vanddrivende", "spironolakton", "spironolacton",
        "amilorid", "eplerenon", "triamteren", "aldactone", "inspra", "spirix",
        "potassium-sparing", "potassium sparing", "potassium-sparing diuretic",
        "spironolactone", "amiloride", "eplerenone", "triamterene",
    },
    Medicine.CALCIUM_CHANNEL_BLOCKER: {
        "calciumantagonist", "calciumantagonister", "calciumblokker", "amlodipin", "nifedipin",
        "felodipin", "lercanidipin", "lacidipin", "isradipin", "verapamil", "diltiazem",
        "norvasc", "adalat", "plendil", "zanidip", "isoptin", "cardizem",
        "calcium channel blocker", "calcium-channel blocker", "calcium channel blockers",
        "calcium antagonist", "amlodipine", "nifedipine", "felodipine", "lercanidipine",
        "lacidipine", "isradipine",
    },
    Medicine.PPI: {
        "protonpumpehæmmer", "protonpumpehæmmere", "syrepumpehæmmer", "syrepumpehæmmere",
        "ppi", "omeprazol", "esomeprazol", "pantoprazol", "lansoprazol", "rabeprazol", "losec",
        "nexium", "pantoloc", "pariet", "proton pump inhibitor", "proton-pump inhibitor",
        "omeprazole", "esomeprazole", "pantoprazole", "lansoprazole", "rabeprazole",
    },
    Medicine.MAGNESIUM_LAXATIVE_OR_ANTACID: {
        "magnesia", "magnesia dak", "magnesiamælk", "novaluzid", "balancid", "balancid novum",
        "milk of magnesia", "magnesium laxative", "magnesium antacid",
    },
    Medicine.LITHIUM: {
        "lithium", "litium", "lithiumcarbonat", "lithiumcitrat", "litiumkarbonat", "litarex",
        "lithium carbonate", "lithium citrate",
    },
    Medicine.ANTIHISTAMINE: {
        "antihistamin", "antihistaminer", "cetirizin", "levocetirizin", "loratadin",
        "desloratadin", "fexofenadin", "bilastin", "promethazin", "hydroxyzin", "clemastin",
        "chlorphenamin", "diphenhydramin", "doxylamin", "alimemazin", "ebastin", "rupatadin",
        "meclozin", "cyclizin", "zyrtec", "clarityn", "aerius", "telfast", "phenergan",
        "atarax", "tavegyl", "antihistamine", "antihistamines", "cetirizine", "levocetirizine",
        "loratadine", "desloratadine", "fexofenadine", "bilastine", "promethazine",
        "hydroxyzine", "clemastine", "chlorphenamine", "chlorpheniramine", "diphenhydramine",
        "doxylamine", "alimemazine", "ebastine", "rupatadine", "meclizine", "meclozine",
        "cyclizine",
    },
    Medicine.ANTIDEPRESSANT: {
        "antidepressiva", "antidepressivum", "medicin mod depression", "depressionsmedicin",
        "lykkepiller", "mirtazapin", "citalopram", "escitalopram", "sertralin", "fluoxetin",
        "paroxetin", "fluvoxamin", "venlafaxin", "duloxetin", "amitriptylin", "nortriptylin",
        "clomipramin", "imipramin", "remeron", "cipramil", "cipralex", "zoloft", "seroxat",
        "prozac", "efexor", "cymbalta", "saroten", "noritren", "anafranil", "fontex",
        "antidepressant", "antidepressants", "mirtazapine", "sertraline", "fluoxetine",
        "paroxetine", "fluvoxamine", "venlafaxine", "duloxetine", "amitriptyline",
        "nortriptyline", "clomipramine", "imipramine",
    },
    Medicine.ANTIPSYCHOTIC: {
        "antipsykotika", "antipsykotisk", "antipsykotikum", "haloperidol", "olanzapin",
        "quetiapin", "risperidon", "aripiprazol", "clozapin", "chlorprothixen",
        "levomepromazin", "zuclopenthixol", "flupentixol", "perphenazin", "paliperidon",
        "ziprasidon", "amisulprid", "zyprexa", "seroquel", "risperdal", "abilify", "leponex",
        "truxal", "nozinan", "cisordinol", "fluanxol", "haldol", "serenase", "melperon",
        "pimozid", "sertindol", "lurasidon", "cariprazin", "brexpiprazol", "asenapin",
        "sulpirid", "chlorpromazin", "antipsychotic", "antipsychotics", "melperone",
        "pimozide", "sertindole", "lurasidone", "cariprazine", "brexpiprazole", "asenapine",
        "sulpiride", "chlorpromazine", "olanzapine", "quetiapine", "risperidone",
        "aripiprazole", "clozapine", "chlorprothixene", "levomepromazine", "perphenazine",
        "paliperidone", "ziprasidone", "amisulpride",
    },
    Medicine.ANTINAUSEA: {
        "metoclopramid", "primperan", "emperal", "metoclopramide",
    },
}  # fmt: skip


def test_every_medicine_word_is_reviewed_and_maps_to_its_class() -> None:
    words = WORDS.menus.medicines.words
    listed = {Medicine(v): {w.casefold() for w in p.every()} for v, p in words.items()}
    assert listed == EXPECTED_MEDICINES
    menu = menu_words(WORDS, "medicines")
    for medicine, names in EXPECTED_MEDICINES.items():
        for name in names:
            result = choose_some(name, options("medicines"), menu)
            assert isinstance(result, Picked) and result.values == (medicine,), (name, result)


@pytest.mark.parametrize(
    "name",
    # Deliberately left out (words.yaml says why): they must never be taken as an option.
    ["propiomazin", "pregabalin", "ondansetron", "domperidon", "zoledronsyre", "penicillin",
     "amoxicillin", "paracetamol"],
)  # fmt: skip
def test_names_left_out_are_never_taken_as_an_option(name: str) -> None:
    result = choose_some(name, options("medicines"), menu_words(WORDS, "medicines"))
    assert isinstance(result, Picked)
    assert result.values == ()
    # A spelling that looks like a listed name may be asked back, never taken.
    assert all(isinstance(a, Ambiguous) and a.guess for a in result.ambiguous)


def test_every_message_exists_in_both_languages_and_formats() -> None:
    fields = {
        "n": "7",
        "example": "x",
        "pieces": "x",
        "low": "1",
        "high": "2",
        "units": "x",
        "default": "x",
        "text": "x",
        "middle": "1,5",
        "phrase": "x",
        "candidates": "x",
    }
    assert set(WORDS.messages) == MESSAGES
    for key, text in WORDS.messages.items():
        for lang in ("da", "en"):
            formatted = text.get(lang).format(**fields)
            assert "{" not in formatted, (key, lang)


def test_the_messages_are_mgchecks_own_words() -> None:
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    fingerprints = {line for line in lines if line and not line.startswith("#")}
    copied = [
        f"{key} ({lang})"
        for key, text in WORDS.messages.items()
        for lang in ("da", "en")
        if any(g in fingerprints for g in grams(text.get(lang)))
    ]
    assert copied == []


class _NoDuplicates(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; a second `loop_diuretic:` would hide."""


def _mapping(loader: _NoDuplicates, node: yaml.MappingNode, deep: bool = False) -> Any:
    keys = [loader.construct_object(k, deep=deep) for k, _v in node.value]
    repeated = {str(k) for k in keys if keys.count(k) > 1}
    assert not repeated, f"duplicate keys {sorted(repeated)} (line {node.start_mark.line + 1})"
    return loader.construct_mapping(node, deep=deep)


_NoDuplicates.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_the_words_file_has_no_duplicate_keys() -> None:
    yaml.load(datafiles.WORDS_FILE.read_text(encoding="utf-8"), Loader=_NoDuplicates)


@pytest.mark.parametrize(
    ("edit", "replacement", "words"),
    [
        # A menu value left without words.
        ("      male: {da: [mand, m, dreng, hankøn], en: [male, man, m, boy]}\n", "", "missing"),
        # One word for two answers of one menu.
        ("da: [lidt, en smule,", "da: [meget, en smule,", "names both"),
        # An ask-back naming an answer the menu does not have.
        ("candidates: [mild, moderate]", "candidates: [mild, furious]", "not answers"),
        # A Danish list emptied.
        ("        da: [digoxin, Lanoxin]\n", "        da: []\n", "Danish and one English"),
        # A re-ask message missing.
        ("  yes_no: {da:", "  yes_nope: {da:", "messages: missing yes_no"),
    ],
)
def test_a_broken_words_file_gives_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str, replacement: str, words: str
) -> None:
    text = datafiles.WORDS_FILE.read_text(encoding="utf-8")
    assert edit in text
    broken = tmp_path / "words.yaml"
    broken.write_text(text.replace(edit, replacement, 1), encoding="utf-8")
    monkeypatch.setattr(datafiles, "WORDS_FILE", broken)
    with pytest.raises(MgcheckError) as caught:
        load_words()
    assert words in caught.value.message
    assert str(broken) in caught.value.message
    assert "\n" not in caught.value.message


def test_every_quantity_a_question_names_exists() -> None:
    from mgcheck.rules.understand import LABS

    assert {e.quantity for e in LABS.values()} <= set(WORDS.quantities)
    assert {"years", "per_day", "days_per_week", "portions"} <= set(WORDS.quantities)
    assert WORDS.quantities["lab_magnesium"].default == "mmol/L"  # what Danish labs use
    assert WORDS.quantities["lab_magnesium"].ask_unit
    assert WORDS.quantities["lab_ferritin"].default == "µg/L"
