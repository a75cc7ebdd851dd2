"""What one run of mgcheck knows about where it runs, chosen once and passed along.

The language, whether a person is at the keyboard, the folder for private files and the
console: like httpie's ``Environment``, one frozen object made when the command line is parsed
(:func:`mgcheck.cli.app.MgcheckGroup.parse_args`) and handed to what needs it, so no command
reads ``sys.stdin.isatty()`` or the language on its own. Tests swap parts of it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
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

    def console(self) -> Console:
        """Results on stdout, control characters made visible."""
        from mgcheck.render.console import stdout_console

        return stdout_console()


def from_environment() -> Context:
    """For code run outside a command line (scripts, tests): the environment's choice."""
    return Context.from_process([], os.environ)
