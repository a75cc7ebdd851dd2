"""A function given a language speaks it wholly, whatever the process language is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mgcheck.cli.prompts import Interview
from mgcheck.i18n import current, set_language, speaking
from mgcheck.results.assess import Report, headline
from mgcheck.rules.assess import Assessment
from mgcheck.store.snapshot import assess_data

DATA = assess_data()  # mgcheck's own data, as the commands read it
Evaluate = Callable[..., tuple[Assessment, Report]]  # the `evaluate` fixture

ANSWERS: dict[str, Any] = {
    "age": 52,
    "sex": "female",
    "magnesium": {"form": "citrate", "amount_mg": 400, "elemental": False, "per_day": 2},
    "legs": {
        "urge_to_move": True,
        "worse_at_rest": True,
        "better_when_moving": True,
        "worse_evening_night": True,
        "look_alikes": [],
        "days_per_week": 2,
        "distress": "moderate",
        "sleep_disturbed": True,
    },
    "diet": {
        "nuts_seeds": 1,
        "whole_grains": 2,
        "legumes": 0,
        "leafy_greens": 1,
        "fish": 0,
        "dairy": 1,
        "fruit": 1,
    },
    "labs": {"magnesium": {"value": 0.68, "unit": "mmol/L"}},
}


def test_build_report_in_danish_from_an_english_process_is_wholly_danish(
    evaluate: Evaluate,
) -> None:
    set_language("en")
    _, danish = evaluate(ANSWERS, lang="da")
    _, english = evaluate(ANSWERS, lang="en")
    assert current() == "en"
    assert danish.language == "da"
    assert dict(danish.answers)["Alder"] == "52"
    assert dict(danish.answers)["Køn"] == "kvinde"
    english_text = {*dict(english.answers), *(f.title for f in english.findings)}
    danish_text = {*dict(danish.answers), *(f.title for f in danish.findings)}
    assert not english_text & danish_text, english_text & danish_text
    assert "0,68" in " ".join(value for _label, value in danish.answers)
    with speaking("da"):
        in_danish = headline(danish.level)
    assert in_danish != headline(danish.level)


def test_build_report_in_english_from_a_danish_process_is_wholly_english(
    evaluate: Evaluate,
) -> None:
    set_language("da")
    _, english = evaluate(ANSWERS, lang="en")
    assert dict(english.answers)["Age"] == "52"
    assert dict(english.answers)["Sex"] == "female"


def test_an_interview_inside_speaking_asks_wholly_in_that_language() -> None:
    set_language("en")
    asked: list[str] = []
    said: list[str] = []

    answers = iter(["kanske", "jo"])

    def read(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    with speaking("da"):
        interview = Interview(DATA, read, said.append)
        assert interview.yes_no("pregnant") is True
        assert interview.question("pregnant") == DATA.questions.questions["pregnant"].da
    assert current() == "en"
    assert asked[0].endswith("[j/n] ")
    assert said == ["Svar j eller n."]


def _supplement_line(evaluate: Evaluate, lang: str, **supplement: Any) -> str:
    answers = {**ANSWERS, "magnesium": {"amount_mg": 400, "per_day": 2, **supplement}}
    _, report = evaluate(answers, lang=lang)
    label = "Magnesiumtilskud" if lang == "da" else "Magnesium supplement"
    return dict(report.answers)[label]


def test_the_supplement_is_named_in_the_reports_language(evaluate: Evaluate) -> None:
    assert (
        _supplement_line(evaluate, "da", form="citrate") == "Magnesiumcitrat, 400 mg × 2 om dagen"
    )
    assert _supplement_line(evaluate, "en", form="citrat") == "Magnesium citrate, 400 mg × 2 a day"
    # What mgcheck cannot name is shown as it was typed.
    assert _supplement_line(evaluate, "da", form="unknown").startswith("ukendt form, 400 mg")


def test_a_label_read_either_way_is_not_reported_as_magnesium_itself(evaluate: Evaluate) -> None:
    """ "ved ikke" to "is the mg magnesium itself?" was reported as "rent magnesium"."""
    unknown = _supplement_line(evaluate, "da", form="citrate", elemental="unknown")
    assert not unknown.startswith("rent magnesium")
    assert unknown.startswith("Magnesiumcitrat (uvist om mg er rent magnesium), 400 mg")
    # The form stays in view when the label gives magnesium itself (review 2, point 8).
    assert _supplement_line(evaluate, "da", form="citrate", elemental=True).startswith(
        "Magnesiumcitrat (mg er rent magnesium), 400 mg"
    )
