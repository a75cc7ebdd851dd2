"""data/sources.yaml: each work cited by its own identity, linked only to a reviewed host.

Issue 19: the copies the issue found cited as if they were the works (a PubMed mirror for the AASM
guideline, a DOI "resolver" on a journal's site, a pill site for a product summary, a GP
practice's page for the NHS) may still be where a fact was read, as ``read_via``; never the link.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from mgcheck.errors import MgcheckError
from mgcheck.models.guidance import SourceEntry, link_host
from mgcheck.store import datafiles
from mgcheck.store.datafiles import load_sources

SOURCES = load_sources()
BY_KEY = {s.key: s for s in SOURCES.sources}

# Hosts of copies that issue 19 (and the review behind it) found standing in for the works.
COPIES = {
    "api-pubmed-ncbi.laibokeji.com",
    "pubmedcentralcanada.ca",
    "ouci.dntb.gov.ua",
    "medluna.com",
    "revistanefrologia.com",
    "pill2trip.com",
    "rxreasoner.com",
    "www.livestrong.com",
    "broadlanesurgeryhampton.co.uk",
    "www.nursingcenter.com",
    "fda.report",
    "medikamio.com",
    "preview.medikamio.com",
    "www.medisite.fr",
    "ch.oddb.org",
    "www.eurekalert.org",
    "accessphysiotherapy.mhmedical.com",
    "www.refdoc.fr",
    "consensus.app",
    "en.kataeb.org",
    "medpill.info",
    "easyfinder.store",
    "cyprusmicrolights.com",
    "slidepub.com",
    "0-systematicreviewsjournal-biomedcentral-com.brum.beds.ac.uk",
    "pennstate.pure.elsevier.com",
}


NHS_COPY = "https://broadlanesurgeryhampton.co.uk/health-a-z/?condition=restless-legs-syndrome%2F"


def _broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: dict[str, Any]) -> str:
    """The one-line error for ``raw`` written as sources.yaml."""
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setattr(datafiles, "SOURCES_FILE", path)
    with pytest.raises(MgcheckError) as caught:
        load_sources()
    return caught.value.message


def _raw() -> dict[str, Any]:
    text = datafiles.SOURCES_FILE.read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    return raw


def _source(raw: dict[str, Any], key: str) -> dict[str, Any]:
    entry: dict[str, Any] = next(s for s in raw["sources"] if s["key"] == key)
    return entry


def test_every_link_goes_to_a_reviewed_host() -> None:
    allowed = {h.host for h in SOURCES.link_hosts}
    for source in SOURCES.sources:
        if source.url is not None:
            assert link_host(source.url) in allowed, (source.key, source.url)


def test_no_copy_is_a_link_or_on_the_allow_list() -> None:
    assert not COPIES & {h.host for h in SOURCES.link_hosts}
    for source in SOURCES.sources:
        if source.url is not None:
            assert link_host(source.url) not in COPIES, (source.key, source.url)


def test_a_link_to_a_host_not_on_the_list_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above on the data, and the same rule in validation, which a new source meets."""
    raw = _raw()
    _source(raw, "aasm2024").pop("doi")
    _source(raw, "aasm2024")["url"] = "https://booksci.cn/literaturecn/142331481.htm"
    message = _broken(tmp_path, monkeypatch, raw)
    assert "'aasm2024' links to 'booksci.cn'" in message
    assert "link_hosts" in message


def test_a_host_nothing_links_to_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = _raw()
    raw["link_hosts"].append({"host": "pill2trip.com", "reason": "a copy, listed by mistake"})
    assert "pill2trip.com" in _broken(tmp_path, monkeypatch, raw)


@pytest.mark.parametrize(
    ("key", "change", "words"),
    [
        ("nih-ods-gi", {"read_via": None}, "read_via"),
        ("nhs-rls", {"url": NHS_COPY}, "read_via"),
        ("marshall2019", {"url": "https://ouci.dntb.gov.ua/en/works/lm5pyaBl"}, "doi.org"),
        ("hening2009", {"doi": "10.1016/j.sleep.2008.09.O15"}, "doi"),
        ("gorantla2024", {"container": None}, "journal"),
        ("nnr2023", {"checked": " "}, "checked"),
    ],
)
def test_a_source_that_hides_its_identity_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    change: dict[str, Any],
    words: str,
) -> None:
    raw = _raw()
    entry = _source(raw, key)
    for field, value in change.items():
        if value is None:
            entry.pop(field)
        else:
            entry[field] = value
    message = _broken(tmp_path, monkeypatch, raw)
    assert f"'{key}'" in message and words in message, message


