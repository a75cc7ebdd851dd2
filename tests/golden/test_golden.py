"""Every command's output, byte for byte, against the transcripts in ``expected/``.

The transcripts were made from the code before issue 11's restructuring (``generate.py``); a
change to any of them is a change of behaviour and is committed on its own, saying why.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import GOLDEN_DIR, cases, run_all

CASES = {case.name: case for case in cases()}


@pytest.fixture(scope="module")
def transcripts() -> dict[str, str]:
    """All cases at once, in parallel subprocesses (the real entry point, as a user runs it)."""
    return run_all(CASES.values())


def test_every_golden_has_a_case() -> None:
    on_disk = {path.stem for path in GOLDEN_DIR.glob("*.txt")}
    assert on_disk == set(CASES), "run tests/golden/generate.py after changing the cases"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_output_is_unchanged(name: str, transcripts: dict[str, str]) -> None:
    expected = (GOLDEN_DIR / f"{name}.txt").read_text(encoding="utf-8")
    assert transcripts[name] == expected
