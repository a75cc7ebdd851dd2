"""`mgcheck assess` in a real pseudo-terminal: full runs in Danish and English, Ctrl-C, Ctrl-D."""

from __future__ import annotations

import io
import os
import sys

import pexpect
import pytest

from mgcheck.vocab import LEGACY_VALUES, Symptom

PROMPT_END = r"(\? |\] |: )$"


def spawn(*args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "TERM"}}
    env.update({"TERM": "dumb", "COLUMNS": "100"})
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mgcheck", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 100),
    )
    child.logfile_read = io.StringIO()
    return child


def answer_all(child: pexpect.spawn, answers: list[str]) -> str:
    """Answer each prompt in turn; return everything the terminal showed, as one line."""
    for reply in answers:
        child.expect(PROMPT_END)
        child.sendline(reply)
    child.expect(pexpect.EOF)
    child.close()
    shown = child.logfile_read.getvalue()
    return " ".join(shown.replace("│", " ").split())


@pytest.mark.slow
def test_a_full_run_in_danish() -> None:
    child = spawn("assess", "--lang", "da")
    child.expect("Hvor gammel er du")
    child.sendline("52")
    out = answer_all(
        child,
        # sex, pregnant, breastfeeding, conditions, medicines, supplement?, considering?,
        # symptoms, legs?, four criteria, look-alikes, days, distress, sleep, diet?, labs?,
        # ferritin: none for magnesium, 40, and no transferrin saturation
        [
            *("1", "n", "n", "", "", "n", "j", "", "j"),
            *("j", "j", "j", "j", "", "3", "3", "j"),
            *("n", "j", "", "40", ""),
        ],
    )
    assert child.exitstatus == 0
    assert "Dette er ikke en diagnose." in out
    assert "Tal med en læge" in out
    assert "Dit ferritin er lavt for urolige ben" in out
    assert "Gå til egen læge med dine ben" in out


@pytest.mark.slow
def test_a_full_run_in_english_with_a_bad_answer() -> None:
    child = spawn("assess", "--lang", "en")
    child.expect("How old are you")
    child.sendline("old")
    child.expect("Write a whole number from 1 to 120.")
    out = answer_all(
        child,
        [
            *("70", "2", "", "", "y", "oxide", "500", "n", "2"),
            *("muscle weakness", "99", "", "n", "n", "n"),
        ],
    )
    assert child.exitstatus == 0
    offered = [s for s in Symptom if s.value not in LEGACY_VALUES]
    assert f"Write numbers from 1 to {len(offered)}" in out
    assert "Get help now" not in out  # no symptom was chosen in the end
    assert "Your supplement is above the upper limit" in out
    assert "You are more likely to run low on magnesium" not in out  # above the limit: no


@pytest.mark.slow
def test_ctrl_c_exits_130_with_a_short_message() -> None:
    child = spawn("assess", "--lang", "en")
    child.expect("How old are you")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in str(child.before)


@pytest.mark.slow
def test_ctrl_d_is_a_clear_error() -> None:
    child = spawn("assess", "--lang", "da")
    child.expect("Hvor gammel er du")
    child.sendline("40")
    child.expect("Nummer: ")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    before = str(child.before)
    assert "input sluttede, før spørgsmålene var færdige" in before
    assert "Traceback" not in before
