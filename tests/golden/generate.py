"""Write the golden transcripts from the current code: ``python tests/golden/generate.py``.

Run it only when an output changes on purpose, and commit the new goldens separately with a
message that says what changed and why.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import GOLDEN_DIR, cases, run_all


def main() -> None:
    GOLDEN_DIR.mkdir(exist_ok=True)
    for old in GOLDEN_DIR.glob("*.txt"):
        old.unlink()
    for name, transcript in run_all(cases()).items():
        (GOLDEN_DIR / f"{name}.txt").write_text(transcript, encoding="utf-8", newline="")
    print(f"{len(list(GOLDEN_DIR.glob('*.txt')))} goldens in {GOLDEN_DIR}")


if __name__ == "__main__":
    main()
