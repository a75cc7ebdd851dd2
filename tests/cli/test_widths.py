"""foods, sources and assess at 60, 80 and 120 columns, in both languages (issue 12).

Through the real entry point, as a pipe: every food's name whole (never "Græskarker…"), every
web address whole on one line, no line wider than the window except such a line, and no
padding at a line's end. Then every command's help: no programmer types (``<list[str]>``),
arguments named in upper case in the help's language, option names whole at 60 columns, the
examples under their label; the two-column lists with their wrapped lines under the text (the
welcome screen, warnings, dose, foods, schemas). And --lang after a group's name.
"""

from __future__ import annotations

import atexit
import os
import re
import shlex
import shutil
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import command_tree, lines_too_wide
from forkserver import ForkServer, Plain, runner

from mgcheck.cli.app import command_names
from mgcheck.i18n import _, speaking
from mgcheck.store import snapshot

if TYPE_CHECKING:
    from conftest import Cli

    from mgcheck.i18n import Language

WIDTHS = (60, 80, 120)
EXAMPLES = "  ·  "
URL = re.compile(r"https?://\S+")


@cache
def _server() -> ForkServer | Plain:
    """``python -m mgcheck`` from a fork server (tests/forkserver.py), one per test process."""
    server = runner(dict(os.environ))
    atexit.register(server.close)
    return server


