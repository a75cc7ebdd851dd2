"""The HTML reports in a real browser: headless Chromium lays them out, prints them to PDF, and
their first pages (and the doctor's page) become the PNGs in docs/.

    .venv/bin/python scripts/report_pages.py

Writes docs/report-page1.png and docs/report-doctor.png: the Danish report for Inge (67, kidney
disease, furosemide and omeprazole, blood magnesium 1.05 mmol/L), printed on A4; and
docs/trial-page1.png: the Danish report for the doctor of a finished n-of-1 trial (the goldens'
kept trial: six pairs, 81 of 84 nights written). Needs Debian's ``chromium`` and ``pdftoppm``
(poppler-utils). tests/cli/test_report_browser.py uses the same functions to check the layout;
neither touches the network (a local file, and Chromium's background networking off).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
MM = 96 / 25.4  # CSS pixels in a millimetre
A4_WIDTH_PX = round(210 * MM)  # 794
PAGE_MARGIN_MM = 16  # the report's @page margin, left and right
PRINT_WIDTH_PX = round((210 - 2 * PAGE_MARGIN_MM) * MM)  # the printed text's width: 673
PT = 72 / 25.4  # PDF points in a millimetre

INGE = """\
age: 67
sex: female
conditions: [kidney_disease]
medicines: [loop_diuretic, ppi]
considering_magnesium: true
legs:
  urge_to_move: true
  worse_at_rest: true
  better_when_moving: true
  worse_evening_night: true
  look_alikes: []
  days_per_week: 5
  distress: severe
  sleep_disturbed: true
diet: {nuts_seeds: 0, whole_grains: 2, legumes: 0, leafy_greens: 0.5, fish: 1, dairy: 1, fruit: 1}
labs:
  magnesium: {value: 1.05, unit: mmol/L}
"""

# Written into a copy of the page: how wide the page and its widest element are.
_MEASURE = """<script>
(() => {
  const root = document.documentElement;
  let widest = 0, culprit = "";
  for (const el of document.body.querySelectorAll("*")) {
    const right = el.getBoundingClientRect().right;
    if (right > widest) {
      widest = right;
      culprit = el.tagName + " " + el.textContent.slice(0, 60);
    }
  }
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({scroll: root.scrollWidth, client: root.clientWidth,
                                    widest: Math.ceil(widest), culprit: culprit});
  document.body.appendChild(out);
})();
</script>"""


def chromium() -> str | None:
    """The Chromium to use, or None where none is installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(args: list[str], profile: Path, timeout: float = 180) -> str:
    """Chromium headless on a local file; its stdout. ``profile`` is a folder of its own."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("Chromium is not installed (Debian: apt-get install chromium)")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(profile),
        "LANG": "C.UTF-8",
    }
    done = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def measure(page: str, width: int, work: Path, *, as_printed: bool) -> dict[str, object]:
    """Lay ``page`` (an HTML document) out ``width`` CSS pixels wide and measure it: the page's
    scroll width, its visible width and the right edge of its widest element. ``as_printed``
    applies the print stylesheet, so ``width`` is the printed page's text width."""
    if as_printed:
        page = page.replace("@media print{", "@media all{")
    copy = work / f"measure-{width}-{int(as_printed)}.html"
    copy.write_text(page.replace("</body>", _MEASURE + "\n</body>"), encoding="utf-8")
    dom = run_chromium(
        [f"--window-size={width},1200", "--hide-scrollbars", "--dump-dom", copy.as_uri()],
        work / "profile",
    )
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    if found is None:
        raise RuntimeError("the page did not measure itself")
    import html

    measured: dict[str, object] = json.loads(html.unescape(found.group(1)))
    measured["dom"] = dom
    return measured


def print_pdf(page: Path, pdf: Path, work: Path) -> None:
    """``page`` printed to ``pdf`` as Chromium prints it (A4 from the page's own @page)."""
    run_chromium(
        ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], work / "profile"
    )
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
        raise RuntimeError("Chromium wrote no PDF")


