"""`iae validate [DIR]`: every problem of a data folder, in one run."""

from __future__ import annotations

from pathlib import Path

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, format_option
from iae_cli.cli.output import emit_data
from iae_cli.errors import EXIT_DATA, UsageError

FORMATS = ("table", "json")


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
    import sys

    from iae_cli.render.document import clean
    from iae_cli.scan import validate_folder

    check_format(fmt, *FORMATS)
    if directory is not None and not directory.strip():
        raise UsageError("DOSSIER attend un chemin ; reçu : une chaîne vide")
    folder = Path(directory) if directory is not None else state(ctx).data_dir
    problems = validate_folder(folder)
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.validation(str(folder), problems), fmt)
    elif problems:
        for problem in problems:
            sys.stdout.write(clean(str(problem)) + "\n")
        sys.stdout.write(f"{len(problems)} problème(s) dans {clean(str(folder))}\n")
    else:
        sys.stdout.write(f"{clean(str(folder))} : données valides\n")
    if problems:
        raise typer.Exit(EXIT_DATA)
