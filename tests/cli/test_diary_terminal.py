"""The diary and its trial in a real pseudo-terminal: the questions a person answers (issues 12
and 13). "Today" is fixed with MGCHECK_TODAY so that the plan and its dates are always the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest

if TYPE_CHECKING:
    from conftest import Terminal


@pytest.mark.slow
def test_diary_add_asks_form_and_amount_and_asks_before_replacing(terminal: Terminal) -> None:
    """Legs (12 is asked again), sleep skipped, magnesium taken: the label's form and amount as
    the interview asks them, the hydrate left open (the range is kept), a note."""
    child = terminal.spawn("diary", "add", "--date", "2026-11-20", "--lang", "da")
    out = terminal.answer_all(
        child, ["12", "6", "", "j", "magnesiumcitrat", "400 mg", "", "n", "", "kaffe"]
    )
    assert child.exitstatus == 0
    assert "Natten til 21. november 2026" in out
    assert "Skriv et helt tal fra 0 til 10" in out
    assert "Hvilken type magnesium står der på pakken" in out
    assert "Etiketten siger ikke, hvilket magnesiumcitrat det er" in out
    assert "Gemt: natten til 21. november 2026, ben 6, 45,3–64,7 mg magnesium (et interval" in out
    again = terminal.spawn("diary", "add", "--date", "2026-11-20", "--legs", "2", "--lang", "da")
    out = terminal.answer_all(again, ["n"])
    assert again.exitstatus == 0
    assert "Natten til 21. november 2026 har allerede et notat (ben 6). Erstat det?" in out
    assert "Intet er ændret." in out


@pytest.mark.slow
def test_diary_add_takes_ved_ikke_and_picks_a_variant(terminal: Terminal) -> None:
    child = terminal.spawn("diary", "add", "--date", "2026-11-21", "--lang", "da")
    out = terminal.answer_all(child, ["3", "", "j", "ved ikke", "400", "2", "ved ikke", ""])
    assert child.exitstatus == 0, out
    assert "Gemt: natten til 22. november 2026, ben 3," in out and "(et interval" in out
    chosen = terminal.spawn("diary", "add", "--date", "2026-11-22", "--lang", "da")
    out = terminal.answer_all(chosen, ["3", "", "j", "citrat", "400", "", "n", "2", ""])
    assert chosen.exitstatus == 0, out
    assert "Gemt: natten til 23. november 2026, ben 3, 47,6 mg magnesium." in out


@pytest.mark.slow
def test_planning_a_trial_in_danish_with_the_safety_check(
    terminal: Terminal, tmp_path: Path
) -> None:
    """67, a woman, kidney disease: the self-check's own finding, then the doctor's yes, the
    dose as the interview asks it, and the difference that would matter."""
    child = terminal.spawn(
        "diary", "trial", "plan", "--lang", "da", "--seed", "7", today="2026-11-30"
    )
    child.expect("Først et kort sikkerhedstjek")
    out = terminal.answer_all(
        child,
        # age, sex, conditions, medicines, asked a doctor?, form, amount, how many,
        # magnesium itself?, the variant (Enter: keep the range), what would matter
        ["67", "1", "1", "", "j", "magnesiumcitrat", "400 mg", "", "n", "", "1,5"],
    )
    assert child.exitstatus == 0, out
    assert "Sikkerhedstjek: tal med din læge før dette forsøg." in out
    assert "Nyresygdom" in out and "Nyrerne skiller sig af med overskydende magnesium" in out
    assert "Har du spurgt din læge, og er lægen enig i dette forsøg? [j/n]" in out
    assert "Forsøgsplan 1, lavet 30. november 2026" in out
    assert "En forskel på 1,5 point i dit tal for benene om natten." in out
    # Without a run-in in the diary the first period comes after 14 nights of it.
    assert "Forperiode: De 14 nætter før første periode" in " ".join(out.split())
    assert "Den første nat: natten til 16. december 2026: uge 1 af 12" in " ".join(out.split())
    from mgcheck.store.diary import open_existing

    diary = open_existing()  # the child used this test's MGCHECK_HOME (tests/conftest.py)
    assert diary is not None
    with diary:
        (plan,) = diary.plans()
    assert plan.screen == ("doctor-first-kidney",) and plan.doctor_ok and plan.matters == 1.5


@pytest.mark.slow
def test_no_to_the_doctor_plans_nothing_and_ctrl_c_exits_130(terminal: Terminal) -> None:
    child = terminal.spawn("diary", "trial", "plan", "--lang", "da", today="2026-11-30")
    out = terminal.answer_all(child, ["50", "2", "", "6", "n"])  # a man of 50 on digoxin (the 6th)
    assert child.exitstatus == 0
    assert "Digoxin" in out or "digoxin" in out
    assert "Spørg din læge først; intet blev planlagt." in out
    stopped = terminal.spawn("diary", "trial", "plan", "--lang", "da", today="2026-11-30")
    stopped.expect("Hvor gammel er du")
    terminal.reading(stopped)
    stopped.sendintr()
    stopped.expect(pexpect.EOF)
    stopped.close()
    assert stopped.exitstatus == 130
    assert "Traceback" not in str(stopped.before)


@pytest.mark.slow
def test_a_dose_above_the_limit_is_asked_again_not_the_end_of_the_interview(
    terminal: Terminal,
) -> None:
    """After the safety check and every answer, a dose over the limit said why and exited 2;
    at a terminal the person is told why and asked for the dose again."""
    child = terminal.spawn(
        "diary", "trial", "plan", "--lang", "da", "--seed", "7", today="2026-11-30"
    )
    out = terminal.answer_all(
        child,
        # age, sex (a man), conditions, medicines; form, amount, how many, magnesium itself? (4 g
        # of magnesium, over the limit); asked again: form, amount, how many, magnesium
        # itself?, the variant; what would matter
        [
            *("40", "2", "", "", "magnesiumcitrat", "4000 mg", "", "j"),
            *("magnesiumcitrat", "400 mg", "", "n", "", "1,5"),
        ],
    )
    assert child.exitstatus == 0, out
    assert "over den øvre grænse" in out
    assert "Forsøgsplan 1, lavet 30. november 2026" in out
