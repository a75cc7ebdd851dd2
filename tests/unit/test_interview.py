"""The questions, driven by scripted answers: what is asked, what is skipped, bad answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgcheck.cli.prompts import Interview
from mgcheck.errors import MgcheckError
from mgcheck.i18n import Language, set_language
from mgcheck.models.answers import Answers
from mgcheck.store.snapshot import assess_data

DATA = assess_data()  # mgcheck's own data, as the commands read it

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Script

    RunInterview = Callable[..., tuple[Answers, Script, Interview]]
    AskedAt = Callable[..., Script]


@pytest.fixture
def interview(script: type[Script]) -> RunInterview:
    """``interview(answers, lang)``: the whole interview with these answers typed; the answers
    it gives, the Script (what it asked and said) and the Interview. ``width`` is the
    terminal's, if it has one."""

    def interview(
        answers: list[str], lang: Language = "en", *, width: int | None = None
    ) -> tuple[Answers, Script, Interview]:
        set_language(lang)
        typed = script(*answers)
        asker = Interview(DATA, typed.read, typed.say, width=width)
        return Answers.model_validate(asker.run()), typed, asker

    return interview


# age, sex, conditions, medicines, taking?, considering?, symptoms, legs?, diet?, labs?
QUIET_MAN = ["60", "2", "", "", "n", "n", "", "n", "n", "n"]


def test_a_man_without_legs_or_supplement_gets_the_short_path(interview: RunInterview) -> None:
    answers, script, asker = interview(QUIET_MAN)
    assert answers.age == 60
    assert answers.sex.value == "male"
    assert answers.legs is None and answers.magnesium is None
    assert not any("pregnant" in p for p in script.prompts)
    assert asker.prompts == len(script.prompts) == 10


def test_at_most_26_prompts_without_legs_or_supplement(interview: RunInterview) -> None:
    """The longest path without leg symptoms or a supplement: pregnancy, diet and labs asked."""
    answers = ["30", "1", "n", "n", "1", "7", "n", "y", "", "n", "y"]
    answers += ["1", "2", "0,5", "1", "0", "2", "1"]  # seven diet groups
    answers += ["y", "0,80 mmol/L", "0,70-1,00", "55", "18"]  # the lab's range (issue 17)
    result, script, asker = interview(answers)
    assert result.diet is not None and result.diet.legumes == 0.5
    assert result.labs is not None and result.labs.ferritin is not None
    assert result.labs.magnesium is not None and result.labs.magnesium.range == (0.7, 1.0)
    assert asker.prompts == len(script.prompts) <= 26


def test_nobody_gets_more_than_36_prompts(interview: RunInterview) -> None:
    answers = ["30", "1", "n", "n", "1", "7", "y", "citrat", "400", "n", "2", ""]
    answers += ["y", "y", "y", "y", "y", "1", "3", "3", "y"]  # legs
    answers += ["y", "1", "2", "0", "1", "0", "2", "1"]  # diet
    answers += ["y", "1,7 mg/dL", "1,7 - 2,3", "40", "18 %"]  # labs, the range in mg/dL too
    result, _script, asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.per_day == 2
    assert result.legs is not None and result.legs.look_alikes == ("cramp_knot",)
    assert result.labs is not None and result.labs.magnesium is not None
    assert result.labs.magnesium.unit.value == "mg/dL"
    assert result.labs.magnesium.range == (1.7, 2.3)
    assert asker.prompts <= 36


def test_danish_answers_j_n_decimal_comma_and_number_lists(interview: RunInterview) -> None:
    answers = ["45", "1", "j", "nej", "1,3", "", "ja", "magnesiumcitrat", "1,5 g", "n", "1"]
    answers += ["", "n", "j", "0,5", "2", "0", "1", "0,3", "2", "1", "n"]
    result, script, _asker = interview(answers, "da")
    assert result.pregnant and not result.breastfeeding
    assert [c.value for c in result.conditions] == ["kidney_disease", "heart_rhythm"]
    assert result.magnesium is not None and result.magnesium.amount_mg == 1500
    assert result.diet is not None and result.diet.fish == 0.3
    assert "Hvor gammel er du? " in script.prompts
    assert any(p.endswith("[j/n] ") for p in script.prompts)


