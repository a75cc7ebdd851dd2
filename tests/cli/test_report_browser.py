"""The HTML report in a real browser (issue 19 point 2): headless Chromium lays it out on an A4
screen and as printed, and prints it to PDF. It fails on a page wider than the paper or a part
missing; without Chromium it is skipped with the reason (CI installs it: .ci/run)."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import report_pages as browser  # noqa: E402  (scripts/report_pages.py, which makes the PNGs)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        browser.chromium() is None,
        reason="Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it",
    ),
]

LEVEL = "Samlet: Tal med en læge"
FINDINGS = ("Nyresygdom", "Gå til egen læge med dine ben", "Dit magnesium i blodet er højt")


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def page(work: Path) -> Path:
    """Inge's report in Danish, as mgcheck writes it."""
    return browser.inge_report(work)


def _text(dom: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", dom).replace("&nbsp;", " ").split())


def _numbers(dom: str) -> tuple[set[int], list[int]]:
    """The numbers cited in the text, and the source list's numbers in order."""
    cited: set[int] = set()
    for group in re.findall(r"\[(\d+(?:[–,]\d+)*)\]", re.sub(r"<[^>]+>", "", dom)):
        for part in group.split(","):
            low, _, high = part.partition("–")
            cited |= set(range(int(low), int(high or low) + 1))
    return cited, [int(n) for n in re.findall(r'<li id="ref-(\d+)"', dom)]


def _printed(page: Path, pdf: Path, work: Path) -> list[str]:
    """``page`` printed to ``pdf`` by Chromium; the text of each page (skipped, with the
    reason, without pdftotext)."""
    browser.print_pdf(page, pdf, work)
    pages = browser.pdf_pages(pdf)
    if pages is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF was made but not read")
    return pages


@pytest.mark.parametrize(
    ("width", "as_printed"),
    [(browser.A4_WIDTH_PX, False), (browser.PRINT_WIDTH_PX, True)],
    ids=["a4-screen", "a4-printed"],
)
def test_the_page_fits_a4_and_has_every_part(
    page: Path, work: Path, width: int, as_printed: bool
) -> None:
    measured = browser.measure(page.read_text(encoding="utf-8"), width, work, as_printed=as_printed)
    assert measured["client"] == width
    assert measured["scroll"] == width, measured["culprit"]  # nothing wider than the paper
    assert isinstance(measured["widest"], int) and measured["widest"] <= width, measured["culprit"]
    dom = str(measured["dom"])
    text = _text(dom).replace("\u00a0", " ")
    # The level first, marked; then the findings, the doctor's part, and the numbered sources.
    assert text.index(LEVEL) < min(text.index(title) for title in FINDINGS)
    assert 'class="banner tone-doctor"' in dom and 'aria-current="true"' in dom
    for title in FINDINGS:
        assert f"<strong>{title}</strong>" in dom
    assert "Til lægen" in text and "Svar fra personen selv" in text
    assert "Magnesium i blodet" in text and "0,71–0,94 mmol/L" in text
    cited, listed = _numbers(dom)
    assert listed == list(range(1, len(listed) + 1)) and cited == set(listed)
    linked = {int(n) for n in re.findall(r'href="#ref-(\d+)"', dom)}
    assert linked <= cited


def test_printed_to_pdf_on_a4_within_the_margins(page: Path, work: Path) -> None:
    pdf = work / "rapport.pdf"
    pages = _printed(page, pdf, work)
    assert 2 <= len(pages) <= 6
    first = " ".join(pages[0].split())
    assert first.index(LEVEL) < first.index(FINDINGS[0])
    # The doctor's part starts a page of its own, so it can be handed over alone.
    doctor = [p for p in pages if p.lstrip().startswith("Til lægen")]
    assert len(doctor) == 1 and "Svar fra personen selv" in doctor[0]
    # The sources come after the doctor's part, which they serve too.
    after = pages[pages.index(doctor[0]) :]
    assert any("Kilder" in p for p in after) and "Kilder" not in " ".join(pages[: -len(after)])
    assert browser.pdf_overflow(pdf) == []  # no word beyond the right margin


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
@pytest.mark.parametrize("report", ["page", "trial_page"])
def test_page_one_becomes_a_png(report: str, work: Path, request: pytest.FixtureRequest) -> None:
    """The self-check's report and the trial's: page 1 as the PNG in docs/ is made."""
    page: Path = request.getfixturevalue(report)
    pdf = work / f"png-{report}.pdf"
    browser.print_pdf(page, pdf, work)
    png = work / f"{report}-1.png"
    browser.page_png(pdf, 1, png, dpi=30)
    assert png.read_bytes().startswith(b"\x89PNG")


# --- the trial's report for the doctor (issue 20: the same writer) --------------------------

TRIAL_TITLE = "Lodtrukket n-of-1-forsøg med magnesium mod urolige ben"
TRIAL_PARTS = (
    "Design (CENT 3a)",
    "Personen (CENT 4a)",
    "Lodtrækning (CENT 8-10)",
    "Resultater (CENT 16-17)",
    "Bivirkninger (CENT 19)",
    "Begrænsninger (CENT 20)",
    "Nat for nat",
)


@pytest.fixture(scope="module")
def trial_page(work: Path) -> Path:
    """The Danish report of the goldens' finished trial, as mgcheck writes it."""
    folder = work / "trial"
    folder.mkdir(exist_ok=True)
    return browser.trial_report(folder, browser.kept_nights())


@pytest.mark.parametrize(
    ("width", "as_printed"),
    [(browser.A4_WIDTH_PX, False), (browser.PRINT_WIDTH_PX, True)],
    ids=["a4-screen", "a4-printed"],
)
def test_the_trial_report_fits_a4_and_has_every_part(
    trial_page: Path, work: Path, width: int, as_printed: bool
) -> None:
    html = trial_page.read_text(encoding="utf-8")
    measured = browser.measure(html, width, work, as_printed=as_printed)
    assert measured["scroll"] == width, measured["culprit"]  # nothing wider than the paper
    assert isinstance(measured["widest"], int) and measured["widest"] <= width, measured["culprit"]
    dom = str(measured["dom"])
    text = _text(dom).replace("\u00a0", " ")
    # The title, the answer first and boxed, then the CENT parts in order, then the sources.
    assert text.index(TRIAL_TITLE) < text.index("Svaret") < text.index(TRIAL_PARTS[0])
    assert '<div class="callout"><strong>Svaret</strong>' in dom
    places = [text.index(part) for part in TRIAL_PARTS]
    assert places == sorted(places) and places[-1] < text.rindex("Kilder")
    assert "guyatt1988" not in dom  # a work, never its key
    cited, listed = _numbers(dom)
    assert listed == list(range(1, len(listed) + 1)) and cited == set(listed)
    assert {int(n) for n in re.findall(r'href="#ref-(\d+)"', dom)} <= cited  # "[14–19]": ends
    assert 'href="https://doi.org/10.1136/bmj.h1738"' in dom  # CENT 2015, linked as itself
    # The night-by-night table: one row per night, its dates never broken at their hyphens.
    assert dom.count('<td class="whole">20') == 84


def test_the_trial_report_printed_to_pdf_within_the_margins(trial_page: Path, work: Path) -> None:
    pdf = work / "forsoeg.pdf"
    pages = _printed(trial_page, pdf, work)
    assert 4 <= len(pages) <= 12
    first = " ".join(pages[0].split())
    assert first.index(TRIAL_TITLE) < first.index("Svaret") < first.index("Design (CENT 3a)")
    # The night-by-night table starts a page of its own (an appendix); the sources end it all.
    nights = [p for p in pages if p.lstrip().startswith("Nat for nat")]
    assert len(nights) == 1
    assert "Kilder" in " ".join(pages[pages.index(nights[0]) :])
    assert browser.pdf_overflow(pdf) == []  # no word beyond the right margin
