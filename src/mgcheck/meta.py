"""The installed version, read from the distribution's METADATA file."""

from __future__ import annotations

import os
import sys


def installed_version() -> str:
    """Read ``Version:`` from the installed ``mgcheck-*.dist-info/METADATA``.

    This is what importlib.metadata.version() returns, found without importing
    importlib.metadata (about 9 ms, a fifth of `mgcheck --version`). Falls back to it when
    the dist-info is not a plain folder on sys.path (a zipped install, say).
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208 - no pathlib here
        except OSError:
            continue
        for name in names:
            if name.startswith("mgcheck-") and name.endswith(".dist-info"):
                metadata = os.path.join(entry, name, "METADATA")  # noqa: PTH118 - no pathlib here
                try:
                    with open(metadata, encoding="utf-8") as handle:  # noqa: PTH123
                        for line in handle:
                            if line.startswith("Version:"):
                                return line.split(":", 1)[1].strip()
                except OSError:
                    continue
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mgcheck")
    except PackageNotFoundError:
        return "unknown"