def pdf_pages(pdf: Path) -> list[str] | None:
    """The text of each page (pdftotext), or None without poppler-utils."""
    if shutil.which("pdftotext") is None:
        return None
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def pdf_overflow(pdf: Path) -> list[str] | None:
    """Words printed beyond the right margin (pdftotext's boxes), or None without poppler."""
    if shutil.which("pdftotext") is None:
        return None
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out: list[str] = []
    width = 0.0
    for line in boxes.splitlines():
        page = re.search(r'<page width="([\d.]+)"', line)
        if page:
            width = float(page.group(1))
        word = re.search(
            r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*)</word>', line
        )
        # One point of slack for rounding; the margin is 16 mm.
        if word and float(word.group(1)) > width - PAGE_MARGIN_MM * PT + 1:
            out.append(word.group(2))
    return out


def page_png(pdf: Path, number: int, png: Path, dpi: int = 80) -> None:
    """Page ``number`` of ``pdf`` as a PNG (pdftoppm)."""
    prefix = png.with_suffix("")
    subprocess.run(
        [
            *("pdftoppm", "-png", "-r", str(dpi), "-singlefile"),
            *("-f", str(number), "-l", str(number), str(pdf), str(prefix)),
        ],
        check=True,
    )


def inge_report(work: Path) -> Path:
    """The Danish HTML report for Inge, written by mgcheck itself."""
    answers = work / "inge.yaml"
    answers.write_text(INGE, encoding="utf-8")
    page = work / "rapport.html"
    env = dict(os.environ, MGCHECK_LANG="da", MGCHECK_HOME=str(work / "home"), TERM="dumb")
    subprocess.run(
        [
            *(sys.executable, "-m", "mgcheck", "assess", "--answers", str(answers)),
            *("--output", str(page), "--force"),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    return page


def _mgcheck(work: Path, *args: str, today: str | None = None) -> None:
    """mgcheck run as a user runs it, in Danish, with its home in ``work``."""
    env = dict(os.environ, MGCHECK_LANG="da", MGCHECK_HOME=str(work / "home"), TERM="dumb")
    if today is not None:
        env["MGCHECK_TODAY"] = today
    subprocess.run(
        [sys.executable, "-m", "mgcheck", *args], env=env, check=True, capture_output=True, cwd=work
    )


def trial_report(work: Path, nights: str) -> Path:
    """The Danish HTML report for the doctor of a finished trial, written by mgcheck itself:
    planned on 30 November 2024 (seed 7, no run-in), ``nights`` (a diary CSV) imported, and
    reported on 1 March 2025."""
    answers = work / "mand.yaml"
    answers.write_text("age: 40\nsex: male\n", encoding="utf-8")
    kept = work / "naetter.csv"
    kept.write_text(nights, encoding="utf-8")
    _mgcheck(
        work, "diary", "trial", "plan", "--answers", str(answers), "--seed", "7", "--run-in", "0",
        "--dose", "magnesiumcitrat 400 mg forbindelse", today="2024-11-30",
    )  # fmt: skip
    _mgcheck(work, "diary", "import", str(kept), "--replace", today="2025-03-01")
    page = work / "forsoeg.html"
    _mgcheck(work, "diary", "trial", "report", "--output", str(page), "--force", today="2025-03-01")
    return page


def kept_nights() -> str:
    """The goldens' kept trial (tests/golden/cases.py): legs about 2 points lower on magnesium,
    three nights missing, two off the plan."""
    sys.path.insert(0, str(ROOT / "tests" / "golden"))
    from cases import _trial_nights

    return str(_trial_nights())


def main() -> int:
    if chromium() is None or shutil.which("pdftoppm") is None:
        print("needs chromium and pdftoppm (apt-get install chromium poppler-utils)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        page = inge_report(work)
        pdf = work / "rapport.pdf"
        print_pdf(page, pdf, work)
        texts = pdf_pages(pdf) or []
        doctor = next(i for i, text in enumerate(texts, 1) if text.lstrip().startswith("Til lægen"))
        DOCS.mkdir(exist_ok=True)
        page_png(pdf, 1, DOCS / "report-page1.png")
        page_png(pdf, doctor, DOCS / "report-doctor.png")
        trial = trial_report(work, kept_nights())
        trial_pdf = work / "forsoeg.pdf"
        print_pdf(trial, trial_pdf, work)
        page_png(trial_pdf, 1, DOCS / "trial-page1.png")
    print(f"docs/report-page1.png, docs/report-doctor.png (page {doctor} of {len(texts)})")
    print("docs/trial-page1.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
