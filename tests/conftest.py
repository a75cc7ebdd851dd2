"""Hermetic tests: plain terminal, fixed width, English unless asked, no network, no real home.

The environment is cleaned at import time, before the app (and Typer's help module) loads:
Typer reads colour variables when it first imports them.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_LEAKY = (
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR_FORCE",
    "GITHUB_ACTIONS",
    "TTY_COMPATIBLE",
    "MGCHECK_LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "NO_COLOR",
)
for _name in _LEAKY:
    os.environ.pop(_name, None)
os.environ["TERM"] = "dumb"
os.environ["COLUMNS"] = "120"

ROOT = Path(__file__).resolve().parent.parent
SHARED_FOOD_DATA = ROOT.parent / "shared" / "reference" / "food-data"


@pytest.fixture(autouse=True)
def _hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    from mgcheck import i18n

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MGCHECK_HOME", str(tmp_path / "mgcheck-home"))

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("mgcheck must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    i18n.set_language("en")
    yield
    i18n.set_language("en")
