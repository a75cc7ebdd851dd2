"""What every hostile test checks: exit 0 or 2, one line per problem, nothing raw in any output.

Shared by the tests in tests/hostile/. Subprocess helpers run the real entry point
(``python -m mgcheck``) with resource limits, for the cases that only a real process shows:
closed streams, broken pipes, memory bombs, a file-size limit.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from typer.testing import Result

# Every C0 control except tab and newline, DEL, every C1 control, and lone surrogates.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
MiB = 1024 * 1024


def assert_clean(*texts: str) -> None:
    """No control character (other than newline and tab) and no lone surrogate in any text."""
    for text in texts:
        found = RAW_CONTROL.search(text)
        assert found is None, f"raw {found.group()!r} in {text[:300]!r}"


def error_lines(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert "Traceback" not in stderr, stderr
    for line in lines:
        assert line.startswith("mgcheck: "), stderr
    return lines


def assert_refused(result: Result, *words: str, lines: int = 1) -> str:
    """Exit 2, exactly ``lines`` lines on stderr (each "mgcheck: ..."), containing ``words``."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    found = error_lines(result.stderr)
    assert len(found) == lines, result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert_clean(result.stdout, result.stderr)
    return result.stderr


def digest(folder: Path) -> dict[str, str]:
    """The content of every file below ``folder``, to prove that a refusal changed nothing."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def limits(memory: int | None = None, file_size: int | None = None) -> Callable[[], None]:
    """A preexec_fn: cap address space and file size; a write past the cap fails, not kills."""

    def apply() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return apply


def mgcheck(
    *args: str,
    env: Mapping[str, str] | None = None,
    shell_redirect: str = "",
    stdin: bytes | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m mgcheck ARGS`` in a real process; ``shell_redirect`` e.g. ``'<&-'``."""
    full_env = {**os.environ, **(env or {})}
    if shell_redirect:
        quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)
        command: list[str] = [
            "/bin/sh",
            "-c",
            f"exec '{sys.executable}' -m mgcheck {quoted} {shell_redirect}",
        ]
    else:
        command = [sys.executable, "-m", "mgcheck", *args]
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        env=full_env,
        preexec_fn=preexec,
        timeout=timeout,
        check=False,
    )
