"""The README tells the truth: its example outputs are re-run, and its options exist in --help."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import REPO, run

README = (REPO / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```console\n\$ (iae [^\n]*)\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_exactly_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S)
    assert first_block is not None
    commands = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert "iae match --bac 5 --years 3" in commands[0]
    assert commands[1].endswith("pytest")


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_output_is_real(command: str, expected: str) -> None:
    result = run(*shlex.split(command)[1:])
    assert (result.stdout + result.stderr).rstrip("\n") == expected.rstrip("\n")


OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]+)")


@pytest.mark.parametrize(
    "command", ["list", "show", "match", "path", "sector", "glossary", "validate", "search", "compare", "orient"]
)
def test_options_named_in_readme_exist(command: str) -> None:
    help_text = run(command, "--help").stdout + run("--help").stdout
    for line in README.splitlines():
        if f"iae {command}" in line:
            for option in OPTION.findall(line.split(f"iae {command}", 1)[1]):
                assert option in help_text, f"{option} (README) missing from `iae {command} --help`"


def test_help_is_french() -> None:
    for args in (["--help"], ["show", "--help"], ["path", "--help"]):
        text = run(*args).stdout
        assert "Utilisation" in text and "Affiche cette aide" in text
        for english in ("Usage:", "Show this message", "[required]", "[default:", "Commands:"):
            assert english not in text
