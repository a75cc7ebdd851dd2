"""A broken food file gives one line naming file, food and field, and exit 2 — never a traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from mgcheck.store.datafiles import FOODS_FILE

if TYPE_CHECKING:
    from conftest import Cli

GOOD = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "foods.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _broken(change: str) -> dict[str, object]:
    data: dict[str, Any] = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))
    almonds = next(f for f in data["foods"] if f["id"] == "almonds")
    if change == "missing":
        del almonds["mg_per_100g"]
    elif change == "negative":
        almonds["mg_per_100g"] = -5
    elif change == "absurd":
        almonds["mg_per_100g"] = 27000
    elif change == "group":
        almonds["group"] = "sweets"
    elif change == "extra":
        almonds["colour"] = "brown"
    elif change == "english-missing":
        del almonds["name"]["en"]
    elif change == "duplicate":
        data["foods"].append(copy.deepcopy(almonds))  # a shallow copy would dump as aliases
    return data


def _one_error_line(cli: Cli, tmp_path: Path, path: Path) -> str:
    result = cli.run("foods", "--foods", str(path))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("missing", "mg_per_100g"),
        ("negative", "mg_per_100g"),
        ("absurd", "mg_per_100g"),
        ("group", "group"),
        ("extra", "colour"),
        ("english-missing", "name.en"),
    ],
)
def test_invalid_food_names_the_food_and_field(
    cli: Cli, tmp_path: Path, change: str, field: str
) -> None:
    line = _one_error_line(cli, tmp_path, _write(tmp_path, _broken(change)))
    assert "'almonds'" in line
    assert f"'{field}'" in line


def test_duplicate_id(cli: Cli, tmp_path: Path) -> None:
    line = _one_error_line(cli, tmp_path, _write(tmp_path, _broken("duplicate")))
    assert "duplicate id 'almonds'" in line


def test_invalid_yaml_names_the_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "foods.yaml"
    path.write_text("schema_version: 1\nfoods: [\n  - id: x\n", encoding="utf-8")
    assert "not valid YAML or JSON (line" in _one_error_line(cli, tmp_path, path)


def test_binary_garbage(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "foods.yaml"
    path.write_bytes(b"\xff\xfe\x00\x81garbage")
    assert "not a UTF-8 text file" in _one_error_line(cli, tmp_path, path)


def test_not_a_mapping(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "foods.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    assert "mapping" in _one_error_line(cli, tmp_path, path)


def test_missing_file(cli: Cli, tmp_path: Path) -> None:
    assert "cannot read" in _one_error_line(cli, tmp_path, tmp_path / "nope.yaml")


def test_own_valid_table_is_used(cli: Cli, tmp_path: Path) -> None:
    data = yaml.safe_load(FOODS_FILE.read_text(encoding="utf-8"))
    data["foods"] = [f for f in data["foods"] if f["group"] == "fish"]
    result = cli.run("foods", "--foods", str(_write(tmp_path, data)), "--json")
    assert result.exit_code == 0
    assert '"mackerel-cooked"' in result.stdout
    assert '"almonds"' not in result.stdout


def test_danish_error_message(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "foods.yaml"
    path.write_bytes(b"\xff\xfe")
    result = cli.run("foods", "--lang", "da", "--foods", str(path))
    assert result.exit_code == 2
    assert "ikke en UTF-8-tekstfil" in result.stderr
