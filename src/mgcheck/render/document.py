"""One document, three forms: a report file as HTML, Markdown or plain text.

A report is built once as a small :class:`Document` (a title, a level banner, sections of
paragraphs, findings, tables and label–value pairs, and the works it cites) and written out by
:func:`write` in the form a file name asks for:

- **HTML** for the screen and for paper: a print stylesheet for A4, links that work, the level
  banner marked by more than colour, citations ``[3]`` that link to the numbered source list;
- **Markdown**, where only what Markdown would misread is escaped (:func:`markdown_text`), so
  prose keeps its parentheses and a value a person typed cannot become a link or emphasis;
- **plain text**, wrapped at 78 columns, for any editor and any printer.

Citations are source keys; the writer numbers them in the order the document first cites them,
so the numbers in the text and the list agree and have no gaps. A work in ``references`` that
nothing cites is listed after the cited ones.

The module knows nothing of mgcheck's medicine: ``render/report.py`` builds the self-check's
document, and the trial's report can be built the same way. It is imported only when a file is
written (the terminal report does not need it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from mgcheck.record import Record

if TYPE_CHECKING:
    from mgcheck.i18n import Language
    from mgcheck.models.guidance import SourceEntry

Form = Literal["html", "markdown", "text"]
FORMS: dict[str, Form] = {".html": "html", ".md": "markdown", ".txt": "text"}
WIDTH = 78  # columns of the text form


class Cited(Record):
    """Text followed by its citations: ``text [1, 3]``."""

    text: str
    cites: tuple[str, ...] = ()


Cell = str | Cited


class Paragraph(Record):
    text: str
    cites: tuple[str, ...] = ()


class Finding(Record):
    """A titled paragraph: the title in bold, then its text and citations."""

    title: str
    text: str
    cites: tuple[str, ...] = ()


class Callout(Record):
    """A boxed, titled paragraph that must not be missed: what to do and by when (a plan)."""

    title: str
    text: str
    cites: tuple[str, ...] = ()
    tone: str | None = None


class Pairs(Record):
    """Labels and their values, one pair a line (the answers, the figures)."""

    rows: tuple[tuple[str, Cell], ...]


class Table(Record):
    """A table with a header row; ``right`` names the columns aligned right (numbers), ``whole``
    the columns whose cells never wrap (dates: "2025-01-10" is not broken at its hyphens)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    right: tuple[int, ...] = ()
    whole: tuple[int, ...] = ()


Block = Paragraph | Finding | Callout | Pairs | Table


class Section(Record):
    """A heading and what stands under it. ``note`` says, under the heading, whom the part is
    written for; ``tone`` (urgent, doctor, caution, info) marks a level's colour and border."""

    title: str
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    note: str | None = None
    tone: str | None = None
    new_page: bool = False  # on paper, start on a page of its own


class Banner(Record):
    """The overall level, first and marked: ``label: text``, a line of detail, and the scale
    of every level (``(tone, words)``) with this one marked, so it reads on grey paper too."""

    label: str
    text: str
    tone: str
    detail: str | None = None
    scale_label: str = ""
    scale: tuple[tuple[str, str], ...] = ()


class Reference(Record):
    """One cited work: ``text`` as a reference list gives it, and its link."""

    key: str
    text: str
    url: str | None = None


class Document(Record):
    lang: str
    title: str
    lead: tuple[Block, ...] = ()  # under the title, before the banner
    banner: Banner | None = None
    top: tuple[Block, ...] = ()  # right under the banner, before every section (a plan)
    sections: tuple[Section, ...] = ()
    references_title: str = "Sources"
    references: tuple[Reference, ...] = ()


def reference(source: SourceEntry, lang: Language) -> Reference:
    """One source as a reference list gives it, worded by the one citation formatter
    (:func:`mgcheck.render.citation.cite`), with the work's own link."""
    from mgcheck.render.citation import cite

    cited = cite(source)
    return Reference(source.key, cited.text, cited.link)


