"""Everything mgcheck prints: no raw control codes, escaped reports, closed streams and pipes.

Issue 10, points 3, 7, 8, 12 (streams, encodings) and 14.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from hostile_kit import assert_clean, assert_refused, error_lines, mgcheck

from mgcheck.models.diary import Entry
from mgcheck.store.datafiles import FOODS_FILE
from mgcheck.store.diary import open_diary

if TYPE_CHECKING:
    from conftest import Cli, Typed

# Window title, an OSC 8 link, clear screen, a C1 CSI (clear screen again) and a bell.
HOSTILE = "A\x1b]0;owned\x07B\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\C\x1b[2JD\x9b2JE\x07"
GOOD_ANSWERS = "age: 52\nsex: female\n"


def _note(note: str, night: dt.date = dt.date(2026, 11, 1)) -> None:
    with open_diary() as diary:
        diary.add(Entry(night, 4, None, 0.0, note))


# --- 7. terminal injection ---------------------------------------------------------------------


def test_a_hostile_note_is_made_visible_in_the_table_and_escaped_in_json(cli: Cli) -> None:
    _note(HOSTILE)
    table = cli.run("diary", "list")
    assert table.exit_code == 0
    assert_clean(table.stdout, table.stderr)
    assert "␛]0;owned␇B" in table.stdout  # visible, not obeyed
    document = cli.run("diary", "list", "--json")
    assert_clean(document.stdout)
    assert "\\u009b" in document.stdout
    assert json.loads(document.stdout)["entries"][0]["note"] == HOSTILE  # JSON loses nothing


def test_a_hostile_note_is_made_visible_when_the_export_goes_to_a_terminal(
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _note(HOSTILE)
    monkeypatch.setattr("mgcheck.render.console.stdout_is_terminal", lambda: True)
    assert_clean(cli.run("diary", "export").stdout)
    assert_clean(cli.run("diary", "export", "--format", "json").stdout)


def _hostile_foods(tmp_path: Path) -> Path:
    data = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))
    data["foods"][0]["name"]["en"] = "Seeds " + HOSTILE
    data["foods"][0]["note"] = {"da": HOSTILE, "en": HOSTILE}
    path = tmp_path / "foods.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_hostile_food_table_is_made_visible_and_escaped(cli: Cli, tmp_path: Path) -> None:
    path = _hostile_foods(tmp_path)
    table = cli.run("foods", "--foods", str(path), "--top", "0")
    assert table.exit_code == 0, table.output
    assert_clean(table.stdout)
    assert "Seeds A␛]0;owned" in table.stdout
    document = cli.run("foods", "--foods", str(path), "--json", "--top", "0")
    assert_clean(document.stdout)
    assert HOSTILE in [f["note"] for f in json.loads(document.stdout)["foods"]]


@pytest.mark.parametrize(
    ("args", "content"),
    [
        (["diary", "import"], "night,legs\n" + HOSTILE + ",4\n"),
        (["diary", "import"], "night,legs,\x1b[2J\n2026-11-01,4,1\n"),
        (["assess", "--answers"], GOOD_ANSWERS + "\x1b]0;owned\x07: 1\n"),
        (["foods", "--foods"], 'schema_version: 1\nfoods:\n  - id: "\x1b[2J"\n'),
    ],
    ids=["csv-night", "csv-column", "answers-key", "foods-id"],
)
def test_file_contents_echoed_in_an_error_are_made_visible(
    cli: Cli, tmp_path: Path, args: list[str], content: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_text(content, encoding="utf-8")
    result = cli.run(*args, str(path))
    assert_refused(result)


def test_a_hostile_file_name_in_an_error_is_one_visible_line(cli: Cli, tmp_path: Path) -> None:
    name = str(tmp_path / "x\x1b]0;owned\x07\nmgcheck: all fine\r.csv")
    result = cli.run("diary", "import", name)
    assert_refused(result, "cannot read the file")


def test_hostile_text_in_arguments_is_made_visible_in_errors(cli: Cli) -> None:
    assert_refused(cli.run("dose", "\x1b[2J\x9b2J", "400"), "unknown form")
    assert_refused(cli.run("warnings", "--section", "\x1b]0;x\x07"), "no section")
    assert_refused(cli.run("diary", "add", "--date", "\x1b[2J", "--legs", "3"), "not a date")


def test_the_search_words_echoed_back_are_made_visible(cli: Cli) -> None:
    result = cli.run("foods", "--all", "--search", "zzqx\x1b]0;owned\x07")
    assert result.exit_code == 0
    assert_clean(result.stdout)


# --- 8. report injection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "form",
    ["citrate\n\n# !!!\n", "citrate\x07\x1b", "citrate\u2028# !!!", "citrate\x9b"],
    ids=["newline-heading", "controls", "line-separator", "c1"],
)
def test_a_form_name_is_a_name(cli: Cli, tmp_path: Path, form: str) -> None:
    path = tmp_path / "answers.json"
    document = {"age": 52, "sex": "female", "magnesium": {"form": form, "amount_mg": 400}}
    path.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "report.md"
    result = cli.run("assess", "--answers", str(path), "--output", str(target))
    assert_refused(result, "magnesium.form")
    assert not target.exists()


def test_a_form_name_typed_in_the_interview_is_checked_too(
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The interview accepts a name that means a known form; the model still refuses controls."""

    from mgcheck.cli.prompts import Interview

    answers = {"age": 52, "sex": "female", "magnesium": {"form": "citrate\x1b[2J", "amount_mg": 4}}
    monkeypatch.setattr(Interview, "run", lambda self: answers)
    monkeypatch.setattr("mgcheck.context.stdin_is_terminal", lambda: True)
    assert_refused(cli.run("assess"), "your answers: magnesium.form")


