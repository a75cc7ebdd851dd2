"""Hermetic tests: plain terminal, fixed width, English unless asked, no network, no real home.

The environment is cleaned at import time, before the app (and Typer's help module) loads:
Typer reads colour variables when it first imports them.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    import pexpect
    from typer.testing import Result

    from mgcheck.i18n import Language
    from mgcheck.results.assess import Report
    from mgcheck.rules.assess import Assessment

_LEAKY = (
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR_FORCE",
    "GITHUB_ACTIONS",
    "TTY_COMPATIBLE",
    "MGCHECK_LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "NO_COLOR",
)
for _name in _LEAKY:
    os.environ.pop(_name, None)
os.environ["TERM"] = "dumb"
os.environ["COLUMNS"] = "120"

# Hypothesis checks behaviour, not speed: its 200 ms per example failed whole properties on a
# loaded 2-core machine (DeadlineExceeded), and its "too slow" health check would too. Loaded
# here, before any test module makes its @settings.
settings.register_profile("mgcheck", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mgcheck")

ROOT = Path(__file__).resolve().parent.parent
SHARED_FOOD_DATA = ROOT.parent / "shared" / "reference" / "food-data"


@pytest.fixture(autouse=True)
def _hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    from mgcheck import i18n

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MGCHECK_HOME", str(tmp_path / "mgcheck-home"))

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("mgcheck must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def evaluate() -> Callable[..., tuple[Assessment, Report]]:
    """The self-check on a plain answers dict (as an answers file holds it): the one public
    function the command calls, :func:`mgcheck.results.assess.evaluate`, with the answers
    validated first. Session-scoped, so Hypothesis tests can use it too."""
    from mgcheck.models.answers import Answers
    from mgcheck.results.assess import evaluate as run
    from mgcheck.store.snapshot import assess_data
    from mgcheck.vocab import Standard

    data = assess_data()

    def evaluate(
        answers: dict[str, Any], standard: Standard = Standard.NNR, lang: Language = "en"
    ) -> tuple[Assessment, Report]:
        result = run(Answers.model_validate(answers), data, standard, lang)
        return result.assessment, result.report

    return evaluate


class Cli:
    """mgcheck run in-process as a user would type it: Typer's CliRunner on the real app, with
    exceptions left to propagate so a crash fails the test with its traceback. It holds no
    environment (CliRunner reads os.environ when it invokes), so one serves the whole session."""

    def run(
        self, *args: str, env: dict[str, str] | None = None, input: str | None = None
    ) -> Result:
        from typer.testing import CliRunner

        from mgcheck.cli.app import app

        return CliRunner().invoke(app, list(args), env=env, input=input, catch_exceptions=False)

    def json(self, *args: str) -> dict[str, Any]:
        """``run(*args, "--json")``, which must exit 0; its stdout parsed as a JSON object."""
        result = self.run(*args, "--json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert isinstance(data, dict)
        return data


class Terminal:
    """mgcheck in a real pseudo-terminal (pexpect), run as ``python -m mgcheck ARGS``: a plain
    terminal (TERM=dumb, no NO_COLOR), ``columns`` wide in COLUMNS and in the window (50 rows),
    and no MGCHECK_LANG unless ``lang`` sets it. It holds no environment (each spawn reads
    os.environ, after ``_hermetic`` has set this test's homes), so one serves the whole session.
    """

    # The end of a question: what ``answer_all`` waits for before it types the next answer.
    PROMPT_END = r"(\? |\] |: )$"

    def spawn(
        self,
        *args: str,
        columns: int = 100,
        today: str | None = None,
        lang: str | None = None,
        lines: int | None = None,
        cwd: Path | None = None,
        timeout: int = 120,
    ) -> pexpect.spawn:
        """Start ``mgcheck ARGS``; everything it shows is kept in ``child.logfile_read``.
        ``today`` fixes "today" (MGCHECK_TODAY); ``lang`` sets MGCHECK_LANG; ``lines`` sets
        LINES: with TERM=dumb and no height Rich assumes 80 columns, as no real terminal does.
        """
        import io
        import sys

        import pexpect

        env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "TERM", "MGCHECK_LANG"}}
        env.update({"TERM": "dumb", "COLUMNS": str(columns)})
        if lines is not None:
            env["LINES"] = str(lines)
        if lang is not None:
            env["MGCHECK_LANG"] = lang
        if today is not None:
            env["MGCHECK_TODAY"] = today
        child = pexpect.spawn(
            sys.executable,
            ["-m", "mgcheck", *args],
            env=env,
            encoding="utf-8",
            timeout=timeout,
            dimensions=(50, columns),
            cwd=str(cwd) if cwd else None,
        )
        child.logfile_read = io.StringIO()
        return child

    def reading(self, child: pexpect.spawn) -> None:
        """Wait until mgcheck is blocked reading the terminal, so that a key sent next meets
        that read, as a person's does. Ctrl-C sent between the prompt and the read is lost by
        CPython's input(): the signal comes, then the read blocks (it hung the Ctrl-C tests
        on a loaded machine). On Linux /proc/PID/syscall names the read on descriptor 0;
        elsewhere half a second stands in for a person's reaction."""
        import platform
        import time

        read = {"x86_64": "0", "aarch64": "63"}.get(platform.machine())
        where = Path(f"/proc/{child.pid}/syscall")
        if read is None or not where.exists():
            time.sleep(0.5)
            return
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if where.read_text().split()[:2] == [read, "0x0"]:
                return
            time.sleep(0.005)
        raise AssertionError("mgcheck never waited for the terminal")

    def answer_all(self, child: pexpect.spawn, answers: list[str]) -> str:
        """Answer each prompt in turn; return everything the terminal showed, as one line."""
        import pexpect

        for reply in answers:
            child.expect(self.PROMPT_END)
            child.sendline(reply)
        child.expect(pexpect.EOF)
        child.close()
        shown = child.logfile_read.getvalue()
        return " ".join(shown.replace("│", " ").split())