def write(document: Document, form: Form) -> str:
    """``document`` as an HTML page, Markdown or plain text."""
    writer: _Writer = {"html": _Html, "markdown": _Markdown, "text": _Text}[form](document)
    return writer.write()


# --- citations -----------------------------------------------------------------------------


def _blocks(document: Document) -> Iterator[Block]:
    yield from document.lead
    yield from document.top

    def walk(sections: Sequence[Section]) -> Iterator[Block]:
        for section in sections:
            yield from section.blocks
            yield from walk(section.sections)

    yield from walk(document.sections)


def _cell_cites(cell: Cell) -> tuple[str, ...]:
    return cell.cites if isinstance(cell, Cited) else ()


def _cites(block: Block) -> Iterator[str]:
    if isinstance(block, (Paragraph, Finding, Callout)):
        yield from block.cites
    elif isinstance(block, Pairs):
        for _label, value in block.rows:
            yield from _cell_cites(value)
    else:
        for row in block.rows:
            for cell in row:
                yield from _cell_cites(cell)


def cited_keys(document: Document) -> tuple[str, ...]:
    """The keys the document cites, in the order it first cites them: the works its source
    list should hold (a builder that lists only what it cites asks here)."""
    return tuple(dict.fromkeys(key for block in _blocks(document) for key in _cites(block)))


def numbers(document: Document) -> dict[str, int]:
    """Each reference's number: in the order the document first cites it, then the works
    nothing cites. A citation of a work the document does not list is a programming error."""
    listed = {r.key for r in document.references}
    order: dict[str, None] = {}
    for key in cited_keys(document):
        if key not in listed:
            raise ValueError(f"cited but not listed: {key}")
        order.setdefault(key, None)
    for ref in document.references:
        order.setdefault(ref.key, None)
    return {key: n for n, key in enumerate(order, start=1)}


def _ordered(document: Document, numbered: dict[str, int]) -> list[tuple[int, Reference]]:
    return sorted(((numbered[r.key], r) for r in document.references), key=lambda p: p[0])


def _bracket(keys: Sequence[str], numbered: dict[str, int]) -> str:
    """``[1–3,7]``, or empty for no citation."""
    from mgcheck.render.style import citation

    return citation(numbered[key] for key in keys)


# A number and its unit stay on one line in every form ("0,68 mmol/L", "300 mg", "18 %").
_UNIT_SPACE = re.compile(r"(?<=\d) (?=(?:mg|g|mmol/L|µg/L|ng/mL|mg/dL|mEq/L|dl|%)(?![\w/]))")


def glue(text: str) -> str:
    """``text`` with a non-breaking space between each number and its unit."""
    return _UNIT_SPACE.sub("\u00a0", text)


def _safe_url(url: str | None) -> str | None:
    """Only web links become links."""
    return url if url is not None and re.match(r"https?://[^\s<>\"']+$", url) else None


# --- the three forms ----------------------------------------------------------------------


