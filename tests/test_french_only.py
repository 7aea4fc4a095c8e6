"""No English of ours reaches a person: every help page, and every command's output and errors."""

from __future__ import annotations

import re

import pytest

from iae_cli.cli.app import COMMANDS
from tests.conftest import run

# Words Typer, Click or our own keys would leak (JSON keys stay English: JSON is for programs).
ENGLISH = re.compile(
    r"\b(salary|recruiters|reporting|diploma|summary_table|knowledge|skills|mobility|offers|Usage|Options:"
    r"|Error|Commands|installed|required|default|Show this|Missing|Got unexpected|No such|Invalid|Aborted"
    r"|completion installed|does not take|requires an argument)\b"
)

HELP_PAGES = [[], ["--help"], *([name, "--help"] for name in COMMANDS)]
# People's output (never JSON or YAML), and the errors a person meets.
OUTPUTS = [
    ["list"],
    ["list", "--roles"],
    ["list", "-l", "direction"],
    ["show"],
    ["show", "charge-insertion"],
    ["show", "charge-insertion", "-f", "md"],
    ["show", "travailleur-social"],
    ["show", "charge", "-s", "sources"],
    ["match", "--bac", "3", "--years", "2"],
    ["match", "--bac", "0", "--years", "0"],
    ["path", "charge-insertion", "directeur-reseau-insertion", "--bac", "3", "--years", "2"],
    ["path", "travailleur-social"],
    ["sector"],
    ["glossary"],
    ["validate"],
    ["search", "insertion"],
    ["compare", "charge-insertion", "directeur-entreprise-insertion"],
    ["shwo"],
    ["--bogus"],
    ["list", "--format"],
    ["match", "--bac", "3"],
    ["path"],
    ["path", "a", "b", "--all=3"],
    ["glossary", "CAE", "ANPE"],
    ["show", "nimporte"],
    ["--data", "data"],
]


@pytest.mark.parametrize("args", HELP_PAGES + OUTPUTS, ids=lambda a: " ".join(a) or "iae")
def test_no_english_word(args: list[str]) -> None:
    result = run(*args)
    text = (result.stdout + result.stderr).replace("reporting aux tutelles", "")  # the study's own word
    assert text.strip()
    assert not ENGLISH.findall(text), (args, ENGLISH.findall(text))


@pytest.mark.parametrize("args", HELP_PAGES + OUTPUTS, ids=lambda a: " ".join(a) or "iae")
@pytest.mark.parametrize("columns", ["60", "80"])
def test_no_line_starts_with_a_colon_or_a_semicolon(args: list[str], columns: str) -> None:
    """French spacing: « : ; ? ! » stay with the word before them, whatever the width."""
    result = run(*args, env={"COLUMNS": columns})
    for line in (result.stdout + result.stderr).splitlines():
        assert not re.match(r"\s*[:;?!»]", line), (columns, line)


@pytest.mark.parametrize("args", HELP_PAGES, ids=lambda a: " ".join(a) or "iae")
def test_help_spaces_are_no_break_before_french_punctuation(args: list[str]) -> None:
    """Click wraps help at plain spaces: there the space before « : ; ? ! » is a no-break one."""
    text = run(*args).stdout
    assert "Utilisation\u00a0: iae" in text and "Options\u00a0:" in text
    assert not re.search(r" [:;?!](\s|$)", text)
