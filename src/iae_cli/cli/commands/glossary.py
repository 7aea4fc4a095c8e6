"""`iae glossary [TERM]`: every acronym of the study, or the ones that match."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, format_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import NoResultError

FORMATS = ("table", "json")


def run(
    ctx: typer.Context,
    term: str | None = typer.Argument(
        None,
        help="Un sigle (ANPE, CAE…) ou un mot à chercher dans les définitions.",
        metavar="[SIGLE]",
        show_default=False,
    ),
    fmt: str = format_option(*FORMATS),
) -> None:
    from iae_cli.lookup import fold

    check_format(fmt, *FORMATS)
    terms = state(ctx).catalog().glossary()
    if term is not None:
        wanted = fold(term)
        exact = [t for t in terms if fold(t.term) == wanted]
        terms = tuple(exact) or tuple(
            t for t in terms if wanted and (wanted in fold(t.term) or wanted in fold(t.meaning))
        )
        if not terms:
            raise NoResultError(f"aucun sigle ni définition ne correspond à « {term[:40]} » (voir « iae glossary »)")
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.glossary(terms), fmt)
        return
    from iae_cli.render.sector_views import glossary_view

    emit_document(glossary_view(terms))
