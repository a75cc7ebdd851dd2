"""What one run of mgcheck knows about where it runs, found once and passed along.

Whether a person is at the keyboard, the folder for private files, how to start mgcheck again
and the console: like httpie's ``Environment``, one frozen record made when the command line
is parsed (:func:`mgcheck.cli.app.MgcheckGroup.parse_args`) and handed to what needs it, so no
command reads ``sys.stdin.isatty()`` on its own. Tests swap parts of it. The language is not
here: it is the one current language of :mod:`mgcheck.i18n`, which the group chooses.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mgcheck.record import Record

if TYPE_CHECKING:
    from rich.console import Console


def stdin_is_terminal() -> bool:
    return bool(sys.stdin is not None and sys.stdin.isatty())


class Context(Record):
    """One run's surroundings. A Record like mgcheck's other shapes: frozen, and cheap to
    make; what costs a look-up (the home folder, the installed script) is found when asked."""

    stdin_is_terminal: bool

    @classmethod
    def from_process(cls) -> Context:
        """This process's surroundings: its standard input."""
        return cls(stdin_is_terminal=stdin_is_terminal())

    @property
    def home(self) -> Path:
        """The folder for the diary: MGCHECK_HOME, else the platform's user data folder."""
        from mgcheck.store.paths import user_dir

        return user_dir()

    @property
    def program(self) -> str:
        """How to start this mgcheck again, as a command to type (``mgcheck``,
        ``.venv/bin/mgcheck``): the README's first line installs it without putting it on the
        PATH."""
        import shutil

        return how_to_run(
            sys.argv[0] if sys.argv else "", sys.executable, Path.cwd(), shutil.which, user_home()
        )

    def console(self) -> Console:
        """Results on stdout, control characters made visible."""
        from mgcheck.render.console import stdout_console

        return stdout_console()


def typed_path(path: Path, cwd: Path, home: Path | None = None) -> str:
    """A path as a person would type it here, quoted for the shell: relative below the current
    folder, ``~/…`` below the home folder (the tilde left outside the quotes, so the shell still
    expands it), else absolute. ``path`` may be as typed (``~/svar.yaml``)."""
    import shlex

    absolute = Path(os.path.normpath(cwd / path.expanduser()))
    try:
        return shlex.quote(str(absolute.relative_to(cwd)))
    except ValueError:
        pass
    if home is not None and home != Path("/"):
        try:
            return "~/" + shlex.quote(str(absolute.relative_to(home)))
        except ValueError:
            pass
    return shlex.quote(str(absolute))


def how_to_run(
    argv0: str,
    executable: str,
    cwd: Path,
    which: Callable[[str], str | None],
    home: Path | None = None,
) -> str:
    """The command a person types to start this mgcheck again.

    ``mgcheck`` when the shell finds this very installation by that name; else the installed
    ``mgcheck`` script (this run's, or the one beside this Python when it was started as
    ``python -m mgcheck``) as a path, relative in the project folder; ``python -m mgcheck`` only
    when no script is installed and that is how it was started.
    """
    started = Path(argv0)
    if started.name == "mgcheck" and started.exists():
        script: Path | None = started
    else:
        beside = Path(executable).parent / "mgcheck"
        script = beside if beside.is_file() else None
    if script is None:
        return f"{typed_path(Path(executable), cwd, home)} -m mgcheck"
    found = which("mgcheck")
    try:
        if found is not None and Path(found).samefile(script):
            return "mgcheck"
    except OSError:
        pass
    command = typed_path(script, cwd, home)
    # A bare name would be looked up on the PATH, not in this folder.
    return command if "/" in command else f"./{command}"


def user_home() -> Path | None:
    """The home folder, or None where there is none to name."""
    try:
        return Path.home()
    except (KeyError, RuntimeError):  # no HOME and no passwd entry
        return None


def from_environment() -> Context:
    """For code run outside a command line (scripts, tests)."""
    return Context.from_process()
