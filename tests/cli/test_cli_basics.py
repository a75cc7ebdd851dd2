"""Conventions every command follows: welcome, version, help, exit codes."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from typing import TYPE_CHECKING

import pytest
import typer

from mgcheck.cli.app import app

if TYPE_CHECKING:
    from conftest import Cli


def test_welcome_without_arguments(cli: Cli) -> None:
    result = cli.run()
    assert result.exit_code == 0
    assert "mgcheck foods" in result.stdout
    assert "not a diagnosis" in result.stdout


def test_welcome_in_danish(cli: Cli) -> None:
    result = cli.run("--lang", "da")
    assert "ikke en diagnose" in result.stdout


def test_version_reads_installed_metadata(cli: Cli) -> None:
    result = cli.run("--version")
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
        if isinstance(sub, typer.core.TyperGroup):  # built when asked for, as Click asks
            pending += [
                (f"{name} {n}", sub.get_command(context, n)) for n in sub.list_commands(context)
            ]
        checked += 1
    assert checked >= 15  # the diary's subcommands are walked too


def test_unknown_command_exits_2(cli: Cli) -> None:
    assert cli.run("nonsense").exit_code == 2


def test_unexpected_error_is_one_line_without_traceback(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("secret health data")

    monkeypatch.setattr("mgcheck.store.snapshot.foods", boom)
    result = cli.run("foods")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "mgcheck: unexpected error (ValueError). Run again with --debug for details."
    )
    assert "secret" not in result.output


def test_debug_shows_the_exception(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("details")

    monkeypatch.setattr("mgcheck.store.snapshot.foods", boom)
    with pytest.raises(ValueError, match="details"):
        cli.run("--debug", "foods")


HELP_PATHS = [[], ["assess"], ["warnings"], ["dose"], ["foods"], ["sources"], ["schemas"]]
HELP_PATHS += [["diary"], ["diary", "add"], ["diary", "list"], ["diary", "chart"]]


@pytest.mark.parametrize("path", HELP_PATHS, ids=lambda p: " ".join(p) or "root")
def test_help_speaks_danish_all_through(cli: Cli, path: list[str]) -> None:
    """Issue 12: Typer's vendored Click words too (usage, the help option), no <bool> for a
    flag, numbers as Danish writes them."""
    out = cli.run(*path, "--help", env={"MGCHECK_LANG": "da"}).stdout
    assert "Brug: mgcheck" in out and "Usage:" not in out
    assert "Vis denne hjælp og afslut." in out and "Show this message" not in out
    assert "<bool>" not in out and "range>" not in out and "<=x" not in out
    assert "[OPTIONS]" not in out


def test_help_numbers_follow_the_language(cli: Cli) -> None:
    da = " ".join(cli.run("foods", "--help", env={"MGCHECK_LANG": "da"}).stdout.split())
    assert "<tal> [1–2.000]" in da and "[standard: 300]" in da and "<heltal> [0 eller mere]" in da
    en = " ".join(cli.run("foods", "--help", env={"MGCHECK_LANG": "en"}).stdout.split())
    assert "<number> [1–2,000]" in en and "[default: 300]" in en and "[0 or more]" in en


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (["foods", "--by", "vægt"], "--by: brug en af serving, 100g, energy (ikke vægt)"),
        (
            ["foods", "--top", "-1"],
            "--top: antallet af fødevarer skal være et helt tal på 0 eller mere (ikke '-1').",
        ),
        (
            ["foods", "--target", "0"],
            "--target: mængden om dagen (mg) skal være et tal fra 1 til 2.000 (ikke '0').",
        ),
        (
            ["dose", "citrat", "400", "--per-day", "30"],
            "--per-day: antallet af tabletter eller doser om dagen skal være et helt tal fra 1 til "
            "24 (ikke '30').",
        ),
        (
            ["dose", "citrat", "400", "--age", "gammel"],
            "--age: alderen i år skal være et helt tal fra 0 til 130 (ikke 'gammel').",
        ),
        (["foods", "--nope"], "Der er ikke noget tilvalg --nope."),
        (["foods", "--top"], "--top skal have en værdi efter sig."),
        (["foods", "--json=ja"], "--json tager ingen værdi."),
        (["foods", "ekstra"], "Uventede ord: ekstra."),
        (["nope"], "Der er ingen kommando 'nope'."),
        (["warnings", "--standard", "dk"], "--standard: brug en af nnr, efsa, iom (ikke dk)"),
    ],
)
def test_clicks_own_errors_are_worded_in_danish(cli: Cli, args: list[str], danish: str) -> None:
    result = cli.run(*args, env={"MGCHECK_LANG": "da"})
    assert result.exit_code == 2
    flat = " ".join(result.stderr.replace("│", " ").split())
    assert danish in flat
    assert "Invalid value" not in flat and "No such" not in flat and "Usage:" not in flat


def test_every_danish_group_name_the_help_offers_is_understood(cli: Cli) -> None:
    from mgcheck.i18n import _, speaking

    with speaking("da"):
        help_text = _(
            "Only foods of this group: nuts, legumes, whole grains, vegetables, fish, dairy, "
            "fruit or other (the keys nuts_seeds, whole_grains work too)."
        )
    names = help_text.split(":", 1)[1].split("(")[0].replace(" eller ", ", ").strip(" .")
    for name in [n.strip() for n in names.split(",")]:
        result = cli.run("foods", "--group", name, "--json", env={"MGCHECK_LANG": "da"})
        assert result.exit_code == 0, (name, result.stderr)
    for key in ("nuts_seeds", "whole_grains", "Nødder", "baelgfrugter", "dairy"):
        assert cli.run("foods", "--group", key, "--json").exit_code == 0, key
    refused = cli.run("foods", "--group", "sten", env={"MGCHECK_LANG": "da"})
    assert refused.exit_code == 2
    assert "Grupper: nødder, bælgfrugter, fuldkorn" in refused.stderr
