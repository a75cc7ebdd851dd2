"""No bare source keys as citations in the terminal (issue 19): warnings, dose, dose --list and
the trial cite by the numbers of ``mgcheck sources``, say once where to read them, and give the
command that shows exactly those; ``--json`` keeps the keys (data, not prose). At 60 and 80
columns in Danish a citation is never broken across lines."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import pytest
from test_trial_cli import TODAY, fill, later, make_plan, plans

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Cli

BRACKET = re.compile(r"\[([0-9][0-9,–]*)\]")
FOOTER = {
    "en": "The numbers in brackets are sources, as numbered by mgcheck sources. To read them:",
    "da": "Tallene i klammer henviser til kilderne, nummereret som i mgcheck sources. "
    "Du kan læse dem med:",
}


def listed(cli: Cli) -> dict[str, int]:
    """Each key's number, as ``mgcheck sources --json`` numbers it (the oracle: another path
    than the renderers' own lookup)."""
    return {s["key"]: s["number"] for s in cli.json("sources")["sources"]}


def numbers(bracket: str) -> set[int]:
    """ "1,3,46–48" -> {1, 3, 46, 47, 48}."""
    out: set[int] = set()
    for part in bracket.split(","):
        low, _, high = part.partition("–")
        out |= set(range(int(low), int(high or low) + 1))
    return out


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def keys_cited_as_words(text: str, keys: dict[str, int]) -> list[str]:
    """The source keys that stand in ``text`` as words of their own. Only keys no prose uses
    (with a digit or a hyphen: "guyatt1988", "efsa-scf-ul"), so "article" in a sentence is not
    one; a web address or a domain ("nutri-facts.org") is not either."""
    distinctive = [k for k in keys if re.search(r"[\d-]", k)]
    return [k for k in distinctive if re.search(rf"(?<![\w./-]){re.escape(k)}(?![\w./-])", text)]


def _finished_trial(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert make_plan(cli, tmp_path).exit_code == 0
    later(monkeypatch, dt.date(2027, 3, 1))
    fill(plans()[0])


PREGNANT = "age: 31\nsex: female\npregnant: true\nmedicines: [iron, levothyroxine]\n"


def _output(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str, **env: str
) -> Any:
    """One of the outputs that cite, run as a user runs it (``env``: COLUMNS, MGCHECK_LANG)."""
    monkeypatch.setenv("MGCHECK_TODAY", TODAY)  # the trial's plans start the day after
    for name, value in env.items():
        monkeypatch.setenv(name.upper(), value)
    if what == "trial result":
        _finished_trial(cli, tmp_path, monkeypatch)
        return cli.run("diary", "trial", "result")
    if what == "trial plan":
        return make_plan(cli, tmp_path)
    if what == "trial screen":
        path = tmp_path / "pregnant.yaml"
        path.write_text(PREGNANT, encoding="utf-8")
        return cli.run(
            "diary", "trial", "plan", "--answers", str(path), "--dose", "magnesium 100 mg"
        )
    return cli.run(*what.split())


OUTPUTS = [
    "warnings",
    "warnings --section medicines",
    "dose citrate 400",
    "dose glycinat 800 oxid 200 --compound",
    "dose --list",
    "trial result",
    "trial plan",
    "trial screen",
]


@pytest.mark.parametrize("what", OUTPUTS)
def test_every_citation_is_a_number_of_mgcheck_sources(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    keys = listed(cli)
    result = _output(cli, tmp_path, monkeypatch, what)
    out = result.stdout
    assert result.exit_code in (0, 2), result.output
    assert keys_cited_as_words(out, keys) == []
    cited = set().union(*(numbers(b) for b in BRACKET.findall(out)))
    assert cited and cited <= set(keys.values())
    # Once, at the end: what the numbers are, and a command that shows exactly those.
    lines = out.splitlines()
    assert out.count(FOOTER["en"]) == 1
    command = lines[lines.index(FOOTER["en"]) + 1].strip()
    named = [int(n) for n in command.removeprefix("mgcheck sources").split()]
    # Named one by one while that fits a line at 60 columns (after two spaces); else the list.
    full = " ".join(["mgcheck sources", *map(str, sorted(cited))])
    assert named == (sorted(cited) if len(full) <= 58 else []), command
    if named:
        shown = cli.run("sources", *map(str, named))
        assert shown.exit_code == 0
        assert [int(n) for n in re.findall(r"(?m)^ ?(\d+)\. ", shown.stdout)] == named


def test_an_item_cites_the_numbers_of_its_own_sources(cli: Cli) -> None:
    """Each warning's "Sources: [..]" names exactly its item's sources (its --json keys)."""
    keys = listed(cli)
    data = cli.json("warnings", "--section", "medicines")
    out = flat(cli.run("warnings", "--section", "medicines").stdout)
    for item in data["sections"][0]["items"]:
        start = out.index(item["text"])
        mark = BRACKET.search(out, start + len(item["text"]))
        assert mark is not None
        assert numbers(mark.group(1)) == {keys[k] for k in item["sources"]}, item["id"]


def test_a_hand_worked_citation(cli: Cli) -> None:
    """dose citrate 400 rests on the article (1), NNR 2023 (3), the SCF/EFSA upper limits (5),
    the IOM (6), NIH's fact sheet (8), nutri-facts (10), BfR (11), the citrate's table (46),
    Schwalfenberg and Genuis (47) and the atomic weights (48): the numbers `mgcheck sources`
    lists those works under (read there by hand, 2026-12-08)."""
    out = flat(cli.run("dose", "citrate", "400").stdout)
    assert "Sources: [1,3,5,6,8,10,11,46–48]" in out
    assert "mgcheck sources 1 3 5 6 8 10 11 46 47 48" in out


@pytest.mark.parametrize("args", [["warnings"], ["dose", "citrate", "400"], ["sources"]])
def test_json_keeps_the_keys(cli: Cli, args: list[str]) -> None:
    """Data, not prose: the JSON documents carry the source keys as before."""
    text = cli.run(*args, "--json").stdout
    assert '"sources": [' in text or '"key": ' in text
    assert BRACKET.search(text) is None


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("what", OUTPUTS)
def test_no_citation_breaks_across_lines_in_danish(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str, width: int
) -> None:
    result = _output(cli, tmp_path, monkeypatch, what, columns=str(width), mgcheck_lang="da")
    out = result.stdout
    assert "[" in out
    for line in out.splitlines():
        # A bracket that opens closes on the same line, and holds only numbers.
        for start in [m.start() for m in re.finditer(r"\[", line)]:
            end = line.find("]", start)
            assert end > start, line
        assert not re.search(r"\[[0-9,–]*$", line), line
    assert " ".join(out.split()).count(FOOTER["da"]) == 1
    # The command on a line of its own, whole: "  mgcheck sources 9 34 70".
    commands = [line for line in out.splitlines() if "mgcheck sources" in line]
    assert re.fullmatch(r"  mgcheck sources( \d+)*", commands[-1]), commands


def test_sources_by_number_and_key(cli: Cli) -> None:
    keys = listed(cli)
    out = cli.run("sources", "17", "3", "nnr2023").stdout
    shown = [int(n) for n in re.findall(r"(?m)^ ?(\d+)\. ", out)]
    assert shown == sorted({3, 17, keys["nnr2023"]})
    refused = cli.run("sources", "999", "nope")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        "mgcheck: unknown source: 999, nope. Run mgcheck sources for the list."
    )
