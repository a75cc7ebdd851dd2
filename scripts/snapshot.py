"""Compile mgcheck's data files into the snapshot the package reads at run time.

    .venv/bin/python scripts/snapshot.py

Run it after editing anything in ``src/mgcheck/data/*.yaml``. It reads every file with full
validation (the same checks the tests run) and writes ``src/mgcheck/data/compiled/*.json``;
a problem stops it with the same one-line message mgcheck would give. A test fails while the
snapshot differs from the YAML.
"""

from __future__ import annotations

import sys

from mgcheck.errors import MgcheckError
from mgcheck.store.datafiles import compile_data
from mgcheck.store.snapshot import COMPILED_DIR, NAMES, dump


def main() -> int:
    try:
        models = compile_data()
    except MgcheckError as exc:
        print(f"snapshot: {exc.message}", file=sys.stderr)
        return 2
    assert tuple(models) == NAMES
    COMPILED_DIR.mkdir(exist_ok=True)
    for name, model in models.items():
        (COMPILED_DIR / f"{name}.json").write_text(dump(model) + "\n", encoding="utf-8")
    print(f"wrote {len(models)} files to {COMPILED_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
