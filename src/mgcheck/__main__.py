"""Entry point: choose the language before the CLI (and its help strings) is imported."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # The most common quick call: answer it without loading Typer and the command modules.
        from mgcheck.meta import installed_version

        sys.stdout.write(f"mgcheck {installed_version()}\n")
        return
    from mgcheck import i18n

    lang = i18n.choose_language(sys.argv[1:], os.environ)
    i18n.set_language(lang)
    i18n.bind_process_language(lang)

    from mgcheck.cli import app

    app(prog_name="mgcheck")


if __name__ == "__main__":
    main()
