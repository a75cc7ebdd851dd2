"""The trial's report document (``document.py``'s sections) as Markdown or HTML.

The one part to replace when the report moves onto a shared document writer.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from mgcheck.i18n import current
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.trial import TrialFile
from mgcheck.render.trial.document import Section, report_sections
from mgcheck.results.trial import Outcome, Planning


def _cell(text: str) -> str:
    """A Markdown table cell: a pipe would end it."""
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(sections: list[Section]) -> str:
    out: list[str] = []
    for index, (heading, blocks) in enumerate(sections):
        out += [("# " if index == 0 else "## ") + heading, ""]
        for block in blocks:
            if isinstance(block, str):
                out += [block, ""]
                continue
            out.append("| " + " | ".join(_cell(c) for c in block[0]) + " |")
            out.append("|" + "---|" * len(block[0]))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block[1:]]
            out.append("")
    return "\n".join(out)


def report_html(sections: list[Section], lang: str) -> str:
    body: list[str] = []
    for index, (heading, blocks) in enumerate(sections):
        tag = "h1" if index == 0 else "h2"
        body.append(f"<{tag}>{html.escape(heading)}</{tag}>")
        for block in blocks:
            if isinstance(block, str):
                body.append(f"<p>{html.escape(block)}</p>")
                continue
            body.append("<table>")
            body.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in block[0]) + "</tr>")
            body += [
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block[1:]
            ]
            body.append("</table>")
    title = html.escape(sections[0][0])
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:0 .4em}"
        "</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def render_report(
    suffix: str,
    outcome: Outcome,
    planning: Planning,
    trial: TrialFile,
    sources: Sequence[tuple[int, SourceEntry]],
    date: dt.date,
) -> str:
    if suffix == ".html":
        return report_html(report_sections(outcome, planning, trial, sources, date), current())
    from mgcheck.render.report import markdown_escape

    sections = report_sections(outcome, planning, trial, sources, date, markdown_escape)
    return report_markdown(sections)
