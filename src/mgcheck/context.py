"""What one run of mgcheck knows about where it runs, chosen once and passed along.

The language, whether a person is at the keyboard, the folder for private files and the
console: like httpie's ``Environment``, one frozen object made when the command line is parsed
(:func:`mgcheck.cli.app.MgcheckGroup.parse_args`) and handed to what needs it, so no command
reads ``sys.stdin.isatty()`` or the language on its own. Tests swap parts of it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mgcheck.i18n import Language, Translator, choose_language, translator

if TYPE_CHECKING:
    from rich.console import Console


def stdin_is_terminal() -> bool:
    return bool(sys.stdin is not None and sys.stdin.isatty())


@dataclass(frozen=True)
class Context:
    """One run's language and surroundings."""

    lang: Language
    stdin_is_terminal: bool

    @classmethod
    def from_process(cls, argv: Sequence[str], environ: Mapping[str, str]) -> Context:
        """The language from ``--lang`` (anywhere before ``--``) or the environment."""
        return cls(lang=choose_language(argv, environ), stdin_is_terminal=stdin_is_terminal())

    @property
    def t(self) -> Translator:
        return translator(self.lang)

    @cached_property
    def home(self) -> Path:
        """The folder for the diary: MGCHECK_HOME, else the platform's user data folder."""
        from mgcheck.store.paths import user_dir

        return user_dir()

    @cached_property
    def program(self) -> str:
        """How to start this mgcheck again, as a command to type (``mgcheck``,
        ``.venv/bin/mgcheck``, ``/path/python -m mgcheck``): the README's first line installs
        it without putting it on the PATH."""
        import shutil

        return how_to_run(sys.argv[0] if sys.argv else "", sys.executable, Path.cwd(), shutil.which)

    def console(self) -> Console:
        """Results on stdout, control characters made visible."""
        from mgcheck.render.console import stdout_console

        return stdout_console()


def _typed(path: Path, cwd: Path) -> str:
    """A path as a person would type it here: relative below the current folder."""
    import shlex

    try:
        shown = str(path.absolute().relative_to(cwd))
    except ValueError:
        shown = str(path.absolute())
    return shlex.quote(shown)


def how_to_run(argv0: str, executable: str, cwd: Path, which: Callable[[str], str | None]) -> str:
    """The command that starts mgcheck the way this run was started: ``mgcheck`` when the
    shell finds this very program by that name, else its path; ``python -m mgcheck`` with
    this Python when it was started so."""
    script = Path(argv0)
    if script.name == "mgcheck" and script.exists():
        found = which("mgcheck")
        try:
            if found is not None and Path(found).samefile(script):
                return "mgcheck"
        except OSError:
            pass
        return _typed(script, cwd)
    return f"{_typed(Path(executable), cwd)} -m mgcheck"


def from_environment() -> Context:
    """For code run outside a command line (scripts, tests): the environment's choice."""
    return Context.from_process([], os.environ)
