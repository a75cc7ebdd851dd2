"""Entry point: guard the streams, answer --version, run the command group.

Before anything else the three standard streams are made safe: a closed one is replaced by
/dev/null (so no file mgcheck opens later can take its number and receive output), a closed
stdout is refused with one line, and a stdout that cannot encode everything gets replacement
characters instead of a crash.
"""

from __future__ import annotations

import os
import sys


def _closed(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def _guard_streams() -> bool:
    """Fill closed standard descriptors with /dev/null; False if stdout was closed."""
    closed = [fd for fd in (0, 1, 2) if _closed(fd)]
    for fd in closed:
        opened = os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
        if opened != fd:
            os.dup2(opened, fd)
            os.close(opened)
    if 0 in closed:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: PTH123, SIM115 (lives as long as we do)
    if 2 in closed:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: PTH123, SIM115
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if stream is not None and encoding not in ("utf-8", "utf8"):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    return 1 not in closed


def main() -> None:
    if not _guard_streams():
        from mgcheck.i18n import _, choose_language, speaking
        from mgcheck.render.console import error_line

        # No run to choose the language: the same choice, made here for this one line.
        with speaking(choose_language(sys.argv[1:], os.environ)):
            error_line(_("standard output is closed."))
        raise SystemExit(2)

    if sys.argv[1:] == ["--version"]:
        # The most common quick call: answered before Typer, Rich or even `typing` is imported.
        from mgcheck.meta import installed_version

        try:
            sys.stdout.write(f"mgcheck {installed_version()}\n")
            sys.stdout.flush()
        except BrokenPipeError:
            from mgcheck.render.console import reader_gone

            reader_gone()
        return

    import gc

    # A run is over in a fraction of a second. The cycle collector's passes over the many
    # objects Typer, Rich and Pydantic make at import cost several ms of every start-up
    # (benchmarks/startup.py); run it rarely, as mypy does. Reference counting frees the rest.
    gc.set_threshold(100_000, 50, 50)

    from mgcheck.render.console import reader_gone, unpad_stdout

    unpad_stdout()
    try:
        # The language is chosen by the group, once, for the run (cli.app.MgcheckGroup.main).
        from mgcheck.render.console import protect_typer_help

        protect_typer_help()
        from mgcheck.cli.app import app

        app(prog_name="mgcheck")
    except BrokenPipeError:
        reader_gone()


if __name__ == "__main__":
    main()
