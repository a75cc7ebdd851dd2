"""Named exit codes and the one exception type that becomes a one-line message."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL_ERROR = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class MgcheckError(Exception):
    """An expected problem the user can fix: shown as one line on stderr, never a traceback."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in the run's language: the common reasons are worded
    here, once (the system's own text is English whatever the language); others as given."""
    import errno

    from mgcheck.i18n import _

    reasons = {
        errno.ENOENT: _("no such file or folder"),
        errno.EISDIR: _("it is a folder"),
        errno.ENOTDIR: _("part of the path is not a folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.ENOSPC: _("the disk is full"),
        errno.EROFS: _("the file system is read-only"),
        errno.EDQUOT: _("the disk quota is used up"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.ELOOP: _("too many symbolic links"),
    }
    return reasons.get(exc.errno or 0) or exc.strerror or exc.__class__.__name__