def test_a_paper_with_a_doi_links_to_it_and_one_with_only_a_pubmed_id_to_pubmed() -> None:
    for source in SOURCES.sources:
        if source.doi:
            assert source.url == f"https://doi.org/{source.doi}"
        elif source.pmid:
            assert source.url == f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"


def test_the_papers_carry_the_identities_checked_for_issue_19() -> None:
    """DOIs and PubMed ids as the records of the works give them (checked 2026-12-07)."""
    expected = {
        "aasm2024": ("10.5664/jcsm.11390", "39324694"),
        "hening2009": ("10.1016/j.sleep.2008.09.015", "19185537"),
        "irlssg2014": ("10.1016/j.sleep.2014.03.025", None),
        "marshall2019": ("10.1016/j.smrv.2019.101218", None),
        "hornyak1998": ("10.1093/sleep/21.5.501", "9703590"),
        "jadidi2022": ("10.1186/s12906-022-03814-8", None),
        "gorantla2024": (None, "38738598"),
        "davies-fraser-1993": ("10.1111/j.1365-2125.1993.tb05883.x", "8373706"),
        "irlssg-iron-2018": (None, "29425576"),
        "efsa2015": ("10.2903/j.efsa.2015.4186", None),
        "iom1997": ("10.17226/5776", "23115811"),
        "cent2015": ("10.1136/bmj.h1738", None),
        "consort2010": ("10.1136/bmj.c332", None),
        "chen-chen-nof1": ("10.1371/journal.pone.0087752", "24503561"),
        "farrar2001": ("10.1016/S0304-3959(01)00349-9", "11690728"),
        "scientifica2017": ("10.1155/2017/4179326", "29093983"),
    }
    assert {k: (BY_KEY[k].doi, BY_KEY[k].pmid) for k in expected} == expected


def test_a_paper_names_its_journal_year_and_authors_or_says_why_not() -> None:
    for source in SOURCES.sources:
        if source.kind != "article":
            continue
        assert source.container and source.year, source.key
        assert source.authors or source.note is not None, source.key
        for author in source.authors:
            # "Surname Initials" as Vancouver writes them, or a group's own name.
            assert re.fullmatch(r"[\w' -]+ [A-Z]{1,3}( Jr)?", author) or " " in author, author


def test_what_was_read_in_a_copy_is_said() -> None:
    for source in SOURCES.sources:
        if source.read == "secondary":
            assert source.read_via is not None, source.key
        if source.read_via is not None:
            assert source.read_via.url != source.url
            assert link_host(source.read_via.url) != link_host(source.url or "none:"), source.key


def test_every_identity_says_how_it_was_checked() -> None:
    dated = re.compile(r"\d{4}-\d{2}-\d{2}")
    for source in SOURCES.sources:
        assert source.checked.strip(), source.key
        if not source.checked.startswith(("not applicable", "not re-checked: as the food")):
            assert dated.search(source.checked), source.key


def test_the_article_names_its_publisher_and_says_once_what_is_unknown() -> None:
    article = BY_KEY["article"]
    assert article.url is not None and link_host(article.url) == "www.sundhedspanel.dk"
    for lang in ("da", "en"):
        organisation = article.organisation.get(lang)
        assert "Sundhedspanel" in organisation
        assert "not named" not in organisation and "ikke angivet" not in organisation
    assert article.note is not None
    assert "dato" in article.note.da and "date" in article.note.en


def test_the_sources_issue_19_named_no_longer_cite_a_copy() -> None:
    """The AASM guideline, PMC2769267, the IRLSSG criteria, the review, the pilot study, the
    parenteral and infusion product summaries, NIH via LIVESTRONG and the NHS page."""
    for key in (
        "aasm2024",
        "hening2009",
        "irlssg2014",
        "marshall2019",
        "gorantla2024",
        "smpc-parenteral",
        "smpc-mgso4",
        "nih-ods-gi",
        "nhs-rls",
    ):
        source: SourceEntry = BY_KEY[key]
        assert source.read_via is not None, key
        assert source.url is None or link_host(source.url) not in COPIES, key
        assert "LIVESTRONG" not in source.organisation.en
