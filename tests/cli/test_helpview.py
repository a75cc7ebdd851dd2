"""Help that a new Typer cannot break unseen (issue 20, point 4).

``cli/helpview.py`` draws Typer's help screen with a narrow window in mind, from Typer's and
Click's public names only. Three guards: no private name of Typer or Click in the help code; in
a wide window the panels come out exactly as Typer's own public ``rich_format_help`` draws
them (so a Typer whose screen changes fails here, by name, not silently in a user's window);
and every Danish screen at 60 columns through the real entry point: Danish labels, every
option's name whole at the start of its row, nothing wider than the window.
"""

from __future__ import annotations

import ast
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
from conftest import ROOT, command_tree

from mgcheck.cli import clicktext, helpview, lazy
from mgcheck.cli.clicktext import LocalArgument, LocalCommand, LocalGroup, LocalOption

sys.path.insert(0, str(ROOT / "scripts"))
import cli_docs  # scripts/cli_docs.py

# One worker makes this module's shared fixture once (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("helpview")

HELP_CODE = [Path(module.__file__ or "") for module in (helpview, clicktext, lazy)]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_names(source: str) -> list[str]:
    """Private names of other modules that ``source`` uses: imported from Typer or Click, or
    read as an attribute (``rich_utils._get_rich_console``); its own are allowed."""
    tree = ast.parse(source)
    own = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    used: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
            "typer",
            "click",
        ):
            parts = [*(node.module or "").split("."), *(alias.name for alias in node.names)]
            used += [part for part in parts if _private(part)]
        elif isinstance(node, ast.Import):
            used += [
                alias.name
                for alias in node.names
                if any(_private(part) for part in alias.name.split("."))
            ]
        elif isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
            used.append(node.attr)
    return used


def test_the_help_code_uses_no_private_name_of_typer_or_click() -> None:
    found = {path.name: private_names(path.read_text(encoding="utf-8")) for path in HELP_CODE}
    assert found == {path.name: [] for path in HELP_CODE}


def test_the_scan_finds_the_private_names_helpview_once_used() -> None:
    source = (
        "from typer import rich_utils\n"
        "from typer._click.exceptions import UsageError\n"
        "def mine(param):\n"
        "    console = rich_utils._get_rich_console()\n"
        "    param._get_number_range_help_str()\n"
        "    return mine\n"
    )
    assert sorted(private_names(source)) == [
        "_click",
        "_get_number_range_help_str",
        "_get_rich_console",
    ]


def test_no_help_hook_of_typer_is_overridden_by_a_private_name() -> None:
    """Our parameter classes add public methods (range_help, default_help); overriding one of
    Typer's private methods would be a private hook in disguise."""
    for ours, typers in (
        (LocalOption, typer.core.TyperOption),
        (LocalArgument, typer.core.TyperArgument),
        (LocalCommand, typer.core.TyperCommand),
        (LocalGroup, typer.core.TyperGroup),
    ):
        for klass in ours.__mro__[: ours.__mro__.index(typers)]:
            hooks = [n for n in vars(klass) if _private(n) and callable(getattr(typers, n, None))]
            assert hooks == [], (klass.__name__, hooks)


# --- wide: Typer's own screen --------------------------------------------------------------


class Colour(str, Enum):
    RED = "red"
    BLUE = "blue"


def _sample() -> typer.Typer:
    """A group with every kind of parameter and panel mgcheck's commands use, and a few more,
    none with a number range or a fractional default (those mgcheck writes its own way)."""
    app = typer.Typer(
        cls=LocalGroup,
        rich_markup_mode="rich",
        help="Look after the [bold]fence[/bold].\n\nA second paragraph, dimmed.",
        add_completion=False,
    )

    @app.command(cls=LocalCommand, help="Paint the fence.\n\nTwo coats are best.")
    def paint(
        side: Annotated[str, typer.Argument(metavar="SIDE", help="Which side.")],
        out: Annotated[Path, typer.Option(metavar="FILE", help="A record.")],
        colour: Annotated[Colour, typer.Option(help="The colour.")] = Colour.RED,
        coats: Annotated[int, typer.Option("--coats", "-c", help="How many coats.")] = 2,
        dry: Annotated[bool, typer.Option("--dry/--wet", help="Wait for it to dry.")] = True,
        quick: Annotated[bool, typer.Option(help="Skip the edges.")] = False,
        note: Annotated[str | None, typer.Option(help="A note.", rich_help_panel="Extra")] = None,
    ) -> None:
        """Not shown: the help above wins."""

    @app.command(cls=LocalCommand, rich_help_panel="Later", help="Wash the brushes.")
    def wash() -> None:
        """Not shown."""

    @app.command(cls=LocalCommand, deprecated=True, help="Scrub it (use wash).")
    def scrub() -> None:
        """Not shown."""

    return app


