"""ruff and mypy --strict are part of the test suite, so CI cannot land code that fails them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", "."],
        ["mypy", "--no-incremental", "--cache-dir", "/dev/null"],
    ],
    ids=["ruff", "mypy-strict"],
)
def test_tool_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _module_imports() -> dict[str, set[str]]:
    """Each mgcheck module and the mgcheck modules it imports at its top level (type-checking
    imports included: mypy follows them too; imports inside functions are left out)."""
    import ast

    package = ROOT / "src" / "mgcheck"

    def name(path: Path) -> str:
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {name(path): path for path in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        found: set[str] = set()
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for node in ast.walk(statement):
                if isinstance(node, ast.ImportFrom) and node.module:
                    found.add(node.module)
                    found |= {f"{node.module}.{alias.name}" for alias in node.names}
                elif isinstance(node, ast.Import):
                    found |= {alias.name for alias in node.names}
        graph[module] = {m for m in found if m in modules and m != module}
    return graph


def test_no_module_imports_itself_back() -> None:
    """The layers stand on each other (data, models, rules, results, render, cli): a module
    that imports one that imports it back is a circle, as models/words and rules/understand
    once were."""
    graph = _module_imports()
    circles: list[list[str]] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert not circles, circles
