"""The document writer: one small document, three forms (render/document.py)."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mgcheck.render.document import (
    Banner,
    Cited,
    Document,
    Finding,
    Pairs,
    Paragraph,
    Reference,
    Section,
    Table,
    cited_keys,
    glue,
    markdown_text,
    numbers,
    write,
)

REFS = (
    Reference("a", "Author A: Work A (2001)", "https://doi.org/10.1/a"),
    Reference("b", "Author B: Work B (2002)", "https://pubmed.ncbi.nlm.nih.gov/1/"),
    Reference("c", "Author C: Work C", None),
    Reference("d", "Never cited", "javascript:alert(1)"),
)
DOC = Document(
    lang="en",
    title="A report",
    lead=(Paragraph("Not a diagnosis."),),
    banner=Banner(
        "Overall",
        "Talk to a doctor",
        "doctor",
        scale_label="From most to least urgent",
        scale=(("urgent", "Get help now"), ("doctor", "Talk to a doctor"), ("info", "Fine")),
    ),
    sections=(
        Section(
            "For you",
            sections=(
                Section(
                    "Talk to a doctor", (Finding("First", "Text one.", ("b", "c")),), tone="doctor"
                ),
                Section("Figures", (Pairs((("Need", Cited("300 mg", ("a",))), ("Legs", "fine"))),)),
            ),
            note="Written to you.",
        ),
        Section(
            "For your doctor",
            (Table(("Test", "Result"), (("Ferritin", Cited("40 µg/L", ("b",))),), right=(1,)),),
            new_page=True,
        ),
    ),
    references_title="Sources",
    references=REFS,
)


def test_numbers_follow_the_first_citation_then_the_uncited() -> None:
    assert numbers(DOC) == {"b": 1, "c": 2, "a": 3, "d": 4}


def test_a_citation_of_an_unlisted_work_is_refused() -> None:
    broken = DOC.replace(lead=(Paragraph("x", ("nowhere",)),))
    with pytest.raises(ValueError, match="nowhere"):
        numbers(broken)


@pytest.mark.parametrize("form", ["html", "markdown", "text"])
def test_each_form_cites_by_number_and_lists_in_that_order(form: str) -> None:
    out = write(DOC, form)  # type: ignore[arg-type]
    assert "Text one. [1,2]" in out or 'Text one. <span class="cite">[<a href="#ref-1">1</a>' in out
    listed = [m.start() for m in (re.search(re.escape(r.text), out) for r in REFS) if m]
    assert [out.index(r.text) for r in (REFS[1], REFS[2], REFS[0], REFS[3])] == sorted(listed)
    assert "javascript:" not in out  # only web addresses are shown as links


def test_html_links_only_web_addresses_and_escapes_everything() -> None:
    doc = DOC.replace(title="<script>alert(1)</script>")
    out = write(doc, "html")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<a href="https://doi.org/10.1/a">https://doi.org/10.1/a</a>' in out
    assert 'href="javascript' not in out
    assert '<li id="ref-4">Never cited</li>' in out
    assert '<section class="new-page"><h2>For your doctor</h2>' in out
    assert '<li class="tone-doctor" aria-current="true">Talk to a doctor</li>' in out


def test_markdown_banner_and_lists() -> None:
    out = write(DOC, "markdown")
    assert "\n\n> **Overall: Talk to a doctor**\n>\n> From most to least urgent: " in out
    assert "Get help now · **Talk to a doctor** · Fine\n\n" in out
    assert "1. Author B: Work B (2002) <https://pubmed.ncbi.nlm.nih.gov/1/>" in out
    assert "4. Never cited\n" in out  # a link that is not a web address is left out
    assert "| Ferritin | 40\u00a0µg/L [1] |" in out and "| --- | ---: |" in out
    assert "- Need: 300\u00a0mg [3]" in out


def test_text_banner_and_table() -> None:
    out = write(DOC, "text")
    assert "# OVERALL: TALK TO A DOCTOR\n" in out
    assert "# From most to least urgent: Get help now · [Talk to a doctor] · Fine" in out
    assert re.search(r"^Test\s+Result\n-+  -+\nFerritin\s+40\u00a0µg/L \[1\]$", out, re.M)


def test_a_long_text_table_wraps_within_the_width() -> None:
    long = "word " * 40
    doc = Document("en", "t", sections=(Section("s", (Table(("A", "B"), ((long, long),)),)),))
    lines = write(doc, "text").splitlines()
    assert max(len(line) for line in lines) <= 78
    assert sum("word" in line for line in lines) >= 6


def test_cited_keys_are_the_works_cited_in_order_and_only_those() -> None:
    assert cited_keys(DOC) == ("b", "c", "a")  # "d" is listed but nothing cites it


def test_a_whole_column_is_never_cut_and_dates_never_break() -> None:
    """The trial's night table: "2025-01-10" broke at its hyphens in the printed HTML."""
    dates = "2024-12-01 – 2024-12-07"
    long = "word " * 12
    table = Table(("Nights", "A", "B", "C"), ((dates, long, long, long),), whole=(0,))
    doc = Document("en", "t", sections=(Section("s", (table,)),))
    lines = write(doc, "text").splitlines()
    assert any(line.startswith(dates + "  word") for line in lines)
    assert max(len(line) for line in lines) <= 78
    assert f'<td class="whole">{dates}</td>' in write(doc, "html")
    cut = write(doc.replace(sections=(Section("s", (table.replace(whole=()),)),)), "text")
    assert dates not in cut  # without it, the column is cut to make room


