"""Running the self-check's rules on a plain answers dict, as an answers file would hold it."""

from __future__ import annotations

from typing import Any

from mgcheck.i18n import Language
from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import AssessData
from mgcheck.results.assess import Report, build_report
from mgcheck.rules.assess import Assessment, assess
from mgcheck.store.datafiles import load_assess_data
from mgcheck.vocab import Standard

DATA: AssessData = load_assess_data()

ALL_FOUR = {
    "urge_to_move": True,
    "worse_at_rest": True,
    "better_when_moving": True,
    "worse_evening_night": True,
}


def legs(**changes: Any) -> dict[str, Any]:
    """Leg answers: all four core features, twice a week, moderate, bad sleep, unless changed."""
    base: dict[str, Any] = {
        **ALL_FOUR,
        "look_alikes": [],
        "days_per_week": 2,
        "distress": "moderate",
        "sleep_disturbed": True,
    }
    base.update(changes)
    return base


def evaluate(
    answers: dict[str, Any], standard: Standard = Standard.NNR, lang: Language = "en"
) -> tuple[Assessment, Report]:
    model = Answers.model_validate(answers)
    assessment = assess(model, DATA, standard)
    return assessment, build_report(model, assessment, DATA, lang)


def ids(answers: dict[str, Any], standard: Standard = Standard.NNR) -> list[str]:
    return [hit.id for hit in evaluate(answers, standard)[0].hits]
