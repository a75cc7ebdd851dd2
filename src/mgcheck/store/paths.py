"""Where mgcheck keeps the user's files: one function, one environment override.

mgcheck changes the mode only of what it creates. A folder it makes is 0700 (a parent it makes
on the way, 0755 at most: never writable by others, whatever the umask); a folder that exists is
used as it is, unless someone else owns it or others can write to it (they could then replace
the diary), which is refused rather than "fixed".
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

from mgcheck.errors import MgcheckError, os_reason
from mgcheck.i18n import _
from mgcheck.store.textfile import display_name

ENV = "MGCHECK_HOME"
PRIVATE_DIR = 0o700
PARENT_DIR = 0o755
PRIVATE_FILE = 0o600


def user_dir() -> Path:
    """The folder for the diary: MGCHECK_HOME, else the platform's user data folder. A home the
    system cannot use at all (a name too long, a loop of links) is one line, not a crash."""
    override = os.environ.get(ENV)
    if override:
        home = Path(override).expanduser()
        try:
            exists(home)
        except MgcheckError as exc:
            raise MgcheckError(f"{ENV}: {exc.message}") from None
        return home
    from platformdirs import user_data_dir

    return Path(user_data_dir("mgcheck", appauthor=False))


def exists(path: Path) -> bool:
    """``path.exists()``, except that a name the system refuses outright (too long, a loop of
    links, no permission to look) is one line naming it instead of a traceback."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise MgcheckError(
            _("{path}: cannot be used ({reason})").format(
                path=display_name(path), reason=os_reason(exc)
            )
        ) from None
    return True


def private_dir(path: Path) -> Path:
    """The folder for private files: made 0700 if missing; refused if not safely the user's."""
    missing: list[Path] = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    try:
        for new in reversed(missing):
            # FileExistsError: another mgcheck made it a moment ago; checked below like any.
            with suppress(FileExistsError):
                new.mkdir(mode=PRIVATE_DIR if new == path else PARENT_DIR)
        info = path.stat()
    except OSError as exc:
        raise MgcheckError(
            _("{path}: cannot create the folder ({reason})").format(
                path=display_name(path), reason=os_reason(exc)
            )
        ) from exc
    _check_owner_and_mode(path, info)
    return path


def _check_owner_and_mode(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISDIR(info.st_mode):
        raise MgcheckError(_("{path}: not a folder").format(path=display_name(path)))
    if os.name != "posix":
        return  # Windows keeps its own access lists; a user's folders are private there
    if info.st_uid != os.geteuid():
        raise MgcheckError(
            _(
                "{path}: this folder belongs to another user; mgcheck keeps the diary only in a "
                "folder of your own (set MGCHECK_HOME to one)."
            ).format(path=display_name(path))
        )
    if info.st_mode & 0o022:
        raise MgcheckError(
            _(
                "{path}: others can write to this folder and could replace the diary, so "
                "mgcheck does not use it and leaves it as it is. Use a folder of your own "
                "(MGCHECK_HOME), or remove their write access: chmod go-w {path}"
            ).format(path=display_name(path))
        )


def create_private_file(path: Path, *, exclusive: bool = False) -> None:
    """Create ``path`` with mode 0600 before anything is written to it (umask would give 0644)."""
    flags = os.O_CREAT | os.O_WRONLY | (os.O_EXCL if exclusive else 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except FileExistsError as exc:
        raise MgcheckError(
            _("{path}: already exists; mgcheck will not overwrite it").format(
                path=display_name(path)
            )
        ) from exc
    except OSError as exc:
        raise MgcheckError(
            _("{path}: cannot create the file ({reason})").format(
                path=display_name(path), reason=os_reason(exc)
            )
        ) from exc
    os.close(fd)
