"""The one-way flow: cli -> core and render; render -> model; core imports neither Typer, Rich, render nor cli."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "src" / "iae_cli"
CORE = [
    "model",
    "scan",
    "catalog",
    "cache",
    "lookup",
    "match",
    "careers",
    "schema",
    "yamlsafe",
    "errors",
    "paths",
    "jsontext",
    "french",
    "search",
    "corpus",
]


def _imports(path: str) -> set[str]:
    tree = ast.parse((PACKAGE / path).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("module", CORE)
def test_core_is_plain_python(module: str) -> None:
    for name in _imports(f"{module}.py"):
        assert not name.startswith(("typer", "rich", "click", "iae_cli.cli", "iae_cli.render")), (module, name)


@pytest.mark.parametrize("path", sorted(p.name for p in (PACKAGE / "render").glob("*.py")))
def test_render_does_not_reach_into_the_cli(path: str) -> None:
    for name in _imports(f"render/{path}"):
        assert not name.startswith(("typer", "click", "iae_cli.cli")), (path, name)


def test_only_the_terminal_renderer_imports_rich() -> None:
    users = {
        p.name
        for p in (PACKAGE / "render").glob("*.py")
        if any(n.startswith("rich") for n in _imports(f"render/{p.name}"))
    }
    assert users == {"terminal.py"}


def test_no_module_grows_too_big() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path
