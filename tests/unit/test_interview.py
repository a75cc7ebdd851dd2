"""The questions, driven by scripted answers: what is asked, what is skipped, bad answers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mgcheck.cli.prompts import Interview
from mgcheck.errors import MgcheckError
from mgcheck.i18n import Language, set_language
from mgcheck.models.answers import Answers
from mgcheck.store.snapshot import assess_data

DATA = assess_data()  # mgcheck's own data, as the commands read it


class Script:
    """Feeds answers to the interview and records the prompts and messages it shows."""

    def __init__(self, answers: list[str]) -> None:
        self._answers: Iterator[str] = iter(answers)
        self.prompts: list[str] = []
        self.said: list[str] = []

    def read(self, prompt: str) -> str:
        self.prompts.append(prompt)
        try:
            return next(self._answers)
        except StopIteration:
            raise EOFError from None

    def say(self, text: str) -> None:
        self.said.append(text)


def interview(answers: list[str], lang: Language = "en") -> tuple[Answers, Script, Interview]:
    set_language(lang)
    script = Script(answers)
    asker = Interview(DATA, lang, script.read, script.say)
    return Answers.model_validate(asker.run()), script, asker


# age, sex, conditions, medicines, taking?, considering?, symptoms, legs?, diet?, labs?
QUIET_MAN = ["60", "2", "", "", "n", "n", "", "n", "n", "n"]


def test_a_man_without_legs_or_supplement_gets_the_short_path() -> None:
    answers, script, asker = interview(QUIET_MAN)
    assert answers.age == 60
    assert answers.sex.value == "male"
    assert answers.legs is None and answers.magnesium is None
    assert not any("pregnant" in p for p in script.prompts)
    assert asker.prompts == len(script.prompts) == 10


def test_at_most_25_prompts_without_legs_or_supplement() -> None:
    """The longest path without leg symptoms or a supplement: pregnancy, diet and labs asked."""
    answers = ["30", "1", "n", "n", "1", "7", "n", "y", "", "n", "y"]
    answers += ["1", "2", "0,5", "1", "0", "2", "1"]  # seven diet groups
    answers += ["y", "0,80 mmol/L", "55", "18"]
    result, script, asker = interview(answers)
    assert result.diet is not None and result.diet.legumes == 0.5
    assert result.labs is not None and result.labs.ferritin is not None
    assert asker.prompts == len(script.prompts) <= 25


def test_nobody_gets_more_than_35_prompts() -> None:
    answers = ["30", "1", "n", "n", "1", "7", "y", "citrat", "400", "n", "2", ""]
    answers += ["y", "y", "y", "y", "y", "1", "3", "3", "y"]  # legs
    answers += ["y", "1", "2", "0", "1", "0", "2", "1"]  # diet
    answers += ["y", "1,7 mg/dL", "40", "18 %"]  # labs
    result, _script, asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.per_day == 2
    assert result.legs is not None and result.legs.look_alikes == ("cramp_knot",)
    assert result.labs is not None and result.labs.magnesium is not None
    assert result.labs.magnesium.unit.value == "mg/dL"
    assert asker.prompts <= 35


def test_danish_answers_j_n_decimal_comma_and_number_lists() -> None:
    answers = ["45", "1", "j", "nej", "1,3", "", "ja", "magnesiumcitrat", "1,5 g", "n", "1"]
    answers += ["", "n", "j", "0,5", "2", "0", "1", "0,3", "2", "1", "n"]
    result, script, _asker = interview(answers, "da")
    assert result.pregnant and not result.breastfeeding
    assert [c.value for c in result.conditions] == ["kidney_disease", "heart_rhythm"]
    assert result.magnesium is not None and result.magnesium.amount_mg == 1500
    assert result.diet is not None and result.diet.fish == 0.3
    assert "Hvor gammel er du? " in script.prompts
    assert any(p.endswith("[j/n] ") for p in script.prompts)


def test_a_bad_answer_is_explained_and_asked_again() -> None:
    answers = ["fifty", "300", "60", "3", "2", "9,1", "", "", "maybe", "n", "n", "", "n", "n", "n"]
    result, script, asker = interview(answers)
    assert result.age == 60
    assert [c.value for c in result.conditions] == ["kidney_disease"]  # "9" left out, 1 kept
    assert script.said.count("Type a whole number from 1 to 120, e.g. 67.") == 2
    said = 'I did not understand: "3". Type the number (1-2) or the word, e.g. female.'
    assert said in script.said
    assert any(s.startswith('I did not understand: "9".') for s in script.said)
    assert "If you take anything with magnesium in it now, answer y; otherwise n." in script.said
    assert asker.prompts == 10  # a repeated question is still one question
    assert asker.reasks == 5


def test_an_unknown_form_is_asked_again_and_unknown_is_accepted() -> None:
    answers = ["60", "2", "", "", "y", "sitrat", "ved ikke", "500", "n", "1"]
    answers += ["", "n", "n", "n"]
    result, script, _asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.form == "unknown"
    assert any("does not know that form" in s for s in script.said)


def test_end_of_input_is_a_clear_error() -> None:
    with pytest.raises(MgcheckError, match="input ended before the questions were finished"):
        interview(["60", "2"])


def test_a_pregnant_woman_is_asked_about_iron_not_about_breastfeeding() -> None:
    answers = ["31", "1", "j", "j", "", "", "nej", "nej", "", "n", "n", "n"]
    result, script, _asker = interview(answers, "da")
    assert result.pregnant and not result.breastfeeding
    assert [m.value for m in result.medicines] == ["iron"]
    assert not any("Ammer du" in p for p in script.prompts)
    assert any("jerntabletter" in p for p in script.prompts)
    assert "jerntabletter eller jerntilskud" not in " ".join(script.said)  # not offered twice


def test_dont_know_whether_the_mg_is_elemental_and_a_transferrin_saturation() -> None:
    answers = ["60", "2", "", "", "y", "citrate", "400", "don't know", "1", ""]
    answers += ["n", "n", "y", "", "", "18 %"]
    result, _script, _asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.elemental == "unknown"
    assert result.labs is not None and result.labs.transferrin_saturation is not None
    assert result.labs.transferrin_saturation.value == 18


def test_a_form_name_with_control_characters_is_asked_again() -> None:
    answers = ["60", "2", "", "", "y", "citrate\x1b[2J", "citrate", "400", "n", "1"]
    answers += ["", "n", "n", "n"]
    result, script, _asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.form == "citrate"
    assert sum("label name" in p for p in script.prompts) == 2  # asked twice


# --- a single choice that cannot be read is quoted whole -------------------------------------


def test_a_single_choice_answer_not_understood_is_quoted_as_typed() -> None:
    answers = ["60", "1,5", "2", "", "", "n", "n", "", "n", "n", "n"]
    result, script, _asker = interview(answers, "da")
    assert result.sex.value == "male"
    assert any(s.startswith('Det forstod jeg ikke: "1,5".') for s in script.said), script.said
    assert not any('"5"' in s for s in script.said)