@cache
def mgcheck(width: int, lang: str, *args: str) -> str:
    """What ``mgcheck ARGS`` prints into a pipe, run as a user runs it."""
    env = {k: v for k, v in os.environ.items() if k not in {"TERM", "COLUMNS", "MGCHECK_LANG"}}
    env |= {"TERM": "dumb", "COLUMNS": str(width), "MGCHECK_LANG": lang}
    done = _server().run(list(args), env=env, cwd=Path.cwd(), stdin=b"", timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


def _fits(out: str, width: int) -> None:
    for line in out.splitlines():
        assert line == line.rstrip(" "), repr(line)
    assert not lines_too_wide(out.splitlines(), width)
    assert "…" not in out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_foods_shows_every_name_whole(width: int, lang: str) -> None:
    out = mgcheck(width, lang, "foods", "--top", "0")
    _fits(out, width)
    words = set(out.split())
    for food in snapshot.foods().foods:
        for word in getattr(food.name, lang).split():
            assert any(w.startswith(word) for w in words), (word, width)
    if width >= 120:
        assert "mg/100" in out and ("servings" in out or "portioner" in out)


@pytest.mark.parametrize("width", WIDTHS)
def test_sources_prints_every_address_whole(width: int) -> None:
    out = mgcheck(width, "da", "sources")
    _fits(out, width)
    printed = URL.findall(out)
    for source in snapshot.sources().sources:
        for url in (source.url, None if source.read_via is None else source.read_via.url):
            if url:
                assert url in printed, url


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_assess_report_fits(width: int, lang: str, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "age: 67\nsex: female\nconditions: [kidney_disease]\nmedicines: [loop_diuretic, ppi]\n"
        "magnesium: {form: citrate, amount_mg: 400, elemental: unknown, per_day: 2}\n"
        "diet: {nuts_seeds: 0.5, whole_grains: 2}\n",
        encoding="utf-8",
    )
    out = mgcheck(width, lang, "assess", "--answers", str(answers))
    _fits(out, width)
    program, *rest = shlex.split(out.rstrip().splitlines()[-1])
    assert rest == ["assess", "--answers", str(answers)]
    installed = Path(sys.executable).parent / "mgcheck"
    assert Path(shutil.which(program) or program).samefile(installed)


# --- help and two-column lists at a narrow terminal (the Danish tester's report) --------------

HELP = [([], None), *command_tree()]
HELP_IDS = [" ".join(path) or "root" for path, _command in HELP]


def _help(cli: Cli, path: list[str], lang: str, width: int) -> str:
    result = cli.run(*path, "--help", env={"MGCHECK_LANG": lang, "COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _type_words(lang: Language) -> set[str]:
    """The value kinds help may show in ``<...>``: words of the language (clicktext)."""
    with speaking(lang):
        return {_(word) for word in ("whole number", "number", "text", "file", "path")}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("path", [path for path, _c in HELP], ids=HELP_IDS)
def test_help_shows_no_programmer_types(cli: Cli, path: list[str], lang: Language) -> None:
    """No ``<list[str]>``, ``<str>`` or ``<file>`` beside Danish words: a value is shown as its
    choices (``<da|en>``) or its kind in the help's words (``<heltal>``, ``<tekst>``)."""
    out = _help(cli, path, lang, 120)
    for shown in re.findall(r"<([^<>\n]*)>", out):
        assert "|" in shown or shown in _type_words(lang), (shown, path)
    assert "{" not in out.split("\n\n")[0]  # the usage line: "FILE", not "{file}"


ARGUMENTS = [
    (["sources"], "[KILDER]...", "[SOURCES]..."),
    (["schemas"], "[DOKUMENT]", "[DOCUMENT]"),
    (["dose"], "[FORM MÆNGDE]...", "[FORM AMOUNT]..."),
    (["diary", "import"], "FIL", "FILE"),
    (["diary", "delete"], "NAT", "NIGHT"),
    (["diary", "backup"], "FIL", "FILE"),
]


@pytest.mark.parametrize(("path", "da", "en"), ARGUMENTS, ids=[" ".join(a[0]) for a in ARGUMENTS])
def test_arguments_are_named_in_the_help_language(path: list[str], da: str, en: str) -> None:
    """Upper case and in the run's language, on the usage line and in the Arguments panel."""
    for lang, name in (("da", da), ("en", en)):
        out = mgcheck(120, lang, *path, "--help")
        usage = out.strip().splitlines()[0]
        assert usage.endswith(f"] {name}"), usage
        panel = "\n".join(line for line in out.splitlines() if line.startswith("│"))
        assert re.search(rf"│ +(\* +)?{re.escape(name.strip('[].'))}", panel), (lang, panel)


def test_option_values_are_named_in_danish() -> None:
    out = mgcheck(120, "da", "diary", "trial", "plan", "--help")
    for english in ("DAYS", "TEXT", "POINTS", "FILE"):
        assert not re.search(rf"\b{english}\b", out), english


def _panels(out: str) -> str:
    return "\n".join(line for line in out.splitlines() if line.startswith("│"))


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("path", "command"), HELP, ids=HELP_IDS)
def test_help_at_60_columns_shows_every_option_name_whole(
    cli: Cli, path: list[str], command: Any, lang: Language
) -> None:
    """Help text may wrap; the names never: each option starts a row of its panel, whole, and
    a value's choices are never broken across lines (``<serving|100g|ene`` / ``rgy>``)."""
    out = _help(cli, path, lang, 60)
    if command is None:
        from typer.main import get_command

        from mgcheck.cli.app import app

        command = get_command(app)
    panels = _panels(out)
    for param in command.params:
        names = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("-")]
        if not names:
            continue
        longs = [n for n in names if n.startswith("--")]
        assert re.search(rf"^│ \*? *{re.escape(longs[0])}(  | *│)", panels, re.M), longs[0]
        for name in names:
            assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", panels), name
    assert re.search(r"^│ +--help +-h ", panels, re.M)
    assert "…" not in out
    for line in out.splitlines():
        assert len(line) <= 60, line
    for line in panels.splitlines():
        assert line.count("<") == line.count(">"), line


def _hangs(lines: list[str], first: re.Pattern[str], stop: re.Pattern[str] | None = None) -> int:
    """Check that each line ``first`` matches is followed, until a blank line, a line ``stop``
    matches or one ``first`` matches again, only by lines indented to where its text starts
    (a hanging indent); return how many lines ``first`` matched."""
    column = None
    matched = 0
    for line in lines:
        found = first.match(line)
        if found:
            column, matched = found.end(), matched + 1
        elif not line.strip() or (stop is not None and stop.match(line)):
            column = None
        elif column is not None:
            assert line[:column].strip() == "" and line[column] != " ", (column, line)
    return matched


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("path", "command"), HELP, ids=HELP_IDS)
def test_help_epilogue_hangs_under_its_text_at_60_columns(
    cli: Cli, path: list[str], command: Any, lang: Language
) -> None:
    """ " Examples:  mgcheck ..." and its wrapped lines under the first example, each example
    whole on its line, so it can be read and typed as it stands."""
    out = _help(cli, path, lang, 60)
    epilogue = out.rstrip().split("╯")[-1].splitlines()
    label = re.compile(r"^ (Examples|Eksempler|Sections|Afsnit): +")
    assert _hangs(epilogue, label) >= (1 if path else 0), out
    examples = "\n".join(epilogue).split("Examples:" if lang == "en" else "Eksempler:")[-1]
    if path:  # whole examples to a line; only one too long for the column wraps
        lines = [line.strip() for line in examples.strip().splitlines()]
        for before, line in zip(["mgcheck", *lines], lines, strict=False):
            assert line.startswith("mgcheck ") or EXAMPLES not in before, line


