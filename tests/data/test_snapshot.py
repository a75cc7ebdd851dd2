"""The compiled data the package reads at run time is exactly the validated YAML."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mgcheck.store import snapshot
from mgcheck.store.datafiles import compile_data


@pytest.fixture(scope="module")
def validated() -> dict[str, object]:
    return dict(compile_data())


def test_the_snapshot_is_not_stale(validated: dict[str, object]) -> None:
    """Like the .mo test: edit a YAML file, then run scripts/snapshot.py."""
    assert tuple(validated) == snapshot.NAMES
    for name, model in validated.items():
        written = (snapshot.COMPILED_DIR / f"{name}.json").read_text(encoding="utf-8")
        assert written == snapshot.dump(model) + "\n", (  # type: ignore[arg-type]
            f"data/compiled/{name}.json is stale: run python scripts/snapshot.py"
        )


def test_reading_the_snapshot_gives_the_validated_models(validated: dict[str, object]) -> None:
    read = {
        "sources": snapshot.sources(),
        "limits": snapshot.limits(),
        "forms": snapshot.forms(),
        "guidance": snapshot.guidance(),
        "foods": snapshot.foods(),
        "questions": snapshot.questions(),
        "diet": snapshot.diet(),
        "trial": snapshot.trial(),
        "words": snapshot.words(),
    }
    for name, model in read.items():
        assert model == validated[name], name
    findings, phrases, plan = snapshot.findings()
    assert findings == validated["findings"].findings  # type: ignore[attr-defined]
    assert phrases == validated["findings"].phrases  # type: ignore[attr-defined]
    assert plan == validated["findings"].plan  # type: ignore[attr-defined]


def test_commands_read_neither_yaml_nor_validate_mgchecks_own_data() -> None:
    """The start-up promise: PyYAML is not imported and no validator is derived or built."""
    code = (
        "import sys\n"
        "from mgcheck.store import snapshot\n"
        "snapshot.assess_data(); snapshot.trial(); snapshot.words()\n"
        "assert 'yaml' not in sys.modules, 'yaml imported'\n"
        "assert 'mgcheck.store.checked' not in sys.modules, 'validators derived'\n"
        "assert 'mgcheck.models.strict' not in sys.modules, 'Pydantic models defined'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
