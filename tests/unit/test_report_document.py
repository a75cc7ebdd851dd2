"""The self-check's report as one document in three forms (issue 19 points 2 and 4).

The persons here answered the diet questions; each report must show the estimate with why it is
what it is, or say in one sentence why not. Their levels come from the rules (tested in the
vignettes); what is tested here is what the report says and where.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgcheck.i18n import Language, set_language
from mgcheck.models.answers import Answers
from mgcheck.render import report as files
from mgcheck.render.document import numbers, write
from mgcheck.results.assess import AssessResult, evaluate
from mgcheck.store.snapshot import assess_data
from mgcheck.vocab import Condition, DietGroup, Level, Medicine, Standard, Symptom

DATA = assess_data()
DAY = dt.date(2026, 12, 7)
DIET = {"nuts_seeds": 0.5, "whole_grains": 2, "legumes": 0, "leafy_greens": 1, "fish": 0.3}
DIET |= {"dairy": 2, "fruit": 1}
LEGS = {
    "urge_to_move": True,
    "worse_at_rest": True,
    "better_when_moving": True,
    "worse_evening_night": True,
    "look_alikes": ["pain_when_walking"],
    "days_per_week": 5,
    "distress": "severe",
    "sleep_disturbed": True,
}

# Inge, from the issue: 67, kidney disease, furosemide and omeprazole, a blood magnesium above
# the range; she answered all seven diet questions.
INGE: dict[str, Any] = {
    "age": 67,
    "sex": "female",
    "conditions": ["kidney_disease"],
    "medicines": ["loop_diuretic", "ppi"],
    "considering_magnesium": True,
    "legs": LEGS,
    "diet": DIET,
    "labs": {"magnesium": {"value": 1.05, "unit": "mmol/L"}},
}
# 52, citrate within the limit, low ferritin and transferrin saturation: the estimate is shown.
KAREN: dict[str, Any] = {
    "age": 52,
    "sex": "female",
    "medicines": ["levothyroxine"],
    "magnesium": {"form": "citrate", "amount_mg": 400, "elemental": False, "per_day": 2},
    "legs": LEGS,
    "diet": DIET,
    "labs": {
        "magnesium": {"value": 1.6, "unit": "mg/dL"},
        "ferritin": {"value": 40, "unit": "ug/L"},
        "transferrin_saturation": {"value": 18},
    },
}
TEEN = {"age": 15, "sex": "male", "diet": DIET}
BREATHLESS = {"age": 50, "sex": "female", "symptoms_now": ["breathing_difficulty"]}
BREATHLESS |= {"diet": {g.value: 3.0 for g in DietGroup}}  # well above the need
BREATHLESS_LOW_DIET = {**BREATHLESS, "diet": {g.value: 0.0 for g in DietGroup}}
ABOVE_LIMIT = {**KAREN, "magnesium": {"form": "citrate", "amount_mg": 400, "per_day": 2}}
ABOVE_LIMIT["magnesium"] = {"form": "oxide", "amount_mg": 500, "elemental": True, "per_day": 1}


def run(person: dict[str, Any], lang: Language = "da") -> AssessResult:
    set_language(lang)  # the renderers speak the process language, as in a run
    return evaluate(Answers.model_validate(person), DATA, Standard.NNR, lang)


def forms(person: dict[str, Any], lang: Language = "da") -> dict[str, str]:
    result = run(person, lang)
    return {
        suffix: files.render_file(suffix, result.report, result.sources, DAY)
        for suffix in (".html", ".md", ".txt")
    }


def plain(text: str) -> str:
    """Text on one line, non-breaking spaces as spaces: to search for words across the text
    form's wrapped lines."""
    return " ".join(text.replace("\u00a0", " ").split())


# --- the diet estimate: shown with its why, or one sentence saying why not -------------------


SHOWN = "Fra de fødevaregrupper, du har talt med, får du groft regnet"
WHY = "Kun disse syv fødevaregrupper tælles med"
NOT_SHOWN = {
    "must_stop": "dine svar siger, at magnesium må vente, til du har talt med en læge",
    "under_18": "under 18 år viser mgcheck ingen mængder",
    "urgent": "når noget i dine svar haster",
}


