"""docs/cli.md holds every command's help in both languages and must not go stale.

As sqlite-utils and llm keep their CLI reference: the page is generated from the commands
(``scripts/cli_docs.py``), and this test regenerates it and compares. It replaces the help
transcripts that were goldens: a change of help shows here as one diff, and one command
(``.venv/bin/python scripts/cli_docs.py``) brings the page up to date.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, Cli, command_tree

sys.path.insert(0, str(ROOT / "scripts"))
import cli_docs  # scripts/cli_docs.py

# One worker makes this module's shared fixture once (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("cli_docs")

FIX = "docs/cli.md is stale: run .venv/bin/python scripts/cli_docs.py and commit it"


@pytest.fixture(scope="module")
def fresh() -> str:
    """The page as the commands make it now."""
    return cli_docs.render()


def test_docs_cli_md_is_current(fresh: str) -> None:
    written = cli_docs.OUT.read_text(encoding="utf-8")
    assert written == fresh, f"{cli_docs.stale(written, fresh)}\n\n{FIX}"


def test_every_command_has_its_help_in_both_languages(fresh: str) -> None:
    for path in [[], *(path for path, _command in command_tree())]:
        for lang in cli_docs.LANGUAGES:
            screen = cli_docs.section(fresh, path, lang)
            usage = "Usage: mgcheck" if lang == "en" else "Brug: mgcheck"
            assert screen.lstrip().startswith(f"{usage} {' '.join(path)}".rstrip()), path


@pytest.mark.parametrize(
    ("args", "path", "lang"),
    [
        (["dose", "--help"], ["dose"], "en"),
        (["diary", "trial", "plan", "--help"], ["diary", "trial", "plan"], "da"),
        # --lang before the command chooses the help's language as MGCHECK_LANG does
        (["--lang", "da", "foods", "--help"], ["foods"], "da"),
    ],
    ids=["dose-en", "trial-plan-da", "lang-first-da"],
)
def test_the_page_shows_what_the_command_prints(
    fresh: str, args: list[str], path: list[str], lang: str
) -> None:
    """The screens are made in one Python per language; here one is made as a person runs
    it, in a Python of its own, and must be the same."""
    env = cli_docs.environment("en" if args[0] == "--lang" else lang)
    done = subprocess.run(
        [sys.executable, "-m", "mgcheck", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    printed = "\n".join(line.rstrip() for line in done.stdout.strip("\n").splitlines())
    assert cli_docs.section(fresh, path, lang) == printed


def test_help_in_process_is_the_page_in_each_language(fresh: str, cli: Cli) -> None:
    """Help shown in-process (CliRunner, the command modules imported once, in whichever
    language came first) is wholly in the language the run chooses: every screen the same as
    the page's, which the real entry point makes. Danish first, English, then Danish again:
    help strings are translated when drawn, not when their modules were imported (issue 20:
    in-process Danish help was half English)."""
    paths = [[], *(path for path, _command in command_tree())]
    for lang in ("da", "en", "da"):
        for path in paths:
            result = cli.run(*path, "--help", env={"MGCHECK_LANG": lang, "COLUMNS": "80"})
            assert result.exit_code == 0, result.output
            # Lines as the page keeps them (the entry point also drops trailing spaces).
            printed = "\n".join(line.rstrip() for line in result.stdout.splitlines()).strip("\n")
            assert cli_docs.section(fresh, path, lang) == printed, (lang, path)


def test_a_stale_page_is_shown_as_a_diff(fresh: str) -> None:
    changed = fresh.replace("Show this message and exit.", "Show help.", 1)
    diff = cli_docs.stale(fresh, changed).splitlines()
    assert any(line.startswith("-") and "Show this message and exit." in line for line in diff)
    assert any(line.startswith("+") and "Show help." in line for line in diff)
    assert cli_docs.stale(fresh, fresh) == ""
