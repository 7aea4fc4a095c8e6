"""`iae search MOTS…`: free French words -> fiches, roles, sector topics and acronyms, best first."""

from __future__ import annotations

import typer

from iae_cli.cli.app import state
from iae_cli.cli.options import check_format, format_option, parse_count, require_argument
from iae_cli.cli.output import emit_data, emit_document
from iae_cli.errors import EXIT_NO_RESULT, UsageError

EXAMPLES = (
    "iae search accompagner les salariés en insertion",
    'iae search "microcrédit création d\'entreprise"',
    "iae search '\"contrôle de gestion\"'   (expression exacte)",
    "iae search recrut --limit 3 --format json",
)
FORMATS = ("table", "json", "markdown", "html")


def run(
    ctx: typer.Context,
    words: list[str] | None = typer.Argument(
        None,
        help='Mots à chercher ; "entre guillemets" pour une expression exacte. Obligatoire.',
        metavar="MOTS…",
        show_default=False,
    ),
    limit: str = typer.Option(
        "10",
        "--limit",
        "-n",
        help="Nombre de résultats à montrer (1 à 1000 ; par défaut : 10).",
        metavar="N",
        show_default=False,
    ),
    fmt: str = format_option(*FORMATS),
) -> None:
    from iae_cli.search import parse_query

    fmt = check_format(fmt, *FORMATS)
    count = parse_count(limit, "--limit") or 10
    text = " ".join(require_argument(words, "MOTS…", "search"))
    if not parse_query(text).terms:
        raise UsageError(
            "la recherche ne contient aucun mot à chercher (les petits mots comme « de » ou « les » sont ignorés) ; "
            "par exemple : iae search accompagnement"
        )
    result = state(ctx).catalog().search_index().search(text, count)
    if fmt == "json":
        from iae_cli.render import data

        emit_data(data.search(result), fmt)
    elif fmt == "html":
        from iae_cli.cli.handout import emit_handout
        from iae_cli.render.handout_views import search_handout

        emit_handout(state(ctx).catalog(), search_handout(result), [], fmt)
    else:
        from iae_cli.render.search_views import search_view

        emit_document(search_view(result), fmt)
    if not result.hits:
        raise typer.Exit(EXIT_NO_RESULT)
