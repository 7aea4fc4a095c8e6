"""The examples in the help of `search`, `compare` and `orient` are shown, and they work."""

from __future__ import annotations

import importlib
import shlex

import pytest

from tests.conftest import run

COMMANDS = ("search", "compare", "orient")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_examples(command: str) -> None:
    module = importlib.import_module(f"iae_cli.cli.commands.{command}")
    text = run(command, "--help").stdout
    assert "Exemples :" in text
    for example in module.EXAMPLES:
        assert example in text


@pytest.mark.parametrize(
    "example",
    [
        line
        for command in COMMANDS
        for line in importlib.import_module(f"iae_cli.cli.commands.{command}").EXAMPLES
        if "--" in line or command != "orient"  # `iae orient` alone asks questions at a terminal
    ],
)
def test_every_example_runs(example: str) -> None:
    words = shlex.split(example.split("   (")[0].split(" > ")[0])
    result = run(*words[1:])
    assert result.exit_code == 0, result
    assert result.stdout and result.stderr == ""
