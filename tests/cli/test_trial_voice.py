"""The trial's report file speaks one voice: about the person, to whoever reads it (a doctor, or
the person showing it to one), as the self-check's part for the doctor does. The terminal still
speaks to the person. Each file is made in several states of a trial (a kept run-in, sleep,
nights off the plan and written late; not finished; blinded and stopped), so the sentences of
every branch are read, in both languages and every form."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mgcheck.models.diary import Entry
from mgcheck.models.plan import Arm, Plan
from mgcheck.store.diary import open_diary

if TYPE_CHECKING:
    from conftest import Cli

TODAY = dt.date(2026, 11, 30)
FORMS = (".md", ".txt", ".html")

# Words that speak to the reader, as whole words: "you" but not "young", "du" but not "dug",
# "din" but not "dinner", "dit" but not "kredit".
SECOND_PERSON = {
    "en": re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE),
    "da": re.compile(r"\b(du|dig|din|dit|dine|jer|jeres)\b", re.IGNORECASE),
}


def second_person(text: str, lang: str) -> list[str]:
    """The sentences of ``text`` (HTML tags and the list of works taken away: a cited title is
    not the report's voice) that hold a word speaking to the reader."""
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", text, flags=re.DOTALL)
    text = re.split(r"^(?:## |)(?:Sources|Kilder|SOURCES|KILDER)\s*$", text, flags=re.M)[0]
    sentences = re.split(r"(?<=[.!?:])\s+|\n", " ".join(text.split(" ")))
    return [s.strip() for s in sentences if SECOND_PERSON[lang].search(s)]


def test_the_check_sees_a_second_person_word_and_not_one_inside_another() -> None:
    assert second_person("Your leg score was lower.", "en") == ["Your leg score was lower."]
    assert second_person("Young legs; a kredit; dug; dinner; diten.", "da") == []
    assert second_person("Young legs; a dinner.", "en") == []
    assert second_person("Hvilket tal du giver dem.", "da") == ["Hvilket tal du giver dem."]
    assert second_person("<p>Din benscore</p>", "da") == ["Din benscore"]
    assert second_person("Text.\n## Sources\n1. A User's Guide for you.", "en") == []


def plan_trial(cli: Cli, tmp_path: Path, *extra: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("age: 45\nsex: male\n", encoding="utf-8")
    result = cli.run(
        "diary", "trial", "plan", "--answers", str(answers), "--dose", "magnesium 100 mg",
        "--seed", "7", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def the_plan() -> Plan:
    with open_diary() as diary:
        (plan,) = diary.plans()
    return plan


def on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setenv("MGCHECK_TODAY", day.isoformat())


def reports(cli: Cli, tmp_path: Path) -> dict[tuple[str, str], str]:
    """The report file in both languages and every form: (lang, suffix) -> its text."""
    out = {}
    for lang in ("en", "da"):
        for suffix in FORMS:
            target = tmp_path / f"trial-{lang}{suffix}"
            args = ("diary", "trial", "report", "--output", str(target), "--force")
            result = cli.run(*args, "--lang", lang)
            assert result.exit_code == 0, result.output
            out[lang, suffix] = target.read_text(encoding="utf-8")
    return out


def kept(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A finished trial after a kept run-in: sleep scored, two nights off the plan, three
    written a week late, one pair lost."""
    on(monkeypatch, TODAY)
    with open_diary() as diary:
        diary.import_entries(
            [
                Entry(TODAY - dt.timedelta(days=d), 5 + d % 3, 6, 0.0, written_on=TODAY)
                for d in range(1, 15)
            ]
        )
    plan_trial(cli, tmp_path)
    plan = the_plan()
    rng = random.Random(5)
    rows = []
    lost = next(p for p in plan.periods if p.pair == 2 and p.arm is Arm.NONE)
    for number, period in enumerate(plan.periods):
        if period is lost:
            continue
        for night in period.nights():
            mg = period.arm is Arm.MAGNESIUM
            took = mg != (night in (plan.periods[3].start, plan.periods[6].end))
            late = number == 8 and night.day % 3 == 0
            written = night + dt.timedelta(days=8 if late else 1)
            legs = max(0, min(10, round(6 - (2 if mg else 0) + rng.gauss(0, 1))))
            effect = "løs mave" if took and night.day == 9 else ""
            sleep, mg_taken = rng.randint(3, 8), 100.0 if took else 0.0
            rows.append(Entry(night, legs, sleep, mg_taken, side_effect=effect, written_on=written))
    with open_diary() as diary:
        diary.import_entries(rows)
    on(monkeypatch, plan.end + dt.timedelta(days=1))


def running(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan with a run-in not yet kept, looked at before its end."""
    on(monkeypatch, TODAY)
    plan_trial(cli, tmp_path)
    on(monkeypatch, the_plan().start + dt.timedelta(days=20))


def blinded_and_stopped(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on(monkeypatch, TODAY)
    sealed = str(tmp_path / "sealed.txt")
    plan_trial(cli, tmp_path, "--run-in", "0", "--blinded", "--sealed-list", sealed)
    on(monkeypatch, TODAY + dt.timedelta(days=10))
    assert cli.run("diary", "trial", "stop", "--yes", "--reason", "burden").exit_code == 0


@pytest.mark.parametrize("state", [kept, running, blinded_and_stopped])
def test_the_report_file_speaks_about_the_person_never_to_them(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: object
) -> None:
    assert callable(state)
    state(cli, tmp_path, monkeypatch)
    found = {form: second_person(text, form[0]) for form, text in reports(cli, tmp_path).items()}
    assert {form: said for form, said in found.items() if said} == {}


def test_the_kept_trial_reaches_every_branch_the_voice_test_reads(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept trial shows the sentences that differ by voice: the run-in measured, sleep, the
    late nights, the check without them, the caveats, a verdict and its chances."""
    kept(cli, tmp_path, monkeypatch)
    text = " ".join(reports(cli, tmp_path)["en", ".md"].split())
    for words in (
        "The nights before the trial (13 nights) varied by",
        "they measure how much the legs vary from night to night",
        "Nights written more than 3 days after their date: 2; after a result was first shown: 0",
        "the probability that sleep was better with magnesium is",
        "The person knew which periods held magnesium.",
        "The leg score was probably lower in the magnesium periods",
        "The probability that magnesium lowers the leg score is",
        "Counting only the nights that followed the plan",
        "5 of 6 pairs were used",
    ):
        assert words in text, words


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Your leg score was probably lower", "you said would matter to", "You knew when")),
        ("da", ("Din benscore var sandsynligvis lavere", "du sagde ville betyde", "Du vidste")),
    ],
)
def test_the_terminal_still_speaks_to_the_person(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: tuple[str, ...]
) -> None:
    kept(cli, tmp_path, monkeypatch)
    result = cli.run("diary", "trial", "result", "--lang", lang)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    for word in words:
        assert word in out, word
