"""Keeping the report and the answers after an interactive self-check, and how to run again."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mgcheck.cli.keep import ANSWERS_SUFFIXES, REPORT_SUFFIXES, _keep
from mgcheck.cli.prompts import Prompter
from mgcheck.context import how_to_run
from mgcheck.models.answers import Answers
from mgcheck.render.example import answers_yaml
from mgcheck.store.answers import parse_answers

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Script

    Keep = Callable[..., tuple[str | None, Script]]


@pytest.fixture
def keep(script: type[Script]) -> Keep:
    """``keep(answers, folder)``: the report kept in ``folder`` with these answers typed; the
    name kept (None for nothing) and the Script."""

    def keep(
        answers: list[str], folder: Path, suffixes: tuple[str, ...] = REPORT_SUFFIXES
    ) -> tuple[str | None, Script]:
        typed = script(*answers)
        asker = Prompter(typed.read, typed.say)
        old = Path.cwd()
        os.chdir(folder)
        try:
            kept = _keep(
                asker,
                "File? ",
                suffixes,
                lambda suffix: f"content {suffix}\n",
                "Saved: {file}",
                default=f"mgcheck-report{suffixes[0]}",
                added="Saved with the first ending: {file}",
            )
            return (None if kept is None else str(kept)), typed
        finally:
            os.chdir(old)

    return keep


def test_enter_keeps_nothing(keep: Keep, tmp_path: Path) -> None:
    assert keep([""], tmp_path)[0] is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("said", ["nej", "Nej tak", "n", "no", "ved ikke", "nej, ikke nu"])
def test_no_keeps_nothing(keep: Keep, tmp_path: Path, said: str) -> None:
    """The question sounds like yes or no, and people answer it so: "nej" is not a file name
    (it saved nej.md, health data written after the person said no)."""
    assert keep([said], tmp_path)[0] is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("said", ["ja", "Ja tak", "j", "yes", "jo"])
def test_yes_keeps_it_under_the_offered_name(keep: Keep, tmp_path: Path, said: str) -> None:
    name, _script = keep([said], tmp_path)
    assert name == "mgcheck-report.html"
    assert (tmp_path / "mgcheck-report.html").read_text(encoding="utf-8") == "content .html\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mgcheck-report.html"]


def test_a_name_without_an_ending_gets_a_web_page_said_so_and_the_file_is_private(
    keep: Keep, tmp_path: Path
) -> None:
    """A report called "inge-svar" became inge-svar.md, which she could not open: a name
    without an ending gets the ending anyone can open (.html), and the line says so."""
    name, script = keep(["rapport"], tmp_path)
    assert name == "rapport.html"
    path = tmp_path / "rapport.html"
    assert path.read_text(encoding="utf-8") == "content .html\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert script.said == [f"Saved with the first ending: {path}"]


def test_a_name_under_the_home_folder_is_expanded(
    keep: Keep, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    name, _script = keep(["~/inge-svar.md"], tmp_path)
    assert name == str(home / "inge-svar.md")
    assert (home / "inge-svar.md").read_text(encoding="utf-8") == "content .md\n"
    assert not (tmp_path / "~").exists()


def test_an_unknown_ending_and_a_folder_are_asked_again(keep: Keep, tmp_path: Path) -> None:
    (tmp_path / "sub.md").mkdir()
    name, script = keep(["r.pdf", "sub.md", "r.html"], tmp_path)
    assert name == "r.html"
    assert script.said[0] == "Use a name ending in .html, .md, .txt or .json."
    assert script.said[1] == "sub.md is a folder; type a file name."


def test_an_existing_file_is_replaced_only_after_yes(keep: Keep, tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text("mine\n", encoding="utf-8")
    name, _script = keep(["r.md", "nej", "r.md", "ja"], tmp_path)
    assert name == "r.md"
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == "content .md\n"
    (tmp_path / "s.md").write_text("mine\n", encoding="utf-8")
    assert keep(["s.md", "n", ""], tmp_path)[0] is None
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == "mine\n"


def test_a_file_that_cannot_be_written_is_said_and_asked_again(keep: Keep, tmp_path: Path) -> None:
    name, script = keep(["no/such/folder/r.md", "r.txt"], tmp_path)
    assert name == "r.txt"
    assert "cannot write the report" in script.said[0]


def test_input_ending_keeps_nothing_quietly(keep: Keep, tmp_path: Path) -> None:
    assert keep([], tmp_path)[0] is None


@pytest.mark.parametrize(
    "answers",
    [
        {"age": 52, "sex": "female"},
        {
            "age": 67,
            "sex": "female",
            "conditions": ["kidney_disease"],
            "medicines": ["loop_diuretic", "ppi"],
            "magnesium": {
                "form": 'Magnesium "bis": glycinat, yes',
                "amount_mg": 400.5,
                "elemental": "unknown",
                "per_day": 2,
            },
            "legs": {
                "urge_to_move": True,
                "worse_at_rest": True,
                "better_when_moving": False,
                "worse_evening_night": True,
                "look_alikes": ["cramp_knot"],
                "days_per_week": 3,
                "distress": "none",
            },
            "diet": {"fish": 0.5, "nuts_seeds": 2.5},
            "labs": {
                "magnesium": {"value": 0.8, "unit": "mmol/L"},
                "ferritin": {"value": 18.0, "unit": "µg/L"},
                "transferrin_saturation": {"value": 18, "unit": "%"},
            },
        },
    ],
)
def test_saved_answers_read_back_the_same(answers: dict[str, object]) -> None:
    original = Answers.model_validate(answers)
    text = answers_yaml(original, dt.date(2026, 1, 2))
    assert parse_answers(text.encode("utf-8"), "answers.yaml") == original
    assert ANSWERS_SUFFIXES[0] == ".yaml"


def test_how_to_run_names_the_program_as_it_was_started(tmp_path: Path) -> None:
    """What the person would type: ``mgcheck`` when the shell finds this installation by that
    name, ``.venv/bin/mgcheck`` in the project folder, the absolute path (quoted) only when
    neither holds; ``python -m mgcheck`` only when no script is installed (issue 21)."""
    venv = tmp_path / ".venv" / "bin"
    venv.mkdir(parents=True)
    script = venv / "mgcheck"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    python = str(venv / "python")
    nowhere = lambda _name: None  # noqa: E731 (the shell finds no mgcheck)
    assert how_to_run(str(script), "/usr/bin/python3", tmp_path, nowhere) == ".venv/bin/mgcheck"
    assert how_to_run(str(script), python, tmp_path, lambda _name: str(script)) == "mgcheck"
    # Another mgcheck on the PATH is not this one.
    other = tmp_path / "other-mgcheck"
    other.write_text("#!/bin/sh\n", encoding="utf-8")
    assert how_to_run(str(script), python, tmp_path, lambda _name: str(other)) == (
        ".venv/bin/mgcheck"
    )
    elsewhere = tmp_path / "other"
    assert how_to_run(str(script), python, elsewhere, nowhere) == str(script)
    # Started as `python -m mgcheck` from a venv that has the script: the script, as typed here.
    assert how_to_run("/lib/mgcheck/__main__.py", python, tmp_path, nowhere) == (
        ".venv/bin/mgcheck"
    )
    assert how_to_run("-m", python, venv, nowhere) == "./mgcheck"
    # No script beside the interpreter: `python -m mgcheck`, quoted.
    module = "/lib/mgcheck/__main__.py"
    assert how_to_run(module, "/opt/my python/bin/python", tmp_path, nowhere) == (
        "'/opt/my python/bin/python' -m mgcheck"
    )
    # A deep folder with a space in it is quoted whole, a home folder written with ~.
    deep = tmp_path / "Mine dokumenter" / ("projekter-" * 10) / ".venv" / "bin"
    deep.mkdir(parents=True)
    (deep / "mgcheck").write_text("#!/bin/sh\n", encoding="utf-8")
    shown = how_to_run(str(deep / "mgcheck"), python, elsewhere, nowhere)
    assert shown == f"'{deep / 'mgcheck'}'"
    assert how_to_run(str(deep / "mgcheck"), python, elsewhere, nowhere, home=tmp_path) == (
        f"~/'{(deep / 'mgcheck').relative_to(tmp_path)}'"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("svar.yaml", "svar.yaml"),
        ("~/inge-svar.yaml", "~/inge-svar.yaml"),
        ("~/Mine filer/svar.yaml", "~/'Mine filer/svar.yaml'"),
        ("/srv/x y.yaml", "'/srv/x y.yaml'"),
        ("sub/../svar.yaml", "svar.yaml"),
    ],
)
def test_a_path_is_written_as_the_shell_reads_it(tmp_path: Path, typed: str, expected: str) -> None:
    """`--answers '~/inge-svar.yaml'` said "no such file": the quoted ~ is never expanded."""
    import os
    import subprocess

    from mgcheck.context import typed_path

    home = tmp_path / "home"
    cwd = home / "work"
    cwd.mkdir(parents=True)
    shown = typed_path(Path(typed.replace("~", str(home), 1)), cwd, home)
    assert shown == expected
    # And the shell turns it back into the same file.
    echoed = subprocess.run(
        ["sh", "-c", f"printf %s {shown}"],
        env={**os.environ, "HOME": str(home)},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (cwd / echoed).resolve() == (cwd / typed.replace("~", str(home), 1)).resolve()