@pytest.mark.parametrize("form", ["html", "markdown", "text"])
def test_control_characters_a_person_typed_are_shown_not_sent(form: str) -> None:
    doc = Document("en", "t", lead=(Paragraph("side effect \x1b[2J\x07 here"),))
    out = write(doc, form)  # type: ignore[arg-type]
    assert "\x1b" not in out and "\x07" not in out and "side effect" in out


def test_numbers_keep_their_units() -> None:
    assert glue("0,68 mmol/L and 300 mg, 18 % (30 g), 2 dl") == (
        "0,68\u00a0mmol/L and 300\u00a0mg, 18\u00a0% (30\u00a0g), 2\u00a0dl"
    )
    assert glue("2 grams, 3 mgx, 4 mg/dL") == "2 grams, 3 mgx, 4\u00a0mg/dL"


# --- Markdown escapes only what Markdown would misread ------------------------------------

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _rendered(text: str) -> str:
    return str(PARSER.render(markdown_text(text)))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40))
def test_any_typed_text_reads_back_literally(text: str) -> None:
    """Whatever a person typed, a CommonMark parser shows exactly it: no emphasis, no link,
    no HTML, no heading or list."""
    text = text.strip()
    if not text:
        return
    out = _rendered(text)
    assert out.startswith("<p>") and out.endswith("</p>\n"), out
    inner = out[3:-5]
    assert "<" not in inner, out  # no tag: no emphasis, link, code or HTML
    assert html.unescape(inner) == text


@pytest.mark.parametrize(
    "prose",
    [
        "levothyroxin (stofskiftemedicin)",
        "2-4 timer, 0,71–0,94 mmol/L; under 20 %",
        "Gorantla, Ravisankar & Trotti: pilot study",
        "jern < 75 µg/L, > 20 %",
        "»læggene gør ondt, når du går«",
        "1,05 mmol/L ligger over området (se ovenfor)!",
        "0.68 mmol/L is just below 0.71 mmol/L",  # not a list: no space after "0."
        "1.3 points",
    ],
)
def test_prose_is_left_as_it_is(prose: str) -> None:
    assert markdown_text(prose) == prose


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("*a* _b_", "\\*a\\* \\_b\\_"),
        ("[x](http://e)", "\\[x\\](http\\://e)"),
        ("<b>", "\\<b>"),
        ("# title", "\\# title"),
        ("1. first", "1\\. first"),
        ("2)", "2\\)"),
        ("- item", "\\- item"),
        ("a | b", "a \\| b"),
        ("&amp; www.example.org", "\\&amp; www\\.example.org"),
    ],
)
def test_what_markdown_would_misread_is_escaped(typed: str, escaped: str) -> None:
    assert markdown_text(typed) == escaped


@pytest.mark.parametrize(
    ("numbers", "shown"),
    [([3], "[3]"), ([9, 2], "[2,9]"), ([1, 2, 3, 4], "[1–4]"), ([5, 16, 17, 18, 5], "[5,16–18]")],
)
def test_citation_marks_are_short_and_never_break(numbers: list[int], shown: str) -> None:
    from mgcheck.render.style import citation

    assert citation(numbers) == shown


@pytest.mark.parametrize("form", ["html", "markdown", "text"])
def test_a_plan_stands_right_under_the_banner_and_is_cited_first(form: str) -> None:
    """Room for the report's "one magnesium plan" (an action and a time frame) at the top."""
    from mgcheck.render.document import Callout

    plan = Callout("Your plan", "Do this within two weeks.", ("a",), tone="doctor")
    doc = DOC.replace(top=(plan,))
    out = write(doc, form)  # type: ignore[arg-type]
    title = "YOUR PLAN" if form == "text" else "Your plan"
    assert out.index("Talk to a doctor") < out.index(title) < out.index("Text one.")
    assert numbers(doc)["a"] == 1
    assert re.search(r"Do this within two weeks\. (\[1\]|<span class=\"cite\">\[<a)", out)
