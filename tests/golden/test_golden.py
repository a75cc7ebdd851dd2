"""Every command's reports, tables and errors, byte for byte, against ``expected/``.

The transcripts were made from the code before issue 11's restructuring (``generate.py``); a
change to any of them is a change of behaviour and is committed on its own, saying why. Help
screens are in docs/cli.md and JSON documents are checked against their schemas
(tests/cli/test_schemas.py), so neither is here. The commands run through the real entry
point from a fork server (tests/forkserver.py); the last test shows that it prints what a new
Python prints.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cases import GOLDEN_DIR, Runner, cases, run_case, server_environment
from forkserver import Plain, runner

CASES = {case.name: case for case in cases()}


@pytest.fixture(scope="session")
def mgcheck() -> Iterator[Runner]:
    """The real entry point, run as a user runs it, from a fork server (tests/forkserver.py)."""
    server = runner(server_environment())
    yield server
    server.close()


def test_every_golden_has_a_case() -> None:
    on_disk = {path.stem for path in GOLDEN_DIR.glob("*.txt")}
    assert on_disk == set(CASES), "run tests/golden/generate.py after changing the cases"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_output_is_unchanged(name: str, mgcheck: Runner) -> None:
    expected = (GOLDEN_DIR / f"{name}.txt").read_text(encoding="utf-8")
    assert run_case(CASES[name], mgcheck) == expected


# Danish, a narrow window, a usage error, standard input, a file written. (The diary and trial
# cases, written by new Pythons before the fork server came, pass through it unchanged.)
LIKE_A_NEW_PYTHON = ["welcome_da", "foods_narrow", "usage_error_da", "assess_stdin_text"]
LIKE_A_NEW_PYTHON += ["assess_output_md"]


@pytest.mark.slow
def test_the_fork_server_prints_what_a_new_python_prints(mgcheck: Runner) -> None:
    plain = Plain()
    for name in LIKE_A_NEW_PYTHON:
        assert run_case(CASES[name], mgcheck) == run_case(CASES[name], plain), name
