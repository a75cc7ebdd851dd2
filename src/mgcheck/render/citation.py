"""One source as a doctor cites it: the reference, in the run's language, and the work's own link.

The one place a citation is worded, for ``mgcheck sources`` and for the report document alike,
and the one way the terminal cites: by the numbers of ``mgcheck sources`` (:func:`numbered`),
never by a source's key.
Plain strings only (no Rich, no markup): each renderer escapes and lays them out its own way.
The style is Vancouver's, as Danish and English medical journals use it: the first three
authors then "et al.", the title, the journal's abbreviation with year;volume(issue):pages, then
the DOI and the PubMed id. Titles and names stay as the work has them; only the few connecting
words ("In:", "editors") and the publisher's name follow the run's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from mgcheck.i18n import _, current
from mgcheck.models.guidance import SourceEntry
from mgcheck.record import Record

NBSP = "\u00a0"  # "PMID: 123" and "et al." are never broken across lines

# Vancouver lists up to six authors; clinical journals often list three, as doctors cite.
NAMES_SHOWN = 3


class Citation(Record):
    """What a reader needs of one source: ``text`` the reference, ``link`` the work's own
    address (doi.org, PubMed, the publisher or authority; never a copy), and where the facts
    were actually read when that was a copy or a page quoting the work."""

    text: str
    link: str | None
    read_via: str | None  # the copy's address: show it as read via, never as the link
    read_via_what: str | None  # what was read there
    note: str | None


def _names(source: SourceEntry) -> str | None:
    """ "Marshall NS, Serinel Y, Killick R, et al.", or the editors with their role."""
    if not source.authors:
        return None
    shown = source.authors[:NAMES_SHOWN]
    names = ", ".join(shown)
    if source.et_al or len(source.authors) > NAMES_SHOWN:
        names += ", " + _("et al.").replace(" ", NBSP)
    if source.editors:
        names += ", " + _("editors")
    return names


def _where(source: SourceEntry) -> str:
    """A paper's place in its journal: "Sleep Med Rev. 2019;48:101218"."""
    container = (source.container or "").replace(" ", NBSP)
    where = f"{container}. {source.year}"
    if source.volume:
        where += f";{source.volume}"
    if source.issue:
        where += f"({source.issue})"
    if source.pages:
        where += f":{source.pages}"
    return where


def _sentences(parts: list[str]) -> str:
    """The parts as sentences: a full stop after each, unless it ends with one already."""
    out: list[str] = []
    for part in parts:
        part = part.strip()
        out.append(part if part.endswith((".", "?", "!")) else part + ".")
    return " ".join(out)


def reference(source: SourceEntry) -> str:
    """The reference alone, in the run's language (the publisher's name is in both)."""
    lang = current()
    publisher = source.organisation.get(lang)
    names = _names(source)
    parts: list[str] = []
    if source.kind == "article":
        if names:
            parts.append(names)
        parts += [source.title, _where(source)]
    else:
        parts.append(names or publisher)
        series = None if source.series is None else source.series.replace(" ", NBSP)
        title = source.title if series is None else f"{source.title} ({series})"
        parts.append(title)
        if source.kind == "chapter" and source.container:
            parts.append(_("In: {book}").format(book=source.container))
        year = None if source.year is None else str(source.year)
        if names:
            parts.append(publisher if year is None else f"{publisher}; {year}")
        elif year is not None:
            parts.append(year)
    if source.doi:
        parts.append(f"doi:{source.doi}")
    if source.pmid:
        parts.append(f"PMID:{NBSP}{source.pmid}")
    return _sentences(parts)


def cite(source: SourceEntry) -> Citation:
    """``source`` as a doctor would cite it, in the run's language, with its own link."""
    lang = current()
    via = source.read_via
    return Citation(
        text=reference(source),
        link=source.url,
        read_via=None if via is None else via.url,
        read_via_what=None if via is None else via.what.get(lang),
        note=None if source.note is None else source.note.get(lang),
    )


# --- citations in the terminal -------------------------------------------------------------

# The longest "mgcheck sources 3 17 …" command that names the sources one by one: one that fits
# a line at 60 columns after its two-space indent. Longer, and the whole list is the better
# place to look.
LONGEST = 58


def source_numbers() -> dict[str, int]:
    """Each source key's number in ``mgcheck sources`` (the order of data/sources.yaml, gap-free):
    the numbers every terminal citation uses, so one list explains them all. Read from the
    compiled JSON, so a command that only cites does not build the source records."""
    from mgcheck.store.snapshot import raw

    return {entry["key"]: n for n, entry in enumerate(raw("sources")["sources"], start=1)}


def numbered(keys: Iterable[str]) -> str:
    """``[3,17]``: the sources of ``keys`` by their numbers in ``mgcheck sources``, with no space
    inside, so a terminal never breaks a citation across lines. Empty for no keys."""
    from mgcheck.render.style import citation

    numbers = source_numbers()
    return citation(numbers[key] for key in keys)


def sources_command(keys: Iterable[str], program: str = "mgcheck") -> str:
    """The command that shows the cited sources in full: ``mgcheck sources 3 17``, or the whole
    list when naming them would not fit a narrow terminal's line (:data:`LONGEST`)."""
    numbers = source_numbers()
    cited = sorted({numbers[key] for key in keys})
    command = " ".join([f"{program} sources", *(str(n) for n in cited)])
    return command if len(command) <= LONGEST else f"{program} sources"