class _Writer:
    """One walk over a document, the same for every form: title, lead, banner, the top
    blocks, the sections (their blocks, then their subsections) and the references. A form
    says how each part looks, as lines."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.numbered = numbers(document)

    def write(self) -> str:
        doc = self.document
        out = self.title(doc.title)
        for item in doc.lead:
            out += self.block(item)
        if doc.banner is not None:
            out += self.banner(doc.banner)
        for item in doc.top:
            out += self.block(item)
        for part in doc.sections:
            out += self.section(part, 0)
        refs = _ordered(doc, self.numbered)
        if refs:
            out += self.references(doc.references_title, refs)
        return self.finish(out)

    def section(self, section: Section, depth: int) -> list[str]:
        out = self.heading(section, depth)
        for item in section.blocks:
            out += self.block(item)
        for sub in section.sections:
            out += self.section(sub, depth + 1)
        return out + self.end(section)

    def mark(self, keys: Sequence[str]) -> str:
        """`` [1–3]`` after a text, or nothing."""
        mark = _bracket(keys, self.numbered)
        return f" {mark}" if mark else ""

    # What each form says.
    def title(self, text: str) -> list[str]:
        raise NotImplementedError

    def block(self, item: Block) -> list[str]:
        raise NotImplementedError

    def banner(self, banner: Banner) -> list[str]:
        raise NotImplementedError

    def heading(self, section: Section, depth: int) -> list[str]:
        raise NotImplementedError

    def end(self, section: Section) -> list[str]:
        return []

    def references(self, title: str, refs: list[tuple[int, Reference]]) -> list[str]:
        raise NotImplementedError

    def finish(self, lines: list[str]) -> str:
        while lines and lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + "\n"


# --- HTML ----------------------------------------------------------------------------------

_CSS = """
:root{--urgent:#b3261e;--doctor:#8a5300;--caution:#005f73;--info:#2c4a8a;--rule:#b8b8b8}
html{font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;font-size:11pt;
line-height:1.45;color:#111;background:#fff}
body{max-width:44em;margin:2em auto;padding:0 1em}
h1{font-size:1.5em;margin:0 0 .4em}
h2{font-size:1.25em;margin:1.6em 0 .3em;padding-bottom:.15em;border-bottom:2px solid #333}
h3{font-size:1.05em;margin:1.2em 0 .3em;padding-left:.5em;border-left:.35em solid var(--rule)}
h2,h3{break-after:avoid;page-break-after:avoid}
p{margin:.35em 0}
p,li,td,th{overflow-wrap:break-word}
ol.refs a{overflow-wrap:anywhere}
.note{font-style:italic;color:#333}
.finding{margin:.5em 0 .8em;break-inside:avoid;page-break-inside:avoid}
.finding strong,.callout strong{display:block}
.callout{border:2px solid #333;border-radius:6px;padding:.5em .9em;margin:0 0 1.2em;
break-inside:avoid;page-break-inside:avoid}
.cite,.cite a{white-space:nowrap;color:#333;text-decoration:none}
.banner{border:3px solid;border-radius:6px;padding:.6em .9em;margin:1em 0 1.2em;
break-inside:avoid;page-break-inside:avoid}
.banner .level{font-size:1.4em;font-weight:bold;margin:0}
.banner .scale{margin:.5em 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.3em}
.banner .scale li{border:1px solid var(--rule);border-radius:4px;padding:0 .45em;color:#444}
.banner .scale li[aria-current]{border:2px solid #111;color:#111;font-weight:bold}
.banner .scale li[aria-current]::before{content:"\\25B6\\00A0"}
.tone-urgent{border-color:var(--urgent)}.tone-doctor{border-color:var(--doctor)}
.tone-caution{border-color:var(--caution)}.tone-info{border-color:var(--info)}
.banner.tone-urgent{background:#fdecea}.banner.tone-doctor{background:#fff4e0}
.banner.tone-caution{background:#e6f4f6}.banner.tone-info{background:#ebf0fa}
h3.tone-urgent{color:var(--urgent)}h3.tone-doctor{color:var(--doctor)}
h3.tone-caution{color:var(--caution)}h3.tone-info{color:var(--info)}
table{border-collapse:collapse;width:100%;margin:.4em 0 .8em;break-inside:auto}
tr{break-inside:avoid;page-break-inside:avoid}
th,td{text-align:left;vertical-align:top;padding:.2em .6em .2em 0;border-bottom:1px solid #ddd}
th:last-child,td:last-child{padding-right:0}
th{border-bottom:1.5px solid #333}
td.num,th.num{text-align:right;white-space:nowrap;padding-left:.6em}
td.whole,th.whole{white-space:nowrap}
table.pairs th{font-weight:normal;width:38%;border-bottom:1px solid #ddd}
ol.refs{padding-left:2.2em}
ol.refs li{margin:.25em 0}
a{color:#0b4ea2}
@page{size:A4;margin:16mm 16mm 18mm}
@media print{
html{font-size:10pt}
body{max-width:none;margin:0;padding:0}
a{color:#000}
.banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.new-page{break-before:page;page-break-before:always}
.new-page>h2{margin-top:0}
}
"""


def _esc(text: str) -> str:
    """``text`` as HTML text: markup escaped, control characters shown (a value a person
    typed may hold them)."""
    import html

    from mgcheck.safetext import visible

    return html.escape(glue(visible(text)))


def _column_class(table: Table, index: int) -> str:
    """`` class="num"`` for a column of numbers, `` class="whole"`` for one never wrapped."""
    if index in table.right:
        return ' class="num"'
    return ' class="whole"' if index in table.whole else ""


class _Html(_Writer):
    def cites(self, keys: Sequence[str]) -> str:
        mark = _bracket(keys, self.numbered)
        if not mark:
            return ""
        linked = re.sub(r"\d+", lambda m: f'<a href="#ref-{m.group()}">{m.group()}</a>', mark)
        return f' <span class="cite">{linked}</span>'

    def cell(self, value: Cell) -> str:
        if isinstance(value, Cited):
            return _esc(value.text) + self.cites(value.cites)
        return _esc(value)

    def title(self, text: str) -> list[str]:
        return [f"<h1>{_esc(text)}</h1>"]

    def block(self, item: Block) -> list[str]:
        if isinstance(item, Paragraph):
            return [f"<p>{_esc(item.text)}{self.cites(item.cites)}</p>"]
        if isinstance(item, (Finding, Callout)):
            kind = "finding" if isinstance(item, Finding) else "callout"
            if isinstance(item, Callout) and item.tone:
                kind += f" tone-{item.tone}"
            return [
                f'<div class="{kind}"><strong>{_esc(item.title)}</strong>'
                f"{_esc(item.text)}{self.cites(item.cites)}</div>"
            ]
        if isinstance(item, Pairs):
            rows = [
                f'<tr><th scope="row">{_esc(label)}</th><td>{self.cell(value)}</td></tr>'
                for label, value in item.rows
            ]
            return ['<table class="pairs">', *rows, "</table>"]
        out = ["<table>", "<thead><tr>"]
        for index, name in enumerate(item.header):
            kind = _column_class(item, index)
            out.append(f'<th scope="col"{kind}>{_esc(name)}</th>')
        out.append("</tr></thead><tbody>")
        for row in item.rows:
            cells = "".join(
                f"<td{_column_class(item, i)}>" + self.cell(c) + "</td>"
                for i, c in enumerate(row)
            )
            out.append(f"<tr>{cells}</tr>")
        return [*out, "</tbody></table>"]

    def banner(self, banner: Banner) -> list[str]:
        out = [
            f'<div class="banner tone-{banner.tone}" role="status">',
            f'<p class="level">{_esc(banner.label)}: {_esc(banner.text)}</p>',
        ]
        if banner.detail:
            out.append(f"<p>{_esc(banner.detail)}</p>")
        if banner.scale:
            out.append(f'<ol class="scale" aria-label="{_esc(banner.scale_label)}">')
            for tone, words in banner.scale:
                current = ' aria-current="true"' if tone == banner.tone else ""
                out.append(f'<li class="tone-{tone}"{current}>{_esc(words)}</li>')
            out.append("</ol>")
        return [*out, "</div>"]

    def heading(self, section: Section, depth: int) -> list[str]:
        tag = f"h{min(depth + 2, 6)}"
        tone = f' class="tone-{section.tone}"' if section.tone else ""
        page = ' class="new-page"' if section.new_page else ""
        out = [f"<section{page}><{tag}{tone}>{_esc(section.title)}</{tag}>"]
        if section.note:
            out.append(f'<p class="note">{_esc(section.note)}</p>')
        return out

    def end(self, section: Section) -> list[str]:
        return ["</section>"]

    def references(self, title: str, refs: list[tuple[int, Reference]]) -> list[str]:
        out = [f'<section><h2>{_esc(title)}</h2><ol class="refs">']
        for number, ref in refs:
            url = _safe_url(ref.url)
            link = f' <a href="{_esc(url)}">{_esc(url)}</a>' if url else ""
            out.append(f'<li id="ref-{number}">{_esc(ref.text)}{link}</li>')
        return [*out, "</ol></section>"]

    def finish(self, lines: list[str]) -> str:
        doc = self.document
        return (
            f'<!DOCTYPE html>\n<html lang="{_esc(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(doc.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(lines)
            + "\n</body>\n</html>\n"
        )


# --- Markdown ------------------------------------------------------------------------------

# Inline syntax Markdown (CommonMark and GitHub's) would act on: backslash, code, emphasis,
# links, table pipes, strike-through; "<" only where it could open HTML or an autolink, "&"
# only where it could start an entity; "http:" and "www." only because GitHub turns them into
# links by themselves.
_MD_INLINE = re.compile(r"[\\`*_\[\]|~]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)")
_MD_AUTOLINK = re.compile(r"(?i)(?<=\bhttp)(?=s?:)|(?<=\bftp)(?=:)|(?<=\bwww)(?=\.)")
# What starts a block at the beginning of a line: heading, quote, list, rule, setext line. A
# number is an ordered list's marker only with "." or ")" and a space (or nothing) after it, so
# "1.3 points" and "0.68 mmol/L" are left as they are.
_MD_LINE_START = re.compile(r"^([ \t]*)([#>+=-]|\d+(?=[.)](?:[ \t]|$)))", re.MULTILINE)


def markdown_text(text: str) -> str:
    """``text`` to be read literally in Markdown: a backslash only before what Markdown would
    otherwise read as syntax, so ordinary prose (parentheses, "2-4", "&") comes out as it is."""
    from mgcheck.safetext import visible

    text = _MD_INLINE.sub(lambda m: "\\" + m.group(), visible(text))
    text = _MD_AUTOLINK.sub("\\\\", text)

    def line_start(match: re.Match[str]) -> str:
        indent, mark = match.groups()
        return f"{indent}{mark}\\" if mark[0].isdigit() else f"{indent}\\{mark}"

    return _MD_LINE_START.sub(line_start, text)


def _md(text: str) -> str:
    return markdown_text(glue(text))


class _Markdown(_Writer):
    def cited(self, text: str, keys: Sequence[str]) -> str:
        return _md(text) + self.mark(keys)

    def cell(self, value: Cell) -> str:
        return self.cited(value.text, value.cites) if isinstance(value, Cited) else _md(value)

    def title(self, text: str) -> list[str]:
        return [f"# {_md(text)}", ""]

    def block(self, item: Block) -> list[str]:
        if isinstance(item, Paragraph):
            return [self.cited(item.text, item.cites), ""]
        if isinstance(item, Finding):
            return [f"**{_md(item.title)}**", "", self.cited(item.text, item.cites), ""]
        if isinstance(item, Callout):
            return [f"> **{_md(item.title)}**", ">", f"> {self.cited(item.text, item.cites)}", ""]
        if isinstance(item, Pairs):
            return [*(f"- {_md(label)}: {self.cell(value)}" for label, value in item.rows), ""]
        rule = ["---:" if i in item.right else "---" for i in range(len(item.header))]
        return [
            "| " + " | ".join(_md(h) for h in item.header) + " |",
            "| " + " | ".join(rule) + " |",
            *("| " + " | ".join(self.cell(c) for c in row) + " |" for row in item.rows),
            "",
        ]

    def banner(self, banner: Banner) -> list[str]:
        # A quote of separate paragraphs: the overall line never runs into another.
        out = [f"> **{_md(banner.label)}: {_md(banner.text)}**"]
        if banner.detail:
            out += [">", f"> {_md(banner.detail)}"]
        if banner.scale:
            marks = [
                f"**{_md(words)}**" if tone == banner.tone else _md(words)
                for tone, words in banner.scale
            ]
            out += [">", f"> {_md(banner.scale_label)}: " + " · ".join(marks)]
        return [*out, ""]

    def heading(self, section: Section, depth: int) -> list[str]:
        out = ["#" * min(depth + 2, 6) + " " + _md(section.title), ""]
        return out + ([f"*{_md(section.note)}*", ""] if section.note else [])

    def references(self, title: str, refs: list[tuple[int, Reference]]) -> list[str]:
        out = [f"## {_md(title)}", ""]
        for number, ref in refs:
            url = _safe_url(ref.url)
            out.append(f"{number}. {_md(ref.text)}" + (f" <{url}>" if url else ""))
        return out


# --- plain text ----------------------------------------------------------------------------


def _wrap(text: str, width: int = WIDTH, indent: str = "", hang: str = "") -> list[str]:
    import textwrap

    from mgcheck.safetext import visible

    return textwrap.wrap(
        glue(visible(text)),
        width=width,
        initial_indent=indent,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Sequence[int],
    whole: Sequence[int] = (),
) -> list[str]:
    """Columns two spaces apart, the widest cut down (and wrapped) until the table fits; a
    column in ``whole`` is never cut."""
    cells = [list(header), *(list(row) for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    floor = [
        w if i in whole else min(w, max(10, len(header[i]))) for i, w in enumerate(widths)
    ]
    while sum(widths) + 2 * (len(widths) - 1) > WIDTH:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floor[i])
        if widths[widest] <= floor[widest]:
            break
        widths[widest] -= 1
    out: list[str] = []
    for index, row in enumerate(cells):
        wrapped = [_wrap(cell, widths[i]) if cell else [""] for i, cell in enumerate(row)]
        for line in range(max(len(w) for w in wrapped)):
            parts = []
            for i, lines in enumerate(wrapped):
                piece = lines[line] if line < len(lines) else ""
                parts.append(piece.rjust(widths[i]) if i in right else piece.ljust(widths[i]))
            out.append("  ".join(parts).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


class _Text(_Writer):
    def cell(self, value: Cell) -> str:
        return value.text + self.mark(value.cites) if isinstance(value, Cited) else value

    def title(self, text: str) -> list[str]:
        return self.underlined(text, "=")

    def underlined(self, text: str, mark: str) -> list[str]:
        lines = _wrap(text)
        return [*lines, mark * max(len(line) for line in lines), ""]

    def block(self, item: Block) -> list[str]:
        if isinstance(item, Paragraph):
            return [*_wrap(item.text + self.mark(item.cites)), ""]
        if isinstance(item, Finding):
            text = item.text + self.mark(item.cites)
            return [*_wrap(item.title), *_wrap(text, indent="  ", hang="  "), ""]
        if isinstance(item, Callout):
            text = item.text + self.mark(item.cites)
            return [
                "+" + "-" * (WIDTH - 1),
                *_wrap(item.title.upper(), indent="| ", hang="| "),
                *_wrap(text, indent="| ", hang="| "),
                "+" + "-" * (WIDTH - 1),
                "",
            ]
        if isinstance(item, Pairs):
            lines = [
                _wrap(f"{label}: {self.cell(value)}", hang="    ") for label, value in item.rows
            ]
            return [*(line for pair in lines for line in pair), ""]
        rows = [[self.cell(c) for c in row] for row in item.rows]
        return [*_text_table(item.header, rows, item.right, item.whole), ""]

    def banner(self, banner: Banner) -> list[str]:
        out = ["#" * WIDTH]
        out += _wrap(f"{banner.label}: {banner.text}".upper(), indent="# ", hang="# ")
        if banner.detail:
            out += _wrap(banner.detail, indent="# ", hang="# ")
        if banner.scale:
            marks = [f"[{w}]" if tone == banner.tone else w for tone, w in banner.scale]
            out += _wrap(f"{banner.scale_label}: " + " · ".join(marks), indent="# ", hang="# ")
        return [*out, "#" * WIDTH, ""]

    def heading(self, section: Section, depth: int) -> list[str]:
        title = section.title.upper() if depth == 0 else section.title
        out = self.underlined(title, "=" if depth == 0 else "-")
        return out + ([*_wrap(section.note), ""] if section.note else [])

    def references(self, title: str, refs: list[tuple[int, Reference]]) -> list[str]:
        out = self.underlined(title.upper(), "=")
        pad = len(str(len(refs))) + 2
        for number, ref in refs:
            out += _wrap(ref.text, indent=f"{number}.".ljust(pad), hang=" " * pad)
            url = _safe_url(ref.url)
            if url:
                out.append(" " * pad + url)
        return out
