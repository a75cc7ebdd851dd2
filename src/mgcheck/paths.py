"""Where mgcheck keeps the user's files: one function, one environment override."""

from __future__ import annotations

import os
from pathlib import Path

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _

ENV = "MGCHECK_HOME"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def user_dir() -> Path:
    """The folder for the diary: MGCHECK_HOME, else the platform's user data folder."""
    override = os.environ.get(ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("mgcheck", appauthor=False))


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only; tighten it if it exists."""
    try:
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        if path.stat().st_mode & 0o077:
            path.chmod(PRIVATE_DIR)
    except OSError as exc:
        raise MgcheckError(
            _("{path}: cannot create the folder ({reason})").format(
                path=path, reason=exc.strerror or exc.__class__.__name__
            )
        ) from exc
    return path


def create_private_file(path: Path, *, exclusive: bool = False) -> None:
    """Create ``path`` with mode 0600 before anything is written to it (umask would give 0644)."""
    flags = os.O_CREAT | os.O_WRONLY | (os.O_EXCL if exclusive else 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except FileExistsError as exc:
        raise MgcheckError(
            _("{path}: already exists; mgcheck will not overwrite it").format(path=path)
        ) from exc
    except OSError as exc:
        raise MgcheckError(
            _("{path}: cannot create the file ({reason})").format(
                path=path, reason=exc.strerror or exc.__class__.__name__
            )
        ) from exc
    os.close(fd)
