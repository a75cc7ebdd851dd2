"""Write docs/cli.md: every command's --help, in English and in Danish, as an 80-column terminal
shows it. tests/cli/test_cli_docs.py fails while the page is stale.

    .venv/bin/python scripts/cli_docs.py          # write docs/cli.md
    .venv/bin/python scripts/cli_docs.py --check  # exit 1 if it is stale

The screens come from mgcheck's real entry point (``mgcheck.__main__.main``, what the
``mgcheck`` command runs) in one child Python per language with that language's environment,
called once per command: a Python for each of the 2 x 24 screens would cost the suite seconds.
(Help shown in-process is the same, in either language: tests/cli/test_cli_docs.py.) The
commands are read from the command tree, so a new one appears here by itself.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "cli.md"
WIDTH = 80
LANGUAGES = {"en": "In English", "da": "På dansk"}
# What a person's shell may hold that would change the screens: colour, language, width.
UNSET = (
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR_FORCE",
    "GITHUB_ACTIONS",
    "TTY_COMPATIBLE",
    "NO_COLOR",
    "TERMINAL_WIDTH",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "LINES",
)

Screen = tuple[list[str], str]  # the words after "mgcheck", and what --help printed


def environment(lang: str, width: int = WIDTH) -> dict[str, str]:
    """The environment of a plain terminal ``width`` columns wide speaking ``lang``."""
    env = {key: value for key, value in os.environ.items() if key not in UNSET}
    env.update(TERM="dumb", COLUMNS=str(width), MGCHECK_LANG=lang, PYTHONUTF8="1")
    return env


def command_paths(root: Any) -> list[list[str]]:
    """Every group and command under Click's ``root``, as the words that call it, in the order
    the help lists them."""
    ctx = root.make_context("mgcheck", [], resilient_parsing=True)
    found: list[list[str]] = [[]]

    def walk(path: list[str], command: Any) -> None:
        found.append(path)
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                walk([*path, name], command.get_command(ctx, name))

    for name in root.list_commands(ctx):
        walk([name], root.get_command(ctx, name))
    return found


def _help_here(path: list[str]) -> str:
    """``mgcheck PATH --help`` through the entry point, in this process, as printed on stdout."""
    from mgcheck.__main__ import main

    saved = sys.argv, sys.stdout
    sys.argv, sys.stdout = ["mgcheck", *path, "--help"], io.StringIO()
    printed = sys.stdout
    try:
        main()
    except SystemExit as exit_:
        if exit_.code not in (0, None):
            raise
    finally:
        sys.argv, sys.stdout = saved
    return printed.getvalue()


def _screens_here() -> list[Screen]:
    """Every screen, in this process's language (the child's side of :func:`screens`)."""
    first = _help_here([])
    from typer.main import get_command

    from mgcheck.cli.app import app

    paths = command_paths(get_command(app))
    return [([], first), *((path, _help_here(path)) for path in paths[1:])]


def screens(lang: str, width: int = WIDTH) -> list[Screen]:
    """Every command's help in ``lang`` at ``width`` columns, from a child Python (see the
    module)."""
    import subprocess

    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--screens"],
        env=environment(lang, width),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"help screens in {lang!r} failed:\n{done.stderr}")
    return [(path, text) for path, text in json.loads(done.stdout)]


def render(by_lang: dict[str, list[Screen]] | None = None) -> str:
    """The whole page, from the screens (made now unless given)."""
    if by_lang is None:
        with ThreadPoolExecutor(max_workers=len(LANGUAGES)) as pool:
            by_lang = dict(zip(LANGUAGES, pool.map(screens, LANGUAGES), strict=True))
    lines = [
        "# mgcheck's commands",
        "",
        f"Every command's `--help`, in English and in Danish, as an {WIDTH}-column terminal "
        "shows it.",
        "Generated from the commands by `scripts/cli_docs.py`: do not edit it by hand. After "
        "a change",
        "of help, run `.venv/bin/python scripts/cli_docs.py` (a test fails while this page is "
        "stale).",
    ]
    for lang, heading in LANGUAGES.items():
        lines += ["", f"## {heading}"]
        for path, text in by_lang[lang]:
            body = "\n".join(line.rstrip() for line in text.strip("\n").splitlines())
            lines += ["", f"### `{' '.join(['mgcheck', *path])}` ({lang})", "", "```text"]
            lines += [body, "```"]
    return "\n".join(lines) + "\n"


def section(page: str, path: list[str], lang: str) -> str:
    """The screen of ``mgcheck PATH --help`` in ``lang`` as the page shows it."""
    heading = f"### `{' '.join(['mgcheck', *path])}` ({lang})\n\n```text\n"
    return page.split(heading, 1)[1].split("\n```\n", 1)[0]


def stale(written: str, fresh: str) -> str:
    """What changed, as a short diff ('' when nothing did)."""
    diff = difflib.unified_diff(
        written.splitlines(), fresh.splitlines(), "docs/cli.md", "now", lineterm="", n=1
    )
    return "\n".join(list(diff)[:60])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is stale")
    parser.add_argument("--screens", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.screens:
        sys.stdout.write(json.dumps(_screens_here(), ensure_ascii=False))
        return
    fresh = render()
    if args.check:
        written = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if written != fresh:
            print(stale(written, fresh))
            print("docs/cli.md is stale: run .venv/bin/python scripts/cli_docs.py")
            raise SystemExit(1)
        return
    OUT.write_text(fresh, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
