"""The lists of commands are derived, and a test fails when a command is missing from one.

Like sqlite-utils' ``tests/test_docs.py``: the command tree is the truth; the welcome screen,
the README's command table and every help text are checked against it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import command_tree

from mgcheck.cli.app import SUMMARIES, command_names

if TYPE_CHECKING:
    from conftest import Cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
NAMES = command_names()


def _paths() -> list[list[str]]:
    """Every command and subcommand, as the words that call it."""
    return [path for path, _command in command_tree()]


def test_the_tree_is_what_we_think() -> None:
    assert NAMES == ["assess", "warnings", "dose", "foods", "sources", "schemas", "diary"]
    assert [path[0] for path in _paths() if len(path) == 1] == NAMES
    # the diary's nine subcommands, and its trial group with six of its own
    assert len(_paths()) == len(NAMES) + 9 + 1 + 6
    assert ["diary", "trial", "plan"] in _paths()
    assert set(SUMMARIES) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_is_on_the_welcome_screen(cli: Cli, name: str) -> None:
    assert re.search(rf"mgcheck {name} +{re.escape(SUMMARIES[name])}", cli.run().stdout)


@pytest.mark.parametrize("name", NAMES)
def test_every_command_is_in_the_readme_table(name: str) -> None:
    table = README.split("## Commands", 1)[1].split("\n\n")[1]
    assert re.search(rf"^\| `mgcheck {name}[ `]", table, re.MULTILINE), name


@pytest.mark.parametrize("path", _paths(), ids=" ".join)
def test_every_command_has_help_and_examples_that_call_it(cli: Cli, path: list[str]) -> None:
    result = cli.run(*path, "--help")
    assert result.exit_code == 0
    examples = result.stdout.split("Examples:", 1)
    assert len(examples) == 2, f"mgcheck {' '.join(path)} --help has no examples"
    assert f"mgcheck {' '.join(path)}" in " ".join(examples[1].split())


@pytest.mark.parametrize(
    "path", [p for p in _paths() if p[0] == "diary" and len(p) > 1], ids=" ".join
)
def test_every_diary_subcommand_is_shown_in_the_readme(path: list[str]) -> None:
    assert re.search(rf"^mgcheck {' '.join(path)}\b", README, re.MULTILINE), path
