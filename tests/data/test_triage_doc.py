"""docs/triage.md is generated from the data files and must not go stale."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import triage  # noqa: E402  (scripts/triage.py)

from mgcheck.store.datafiles import load_assess_data  # noqa: E402


def test_the_triage_page_is_up_to_date() -> None:
    written = (ROOT / "docs" / "triage.md").read_text(encoding="utf-8")
    assert written == triage.render(), "docs/triage.md is stale: run python scripts/triage.py"


def test_every_finding_has_a_row_with_its_level_and_sources() -> None:
    page = triage.render()
    for finding in load_assess_data().findings:
        row = next(line for line in page.splitlines() if line.startswith(f"| `{finding.id}`"))
        assert all(key in row for key in finding.sources), finding.id
        assert "{" not in row, f"{finding.id}: a threshold was not filled in"


def test_the_readme_names_every_finding_and_answer_value() -> None:
    """The README's answers file and finding ids cannot silently fall behind the vocabulary."""
    import re

    from mgcheck.vocab import LEGACY_VALUES, Condition, LookAlike, Medicine, Symptom

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for enum in (Condition, Medicine, Symptom, LookAlike):
        for member in enum:
            assert member.value in readme, member.value
    named: set[str] = set()
    for group in re.findall(r"`([a-z0-9|-]+)`", readme):
        head, _sep, rest = group.partition("|")
        stem = head.rsplit("-", 1)[0] if rest else ""
        named.add(head)
        named |= {f"{stem}-{alt}" for alt in rest.split("|") if rest}
    missing = {f.id for f in load_assess_data().findings} - named
    assert missing == set(), missing
    assert all(value in readme for value in LEGACY_VALUES)
