"""The guidance data: sources, limits, supplement forms and warnings (records, as models/base)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from mgcheck.models.base import NonEmpty, Text
from mgcheck.record import Record, field
from mgcheck.vocab import Level, Sex, Standard

Key = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]
Keys = Annotated[list[Key], Field(min_length=1)]
Mg = Annotated[float, Field(gt=0, le=5000)]


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


# --- sources -------------------------------------------------------------------------------

Doi = Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$")]
Pmid = Annotated[str, Field(pattern=r"^[1-9]\d{0,8}$")]
Pmcid = Annotated[str, Field(pattern=r"^PMC\d{1,9}$")]
_LABEL = r"[a-z0-9]([a-z0-9-]*[a-z0-9])?"
Host = Annotated[str, Field(pattern=rf"^{_LABEL}(\.{_LABEL})+$")]
SourceKind = Literal["article", "book", "chapter", "web", "dataset", "computed"]


def link_host(url: str) -> str:
    """The host a link goes to, without a port: what the reviewed allow-list names. (A pattern,
    not urllib: mgcheck imports nothing that could reach the network.)"""
    import re

    found = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]+)", url)
    return "" if found is None else found.group(1).lower()


class LinkHost(Record, kw_only=True):
    """A host a source's link may go to, and why it can be trusted as the work's own place."""

    host: Host
    reason: NonEmpty


class ReadVia(Record, kw_only=True):
    """A copy the facts were read in (a mirror, a page quoting the work): never shown as the
    link, always named, with what was read there."""

    url: Url
    what: Text


class SourceEntry(Record, kw_only=True):
    """One work, as a doctor would cite it: who wrote it, what it is called, where it appeared,
    its identifiers and its own link; then how mgcheck's facts were read and how the identity
    was checked. ``organisation`` is the publisher or authority (for a paper, the journal)."""

    key: Key
    kind: SourceKind
    authors: list[NonEmpty] = field(default_factory=list)  # "Marshall NS", or a group's name
    et_al: bool = False  # the work has more authors than those listed
    editors: bool = False  # the names are the editors of a book
    organisation: Text
    title: NonEmpty
    series: NonEmpty | None = None  # a report's number (Nord 2023:003), a press release's
    container: NonEmpty | None = None  # the journal (its NLM abbreviation) or the book
    year: Annotated[int | None, Field(ge=1900, le=2100)] = None
    volume: NonEmpty | None = None
    issue: NonEmpty | None = None
    pages: NonEmpty | None = None
    doi: Doi | None = None
    pmid: Pmid | None = None
    pmcid: Pmcid | None = None
    url: Url | None = None  # the work's own link: doi.org, PubMed, the publisher or authority
    read: Literal["direct", "secondary"]
    read_via: ReadVia | None = None
    checked: NonEmpty  # how the identity was checked against the work, and when
    note: Text | None = None

    def check(self) -> None:
        if self.read == "secondary" and self.read_via is None:
            raise ValueError("a source read second-hand needs 'read_via', the page it was read on")
        if self.read_via is not None and self.url == self.read_via.url:
            raise ValueError("the link is the work's own; a copy belongs in 'read_via' only")
        if self.kind == "article" and (self.container is None or self.year is None):
            raise ValueError("a journal article needs its journal ('container') and its year")
        if self.editors and not self.authors:
            raise ValueError("'editors' names no one: list them in 'authors'")
        if self.doi is not None and self.url != f"https://doi.org/{self.doi}":
            raise ValueError("a work with a DOI links to it: https://doi.org/<doi>")


class SourceList(Record):
    schema_version: Annotated[int, Field(ge=2, le=2)]
    link_hosts: Annotated[list[LinkHost], Field(min_length=1)]
    sources: Annotated[list[SourceEntry], Field(min_length=1)]

    def check(self) -> None:
        _unique([h.host for h in self.link_hosts], "link host")
        _unique([s.key for s in self.sources], "source key")
        allowed = {h.host for h in self.link_hosts}
        for source in self.sources:
            if source.url is not None and link_host(source.url) not in allowed:
                raise ValueError(
                    f"source {source.key!r} links to {link_host(source.url)!r}, which is not in"
                    " link_hosts (the work's publisher, an authority, doi.org or PubMed)"
                )
        used = {link_host(s.url) for s in self.sources if s.url is not None}
        unused = sorted(allowed - used)
        if unused:
            raise ValueError(f"link_hosts lists hosts no source links to: {', '.join(unused)}")


# --- reference intakes and upper limits ----------------------------------------------------

Age = Annotated[int, Field(ge=0, le=130)]


class AgeBand(Record):
    ages: tuple[Age, Age | None]

    def covers(self, age: int) -> bool:
        low, high = self.ages
        return low <= age and (high is None or age <= high)


class IntakeRow(AgeBand):
    female: Mg
    male: Mg
    pregnant: Mg | None = None
    breastfeeding: Mg | None = None


class LimitRow(AgeBand):
    mg: Mg
    sources: Keys
    note: Text | None = None


def _check_bands(bands: list[IntakeRow] | list[LimitRow], what: str) -> None:
    """Bands must be in order, without gaps or overlaps, and only the last may be open."""
    for index, band in enumerate(bands):
        low, high = band.ages
        if high is not None and high < low:
            raise ValueError(f"{what} band {low}-{high}: the ages are the wrong way round")
        if high is None and index != len(bands) - 1:
            raise ValueError(f"{what} band {low}+: only the last band may be open-ended")
        if index and bands[index - 1].ages[1] != low - 1:
            raise ValueError(f"{what} band starting at {low}: does not follow the one before")


class StandardData(Record):
    id: Standard
    short: NonEmpty
    name: Text
    intake_kind: Text
    intake_sources: Keys
    intakes: Annotated[list[IntakeRow], Field(min_length=1)]
    pregnancy_note: Text
    upper_limits: Annotated[list[LimitRow], Field(min_length=1)]
    no_limit_note: Text

    def check(self) -> None:
        _check_bands(self.intakes, "intake")
        _check_bands(self.upper_limits, "upper limit")


class ArticleDose(Record):
    daily_mg: Mg
    sources: Keys


class LabRange(Record):
    low: Annotated[float, Field(gt=0)]
    high: Annotated[float, Field(gt=0)]
    unit: Literal["mmol/L"]
    sources: Keys


class ChildLabRange(AgeBand, kw_only=True):
    sex: Sex | None = None  # None: both
    low: Annotated[float, Field(gt=0)]
    high: Annotated[float, Field(gt=0)]


class ChildLabRanges(Record):
    sources: Keys
    bands: Annotated[list[ChildLabRange], Field(min_length=1)]


class CriticalValues(Record):
    """Results a laboratory phones to the doctor at once: below ``low`` or above ``high``."""

    low: Annotated[float, Field(gt=0)]
    high: Annotated[float, Field(gt=0)]
    unit: Literal["mmol/L"]
    sources: Keys


class LabSpread(Record):
    """How laboratories' adult ranges differ (issue 17): a value within ``edge`` of the default
    range, with no range of the person's own, is at the edge, not a finding in itself; below
    ``lowest_low`` or above ``highest_high`` it is outside every range mgcheck's sources name."""

    edge: Annotated[float, Field(gt=0, le=0.2)]
    lowest_low: Annotated[float, Field(gt=0)]
    highest_high: Annotated[float, Field(gt=0)]
    unit: Literal["mmol/L"]
    sources: Keys


