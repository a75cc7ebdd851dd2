"""`mgcheck warnings`, `mgcheck dose` and `mgcheck sources` through the real commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Cli

ENVELOPE = {"schema", "schema_version", "language"}


def flat(text: str) -> str:
    """Panel text as one line: borders gone, wrapping undone, so tests do not depend on width."""
    return " ".join(text.replace("│", " ").split())


# --- warnings ------------------------------------------------------------------------------------


def test_warnings_json_shape(cli: Cli) -> None:
    data = cli.json("warnings")
    assert set(data) == ENVELOPE | {"standard", "sections"}
    assert (data["schema"], data["schema_version"], data["standard"]) == (
        "mgcheck.warnings",
        1,
        "nnr",
    )
    levels = [s["level"] for s in data["sections"]]
    assert levels == ["urgent", "doctor", "caution", "caution", "caution", "info"]
    for section in data["sections"]:
        assert {"id", "level", "title", "items"} <= set(section)
        for item in section["items"]:
            assert set(item) == {"id", "title", "text", "sources", "applies_to", "timing"}
            assert item["sources"] and item["text"]
    help_now = data["sections"][0]
    assert help_now["id"] == "help-now"
    assert help_now["helplines"]["lines"][0]["number"] == "112"
    limits = next(s for s in data["sections"] if s["id"] == "limits")["limits"]
    assert limits["article_mg"] == 300
    assert limits["article_above"] == ["nnr", "efsa"]
    assert limits["article_at_or_below"] == ["iom"]


def test_red_flags_come_first_in_the_panels(cli: Cli) -> None:
    out = flat(cli.run("warnings").stdout)
    assert out.index("Get help now") < out.index("Ask a doctor first") < out.index("Side effects")
    assert out.index("112") < out.index("Side effects")
    assert "Sources: [1," in out  # the article is source 1 of mgcheck sources


@pytest.mark.parametrize(
    ("name", "section"),
    [
        ("medicines", "medicines"),
        ("medicin", "medicines"),
        ("GRÆNSER", "limits"),
        ("graenser", "limits"),
        ("hjælp", "help-now"),
        ("doctor-first", "doctor-first"),
        ("kun-ved-mangel", "only-if-low"),
    ],
)
def test_one_section_by_english_or_danish_name(cli: Cli, name: str, section: str) -> None:
    data = cli.json("warnings", "--section", name)
    assert [s["id"] for s in data["sections"]] == [section]


def test_unknown_section_is_one_line_exit_2(cli: Cli) -> None:
    result = cli.run("warnings", "--section", "nonsense")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "mgcheck: no section called 'nonsense'. Sections: help-now, doctor-first, "
        "side-effects, limits, medicines, only-if-low"
    ]


def test_standard_marks_the_chosen_one(cli: Cli) -> None:
    out = flat(cli.run("warnings", "--section", "limits", "--standard", "iom").stdout)
    assert "US IOM ◀ chosen" in out
    assert cli.json("warnings", "--standard", "EFSA")["standard"] == "efsa"


def test_warnings_in_danish(cli: Cli) -> None:
    result = cli.run("warnings", "--lang", "da", "--section", "medicin")
    out = flat(result.stdout)
    assert "Bisfosfonater" in out
    numbers = {e["key"]: e["number"] for e in cli.json("sources")["sources"]}
    assert f"Kilder: [{numbers['smpc-oral-a']}" in out
    assert "mindst 8 timer efter magnesium" in out
    data = cli.json("warnings", "--lang", "da")
    assert data["language"] == "da"
    assert data["sections"][0]["title"] == "Få hjælp nu"


# --- dose ----------------------------------------------------------------------------------------


def test_dose_json_shape_and_chemistry(cli: Cli) -> None:
    data = cli.json("dose", "oxid", "500", "--per-day", "2", "--compound")
    assert set(data) == ENVELOPE | {
        "form",
        "variants",
        "amount_mg",
        "elemental_input",
        "per_day",
        "per_unit_mg",
        "per_day_mg",
        "standard",
        "upper_limit_mg",
        "other_limits",
        "article_mg",
        "verdict",
        "verdict_text",
        "reading",
        "parts",
        "band",
    }
    assert data["schema"] == "mgcheck.dose"
    assert data["form"]["id"] == "oxide"
    assert (data["reading"], data["parts"], data["band"]) == ("label", [], "ordinary")
    # 500 mg x 24.305 / 40.304 = 301.5 mg per tablet, 603 mg a day: over every limit.
    assert data["per_unit_mg"] == {"low": 301.5, "high": 301.5}
    assert data["per_day_mg"] == {"low": 603.0, "high": 603.0}
    assert data["verdict"] == "above"
    assert data["upper_limit_mg"] == 250
    assert data["other_limits"] == [
        {"standard": "efsa", "upper_limit_mg": 250},
        {"standard": "iom", "upper_limit_mg": 350},
    ]
    assert data["article_mg"] == 300


@pytest.mark.parametrize(
    ("args", "verdict"),
    [
        (["citrate", "400", "--compound"], "within"),  # 45-65 mg
        (["citrate", "400"], "maybe_above"),  # issue 17: 45-400 mg, the label does not say
        (["bisglycinat", "100", "--elemental", "--per-day", "3"], "above"),  # 300 > 250
        (
            ["bisglycinat", "100", "--elemental", "--per-day", "3", "--standard", "iom"],
            "within_chosen_only",
        ),  # 300 <= 350 but > 250
        (["citrat", "1,8g", "--compound"], "maybe_above"),  # 203-291 mg: depends on the salt
        (["citrat", "nonahydrat", "1,8", "g"], "within"),  # 214 mg
        # None set under 4 in the Nordic figures, so a child is judged by the strictest: US 65 mg.
        (["oxid", "100", "--age", "3", "--compound"], "within"),  # 60 mg
        (["oxid", "200", "--age", "3", "--compound"], "above"),  # 121 mg
        (["oxid", "100", "--age", "3", "--standard", "iom", "--compound"], "within"),  # 60 <= 65
    ],
)
def test_dose_verdicts(cli: Cli, args: list[str], verdict: str) -> None:
    assert cli.json("dose", *args)["verdict"] == verdict


def test_unknown_hydrate_shows_every_variant_and_how_to_read_the_label(cli: Cli) -> None:
    data = cli.json("dose", "magnesiumcitrat", "400", "--compound")
    assert [v["id"] for v in data["variants"]] == [
        "citrate-anhydrous",
        "citrate-nonahydrate",
        "citrate-hydrogen",
    ]
    assert [v["magnesium_pct"] for v in data["variants"]] == [16.16, 11.89, 11.34]
    out = flat(cli.run("dose", "magnesiumcitrat", "400", "--compound").stdout)
    assert "11.3–16.2 %" in out
    assert "--elemental" in out


def test_dose_above_the_limit_puts_the_danger_signs_first(cli: Cli) -> None:
    out = flat(cli.run("dose", "oxid", "500").stdout)
    assert out.index("Above the upper limit") < out.index("call 112") < out.index("Elemental")


def test_dose_never_calls_a_dose_over_the_limit_fine(cli: Cli) -> None:
    for args in (["oxid", "1000"], ["klorid", "5", "g"], ["citrat", "2", "g", "--per-day", "3"]):
        assert cli.json("dose", *args)["verdict"] in {"above", "maybe_above"}


def test_children_get_no_adult_dose_figure(cli: Cli) -> None:
    data = cli.json("dose", "citrat", "200", "--age", "10")
    assert data["article_mg"] is None
    assert "for adults" in flat(cli.run("dose", "citrat", "200", "--age", "10").stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sitrat", "400"], "unknown form 'sitrat'. Did you mean: Magnesium citrate"),
        (["xyzzy", "400"], "unknown form 'xyzzy'. See mgcheck dose --list."),
        (["citrat", "1.000"], "'1.000' could be a thousand or one"),
        (["citrat", "lots"], "'lots' is not an amount"),
        (["citrat", "0"], "'0' must be more than 0"),
        (["oxid", "nonahydrat", "400"], "Magnesium oxide has no such hydrate"),
        (["citrat"], "give a form and an amount"),
        ([], "give a form and an amount"),
        (["citrat", "400", "--list"], "--list takes no form or amount"),
    ],
)
def test_dose_errors_are_one_line_exit_2(cli: Cli, args: list[str], message: str) -> None:
    result = cli.run("dose", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("mgcheck: " + message)


def test_per_day_out_of_range_is_a_usage_error(cli: Cli) -> None:
    assert cli.run("dose", "citrat", "400", "--per-day", "0").exit_code == 2


def test_dose_list(cli: Cli) -> None:
    data = cli.json("dose", "--list")
    assert data["schema"] == "mgcheck.forms"
    forms = {f["id"]: f for f in data["forms"]}
    assert len(forms) == 16
    assert set(forms["oxide"]) == {
        "id",
        "name",
        "aliases",
        "variants",
        "absorption",
        "stomach",
        "label_note",
        "sources",
    }
    assert forms["oxide"]["label_note"] is None
    assert "sevenfold" in forms["bisglycinate"]["label_note"]
    assert forms["oxide"]["variants"][0]["magnesium_pct"] == 60.3
    assert forms["bisglycinate"]["variants"][0]["magnesium_pct"] == 14.1
    out = flat(cli.run("dose", "--list").stdout)
    assert "Magnesium oxide" in out and "60.3 %" in out
    assert "Absorption:" in out and "Stomach:" in out


def test_dose_in_danish(cli: Cli) -> None:
    out = flat(
        cli.run(
            "dose", "magnesiumcitrat", "300", "forbindelse", "--per-day", "3", "--lang", "da"
        ).stdout
    )
    assert "Magnesiumcitrat: 300 mg × 3 om dagen" in out
    assert "11,3–16,2 %" in out
    assert "Inden for den øvre grænse i NNR 2023 (250 mg om dagen)." in out


# --- sources -------------------------------------------------------------------------------------


def test_sources_json_is_numbered_and_complete(cli: Cli) -> None:
    data = cli.json("sources")
    assert data["schema"] == "mgcheck.sources"
    entries = data["sources"]
    assert [e["number"] for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0]["key"] == "article"
    for entry in entries:
        assert set(entry) == {
            "number",
            "key",
            "citation",
            "kind",
            "authors",
            "et_al",
            "editors",
            "organisation",
            "title",
            "series",
            "container",
            "year",
            "volume",
            "issue",
            "pages",
            "doi",
            "pmid",
            "pmcid",
            "url",
            "read",
            "read_via",
            "checked",
            "note",
        }
        assert entry["title"] in entry["citation"].replace("\u00a0", " ")
        assert entry["key"] not in entry["citation"].split()
        assert entry["read"] == "direct" or entry["read_via"]
        if entry["read_via"]:
            assert entry["read_via"]["url"] != entry["url"] and entry["read_via"]["what"]
        if entry["url"] is None:
            # No link only where the work's own address could not be found or there is none,
            # and then the note says why (or it is mgcheck's own computation or a dataset).
            assert entry["note"], entry["key"]
    keys = {e["key"] for e in entries}
    assert {
        "article",
        "nnr2023",
        "efsa2015",
        "iom1997",
        "nih-ods",
        "rsj-lab",
        "irlssg2014",
        "aasm2024",
    } <= keys


def test_sources_json_cites_a_paper_as_a_doctor_would(cli: Cli) -> None:
    (entry,) = cli.json("sources", "marshall2019")["sources"]
    assert entry["citation"] == (
        "Marshall NS, Serinel Y, Killick R, et\u00a0al. Magnesium supplementation for the "
        "treatment of restless legs syndrome and periodic limb movement disorder: a systematic "
        "review. Sleep\u00a0Med\u00a0Rev. 2019;48:101218. doi:10.1016/j.smrv.2019.101218."
    )
    assert entry["url"] == "https://doi.org/10.1016/j.smrv.2019.101218"
    assert entry["doi"] == "10.1016/j.smrv.2019.101218"
    assert entry["read"] == "secondary"
    assert entry["read_via"]["url"].startswith("https://consensus.app/")


def test_sources_by_key_keep_their_numbers(cli: Cli) -> None:
    all_numbers = {e["key"]: e["number"] for e in cli.json("sources")["sources"]}
    picked = cli.json("sources", "aasm2024", "nnr2023")["sources"]
    assert [(e["key"], e["number"]) for e in picked] == sorted(
        [("nnr2023", all_numbers["nnr2023"]), ("aasm2024", all_numbers["aasm2024"])],
        key=lambda pair: pair[1],
    )


def test_unknown_source_key(cli: Cli) -> None:
    result = cli.run("sources", "nope")
    assert result.exit_code == 2
    assert "unknown source: nope" in result.stderr


def test_sources_text_lists_titles_and_urls(cli: Cli) -> None:
    out = flat(cli.run("sources").stdout)
    assert "Nordic Nutrition Recommendations 2023" in out
    assert "https://pub.norden.org/nord2023-003/about-this-publication.html" in out


def test_sources_text_cites_works_not_keys(cli: Cli) -> None:
    """No bare key stands as a citation; each entry is the work, then its own link, then the
    copy it was read in (issue 19: the AASM guideline was cited by a PubMed mirror)."""
    from mgcheck.store import snapshot

    raw = cli.run("sources").stdout
    for source in snapshot.sources().sources:
        assert f"[{source.key}]" not in raw
    lines = raw.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("30. "))
    entry = lines[start : start + 12]
    link = entry.index("    https://doi.org/10.5664/jcsm.11390")
    assert "Winkelman JW, Berkowski JA, DelRosso LM, et al." in entry[0]
    assert entry[link + 1].strip().startswith("Read via:")
    assert entry[link + 2].strip() == "https://api-pubmed-ncbi.laibokeji.com/39324694"


def test_danish_help_for_the_new_commands() -> None:
    for command, words in (
        ("dose", "Eksempler:"),
        ("warnings", "Afsnit:"),
        ("sources", "Vis alle kilder"),
    ):
        out = subprocess.run(
            [sys.executable, "-m", "mgcheck", "--lang", "da", command, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert words in out, command


def test_every_json_document_parses(cli: Cli) -> None:
    for args in (["warnings"], ["dose", "--list"], ["dose", "citrat", "400"], ["sources"]):
        result = cli.run(*args, "--json")
        assert result.exit_code == 0
        json.loads(result.stdout)


def test_a_mixed_label_adds_up_its_compounds(cli: Cli) -> None:
    """A "buffered" glycinate (magnesium.md k): 800 mg bisglycinate + 200 mg oxide.

    800 x 24.305 / 172.42 = 112.8 mg and 200 x 24.305 / 40.304 = 120.6 mg: 233.4 mg a tablet.
    """
    data = cli.json("dose", "glycinat", "800", "oxid", "200", "--compound")
    assert data["reading"] == "parts"
    assert [p["form"] for p in data["parts"]] == ["bisglycinate", "oxide"]
    assert data["per_unit_mg"] == {"low": 233.4, "high": 233.4}
    assert data["verdict"] == "within"


def test_not_knowing_if_the_mg_is_elemental_judges_on_the_higher_reading(cli: Cli) -> None:
    data = cli.json("dose", "citrat", "400", "--maybe-elemental")
    assert data["reading"] == "both"
    assert data["per_unit_mg"]["high"] == 400  # read as magnesium itself
    # The leanest citrate, hydrogen citrate tetrahydrate (8.5 %, review 2 point 10).
    assert data["per_unit_mg"]["low"] == pytest.approx(400 * 0.085, abs=0.6)
    assert data["verdict"] == "maybe_above"


@pytest.mark.parametrize(
    ("args", "band"),
    [
        (["oxid", "828", "--per-day", "2", "--compound"], "ordinary"),  # 999 mg a day
        (["magnesium", "500", "--elemental", "--per-day", "2"], "far_above"),  # 1,000 mg
        (["magnesium", "2499", "--elemental", "--per-day", "2"], "far_above"),  # 4,998 mg
        (["magnesium", "2500", "--elemental", "--per-day", "2"], "toxic"),  # 5,000 mg
    ],
)
def test_dose_bands_never_say_lower_the_dose(cli: Cli, args: list[str], band: str) -> None:
    data = cli.json("dose", *args)
    assert data["band"] == band
    text = flat(cli.run("dose", *args).stdout)
    if band != "ordinary":
        assert "Far above the upper limit" in text
        assert "lower" not in text.lower()


def test_a_label_name_without_a_sourced_formula_asks_for_the_elemental_amount(cli: Cli) -> None:
    result = cli.run("dose", "dimagnesium", "malate", "500")
    assert result.exit_code == 2
    assert "--elemental" in result.stderr
    assert cli.json("dose", "dimagnesium", "malate", "100", "--elemental")["per_day_mg"] == {
        "low": 100.0,
        "high": 100.0,
    }


@pytest.mark.parametrize(
    ("args", "form"),
    [
        (["magnesium", "100", "mg"], None),
        (["Magnesium", "100mg"], None),
        (["Magnesium", "bisglycinat", "100", "mg", "elementært"], "bisglycinate"),
        (["bisglycinat", "100", "mg", "elemental"], "bisglycinate"),
        (["rent", "magnesium", "100", "mg"], None),
        (["bisglycinat", "100", "--elemental"], "bisglycinate"),
    ],
)
def test_a_label_as_printed_gives_magnesium_itself(
    cli: Cli, args: list[str], form: str | None
) -> None:
    """Issue 12: "magnesium 100 mg" is how labels print the elemental amount."""
    data = cli.json("dose", *args)
    assert data["reading"] == "elemental"
    assert data["elemental_input"] is True
    assert data["per_unit_mg"] == {"low": 100.0, "high": 100.0}
    assert (data["form"] or {}).get("id") == form


def test_the_flags_still_override_the_labels_words(cli: Cli) -> None:
    both = cli.json("dose", "magnesium", "bisglycinat", "300", "mg", "--maybe-elemental")
    assert both["reading"] == "both"
    assert both["per_unit_mg"]["high"] == 300
    unsure = cli.json("dose", "citrat", "400", "?")
    assert unsure["reading"] == "both" and unsure["verdict"] == "maybe_above"
    compound = cli.json("dose", "magnesiumcitrat", "400mg", "--compound")
    assert compound["reading"] == "label" and compound["per_unit_mg"]["high"] < 70
    unsaid = cli.json("dose", "magnesiumcitrat", "400mg")  # issue 17: the label does not say
    assert unsaid["reading"] == "both" and unsaid["per_unit_mg"]["high"] == 400


def test_bisglycinate_read_as_the_compound_says_how_its_labels_mislead(cli: Cli) -> None:
    """The form's label note (data, both languages, sourced) and the NRV hint citrate gets."""
    out = " ".join(
        cli.run("dose", "bisglycinat", "300", "--compound").stdout.replace("│", " ").split()
    )
    assert "labels give one, the other or both" in out
    assert "magnesium given with a % of the reference intake (NRV)" in out
    numbers = {e["key"]: e["number"] for e in cli.json("sources")["sources"]}
    assert re.search(rf"Sources: \[[^\]]*\b{numbers['folona-glycinate']}\b", out)
    da = " ".join(
        cli.run("dose", "bisglycinat", "300", "--compound", "--lang", "da")
        .stdout.replace("│", " ")
        .split()
    )
    assert "etiketter angiver det ene, det andet eller begge" in da
    assert "Se i næringsdeklarationen" in da
    elemental = cli.run("dose", "bisglycinat", "100", "elementært").stdout
    assert "sevenfold" not in elemental  # read as magnesium itself: nothing to warn about