def test_a_bad_answer_is_explained_and_asked_again(interview: RunInterview) -> None:
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


def test_an_unknown_form_is_asked_again_and_unknown_is_accepted(interview: RunInterview) -> None:
    answers = ["60", "2", "", "", "y", "sitrat", "ved ikke", "500", "n", "1"]
    answers += ["", "n", "n", "n"]
    result, script, _asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.form == "unknown"
    assert any("does not know that form" in s for s in script.said)


def test_end_of_input_is_a_clear_error(interview: RunInterview) -> None:
    with pytest.raises(MgcheckError, match="input ended before the questions were finished"):
        interview(["60", "2"])


def test_a_pregnant_woman_is_asked_about_iron_not_about_breastfeeding(
    interview: RunInterview,
) -> None:
    answers = ["31", "1", "j", "j", "", "", "nej", "nej", "", "n", "n", "n"]
    result, script, _asker = interview(answers, "da")
    assert result.pregnant and not result.breastfeeding
    assert [m.value for m in result.medicines] == ["iron"]
    assert not any("Ammer du" in p for p in script.prompts)
    assert any("jerntabletter" in p for p in script.prompts)
    assert "jerntabletter eller jerntilskud" not in " ".join(script.said)  # not offered twice


def test_dont_know_whether_the_mg_is_elemental_and_a_transferrin_saturation(
    interview: RunInterview,
) -> None:
    answers = ["60", "2", "", "", "y", "citrate", "400", "don't know", "1", ""]
    answers += ["n", "n", "y", "", "", "18 %"]
    result, _script, _asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.elemental == "unknown"
    assert result.labs is not None and result.labs.transferrin_saturation is not None
    assert result.labs.transferrin_saturation.value == 18


def test_the_laboratory_range_is_asked_after_the_value_and_checked(
    interview: RunInterview,
) -> None:
    """Issue 17 point 5: the range printed on the result, in the value's unit; a range in
    another unit, backwards or not a range is asked again with one line saying why."""
    answers = ["60", "2", "", "", "n", "n", "", "n", "n", "j", "0,97 mmol/l"]
    answers += ["1,7-2,3", "1,00-0,70", "normal", "0,70 - 1,00", "", ""]
    result, script, _asker = interview(answers, "da")
    assert result.labs is not None and result.labs.magnesium is not None
    assert result.labs.magnesium.range == (0.7, 1.0)
    unit = "Det område ligner ikke et i mmol/L: skriv det i samme enhed som værdien, eller tryk "
    assert [s for s in script.said if s.startswith(unit)] == [unit + "Enter."]
    how = "Skriv området, som det står på svaret, fx 0,70-1,00, eller tryk Enter."
    assert script.said.count(how) == 2


def test_a_form_name_with_control_characters_is_asked_again(interview: RunInterview) -> None:
    answers = ["60", "2", "", "", "y", "citrate\x1b[2J", "citrate", "400", "n", "1"]
    answers += ["", "n", "n", "n"]
    result, script, _asker = interview(answers)
    assert result.magnesium is not None and result.magnesium.form == "citrate"
    assert sum("label name" in p for p in script.prompts) == 2  # asked twice


# --- a long question is wrapped at spaces, never mid-word ------------------------------------

FORM_DA = DATA.questions.questions["form"].get("da") + " "


@pytest.fixture
def asked_at(script: type[Script]) -> AskedAt:
    """``asked_at(width, prompt, lang)``: ``prompt`` asked once by a Prompter that knows the
    terminal is ``width`` wide; the Script."""
    from mgcheck.cli.prompts import Prompter
    from mgcheck.i18n import speaking

    def asked_at(width: int, prompt: str, lang: Language = "da") -> Script:
        typed = script("ved ikke")
        with speaking(lang):
            Prompter(typed.read, typed.say, width=width).ask(prompt, str, "")
        return typed

    return asked_at


