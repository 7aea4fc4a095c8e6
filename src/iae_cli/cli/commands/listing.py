"""`iae list`: one line per fiche."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, check_level, euros_for, euros_option, format_option, level_option
from iae_cli.cli.output import emit_document, emit_json_items
from iae_cli.errors import NoResultError

FORMATS = ("table", "json")
NO_FICHE = "aucune fiche à ce niveau"


def run(
    ctx: typer.Context,
    level: str | None = level_option(),
    euros: str | None = euros_option(),
    fmt: str = format_option(*FORMATS),
) -> None:
    check_format(fmt, *FORMATS)
    wanted = check_level(level)
    catalog = state(ctx).catalog()
    conversion = euros_for(catalog, euros)
    if fmt == "json":  # the cached items, copied: no summary is built or encoded again
        from iae_cli.render import data

        if conversion is not None and conversion.year != conversion.prices.latest:  # the cache holds the latest
            summaries = [s for s in catalog.summaries.values() if wanted is None or s.level == wanted]
            items = [data.list_item(s, conversion) for s in summaries]
        else:
            items = catalog.list_items(wanted, lambda s: data.list_item(s, conversion))
        if not items:
            raise NoResultError(NO_FICHE)
        emit_json_items(items)
        return
    fiches = [f for f in catalog.summaries.values() if wanted is None or f.level == wanted]
    if not fiches:
        raise NoResultError(NO_FICHE)
    from iae_cli.render.fiche_views import fiche_list

    emit_document(fiche_list(fiches, conversion))
