"""`iae glossary [TERM]`: every acronym of the study, or the ones that match."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import typer

from iae_cli.cli.app import state
from iae_cli.cli.names import complete_term
from iae_cli.cli.options import check_format, format_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import NoResultError
from iae_cli.model import GlossaryTerm
from iae_cli.render.document import Bullets

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
        autocompletion=complete_term,
    ),
    fmt: str = format_option(*FORMATS),
) -> None:
    from iae_cli.lookup import find_terms, fold

    fmt = check_format(fmt, *FORMATS)
    catalog = state(ctx).catalog()
    terms = catalog.glossary()
    facts = catalog.later()
    later_terms: tuple[GlossaryTerm, ...] = ()
    if facts is not None:  # the terms that appeared after the study are searchable too
        later_terms = facts.glossary_terms((t.term for t in terms), fold)
        terms += later_terms
    if term is not None:
        terms = find_terms(terms, term)  # `glossary PEC`: PEC first, then the terms that name it
        if not terms:
            raise NoResultError(f"aucun sigle ni définition ne correspond à « {term[:40]} » (voir « iae glossary »)")
    later = {t.term: facts.for_term(fold(t.term), fold) for t in terms} if facts is not None else {}
    new = frozenset(t.term for t in later_terms)
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.glossary(terms, later, new), fmt)
        return
    from iae_cli.render.sector_views import glossary_view

    document = glossary_view(terms, later, new, facts.latest_date() if facts is not None else None)
    if term is not None:
        pointers = _sector_pointers(catalog.sector(), terms)
        if pointers:
            document.add(Bullets(pointers, "Pour en savoir plus"))
    emit_document(document)


def _sector_pointers(sector: Mapping[str, Any], terms: Iterable[GlossaryTerm]) -> tuple[str, ...]:
    """The acronyms shown that have a topic of `iae sector` of their own (ETTI: the structures)."""
    topics: dict[str, str] = {}
    for key, topic in (("structures", "structures"), ("networks", "reseaux")):
        for item in sector.get(key) or ():
            if isinstance(item, Mapping) and item.get("acronym"):
                topics[str(item["acronym"])] = topic
    contract = sector.get("contract")
    if isinstance(contract, Mapping) and "(CAE)" in str(contract.get("name", "")):
        topics["CAE"] = "contrat"
    return tuple(f"{t.term} : iae sector {topics[t.term]}" for t in terms if t.term in topics)