def test_markdown_reports_escape_what_the_answers_say(cli: Cli, tmp_path: Path) -> None:
    from mgcheck.render.document import markdown_text

    # What Markdown would act on is escaped; what it would not ("(", "#" inside a line, "!")
    # is left as it is, so prose has no stray backslashes.
    assert markdown_text("*a* [x](http://e) <b> _a_ `c` #1 \\ !") == (
        "\\*a\\* \\[x\\](http\\://e) \\<b> \\_a\\_ \\`c\\` #1 \\\\ !"
    )
    path = tmp_path / "answers.yaml"
    # Punctuation does not change which form a name means, so this is citrate.
    path.write_text(
        GOOD_ANSWERS + "magnesium: {form: '_*<citrate>*_', amount_mg: 400}\n", encoding="utf-8"
    )
    target = tmp_path / "r.md"
    result = cli.run("assess", "--answers", str(path), "--output", str(target))
    assert result.exit_code == 0, result.output
    content = target.read_text(encoding="utf-8")
    # The report names the form as mgcheck knows it, never the name as typed.
    assert "| Magnesium citrate | 400\u00a0mg" in content
    assert "<citrate>" not in content and "_*" not in content


# --- 3. assess --output never replaces a file silently ---------------------------------------


@pytest.fixture
def answers(tmp_path: Path) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD_ANSWERS, encoding="utf-8")
    return str(path)


def test_an_existing_report_is_not_replaced_without_force(
    cli: Cli, tmp_path: Path, answers: str
) -> None:
    target = tmp_path / "report.md"
    target.write_text("my own notes", encoding="utf-8")
    target.chmod(0o644)
    result = cli.run("assess", "--answers", answers, "--output", str(target))
    assert_refused(result, "already exists", "--force")
    assert target.read_text(encoding="utf-8") == "my own notes"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert (
        cli.run("assess", "--answers", answers, "--output", str(target), "--force").exit_code == 0
    )
    assert target.read_text(encoding="utf-8").startswith("# mgcheck report")