class DoseBands(Record):
    far_above_mg: Mg
    far_above_times_limit: Annotated[float, Field(gt=1, le=10)]
    far_above_sources: Keys
    toxic_mg: Mg
    toxic_sources: Keys

    def check(self) -> None:
        if not self.far_above_mg < self.toxic_mg:
            raise ValueError("far_above_mg must be below toxic_mg")


class IronThresholds(Record):
    ferritin_ug_per_l: Annotated[float, Field(gt=0, le=1000)]
    tsat_pct: Annotated[float, Field(gt=0, le=100)]
    sources: Keys
    ferritin_iv_upper_ug_per_l: Annotated[float, Field(gt=0, le=1000)]
    ferritin_iv_upper_read: Literal["direct", "secondary"]


class LimitsFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    article: ArticleDose
    lab_range: LabRange
    child_lab_ranges: ChildLabRanges
    lab_critical: CriticalValues
    lab_spread: LabSpread
    dose_bands: DoseBands
    iron: IronThresholds
    standards: list[StandardData]

    def check(self) -> None:
        spread, lab = self.lab_spread, self.lab_range
        if (
            not spread.lowest_low
            < lab.low - spread.edge
            < lab.high + spread.edge
            < (spread.highest_high)
        ):
            raise ValueError("lab_spread: the edge must sit inside every laboratory's spread")
        _unique([s.id.value for s in self.standards], "standard")
        missing = {s.value for s in Standard} - {s.id.value for s in self.standards}
        if missing:
            raise ValueError(f"missing standard(s): {', '.join(sorted(missing))}")

    def standard(self, which: Standard) -> StandardData:
        return next(s for s in self.standards if s.id is which)


