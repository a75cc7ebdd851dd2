"""Nothing leaves the machine: no module of mgcheck imports anything that talks to a network."""

from __future__ import annotations

import ast
from pathlib import Path

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


def test_no_network_imports() -> None:
    """One scan of every module (one test: a file is not a test case of its own)."""
    found = {
        str(path.relative_to(path.parents[1])): sorted(imported(path) & NETWORK)
        for path in SOURCES
        if imported(path) & NETWORK
    }
    assert found == {}


def test_the_scan_sees_the_modules(tmp_path: Path) -> None:
    assert len(SOURCES) > 30
    assert "sqlite3" in imported(Path(mgcheck.__file__).parent / "store" / "diary.py")
    talker = tmp_path / "talker.py"
    talker.write_text("import json\nfrom urllib import request\nimport http.client\n")
    assert imported(talker) & NETWORK == {"urllib", "http"}
