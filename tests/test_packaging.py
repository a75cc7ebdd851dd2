"""The wheel carries its data, and the README's commands are the ones CI runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


# One worker makes this module's shared fixture once (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("packaging")

@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("mgcheck-*.whl")
    return built


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "mgcheck/data/foods.yaml",
        "mgcheck/data/sources.yaml",
        "mgcheck/data/limits.yaml",
        "mgcheck/data/forms.yaml",
        "mgcheck/data/guidance.yaml",
        "mgcheck/data/findings.yaml",
        "mgcheck/data/questions.yaml",
        "mgcheck/data/diet.yaml",
        "mgcheck/data/composition/food_magnesium.csv",
        "mgcheck/data/composition/PROVENANCE.md",
        "mgcheck/locale/da/LC_MESSAGES/mgcheck.mo",
    ):
        assert needed in names


@pytest.mark.slow
def test_installed_wheel_runs_in_a_fresh_environment(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Dependencies come from this test environment; mgcheck itself only from the wheel
    # (PYTHONPATH does not process the .pth file of the editable install).
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"])
    result = subprocess.run(
        [str(env_dir / "bin" / "mgcheck"), "foods", "--json", "--top", "1"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert json.loads(result.stdout)["foods"][0]["id"] == "pumpkin-seeds"
    where = subprocess.run(
        [str(python), "-c", "import mgcheck; print(mgcheck.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert where.stdout.startswith(str(env_dir))
    danish = subprocess.run(
        [str(python), "-m", "mgcheck", "--lang", "da", "foods", "--search", "rye", "--all"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert "Fulde fødevaretabeller" in danish.stdout
    dose = subprocess.run(
        [str(python), "-m", "mgcheck", "dose", "oxid", "500", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert json.loads(dose.stdout)["verdict"] == "above"  # 302 mg against the Nordic 250 mg
    example = subprocess.run(
        [str(python), "-m", "mgcheck", "assess", "--example"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    report = subprocess.run(
        [str(python), "-m", "mgcheck", "assess", "--answers", "-", "--json"],
        input=example,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert json.loads(report.stdout)["level"] == "doctor"


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_quick_start_has_two_commands_and_ci_runs_the_second() -> None:
    lines = _quick_start()
    assert len(lines) == 2
    assert lines[0].endswith("mgcheck assess") and "python3 -m venv" in lines[0]
    assert "pytest" in lines[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines[1] in ci
