"""After a self-check answered in the terminal: offer to keep the report and the answers.

Two short questions, each answered with a file name or Enter to skip: the report (Markdown,
HTML, text or JSON by the name's ending), and the answers as an answers file for next time
(the format of ``--example``, read back by ``--answers``). Both are written by the one writer
of private files (``store/report_file.py``): whole or not at all, readable by the owner only,
and over an existing file only after the person says yes. A file that cannot be written is
said and asked again: the answers of a five-minute interview are not lost to a typing error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mgcheck import clock
from mgcheck.cli.options import may_replace
from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.safetext import shown

if TYPE_CHECKING:
    from mgcheck.cli.prompts import Prompter
    from mgcheck.context import Context
    from mgcheck.models.answers import Answers
    from mgcheck.models.guidance import SourceEntry
    from mgcheck.results.assess import Report

# The first is what a name without an ending gets: a web page is what anyone can open (a
# double click opens the browser); Markdown needs a program most people do not have.
REPORT_SUFFIXES = (".html", ".md", ".txt", ".json")
ANSWERS_SUFFIXES = (".yaml", ".yml", ".json")


def offer_to_keep(
    report: Report,
    sources: Sequence[tuple[int, SourceEntry]],
    answers: Answers,
    run: Context,
    *,
    report_saved: bool,
) -> None:
    """Ask for a file name for the report (unless --output saved it) and for the answers."""
    from mgcheck.cli.prompts import Prompter
    from mgcheck.context import typed_path, user_home
    from mgcheck.render.example import answers_yaml
    from mgcheck.render.report import render_file

    console = run.console()
    from mgcheck.render.console import sayer

    asker = Prompter(input, sayer(console))
    today = clock.today()
    if not report_saved:
        asker.say("")
        _keep(
            asker,
            _(
                "Save this report to bring to your doctor? Type a file name (.html opens in a "
                "web browser; .md, .txt or .json also work), or press Enter to skip: "
            ),
            REPORT_SUFFIXES,
            lambda suffix: render_file(suffix, report, sources, today),
            _("Report saved: {file}"),
            default=_("mgcheck-report-{date}.html").format(date=today.isoformat()),
            added=_("Report saved as a web page (.html), which opens in a web browser: {file}"),
        )

    def answers_file(suffix: str) -> str:
        if suffix == ".json":
            import json

            document = answers.model_dump(mode="json", exclude_none=True)
            return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        return answers_yaml(answers, today)

    saved = _keep(
        asker,
        _(
            "Save your answers, to run the self-check again without the questions? "
            "Type a file name, e.g. answers.yaml, or press Enter to skip: "
        ),
        ANSWERS_SUFFIXES,
        answers_file,
        _("Answers saved: {file}"),
        default=_("mgcheck-answers-{date}.yaml").format(date=today.isoformat()),
        added=_("Answers saved as an answers file (.yaml): {file}"),
    )
    if saved is not None:
        asker.say(_("Next time, with these answers:"))
        answers_path = typed_path(saved, Path.cwd(), user_home())
        console.print(
            "  " + f"{run.program} assess --answers {answers_path}",
            markup=False,
            highlight=False,
            no_wrap=True,
            overflow="ignore",
            crop=False,
        )


def _keep(
    asker: Prompter,
    prompt: str,
    suffixes: Sequence[str],
    content: Callable[[str], str],
    saved: str,
    *,
    default: str,
    added: str,
) -> Path | None:
    """Ask for a file name until one is written or the person presses Enter; the file written
    (``~`` expanded, the default ending added and said with ``added``) or None.

    The question sounds like yes or no, and people answer it so: "nej" (or "ved ikke") keeps
    nothing, "ja" keeps it under ``default``; neither is taken for a file name.
    """
    from mgcheck.store.report_file import write_report

    while True:
        try:
            name = asker.line(prompt).strip()
        except MgcheckError:  # input ended: nothing more to ask, and nothing to keep
            return None
        if not name:
            return None
        said = _yes_or_no(asker, name)
        if said is not None:
            if not said:
                return None
            name = default
        path = Path(name).expanduser()
        suffix = path.suffix.lower()
        said_saved = saved
        if not suffix:
            path, suffix, said_saved = Path(name + suffixes[0]).expanduser(), suffixes[0], added
        if suffix not in suffixes:
            asker.refuse(
                _("Use a name ending in {endings} or {last}.").format(
                    endings=", ".join(suffixes[:-1]), last=suffixes[-1]
                )
            )
            continue
        if path.is_dir():
            asker.refuse(_("{file} is a folder; type a file name.").format(file=shown(path, 200)))
            continue
        replace = path.exists() or path.is_symlink()
        if replace and not may_replace(path, asker):
            continue
        try:
            write_report(path, content(suffix), replace=replace)
        except MgcheckError as exc:
            asker.refuse(exc.message)
            continue
        asker.say(said_saved.format(file=shown(path.absolute(), 200)))
        return path


def _yes_or_no(asker: Prompter, text: str) -> bool | None:
    """True for a yes, False for a no or "ved ikke", None for anything else (a file name)."""
    if Path(text).suffix or "/" in text:
        return None
    from mgcheck.rules.understand import NotUnderstood, read_yes_no_unknown

    said = read_yes_no_unknown(text, asker.words)
    if isinstance(said, NotUnderstood):
        return None
    return said is True
