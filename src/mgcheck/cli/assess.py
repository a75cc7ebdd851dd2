"""`mgcheck assess`: the self-check, from questions or an answers file, to a report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mgcheck.cli import options
from mgcheck.cli.options import JsonOption, StandardOption, context
from mgcheck.errors import MgcheckError
from mgcheck.i18n import N_, _, current
from mgcheck.safetext import shown
from mgcheck.vocab import Standard

if TYPE_CHECKING:
    from mgcheck.models.answers import Answers
    from mgcheck.models.assess_data import AssessData

commands = typer.Typer()  # read by mgcheck.cli.app, which lists these commands (COMMANDS)


REPORT_FORMATS = (".md", ".html", ".txt", ".json")


@commands.command(
    help=N_(
        "The self-check: answer questions (or give an answers file) and get a report to bring "
        "to your doctor, most urgent first. It is not a diagnosis."
    ),
    epilog=N_(
        "Examples:  mgcheck assess  ·  mgcheck assess --example > answers.yaml  ·  "
        "mgcheck assess --answers answers.yaml  ·  mgcheck assess --answers - < answers.json  ·  "
        "mgcheck assess --answers answers.yaml --output report.md  ·  "
        "mgcheck assess --answers answers.yaml --json  ·  mgcheck assess --schema"
    ),
)
def assess(
    answers_file: Annotated[
        str | None,
        typer.Option(
            "--answers",
            metavar=N_("FILE"),
            help=N_("Read the answers from a YAML or JSON file; - reads standard input."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            metavar=N_("FILE"),
            help=N_("Also write the report to FILE: .md, .html, .txt or .json."),
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=N_("With --output: replace the file if it exists, without asking.")
        ),
    ] = False,
    example: Annotated[
        bool, typer.Option("--example", help=N_("Print a commented example answers file."))
    ] = False,
    schema: Annotated[
        bool, typer.Option("--schema", help=N_("Print the JSON Schema of the answers file."))
    ] = False,
    standard: StandardOption = Standard.NNR,
    json: JsonOption = False,
) -> None:
    """Ask or read the answers, let the rules judge, render the report."""
    if example:
        from mgcheck.render.example import example_yaml

        sys.stdout.write(example_yaml())
        return
    if schema:
        import json as json_module

        from mgcheck.models.answers import Answers

        sys.stdout.write(json_module.dumps(Answers.model_json_schema(), indent=2) + "\n")
        return
    if output is not None:
        if output.suffix.lower() not in REPORT_FORMATS:
            raise MgcheckError(
                _("--output: use a file ending in {formats}").format(
                    formats=", ".join(REPORT_FORMATS)
                )
            )
        if not force and (output.exists() or output.is_symlink()):
            force = options.may_replace(output)
            if not force:
                typer.echo(_("Nothing written."))
                return
    from mgcheck.store import snapshot

    data = snapshot.assess_data()
    if answers_file is None:
        answers = _interview(data)
    else:
        from mgcheck.rules.assess import form_problem
        from mgcheck.store.answers import load_answers

        name, answers = load_answers(answers_file)  # its problems: worded by cli/messages
        problem = form_problem(answers, data)
        if problem is not None:
            from mgcheck.cli import messages

            raise MgcheckError(messages.form_in_answers(problem, name))
    from mgcheck.results.assess import evaluate

    result = evaluate(answers, data, standard, current())
    report, sources = result.report, result.sources
    if output is not None:
        from mgcheck import clock
        from mgcheck.render.report import render_file
        from mgcheck.store.report_file import write_report

        content = render_file(output.suffix.lower(), report, sources, clock.today())
        write_report(output, content, replace=force)
    if json:
        from mgcheck.render.console import write_json

        write_json("report", report.to_json())
        return
    from mgcheck.render.report import print_report

    program = context().program
    interactive = answers_file is None
    print_report(
        report,
        sources,
        program=program,
        rerun=_rerun(program, answers_file, current()),
        will_offer_to_save=interactive and output is None,
        written_to=None if output is None else shown(output, 200),
    )
    if interactive:
        from mgcheck.cli.keep import offer_to_keep

        offer_to_keep(report, sources, answers, context(), report_saved=output is not None)


def _rerun(program: str, answers_file: str | None, lang: str) -> str:
    """The command that runs this self-check again: with the same answers file, and with
    --lang when the environment alone would choose the other language."""
    import os

    from mgcheck.context import typed_path, user_home
    from mgcheck.i18n import choose_language

    command = f"{program} assess"
    if answers_file is not None and answers_file != "-":
        command += f" --answers {typed_path(Path(answers_file), Path.cwd(), user_home())}"
    if choose_language([], os.environ) != lang:
        command += f" --lang {lang}"
    return command


def _interview(data: AssessData) -> Answers:
    run = context()
    if not run.stdin_is_terminal:
        raise MgcheckError(
            _(
                "no terminal to ask the questions in. Give the answers in a file instead: "
                "mgcheck assess --answers FILE (mgcheck assess --example shows the format)."
            )
        )
    from mgcheck.cli.prompts import Interview
    from mgcheck.store.answers import answers_from

    console = run.console()
    console.print(
        _(
            "mgcheck asks a few questions (a few minutes). It is not a diagnosis. "
            "Ctrl-C stops at any time; nothing is saved."
        ),
        style="bold",
    )
    from mgcheck.render.console import sayer

    interview = Interview(data, input, sayer(console))
    # Checked as a file is: e.g. a form name with control characters in it.
    return answers_from(interview.run(), _("your answers"))
