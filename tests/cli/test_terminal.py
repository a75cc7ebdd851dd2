"""Colour in a real terminal, none in a pipe or with NO_COLOR; Ctrl-C exits 130."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pexpect
import pytest
from helpers import run

ESC = "\x1b["
# An SGR sequence that sets a foreground or background colour (bold and dim are not colour).
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def _pty_output(env_extra: dict[str, str], *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "TERM"}}
    env.update({"TERM": "xterm-256color", "COLUMNS": "120"}, **env_extra)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mgcheck", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 120),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return str(child.before)


@pytest.mark.slow
def test_a_real_terminal_gets_colour_and_no_color_removes_it() -> None:
    assert COLOUR.search(_pty_output({}, "foods", "--help"))  # proves the checks can fail
    assert not COLOUR.search(_pty_output({"NO_COLOR": "1"}, "foods", "--help"))
    assert ESC not in _pty_output({"TERM": "dumb"}, "foods", "--help")
    assert ESC not in _pty_output({"TERM": "dumb"}, "foods", "--top", "3")


def test_a_pipe_gets_no_escape_codes() -> None:
    env = {k: v for k, v in os.environ.items() if k != "TERM"} | {"TERM": "xterm-256color"}
    out = subprocess.run(
        [sys.executable, "-m", "mgcheck", "foods"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "Pumpkin seeds" in out.stdout
    assert ESC not in out.stdout


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("mgcheck.store.snapshot.foods", interrupted)
    assert run("foods").exit_code == 130
