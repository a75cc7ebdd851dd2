"""render/citation.py: one source as a doctor cites it, in the run's language (issue 19)."""

from __future__ import annotations

import pytest

from mgcheck.i18n import set_language
from mgcheck.models.base import Text
from mgcheck.models.guidance import ReadVia, SourceEntry
from mgcheck.render.citation import NBSP, cite, reference
from mgcheck.store import snapshot

BY_KEY = {s.key: s for s in snapshot.sources().sources}


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def _paper(**changes: object) -> SourceEntry:
    base = SourceEntry(
        key="x",
        kind="article",
        authors=["Aa A", "Bb B", "Cc C"],
        organisation=Text(da="Tidsskrift", en="Journal"),
        title="A title",
        container="J Ex",
        year=2020,
        volume="1",
        issue="2",
        pages="3-4",
        url="https://doi.org/10.1000/x",
        doi="10.1000/x",
        pmid="123",
        read="direct",
        checked="test",
    )
    return base.replace(**changes)


def test_a_paper_is_cited_in_vancouver_style() -> None:
    assert _plain(reference(_paper())) == (
        "Aa A, Bb B, Cc C. A title. J Ex. 2020;1(2):3-4. doi:10.1000/x. PMID: 123."
    )


@pytest.mark.parametrize(
    ("authors", "et_al", "names"),
    [
        (["Aa A"], False, "Aa A."),
        (["Aa A"], True, "Aa A, et al."),
        (["Aa A", "Bb B", "Cc C"], False, "Aa A, Bb B, Cc C."),
        (["Aa A", "Bb B", "Cc C", "Dd D"], False, "Aa A, Bb B, Cc C, et al."),
        (["Aa A", "Bb B", "Cc C", "Dd D"], True, "Aa A, Bb B, Cc C, et al."),
    ],
)
def test_more_than_three_authors_are_the_first_three_et_al(
    authors: list[str], et_al: bool, names: str
) -> None:
    assert _plain(reference(_paper(authors=authors, et_al=et_al))).startswith(names + " ")


def test_a_title_ending_in_a_question_mark_gets_no_full_stop() -> None:
    text = reference(BY_KEY["davies-fraser-1993"])
    assert "Do diuretics cause magnesium deficiency? Br J Clin Pharmacol." in _plain(text)


def test_a_paper_without_authors_starts_with_its_title() -> None:
    text = _plain(reference(_paper(authors=[])))
    assert text.startswith("A title. J Ex. 2020")


def test_the_identifiers_never_break_from_their_labels() -> None:
    text = reference(BY_KEY["aasm2024"])
    assert f"PMID:{NBSP}39324694." in text
    assert f"et{NBSP}al." in text
    assert f"J{NBSP}Clin{NBSP}Sleep{NBSP}Med. 2025;21(1):137-152." in text


def test_the_real_sources_as_a_doctor_reads_them() -> None:
    assert _plain(reference(BY_KEY["marshall2019"])) == (
        "Marshall NS, Serinel Y, Killick R, et al. Magnesium supplementation for the treatment "
        "of restless legs syndrome and periodic limb movement disorder: a systematic review. "
        "Sleep Med Rev. 2019;48:101218. doi:10.1016/j.smrv.2019.101218."
    )
    assert _plain(reference(BY_KEY["nnr2023"])) == (
        "Blomhoff R, Andersen R, Arnesen EK, et al. Nordic Nutrition Recommendations 2023 "
        "(Nord 2023:003). Nordic Council of Ministers; 2023."
    )
    assert _plain(reference(BY_KEY["fda-ppi-2011"])).startswith(
        "U.S. Food and Drug Administration (FDA). FDA Drug Safety Communication: Low magnesium"
    )


def test_the_connecting_words_and_the_publisher_follow_the_run_language() -> None:
    try:
        set_language("da")
        book = _plain(reference(BY_KEY["ahrq-nof1-2014"]))
        chapter = _plain(reference(BY_KEY["users-guides-nof1"]))
        report = _plain(reference(BY_KEY["nnr2023"]))
        via = cite(BY_KEY["nnr2023"]).read_via_what
    finally:
        set_language("en")
    assert book.startswith("Kravitz RL, Duan N, redaktører. Design and Implementation")
    assert " I: Users' Guides to the Medical Literature" in chapter
    assert report.endswith("Nordisk Ministerråd; 2023.")
    assert via is not None and via.startswith("Magnesiumværdierne")
    english = _plain(reference(BY_KEY["ahrq-nof1-2014"]))
    assert english.startswith("Kravitz RL, Duan N, editors. Design and Implementation")


def test_the_link_is_the_work_and_the_copy_is_only_read_via() -> None:
    source = _paper(
        read="secondary",
        read_via=ReadVia(url="https://copy.example/x", what=Text(da="Resuméet", en="The abstract")),
        note=Text(da="Kun resuméet er læst.", en="Only the abstract was read."),
    )
    citation = cite(source)
    assert citation.link == "https://doi.org/10.1000/x"
    assert citation.read_via == "https://copy.example/x"
    assert citation.read_via_what == "The abstract"
    assert citation.note == "Only the abstract was read."
    assert "copy.example" not in citation.text


@pytest.mark.parametrize("key", sorted(BY_KEY))
def test_every_source_cites_its_title_and_never_its_key(key: str) -> None:
    source = BY_KEY[key]
    citation = cite(source)
    assert source.title in _plain(citation.text)
    assert f"[{key}]" not in citation.text
    assert citation.link == source.url
    assert citation.text.endswith((".", "?"))