# --- supplement forms ----------------------------------------------------------------------

Formula = Annotated[str, Field(pattern=r"^[A-Za-z0-9()]+(·[0-9]*H2O)?$")]


class AsSold(Record):
    """A product's own figures, for forms sold with water or fillers that no formula shows."""

    compound_mg: Mg
    magnesium_mg: Mg
    sources: Keys

    def check(self) -> None:
        if not 0 < self.magnesium_mg < self.compound_mg:
            raise ValueError("magnesium_mg must be more than 0 and less than compound_mg")


class Variant(Record):
    id: Key
    label: Text
    formula: Formula | None = None
    as_sold: AsSold | None = None
    aliases: tuple[NonEmpty, ...] = ()
    named_only: bool = False  # a compound of its own: used only when the label names it

    def check(self) -> None:
        if (self.formula is None) == (self.as_sold is None):
            raise ValueError("give either formula or as_sold")


class LabelOnly(Record):
    """A name on shop labels whose magnesium share mgcheck's sources do not give."""

    names: Annotated[list[NonEmpty], Field(min_length=1)]
    form: Key  # the form it belongs with, for the message
    note: Text


class Form(Record, kw_only=True):
    id: Key
    name: Text
    aliases: Annotated[list[NonEmpty], Field(min_length=1)]
    variants: Annotated[list[Variant], Field(min_length=1)]
    absorption: Text
    stomach: Text
    label_note: Text | None = None  # how its labels give the amount, when that misleads
    sources: Keys


class FormsFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    forms: Annotated[list[Form], Field(min_length=1)]
    label_only: list[LabelOnly] = field(default_factory=list)

    def check(self) -> None:
        _unique([f.id for f in self.forms], "form id")
        _unique([v.id for f in self.forms for v in f.variants], "variant id")
        ids = {f.id for f in self.forms}
        for entry in self.label_only:
            if entry.form not in ids:
                raise ValueError(f"label_only names form {entry.form!r}, which is not in forms")


# --- warnings ------------------------------------------------------------------------------


class Timing(Record):
    """Hours between a medicine and magnesium: the medicine this long before, or this long after."""

    medicine_before_h: Annotated[float, Field(gt=0, le=24)]
    medicine_after_h: Annotated[float, Field(gt=0, le=24)]


class Item(Record):
    id: Key
    title: Text
    text: Text
    sources: Keys
    applies_to: tuple[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")], ...] = ()
    timing: Timing | None = None


class Section(Record):
    id: Key
    level: Level
    aliases: Annotated[list[NonEmpty], Field(min_length=1)]
    title: Text
    items: Annotated[list[Item], Field(min_length=1)]


class Helpline(Record, kw_only=True):
    id: Key
    number: NonEmpty | None
    name: Text
    region: Text | None = None  # the region it serves, for short lists of numbers
    when: Text
    sources: Keys


class Helplines(Record):
    last_checked: dt.date
    checked_how: Text
    lines: Annotated[list[Helpline], Field(min_length=1)]


class GuidanceFile(Record):
    schema_version: Annotated[int, Field(ge=1, le=1)]
    sections: Annotated[list[Section], Field(min_length=1)]
    helplines: Helplines

    def check(self) -> None:
        _unique([s.id for s in self.sections], "section id")
        _unique([i.id for s in self.sections for i in s.items], "item id")
        _unique([a for s in self.sections for a in s.aliases], "section alias")
        order = list(Level)
        levels = [order.index(s.level) for s in self.sections]
        if levels != sorted(levels):
            raise ValueError("sections must be in order of urgency: urgent, doctor, caution, info")

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]