class Script:
    """Answers typed at a prompter's questions, in order: ``read`` keeps each prompt and returns
    the next answer, and raises EOFError when they run out, as ``input()`` does; ``say`` keeps
    what is said. Give ``read`` and ``say`` to a Prompter or an Interview."""

    def __init__(self, *answers: str) -> None:
        self._answers: Iterator[str] = iter(answers)
        self.prompts: list[str] = []
        self.said: list[str] = []

    def read(self, prompt: str) -> str:
        self.prompts.append(prompt)
        try:
            return next(self._answers)
        except StopIteration:
            raise EOFError from None

    def say(self, text: str) -> None:
        self.said.append(text)


class Typed:
    """Answers typed at a terminal: ``typed("4", "j")`` has every command from then on ask
    through a Prompter that reads them (where ``mgcheck.cli.options.prompter`` gives one at a
    real terminal), and returns their :class:`Script`, which keeps what was asked and said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch

    def __call__(self, *answers: str) -> Script:
        from mgcheck.cli.prompts import Prompter

        script = Script(*answers)
        self._monkeypatch.setattr(
            "mgcheck.cli.options.prompter", lambda: Prompter(script.read, script.say)
        )
        return script


def command_tree() -> list[tuple[list[str], Any]]:
    """Every command and group under the root, as the words that call it and its Click
    command, derived from the command tree (groups build their commands when asked)."""
    from typer.main import get_command

    from mgcheck.cli.app import app

    root: Any = get_command(app)
    context: Any = root.make_context("mgcheck", [], resilient_parsing=True)
    found: list[tuple[list[str], Any]] = []

    def walk(path: list[str], command: Any) -> None:
        found.append((path, command))
        if hasattr(command, "list_commands"):
            for sub in command.list_commands(context):
                walk([*path, sub], command.get_command(context, sub))

    for name in root.list_commands(context):
        walk([name], root.get_command(context, name))
    return found


@pytest.fixture(scope="session")
def cli() -> Cli:
    """The CLI run in-process, as a user would type it: ``cli.run(...)``, ``cli.json(...)``.
    Session-scoped, so Hypothesis tests and module fixtures can use it too."""
    return Cli()


@pytest.fixture(scope="session")
def terminal() -> Terminal:
    """mgcheck in a real pseudo-terminal: ``terminal.spawn(...)``, ``terminal.answer_all(...)``.
    Session-scoped, like ``cli``."""
    return Terminal()


def lines_too_wide(lines: Iterable[str], columns: int) -> list[str]:
    """The lines wider than ``columns``, not counting a path or web address: those cannot be
    broken, and their length depends on where the checkout and the home folder are (issue 21),
    so each counts as one character. Everything else on the line must fit."""
    import re

    unbreakable = re.compile(r"\S*/\S*")
    return [line for line in lines if len(unbreakable.sub("/", line)) > columns]


@pytest.fixture(scope="session")
def too_wide() -> Callable[[Iterable[str], int], list[str]]:
    """``too_wide(lines, columns)``: the lines that do not fit (a path or URL aside)."""
    return lines_too_wide


@pytest.fixture(scope="session")
def script() -> type[Script]:
    """The :class:`Script` class, to make one per run: ``script("ja", "2")``. Session-scoped,
    like ``cli``."""
    return Script


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Typed:
    """Answers typed at the questions of the commands this test runs in-process:
    ``script = typed("4", "", "j")``; see :class:`Typed`."""
    return Typed(monkeypatch)
