"""Conventions every command follows: welcome, version, help, exit codes."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest
import typer
from helpers import run

from mgcheck.cli.app import app


def test_welcome_without_arguments() -> None:
    result = run()
    assert result.exit_code == 0
    assert "mgcheck foods" in result.stdout
    assert "not a diagnosis" in result.stdout


def test_welcome_in_danish() -> None:
    result = run("--lang", "da")
    assert "ikke en diagnose" in result.stdout


def test_version_reads_installed_metadata() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"mgcheck {version('mgcheck')}"


def test_python_dash_m_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mgcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("mgcheck ")


def test_every_command_and_option_has_help_and_examples() -> None:
    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperGroup)
    context = command.make_context("mgcheck", [], resilient_parsing=True)
    names = command.list_commands(context)  # the diary group is loaded when asked for
    pending = [(name, command.get_command(context, name)) for name in names]
    checked = 0
    while pending:
        name, sub = pending.pop()
        assert sub is not None, name
        assert sub.help, name
        assert sub.epilog and "mgcheck " + name in sub.epilog, name
        for param in sub.params:
            assert getattr(param, "help", None), f"{name} {param.name}"
        if isinstance(sub, typer.core.TyperGroup):
            pending += [(f"{name} {n}", c) for n, c in sub.commands.items()]
        checked += 1
    assert checked >= 15  # the diary's subcommands are walked too


def test_unknown_command_exits_2() -> None:
    assert run("nonsense").exit_code == 2


def test_unexpected_error_is_one_line_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("secret health data")

    monkeypatch.setattr("mgcheck.store.snapshot.foods", boom)
    result = run("foods")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "mgcheck: unexpected error (ValueError). Run again with --debug for details."
    )
    assert "secret" not in result.output


def test_debug_shows_the_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("details")

    monkeypatch.setattr("mgcheck.store.snapshot.foods", boom)
    with pytest.raises(ValueError, match="details"):
        run("--debug", "foods")
