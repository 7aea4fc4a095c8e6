"""`iae list`: one line per fiche."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, check_level, format_option, level_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import NoResultError

FORMATS = ("table", "json")


def run(ctx: typer.Context, level: str | None = level_option(), fmt: str = format_option(*FORMATS)) -> None:
    check_format(fmt, *FORMATS)
    wanted = check_level(level)
    fiches = [f for f in state(ctx).catalog().summaries.values() if wanted is None or f.level == wanted]
    if not fiches:
        raise NoResultError("aucune fiche à ce niveau")
    if fmt == "json":
        from iae_cli.render import data

        emit_data([data.summary(f) for f in fiches], fmt)
    else:
        from iae_cli.render.fiche_views import fiche_list

        emit_document(fiche_list(fiches))
