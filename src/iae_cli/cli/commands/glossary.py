"""`iae glossary [TERM]`: every acronym of the study, or the ones that match."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, format_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import NoResultError
from iae_cli.model import GlossaryTerm

FORMATS = ("table", "json")
EXAMPLES = (
    "iae glossary",
    "iae glossary CAE",
    "iae glossary insertion",
)


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

    fmt = check_format(fmt, *FORMATS)
    catalog = state(ctx).catalog()
    terms = catalog.glossary()
    facts = catalog.later()
    later_terms: tuple[GlossaryTerm, ...] = ()
    if facts is not None:  # the terms that appeared after the study are searchable too
        later_terms = facts.glossary_terms((t.term for t in terms), fold)
        terms += later_terms
    if term is not None:
        wanted = fold(term)
        exact = [t for t in terms if fold(t.term) == wanted]
        terms = tuple(exact) or tuple(
            t for t in terms if wanted and (wanted in fold(t.term) or wanted in fold(t.meaning))
        )
        if not terms:
            raise NoResultError(f"aucun sigle ni définition ne correspond à « {term[:40]} » (voir « iae glossary »)")
    later = {t.term: facts.for_term(fold(t.term), fold) for t in terms} if facts is not None else {}
    new = frozenset(t.term for t in later_terms)
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.glossary(terms, later, new), fmt)
        return
    from iae_cli.render.sector_views import glossary_view

    emit_document(glossary_view(terms, later, new, facts.latest_date() if facts is not None else None))
