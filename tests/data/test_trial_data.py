"""data/trial.yaml: each default sourced or marked as mgcheck's choice; two languages; own words."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from mgcheck.errors import MgcheckError
from mgcheck.models.base import Text
from mgcheck.models.trial import POINTS
from mgcheck.rules.trial import minimum_p, plan_schedule
from mgcheck.rules.trial_analysis import Verdict
from mgcheck.store import datafiles
from mgcheck.store.datafiles import load_sources, load_trial, source_keys

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from fingerprints import grams  # scripts/fingerprints.py, which made the fingerprints

KNOWN = source_keys(load_sources())
TRIAL = load_trial(KNOWN)
FINGERPRINTS = Path(__file__).resolve().parent.parent / "reference" / "sentence_fingerprints.txt"


def prose() -> Iterator[tuple[str, Text]]:
    for name, setting in TRIAL.settings_by_name().items():
        yield f"settings.{name}.why", setting.why
    for name, sourced in TRIAL.texts().items():
        yield name, sourced.text
        if sourced.report is not None:
            yield f"{name}.report", sourced.report
    for verdict in Verdict:
        yield f"verdicts.{verdict.value}", getattr(TRIAL.verdicts, verdict.value)
        yield f"report_verdicts.{verdict.value}", getattr(TRIAL.report_verdicts, verdict.value)
    yield "chances", TRIAL.chances
    yield "report_chances", TRIAL.report_chances
    yield "detect.why", TRIAL.detect.why


PROSE = list(prose())


def test_every_cited_key_is_a_source() -> None:
    cited = {key for _where, keys in TRIAL.citations() for key in keys}
    assert cited <= KNOWN
    # The two methodological anchors named in the issue are among them.
    assert {"ahrq-nof1-2014", "cent2015"} <= cited


def test_a_setting_without_sources_is_marked_as_mgchecks_own_choice() -> None:
    for name, setting in TRIAL.settings_by_name().items():
        assert setting.sources or setting.design_default, name
    for name, sourced in TRIAL.texts().items():
        assert sourced.sources or sourced.design_default, name


def test_the_default_design_can_reach_alpha_and_one_pair_less_cannot() -> None:
    """What the 'why' of pairs says: 6 pairs reach 2/64, 5 pairs only 2/32."""
    pairs = TRIAL.settings.pairs.value
    alpha = TRIAL.settings.alpha.value
    assert minimum_p(pairs) <= alpha < minimum_p(pairs - 1)
    assert "2/64" in TRIAL.settings.pairs.why.en and "2/32" in TRIAL.settings.pairs.why.da


def test_the_default_plan_takes_the_twelve_weeks_its_why_says() -> None:
    settings = TRIAL.settings
    plan = plan_schedule(dt.date(2025, 3, 3), settings.pairs.value, settings.period_days.value, 0)
    assert (plan[-1].end - plan[0].start).days + 1 == 12 * 7
    assert "12 weeks" in settings.period_days.why.en and "12 uger" in settings.period_days.why.da
    counted = settings.period_days.value - settings.washout_days.value
    assert counted == 5  # "five counted nights" in the why of min_nights
    assert "five" in settings.min_nights.why.en and "fem" in settings.min_nights.why.da
    assert settings.min_nights.value <= counted


def test_verdict_words_cover_every_verdict_and_say_the_size() -> None:
    for verdict in (
        Verdict.LOWER,
        Verdict.HIGHER,
        Verdict.PROBABLY_LOWER,
        Verdict.PROBABLY_HIGHER,
    ):
        text = getattr(TRIAL.verdicts, verdict.value)
        assert POINTS in text.da and POINTS in text.en
    for verdict in (Verdict.TOO_FEW_PAIRS, Verdict.NO_CLEAR_DIFFERENCE):
        text = getattr(TRIAL.verdicts, verdict.value)
        assert "{" not in text.da + text.en
    for verdict in Verdict:
        said, report = (getattr(v, verdict.value) for v in (TRIAL.verdicts, TRIAL.report_verdicts))
        assert said.en.count(POINTS) == report.en.count(POINTS), verdict


# Words that speak to the reader, as whole words (not "young", "dug", "kredit").
SECOND_PERSON = {
    "en": re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE),
    "da": re.compile(r"\b(du|dig|din|dit|dine|jer|jeres)\b", re.IGNORECASE),
}


def test_the_report_files_words_speak_about_the_person_never_to_them() -> None:
    """Every text the report file takes from here (its own where given, else the terminal's)
    in both languages: each verdict, the chances, each sourced sentence. The report's own
    test (tests/cli/test_trial_voice.py) reads whole files; this one reads every verdict too,
    which no single trial reaches."""
    texts = [(f"{n}", s.words(report=True)) for n, s in TRIAL.texts().items()]
    texts += [(f"verdict {v.value}", getattr(TRIAL.report_verdicts, v.value)) for v in Verdict]
    texts.append(("chances", TRIAL.report_chances))
    spoken = [
        (where, lang, text.get(lang))
        for where, text in texts
        for lang in ("da", "en")
        if SECOND_PERSON[lang].search(text.get(lang))
    ]
    assert spoken == []
    # The terminal still speaks to the person: its verdicts and chances say "you".
    assert SECOND_PERSON["en"].search(TRIAL.verdicts.lower.en)
    assert SECOND_PERSON["da"].search(TRIAL.chances.da)


def test_the_detect_multipliers_are_one_per_design_that_can_reach_alpha() -> None:
    """As the data's own check demands; and the default design's is among them."""
    reach = [n for n in range(2, 13) if minimum_p(n) <= TRIAL.settings.alpha.value]
    assert [m.pairs for m in TRIAL.detect.multipliers] == reach
    assert TRIAL.settings.pairs.value in TRIAL.detect.by_pairs()


@pytest.mark.parametrize(("where", "text"), PROSE, ids=[w for w, _t in PROSE])
def test_both_languages_and_the_danish_is_not_the_english(where: str, text: Text) -> None:
    assert text.da.strip() and text.en.strip(), where
    assert text.da != text.en, where


def test_no_sentence_is_copied_from_the_reference_texts() -> None:
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    fingerprints = {line for line in lines if line and not line.startswith("#")}
    copied = [
        f"{where} ({lang})"
        for where, text in PROSE
        for lang in ("da", "en")
        if any(g in fingerprints for g in grams(text.get(lang)))
    ]
    assert copied == []


def test_the_new_sources_are_listed_with_how_they_were_read() -> None:
    sources = {s.key: s for s in load_sources().sources}
    for key in ("ahrq-nof1-2014", "cent2015", "guyatt1988", "farrar2001", "scrt-pvalue"):
        assert key in sources
    for key in ("cent2015", "ahrq-nof1-ch4"):
        assert sources[key].read == "secondary" and sources[key].read_via is not None


# --- a broken trial file gives one clear line ---------------------------------------------------


def _raw() -> dict[str, object]:
    text = datafiles.TRIAL_FILE.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    assert isinstance(raw, dict)
    return raw


BROKEN = [
    # (where to change, the new value, words the one-line error must contain)
    (("settings", "pairs", "sources"), ["no-such-source"], "cites 'no-such-source'"),
    (("settings", "alpha", "design_default"), False, "needs sources"),
    (("settings", "pairs", "value"), 5, "able to reach p <= alpha"),
    (("settings", "alpha", "value"), 0.1, "alpha must be 1 - confidence"),
    (("settings", "washout_days", "value"), 7, "washout_days must leave"),
    (("settings", "pairs", "value"), 6.5, "settings.pairs.value"),
    (("verdicts", "lower", "en"), "Lower in the magnesium periods.", "must contain {points}"),
    (("verdicts", "no_clear_difference", "da"), "Ingen {forskel}.", "only nothing in braces"),
    (("chances", "en"), "The probability is {better}.", "must contain {matters}"),
    (("settings", "prior_pairs", "value"), 5.0, "prior_pairs must be above 0 and at most 2"),
    (("blinding", "sources"), [], "needs sources"),
]


@pytest.mark.parametrize(("path", "value", "words"), BROKEN, ids=[w for _p, _v, w in BROKEN])
def test_a_broken_trial_file_gives_one_clear_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: tuple[str, ...],
    value: object,
    words: str,
) -> None:
    raw = _raw()
    node: dict[str, object] = raw
    for key in path[:-1]:
        child = node[key]
        assert isinstance(child, dict)
        node = child
    node[path[-1]] = value
    broken = tmp_path / "trial.yaml"
    broken.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(datafiles, "TRIAL_FILE", broken)
    with pytest.raises(MgcheckError) as caught:
        load_trial(KNOWN)
    assert words in caught.value.message
    assert str(broken) in caught.value.message
    assert "\n" not in caught.value.message
