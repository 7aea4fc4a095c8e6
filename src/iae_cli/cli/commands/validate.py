"""`iae validate [DIR]`: every problem of a data folder, in one run."""

from __future__ import annotations

from pathlib import Path

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, format_option
from iae_cli.cli.output import emit_data, emit_lines
from iae_cli.errors import EXIT_DATA, UsageError

FORMATS = ("table", "json")
EXAMPLES = (
    "iae validate",
    "iae validate --format json",
)


def run(
    ctx: typer.Context,
    directory: str | None = typer.Argument(
        None,
        help="Le dossier à vérifier (par défaut : celui de --data, ou les données fournies).",
        metavar="[DOSSIER]",
        show_default=False,
    ),
    fmt: str = format_option(*FORMATS),
) -> None:
    from iae_cli.scan import validate_folder

    fmt = check_format(fmt, *FORMATS)
    if directory is not None and not directory.strip():
        raise UsageError("DOSSIER attend un chemin ; reçu : une chaîne vide")
    folder = Path(directory) if directory is not None else state(ctx).data_dir
    problems = validate_folder(folder)
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.validation(str(folder), problems), fmt)
    elif problems:
        emit_lines([*(str(problem) for problem in problems), f"{len(problems)} problème(s) dans {folder}"])
    else:
        emit_lines([f"{folder} : données valides"])
    if problems:
        raise typer.Exit(EXIT_DATA)