@pytest.mark.parametrize(
    ("lang", "answer", "replaced"),
    [("en", "n", False), ("en", "y", True), ("da", "j", True), ("da", "nej", False)],
)
def test_in_a_terminal_mgcheck_asks_before_replacing_a_report(
    cli: Cli,
    typed: Typed,
    tmp_path: Path,
    answers: str,
    lang: str,
    answer: str,
    replaced: bool,
) -> None:
    script = typed(answer)
    target = tmp_path / "report.md"
    target.write_text("my own notes", encoding="utf-8")
    result = cli.run("assess", "--answers", answers, "--output", str(target), "--lang", lang)
    assert result.exit_code == 0, result.output
    assert ("[j/n]" if lang == "da" else "[y/n]") in script.prompts[0]
    assert (target.read_text(encoding="utf-8") != "my own notes") is replaced


def test_a_report_file_that_appears_while_writing_is_not_replaced(
    cli: Cli, tmp_path: Path, answers: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked at the moment of writing too (a hard link cannot replace), not only up front."""
    from mgcheck.render import report as files

    target = tmp_path / "report.md"
    original = files.render_file

    def render_then_race(*args: object, **kwargs: object) -> str:
        target.write_text("written meanwhile", encoding="utf-8")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "render_file", render_then_race)
    result = cli.run("assess", "--answers", answers, "--output", str(target))
    assert_refused(result, "already exists")
    assert target.read_text(encoding="utf-8") == "written meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml", "report.md"]


# --- 12. closed streams and other encodings --------------------------------------------------


def test_version_with_stdout_closed_is_one_line_and_exit_2() -> None:
    out = mgcheck("--version", shell_redirect=">&-")
    assert out.returncode == 2, out
    assert error_lines(out.stderr.decode()) == ["mgcheck: standard output is closed."]


@pytest.mark.parametrize(
    ("args", "redirect", "code"),
    [
        (["warnings"], ">&-", 2),
        (["foods", "--top", "3"], "2>&-", 0),
        (["foods", "--foods", "/nonexistent.yaml"], "2>&-", 2),
        (["diary", "add", "--legs", "3"], "<&-", 0),
        (["assess"], "<&-", 2),
        (["assess", "--answers", "-"], "<&-", 2),
        (["diary", "forget", "--all"], "<&-", 2),
    ],
    ids=[
        "stdout",
        "stderr-ok",
        "stderr-error",
        "stdin-add",
        "stdin-assess",
        "stdin-answers",
        "stdin-forget",
    ],
)
def test_closed_standard_streams(args: list[str], redirect: str, code: int) -> None:
    if args[0] == "diary":
        _note("something to forget")
    out = mgcheck(*args, shell_redirect=redirect)
    assert out.returncode == code, out
    stderr = out.stderr.decode()
    assert len(error_lines(stderr)) == (1 if code == 2 and "2>" not in redirect else 0)


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_stdout_that_is_not_utf8_gets_what_it_can_show(encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    commands = [["warnings"], ["foods", "--lang", "da"], ["sources"], ["diary", "list"]]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda args: mgcheck(*args, env=env), commands))
    for out in results:
        assert out.returncode == 0, out.stderr
        assert out.stderr == b""
    data = mgcheck("foods", "--json", "--lang", "da", env=env)
    assert data.returncode == 0
    reference = mgcheck("foods", "--json", "--lang", "da")
    assert json.loads(data.stdout) == json.loads(reference.stdout)  # lossless: \u escapes


# --- 14. a reader that goes away -------------------------------------------------------------


def _reader_gone(args: list[str]) -> tuple[int, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "mgcheck", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: every write fails with EPIPE
    stderr = process.stderr.read().decode()
    return process.wait(timeout=60), stderr


def test_a_closed_pipe_is_exit_0_everywhere() -> None:
    with open_diary() as diary:
        diary.import_entries(
            Entry(dt.date(2026, 1, 1) + dt.timedelta(days=i), i % 11) for i in range(300)
        )
    commands = [
        ["warnings"],
        ["--help"],
        ["sources"],
        ["foods"],
        ["diary", "list", "--all"],
        ["diary", "export"],
        ["foods", "--json"],
    ]
    with ThreadPoolExecutor(4) as pool:
        results = dict(zip(map(" ".join, commands), pool.map(_reader_gone, commands), strict=True))
    assert results == dict.fromkeys(results, (0, ""))
