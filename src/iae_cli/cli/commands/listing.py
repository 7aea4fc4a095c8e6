"""`iae list`: one line per fiche."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, check_level, euros_for, euros_option, format_option, level_option
from iae_cli.cli.output import emit_data, emit_document, emit_json_items
from iae_cli.errors import NoResultError, UsageError

if TYPE_CHECKING:
    from iae_cli.catalog import Catalog

FORMATS = ("table", "json")
EXAMPLES = (
    "iae list",
    "iae list -l direction",
    "iae list --roles",
)
NO_FICHE = "aucune fiche à ce niveau"


def run(
    ctx: typer.Context,
    level: str | None = level_option(),
    roles: bool = typer.Option(
        False,
        "--roles",
        help="Lister les autres postes cités par l'étude (sans fiche métier), que show et path connaissent.",
    ),
    euros: str | None = euros_option(),
    fmt: str = format_option(*FORMATS),
) -> None:
    fmt = check_format(fmt, *FORMATS)
    wanted = check_level(level)
    catalog = state(ctx).catalog()
    if roles:
        if wanted is not None:
            raise UsageError("--level ne s'applique qu'aux fiches métiers, pas à --roles")
        _roles(catalog, fmt)
        return
    conversion = euros_for(catalog, euros)
    cached = conversion is None or conversion.year == conversion.prices.latest  # the cache holds the latest
    if fmt == "json":  # the cached items, copied: no summary is built or encoded again
        from iae_cli.render import data

        if not cached:
            summaries = [s for s in catalog.summaries.values() if wanted is None or s.level == wanted]
            items = [data.list_item(s, conversion) for s in summaries]
        else:
            items = catalog.list_items(lambda s: data.list_item(s, conversion)).of_level(wanted)
        if not items:
            raise NoResultError(NO_FICHE)
        emit_json_items(items)
        return
    from iae_cli.render import fiche_views

    if cached:  # the table's rows, cached like the JSON items
        rows = catalog.list_items(fiche_views.encoded_rows(conversion), "rows")
        chosen_levels = [level for level, _count in rows.levels if wanted is None or level == wanted]
        groups = [(level, fiche_views.decoded_rows(rows.of_level(level))) for level in chosen_levels]
        document = fiche_views.fiche_table([(level, found) for level, found in groups if found], conversion)
        if not any(found for _level, found in groups):
            raise NoResultError(NO_FICHE)
    else:
        fiches = [f for f in catalog.summaries.values() if wanted is None or f.level == wanted]
        if not fiches:
            raise NoResultError(NO_FICHE)
        document = fiche_views.fiche_list(fiches, conversion)
    if wanted is not None:
        from iae_cli.model import LEVEL_LABELS
        from iae_cli.render.document import Document, Paragraph

        chosen = Paragraph(f"Niveau retenu : {LEVEL_LABELS[wanted]} (--level {wanted}).", "note")
        document = Document().add(chosen, *document.blocks)
    emit_document(document)


def _roles(catalog: Catalog, fmt: str) -> None:
    roles = list(catalog.roles.values())
    if fmt == "json":
        from iae_cli.render import data

        emit_data([data.role_summary(r) for r in roles], fmt)
        return
    from iae_cli.render.role_views import role_list

    emit_document(role_list(roles))
