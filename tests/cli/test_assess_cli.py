"""`mgcheck assess` with answers files: good ones, bad ones, and every output format."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from mgcheck.models.answers import Answers

if TYPE_CHECKING:
    from conftest import Cli

GOOD = """\
age: 52
sex: female
medicines: [levothyroxine]
magnesium: {form: magnesiumcitrat, amount_mg: 400, per_day: 2}
legs:
  urge_to_move: true
  worse_at_rest: true
  better_when_moving: true
  worse_evening_night: true
  days_per_week: 3
  distress: moderate
  sleep_disturbed: true
labs:
  ferritin: {value: 40, unit: ng/mL}
"""


def write(tmp_path: Path, text: str | bytes, name: str = "answers.yaml") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_answers_file_gives_a_report(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("assess", "--answers", write(tmp_path, GOOD))
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert out.startswith("This is not a diagnosis.")
    assert out.index("Talk to a doctor") < out.index("Worth watching") < out.index("Good to know")
    assert "Your ferritin is low for restless legs" in out
    assert "Levothyroxine" in out


def test_json_shape_and_determinism(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    first = cli.run("assess", "--answers", path, "--json")
    second = cli.run("assess", "--answers", path, "--json")
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert list(data)[:6] == ["schema", "schema_version", "language", "level", "plan", "findings"]
    assert data["schema"] == "mgcheck.report"
    plan = data["plan"]  # issue 17: the one plan, at the top
    assert set(plan) == {"action", "time_frame", "explanations", "because", "rows"}
    assert set(plan["action"]) == set(plan["time_frame"]) == {"id", "title", "text"}
    assert data["level"] == "doctor"
    assert data["findings"][0]["level"] == "doctor"
    assert set(data["findings"][0]) == {"id", "level", "title", "text", "sources"}
    assert {
        "need_mg",
        "upper_limit_mg",
        "dose",
        "food_estimate",
        "legs_pattern",
        "suggested_foods",
    } <= set(data)
    assert data["need_mg"] == 300  # NNR 2023, women
    assert data["legs_pattern"] == "fits"


def test_json_from_standard_input(cli: Cli, tmp_path: Path) -> None:
    document = json.dumps(yaml.safe_load(GOOD))
    result = cli.run("assess", "--answers", "-", "--json", input=document)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["level"] == "doctor"


def test_danish_report(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("assess", "--answers", write(tmp_path, GOOD), "--lang", "da")
    out = flat(result.stdout)
    assert out.startswith("Dette er ikke en diagnose.")
    assert "Tal med en læge" in out
    assert "Dit ferritin er lavt for urolige ben" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD + "favourite_colour: blue\n", ["answers.yaml: favourite_colour: unknown key"]),
        (
            "age: fifty\nsex: female\n",
            ['answers.yaml: age: must be a whole number from 1 to 120 (the file has "fifty")'],
        ),
        (
            "age: 300\nsex: female\n",
            ["answers.yaml: age: must be a whole number from 1 to 120 (the file has 300)"],
        ),
        (
            "age: 40\nsex: male\npregnant: true\n",
            ["answers.yaml: answers: pregnant and breastfeeding apply only when sex is female"],
        ),
        (
            GOOD.replace("days_per_week: 3", "days_per_week: 9").replace(
                "amount_mg: 400", "amount_mg: -5"
            ),
            [
                "answers.yaml: magnesium.amount_mg: must be a number above 0 and at most 100,000"
                " (the file has -5)",
                "answers.yaml: legs.days_per_week: must be a whole number from 0 to 7"
                " (the file has 9)",
            ],
        ),
        ("age: 40\n", ["answers.yaml: sex: missing"]),
        (
            "age: 40\nsex: female\nconditions: [gout]\n",
            ["answers.yaml: conditions[0]: must be one of: kidney_disease, bleeding_disorder"],
        ),
        (
            "age: 40\nsex: female\nmagnesium: {form: sitrat, amount_mg: 400}\n",
            ["answers.yaml: magnesium.form: unknown form 'sitrat' (did you mean: citrate"],
        ),
        ("", ["answers.yaml: empty. See mgcheck assess --example for the format."]),
        ("age: [1\n", ["answers.yaml: not valid YAML or JSON (line"]),
        ("- 1\n- 2\n", ["answers.yaml: expected keys such as age and sex at the top level"]),
    ],
)
def test_bad_answers_one_line_per_problem(
    cli: Cli, tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = write(tmp_path, text)
    result = cli.run("assess", "--answers", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(expected)
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith("mgcheck: ")
        assert line.removeprefix("mgcheck: ").removeprefix(str(tmp_path) + "/").startswith(start)


@pytest.mark.parametrize(
    "garbage", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xfe\x00a\x00g\x00e", b"\x00" * 64]
)
def test_binary_garbage(cli: Cli, tmp_path: Path, garbage: bytes) -> None:
    result = cli.run("assess", "--answers", write(tmp_path, garbage))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "text file" in result.stderr


def test_missing_file(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("assess", "--answers", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr


def test_example_is_a_valid_answers_file_in_both_languages(cli: Cli) -> None:
    for lang, words in (("en", "whole years"), ("da", "hele år")):
        result = cli.run("assess", "--example", "--lang", lang)
        assert result.exit_code == 0
        assert words in result.stdout
        Answers.model_validate(yaml.safe_load(result.stdout))


def test_schema(cli: Cli) -> None:
    result = cli.run("assess", "--schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Answers"
    assert set(schema["required"]) == {"age", "sex"}
    assert schema["additionalProperties"] is False


def test_without_a_terminal_and_without_answers(cli: Cli) -> None:
    result = cli.run("assess", input="")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--answers FILE" in result.stderr


@pytest.mark.parametrize("suffix", [".md", ".html", ".txt", ".json"])
def test_output_files(cli: Cli, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"report{suffix}"
    result = cli.run("assess", "--answers", write(tmp_path, GOOD), "--output", str(target))
    assert result.exit_code == 0, result.output
    content = target.read_text(encoding="utf-8")
    assert "ferritin" in content.lower()
    if suffix == ".json":
        assert "aasm2024" in content  # sources named by key
    else:  # numbered citations, and the works cited in a list
        assert re.search(r"\[\d+([–,]\d+)*\]", re.sub(r"<[^>]+>", "", content))
        # Cited as a doctor cites the work (Vancouver), with its DOI.
        assert "Winkelman JW" in content and "10.5664/jcsm.11390" in content
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    if suffix == ".json":
        document = json.loads(content)
        assert document["level"] == "doctor"
        assert document["answers"][0] == {"question": "Age", "answer": "52"}
        assert "date" in document
    if suffix == ".html":
        assert content.startswith("<!DOCTYPE html>")
        assert "<script" not in content


def test_output_html_escapes_answers(cli: Cli, tmp_path: Path) -> None:
    answers = GOOD.replace("form: magnesiumcitrat", "form: unknown")
    target = tmp_path / "r.html"
    cli.run("assess", "--answers", write(tmp_path, answers), "--output", str(target))
    assert "<unknown" not in target.read_text(encoding="utf-8")


def test_output_with_an_unknown_format_is_refused_before_anything(cli: Cli, tmp_path: Path) -> None:
    result = cli.run(
        "assess", "--answers", write(tmp_path, GOOD), "--output", str(tmp_path / "r.pdf")
    )
    assert result.exit_code == 2
    assert not (tmp_path / "r.pdf").exists()


def test_a_failed_write_leaves_no_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    target = tmp_path / "report.md"
    result = cli.run("assess", "--answers", write(tmp_path, GOOD), "--output", str(target))
    assert result.exit_code == 2
    assert "the disk is full" in result.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "answers.yaml"]


def test_an_existing_report_survives_a_failed_write(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    target = tmp_path / "report.md"
    target.write_text("the old report", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", broken)
    cli.run("assess", "--answers", write(tmp_path, GOOD), "--output", str(target))
    assert target.read_text(encoding="utf-8") == "the old report"


def test_a_bad_answers_file_is_refused_in_danish_with_what_each_key_allows(
    cli: Cli,
    tmp_path: Path,
) -> None:
    """Issue 12: no English Pydantic text reaches a Danish user; every range is named."""
    path = tmp_path / "svar.yaml"
    path.write_text(
        "age: 200\nsex: robot\npregnant: ja\nmagnesium: {form: citrat, amount_mg: 0, per_day: 30}\n"
        "diet:\n  fish: 2,5\nlabs: {magnesium: {value: 0.8, unit: mmol}}\n",
        encoding="utf-8",
    )
    result = cli.run("assess", "--answers", str(path), "--lang", "da")
    assert result.exit_code == 2
    lines = [line.removeprefix(f"mgcheck: {path}: ") for line in result.stderr.splitlines()]
    assert lines == [
        "age: skal være et helt tal fra 1 til 120 (filen har 200)",
        'sex: skal være en af: female, male (filen har "robot")',
        'pregnant: skal være true eller false (filen har "ja")',
        "magnesium.amount_mg: skal være et tal over 0 og højst 100.000 (filen har 0)",
        "magnesium.per_day: skal være et helt tal fra 1 til 24 (filen har 30)",
        'diet.fish: skal være et tal fra 0 til 20 (filen har "2,5"); en fil skriver decimaler'
        " med punktum: 2.5",
        'labs.magnesium.unit: skal være en af: mmol/L, mg/dL, mEq/L (filen har "mmol")',
    ]
    assert "Input should" not in result.stderr


@pytest.mark.parametrize(
    ("make", "english", "danish"),
    [
        (lambda p: p / "missing.yaml", "no such file or folder", "filen eller mappen findes ikke"),
        (lambda p: p, "it is a folder", "det er en mappe"),
    ],
)
def test_a_file_that_cannot_be_read_is_said_in_the_runs_language(
    cli: Cli, tmp_path: Path, make: Callable[[Path], Path], english: str, danish: str
) -> None:
    """The system's reason ("No such file or directory") was shown in English in Danish runs."""
    path = str(make(tmp_path))
    assert english in cli.run("--lang", "en", "assess", "--answers", path).stderr
    danish_run = cli.run("--lang", "da", "assess", "--answers", path)
    assert danish_run.exit_code == 2
    assert danish in danish_run.stderr
    assert "No such file" not in danish_run.stderr and "directory" not in danish_run.stderr


def test_a_tab_that_breaks_the_yaml_is_named(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "age: 67\nsex: female\nlegs:\n\turge_to_move: true\n")
    result = cli.run("--lang", "da", "assess", "--answers", path)
    assert result.exit_code == 2
    assert "ikke gyldig YAML eller JSON (linje 4) (et tabulatortegn: ryk ind med mellemrum)" in (
        result.stderr
    )
