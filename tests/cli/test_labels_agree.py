"""Issue 17's property: `dose`, `assess` and `diary add` give the same reading and band for the
same label text, whatever the label says or leaves open.

Each command is run as a person uses it: `dose LABEL --json`, `diary add --form ... --amount
...` (then `diary list --json`), and the self-check's interview given the label at its first
supplement question ("ved ikke" wherever it asks whether the mg is magnesium itself, as no
terminal can answer for `dose` and `diary add`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgcheck.models.diary import MAX_MAGNESIUM_MG

if TYPE_CHECKING:
    from conftest import Cli, Script

    from mgcheck.results.assess import Report
    from mgcheck.rules.assess import Assessment

# Names as labels and people print them: magnesium itself, a form named, a hydrate named, the
# magnesium "as" a form.
NAMES = [
    "magnesium",
    "Magnesium citrat",
    "magnesiumcitrat",
    "citrate",
    "oxid",
    "magnesiumoxid",
    "bisglycinat",
    "magnesium glycinate",
    "Magnesium (som citrat)",
    "citrat nonahydrat",
    "epsom salt",
    "laktat",
]
MARKS = ["", " elementært", " ?", " forbindelse"]
AMOUNTS = st.one_of(
    st.integers(1, 3000).map(lambda mg: f"{mg} mg"),
    st.integers(1, 3000).map(str),
    st.sampled_from(["1,5 g", "2 g", "0,5 g", "30 g"]),
)


def _dose(cli: Cli, name: str, amount: str) -> dict[str, Any]:
    result = cli.run("dose", *name.split(), *amount.split(), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def _diary(cli: Cli, name: str, amount: str) -> tuple[tuple[float, float] | None, str]:
    """The night saved (None: more than a night holds, refused) and what diary add said."""
    cli.run("diary", "forget", "--all", "--yes")
    result = cli.run("diary", "add", "--legs", "3", "--form", name, "--amount", amount)
    said = " ".join(result.stdout.split())
    if result.exit_code == 2 and "more than the diary holds" in result.stderr:
        return None, said
    assert result.exit_code == 0, result.output
    entry = json.loads(cli.run("diary", "list", "--json").stdout)["entries"][0]
    low = entry["magnesium_mg"]
    return (low, entry["magnesium_mg_high"] or low), said


def _assess(
    script: type[Script],
    evaluate: Callable[..., tuple[Assessment, Report]],
    name: str,
    amount: str,
) -> Assessment:
    from mgcheck.cli.prompts import Interview
    from mgcheck.i18n import speaking
    from mgcheck.store.snapshot import assess_data

    typed = script(f"{name} {amount}", "ved ikke", "1")
    with speaking("da"):
        supplement = Interview(assess_data(), typed.read, typed.say).supplement()
    assessment, _report = evaluate({"age": 50, "sex": "male", "magnesium": supplement})
    return assessment


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=st.sampled_from(NAMES), amount=AMOUNTS, mark=st.sampled_from(MARKS))
def test_dose_assess_and_diary_add_read_a_label_alike(
    cli: Cli,
    script: type[Script],
    evaluate: Callable[..., tuple[Assessment, Report]],
    name: str,
    amount: str,
    mark: str,
) -> None:
    amount += mark
    dose = _dose(cli, name, amount)
    day = (dose["per_day_mg"]["low"], dose["per_day_mg"]["high"])
    # diary add: the same night, the same words for the same band
    saved, said = _diary(cli, name, amount)
    assert saved == day if day[1] <= MAX_MAGNESIUM_MG else saved is None
    far = dose["band"] != "ordinary"
    above = dose["verdict"] in ("above", "maybe_above")
    assert ("Far above the upper limit" in said) == far
    assert (dose["verdict_text"] in said) == (above or far)
    assert ("check the label's nutrition table" in said.lower()) == (dose["reading"] == "both")
    # assess: the same reading, the same day's range, the same band
    assessment = _assess(script, evaluate, name, amount)
    assert assessment.dose is not None
    assert assessment.dose.reading == dose["reading"]
    assert (
        round(assessment.dose.per_day_low, 1),
        round(assessment.dose.per_day_high, 1),
    ) == day
    ids = {hit.id for hit in assessment.hits}
    assert ("dose-far-above-limit" in ids) == far
    assert ("dose-above-limit" in ids) == (above and not far)
