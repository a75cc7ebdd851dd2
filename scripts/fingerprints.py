"""Fingerprint the reference texts so tests can prove mgcheck never copies their sentences.

The project may copy data but not sentences from ../shared/reference/. This script stores a hash of
every run of eight words in the article and the two fact files (the hashes, never the words) in
tests/reference/sentence_fingerprints.txt; tests/test_guidance_data.py checks mgcheck's texts
against them.

    python scripts/fingerprints.py [--reference DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "reference" / "sentence_fingerprints.txt"
TEXTS = ("000_748d2febfb224775.txt", "magnesium.md", "rls.md")
N = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-zæøå0-9]+", text.casefold())


def grams(text: str, n: int = N) -> Iterator[str]:
    tokens = words(text)
    for start in range(len(tokens) - n + 1):
        gram = " ".join(tokens[start : start + n])
        yield hashlib.sha256(gram.encode()).hexdigest()[:12]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    args = parser.parse_args(argv)
    hashes: set[str] = set()
    for name in TEXTS:
        hashes.update(grams((args.reference / name).read_text(encoding="utf-8")))
    names = ", ".join(TEXTS)
    header = f"# sha256[:12] of every {N}-word run in {names}; made by scripts/fingerprints.py\n"
    OUT.write_text(header + "\n".join(sorted(hashes)) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(hashes)} fingerprints")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
