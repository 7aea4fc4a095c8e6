"""`iae show [NAME]`: a fiche or some of its sections, another post of the study, a ROME code, or the choices."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from iae_cli.cli.app import state
from iae_cli.cli.handout import HANDOUT_FORMATS, details_option, emit_handout
from iae_cli.cli.names import complete_post_id, resolve_role
from iae_cli.cli.options import check_format, euros_for, euros_option, format_option
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import NoResultError, UsageError

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog
    from iae_cli.model import Fiche
    from iae_cli.money import Euros
    from iae_cli.render.document import Document

FORMATS = ("table", "json", "yaml", "markdown", "html")
EXAMPLES = (
    "iae show charge-insertion",
    'iae show "chargée d\'insertion" -s salaire -s diplome',
    "iae show travailleur-social",
)

# section id (as typed) -> key of the fiche in JSON
SECTION_KEYS = {
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


def _complete_section(incomplete: str) -> list[str]:
    return [s for s in SECTION_KEYS if s.startswith(incomplete.lower())]


def run(
    ctx: typer.Context,
    name: str | None = typer.Argument(
        None,
        help="Identifiant ou intitulé d'un métier (masculin ou féminin, avec ou sans accents), d'un autre poste "
        "cité par l'étude, ou code ROME (K1801). Sans lui, la liste des choix.",
        metavar="[MÉTIER]",
        autocompletion=complete_post_id,
        show_default=False,
    ),
    sections: list[str] | None = typer.Option(
        None,
        "--section",
        "-s",
        help=f"N'afficher que cette section (à répéter pour plusieurs) : {', '.join(SECTION_KEYS)}.",
        metavar="SECTION",
        show_default=False,
        autocompletion=_complete_section,
    ),
    euros: str | None = euros_option(),
    fmt: str = format_option(*FORMATS),
    details: bool = details_option(),
) -> None:
    from iae_cli.later import is_rome_code

    fmt = check_format(fmt, *FORMATS)
    chosen = tuple(_section_id(s) for s in sections or ())
    catalog = state(ctx).catalog()
    if name is None:
        _choices(catalog, fmt)
        return
    if is_rome_code(name):
        _rome_code(catalog, name.strip().upper(), fmt)
        return
    post = resolve_role(catalog, name)
    if post not in catalog.files:
        if chosen:
            raise UsageError(f"{post} n'a pas de fiche métier : --section ne s'applique qu'aux fiches")
        _role(catalog, post, fmt)
        return
    _fiche(catalog, catalog.fiche(post), chosen, euros_for(catalog, euros), fmt, details)


def _fiche(
    catalog: Catalog, fiche: Fiche, chosen: tuple[str, ...], conversion: Euros | None, fmt: str, details: bool
) -> None:
    from iae_cli.later import for_fiche

    later = for_fiche(fiche, catalog.later(), catalog.rome())
    if fmt in ("json", "yaml"):
        from iae_cli.render import data

        keys = tuple(SECTION_KEYS[s] for s in chosen)
        payload = data.fiche_section(fiche, keys, conversion, later) if keys else data.fiche(fiche, conversion, later)
        emit_data(payload, fmt)
        return
    from iae_cli.render.fiche_views import fiche_view

    if fmt in HANDOUT_FORMATS and not details and not chosen:
        from iae_cli.render.handout_views import fiche_handout
        from iae_cli.render.later_views import rome_blocks

        s = fiche.summary.salary
        today = conversion.convert(s.min_keur, s.max_keur, s.year) if conversion else None
        handout = fiche_handout(fiche, catalog.title_of, today).add(*rome_blocks(later, catalog.rome()))
        emit_handout(catalog, handout, [fiche.summary.pages], fmt, since=later.entries)
        return
    later_facts = later.entries
    if fmt in HANDOUT_FORMATS:  # the handout adds « Depuis 2008 » itself: not twice
        later = later._replace(entries=())
    rome = catalog.rome()
    document = fiche_view(fiche, catalog.title_of, chosen[0] if chosen else None, conversion, later, rome)
    for section in chosen[1:]:  # the header (title, id, level) once, then each section asked for
        document.add(*fiche_view(fiche, catalog.title_of, section, conversion, later, rome).blocks[2:])
    if fmt in HANDOUT_FORMATS:  # « Depuis 2008 »: the fiche's facts, as at a terminal, when they are asked for
        since = later_facts if not chosen or "depuis" in chosen else None
        emit_handout(catalog, document, [], fmt, footer=False, since=since)
    else:
        emit_document(document, fmt)


def _role(catalog: Catalog, role_id: str, fmt: str) -> None:
    role, graph = catalog.roles[role_id], catalog.graph()
    if fmt in ("json", "yaml"):
        from iae_cli.render import data

        emit_data(data.role(role, graph), fmt)
        return
    from iae_cli.render.role_views import role_view

    _emit(catalog, role_view(role, graph, catalog.title_of), fmt, [role.pages])


def _choices(catalog: Catalog, fmt: str) -> None:
    fiches, roles = catalog.summaries.values(), list(catalog.roles.values())
    if fmt in ("json", "yaml"):
        from iae_cli.render import data

        emit_data({"fiches": [data.summary(f) for f in fiches], "roles": [data.role_summary(r) for r in roles]}, fmt)
        return
    from iae_cli.render.role_views import choices_view

    _emit(catalog, choices_view(fiches, roles), fmt, [])


def _emit(catalog: Catalog, document: Document, fmt: str, pages: list[str]) -> None:
    if fmt in HANDOUT_FORMATS:
        emit_handout(catalog, document, pages, fmt, footer=bool(pages))
    else:
        emit_document(document, fmt)


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


def _section_id(section: str) -> str:
    from iae_cli.lookup import fold

    key = fold(section)
    key = _ALIASES.get(key, key)
    if key not in SECTION_KEYS:
        starts = [s for s in SECTION_KEYS if key and s.startswith(key)]
        if len(starts) == 1:
            return starts[0]
        raise UsageError(f"section « {section[:40]} » inconnue ; sections possibles : {', '.join(SECTION_KEYS)}")
    return key
