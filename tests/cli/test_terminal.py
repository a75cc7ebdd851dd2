"""Colour in a real terminal, none in a pipe or with NO_COLOR; Ctrl-C exits 130."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest
import yaml

from mgcheck.store.datafiles import FOODS_FILE

if TYPE_CHECKING:
    from conftest import Cli

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


def test_ctrl_c_exits_130(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("mgcheck.store.snapshot.foods", interrupted)
    assert cli.run("foods").exit_code == 130


OSC8 = re.compile(r"\x1b\]8;[^;\x1b]*;([^\x1b]*)\x1b\\")


@pytest.mark.slow
def test_a_terminal_gets_mgchecks_own_urls_as_links_and_no_link_from_outside(
    tmp_path: Path,
) -> None:
    """Issue 12: clickable source addresses (OSC 8); issue 10: a link smuggled into a food
    table is shown, never sent."""
    shown = _pty_output({}, "sources", "nnr2023")
    links = [url for url in OSC8.findall(shown) if url]
    assert links == [
        "https://pub.norden.org/nord2023-003/about-this-publication.html",
        "https://www.livsmedelsverket.se/livsmedel-och-innehall/naringsamne/salt-och-mineraler1/magnesium",
    ]
    table = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))
    table["foods"][0]["name"]["en"] = "Seeds \x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\"
    path = tmp_path / "foods.yaml"
    path.write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    foods = _pty_output({}, "foods", "--foods", str(path), "--search", "seeds")
    assert "\x1b]8" not in foods
    assert "␛]8;;http://evil/" in foods


def test_a_pipe_gets_no_padding_and_urls_whole() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"TERM", "COLUMNS"}}
    env |= {"TERM": "xterm-256color", "COLUMNS": "60"}
    for args in (["foods"], ["sources"], ["warnings"], ["foods", "--help"], []):
        out = subprocess.run(
            [sys.executable, "-m", "mgcheck", *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        assert all(line == line.rstrip(" ") for line in out.splitlines()), args
    sources = subprocess.run(
        [sys.executable, "-m", "mgcheck", "sources"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    urls = re.findall(r"https?://\S+", sources)
    assert len(urls) > 60
    assert (
        "https://www.folona.com/blogs/blogs/what-is-elemental-magnesium-magnesium-glycinate-the-case-of-less-is-more"
        in urls
    )
