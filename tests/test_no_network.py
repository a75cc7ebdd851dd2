"""Nothing leaves the machine: no module of mgcheck imports anything that talks to a network."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import mgcheck

NETWORK = {"socket", "ssl", "http", "urllib", "ftplib", "smtplib", "requests", "httpx", "aiohttp"}
SOURCES = sorted(Path(mgcheck.__file__).parent.rglob("*.py"))


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_no_network_imports(path: Path) -> None:
    assert not imported(path) & NETWORK


def test_the_scan_sees_the_modules() -> None:
    assert len(SOURCES) > 30
    assert "sqlite3" in imported(Path(mgcheck.__file__).parent / "store" / "diary.py")
