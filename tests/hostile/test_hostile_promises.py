"""The README's promises about your data each name a test; those tests must exist."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
README = TESTS.parent / "README.md"


def test_every_promise_names_a_test_that_exists() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## What mgcheck promises about your data", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"`([\w/]+\.py)(?:::(\w+))?`", section)
    assert len(named) >= 20
    for file, test in named:
        source = (TESTS / file).read_text(encoding="utf-8")
        if test:
            assert f"def {test}(" in source, f"{file}::{test}"
