"""The diary file under attack and bad luck: races, damage, tampering, full disks, folder modes.

Issue 10, points 1, 4, 5, 6, 10 and 12 (a folder owned by someone else).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import run
from hostile_kit import assert_refused

NIGHT = dt.date(2026, 11, 1)
ROOT = os.geteuid() == 0


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- 10. folder modes -------------------------------------------------------------------------


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_new_folders_are_never_writable_by_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_000: None
) -> None:
    home = tmp_path / "a" / "b" / "mgcheck"
    monkeypatch.setenv("MGCHECK_HOME", str(home))
    assert run("diary", "add", "--date", "2026-11-01", "--legs", "3").exit_code == 0
    assert mode(home) == 0o700
    assert mode(tmp_path / "a") & 0o022 == 0
    assert mode(tmp_path / "a" / "b") & 0o022 == 0
    assert mode(home / "diary.sqlite3") == 0o600


def test_an_existing_folder_keeps_its_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "mine"
    home.mkdir()
    home.chmod(0o755)
    monkeypatch.setenv("MGCHECK_HOME", str(home))
    assert run("diary", "add", "--date", "2026-11-01", "--legs", "3").exit_code == 0
    assert mode(home) == 0o755
    assert mode(home / "diary.sqlite3") == 0o600


@pytest.mark.parametrize("folder_mode", [0o1777, 0o777, 0o770])
def test_a_folder_others_can_write_to_is_refused_not_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder_mode: int
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(folder_mode)
    monkeypatch.setenv("MGCHECK_HOME", str(shared))
    result = run("diary", "add", "--date", "2026-11-01", "--legs", "3")
    assert_refused(result, "others can write")
    assert mode(shared) == folder_mode
    assert list(shared.iterdir()) == []


def test_a_folder_owned_by_someone_else_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if ROOT:
        theirs = tmp_path / "theirs"
        theirs.mkdir(mode=0o755)
        os.chown(theirs, 65534, 65534)
    else:
        theirs = Path("/")
    monkeypatch.setenv("MGCHECK_HOME", str(theirs))
    result = run("diary", "add", "--date", "2026-11-01", "--legs", "3")
    assert_refused(result, "belongs to another user")
    if ROOT:
        assert list(theirs.iterdir()) == []
