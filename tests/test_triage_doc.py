"""docs/triage.md is generated from the data files and must not go stale."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import triage  # noqa: E402  (scripts/triage.py)

from mgcheck.datafiles import load_assess_data  # noqa: E402


def test_the_triage_page_is_up_to_date() -> None:
    written = (ROOT / "docs" / "triage.md").read_text(encoding="utf-8")
    assert written == triage.render(), "docs/triage.md is stale: run python scripts/triage.py"


def test_every_finding_has_a_row_with_its_level_and_sources() -> None:
    page = triage.render()
    for finding in load_assess_data().findings:
        row = next(line for line in page.splitlines() if line.startswith(f"| `{finding.id}`"))
        assert all(key in row for key in finding.sources), finding.id
        assert "{" not in row, f"{finding.id}: a threshold was not filled in"
