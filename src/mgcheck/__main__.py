"""Entry point: choose the language before the CLI (and its help strings) is imported."""

from __future__ import annotations

import os
import sys


def main() -> None:
    from mgcheck import i18n

    argv = sys.argv[1:]
    i18n.set_language(i18n.choose_language(argv, os.environ))
    if argv != ["--version"]:
        # Help and usage errors render through Typer's rich_utils; --version alone needs neither.
        i18n.localize_typer()

    from mgcheck.cli import app

    app(prog_name="mgcheck")


if __name__ == "__main__":
    main()
