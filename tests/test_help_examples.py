"""Every command's help ends with real examples, shown whole, and every example works."""

from __future__ import annotations

import importlib
import re
import shlex
from pathlib import Path

import pytest

from iae_cli.cli.app import COMMANDS
from iae_cli.cli.app import EXAMPLES as ROOT_EXAMPLES
from tests.conftest import run


def _examples(command: str) -> tuple[str, ...]:
    module_name, _help = COMMANDS[command]
    return tuple(importlib.import_module(f"iae_cli.cli.commands.{module_name}").EXAMPLES)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_help_ends_with_two_to_four_examples(command: str) -> None:
    examples = _examples(command)
    assert 2 <= len(examples) <= 4 and all(e.startswith(f"iae {command}") for e in examples)
    text = run(command, "--help").stdout
    tail = text.split("\nExemples\u00a0:\n", 1)[1]
    # last, each whole, going on over lines ending with « \ » (shell continuation) when too long
    assert re.sub(r" \\\n +", " ", tail) == "".join(f"  {example}\n" for example in examples)
    assert all(len(line) <= 78 for line in tail.splitlines())
    assert run("help", command).stdout == text


def test_root_help_ends_with_examples() -> None:
    text = run("--help").stdout
    assert text.endswith("\nExemples\u00a0:\n" + "".join(f"  {e}\n" for e in ROOT_EXAMPLES))
    assert run("help").stdout == text


EVERY_EXAMPLE = [
    example
    for command in COMMANDS
    for example in _examples(command)
    if "terminal" not in example  # `iae orient` alone asks questions at a terminal
]


@pytest.mark.parametrize("example", [*EVERY_EXAMPLE, *ROOT_EXAMPLES])
def test_every_example_runs(example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # `iae site site-iae` writes where it is run
    words = shlex.split(example.split("   (")[0].split(" > ")[0])
    result = run(*words[1:])
    assert result.exit_code in (0, 1), result  # 1: a valid question without an answer (match, search)
    assert result.stdout and result.stderr == ""