@pytest.mark.parametrize(
    ("person", "reason"),
    [
        (INGE, "must_stop"),  # the seven questions with no estimate and no reason
        (TEEN, "under_18"),
        (BREATHLESS, "urgent"),  # 538 mg beside "call 112" would reassure
        (KAREN, None),
        (ABOVE_LIMIT, None),  # the estimate is food, not a supplement: still shown
        # Review 3: no diet advice beside 112 either ("the foods below help most", and none follow)
        (BREATHLESS_LOW_DIET, "urgent"),
    ],
)
def test_an_answered_diet_gets_its_estimate_or_a_reason(
    person: dict[str, Any], reason: str | None
) -> None:
    result = run(person)
    assert result.report.facts is not None
    assert result.report.facts.diet_withheld == reason
    for suffix, content in forms(person).items():
        text = plain(content)
        if reason is None:
            assert SHOWN in text and WHY in text, suffix
            assert not any(words in text for words in NOT_SHOWN.values()), suffix
        else:
            assert NOT_SHOWN[reason] in text, suffix
            assert SHOWN not in text and WHY not in text, suffix


def test_the_estimate_says_which_groups_give_most() -> None:
    result = run(KAREN)
    facts = result.report.facts
    assert facts is not None
    assert [row.short for row in facts.diet[:2]] == ["fuldkorn", "mælk, yoghurt eller kærnemælk"]
    assert [row.portions for row in facts.diet[:2]] == [2, 2]
    assert sum(row.mg for row in facts.diet) == pytest.approx(result.report.diet_mg)
    markdown = forms(KAREN)[".md"].replace("\u00a0", " ")
    assert re.search(r"^\| fuldkorn \(en skive rugbrød.*\) \| 2,0 \| \d+ mg \|$", markdown, re.M)
    assert re.search(r"^\| I alt pr. dag \(groft\) \|  \| \d+ mg \|$", markdown, re.M)


def some(enum: Any) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from([e.value for e in enum]), unique=True, max_size=3)


@st.composite
def dieters(draw: st.DrawFn) -> dict[str, Any]:
    """Anyone who answered the diet questions: any age, conditions, medicines, symptoms,
    supplement and blood magnesium."""
    person: dict[str, Any] = {
        "age": draw(st.integers(min_value=1, max_value=100)),
        "sex": draw(st.sampled_from(["female", "male"])),
        "conditions": draw(some(Condition)),
        "medicines": draw(some(Medicine)),
        "symptoms_now": draw(some(Symptom)),
        "diet": {g.value: draw(st.floats(0, 6)) for g in DietGroup},
    }
    if draw(st.booleans()):
        amount = draw(st.floats(min_value=10, max_value=2000))
        person["magnesium"] = {"form": "citrate", "amount_mg": amount, "per_day": 1}
    if draw(st.booleans()):
        value = draw(st.floats(min_value=0.3, max_value=2))
        person["labs"] = {"magnesium": {"value": value, "unit": "mmol/L"}}
    return person


@settings(max_examples=60, deadline=None)
@given(dieters())
def test_any_answered_diet_is_estimated_or_explained(person: dict[str, Any]) -> None:
    result = run(person, "en")
    text = plain(files.render_file(".txt", result.report, result.sources, DAY))
    shown = "From the food groups you counted you get roughly" in text
    said = "Your diet estimate is not shown" in text
    assert shown != said
    facts = result.report.facts
    assert facts is not None
    # Beside an urgent finding, never an estimate that reaches the need.
    if shown and result.report.level is Level.URGENT:
        need = result.report.need_mg
        assert need is None or (result.report.diet_mg or 0) < need


# --- one document, three forms -------------------------------------------------------------