def _boxed(out: str) -> list[str]:
    """The lines inside a panel's border (``│ text │``), without the border; a blank line
    where a panel begins or ends."""
    return [line[2:-2] if line.startswith("│") else "" for line in out.splitlines()]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_welcome_hangs_each_summary_under_its_column(lang: str) -> None:
    out = mgcheck(60, lang)
    _fits(out, 60)
    assert _hangs(_boxed(out), re.compile(r"^  mgcheck \S+ +")) == len(command_names()) + 1


@pytest.mark.parametrize("lang", ["da", "en"])
def test_warnings_sources_and_timing_hang_at_60_columns(lang: str) -> None:
    out = mgcheck(60, lang, "warnings")
    assert all(len(line) <= 60 for line in out.splitlines())
    label = re.compile(r"^(Sources|Kilder|Timing|Tidspunkt): ")
    assert _hangs(_boxed(out), label) > 20


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "args", [["citrat", "400", "--compound"], ["glycinat", "800", "oxid", "200", "--compound"]]
)
def test_dose_lines_hang_under_their_text_at_60_columns(lang: str, args: list[str]) -> None:
    out = mgcheck(60, lang, "dose", *args)
    _fits(out, 60)
    lines = _boxed(out)
    assert _hangs(lines, re.compile(r"^(Sources|Kilder): ")) == 1
    # the forms' lines: "  trimagnesiumdicitrat, vandfri: 16,2 % magnesium → 64,7" then its
    # "mg pr. stk." under the text, not at column 0
    part = re.compile(r"^\S.*(per unit|pr\. enhed) *$")  # a label's part, when it has several
    assert _hangs(lines, re.compile(r"^ +(?=\S.*: \d+[.,]\d %)"), part) >= 2


@pytest.mark.parametrize("lang", ["da", "en"])
def test_foods_notes_hang_at_60_columns(lang: str) -> None:
    out = mgcheck(60, lang, "foods", "--search", "rugbrød" if lang == "da" else "rye bread")
    _fits(out, 60)
    footer = re.compile(r"^(Et bredere|A wider|Værdier|Values|Viser|Showing) ")  # lines apart
    assert _hangs(out.splitlines(), re.compile(r"^†+ "), footer) >= 1


@pytest.mark.parametrize("width", WIDTHS)
def test_schemas_list_fits_and_hangs(width: int) -> None:
    out = mgcheck(width, "da", "schemas")
    _fits(out, width)
    assert _hangs(out.splitlines(), re.compile(r"^mgcheck\.\S+ +")) == out.count("\nmgcheck.") + 1
    for writer in ("mgcheck diary trial show --all --json", "mgcheck assess --output report.json"):
        assert any(
            line.strip() == writer or line.endswith("  " + writer) for line in out.splitlines()
        )


# --- --lang after a group name (the README promises before or after the command name) -------


@pytest.mark.parametrize(
    "args",
    [
        ["diary", "--lang", "en", "list"],
        ["diary", "--lang=en", "list"],
        ["diary", "trial", "--lang", "en", "show"],
        ["--lang", "en", "diary", "trial", "show"],
        ["foods", "--top", "3", "--lang", "en"],
        ["--lang", "en", "foods", "--top", "3"],
    ],
    ids=" ".join,
)
def test_lang_after_a_group_name_chooses_the_language(cli: Cli, args: list[str]) -> None:
    words = [a for a in args if a not in ("--lang", "en", "--lang=en")]
    english = cli.run(*words, env={"MGCHECK_LANG": "en"})
    danish = cli.run(*words, env={"MGCHECK_LANG": "da"})
    result = cli.run(*args, env={"MGCHECK_LANG": "da"})
    assert result.exit_code == english.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == (english.stdout, english.stderr)
    assert result.stdout != danish.stdout


def test_every_command_and_group_takes_lang_without_declaring_it() -> None:
    """--lang is one Click option, declared on the root, that each group gives to the commands
    and groups it builds (cli/lazy.py): shown and checked by every command, its value passed to
    none (the group has chosen the language from the whole command line), and declared by no
    command's function."""
    import inspect

    from typer.main import get_command

    from mgcheck.cli.app import app

    tree = [([], get_command(app)), *command_tree()]
    for path, command in tree:
        langs = [p for p in command.params if "--lang" in getattr(p, "opts", ())]
        assert len(langs) == 1, path
        assert langs[0].expose_value is False, path
        if path and command.callback is not None:
            assert "lang" not in inspect.signature(command.callback).parameters, path


def test_lang_on_a_group_alone_shows_its_help_in_that_language(cli: Cli) -> None:
    result = cli.run("diary", "--lang", "en", env={"MGCHECK_LANG": "da"})
    assert "Usage: mgcheck diary" in result.stdout and "--lang" in result.stdout
