"""`iae show ID`: a whole fiche, or one section of it."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.names import complete_fiche_id, resolve_fiche
from iae_cli.cli.options import check_format, format_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import UsageError

FORMATS = ("table", "json", "yaml", "markdown", "html")


def run(
    ctx: typer.Context,
    name: str = typer.Argument(
        ...,
        help="Identifiant, intitulé (masculin ou féminin), avec ou sans accents.",
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
    fmt: str = format_option(*FORMATS),
    details: bool = details_option(),
) -> None:
    check_format(fmt, *FORMATS)
    catalog = state(ctx).catalog()
    fiche = catalog.fiche(resolve_fiche(catalog, name))
    if fmt in ("json", "yaml"):
        from iae_cli.render import data

        emit_data(data.fiche(fiche) if section is None else data.fiche_section(fiche, _section_key(section)), fmt)
        return
    from iae_cli.render.fiche_views import fiche_view

    if fmt in HANDOUT_FORMATS:
        from iae_cli.render.handout_views import fiche_handout

        if details or section is not None:
            emit_handout(catalog, fiche_view(fiche, catalog.title_of, _section_id(section)), [], fmt, footer=False)
        else:
            prices = catalog.prices()
            s = fiche.summary.salary
            today = prices.convert(s.min_keur, s.max_keur, prices.latest, s.year) if prices else None
            emit_handout(catalog, fiche_handout(fiche, catalog.title_of, today), [fiche.summary.pages], fmt)
        return
    emit_document(fiche_view(fiche, catalog.title_of, _section_id(section)), fmt)


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
