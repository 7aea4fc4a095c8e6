"""The Rich path (a colour terminal): every command renders, within the width, markup literal."""

from __future__ import annotations

import re

import pytest

from tests.conftest import run

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COMMANDS = [
    ["list"],
    ["show", "charge-insertion"],
    ["match", "--bac", "3", "--years", "1"],
    ["path", "charge-insertion", "directeur-reseau-insertion", "--bac", "3", "--years", "2"],
    ["path", "travailleur-social"],
    ["sector"],
    ["glossary"],
]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from iae_cli.cli import output

    monkeypatch.setattr(output, "use_rich", lambda: True)
    monkeypatch.setenv("FORCE_COLOR", "1")


@pytest.mark.parametrize("columns", ["80", "40"])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_rich_output_fits(terminal: None, args: list[str], columns: str) -> None:
    result = run(*args, env={"COLUMNS": columns})
    assert result.exit_code == 0, result
    plain = ANSI.sub("", result.stdout)
    assert plain.strip()
    assert max(len(line) for line in plain.splitlines()) <= int(columns)


def test_rich_output_has_colour_and_the_facts(terminal: None) -> None:
    result = run("show", "charge-insertion", "-s", "salaire")
    assert "\x1b[" in result.stdout
    assert "25–30 k€" in ANSI.sub("", result.stdout)


def test_no_color_means_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from iae_cli.cli import output

    monkeypatch.setenv("NO_COLOR", "1")
    assert output.use_rich() is False
