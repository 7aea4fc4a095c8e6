"""The one-way flow the README's « Développement » section states, checked import by import.

- core: every module at the top of the package (model, scan, catalog, cache, match…). It imports
  neither Typer, Click, Rich, `iae_cli.render` nor `iae_cli.cli`, and its texts name no option
  (`--bac`) and no command (« iae list »).
- render (`iae_cli/render/`): at run time it imports only the model, `jsontext` and other render
  modules, so it formats and never computes (no gap, no graph walk, no data read); core results
  (careers, match, errors…) are named only in type annotations (under `if TYPE_CHECKING:`). Never
  Typer, Click or `iae_cli.cli`; Rich only in terminal.py.
- cli (`iae_cli/cli/`): the only layer that imports Typer; nothing outside it imports it (but
  `__main__`, which starts it).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "src" / "iae_cli"
CORE = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__"))
RENDER = sorted(p.name for p in (PACKAGE / "render").glob("*.py"))
RENDER_AT_RUN_TIME = ("iae_cli.model", "iae_cli.jsontext", "iae_cli.render")


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """(modules imported at run time, modules imported only for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            typing_only.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    run_time: set[str] = set()
    types: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        (types if id(node) in typing_only else run_time).update(names)
    return run_time, types


def _is(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_layers_cover_the_package() -> None:
    assert {"model", "catalog", "scan", "cache", "match", "careers", "lookup"} <= set(CORE)
    assert {"data.py", "document.py", "terminal.py"} <= set(RENDER)


@pytest.mark.parametrize("module", CORE)
def test_core_is_plain_python(module: str) -> None:
    run_time, types = _imports(PACKAGE / f"{module}.py")
    for name in run_time | types:
        assert not _is(name, "typer", "click", "rich", "iae_cli.cli", "iae_cli.render"), (module, name)


@pytest.mark.parametrize("path", RENDER)
def test_render_only_formats(path: str) -> None:
    run_time, types = _imports(PACKAGE / "render" / path)
    for name in run_time:
        if name.startswith("iae_cli"):
            assert _is(name, *RENDER_AT_RUN_TIME), (path, name, "core results only under TYPE_CHECKING")
    for name in run_time | types:
        assert not _is(name, "typer", "click", "iae_cli.cli"), (path, name)
        assert not _is(name, "rich") or path == "terminal.py", (path, name)


def test_only_the_cli_imports_typer_and_nothing_imports_the_cli() -> None:
    for path in PACKAGE.rglob("*.py"):
        inside_cli = path.parent.name in ("cli", "commands") or path.name == "__main__.py"
        for name in set.union(*_imports(path)):
            if not inside_cli:
                assert not _is(name, "typer", "click", "iae_cli.cli"), (path.name, name)


def test_the_checker_sees_type_only_imports() -> None:
    run_time, types = _imports(PACKAGE / "render" / "career_views.py")
    assert "iae_cli.careers" in types and "iae_cli.careers" not in run_time


def test_no_module_grows_too_big() -> None:
    """Under 400 lines each; render/data.py, the one module that builds every command's JSON,
    under the guide's 1,000 (it grows with each command)."""
    for path in PACKAGE.rglob("*.py"):
        limit = 1000 if path == PACKAGE / "render" / "data.py" else 400
        assert len(path.read_text(encoding="utf-8").splitlines()) < limit, path


def test_named_tuples_are_built_from_evaluated_annotations() -> None:
    """A module that defines NamedTuples does not postpone its annotations: typing would compile
    each field's annotation, written as a string, when the class is built — about 15 ms at every
    start for the 60-odd record types a command loads (measured: importing model, search, orient,
    document, money and later took 42 ms with postponed annotations, 24 ms without)."""
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "(NamedTuple):" in text:
            assert "from __future__ import annotations" not in text, path


_CLI_WORDS = re.compile(
    r"(?<![\w-])--[a-z]|\biae (?:list|show|match|path|sector|glossary|validate|search|compare|orient|graph|site)\b"
)


@pytest.mark.parametrize("module", CORE)
def test_core_texts_name_no_option_nor_command(module: str) -> None:
    """The core words its errors without the CLI's names (`--bac`, « iae list »): the CLI adds them."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            assert not _CLI_WORDS.search(node.value), (module, node.lineno, node.value)
