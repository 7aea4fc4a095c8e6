"""`iae show ID`: a whole fiche, or one section of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.names import complete_fiche_id, resolve_fiche
from iae_cli.cli.options import check_format, euros_for, euros_option, format_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import NoResultError, UsageError

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog

FORMATS = ("table", "json", "yaml", "markdown", "html")


def run(
    ctx: typer.Context,
    name: str = typer.Argument(
        ...,
        help="Identifiant, intitulé (masculin ou féminin), avec ou sans accents, ou code ROME (K1801).",
        metavar="MÉTIER",
        autocompletion=complete_fiche_id,
        show_default=False,
    ),
    section: str | None = typer.Option(
        None,
        "--section",
        "-s",
        help="N'afficher qu'une section : mission, salaire, activites, diplome, experience, mobilite, offres…",
        metavar="SECTION",
    ),
    euros: str | None = euros_option(),
    fmt: str = format_option(*FORMATS),
    details: bool = details_option(),
) -> None:
    from iae_cli.later import for_fiche, is_rome_code

    check_format(fmt, *FORMATS)
    catalog = state(ctx).catalog()
    if is_rome_code(name):
        _rome_code(catalog, name.strip().upper(), fmt)
        return
    fiche = catalog.fiche(resolve_fiche(catalog, name))
    conversion = euros_for(catalog, euros)
    later = for_fiche(fiche, catalog.later(), catalog.rome())
    if fmt in ("json", "yaml"):
        from iae_cli.render import data

        payload = (
            data.fiche(fiche, conversion, later)
            if section is None
            else data.fiche_section(fiche, _section_key(section), conversion, later)
        )
        emit_data(payload, fmt)
        return
    from iae_cli.render.fiche_views import fiche_view

    if fmt in HANDOUT_FORMATS:
        from iae_cli.render.handout_views import fiche_handout
        from iae_cli.render.later_views import rome_blocks

        if details or section is not None:  # the handout adds « Depuis 2008 » itself: not twice
            plain = later._replace(entries=())
            view = fiche_view(
                fiche, catalog.title_of, _section_id(section), euros=conversion, later=plain, rome=catalog.rome()
            )
            emit_handout(catalog, view, [], fmt, footer=False)
        else:
            s = fiche.summary.salary
            today = conversion.convert(s.min_keur, s.max_keur, s.year) if conversion else None
            handout = fiche_handout(fiche, catalog.title_of, today).add(*rome_blocks(later, catalog.rome()))
            emit_handout(catalog, handout, [fiche.summary.pages], fmt)
        return
    emit_document(
        fiche_view(fiche, catalog.title_of, _section_id(section), euros=conversion, later=later, rome=catalog.rome()),
        fmt,
    )


def _rome_code(catalog: Catalog, code: str, fmt: str) -> None:
    """`iae show K1801`: the fiches we link to a ROME code, or a clear « none »."""
    rome = catalog.rome()
    links = rome.with_code(code) if rome is not None else ()
    if not links:
        known = ", ".join(sorted({link.code for link in rome.links})) if rome is not None else "aucun"
        raise NoResultError(
            f"aucune fiche de l'étude n'est rapprochée du code ROME {code} ; codes rapprochés : {known}"
        )
    if fmt in ("json", "yaml"):
        from iae_cli.render import data

        emit_data(data.rome_code(code, links, catalog.title_of), fmt)
        return
    from iae_cli.render.document import Document
    from iae_cli.render.later_views import rome_answer

    emit_document(Document().add(*rome_answer(code, links, catalog.title_of)), fmt)


_JSON_KEYS = {
    "mission": "mission",
    "salaire": "salary",
    "recruteurs": "recruiters",
    "rattachement": "reporting",
    "relations": "relations",
    "activites": "activities",
    "diplome": "diploma",
    "experience": "experience",
    "connaissances": "knowledge",
    "competences": "skills",
    "mobilite": "mobility",
    "offres": "offers",
    "sources": "sources",
    "rome": "rome",
    "depuis": "later",
}
_ALIASES = {
    "remuneration": "salaire",
    "salary": "salaire",
    "offers": "offres",
    "mobility": "mobilite",
    "skills": "competences",
    "activities": "activites",
    "diploma": "diplome",
    "p-1": "mobilite",
    "p+1": "mobilite",
    "depuis-2008": "depuis",
    "later": "depuis",
    "codes-rome": "rome",
}


def _section_id(section: str | None) -> str | None:
    from iae_cli.lookup import fold

    if section is None:
        return None
    key = fold(section)
    key = _ALIASES.get(key, key)
    if key not in _JSON_KEYS:
        raise UsageError(f"section « {section[:40]} » inconnue ; sections possibles : {', '.join(_JSON_KEYS)}")
    return key


def _section_key(section: str) -> str:
    return _JSON_KEYS[_section_id(section) or ""]
