"""`mgcheck assess` in a real pseudo-terminal: full runs in Danish and English, Ctrl-C, Ctrl-D."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest

from mgcheck.vocab import LEGACY_VALUES, Symptom

if TYPE_CHECKING:
    from conftest import Terminal


# What mgcheck says when it has to ask again: none of it may appear when the answers are
# the ordinary ones of issue 12.
REASKED = re.compile(
    r"Det forstod jeg ikke|I did not understand|Skriv (et helt tal|et tal|tal \(|tallet)|"
    r"Type (a whole|a number|the number|numbers \()|Svar j|Answer y|Vælg det|Choose what|"
    r"Brug et navn|Use a name"
)


@pytest.mark.slow
def test_a_full_run_in_danish(terminal: Terminal) -> None:
    child = terminal.spawn("assess", "--lang", "da")
    child.expect("Hvor gammel er du")
    child.sendline("52")
    out = terminal.answer_all(
        child,
        # sex, pregnant, breastfeeding, conditions, medicines, supplement?, considering?,
        # symptoms, legs?, four criteria, look-alikes, days, distress, sleep, diet?, labs?,
        # ferritin: none for magnesium, 40, and no transferrin saturation
        [
            *("1", "n", "n", "", "", "n", "j", "", "j"),
            *("j", "j", "j", "j", "", "3", "3", "j"),
            *("n", "j", "", "40", ""),
            *("", ""),  # keep neither the report nor the answers
        ],
    )
    assert child.exitstatus == 0
    assert "Dette er ikke en diagnose." in out
    assert "Tal med en læge" in out
    assert "Dit ferritin er lavt for urolige ben" in out
    assert "Gå til egen læge med dine ben" in out


@pytest.mark.slow
def test_a_full_run_in_english_with_a_bad_answer(terminal: Terminal) -> None:
    child = terminal.spawn("assess", "--lang", "en")
    child.expect("How old are you")
    child.sendline("old")
    child.expect("Type a whole number from 1 to 120, e.g. 67.")
    out = terminal.answer_all(
        child,
        [
            *("70", "2", "", "", "y", "oxide", "500", "n", "2"),
            *("muscle weakness, 99", "", "n", "n", "n", "", ""),
        ],
    )
    assert child.exitstatus == 0
    offered = [s for s in Symptom if s.value not in LEGACY_VALUES]
    assert 'I did not understand: "99".' in out
    assert f"Type numbers (1-{len(offered)}) or words" in out
    assert "Your supplement is above the upper limit" in out
    assert "You are more likely to run low on magnesium" not in out  # above the limit: no


def _run_in_words(terminal: Terminal, lang: str, answers: list[str], tmp_path: Path) -> str:
    """A whole self-check answered as people answer; every prompt gets exactly one answer, so
    a re-ask would leave an answer over and the run would not end (counted: zero)."""
    child = terminal.spawn("assess", "--lang", lang, cwd=tmp_path, timeout=15)
    out = terminal.answer_all(child, answers)
    assert child.exitstatus == 0, out[-2000:]
    assert not REASKED.search(out), REASKED.search(out)
    return out


@pytest.mark.slow
def test_danish_answers_in_words_units_and_ved_ikke_need_no_reask(
    terminal: Terminal, tmp_path: Path
) -> None:
    out = _run_in_words(
        terminal,
        "da",
        [
            *("67 år", "kvinde", "nyresygdom", "furosemid og omeprazol"),
            *("ja", "magnesiumcitrat", "400 mg", "ved ikke", "2 tabletter"),
            *("", "jo", "ja", "ja", "ja", "ja", "", "2-3", "3", "en del", "ja"),  # legs
            *("ja", "½", "1,5", "0", "1/4", "2-3", "2", "1"),  # diet
            *("ja", "1,02 mmol/l", "ved ikke", "18 µg/l", "ved ikke"),  # labs (range: ved ikke)
            *("", ""),
        ],
        tmp_path,
    )
    assert "Er det 2 eller 3?" in out  # a range of days is asked back, once
    assert "Jeg regner med 2,5, midt mellem 2 og 3." in out  # portions: the middle, said
    assert "Er 400 mg selve magnesium, giver dit tilskud 800 mg" in out  # both readings
    assert "Dit ferritin er lavt for urolige ben" in out
    assert "Kør mgcheck igen:" in out


@pytest.mark.slow
def test_english_answers_in_words_units_and_dont_know_need_no_reask(
    terminal: Terminal, tmp_path: Path
) -> None:
    out = _run_in_words(
        terminal,
        "en",
        [
            *("52 years", "woman", "no", "no", "none", "omeprazole, metoclopramide"),
            *("yes", "Magnesium bisglycinate 100 mg elemental", "two"),
            *("nothing", "yes", "yes", "yes", "yes", "yes", "leg cramps", "3 days"),
            *("a little", "no", "no"),
            *("yes", "0.8", "", "don't know", "18 ng/ml", "18 %"),  # which unit? Enter; range?
            *("", ""),
        ],
        tmp_path,
    )
    assert "Which unit does it give (mmol/L, mg/dL, mEq/L; press Enter for mmol/L)?" in out
    assert "How many mg" not in out  # the label's amount came with the form
    assert "Is that mg of magnesium itself" not in out  # and "elemental" with it
    assert "Magnesium bisglycinate" not in out or "100 mg" in out


@pytest.mark.slow
def test_a_word_that_fits_several_medicines_gets_one_question_back(
    terminal: Terminal, tmp_path: Path
) -> None:
    child = terminal.spawn("assess", "--lang", "da", cwd=tmp_path, timeout=15)
    for reply in ("67", "mand", "", "vanddrivende og omeprazol"):
        child.expect(terminal.PROMPT_END)
        child.sendline(reply)
    child.expect('Hvad mener du med "vanddrivende"\\?')
    child.expect("loop-diuretikum")
    child.expect('Numrene, eller "ingen af dem": ')
    child.sendline("2")
    child.expect("Tager du magnesiumtilskud for tiden\\?")
    child.sendline("n")
    out = terminal.answer_all(child, ["n", "", "n", "n", "n", "", ""])
    assert child.exitstatus == 0
    assert "og vanddrivende medicin: loop-diuretikum (fx furosemid, bumetanid)" in out
    assert not REASKED.search(out)


@pytest.mark.slow
def test_the_report_and_the_answers_are_kept_and_the_answers_run_again(
    terminal: Terminal, tmp_path: Path
) -> None:
    (tmp_path / "rapport.md").write_text("mine\n", encoding="utf-8")
    child = terminal.spawn("assess", "--lang", "da", cwd=tmp_path, timeout=15)
    answers = ["40", "mand", "", "", "nej", "nej", "", "nej", "nej", "nej"]
    answers += ["rapport.md", "nej", "rapport.html", "svar"]
    out = terminal.answer_all(child, answers)
    assert child.exitstatus == 0
    assert "rapport.md findes allerede. Erstat den?" in out
    assert (tmp_path / "rapport.md").read_text(encoding="utf-8") == "mine\n"  # not replaced
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    kept = tmp_path / "svar.yaml"  # ".yaml" added to a name without an ending
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert f"Rapporten er gemt: {tmp_path / 'rapport.html'}" in out
    # The "next time" line runs as printed, in a shell, in the person's folder.
    again_line = re.search(r"Næste gang, med disse svar: (.+? assess --answers svar\.yaml)", out)
    assert again_line is not None, out[-600:]
    rerun = subprocess.run(
        ["sh", "-c", again_line.group(1) + " --json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert '"schema": "mgcheck.report"' in rerun.stdout
    again = terminal.spawn("assess", "--answers", "svar.yaml", "--lang", "da", cwd=tmp_path)
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    assert "Ser fint ud" in str(again.before)


@pytest.mark.slow
def test_ctrl_c_exits_130_with_a_short_message(terminal: Terminal) -> None:
    child = terminal.spawn("assess", "--lang", "en")
    child.expect("How old are you")
    terminal.reading(child)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    shown = child.logfile_read.getvalue()
    assert "Traceback" not in shown
    # The line the prompt was on ends: nothing after it is glued to "^C".
    assert re.search(r"How old are you\? (\^C)?\r\n", shown), repr(shown[-200:])


@pytest.mark.slow
def test_ctrl_d_is_a_clear_error(terminal: Terminal) -> None:
    child = terminal.spawn("assess", "--lang", "da")
    child.expect("Hvor gammel er du")
    child.sendline("40")
    child.expect("Tal eller ord: ")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    before = str(child.before)
    assert "input sluttede, før spørgsmålene var færdige" in before
    assert "Traceback" not in before
