"""`iae help [COMMAND]`: the help of iae, or of one command (as `--help` shows it)."""

from __future__ import annotations

import sys
from typing import Any

import typer

from iae_cli.cli.names import complete_command

EXAMPLES = (
    "iae help",
    "iae help match",
    "iae help path",
)


def run(
    ctx: typer.Context,
    command: str | None = typer.Argument(
        None, help="La commande dont afficher l'aide.", metavar="[COMMANDE]", autocompletion=complete_command
    ),
) -> None:
    from iae_cli.cli.app import unknown_command
    from iae_cli.errors import UsageError

    root = ctx.find_root()
    if command is None:
        sys.stdout.write(root.get_help() + "\n")
        return
    group: Any = root.command
    found = group.get_command(root, command.strip().lower())
    if found is None:
        raise UsageError(unknown_command(command))
    sub = found.context_class(found, info_name=found.name, parent=root)
    sys.stdout.write(found.get_help(sub) + "\n")
