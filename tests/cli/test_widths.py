"""foods, sources and assess at 60, 80 and 120 columns, in both languages (issue 12).

Through the real entry point, as a pipe: every food's name whole (never "Græskarker…"), every
web address whole on one line, no line wider than the window except such a line, and no
padding at a line's end.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from mgcheck.store import snapshot

WIDTHS = (60, 80, 120)
URL = re.compile(r"https?://\S+")


@cache
def mgcheck(width: int, lang: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"TERM", "COLUMNS", "MGCHECK_LANG"}}
    env |= {"TERM": "dumb", "COLUMNS": str(width), "MGCHECK_LANG": lang}
    done = subprocess.run(
        [sys.executable, "-m", "mgcheck", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def _fits(out: str, width: int) -> None:
    for line in out.splitlines():
        assert line == line.rstrip(" "), repr(line)
        if not URL.search(line) and "-m mgcheck" not in line:
            assert len(line) <= width, repr(line)
    assert "…" not in out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_foods_shows_every_name_whole(width: int, lang: str) -> None:
    out = mgcheck(width, lang, "foods", "--top", "0")
    _fits(out, width)
    words = set(out.split())
    for food in snapshot.foods().foods:
        for word in getattr(food.name, lang).split():
            assert any(w.startswith(word) for w in words), (word, width)
    if width >= 120:
        assert "mg/100" in out and ("servings" in out or "portioner" in out)


@pytest.mark.parametrize("width", WIDTHS)
def test_sources_prints_every_address_whole(width: int) -> None:
    out = mgcheck(width, "da", "sources")
    _fits(out, width)
    printed = URL.findall(out)
    for source in snapshot.sources().sources:
        for url in (source.url, source.via):
            if url:
                assert url in printed, url


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_assess_report_fits(width: int, lang: str, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "age: 67\nsex: female\nconditions: [kidney_disease]\nmedicines: [loop_diuretic, ppi]\n"
        "magnesium: {form: citrate, amount_mg: 400, elemental: unknown, per_day: 2}\n"
        "diet: {nuts_seeds: 0.5, whole_grains: 2}\n",
        encoding="utf-8",
    )
    out = mgcheck(width, lang, "assess", "--answers", str(answers))
    _fits(out, width)
    assert out.rstrip().endswith(f"-m mgcheck assess --answers {answers}")