def _cited(text: str) -> list[int]:
    """The source numbers cited, in order: "[1–3,7]" is 1, 2, 3, 7."""
    out: list[int] = []
    for group in re.findall(r"\[(\d+(?:[–,]\d+)*)\]", text):
        for part in group.split(","):
            low, _, high = part.partition("–")
            out += range(int(low), int(high or low) + 1)
    return out


@pytest.mark.parametrize("person", [INGE, KAREN, TEEN, BREATHLESS])
def test_citations_are_numbered_in_the_order_first_cited_without_gaps(
    person: dict[str, Any],
) -> None:
    markdown = forms(person)[".md"]
    body, listed = markdown.split("\n## Kilder\n")
    first_seen = list(dict.fromkeys(_cited(body)))
    assert first_seen == list(range(1, len(first_seen) + 1))
    numbers_listed = [int(n) for n in re.findall(r"^(\d+)\. ", listed, re.M)]
    assert numbers_listed == list(range(1, len(first_seen) + 1))


@pytest.mark.parametrize("person", [INGE, KAREN, TEEN, BREATHLESS, BREATHLESS_LOW_DIET])
def test_the_terminal_numbers_the_sources_as_the_files_do(person: dict[str, Any]) -> None:
    result = run(person)
    document = files.document(result.report, result.sources, DAY)
    assert files.source_numbers(result.report) == numbers(document)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag == "a":
            self.hrefs.append(values.get("href") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_marks_the_level_first_and_links_citations_and_sources() -> None:
    page = _Page()
    content = forms(INGE)[".html"]
    page.feed(content)
    text = plain("".join(page.text))
    # The level, before any finding, with the scale marked.
    assert text.index("Samlet: Tal med en læge") < text.index("Nyresygdom")
    assert 'aria-current="true">Tal med en læge</li>' in content
    assert "<strong>Nyresygdom</strong>" in content
    # Every citation links to a numbered source that exists; every source's link works.
    linked = [h for h in page.hrefs if h.startswith("#")]
    assert linked and {h[1:] for h in linked} <= set(page.ids)
    cited = set(_cited(text))
    assert [i for i in page.ids if i.startswith("ref-")] == [f"ref-{n}" for n in sorted(cited)]
    assert cited == set(range(1, len(cited) + 1))
    assert any(h.startswith("https://") for h in page.hrefs)
    assert "@page{size:A4" in content and "@media print" in content
    assert "<script" not in content


def test_the_doctors_part_speaks_about_the_person_and_holds_the_tables() -> None:
    markdown = forms(KAREN)[".md"].replace("\u00a0", " ")
    yours, doctor = markdown.split("\n## Til lægen\n", 1)
    doctor = doctor.split("\n## Kilder\n", 1)[0]
    assert "»Til dig« er skrevet til dig. »Til lægen«" in yours
    assert "Svar fra personen selv" in doctor
    # Outside the quoted options, no "du", "dig", "din", "dit", "dine".
    unquoted = re.sub(r"»[^«]*«", "", doctor)
    assert not re.search(r"\b(du|dig|din|dit|dine)\b", unquoted, re.I), unquoted
    # Values with units and what they are compared with, converted where needed.
    rows = [line for line in doctor.splitlines() if line.startswith("| ")]

    def row(pattern: str) -> bool:
        return any(re.match(pattern, line) for line in rows)

    # With where it lies against the range it was judged against (review 2, point 8).
    assert row(
        r"\| Magnesium i blodet \| 1,60 mg/dL = 0,66 mmol/L \(under området\) \| "
        r"referenceområde for voksne"
    )
    assert row(r".*0,71–0,94 mmol/L \[\d+\] \|$")
    assert row(r"\| Ferritin \| 40 µg/L \| urolige ben: .* 75 µg/L eller lavere \[\d+\] \|$")
    assert row(r"\| Transferrinmætning \| 18 % \| urolige ben: .* under 20 % \[\d+\] \|$")
    # Medicines and the supplement in one table, with the supplement's magnesium a day.
    assert row(r"\| Medicin \| levothyroxin")
    assert row(r"\| Magnesiumtilskud \| Magnesiumcitrat \| 400 mg × 2 om dagen: \d+–\d+ mg")
    # Shown in the tables, so not again among the answers.
    assert doctor.count("levothyroxin") == 1 and doctor.count("40 µg/L") == 1


def test_markdown_has_no_stray_escapes_and_the_overall_line_stands_alone() -> None:
    for person in (INGE, KAREN, TEEN, BREATHLESS):
        markdown = forms(person)[".md"]
        assert "\\" not in markdown  # nothing a person typed here needs one
        lines = markdown.splitlines()
        overall = next(i for i, line in enumerate(lines) if "**Samlet: " in line)
        assert lines[overall - 1] == "" and lines[overall + 1] in ("", ">")
    assert "(stofskiftemedicin)" in forms(KAREN)[".md"]


def test_markdown_reads_back_as_the_text_says() -> None:
    """Rendered by a CommonMark parser, the Markdown has the words of the text form."""
    from markdown_it import MarkdownIt

    content = forms(KAREN)
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    page = _Page()
    page.feed(parser.render(content[".md"]))
    rendered = " ".join("".join(page.text).split())
    for sentence in (
        "Fra de fødevaregrupper, du har talt med, får du groft regnet",
        "Magnesiumcitrat",
        "400 mg × 2 om dagen",
        "»læggene gør ondt, når du går, og det letter, når du står stille«",
    ):
        assert " ".join(plain(sentence).split()) in plain(rendered)
    assert {"img", "code", "s"}.isdisjoint(page.tags)
    assert page.tags.count("em") == 2  # the two notes of whom a part is written for
    assert all(href.startswith("http") for href in page.hrefs)  # the sources' links only


def test_the_text_form_fits_78_columns_but_for_links() -> None:
    for person in (INGE, KAREN):
        for line in forms(person)[".txt"].splitlines():
            assert len(line) <= 78 or re.fullmatch(r"\s*https?://\S+", line), line


def test_the_files_speak_english_too() -> None:
    content = forms(KAREN, "en")
    assert "> **Overall: Talk to a doctor**" in content[".md"]
    assert "FOR YOUR DOCTOR" in content[".txt"]
    assert "Answers from the person themselves" in plain(content[".html"])


def test_every_form_is_the_same_document() -> None:
    """The three forms say the same things: each finding title, each citation mark."""
    result = run(INGE)
    content = forms(INGE)
    for finding in result.report.findings:
        for form in content.values():
            assert finding.title in plain(form)
    marks = {suffix: sorted(set(_cited(plain(form)))) for suffix, form in content.items()}
    html_marks = sorted(set(_cited(plain(re.sub(r"<[^>]+>", "", content[".html"])))))
    assert marks[".md"] == marks[".txt"] == html_marks


def test_write_takes_the_forms_a_file_name_asks_for() -> None:
    result = run(KAREN)
    document = files.document(result.report, result.sources, DAY)
    assert write(document, "html").startswith("<!DOCTYPE html>")
    assert write(document, "markdown").startswith("# mgcheck-rapport, 2026-12-07\n")
    assert write(document, "text").startswith("mgcheck-rapport, 2026-12-07\n=====")


@pytest.mark.parametrize(("output", "loaded"), [(None, False), ("r.md", True)])
def test_the_document_writer_is_imported_only_to_write_a_file(
    tmp_path: Any, output: str | None, loaded: bool
) -> None:
    """Start-up (issue 20 point 7): the terminal report does without the document writer."""
    import subprocess
    import sys

    answers = tmp_path / "a.yaml"
    answers.write_text("age: 52\nsex: female\n", encoding="utf-8")
    argv = ["mgcheck", "assess", "--answers", str(answers)]
    argv += [] if output is None else ["--output", str(tmp_path / output)]
    code = (
        "import runpy, sys\n"
        f"sys.argv = {argv!r}\n"
        "try:\n"
        "    runpy.run_module('mgcheck', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "sys.stderr.write(str('mgcheck.render.document' in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.endswith(str(loaded)), done.stderr
