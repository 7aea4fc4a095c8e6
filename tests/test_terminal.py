"""The Rich path (a colour terminal): every command renders, within the width, markup literal."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_a_large_table_keeps_the_plain_layout_and_literal_data() -> None:
    """Past LARGE rows Rich gets lines already laid out (its own table took over 3 s for 5,000)."""
    import io

    from iae_cli.render.document import Document, Table
    from iae_cli.render.terminal import LARGE, render_rich
    from iae_cli.render.text import table_lines

    rows = tuple((f"[bold]poste {i}[/bold]\nid-{i}", "35–50 k€", "bac+3 \x1b[2J " * (i % 4)) for i in range(LARGE + 1))
    table = Table(("Métier", "Salaire", "Pourquoi"), rows)
    out = io.StringIO()
    render_rich(Document().add(table), out, 80)
    shown = ANSI.sub("", out.getvalue())
    assert shown == "\n".join(table_lines(table, 79)) + "\n"  # the last column stays free
    assert "[bold]poste 0[/bold]" in shown and "\x1b[2J" not in out.getvalue()


def test_large_tables_at_a_terminal(terminal: None, tmp_path: Path) -> None:
    from bench.generate import generate

    from iae_cli.render.terminal import LARGE

    data = generate(tmp_path / "data", LARGE + 60)
    result = run("--data", str(data), "match", "--bac", "8", "--years", "60", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result
    assert f"Postes accessibles ({LARGE + 60})" in ANSI.sub("", result.stdout)
    assert "\x1b[1mMétier / identifiant / niveau" in result.stdout  # bold header
    assert max(len(line) for line in ANSI.sub("", result.stdout).splitlines()) <= 100


def test_a_large_career_map_keeps_the_plain_layout() -> None:
    import io

    from iae_cli.render.document import Document, Tree
    from iae_cli.render.terminal import LARGE, render_rich
    from iae_cli.render.text import tree_lines

    tree = Tree(tuple((i % 3, f"[red]poste {i}[/red] " + "mot " * (i % 30)) for i in range(LARGE + 1)))
    out = io.StringIO()
    render_rich(Document().add(tree), out, 80)
    assert out.getvalue() == "\n".join(tree_lines(tree, 79)) + "\n"
    assert "[red]poste 7[/red]" in out.getvalue()
