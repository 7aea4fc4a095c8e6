"""Hypothesis over the command line and over the data: never a traceback, always a promised exit code."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iae_cli.scan import validate_folder
from tests.conftest import DATA, run

COMMANDS = ["list", "show", "match", "path", "sector", "glossary", "validate"]
OPTIONS = [
    "--bac",
    "--years",
    "--level",
    "--format",
    "-f",
    "--section",
    "--stated-only",
    "--all",
    "--max",
    "--data",
    "--help",
    "--version",
    "-s",
    "-l",
]
WORDS = [
    "charge-insertion",
    "chargé d'insertion",
    "directeur",
    "5",
    "-1",
    "nan",
    "inf",
    "1e999",
    "",
    "json",
    "yaml",
    "mermaid",
    "markdown",
    "table",
    "[bold]",
    ":smile:",
    "\x1b[2J",
    "x" * 300,
    "structures",
    "cae",
    "0",
    "3,5",
    "²",
    "３",
]

arguments = st.lists(st.one_of(st.sampled_from(OPTIONS), st.sampled_from(WORDS), st.text(max_size=12)), max_size=6)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(COMMANDS), arguments)
def test_random_command_lines_never_crash(command: str, args: list[str]) -> None:
    if "--data" in args:  # keep the property about arguments, not about the file system
        args = [a for a in args if a != "--data"]
    result = run(command, *args)
    assert result.exit_code in (0, 1, 2, 3), result
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("iae : "), result
        assert "utilisation incorrecte" not in result.stderr, result  # Click's English, untranslated


FICHE_TEXT = (DATA / "metiers" / "responsable-site-insertion.yaml").read_text(encoding="utf-8")
JUNK = [
    "- ",
    ": ",
    "{",
    "]",
    "&a",
    "*a",
    "!!python/name:os.system",
    "? ",
    "\t",
    "'",
    '"',
    "no",
    "010",
    "2008-01-01",
    "key: value",
    "~",
    "@",
    "%",
    "|",
    ">",
]


@st.composite
def mutated_fiches(draw: st.DrawFn) -> str:
    lines = FICHE_TEXT.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "insert", "replace-value", "indent"]))
        if action == "delete":
            del lines[index]
        elif action == "insert":
            lines.insert(index, draw(st.sampled_from(JUNK)) + draw(st.text(max_size=8)))
        elif action == "replace-value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(st.sampled_from([*JUNK, '[]', '{}', '12', 'true', 'null', '-5']))}"
        else:
            lines[index] = "  " + lines[index]
        if not lines:
            break
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_fiches())
def test_mutated_fiche_gives_located_errors(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(DATA, data)
        (data / "metiers" / "responsable-site-insertion.yaml").write_text(text, encoding="utf-8")
        problems = validate_folder(data)
        for problem in problems:
            assert problem.file.startswith(str(data))
            assert problem.message
        listed = run("--data", str(data), "list")
        if problems:
            assert listed.exit_code == 3
            assert "responsable-site-insertion.yaml" in listed.stderr or "metiers" in listed.stderr
        else:
            assert listed.exit_code == 0
        assert "Traceback" not in listed.stdout + listed.stderr


_WORD = st.text(alphabet="abcdéf", min_size=1, max_size=8)
_CELL = st.lists(_WORD, max_size=12).map(" ".join) | st.lists(_WORD, max_size=3).map("\n".join)


@given(
    st.integers(1, 3).flatmap(
        lambda n: st.tuples(
            st.lists(_WORD, min_size=n, max_size=n), st.lists(st.lists(_CELL, min_size=n, max_size=n), max_size=6)
        )
    ),
    st.integers(60, 120),
)
def test_plain_text_tables_fit_and_keep_every_character(table: tuple[list[str], list[list[str]]], width: int) -> None:
    """Wrapping never loses or adds a letter, and no line overflows the width."""
    from iae_cli.render.document import Table
    from iae_cli.render.text import table_lines

    headers, rows = table
    lines = table_lines(Table(tuple(headers), tuple(tuple(r) for r in rows)), width)
    assert all(len(line) <= width for line in lines)
    assert lines[0].split()[0] == headers[0].split()[0] or not headers[0].strip()
    shown = "".join(line for index, line in enumerate(lines) if index != _dash_line(lines)).replace(" ", "")
    given_text = "".join([*headers, *(cell for row in rows for cell in row)])
    assert sorted(shown) == sorted(given_text.replace(" ", "").replace("\n", ""))


def _dash_line(lines: list[str]) -> int:
    """The header's underline: the first line made of dashes and spaces only."""
    return next((i for i, line in enumerate(lines) if line and set(line) <= {"-", " "}), -1)