@pytest.mark.parametrize("width", [40, 60, 80])
def test_a_long_prompt_is_wrapped_at_spaces_and_input_shows_its_last_line(
    asked_at: AskedAt, width: int
) -> None:
    """At 60 columns a terminal broke "oxid e|ller"; now every line fits: the earlier lines
    are said, the last one (with its space for the answer) is what input() shows."""
    script = asked_at(width, FORM_DA)
    (last,) = script.prompts
    lines = [*script.said, last]
    assert len(lines) >= 2
    assert all(len(line) <= width for line in lines), lines
    assert " ".join(lines).split() == FORM_DA.split()  # no word cut in two
    assert last.endswith("der)? ") and not last.startswith(" ")
    assert all(line == line.strip() for line in script.said)


def test_a_prompt_that_fits_is_asked_exactly_as_before(asked_at: AskedAt) -> None:
    for prompt in ("Hvor gammel er du? ", "x" * 59 + " ", FORM_DA):
        script = asked_at(len(FORM_DA) if prompt is FORM_DA else 60, prompt)
        assert script.prompts == [prompt] and script.said == []


def test_a_word_longer_than_the_line_is_kept_whole_on_its_own_line(asked_at: AskedAt) -> None:
    long_name = "/home/someone/" + "a" * 70 + ".md"
    script = asked_at(40, f"Skriv et filnavn {long_name} eller tryk Enter: ")
    assert script.said == ["Skriv et filnavn", long_name]
    assert script.prompts == ["eller tryk Enter: "]


def test_a_prompter_that_says_through_the_console_wraps_to_its_width() -> None:
    """Every command's Prompter says through the console's sayer: the width comes with it."""
    from rich.console import Console

    from mgcheck.cli.prompts import Prompter
    from mgcheck.render.console import sayer

    assert Prompter(input, sayer(Console(width=60))).width == 60
    assert Prompter(input, print).width is None
    assert Interview(DATA, input, sayer(Console(width=72))).width == 72


@given(
    st.lists(st.text("abcæøå,.()", min_size=1, max_size=14), min_size=1, max_size=30),
    st.integers(min_value=20, max_value=100),
    st.sampled_from([" ", ": ", "? ", ""]),
)
def test_wrapped_prompts_keep_every_word_and_fit(words: list[str], width: int, end: str) -> None:
    from mgcheck.render.console import prompt_lines

    prompt = " ".join(words) + end
    lines = prompt_lines(prompt, width)
    assert " ".join(lines).split() == prompt.split()
    assert all(len(line) <= width for line in lines)
    assert lines[-1].endswith(end.strip() + (" " if end.endswith(" ") else ""))
    if len(prompt) <= width:
        assert lines == [prompt]


@pytest.mark.parametrize("width", [60, 80])
def test_every_prompt_of_a_long_danish_interview_fits_the_terminal(
    interview: RunInterview, width: int
) -> None:
    answers = ["30", "1", "n", "n", "1", "7", "j", "citrat", "400", "n", "2", ""]
    answers += ["j", "j", "j", "j", "j", "1", "3", "3", "j"]  # legs
    answers += ["j", "1", "2", "0", "1", "0", "2", "1"]  # diet
    answers += ["j", "1,7 mg/dL", "", "40", "18 %"]  # labs (no range given)
    _result, script, _asker = interview(answers, "da", width=width)
    assert all(len(prompt) <= width for prompt in script.prompts), script.prompts
    assert any(FORM_DA.startswith(said) for said in script.said)  # the form question wrapped


# --- a single choice that cannot be read is quoted whole -------------------------------------


def test_a_single_choice_answer_not_understood_is_quoted_as_typed(interview: RunInterview) -> None:
    answers = ["60", "1,5", "2", "", "", "n", "n", "", "n", "n", "n"]
    result, script, _asker = interview(answers, "da")
    assert result.sex.value == "male"
    assert any(s.startswith('Det forstod jeg ikke: "1,5".') for s in script.said), script.said
    assert not any('"5"' in s for s in script.said)
