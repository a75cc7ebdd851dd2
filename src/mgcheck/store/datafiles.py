"""Reading YAML data files into checked records, with one-line errors instead of tracebacks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.models.base import FoodTable
from mgcheck.record import Record
from mgcheck.store.textfile import MB, decode_text, display_name, read_file
from mgcheck.store.validation import validate

if TYPE_CHECKING:
    from mgcheck.models.assess_data import (
        AssessData,
        DietFile,
        FindingText,
        Phrase,
        PlanTable,
        QuestionsFile,
    )
    from mgcheck.models.guidance import FormsFile, GuidanceFile, LimitsFile, SourceList
    from mgcheck.models.trial import TrialFile

DATA_DIR = Path(__file__).parent.parent / "data"
FOODS_FILE = DATA_DIR / "foods.yaml"
MAX_TABLE_BYTES = 4 * MB  # a food table of your own; mgcheck's has 79 foods in 40 kB
MAX_DATA_BYTES = 16 * MB  # mgcheck's own data files


def read_yaml(path: Path, *, trusted: bool = True) -> Any:
    """Parse a YAML file with the C loader when PyYAML has it (about ten times faster).

    Duplicate keys are refused in every file; a file that is not mgcheck's own (``trusted``
    False) is also capped in size and may hold no anchors, aliases or deep nesting.
    """
    from mgcheck.store.strictload import load_yaml

    name = display_name(path)
    raw = read_file(path, MAX_DATA_BYTES if trusted else MAX_TABLE_BYTES)
    return load_yaml(decode_text(raw, name), name, trusted=trusted)


def load_foods(path: Path | None = None) -> FoodTable:
    """mgcheck's food table, or a person's own (``--foods``), which is read strictly."""
    if path is None:
        return validate(FoodTable, read_yaml(FOODS_FILE), FOODS_FILE, "foods", _("food"))
    return validate(FoodTable, read_yaml(path, trusted=False), path, "foods", _("food"))


# --- guidance data: sources, limits, forms, warnings ----------------------------------------

SOURCES_FILE = DATA_DIR / "sources.yaml"
LIMITS_FILE = DATA_DIR / "limits.yaml"
FORMS_FILE = DATA_DIR / "forms.yaml"
GUIDANCE_FILE = DATA_DIR / "guidance.yaml"


def _check_citations(path: Path, cited: list[tuple[str, list[str]]], known: set[str]) -> None:
    """Every key a data file cites must be a source that `mgcheck sources` lists."""
    for where, keys in cited:
        for key in keys:
            if key not in known:
                raise MgcheckError(
                    _("{file}: {where} cites '{key}', which is not in {sources}").format(
                        file=path, where=where, key=key, sources=SOURCES_FILE.name
                    )
                )


def load_sources() -> SourceList:
    from mgcheck.models.guidance import SourceList

    return validate(SourceList, read_yaml(SOURCES_FILE), SOURCES_FILE, "sources", _("source"))


def load_limits(known: set[str]) -> LimitsFile:
    from mgcheck.models.guidance import LimitsFile

    limits = validate(LimitsFile, read_yaml(LIMITS_FILE), LIMITS_FILE, "standards", "standard")
    cited = [
        ("article", limits.article.sources),
        ("lab_range", limits.lab_range.sources),
        ("iron", limits.iron.sources),
        ("child_lab_ranges", limits.child_lab_ranges.sources),
        ("lab_critical", limits.lab_critical.sources),
        ("dose_bands", [*limits.dose_bands.far_above_sources, *limits.dose_bands.toxic_sources]),
    ]
    for std in limits.standards:
        cited.append((std.id.value, std.intake_sources))
        cited += [(f"{std.id.value} {r.ages}", r.sources) for r in std.upper_limits]
    _check_citations(LIMITS_FILE, cited, known)
    return limits


def load_forms(known: set[str]) -> FormsFile:
    from mgcheck.models.guidance import FormsFile

    forms = validate(FormsFile, read_yaml(FORMS_FILE), FORMS_FILE, "forms", _("form"))
    _check_citations(FORMS_FILE, [(f.id, f.sources) for f in forms.forms], known)
    return forms


def load_guidance(known: set[str]) -> GuidanceFile:
    from mgcheck.models.guidance import GuidanceFile

    guidance = validate(
        GuidanceFile, read_yaml(GUIDANCE_FILE), GUIDANCE_FILE, "sections", _("section")
    )
    cited = [(item.id, item.sources) for item in guidance.items()]
    cited += [(line.id, line.sources) for line in guidance.helplines.lines]
    _check_citations(GUIDANCE_FILE, cited, known)
    return guidance


def source_keys(sources: SourceList) -> set[str]:
    return {s.key for s in sources.sources}


# --- assess data: words, findings, diet groups -----------------------------------------------

QUESTIONS_FILE = DATA_DIR / "questions.yaml"
FINDINGS_FILE = DATA_DIR / "findings.yaml"
DIET_FILE = DATA_DIR / "diet.yaml"


def load_questions() -> QuestionsFile:
    from mgcheck.models.assess_data import QuestionsFile

    return validate(QuestionsFile, read_yaml(QUESTIONS_FILE), QUESTIONS_FILE, "", "")


def load_findings(
    known: set[str], guidance: GuidanceFile
) -> tuple[list[FindingText], dict[str, Phrase], PlanTable]:
    """The findings in file order, each with its own words or those of the guidance item; the
    phrases; and the plan table (issue 17: one action, time frame and explanation list)."""
    from mgcheck.models.assess_data import FindingsFile

    raw = validate(FindingsFile, read_yaml(FINDINGS_FILE), FINDINGS_FILE, "findings", "finding")
    items = {item.id: item for item in guidance.items()}
    resolved: list[FindingText] = []
    for finding in raw.findings:
        if finding.guidance is not None:
            item = items.get(finding.guidance)
            if item is None:
                raise MgcheckError(
                    _("{file}: finding '{id}' reuses '{item}', which is not in {guidance}").format(
                        file=FINDINGS_FILE,
                        id=finding.id,
                        item=finding.guidance,
                        guidance=GUIDANCE_FILE.name,
                    )
                )
            finding = finding.replace(title=item.title, text=item.text, sources=list(item.sources))
        resolved.append(finding)
    ids = [f.id for f in resolved]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise MgcheckError(f"{FINDINGS_FILE}: duplicate finding id {duplicates[0]!r}")
    cited = [(f.id, f.sources) for f in resolved]
    cited += [
        (f"{f.id}.{name}", variant.sources)
        for f in resolved
        for name, variant in f.variants.items()
        if variant.sources is not None
    ]
    cited += [(f"phrases.{key}", phrase.sources) for key, phrase in raw.phrases.items()]
    plan = raw.plan
    cited += [(f"plan.rows.{row.id}", row.sources) for row in plan.rows]
    cited += [(f"plan.explain.{rule.id}", rule.sources) for rule in plan.explain]
    for kind, table in (
        ("actions", plan.actions),
        ("time_frames", plan.time_frames),
        ("explanations", plan.explanations),
    ):
        cited += [(f"plan.{kind}.{key.value}", words.sources) for key, words in table.items()]
        cited += [
            (f"plan.{kind}.{key.value}.{name}", variant.sources)
            for key, words in table.items()
            for name, variant in words.variants.items()
            if variant.sources is not None
        ]
    _check_citations(FINDINGS_FILE, cited, known)
    return resolved, raw.phrases, plan


def load_diet(foods: FoodTable) -> DietFile:
    from mgcheck.models.assess_data import DietFile

    diet = validate(DietFile, read_yaml(DIET_FILE), DIET_FILE, "", "")
    known_foods = {food.id for food in foods.foods}
    for group, ids in diet.groups.items():
        for food_id in ids:
            if food_id not in known_foods:
                raise MgcheckError(
                    _("{file}: {group} names '{food}', which is not in {foods}").format(
                        file=DIET_FILE, group=group.value, food=food_id, foods=FOODS_FILE.name
                    )
                )
    return diet


def load_assess_data() -> AssessData:
    from mgcheck.models.assess_data import AssessData

    sources = load_sources()
    known = source_keys(sources)
    guidance = load_guidance(known)
    foods = load_foods()
    findings, phrases, plan = load_findings(known, guidance)
    return AssessData(
        sources=sources,
        limits=load_limits(known),
        forms=load_forms(known),
        guidance=guidance,
        foods=foods,
        questions=load_questions(),
        findings=findings,
        phrases=phrases,
        diet=load_diet(foods),
        plan=plan,
    )


# --- the n-of-1 trial (issue 13): its defaults and words ---------------------------------------

TRIAL_FILE = DATA_DIR / "trial.yaml"


def load_trial(known: set[str]) -> TrialFile:
    """The trial's defaults and words; every key it cites must be in sources.yaml."""
    from mgcheck.models.trial import TrialFile

    trial = validate(TrialFile, read_yaml(TRIAL_FILE), TRIAL_FILE, "", "")
    _check_citations(TRIAL_FILE, trial.citations(), known)
    return trial


def compile_data() -> dict[str, Record]:
    """Every data file read from its YAML and fully validated, as the snapshot stores it.

    ``scripts/snapshot.py`` writes this to ``data/compiled/``; a test compares the two.
    """
    from mgcheck.models.assess_data import FindingsFile

    data = load_assess_data()
    findings = FindingsFile(
        schema_version=2, findings=data.findings, plan=data.plan, phrases=data.phrases
    )
    return {
        "sources": data.sources,
        "limits": data.limits,
        "forms": data.forms,
        "guidance": data.guidance,
        "foods": data.foods,
        "questions": data.questions,
        "findings": findings,
        "diet": data.diet,
        "trial": load_trial(source_keys(data.sources)),
        "words": load_words(),
    }


# --- the words people type (issue 12): answers in their own words, labels as printed -----------

WORDS_FILE = DATA_DIR / "words.yaml"

if TYPE_CHECKING:
    from mgcheck.models.words import WordsFile


def load_words() -> WordsFile:
    """The words of data/words.yaml, checked: every answer value worded, no word naming two."""
    from mgcheck.models.words import WordsFile

    return validate(WordsFile, read_yaml(WORDS_FILE), WORDS_FILE, "", "")
