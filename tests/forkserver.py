"""``python -m mgcheck ARGS`` for the golden cases, without paying Python's start each time.

A command's run is mostly the import of Typer, Rich and Pydantic (about two thirds of its
time). A :class:`ForkServer` is one Python that has imported those libraries (and no part of
mgcheck: its modules choose their language when imported) and forks a child for each command.
The child takes the command's folder, environment and standard streams, then runs mgcheck's
entry point as ``python -m mgcheck`` does (``runpy``, ``sys.argv[0]`` the module's file,
``sys.path[0]`` the folder), so mgcheck is imported and run afresh, in the case's language.
The transcripts are byte for byte those of a new Python each time (``tests/golden`` checks).

Only for environments like the goldens' (UTF-8 mode, a fixed hash seed: the server's own,
which every child inherits); where ``os.fork`` is missing, :func:`runner` gives plain
subprocesses.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Imported once by the server: libraries whose import reads nothing of the case (no language,
# no width). typer.rich_utils is not among them: it translates its labels when imported.
PRELOAD = (
    "typer",
    "typer.main",
    "typer.core",
    "rich.console",
    "rich.table",
    "rich.text",
    "rich.panel",
    "rich.markup",
    "pydantic",
    "yaml",
    "sqlite3",
    "gettext",
    "json",
    "decimal",
    "importlib.metadata",
)


@dataclass(frozen=True)
class Done:
    """What a command left: its exit code and its two output streams, as bytes."""

    returncode: int
    stdout: bytes
    stderr: bytes


class Plain:
    """Each command in a new Python (where there is no fork)."""

    def run(
        self, args: list[str], *, env: dict[str, str], cwd: Path, stdin: bytes, timeout: float
    ) -> Done:
        done = subprocess.run(
            [sys.executable, "-m", "mgcheck", *args],
            cwd=cwd,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        return Done(done.returncode, done.stdout, done.stderr)

    def close(self) -> None:
        """Nothing to stop."""


class ForkServer:
    """One server Python (see the module); ``run`` is one command, one at a time."""

    def __init__(self, env: dict[str, str]) -> None:
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )

    def run(
        self, args: list[str], *, env: dict[str, str], cwd: Path, stdin: bytes, timeout: float
    ) -> Done:
        request = {
            "args": args,
            "env": env,
            "cwd": str(cwd),
            "stdin": base64.b64encode(stdin).decode("ascii"),
            "timeout": timeout,
        }
        with self._lock:
            assert self._process.stdin is not None and self._process.stdout is not None
            self._process.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("the fork server stopped")
        reply = json.loads(line)
        if reply.get("timeout"):
            raise subprocess.TimeoutExpired(["mgcheck", *args], timeout)
        return Done(
            reply["code"], base64.b64decode(reply["stdout"]), base64.b64decode(reply["stderr"])
        )

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=30)
        if self._process.stdout is not None:
            self._process.stdout.close()


def runner(env: dict[str, str]) -> ForkServer | Plain:
    """A fork server started with ``env`` (its hash seed and UTF-8 mode hold for every child),
    or plain subprocesses where Python cannot fork."""
    return ForkServer(env) if hasattr(os, "fork") else Plain()


# --- the server's side -------------------------------------------------------------------------


def _streams() -> None:
    """New standard streams on descriptors 0-2, made as Python makes them at start-up."""

    utf8 = bool(sys.flags.utf8_mode)
    encoding = os.environ.get("PYTHONIOENCODING", "").partition(":")[0] or (
        "utf-8" if utf8 else None
    )
    plain_errors = "surrogateescape" if utf8 else "strict"
    sys.stdin = open(0, encoding=encoding, errors=plain_errors, closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding=encoding, errors=plain_errors, closefd=False)  # noqa: SIM115
    sys.stderr = open(  # noqa: SIM115
        2, "w", encoding=encoding, errors="backslashreplace", closefd=False, buffering=1
    )


def _child(request: dict[str, Any], files: dict[str, str]) -> None:
    """Become ``python -m mgcheck ARGS`` in the request's folder, environment and streams."""
    import runpy
    import traceback

    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, name, flags in (
        (0, "stdin", os.O_RDONLY),
        (1, "stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, "stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        opened = os.open(files[name], flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    _streams()
    sys.path[0] = str(Path.cwd())  # as with -m: the current folder first
    sys.argv = ["-m", *request["args"]]
    code = 0
    try:
        runpy.run_module("mgcheck", run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        if stop.code is None:
            code = 0
        elif isinstance(stop.code, int):
            code = stop.code
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _serve_one(request: dict[str, Any]) -> dict[str, Any]:
    import tempfile
    import time

    with tempfile.TemporaryDirectory(prefix="mgcheck-fork-") as folder:
        files = {name: str(Path(folder) / name) for name in ("stdin", "stdout", "stderr")}
        Path(files["stdin"]).write_bytes(base64.b64decode(request["stdin"]))
        pid = os.fork()
        if pid == 0:
            try:
                _child(request, files)
            finally:
                os._exit(70)  # never back into the server's loop
        deadline = time.monotonic() + float(request["timeout"])
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                return {"timeout": True}
            time.sleep(0.002)
        code = os.waitstatus_to_exitcode(status)
        return {
            "code": code,
            "stdout": base64.b64encode(Path(files["stdout"]).read_bytes()).decode("ascii"),
            "stderr": base64.b64encode(Path(files["stderr"]).read_bytes()).decode("ascii"),
        }


def serve() -> None:
    """Read one request a line on stdin, answer one reply a line on stdout, until EOF."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    for line in requests:
        replies.write(json.dumps(_serve_one(json.loads(line))).encode("utf-8") + b"\n")
        replies.flush()


if __name__ == "__main__":
    serve()
