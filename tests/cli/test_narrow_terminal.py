"""Every question in a real Danish terminal of 60 and 80 columns: wrapped at spaces, never
broken mid-word by the terminal ("oxid e|ller"), in every flow that asks (the self-check, its
two save questions, diary add, diary trial plan). "Today" is fixed for the diary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest

from mgcheck.vocab import DietGroup

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from conftest import Terminal

    TooWide = Callable[[Iterable[str], int], list[str]]


def screen(terminal: Terminal, child: pexpect.spawn, answers: list[str]) -> tuple[list[str], str]:
    """Answer each prompt in turn: the lines mgcheck wrote (each answer's echo taken off, so a
    prompt's last line is measured without what was typed after it), and all of it as one line.
    """
    lines: list[str] = []
    echo = ""

    def take(shown: str) -> None:
        if echo and shown.startswith(echo):
            shown = shown[len(echo) :]
        lines.extend(shown.split("\r\n"))

    for reply in answers:
        child.expect(terminal.PROMPT_END)
        take(child.before + child.after)
        child.sendline(reply)
        echo = reply
    child.expect(pexpect.EOF)
    take(child.before)
    child.close()
    everything = child.logfile_read.getvalue()
    return lines, " ".join(everything.replace("│", " ").split())


def test_only_a_path_or_an_address_may_pass_the_width(too_wide: TooWide) -> None:
    """The rule the tests below use: the checkout's folder may be long (issue 21), the words
    around it may not."""
    deep = "/home/inge/" + "Mine-dokumenter/" * 8 + ".venv/bin/mgcheck"
    assert too_wide([f"  {deep} assess", "https://" + "x" * 80], 60) == []
    wordy = f"  {deep} assess " + "med en lang forklaring " * 3
    assert too_wide([wordy, "ord " * 16], 60) == [wordy, "ord " * 16]


@pytest.mark.slow
@pytest.mark.parametrize("columns", [60, 80])
def test_the_self_check_and_its_save_questions_fit(
    terminal: Terminal, too_wide: TooWide, columns: int, tmp_path: Path
) -> None:
    child = terminal.spawn(
        "assess", columns=columns, lang="da", today="2026-11-30", lines=50, cwd=tmp_path
    )
    lines, out = screen(
        terminal,
        child,
        [
            *("52", "1,5", "1", "n", "n", "", ""),  # age, sex ("1,5" asked again), ...
            *("j", "citrat", "400", "n", "2"),  # the supplement
            *("", "n", "j"),  # symptoms, legs?, diet?
            *("1" for _group in DietGroup),
            *("n", "", ""),  # labs?, keep neither the report nor the answers
        ],
    )
    assert child.exitstatus == 0, out[-2000:]
    assert not too_wide(lines, columns)
    assert 'Det forstod jeg ikke: "1,5".' in out
    assert "Hvilken type magnesium står der på pakken" in out
    assert "Vil du gemme dine svar" in out


@pytest.mark.slow
@pytest.mark.parametrize("columns", [60, 80])
def test_diary_add_fits_and_takes_a_score_out_of_10(
    terminal: Terminal, too_wide: TooWide, columns: int
) -> None:
    child = terminal.spawn(
        "diary",
        "add",
        "--date",
        "2026-11-20",
        columns=columns,
        lang="da",
        today="2026-11-30",
        lines=50,
    )
    lines, out = screen(
        terminal,
        child,
        # legs, sleep, magnesium?, form, amount, how many ("ved ikke": a guess, then 2),
        # magnesium itself?, which hydrate (Enter: keep the range), note
        ["7 ud af 10", "6/10", "j", "magnesiumcitrat", "400 mg", "ved ikke", "2", "n", "", ""],
    )
    assert child.exitstatus == 0, out[-2000:]
    # The questions; the closing "Gemt: …" line is typer.echo's, one line also into a pipe.
    assert not too_wide([line for line in lines if not line.startswith("Gemt:")], columns)
    assert "Giv dit bedste skøn, fx 1." in out
    assert "Gemt: natten til 21. november 2026, ben 7, søvn 6," in out


@pytest.mark.slow
def test_planning_a_trial_fits_60_columns_and_suggests_one_tablet(
    terminal: Terminal, too_wide: TooWide
) -> None:
    child = terminal.spawn(
        "diary", "trial", "plan", "--seed", "7", columns=60, lang="da", today="2026-11-30", lines=50
    )
    lines, out = screen(
        terminal,
        child,
        # age, sex, conditions, medicines, asked a doctor?, form, amount, how many (25 is too
        # many), magnesium itself?, the variant, what would matter
        ["67", "1", "1", "", "j", "magnesiumcitrat", "400 mg", "25", "", "n", "", "1,5"],
    )
    assert child.exitstatus == 0, out[-2000:]
    assert not too_wide(lines, 60)
    assert "Skriv et helt tal fra 1 til 24, fx 1." in out
    assert "Hvor mange point lavere" in out
    assert "En forskel på 1,5 point i dit tal for benene om natten." in out