@pytest.mark.parametrize("width", [100, 160])
@pytest.mark.parametrize("args", [[], ["paint"], ["wash"]], ids=lambda a: " ".join(a) or "group")
def test_in_a_wide_window_the_screen_is_typers_own(
    monkeypatch: pytest.MonkeyPatch, args: list[str], width: int
) -> None:
    """If this fails after a Typer upgrade, Typer now draws its help differently: bring
    cli/helpview.py to the new drawing (it copies Typer's layout where the window is wide)."""
    from typer import rich_utils
    from typer.testing import CliRunner

    app = _sample()
    env = {"COLUMNS": str(width)}
    ours = CliRunner().invoke(app, [*args, "--help"], env=env, catch_exceptions=False)

    def typers(command: Any, ctx: Any) -> None:
        rich_utils.rich_format_help(obj=command, ctx=ctx, markup_mode="rich")

    monkeypatch.setattr(helpview, "format_help", typers)
    theirs = CliRunner().invoke(app, [*args, "--help"], env=env, catch_exceptions=False)
    assert ours.exit_code == theirs.exit_code == 0
    assert "╭─" in ours.stdout
    assert ours.stdout == theirs.stdout


# --- narrow, in Danish, through the real entry point ----------------------------------------

ENGLISH_LABELS = ["Usage:", "Options", "Arguments", "Commands", "[default:", "[required]"]
ENGLISH_LABELS += ["Show this message and exit.", "Examples:"]


@pytest.fixture(scope="module")
def danish_at_60() -> dict[str, str]:
    """Every help screen in Danish at 60 columns, as ``mgcheck ... --help`` prints it."""
    return {" ".join(path): text for path, text in cli_docs.screens("da", width=60)}


TREE = command_tree()


@pytest.mark.parametrize(("path", "command"), TREE, ids=[" ".join(path) for path, _c in TREE])
def test_danish_help_at_60_columns_has_danish_labels_and_whole_names(
    danish_at_60: dict[str, str], path: list[str], command: Any
) -> None:
    out = danish_at_60[" ".join(path)]
    lines = out.splitlines()
    assert all(len(line) <= 60 for line in lines), [line for line in lines if len(line) > 60]
    assert not [label for label in ENGLISH_LABELS if label in out], out
    assert out.lstrip().startswith(f"Brug: mgcheck {' '.join(path)}")
    assert "╭─ Tilvalg ─" in out and "Vis denne hjælp og" in out
    assert re.search(r"^│ +--help +-h ", out, re.M)
    assert "Eksempler:" in out
    if any(param.required for param in command.params):
        assert "[påkrævet]" in out
    rows = "\n".join(line for line in lines if line.startswith("│"))
    for param in command.params:
        longs = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("--")]
        if longs:  # the option's first name starts its row, whole
            assert re.search(rf"^│ \*? *{re.escape(longs[0])}( |$)", rows, re.M), longs[0]


def test_the_root_at_60_columns_in_danish(danish_at_60: dict[str, str]) -> None:
    out = danish_at_60[""]
    assert out.lstrip().startswith("Brug: mgcheck [TILVALG] KOMMANDO")
    assert "╭─ Kommandoer ─" in out and "╭─ Tilvalg ─" in out
    assert all(len(line) <= 60 for line in out.splitlines())
    for name in ("assess", "warnings", "dose", "foods", "sources", "schemas", "diary"):
        assert re.search(rf"^│ {name} ", out, re.M), name
